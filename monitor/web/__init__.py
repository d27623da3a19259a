"""The read-only web view (``newsmon web``): pages and JSON over the same Redis as the daemon."""
