"""The admin CLI, ``newsmon``: nouns and verbs for operators, the daemon's processes and the dev tools."""

from monitor.cli.main import main

__all__ = ["main"]
