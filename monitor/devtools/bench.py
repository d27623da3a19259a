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

from monitor.devtools.loopback import send_body, stop
from monitor.ops.clock import Leader, tick
from monitor.state.keys import Keys
from monitor.state.store import Feed, Store
from monitor.stories.matching import epoch


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

        from monitor.state.queues import queue
        q = queue(r, ns, "poll")
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
    from monitor.extract.figures import extract
    from monitor.ingest.cleaning import content_spans

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


class _StreamServer:
    """Feeds and pages of a JSONL corpus on loopback; article i appears at start + i / rate."""

    def __init__(self, docs: list[dict], feeds: int, rate: float):
        import html as _html

        self.docs, self.feeds, self.rate = docs, feeds, rate
        self.start = time.time()
        self.pages = {}
        for i, d in enumerate(docs):
            paras = "".join(f"<p>{_html.escape(p)}</p>" for p in (d.get("text") or "").split("\n") if p.strip())
            self.pages[i] = (f"<html><head><title>{_html.escape(d.get('title') or '')}</title></head><body>"
                             f"<article><h1>{_html.escape(d.get('title') or '')}</h1>{paras}</article>"
                             f"</body></html>").encode()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                path = self.path
                if path.startswith("/feed/"):
                    return self._send(server.feed(int(path.split("/")[2].split(".")[0])), "application/rss+xml")
                if path.startswith("/page/"):
                    i = int(path.split("/")[2].split(".")[0])
                    if server.released(i):
                        return self._send(server.pages[i], "text/html; charset=utf-8")
                self._send(b"", "text/plain", 404)

            def _send(self, body: bytes, ctype: str, code: int = 200) -> None:
                send_body(self, code, body, ctype)

            def log_message(self, *a: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def appears(self, i: int) -> float:
        return self.start + i / self.rate

    def released(self, i: int) -> bool:
        return time.time() >= self.appears(i)

    def feed(self, f: int) -> bytes:
        from email.utils import formatdate
        items = "".join(
            f"<item><title>{i}</title><link>{self.base}/page/{i}.html</link><guid>doc-{i}</guid>"
            f"<pubDate>{formatdate(self.appears(i), usegmt=True)}</pubDate></item>"
            for i in range(f, len(self.docs), self.feeds) if self.released(i))
        return f"<?xml version='1.0'?><rss version='2.0'><channel><title>feed {f}</title>{items}</channel></rss>".encode()


def pipeline(redis_url: str, data: Path, workers: list[int], articles: int = 300, feeds: int = 30,
             rate: float = 20.0, timeout: float = 600.0) -> list[dict]:
    """End to end: the corpus published over `feeds` loopback feeds at `rate` articles/s; the
    real clock and N worker processes; articles/s and entry-to-alert latency."""
    from monitor.ingest.feeds import url_id
    from monitor.models import Topic

    docs = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()][:articles]
    r = redis.Redis.from_url(redis_url)
    results = []
    for n in workers:
        ns = f"benchpipe-{uuid.uuid4().hex[:6]}"
        store = Store(r, Keys(ns))
        srv = _StreamServer(docs, feeds, rate)
        threading.Thread(target=srv.httpd.serve_forever, daemon=True).start()
        env = {**os.environ, "REDIS_URL": redis_url, "NEWSMON_NAMESPACE": ns, "NEWSMON_ALLOW_PRIVATE": "true",
               "NEWSMON_HOST_SPACING": "0", "NEWSMON_TICK_SECONDS": "0.5", "NEWSMON_POLL_INTERVAL": "1",
               "NEWSMON_POLL_MIN": "0.5", "NEWSMON_POLL_MAX": "1"}
        procs = []
        try:
            store.put_topic(Topic("all", (), (), ()))
            for f in range(feeds):
                store.put_feed(Feed(f"f{f}", f"{srv.base}/feed/{f}.xml", ["all"], interval=1))
            srv.start = time.time() + 2  # the processes start meanwhile
            for f in range(feeds):
                store.schedule(f"f{f}", srv.start)
            cmd = [sys.executable, "-m", "monitor"]
            procs.append(subprocess.Popen([*cmd, "clock"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
            for _ in range(n):
                procs.append(subprocess.Popen([*cmd, "worker", "--quiet"], env=env, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
            ids = {url_id(f"{srv.base}/page/{i}.html"): i for i in range(len(docs))}
            deadline = time.time() + timeout
            while time.time() < deadline:
                done = sum(1 for _ in r.scan_iter(match=f"{ns}:article-story:all:*", count=1000))
                if done >= len(docs):
                    break
                time.sleep(0.5)
            finished = time.time()
            seen = {}
            for a in store.alerts():  # the first alert of each article
                if a.article in ids and a.article not in seen:
                    seen[a.article] = epoch(a.created, 0.0) - srv.appears(ids[a.article])
            lat = sorted(seen.values())
            stages = {}
            for k, v in r.hgetall(store.k.metrics()).items():
                key = k.decode()
                if key.startswith("newsmon_stage_seconds_sum"):
                    stages[key.split('"')[1]] = round(float(v), 1)
            processed = sum(1 for _ in r.scan_iter(match=f"{ns}:article-story:all:*", count=1000))
            span = finished - srv.start
            results.append({
                "workers": n, "articles": processed, "published_per_second": rate,
                "articles_per_second": round(processed / span, 1) if span > 0 else None,
                "seconds": round(span, 1),
                "latency_median_s": round(statistics.median(lat), 2) if lat else None,
                "latency_p99_s": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 2) if lat else None,
                "latency_articles": len(lat), "stage_cpu_seconds": stages,
            })
        finally:
            stop(procs, 30)
            srv.httpd.shutdown()
            srv.httpd.server_close()
            _cleanup(r, ns)
    return results


def matching(r: redis.Redis, data: Path, sizes: list[int], probes: int = 200, seed: int = 7) -> list[dict]:
    """Story-step latency (candidates from the index, scoring, ledger write) with N active
    stories in Redis. The stories are synthetic: 40 words each drawn by the corpus' document
    frequencies, last update spread over the story window; the probes are real articles."""
    import random
    from collections import Counter

    from monitor.pipeline import analyse, assign
    from monitor.stories.matching import LEAD_CHARS, StorySketch
    from monitor.stories.matching import terms as words
    from monitor.stories.story import Story

    rng = random.Random(seed)
    corpus = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    counts: Counter[str] = Counter()
    for d in corpus:
        counts.update(set(words((d.get("title") or "") + " " + (d.get("text") or "")[:LEAD_CHARS])))
    # stories speak the corpus' own vocabulary, so the probes' look-ups hit crowded index keys
    vocab, weights = zip(*counts.most_common(30_000), strict=True)
    docs = corpus[:probes]
    out = []
    for n in sizes:
        ns = f"benchmatch-{uuid.uuid4().hex[:6]}"
        keys = Keys(ns)
        store = Store(r, keys)
        now = time.time()
        t0 = time.perf_counter()
        with r.pipeline(transaction=False) as p:
            for i in range(n):
                sid = f"b{i:06d}"
                terms = set(rng.choices(vocab, weights, k=40))
                last = now - rng.uniform(0, 14 * 86400)
                sk = StorySketch(sid, {t: 1.0 / len(terms) ** 0.5 for t in terms}, {}, last, last, 1)
                p.set(keys.story(sid), json.dumps(Story(sid, "all", sid, sk, [f"x{i}"]).to_dict()))
                p.zadd(keys.stories("all"), {sid: last})
                for t in sk.index_terms():
                    p.zadd(keys.index("all", t), {sid: last})
                if i % 2000 == 1999:
                    p.execute()
            p.execute()
        load = time.perf_counter() - t0
        lat = []
        for j, d in enumerate(docs):
            a = analyse(f"probe{j}", d.get("title") or "", d.get("text") or "", None, "bench")
            t1 = time.perf_counter()
            assign(store, a, "all", now)
            lat.append(time.perf_counter() - t1)
        lat.sort()
        out.append({"active_stories": n, "load_seconds": round(load, 1), "probes": len(lat),
                    "median_ms": round(statistics.median(lat) * 1000, 2),
                    "p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, 2)})
        _cleanup(r, ns)
    return out


def _timings(client, url: str, paths: list[str], headers: dict[str, str] | None = None) -> dict:  # noqa: ANN001
    """Each path once: the server's own render time (its Server-Timing) and the round trip."""
    server, trip = [], []
    for path in paths:
        t0 = time.perf_counter()
        resp = client.get(url + path, headers=headers or {})
        trip.append(time.perf_counter() - t0)
        resp.raise_for_status()
        server.append(float(resp.headers["server-timing"].split("dur=")[1]) / 1000)

    def q(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(len(xs) * p))] * 1000, 1)

    return {"requests": len(paths), "server_median_ms": q(server, 0.5), "server_p95_ms": q(server, 0.95),
            "server_max_ms": q(server, 1.0), "round_trip_median_ms": q(trip, 0.5), "round_trip_p95_ms": q(trip, 0.95)}


def web(r: redis.Redis, redis_url: str, sizes: list[int], requests: int = 200, seed: int = 7) -> list[dict]:
    """The web view with N stories in Redis: the seeds' two stories (real ledgers, alerts and
    articles) copied N times under new ids and times, served by a real ``newsmon web`` process;
    random story pages, front pages, deep list pages and searches timed."""
    import random
    import socket
    import tempfile

    import httpx

    from monitor.devtools.demo import TOPIC
    from monitor.devtools.replay import replay
    from monitor.devtools.sample import write_jsonl
    rng = random.Random(seed)
    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            write_jsonl(Path(tmp) / "seeds.jsonl")
            ns = replay(r, Path(tmp) / "seeds.jsonl", Path(tmp) / "out", TOPIC, progress=False, keep=True)["namespace"]
        keys, store = Keys(ns), Store(r, Keys(ns))
        seeds = store.stories(TOPIC.name)
        templates = [(s.to_dict(), s.sketch.index_terms(), r.zrange(keys.story_alerts(s.id), 0, -1, withscores=True))
                     for s in seeds]
        t0, now = time.perf_counter(), time.time()
        with r.pipeline(transaction=False) as p:
            for i in range(n):
                d, terms, alerts = templates[i % len(templates)]
                sid, last = f"{TOPIC.name}-b{i:06d}", now - rng.uniform(0, 400 * 86400)
                p.set(keys.story(sid), json.dumps({**d, "id": sid, "sketch": {**d["sketch"], "id": sid, "last": last}}))
                p.zadd(keys.stories(TOPIC.name), {sid: last})
                for t in terms:
                    p.zadd(keys.index(TOPIC.name, t), {sid: last})
                if alerts:
                    p.zadd(keys.story_alerts(sid), dict(alerts))
                if i % 2000 == 1999:
                    p.execute()
            p.execute()
        load = time.perf_counter() - t0
        memory = r.info("memory")["used_memory"]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "REDIS_URL": redis_url, "NEWSMON_NAMESPACE": ns, "NEWSMON_WEB_TOKEN": ""}
        proc = subprocess.Popen([sys.executable, "-m", "monitor", "web", "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(timeout=30) as c:
                deadline = time.monotonic() + 30
                while True:
                    try:
                        c.get(url + "/feeds")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline or proc.poll() is not None:
                            raise RuntimeError("newsmon web did not start") from None
                        time.sleep(0.2)
                ids = [f"{TOPIC.name}-b{rng.randrange(n):06d}" for _ in range(requests)]
                _timings(c, url, [f"/stories/{x}" for x in ids[:20]])  # warm up
                res = {"stories": n, "load_seconds": round(load, 1), "redis_used_mb": round(memory / 2**20),
                       "story_page": _timings(c, url, [f"/stories/{x}" for x in ids]),
                       "story_json": _timings(c, url, [f"/stories/{x}" for x in ids], {"Accept": "application/json"}),
                       "front_page": _timings(c, url, ["/"] * (requests // 4)),
                       "topic_page_deep": _timings(c, url, [f"/?topic={TOPIC.name}&page={rng.randrange(1, n // 50 + 1)}"
                                                            for _ in range(requests // 4)]),
                       "search": _timings(c, url, ["/?q=militia+strikes"] * (requests // 4))}
        finally:
            stop([proc], 10)
            _cleanup(r, ns)
        out.append(res)
    return out
