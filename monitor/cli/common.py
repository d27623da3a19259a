"""What the CLI's commands share: errors for the operator, the Redis to use, output."""


from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis

from monitor.settings import Settings
from monitor.state.redis_server import PrivateRedis, connect


class UsageError(Exception):
    """Bad input from the operator: the message says what was wrong and what to do."""


@contextmanager
def redis_for(s: Settings, persistent: bool = True) -> Iterator[redis.Redis]:
    """The configured Redis, or a private redis-server (kept in the state directory)."""
    if s.redis_url:
        yield connect(s.redis_url, s.redis_password or None)
        return
    data = s.state_path() / ("redis" if persistent else f"redis-run-{int(time.time() * 1000)}")
    pr = PrivateRedis(data, appendonly=persistent).start()
    try:
        yield connect(pr.url)
    finally:
        pr.stop()


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
