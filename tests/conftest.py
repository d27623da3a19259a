"""Fixtures on real parts: a redis-server this suite starts on a free port, loopback HTTP.
Shared helpers live in ``tests/support.py``."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import redis

from monitor.state.keys import Keys
from monitor.state.redis_server import PrivateRedis
from monitor.state.store import Store
from tests.support import LoopbackServer


@pytest.fixture(scope="session", autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The state directory (the SQLite archive, a demo's Redis) of every process the suite runs:
    never the user's own."""
    path = str(tmp_path_factory.mktemp("state"))
    old = os.environ.get("NEWSMON_STATE_DIR")
    os.environ["NEWSMON_STATE_DIR"] = path
    yield path
    if old is None:
        os.environ.pop("NEWSMON_STATE_DIR", None)
    else:
        os.environ["NEWSMON_STATE_DIR"] = old


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateRedis]:
    pr = PrivateRedis(tmp_path_factory.mktemp("redis")).start()
    yield pr
    pr.stop()


@pytest.fixture
def r(redis_server: PrivateRedis) -> Iterator[redis.Redis]:
    conn = redis.Redis.from_url(redis_server.url)
    conn.flushdb()  # our own server, started above
    yield conn
    conn.close()


@pytest.fixture
def store(r: redis.Redis) -> Store:
    return Store(r, Keys(f"test:{uuid.uuid4().hex[:8]}"))


@pytest.fixture
def http() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


