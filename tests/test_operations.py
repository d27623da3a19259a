"""newsmon check, failed and metrics against a real Redis and real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from rq import Queue

from monitor.ops import metrics
from monitor.state.keys import Keys
from monitor.state.redis_server import free_port
from tests.support import newsmon, wait_for


def env(url: str, ns: str) -> dict[str, str]:
    return {"REDIS_URL": url, "NEWSMON_NAMESPACE": ns, "NEWSMON_TICK_SECONDS": "0.5", "NEWSMON_JOB_MONITORING": "1"}


@pytest.mark.slow
def test_check_follows_the_processes(redis_server, r):
    e = env(redis_server.url, "chk")
    p = newsmon("check", env=e)
    assert p.returncode == 1 and "FAIL  clock heartbeat" in p.stdout and "FAIL  workers" in p.stdout
    full = {**os.environ, **e}
    procs = [subprocess.Popen([sys.executable, "-m", "monitor", cmd, *extra], env=full, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for cmd, extra in (("clock", []), ("worker", ["--quiet"]))]
    try:
        assert wait_for(lambda: newsmon("check", env=e).returncode == 0, 30)
        out = json.loads(newsmon("check", "--json", env=e).stdout)
        assert {c["check"] for c in out} == {"clock heartbeat", "clock leader", "workers", "queue backlog", "failed jobs",
                                             "redis memory", "delayed jobs", "deliveries"}
        assert newsmon("check", "--component", "worker", env=e).returncode == 0
    finally:
        for p in procs:
            p.terminate()
            p.wait(15)
    # a backlog over the limit is unhealthy too
    q = Queue("chk:articles", connection=r)
    for i in range(3):
        q.enqueue("monitor.extract.numbers.word_value", "five", job_id=f"backlog{i}")
    p = newsmon("check", env={**e, "NEWSMON_CHECK_MAX_BACKLOG": "2"})
    assert p.returncode == 1 and "FAIL  queue backlog: 3 queued (limit 2)" in p.stdout


@pytest.mark.slow
def test_failed_list_requeue_purge(redis_server, r):
    e = env(redis_server.url, "fail")
    q = Queue("fail:poll", connection=r)
    q.enqueue("monitor.extract.numbers.word_value", 42, job_id="broken-job", failure_ttl=3600)  # 42.lower() fails
    subprocess.run([sys.executable, "-m", "monitor", "worker", "--burst", "--quiet"], env={**os.environ, **e},
                   capture_output=True, timeout=60)
    p = newsmon("failed", "list", env=e)
    assert "broken-job" in p.stdout and "AttributeError" in p.stdout and "word_value" in p.stdout
    p = newsmon("failed", "requeue", "broken-job", env=e)
    assert p.returncode == 0 and "requeued 1" in p.stdout and q.count == 1
    subprocess.run([sys.executable, "-m", "monitor", "worker", "--burst", "--quiet"], env={**os.environ, **e},
                   capture_output=True, timeout=60)
    assert newsmon("failed", "purge", env=e).returncode == 2  # names no job and no --all
    p = newsmon("failed", "purge", "--all", env=e)
    assert "purged 1" in p.stdout and "broken-job" not in newsmon("failed", "list", env=e).stdout
    assert not r.exists("rq:job:broken-job")


@pytest.mark.slow
def test_metrics_endpoint(redis_server, r):
    keys = Keys("met")
    metrics.incr(r, keys, "newsmon_articles_processed_total", outcome="new")
    metrics.incr(r, keys, "newsmon_alerts_total", channel="slack", outcome="sent")
    metrics.incr(r, keys, "newsmon_alerts_total", channel='say "hi"\\', outcome="sent")  # escaped on the way out
    metrics.observe(r, keys, "article", 0.07)
    Queue("met:stories", connection=r).enqueue("monitor.extract.numbers.word_value", "five")
    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "monitor", "metrics", "--port", str(port)],
                         env={**os.environ, **env(redis_server.url, "met")}, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        def scrape() -> str:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2).read().decode()
            except OSError:
                return ""  # not listening yet
        assert wait_for(lambda: bool(scrape()), 20)
        text = scrape()
    finally:
        p.terminate()
        p.wait(10)
    # prometheus_client's own parser reads it (issue 19: buckets were in string order, empty ones
    # missing, label values unescaped)
    from prometheus_client.parser import text_string_to_metric_families
    fams = {f.name: f for f in text_string_to_metric_families(text)}
    value = {(x.name, tuple(sorted(x.labels.items()))): x.value for f in fams.values() for x in f.samples}
    assert value[("newsmon_articles_processed_total", (("outcome", "new"),))] == 1
    assert value[("newsmon_alerts_total", (("channel", "slack"), ("outcome", "sent")))] == 1
    assert value[("newsmon_alerts_total", (("channel", 'say "hi"\\'), ("outcome", "sent")))] == 1
    assert fams["newsmon_stage_seconds"].type == "histogram"
    les = [x.labels["le"] for x in fams["newsmon_stage_seconds"].samples if x.name.endswith("_bucket")]
    assert les == [str(b) for b in metrics.BUCKETS] + ["+Inf"]  # every bucket, in order
    counts = [x.value for x in fams["newsmon_stage_seconds"].samples if x.name.endswith("_bucket")]
    assert counts == sorted(counts) and counts[0] == 0 and counts[-1] == 1
    assert value[("newsmon_stage_seconds_count", (("stage", "article"),))] == 1
    assert value[("newsmon_queue_depth", (("queue", "stories"),))] == 1


def test_delayed_jobs_no_scheduler_moved_are_queued_by_the_clock_and_seen_by_check(redis_server, r):
    """Issue 18: after a Redis restart the worker's RQ scheduler can die while its locks stay held;
    delayed deliveries then sat in the scheduled registry for minutes. The clock's leader queues
    what is overdue, and `newsmon check` fails while something is."""
    from datetime import timedelta

    from monitor.ops.health import health
    from monitor.settings import load
    from monitor.state.queues import job_func, overdue_scheduled, queue, release_overdue

    ns = "overdue"
    q = queue(r, ns, "alerts")
    job = q.enqueue_in(timedelta(seconds=1), job_func("deliver"), "a000001", "console", 0)
    assert job.id in q.scheduled_job_registry and q.count == 0
    later = time.time() + 120  # two minutes on, no scheduler has run
    assert overdue_scheduled(r, ns, later) > 100
    s = load(env={"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns})
    checks = {name: ok for name, ok, _ in health(r, s, "all")}
    assert checks["delayed jobs"] is True  # not yet overdue by the limit now
    time.sleep(1.5)  # the job is now due; with a limit of 0 s, check must say so
    strict = load(env={"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns, "NEWSMON_CHECK_MAX_OVERDUE": "0"})
    assert {name: ok for name, ok, _ in health(r, strict, "all")}["delayed jobs"] is False
    assert release_overdue(r, ns, time.time(), grace=10) == 0  # not due long enough: a live scheduler's
    assert release_overdue(r, ns, later, grace=10) == 1
    assert q.job_ids == [job.id] and job.id not in q.scheduled_job_registry
    assert overdue_scheduled(r, ns, later) == 0
