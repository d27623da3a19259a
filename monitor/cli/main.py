"""The ``newsmon`` command: the daemon's processes and the admin CLI."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import redis

from monitor.models import Topic
from monitor.settings import ConfigError, Settings, load
from monitor.state.keys import Keys
from monitor.state.redis_server import PrivateRedis, RedisUnavailable, connect
from monitor.state.store import Feed, Store
from monitor.stories.render import story_text, table

log = logging.getLogger("newsmon")


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


def _print(obj: object, as_json: bool, human: str) -> None:
    print(json.dumps(obj, indent=2, default=str) if as_json else human)


def _ago(ts: float | None) -> str:
    if not ts:
        return "-"
    d = time.time() - ts
    return f"{int(d)}s ago" if abs(d) < 120 else f"{int(d // 60)}m ago" if abs(d) < 7200 else f"{d / 3600:.1f}h ago"


def _in(ts: float | None) -> str:
    if ts is None:
        return "-"
    d = ts - time.time()
    return "now" if d <= 0 else f"in {int(d)}s" if d < 120 else f"in {int(d // 60)}m"


# ---------------------------------------------------------------- topics


def cmd_topics(a: argparse.Namespace, s: Settings) -> int:
    from monitor.delivery.channels import validate_spec
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "add":
            if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", a.name):
                raise UsageError(f"topic name {a.name!r}: use letters, digits, '-', '_' or '.'")
            for f in a.feed or []:
                if st.feed(f) is None:
                    raise UsageError(f"unknown feed {f!r}: see `newsmon feeds list`")
            try:
                chans = tuple(validate_spec(c) for c in (a.channel or ["console"]))
            except ValueError as e:
                raise UsageError(str(e)) from None
            from monitor.delivery.policy import AlertPolicy, parse_quiet, parse_threshold
            try:
                thresholds = dict(parse_threshold(x) for x in (a.threshold or []))
                if a.quiet:
                    parse_quiet(a.quiet)
            except ValueError as e:
                raise UsageError(str(e)) from None
            policy = AlertPolicy(thresholds, a.cooldown, a.digest, a.quiet or "")
            t = Topic(a.name, tuple(a.term or ()), tuple(a.feed or ()), chans, policy.to_dict())
            st.put_topic(t)
            print(f"topic {t.name}: {len(t.terms)} terms, {len(t.feeds) or 'all'} feeds, channels {', '.join(t.channels)}")
        elif a.verb == "list":
            ts = st.topics()
            _print([t.to_dict() for t in ts], a.json, table(
                [[t.name, ", ".join(t.terms) or "(everything)", len(t.feeds) or "all", ", ".join(t.channels)] for t in ts],
                ["topic", "terms", "feeds", "channels"]))
        elif a.verb == "show":
            t = st.topic(a.name)
            if t is None:
                raise UsageError(f"unknown topic {a.name!r}: see `newsmon topics list`")
            n = r.zcard(st.k.stories(t.name))
            p = t.policy
            rules = ", ".join(f"{m}>={v}" for m, v in p.get("thresholds", {}).items()) or "-"
            _print({**t.to_dict(), "stories": n}, a.json,
                   f"topic {t.name}\n  terms:    {', '.join(t.terms) or '(everything)'}\n"
                   f"  feeds:    {', '.join(t.feeds) or '(all feeds)'}\n  channels: {', '.join(t.channels)}\n"
                   f"  alerts:   thresholds {rules}; cooldown {p.get('cooldown', 0):g}s; "
                   f"digest {p.get('digest', 0):g}s; quiet hours {p.get('quiet') or '-'}\n"
                   f"  stories:  {n}")
        elif a.verb == "remove":
            if not st.remove_topic(a.name):
                raise UsageError(f"unknown topic {a.name!r}: see `newsmon topics list`")
            print(f"removed topic {a.name}")
    return 0


# ---------------------------------------------------------------- feeds


def _check_url(url: str) -> str:
    p = urlsplit(url)
    if p.scheme not in ("http", "https") or not p.hostname:
        raise UsageError(f"malformed feed URL {url!r}: expected http:// or https:// and a host")
    return url


def cmd_feeds(a: argparse.Namespace, s: Settings) -> int:
    from monitor.ingest.feeds import url_id
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "add":
            url = _check_url(a.url)
            fid = a.id or url_id(url)[:10]
            if a.topic and st.topic(a.topic) is None:
                raise UsageError(f"unknown topic {a.topic!r}: add it first with `newsmon topics add`")
            feed = Feed(fid, url, [a.topic] if a.topic else [], interval=a.interval or s.poll_interval)
            st.put_feed(feed)
            st.schedule(fid, time.time())
            if a.topic:
                t = st.topic(a.topic)
                assert t is not None
                if t.feeds and fid not in t.feeds:
                    st.put_topic(Topic(t.name, t.terms, (*t.feeds, fid), t.channels))
            print(f"feed {fid}: {url} (polled every {feed.interval:.0f}s, first poll now)")
        elif a.verb == "list":
            fs = st.feeds()
            rows = []
            for f in fs:
                nxt = st.next_poll(f.id)
                rows.append([f.id, f.url[:60], "disabled: " + f.disabled if f.disabled else "ok" if not f.errors else f"{f.errors} errors",
                             _ago(f.last_success), (f.last_error or "-")[:50], _in(nxt)])
            _print([{**f.to_dict(), "next_poll": st.next_poll(f.id)} for f in fs], a.json,
                   table(rows, ["id", "url", "health", "last success", "last error", "next poll"]))
        elif a.verb == "remove":
            if not st.remove_feed(a.id):
                raise UsageError(f"unknown feed {a.id!r}: see `newsmon feeds list`")
            print(f"removed feed {a.id}")
        elif a.verb == "poll":
            from monitor.ops.clock import poll_now
            f = st.feed(a.id)
            if f is None:
                raise UsageError(f"unknown feed {a.id!r}: see `newsmon feeds list`")
            if f.disabled and not a.force:
                raise UsageError(f"feed {a.id} is disabled ({f.disabled}); use --force to poll it anyway")
            if a.force:
                f.disabled, f.errors = None, 0
                st.put_feed(f)
            poll_now(r, s.namespace, a.id, time.time())
            print(f"poll of {a.id} enqueued; a worker will run it")
    return 0


# ---------------------------------------------------------------- stories and alerts


def cmd_stories(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "list":
            stories = st.stories(a.topic)
            _print([x.summary() for x in stories], a.json, table(
                [[x.id, x.topic, len(x.articles), x.current("killed") if x.current("killed") is not None else "-",
                  x.current("injured") if x.current("injured") is not None else "-", x.title[:60]] for x in stories],
                ["story", "topic", "articles", "killed", "injured", "title"]))
        else:
            story = st.story(a.id)
            if story is None:
                raise UsageError(f"unknown story {a.id!r}: see `newsmon stories list`")
            _print(story.summary(), a.json, story_text(story))
    return 0


def cmd_alerts(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "test":
            from monitor.delivery.channels import TransportError, send, validate_spec
            from monitor.models import Alert
            try:
                validate_spec(a.channel)
            except ValueError as e:
                raise UsageError(str(e)) from None
            al = Alert("test", "test", "test", "-", "test", "newsmon test message", ("if you read this, the channel works",),
                       time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
            try:
                send(a.channel, al, s)
            except TransportError as e:
                print(f"newsmon: test message on {a.channel} failed: {e}", file=sys.stderr)
                return 1
            print(f"test message sent on {a.channel}")
            return 0
        alerts = st.alerts(-a.limit, -1)
        rows, out = [], []
        for al in alerts:
            d = st.delivery(al.id)
            out.append({**al.to_dict(), "delivery": d})
            rows.append([al.id, al.story, al.kind, ", ".join(f"{k}:{v.split(' ')[0]}" for k, v in d.items()) or "-", al.text[:80]])
        _print(out, a.json, table(rows, ["alert", "story", "kind", "delivery", "text"]))
    return 0


def cmd_status(a: argparse.Namespace, s: Settings) -> int:
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, our_workers, queue
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        queues = {}
        for name in QUEUES:
            q = queue(r, s.namespace, name)
            queues[name] = {"queued": q.count, "failed": len(FailedJobRegistry(queue=q))}
        workers = [{"name": w.name, "state": w.get_state(), "queues": w.queue_names()} for w in our_workers(r, s.namespace)]
        feeds = st.feeds()
        broken = {k.decode(): v.decode() for k, v in r.hgetall(st.k.broken_channels()).items()}
        hb = r.get(st.k.heartbeat("clock"))
        status = {"queues": queues, "workers": workers, "feeds": {"total": len(feeds),
                  "failing": sum(1 for f in feeds if f.errors and not f.disabled),
                  "disabled": sum(1 for f in feeds if f.disabled)},
                  "clock_heartbeat": float(hb) if hb else None, "broken_channels": broken,
                  "topics": len(st.topics()), "alerts": r.zcard(st.k.alerts())}
        human = "\n".join([
            table([[n, q["queued"], q["failed"]] for n, q in queues.items()], ["queue", "queued", "failed"]), "",
            f"workers: {len(workers)}  " + ", ".join(f"{w['name']} ({w['state']})" for w in workers),
            f"clock: last tick {_ago(status['clock_heartbeat'])}",
            f"feeds: {len(feeds)} ({status['feeds']['failing']} failing, {status['feeds']['disabled']} disabled)",
            f"topics: {status['topics']}  alerts: {status['alerts']}",
            "broken channels: " + (", ".join(f"{k} ({v})" for k, v in broken.items()) or "none"),
        ])
        _print(status, a.json, human)
    return 0


# ---------------------------------------------------------------- processes


def _shared_redis(s: Settings, what: str) -> None:
    if not s.redis_url:
        raise UsageError(f"newsmon {what} needs REDIS_URL: the clock, the workers and the admin commands must "
                         f"share one Redis (newsmon demo starts a private one for you)")


def cmd_clock(a: argparse.Namespace, s: Settings) -> int:
    _shared_redis(s, "clock")
    from monitor.ops import clock
    from monitor.ops.errors import init_sentry
    init_sentry(s, "clock")
    with redis_for(s) as r:
        log.info("clock started: tick every %.1fs", s.tick_seconds)
        clock.run(r, Keys(s.namespace), s.tick_seconds, s.story_quiet_days)
    return 0


def _prewarm() -> None:
    """Load once, in the worker, what every job needs: the worker forks a child per job, and a
    child that imports trafilatura or sentry_sdk or builds an SSL context pays ~100 ms for it."""
    import importlib

    import trafilatura  # noqa: F401

    from monitor import outbound
    from monitor.state.queues import JOBS_MODULE
    importlib.import_module(JOBS_MODULE).settings()  # RQ's own way in: the jobs by name
    outbound._ssl_context()
    gc.collect()
    gc.freeze()  # the collector in a child would walk, and so copy, the whole inherited heap


def cmd_worker(a: argparse.Namespace, s: Settings) -> int:
    from rq import Worker

    from monitor.ops.errors import init_sentry
    from monitor.state.queues import QUEUES, Job, queue
    _shared_redis(s, "worker")
    init_sentry(s, "worker")
    _prewarm()
    with redis_for(s) as r:
        while True:
            queues = [queue(r, s.namespace, n) for n in QUEUES]
            w = Worker(queues, connection=r, name=a.name, maintenance_interval=int(s.worker_maintenance),
                       job_monitoring_interval=int(s.job_monitoring), job_class=Job)
            try:
                w.work(burst=a.burst, with_scheduler=True, logging_level="WARNING" if a.quiet else "INFO")
                return 0
            except redis.ConnectionError as e:
                # RQ quits when Redis goes away in the middle of a job; a restarted Redis (AOF)
                # still has the job, which is retried once it is found abandoned. Wait for
                # Redis, free the dead scheduler's locks, go on.
                if a.burst:
                    raise
                log.warning("worker: lost Redis (%s); waiting for it to come back", e)
                _wait_for_redis(r)
                _recover(w, queues)


def _recover(w: Any, queues: list[Any]) -> None:
    """After a lost connection, release the scheduler locks held by the scheduler that died
    with ``w``: the next worker's scheduler starts at once, not when the stale locks expire a
    minute later, and retries scheduled meanwhile are not held up. The job ``w`` was running
    is left to RQ's abandoned-job handling (its heartbeat expires in about a minute): its work
    horse may still be finishing it, e.g. recording an alert it has sent, and handing the job
    back sooner could send that alert twice."""
    from rq.scripts import release_lock

    if w.scheduler is None:
        return
    try:
        for q in queues:
            release_lock(q.connection, w.scheduler.get_locking_key(q.name), w.scheduler.name)
    except redis.RedisError as e:  # the locks expire by themselves
        log.warning("worker: could not release the dead scheduler's locks (%s)", e)


def _wait_for_redis(r: redis.Redis, limit: float = 30.0) -> None:
    delay = 0.5
    while True:
        try:
            r.ping()
            return
        except redis.ConnectionError:
            time.sleep(delay)
            delay = min(delay * 2, limit)


def health(r: redis.Redis, s: Settings, component: str = "all") -> list[tuple[str, bool, str]]:
    """(check, ok, detail) for `newsmon check`: heartbeats, leader, backlog, failed jobs."""
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, our_workers, queue
    st = Store(r, Keys(s.namespace))
    out: list[tuple[str, bool, str]] = []
    now = time.time()
    if component in ("all", "clock"):
        hb = r.get(st.k.heartbeat("clock"))
        leader = r.get(st.k.lock("clock"))
        age = now - float(hb) if hb else None
        out.append(("clock heartbeat", age is not None, f"last tick {age:.0f}s ago" if age is not None else "no clock has ticked recently"))
        out.append(("clock leader", leader is not None, leader.decode() if leader else "no clock holds the leader lock"))
    if component in ("all", "worker"):
        limit = s.job_monitoring + 60
        alive = [w for w in our_workers(r, s.namespace)
                 if w.last_heartbeat and now - w.last_heartbeat.timestamp() < limit]
        out.append(("workers", bool(alive), f"{len(alive)} alive" if alive else f"no worker heartbeat in the last {limit:.0f}s"))
    if component == "all":
        queued = failed = 0
        for name in QUEUES:
            q = queue(r, s.namespace, name)
            queued += q.count
            failed += len(FailedJobRegistry(queue=q))
        out.append(("queue backlog", queued <= s.check_max_backlog, f"{queued} queued (limit {s.check_max_backlog})"))
        out.append(("failed jobs", failed <= s.check_max_failed, f"{failed} failed (limit {s.check_max_failed})"))
    return out


def cmd_check(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        results = health(r, s, a.component)
    if a.json:
        print(json.dumps([{"check": c, "ok": ok, "detail": d} for c, ok, d in results], indent=2))
    else:
        for c, ok, d in results:
            print(f"{'ok  ' if ok else 'FAIL'}  {c}: {d}")
    return 0 if all(ok for _, ok, _ in results) else 1


def _failed_jobs(r: redis.Redis, ns: str) -> list[tuple[object, object]]:
    from rq.job import Job
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, queue
    out = []
    for name in QUEUES:
        q = queue(r, ns, name)
        reg = FailedJobRegistry(queue=q)
        for jid in reg.get_job_ids():
            job = Job.fetch(jid, connection=r) if r.exists(f"rq:job:{jid}") else None
            out.append((reg, job if job is not None else jid))
    return out


def cmd_failed(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        jobs = _failed_jobs(r, s.namespace)
        if a.verb == "list":
            rows, data = [], []
            for reg, job in jobs:
                if isinstance(job, str):
                    rows.append([job, reg.name, "-", "-", "(job data expired)"])
                    continue
                err = (job.latest_result().exc_string if job.latest_result() else "") or ""
                last = err.strip().splitlines()[-1] if err.strip() else "-"
                concerns = ", ".join(str(x) if not isinstance(x, dict) else x.get("url") or x.get("key", "")
                                     for x in job.args)
                rows.append([job.id, reg.name.split(":")[-1], job.func_name.rsplit(".", 1)[-1], concerns[:60], last[:70]])
                data.append({"id": job.id, "queue": reg.name, "function": job.func_name, "args": job.args,
                             "ended_at": str(job.ended_at), "error": err})
            _print(data, a.json, table(rows, ["job", "queue", "function", "concerns", "error"]))
            return 0
        wanted = set(a.ids)
        if not wanted and not a.all:
            raise UsageError(f"name the jobs to {a.verb} (see `newsmon failed list`) or pass --all")
        n = 0
        for reg, job in jobs:
            jid = job if isinstance(job, str) else job.id
            if not a.all and jid not in wanted:
                continue
            if a.verb == "requeue" and not isinstance(job, str):
                reg.requeue(jid)
            else:
                reg.remove(jid, delete_job=True)
            n += 1
        print(f"{a.verb}d {n} failed job(s)")
    return 0


def cmd_metrics(a: argparse.Namespace, s: Settings) -> int:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from monitor.ops.metrics import exposition
    _shared_redis(s, "metrics")
    with redis_for(s) as r:
        keys = Keys(s.namespace)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                if self.path.split("?")[0] != "/metrics":
                    self.send_error(404)
                    return
                body = exposition(r, keys).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        httpd = ThreadingHTTPServer((a.host, a.port or s.metrics_port), Handler)
        log.info("metrics on http://%s:%d/metrics", a.host, httpd.server_address[1])
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_replay(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.replay import InputError, replay
    from monitor.pipeline import match_policy
    if not Path(a.input).is_file():
        raise UsageError(f"no such input file: {a.input}")
    with redis_for(s, persistent=False) as r:
        topic = None
        if a.topic:
            topic = Store(r, Keys(s.namespace)).topic(a.topic)
            if topic is None:
                raise UsageError(f"unknown topic {a.topic!r}: see `newsmon topics list`")
        try:
            res = replay(r, Path(a.input), Path(a.out), topic, match_policy(s),
                         progress=not a.quiet)
        except InputError as e:
            raise UsageError(str(e)) from None
    print(f"replayed {res['documents']} documents in {res['seconds']}s: {res['stories']} stories, "
          f"{res['alerts']} alerts -> {a.out}")
    return 0


def cmd_eval(a: argparse.Namespace, s: Settings) -> int:
    import tempfile

    from monitor.devtools.evaluate import score_figures, score_ledger, score_muc, score_polnear, score_stories
    out = Path(a.out or tempfile.mkdtemp(prefix="newsmon-eval-"))
    docs = a.input or a.gold
    if a.what == "attribution" and not a.input and a.gold.endswith("-pairs.jsonl"):
        docs = a.gold.replace("-pairs.jsonl", ".jsonl")  # PolNeAR: the texts beside the pairs
    if not (a.reuse and (out / "assignments.jsonl").exists()):
        a2 = argparse.Namespace(input=docs, out=str(out), topic=None, quiet=a.quiet)
        cmd_replay(a2, s)
    if a.what == "stories":
        res = score_stories(Path(a.gold), out / "assignments.jsonl")
    elif a.what == "ledger":
        res = score_ledger(Path(a.gold), out)
    elif a.what == "attribution":
        first = json.loads(Path(a.gold).open().readline())
        res = (score_polnear if "figure_span" in first else score_muc)(Path(a.gold), out / "figures.jsonl")
    else:
        res = score_figures(Path(a.gold), out / "figures.jsonl")
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()}, indent=2))
    if not a.out:
        import shutil
        shutil.rmtree(out, ignore_errors=True)
    return 0


def cmd_sample(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.sample import write_jsonl
    n = write_jsonl(Path(a.path))
    print(f"wrote {n} sample articles to {a.path}")
    return 0


def cmd_bench(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools import bench
    if a.what == "pipeline":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench pipeline needs --data FILE.jsonl (e.g. ../shared/data/gunviolence/ltqa-dev-2013-2015.jsonl)")
        with redis_for(s, persistent=False) as r:
            url = s.redis_url or f"redis://127.0.0.1:{r.connection_pool.connection_kwargs['port']}/0"
            res = bench.pipeline(url, Path(a.data), [int(x) for x in a.workers.split(",")], a.articles,
                                 a.feed_count, a.rate)
        print(json.dumps(res, indent=2))
        return 0
    if a.what == "matching":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench matching needs --data FILE.jsonl of articles to match (e.g. ltqa-dev)")
        with redis_for(s, persistent=False) as r:
            res = bench.matching(r, Path(a.data), [int(x) for x in a.stories.split(",")], a.articles)
        print(json.dumps(res, indent=2))
        return 0
    if a.what == "extraction":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench extraction needs --data FILE.jsonl (e.g. ../shared/data/gunviolence/gvdb-dev.jsonl)")
        res = bench.extraction(Path(a.data))
    else:
        with redis_for(s, persistent=False) as r:
            url = s.redis_url or f"redis://127.0.0.1:{r.connection_pool.connection_kwargs['port']}/0"
            res = bench.polling(r, url, feeds=a.feeds, polls=a.polls)
    print(json.dumps(res, indent=2))
    return 0


def cmd_demo(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.demo import run_demo
    return run_demo(s, interval=a.interval, timeout=a.timeout)


# ---------------------------------------------------------------- parser


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsmon", description="Watch news feeds, track stories and their figures, alert on changes.")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="cmd", required=True)

    t = sub.add_parser("topics", help="watched topics").add_subparsers(dest="verb", required=True)
    x = t.add_parser("add", help="add or replace a topic")
    x.add_argument("name")
    x.add_argument("--term", action="append", help="match term (all its words must appear); repeatable")
    x.add_argument("--feed", action="append", help="feed id (default: all feeds); repeatable")
    x.add_argument("--channel", action="append", help="console, slack, slack:#channel or email:address; repeatable")
    x.add_argument("--threshold", action="append", help="METRIC=N or METRIC=N%%: smaller figure changes are not sent")
    x.add_argument("--cooldown", type=float, default=0.0, help="seconds between two alerts of a story "
                   "(a figure change goes at once)")
    x.add_argument("--digest", type=float, default=0.0, help="collect alerts and send one message per this many seconds")
    x.add_argument("--quiet", help="quiet hours HH:MM-HH:MM (UTC): alerts wait for their end")
    t.add_parser("list").add_argument("--json", action="store_true")
    x = t.add_parser("show")
    x.add_argument("name")
    x.add_argument("--json", action="store_true")
    t.add_parser("remove").add_argument("name")

    f = sub.add_parser("feeds", help="news feeds").add_subparsers(dest="verb", required=True)
    x = f.add_parser("add")
    x.add_argument("url")
    x.add_argument("--topic")
    x.add_argument("--id")
    x.add_argument("--interval", type=float, help="seconds between polls")
    f.add_parser("list").add_argument("--json", action="store_true")
    f.add_parser("remove").add_argument("id")
    x = f.add_parser("poll", help="poll a feed now")
    x.add_argument("id")
    x.add_argument("--force", action="store_true", help="ignore back-off and re-enable a disabled feed")

    st = sub.add_parser("stories", help="tracked stories and their ledgers").add_subparsers(dest="verb", required=True)
    x = st.add_parser("list")
    x.add_argument("--topic")
    x.add_argument("--json", action="store_true")
    x = st.add_parser("show")
    x.add_argument("id")
    x.add_argument("--json", action="store_true")

    al = sub.add_parser("alerts", help="alerts and their delivery").add_subparsers(dest="verb", required=True)
    x = al.add_parser("list")
    x.add_argument("--limit", type=int, default=50)
    x.add_argument("--json", action="store_true")
    al.add_parser("test", help="send a test message").add_argument("channel")

    sub.add_parser("status", help="queues, workers, feeds, failed jobs").add_argument("--json", action="store_true")
    sub.add_parser("clock", help="run the scheduler process")
    x = sub.add_parser("check", help="health check: exit 0 when healthy, 1 when not (for Docker and systemd)")
    x.add_argument("--component", choices=["all", "clock", "worker"], default="all")
    x.add_argument("--json", action="store_true")
    fl = sub.add_parser("failed", help="RQ's failed jobs").add_subparsers(dest="verb", required=True)
    fl.add_parser("list").add_argument("--json", action="store_true")
    for verb in ("requeue", "purge"):
        x = fl.add_parser(verb)
        x.add_argument("ids", nargs="*")
        x.add_argument("--all", action="store_true")
    x = sub.add_parser("metrics", help="serve Prometheus metrics")
    x.add_argument("--host", default="127.0.0.1")
    x.add_argument("--port", type=int)
    x = sub.add_parser("worker", help="run an RQ worker")
    x.add_argument("--burst", action="store_true", help="exit when the queues are empty")
    x.add_argument("--name")
    x.add_argument("--quiet", action="store_true")

    x = sub.add_parser("replay", help="run a JSONL file through the pipeline")
    x.add_argument("input")
    x.add_argument("--out", required=True)
    x.add_argument("--topic")
    x.add_argument("--quiet", action="store_true", help="no progress bar")

    x = sub.add_parser("eval", help="replay labelled data and score it")
    x.add_argument("what", choices=["stories", "figures", "ledger", "attribution"])
    x.add_argument("--input", help="the documents to replay, when they are not in GOLD (PolNeAR's pairs)")
    x.add_argument("gold")
    x.add_argument("--out", help="keep the replay's files here")
    x.add_argument("--reuse", action="store_true", help="score the files already in --out")
    x.add_argument("--quiet", action="store_true")

    x = sub.add_parser("demo", help="run the whole pipeline on the bundled sample")
    x.add_argument("--interval", type=float, default=2.0, help="seconds between two articles appearing")
    x.add_argument("--timeout", type=float, default=300.0)

    sub.add_parser("sample", help="write the bundled sample as replay input").add_argument("path")

    x = sub.add_parser("bench", help="benchmarks: polling (clock tick, 304 polls), extraction, pipeline (end to end)")
    x.add_argument("what", choices=["polling", "extraction", "pipeline", "matching"])
    x.add_argument("--stories", default="1000,10000,100000", help="active stories to try (matching)")
    x.add_argument("--workers", default="1,2,4", help="worker processes to try (pipeline)")
    x.add_argument("--articles", type=int, default=300, help="articles published (pipeline) or probes (matching)")
    x.add_argument("--feed-count", type=int, default=30, help="feeds they are spread over (pipeline)")
    x.add_argument("--rate", type=float, default=20.0, help="articles published per second (pipeline)")
    x.add_argument("--feeds", type=int, default=10_000, help="feeds registered (polling)")
    x.add_argument("--polls", type=int, default=1000, help="feeds due and polled (polling)")
    x.add_argument("--data", help="JSONL of articles (extraction)")
    return p


COMMANDS = {"topics": cmd_topics, "feeds": cmd_feeds, "stories": cmd_stories, "alerts": cmd_alerts,
            "status": cmd_status, "clock": cmd_clock, "worker": cmd_worker, "replay": cmd_replay,
            "eval": cmd_eval, "demo": cmd_demo, "sample": cmd_sample, "bench": cmd_bench,
            "check": cmd_check, "failed": cmd_failed, "metrics": cmd_metrics}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is too much
    try:
        s = load()
        return COMMANDS[args.cmd](args, s)
    except (UsageError, ConfigError) as e:
        print(f"newsmon: {e}", file=sys.stderr)
        return 2
    except RedisUnavailable as e:
        print(f"newsmon: {e}", file=sys.stderr)
        return 3
    except redis.RedisError as e:
        print(f"newsmon: Redis error: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
