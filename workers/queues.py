"""Queues and the policy of each job: timeouts, TTLs, retries. Every default is named here."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import redis
from rq import Queue, Retry
from rq.exceptions import DuplicateJobError

log = logging.getLogger(__name__)

QUEUES = ("alerts", "stories", "articles", "poll")  # a worker drains later stages first
DAY = 86400


def queue_name(ns: str, name: str) -> str:
    """RQ's queues are namespaced like newsmon's keys, so a replay or demo never mixes jobs."""
    return name if ns == "newsmon" else f"{ns}:{name}"


@dataclass(frozen=True)
class JobPolicy:
    queue: str
    timeout: int  # seconds a job may run before the worker kills it
    retries: tuple[int, ...]  # delays between retries, in seconds
    failure_ttl: int = 7 * DAY  # failed jobs stay for `newsmon status` and inspection
    result_ttl: int = 0  # results are not read; a finished job frees its unique id at once


POLL = JobPolicy("poll", timeout=90, retries=())  # a failed poll is rescheduled by the feed's back-off
POLL_BATCH = 10  # feeds per poll job from the clock
POLL_BATCH_TIMEOUT = POLL_BATCH * 40  # each feed is bounded by its own total timeout (30 s by default);
# the longest job: systemd's TimeoutStopSec and compose's stop_grace_period are set above it
ARTICLE = JobPolicy("articles", timeout=120, retries=(10, 60, 300))
STORY = JobPolicy("stories", timeout=120, retries=(5, 30, 120))
# deliver re-enqueues itself on transport errors; RQ's retries are for a worker that died mid-send
DELIVER = JobPolicy("alerts", timeout=60, retries=(10, 30, 60))


def our_workers(r: redis.Redis, ns: str) -> list:
    """The RQ workers that listen on this namespace's queues."""
    from rq import Worker

    ours = {queue_name(ns, q) for q in QUEUES}
    return [w for w in Worker.all(connection=r) if ours & set(w.queue_names())]


def namespaced_id(ns: str, base: str) -> str:
    """RQ job ids allow letters, digits, '-' and '_': the namespace is folded in."""
    return base if ns == "newsmon" else re.sub(r"[^A-Za-z0-9_-]", "-", ns) + "-" + base


def enqueue(r: redis.Redis, ns: str, policy: JobPolicy, func: Callable[..., Any], *args: Any, job_id: str,
            delay: float | None = None) -> bool:
    """Enqueue once: a job with the same id already queued, running or failed is left alone."""
    q = Queue(queue_name(ns, policy.queue), connection=r)
    kw: dict[str, Any] = dict(job_id=namespaced_id(ns, job_id), job_timeout=policy.timeout, result_ttl=policy.result_ttl,
                              failure_ttl=policy.failure_ttl, unique=True)
    if policy.retries:
        kw["retry"] = Retry(max=len(policy.retries), interval=list(policy.retries))
    try:
        if delay:
            q.enqueue_in(timedelta(seconds=delay), func, *args, **kw)
        else:
            q.enqueue(func, *args, **kw)
    except DuplicateJobError:
        log.debug("job %s already exists", job_id)
        return False
    return True
