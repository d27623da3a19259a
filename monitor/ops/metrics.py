"""Operational metrics kept in Redis and exposed in Prometheus' text format.

Jobs count what they do (``incr``) and time their stage (``observe``); ``newsmon metrics``
serves the totals of every process, since they all write to the same Redis. Writes are one
pipeline of HINCRBY/HINCRBYFLOAT and never fail a job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis

from monitor.state.keys import Keys

log = logging.getLogger(__name__)

BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)  # seconds, for stage latencies

HELP = {
    "newsmon_articles_processed_total": "Articles extracted, by outcome.",
    "newsmon_feed_polls_total": "Feed polls, by outcome.",
    "newsmon_alerts_total": "Alert deliveries, by channel kind and outcome.",
    "newsmon_stage_seconds": "Time spent in each pipeline stage.",
    "newsmon_queue_depth": "Jobs waiting in each queue.",
    "newsmon_failed_jobs": "Failed jobs in each queue.",
    "newsmon_workers": "Workers registered.",
}


def _label(labels: dict[str, str]) -> str:
    return ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))


def incr(r: redis.Redis, keys: Keys, name: str, amount: int = 1, **labels: str) -> None:
    try:
        r.hincrby(keys.metrics(), f"{name}{{{_label(labels)}}}", amount)
    except redis.RedisError as e:  # metrics must never break the work they count
        log.debug("metrics: %s", e)


def observe(r: redis.Redis, keys: Keys, stage: str, seconds: float) -> None:
    lab = f'stage="{stage}"'
    try:
        with r.pipeline(transaction=False) as p:
            for b in BUCKETS:
                if seconds <= b:
                    p.hincrby(keys.metrics(), f'newsmon_stage_seconds_bucket{{{lab},le="{b}"}}', 1)
            p.hincrby(keys.metrics(), f'newsmon_stage_seconds_bucket{{{lab},le="+Inf"}}', 1)
            p.hincrbyfloat(keys.metrics(), f"newsmon_stage_seconds_sum{{{lab}}}", seconds)
            p.hincrby(keys.metrics(), f"newsmon_stage_seconds_count{{{lab}}}", 1)
            p.execute()
    except redis.RedisError as e:
        log.debug("metrics: %s", e)


@contextmanager
def timed(r: redis.Redis, keys: Keys, stage: str) -> Iterator[None]:
    t0 = time.perf_counter()
    try:
        yield
    finally:
        observe(r, keys, stage, time.perf_counter() - t0)


def exposition(r: redis.Redis, keys: Keys) -> str:
    """All metrics in the Prometheus text format, queue gauges read live from RQ."""
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, our_workers, queue

    lines: list[str] = []
    stored = {k.decode(): v.decode() for k, v in r.hgetall(keys.metrics()).items()}
    by_family: dict[str, list[str]] = {}
    for series, value in sorted(stored.items()):
        family = series.split("{", 1)[0]
        for suffix in ("_bucket", "_sum", "_count"):
            if family.endswith(suffix) and family.startswith("newsmon_stage_seconds"):
                family = "newsmon_stage_seconds"
        by_family.setdefault(family, []).append(f"{series} {value}")
    for family, series in by_family.items():
        kind = "histogram" if family == "newsmon_stage_seconds" else "counter"
        lines += [f"# HELP {family} {HELP.get(family, family)}", f"# TYPE {family} {kind}", *series]
    lines += ["# HELP newsmon_queue_depth " + HELP["newsmon_queue_depth"], "# TYPE newsmon_queue_depth gauge"]
    failed = []
    for name in QUEUES:
        q = queue(r, keys.ns, name)
        lines.append(f'newsmon_queue_depth{{queue="{name}"}} {q.count}')
        failed.append(f'newsmon_failed_jobs{{queue="{name}"}} {len(FailedJobRegistry(queue=q))}')
    lines += ["# HELP newsmon_failed_jobs " + HELP["newsmon_failed_jobs"], "# TYPE newsmon_failed_jobs gauge", *failed]
    lines += ["# HELP newsmon_workers " + HELP["newsmon_workers"], "# TYPE newsmon_workers gauge",
              f"newsmon_workers {len(our_workers(r, keys.ns))}"]
    return "\n".join(lines) + "\n"
