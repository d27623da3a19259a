"""Fixtures on real parts: a redis-server this suite starts on a free port, loopback HTTP."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis

from monitor.state.keys import Keys
from monitor.state.redis_server import PrivateRedis
from monitor.state.store import Store


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


Route = Callable[[BaseHTTPRequestHandler], None]


def respond(h: BaseHTTPRequestHandler, status: int = 200, body: bytes = b"",
            headers: dict[str, str] | None = None) -> None:
    """Answer a request from a test route."""
    h.send_response(status)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


class LoopbackServer:
    """A real HTTP server on 127.0.0.1 whose routes the test sets; it records requests."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.stop = threading.Event()  # handlers that hang or drip watch it
        self.routes: dict[tuple[str, str], Route] = {}
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self, method: str) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                server.requests.append((method, self.path, dict(self.headers), body))
                route = server.routes.get((method, self.path))
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route(self)

            def do_GET(self) -> None:  # noqa: N802
                self._handle("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._handle("POST")

            def log_message(self, *a: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reply(self, method: str, path: str, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.routes[(method, path)] = lambda h: respond(h, status, body, headers)

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


SEEDS = Path(__file__).resolve().parent.parent / "monitor" / "devtools" / "seeds"
