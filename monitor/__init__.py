"""newsmon: watch news feeds, group articles into stories, keep a ledger of reported figures
and attributions, and alert when they change or sources disagree."""

__version__ = "0.1.0"
