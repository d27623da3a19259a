"""Operational metrics kept in Redis and exposed in Prometheus' text format.

Jobs count what they do (``incr``) and time their stage (``observe``); ``newsmon metrics``
serves the totals of every process, since they all write to the same Redis. Writes are one
pipeline of HINCRBY/HINCRBYFLOAT and never fail a job.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric

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
    "newsmon_redis_used_bytes": "Redis used_memory, now.",
    "newsmon_redis_maxmemory_bytes": "Redis maxmemory (0: none set).",
    "newsmon_keys": "Keys per family, at the clock's last hourly measure.",
    "newsmon_archive_bytes": "The archive's size, at the last measure.",
    "newsmon_archive_stories": "Stories in the archive, at the last measure.",
}


def _escape(v: str) -> str:
    return v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _unescape(v: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), v)


def _label(labels: dict[str, str]) -> str:
    # escaped as the text format does, so that a series name parses back into its labels
    return ",".join(f'{k}="{_escape(str(v))}"' for k, v in sorted(labels.items()))


def incr(r: redis.Redis, keys: Keys, name: str, amount: int = 1, **labels: str) -> None:
    try:
        r.hincrby(keys.metrics(), f"{name}{{{_label(labels)}}}", amount)
    except redis.RedisError as e:  # metrics must never break the work they count
        log.debug("metrics: %s", e)


def observe(r: redis.Redis, keys: Keys, stage: str, seconds: float) -> None:
    lab = _label({"stage": stage})
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


_SERIES = re.compile(r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?P<labels>.*)\}$")
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
_HISTOGRAM = "newsmon_stage_seconds"


def _parse(series: str) -> tuple[str, dict[str, str]]:
    m = _SERIES.match(series)
    if not m:
        return series, {}
    return m.group("name"), {k: _unescape(v) for k, v in _LABEL.findall(m.group("labels"))}


class RedisCollector:
    """prometheus_client's custom collector over the totals kept in Redis: the counters, the
    stage histogram (every bucket, in order, counts carried up to buckets with no observation
    yet) and the queue gauges read live from RQ. The client writes the exposition: label
    values escaped, names and types as Prometheus expects."""

    def __init__(self, r: redis.Redis, keys: Keys):
        self.r, self.keys = r, keys

    def collect(self) -> Iterator[Metric]:
        stored = {k.decode(): float(v) for k, v in self.r.hgetall(self.keys.metrics()).items()}
        counters: dict[str, list[tuple[dict[str, str], float]]] = {}
        stages: dict[str, dict[str, float]] = {}
        for series, value in sorted(stored.items()):
            name, labels = _parse(series)
            if name.startswith(_HISTOGRAM):
                part = stages.setdefault(labels.get("stage", ""), {})
                key = "sum" if name.endswith("_sum") else "count" if name.endswith("_count") else labels.get("le", "")
                part[key] = value
            else:
                counters.setdefault(name, []).append((labels, value))
        for name, rows in counters.items():
            names = sorted({k for labels, _ in rows for k in labels})
            fam = CounterMetricFamily(name, HELP.get(name, name), labels=names)
            for labels, value in rows:
                fam.add_metric([labels.get(k, "") for k in names], value)
            yield fam
        if stages:
            yield self._histogram(stages)
        yield from self._queues()
        yield from self._memory()

    def _memory(self) -> Iterator[Metric]:
        from monitor.ops.memory import redis_memory
        mem = redis_memory(self.r)
        yield GaugeMetricFamily("newsmon_redis_used_bytes", HELP["newsmon_redis_used_bytes"], value=mem["used_bytes"])
        yield GaugeMetricFamily("newsmon_redis_maxmemory_bytes", HELP["newsmon_redis_maxmemory_bytes"],
                                value=mem["maxmemory_bytes"])
        raw = self.r.get(self.keys.memory())
        if not raw:
            return
        last = json.loads(raw)
        keys = GaugeMetricFamily("newsmon_keys", HELP["newsmon_keys"], labels=["family"])
        for fam, n in sorted(last.get("keys", {}).items()):
            keys.add_metric([fam], n)
        yield keys
        if "archive" in last:
            yield GaugeMetricFamily("newsmon_archive_bytes", HELP["newsmon_archive_bytes"], value=last["archive"]["bytes"])
            yield GaugeMetricFamily("newsmon_archive_stories", HELP["newsmon_archive_stories"],
                                    value=last["archive"]["stories"])

    @staticmethod
    def _histogram(stages: dict[str, dict[str, float]]) -> HistogramMetricFamily:
        fam = HistogramMetricFamily(_HISTOGRAM, HELP[_HISTOGRAM], labels=["stage"])
        for stage, part in sorted(stages.items()):
            buckets, running = [], 0.0
            for b in BUCKETS:
                running = max(running, part.get(str(b), 0.0))
                buckets.append((str(b), running))
            buckets.append(("+Inf", max(running, part.get("+Inf", 0.0))))
            fam.add_metric([stage], buckets, sum_value=part.get("sum", 0.0))
        return fam

    def _queues(self) -> Iterator[Metric]:
        from rq.registry import FailedJobRegistry

        from monitor.state.queues import QUEUES, our_workers, queue

        depth = GaugeMetricFamily("newsmon_queue_depth", HELP["newsmon_queue_depth"], labels=["queue"])
        failed = GaugeMetricFamily("newsmon_failed_jobs", HELP["newsmon_failed_jobs"], labels=["queue"])
        for name in QUEUES:
            q = queue(self.r, self.keys.ns, name)
            depth.add_metric([name], q.count)
            failed.add_metric([name], len(FailedJobRegistry(queue=q)))
        yield depth
        yield failed
        yield GaugeMetricFamily("newsmon_workers", HELP["newsmon_workers"], value=len(our_workers(self.r, self.keys.ns)))


def exposition(r: redis.Redis, keys: Keys) -> str:
    """All metrics in the Prometheus text format, written by prometheus_client."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(RedisCollector(r, keys))
    return generate_latest(registry).decode()
