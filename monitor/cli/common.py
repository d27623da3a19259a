"""What the CLI's commands share: errors for the operator, the Redis to use, output."""


from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis

from monitor.settings import Settings
from monitor.state.archive import Archive
from monitor.state.redis_server import PrivateRedis, connect


class UsageError(Exception):
    """Bad input from the operator: the message says what was wrong and what to do."""


@contextmanager
def redis_for(s: Settings, private: bool = False) -> Iterator[redis.Redis]:
    """The configured Redis. Without REDIS_URL, a command that runs on its own (``private``:
    replay, eval, bench, demo) gets a redis-server of its own, removed with its folder when the
    command ends; any other command is refused, since no clock or worker would ever read what it
    wrote (they need REDIS_URL too)."""
    if s.redis_url:
        yield connect(s.redis_url, s.redis_password or None)
        return
    if not private:
        raise UsageError("this command needs REDIS_URL, the Redis the clock and workers share "
                         "(replay, eval, bench and demo start a private one)")
    import shutil
    import tempfile
    s.state_path().mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="redis-run-", dir=s.state_path()))  # one per run: no two share an AOF
    pr = PrivateRedis(data).start()
    try:
        yield connect(pr.url)
    finally:
        pr.stop()
        shutil.rmtree(data, ignore_errors=True)


def term_width() -> int | None:
    """The terminal's width, or None when the output goes elsewhere (a pipe, a file): uncut."""
    import shutil
    import sys
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def show(obj: object, as_json: bool, human: str) -> None:
    print(json.dumps(obj, indent=2, default=str) if as_json else human)


def ago(ts: float | None) -> str:
    if not ts:
        return "-"
    d = time.time() - ts
    return f"{int(d)}s ago" if abs(d) < 120 else f"{int(d // 60)}m ago" if abs(d) < 7200 else f"{d / 3600:.1f}h ago"


def due_in(ts: float | None) -> str:
    if ts is None:
        return "-"
    d = ts - time.time()
    return "now" if d <= 0 else f"in {int(d)}s" if d < 120 else f"in {int(d // 60)}m"


def archive_if_any(s: Settings) -> Archive | None:
    """The archive, when there is one (reading commands do not create it)."""
    from monitor.state.archive import open_archive
    loc = s.archive_location()
    if not s.archive_url and not Path(loc).exists():
        return None
    return open_archive(loc, s.namespace)
