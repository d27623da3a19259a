"""Thin RQ jobs: load by id, call the core in ``monitor``, save, enqueue the next step."""
