"""Benchmarks: ``newsmon bench polling`` and ``newsmon bench extraction``.

Each works in its own key namespace and removes its keys at the end.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import redis

from monitor.clock import Leader, tick
from monitor.keys import Keys
from monitor.store import Feed, Store


class _NotModified(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(304)
        self.send_header("ETag", '"same"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a: object) -> None:
        pass


def _drop_jobs(r: redis.Redis, q) -> None:  # noqa: ANN001 - rq.Queue
    ids = q.get_job_ids()
    q.empty()
    for i in range(0, len(ids), 1000):
        r.delete(*[f"rq:job:{j}" for j in ids[i:i + 1000]])


def _cleanup(r: redis.Redis, ns: str) -> None:
    for pattern in (f"{ns}:*", f"rq:*{ns}*"):
        keys = list(r.scan_iter(match=pattern, count=5000))
        for i in range(0, len(keys), 1000):
            r.delete(*keys[i:i + 1000])


def polling(r: redis.Redis, redis_url: str, feeds: int = 10_000, polls: int = 1000) -> dict:
    ns = f"bench-{uuid.uuid4().hex[:6]}"
    store = Store(r, Keys(ns))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _NotModified)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        now = time.time()
        with r.pipeline(transaction=False) as p:
            for i in range(feeds):
                f = Feed(f"f{i}", f"{base}/feed/{i}", [], etag='"same"', interval=600)
                p.hset(store.k.feeds(), f.id, json.dumps(f.to_dict()))
                p.zadd(store.k.feeds_due(), {f.id: now - 1})
            p.execute()
        leader = Leader(r, store.k.lock("clock"), 10)
        from rq import Queue

        from workers.queues import queue_name
        q = Queue(queue_name(ns, "poll"), connection=r)
        # the worst case: every feed due at once (after an outage)
        t0 = time.perf_counter()
        n_all = tick(store, leader, now, lease=60)
        tick_all = time.perf_counter() - t0
        _drop_jobs(r, q)
        # the steady state: 10,000 registered, `polls` of them due
        r.zadd(store.k.feeds_due(), {f"f{i}": now + 1 if i < polls else now + 3600 for i in range(feeds)})
        t0 = time.perf_counter()
        n_due = tick(store, leader, now + 2, lease=60)
        tick_due = time.perf_counter() - t0
        env = {**os.environ, "REDIS_URL": redis_url, "NEWSMON_NAMESPACE": ns, "NEWSMON_ALLOW_PRIVATE": "true",
               "NEWSMON_HOST_SPACING": "0"}
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "monitor", "worker", "--burst", "--quiet"], env=env, check=True,
                       capture_output=True)
        worker_s = time.perf_counter() - t0
        polled = sum(1 for f in store.feeds() if f.last_success)
        return {"feeds_registered": feeds, "tick_due_feeds": n_due, "tick_seconds": round(tick_due, 3),
                "tick_all_due_feeds": n_all, "tick_all_seconds": round(tick_all, 3),
                "polls_304": polled, "worker_seconds": round(worker_s, 2),
                "polls_per_second": round(polled / worker_s, 1)}
    finally:
        httpd.shutdown()
        httpd.server_close()
        _cleanup(r, ns)


def extraction(path: Path, repeat: int = 3) -> dict:
    """Articles per second of extraction alone (cleaning excluded), on one core."""
    from monitor.cleaning import content_spans
    from monitor.extraction import extract

    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    runs = []
    for _ in range(repeat):
        t0 = time.process_time()
        for d in docs:
            text = d.get("text") or ""
            extract(text, d.get("title") or "", content_spans(text))
        runs.append(time.process_time() - t0)
    best = min(runs)
    return {"articles": len(docs), "cpu_seconds_best": round(best, 3),
            "cpu_seconds_median": round(statistics.median(runs), 3),
            "articles_per_second": round(len(docs) / best, 1)}
