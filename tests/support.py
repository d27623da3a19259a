"""What the tests share: loopback servers, the seed sample's path, a wait, sample records."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import redis

from monitor.extract.figures import extract
from monitor.ingest.cleaning import content_spans, hard_wrapped
from monitor.models import Alert
from monitor.state.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "monitor" / "devtools" / "seeds"


def wait_for(pred: Callable[[], object], timeout: float = 60, step: float = 0.3) -> bool:
    """Poll ``pred`` until it is true or ``timeout`` passes; a Redis that is away (a restart
    drill) counts as not yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if pred():
                return True
        except redis.RedisError:
            pass
        time.sleep(step)
    return False


def newsmon(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as a user does."""
    e = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True, text=True, env=e,
                          timeout=60)


def make_alerts(store: Store, n: int, story: str = "s1", kind: str = "figure_disputed", first: int = 0) -> list[str]:
    ids = []
    for i in range(first, first + n):
        a = Alert(f"a{i:06d}", story, "t", f"art{i}", kind, f"Killed disputed: {i} vs {i + 5} <!channel>",
                  (f"{i}: the police (Outlet {i})",), "2026-01-01T00:00:00Z")
        store.put_alert(a, i)
        ids.append(a.id)
    return ids


def delivery_state(store: Store, alert_id: str, channel: str) -> str | None:
    d = store.delivery_on(alert_id, channel)
    return d.state.value if d else None


class Inbox:
    """An aiosmtpd handler that keeps the messages it receives."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802, ANN001, ANN201 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def rss(base: str, n: int, links: bool = True, title: str = "Healthy") -> bytes:
    items = "".join(
        f"<item><title>Shooting {i} on Main Street leaves {i} injured</title>"
        + (f"<link>{base}/page/{i}</link>" if links else "")
        + f"<description>Police said {i} people were injured in a shooting on Main Street.</description>"
        f"<pubDate>Mon, 0{i} Jan 2024 10:00:00 GMT</pubDate></item>" for i in range(1, n + 1))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>{items}</channel></rss>".encode()


def page(i: int) -> bytes:
    body = " ".join(f"<p>Police said {i} people were injured in a shooting on Main Street on Sunday night. "
                    f"The victims were taken to a hospital, officers said.</p>" for _ in range(3))
    return f"<html><head><title>Shooting {i}</title></head><body><article>{body}</article></body></html>".encode()


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
                self.body = body  # (for a route that reads it: requests[-1] may be another's)
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


# ---------------------------------------------------------------- extraction


def source_of(text, figure):
    """Who the figure overlapping ``figure`` (a substring of text) is attributed to."""
    at = text.index(figure)
    found = [(f.span, f.attributed_to.text if f.attributed_to else None)
             for f in extract(text, "", content_spans(text)).figures]
    for (a, b), src in found:
        if a < at + len(figure) and at < b:
            return src
    raise AssertionError(f"{figure!r} not extracted: {[(text[a:b], src) for (a, b), src in found]}")


def responsibility(text: str) -> set[tuple[str, str]]:
    """(kind, actor) of the responsibility attributions extracted from a text."""
    ex = extract(text, "", content_spans(text))
    return {(a.kind, a.actor) for a in ex.attributions if a.actor and a.kind != "means"}


def assert_reads(text: str, found: tuple[str, str] | None, not_actor: str | None) -> None:
    """The text yields the (kind, actor) ``found``, and no actor that contains ``not_actor``."""
    got = responsibility(text)
    if found:
        assert found in got, got
    if not_actor:
        assert not any(not_actor in a for _, a in got), got


def wire_copy(dateline: str, *paragraphs: str) -> str:
    """All-caps wire copy, hard-wrapped like the MUC items (checked: these tests are about that copy)."""
    import textwrap

    paras = [f"{dateline} (RADIO SUR) -- [TEXT] {paragraphs[0]}", *paragraphs[1:]]
    text = "\n\n".join(textwrap.fill(p, 50, initial_indent="   ") for p in paras) + "\n"
    assert hard_wrapped(text), text
    return text


# ---------------------------------------------------------------- web view

class WebServer:
    """``newsmon web``'s app under uvicorn, on a free loopback port, in a thread."""

    def __init__(self, r, namespace: str, token: str = "", live: float = 15.0, archive=None) -> None:  # noqa: ANN001
        import socket

        import uvicorn

        from monitor.web.app import create_app
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(create_app(r, namespace, token, live, archive=archive), log_level="warning")
        self.server = uvicorn.Server(config)
        self.server.install_signal_handlers = lambda: None  # (uvicorn < 0.29's hook; harmless after)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        assert wait_for(lambda: self.server.started, timeout=20, step=0.05), "the web view did not start"

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
