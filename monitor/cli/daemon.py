"""The daemon's processes (clock, worker, metrics) and the health check."""


from __future__ import annotations

import argparse
import gc
import json
import logging
import signal
import time
from typing import Any

import redis

from monitor.cli.common import UsageError, archive_if_any, redis_for
from monitor.ops.health import health
from monitor.settings import Settings
from monitor.state.keys import Keys

log = logging.getLogger("newsmon")


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
        clock.run(r, Keys(s.namespace), s.tick_seconds, s.story_quiet_days, s.retention(), s.archive_location(),
                  s.job_monitoring)
    return 0


def _prewarm() -> None:
    """Load once, in the worker, what every job needs: the worker forks a child per job, and a
    child that imports trafilatura or sentry_sdk or builds an SSL context pays ~100 ms for it
    (and one that loads the parser's model, ~700 ms)."""
    import importlib

    import trafilatura  # noqa: F401

    from monitor import outbound
    from monitor.extract import syntax
    from monitor.state.queues import JOBS_MODULE
    importlib.import_module(JOBS_MODULE).settings()  # RQ's own way in: the jobs by name
    outbound._ssl_context()
    syntax.preload()
    gc.collect()
    gc.freeze()  # the collector in a child would walk, and so copy, the whole inherited heap


def cmd_worker(a: argparse.Namespace, s: Settings) -> int:
    from monitor.ops.errors import init_sentry
    from monitor.state.queues import QUEUES, Job, Worker, queue
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
                # Redis, free the dead scheduler's locks, go on; unless a stop was asked.
                if w.stop_asked:
                    return 0
                if a.burst:
                    raise
                log.warning("worker: lost Redis (%s); waiting for it to come back", e)
                # (RQ's signal handlers, bound to the worker that quit, would read Redis again)
                signal.signal(signal.SIGTERM, _stop_waiting)
                signal.signal(signal.SIGINT, _stop_waiting)
                _wait_for_redis(r)
                _recover(w, queues)


def _recover(w: Any, queues: list[Any]) -> None:
    """After a lost connection: clear ``w``'s registration (a worker starting again under its
    name would be refused), and release the locks of the scheduler that died with it, so that
    the next worker's scheduler starts at once. The job ``w`` was running is left to RQ's
    abandoned-job handling (its execution expires in about a minute): its work horse may still
    be finishing it, e.g. recording an alert it has sent."""
    from rq.scripts import release_lock

    try:
        # its registration survived in the AOF: a worker started again under the same name
        # (`--name`, as the systemd units do) would be refused as "already active"
        w.register_death()
    except redis.RedisError as e:
        log.warning("worker: could not clear the lost worker's registration (%s)", e)
    if w.scheduler is None:
        return
    try:
        for q in queues:
            release_lock(q.connection, w.scheduler.get_locking_key(q.name), w.scheduler.name)
    except redis.RedisError as e:  # the locks expire by themselves
        log.warning("worker: could not release the dead scheduler's locks (%s)", e)


def _stop_waiting(signum: int, frame: object) -> None:
    log.warning("worker: stopped while waiting for Redis")
    raise SystemExit(0)


def _wait_for_redis(r: redis.Redis, limit: float = 30.0) -> None:
    delay = 0.5
    while True:
        try:
            r.ping()
            return
        except redis.ConnectionError:
            time.sleep(delay)
            delay = min(delay * 2, limit)


def cmd_check(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        results = health(r, s, a.component)
    if a.json:
        print(json.dumps([{"check": c, "ok": ok, "detail": d} for c, ok, d in results], indent=2))
    else:
        for c, ok, d in results:
            print(f"{'ok  ' if ok else 'FAIL'}  {c}: {d}")
    return 0 if all(ok for _, ok, _ in results) else 1


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


def cmd_web(a: argparse.Namespace, s: Settings) -> int:
    from monitor.web.app import WebConfigError, check_bind, serve
    _shared_redis(s, "web")
    if not 0 <= a.port <= 65535:
        raise UsageError(f"--port {a.port}: use 0-65535")
    try:
        check_bind(a.host, s.web_token)  # before Redis: a refused bind is refused at once
    except WebConfigError as e:
        raise UsageError(str(e).removeprefix("newsmon web: ")) from None
    with redis_for(s) as r:
        log.info("web view on http://%s:%d/%s", a.host if ":" not in a.host else f"[{a.host}]", a.port,
                 " (a token is required)" if s.web_token else "")
        serve(r, s.namespace, a.host, a.port, s.web_token, archive=lambda: archive_if_any(s))
    return 0


def add_parsers(sub) -> None:  # noqa: ANN001 - argparse's subparsers
    sub.add_parser("clock", help="run the scheduler process")
    x = sub.add_parser("check", help="health check: exit 0 when healthy, 1 when not (for Docker and systemd)")
    x.add_argument("--component", choices=["all", "clock", "worker"], default="all",
                   help="what to check (default all)")
    x.add_argument("--json", action="store_true", help="print JSON instead of lines")
    x = sub.add_parser("metrics", help="serve Prometheus metrics")
    x.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    x.add_argument("--port", type=int, help="port to listen on (default: the metrics_port setting, 9108)")
    x = sub.add_parser("web", help="serve the read-only web view of stories, ledgers and feeds")
    x.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; any other needs NEWSMON_WEB_TOKEN)")
    x.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    x = sub.add_parser("worker", help="run an RQ worker")
    x.add_argument("--burst", action="store_true", help="exit when the queues are empty")
    x.add_argument("--name", help="the worker's name (default: RQ's, from host and pid)")
    x.add_argument("--quiet", action="store_true", help="log warnings and errors only")
