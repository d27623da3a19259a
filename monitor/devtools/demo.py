"""``newsmon demo``: the whole daemon on the bundled sample.

Serves the seed articles as RSS feeds (one per outlet) and HTML pages on a loopback port,
releasing them one by one in publication order; runs the real clock and a real worker as
child processes against a private Redis; the worker's console channel prints each alert as it
is delivered; at the end the stories are summarised. Exits when the stream is drained.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import redis

from monitor.devtools.loopback import send_body, stop
from monitor.devtools.sample import SampleArticle, load_sample
from monitor.models import Topic
from monitor.settings import Settings
from monitor.state.keys import Keys
from monitor.state.redis_server import PrivateRedis, connect
from monitor.state.store import Feed, Store
from monitor.stories.render import story_text

TOPIC = Topic("iraq-strikes", ("Iran backed militia", "Kataib Hezbollah", "Kata'ib Hezbollah"), (), ("console",))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def page_html(a: SampleArticle) -> bytes:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in a.text.split("\n")[1:] if p.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(a.title)}</title>"
            f"<meta property='og:site_name' content='{html.escape(a.outlet)}'></head><body><article>"
            f"<h1>{html.escape(a.title)}</h1>\n{paras}\n</article></body></html>").encode()


def feed_xml(outlet: str, items: list[SampleArticle], base: str) -> bytes:
    entries = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{base}/article/{a.id}.html</link>"
        f"<guid>{base}/article/{a.id}.html</guid>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(a.published.replace('Z', '+00:00')))}</pubDate>"
        f"<description>{html.escape(a.text.split(chr(10), 1)[-1][:300])}</description></item>"
        for a in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{html.escape(outlet)}</title>"
            f"<link>{base}/</link><description>{html.escape(outlet)}</description>{entries}</channel></rss>").encode()


class SampleServer:
    """Feeds and pages of the sample; article i appears at start + i * interval, and, with a
    ``gate``, not before ``gate(i)`` is true (e.g. the first i articles are through the pipeline:
    a test that needs arrival in publication order gets it however loaded the machine is)."""

    def __init__(self, articles: list[SampleArticle], interval: float,
                 gate: Callable[[int], bool] | None = None):
        self.articles, self.interval, self.gate = articles, interval, gate
        self.start_time = time.monotonic()
        self._n = 1
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def released(self) -> list[SampleArticle]:
        due = int((time.monotonic() - self.start_time) / self.interval) + 1
        with self._lock:
            if self._n < due and (self.gate is None or self.gate(self._n)):
                self._n = due if self.gate is None else self._n + 1
            return self.articles[:self._n]

    def all_released(self) -> bool:
        return len(self.released()) == len(self.articles)

    def outlet_of(self, feed_slug: str) -> str:
        return next((o for o in self.outlets() if slug(o) == feed_slug), feed_slug)

    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                released = server.released()
                m = re.fullmatch(r"/feed/([a-z0-9-]+)\.xml", self.path)
                if m:
                    items = [a for a in released if slug(a.outlet) == m.group(1)]
                    return self._send(200, feed_xml(server.outlet_of(m.group(1)), items, server.base), "application/rss+xml")
                m = re.fullmatch(r"/article/(\w+)\.html", self.path)
                if m:
                    for a in released:
                        if a.id == m.group(1):
                            return self._send(200, page_html(a), "text/html; charset=utf-8")
                self._send(404, b"not found", "text/plain")

            def _send(self, code: int, body: bytes, ctype: str) -> None:
                send_body(self, code, body, ctype)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> SampleServer:
        self.start_time = time.monotonic()
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def drained(store: Store, expected_articles: int) -> bool:
    """Every released article processed, no job queued, running or scheduled, every alert settled."""
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry

    from monitor.state.queues import QUEUES, queue
    r = store.r
    if r.zcard(store.k.articles()) < expected_articles:
        return False
    for name in QUEUES:
        q = queue(r, store.k.ns, name)
        if q.count or len(StartedJobRegistry(queue=q)) or len(ScheduledJobRegistry(queue=q)):
            return False
    for a in store.alerts():
        if not all(d.state.settled for d in store.delivery(a.id).values()):
            return False
    return True


def serve_web(r: redis.Redis, ns: str, stories: list, port: int) -> None:
    """``demo --web``: the web view of the sample on loopback until Ctrl-C."""
    import socket

    import uvicorn

    from monitor.web.app import create_app
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    print(f"\nnewsmon demo: the web view is on {base}/ (Ctrl-C to stop)", flush=True)
    for st in stories:
        print(f"  {base}/stories/{st.id}  {st.title}", flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(r, ns), log_level="warning", server_header=False))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn hands Ctrl-C on once it has shut down
        pass


def run_demo(s: Settings, interval: float = 2.0, timeout: float = 300.0, web_port: int | None = None) -> int:
    articles = load_sample()
    pr = None
    if s.redis_url:
        url, ns = s.redis_url, f"newsmon:demo:{uuid.uuid4().hex[:8]}"
    else:
        pr = PrivateRedis(s.state_path() / f"demo-redis-{os.getpid()}").start()
        url, ns = pr.url, "newsmon"
    r = connect(url)
    store = Store(r, Keys(ns))
    server = SampleServer(articles, interval)
    procs: list[subprocess.Popen] = []
    logdir = s.state_path()
    logdir.mkdir(parents=True, exist_ok=True)
    log = open(logdir / "demo.log", "w")  # noqa: SIM115 - closed below
    try:
        server.start()
        ids = []
        for outlet in server.outlets():
            fid = slug(outlet)
            store.put_feed(Feed(fid, f"{server.base}/feed/{fid}.xml", [TOPIC.name], interval=1.0))
            store.schedule(fid, time.time())
            ids.append(fid)
        store.put_topic(TOPIC)
        print(f"newsmon demo: {len(articles)} articles from {len(ids)} outlets, one every {interval:g}s, "
              f"served on {server.base}; topic {TOPIC.name!r}\n", flush=True)
        env = {**os.environ, "REDIS_URL": url, "NEWSMON_NAMESPACE": ns, "NEWSMON_ALLOW_PRIVATE": "true",
               "NEWSMON_TICK_SECONDS": "0.5", "NEWSMON_POLL_INTERVAL": "1", "NEWSMON_POLL_MIN": "0.5",
               "NEWSMON_POLL_MAX": "1", "NEWSMON_HOST_SPACING": "0",
               "PYTHONUNBUFFERED": "1"}
        for k in ("NEWSMON_SLACK_WEBHOOK_URL", "NEWSMON_SLACK_TOKEN", "NEWSMON_SENTRY_DSN"):
            env.pop(k, None)  # the demo posts to the console only
        cmd = [sys.executable, "-m", "monitor"]
        procs.append(subprocess.Popen([*cmd, "clock"], env=env, stdout=log, stderr=log))
        procs.append(subprocess.Popen([*cmd, "worker", "--quiet", "--name", f"demo-{os.getpid()}"],
                                      env=env, stdout=None, stderr=log))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.5)
            if any(p.poll() is not None for p in procs):
                print(f"newsmon demo: a child process died; see {logdir / 'demo.log'}", file=sys.stderr)
                return 1
            if server.all_released() and drained(store, len(articles)):
                break
        else:
            print(f"newsmon demo: not drained after {timeout:.0f}s; see {logdir / 'demo.log'}", file=sys.stderr)
            return 1
        time.sleep(0.3)
        stories = sorted(store.stories(TOPIC.name), key=lambda x: x.id)
        print(f"\n=== {len(stories)} stories ===")
        for st in stories:
            print()
            print(story_text(st))
        if web_port is not None:
            stop(procs, 10)  # the stream is drained: only the page stays up
            serve_web(r, ns, stories, web_port)
        return 0
    finally:
        stop(procs, 10)
        server.stop()
        if pr is None:
            for key in r.scan_iter(match=f"{ns}:*"):
                r.delete(key)
        else:
            pr.stop()
            shutil.rmtree(pr.data_dir, ignore_errors=True)  # the demo's private Redis leaves nothing behind
        log.close()
