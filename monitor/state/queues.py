"""Queues and the policy of each job: timeouts, TTLs, retries. Every default is named here."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import redis
from rq import Queue, Retry
from rq import Worker as _RQWorker
from rq.exceptions import DuplicateJobError, StopRequested
from rq.executions import Execution, ExecutionRegistry
from rq.job import Job as _RQJob

log = logging.getLogger(__name__)

QUEUES = ("alerts", "stories", "articles", "poll")  # a worker drains later stages first
DAY = 86400
# RQ stores a job's function by its dotted name, and the worker imports it by that name: the jobs
# are named here, never imported, so that ``monitor`` does not depend on ``workers``. Keep these
# names stable across upgrades, or drain the queues first (docs/operations.md).
JOBS_MODULE = "workers.jobs"


def job_func(name: str) -> str:
    """The dotted name RQ stores for one of newsmon's jobs."""
    return f"{JOBS_MODULE}.{name}"


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


class _Executions(ExecutionRegistry):
    """A job's executions, without those whose record has expired. RQ 3.0 keeps an execution's id
    in the job's registry a minute longer than the record itself; a worker that lost Redis leaves
    such an id behind, and every retry of its job then fails while finishing ("Execution ... not
    found in Redis") until the id ages out, minutes of retries after a Redis restart."""

    def get_executions(self, start: int = 0, end: int = -1) -> list[Execution]:
        out = []
        for execution_id in self.get_execution_ids(start, end):
            try:
                out.append(Execution.fetch(id=execution_id, job_id=self.job_id, connection=self.connection))
            except ValueError:
                self.connection.zrem(self.key, execution_id)
        return out


class Job(_RQJob):
    """The job class of newsmon's queues and workers (see ``_Executions``)."""

    @property
    def execution_registry(self) -> ExecutionRegistry:
        return _Executions(self.id, connection=self.connection)


class Worker(_RQWorker):
    """RQ's worker, which SIGTERM ends with Redis unreachable too.

    On SIGTERM RQ reads the worker's state from Redis to choose between stopping now and after
    the current job. With Redis gone that read fails inside the signal handler, RQ's reconnect
    loop swallows the error, and the worker never stops (until SIGKILL). Here a stop asked while
    Redis is unreachable ends the worker at once. A job in flight is left to its work horse,
    which finishes or is stopped with the unit, and otherwise to RQ's abandoned-job handling when
    Redis is back; it cannot be recorded either way. An idle worker's stop is a SystemExit (see
    ``_shutdown``)."""

    stop_asked = False

    def _shutdown(self) -> None:
        self.stop_asked = True
        try:
            super()._shutdown()
        except StopRequested:
            # an idle worker stops now; as SystemExit, not RQ's StopRequested: the signal may land
            # inside a logging call of RQ's reconnect loop, and logging swallows any Exception a
            # handler raises, not a BaseException (a worker given SIGTERM with Redis down retried
            # Redis on and on; seen once in CI)
            raise SystemExit(0) from None
        except redis.RedisError:
            self.log.warning("Worker %s: stop asked while Redis is unreachable: exiting", self.name)
            raise SystemExit(0) from None


def queue(r: redis.Redis, ns: str, name: str) -> Queue:
    """One of the namespace's queues, with newsmon's job class."""
    return Queue(queue_name(ns, name), connection=r, job_class=Job)


def our_workers(r: redis.Redis, ns: str) -> list:
    """The RQ workers that listen on this namespace's queues."""
    from rq import Worker

    ours = {queue_name(ns, q) for q in QUEUES}
    return [w for w in Worker.all(connection=r) if ours & set(w.queue_names())]


_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_-]")


def namespaced_id(ns: str, base: str) -> str:
    """RQ job ids allow letters, digits, '-' and '_': the namespace is folded in, and an id built
    from outside names (a feed id "a.b", a legacy one with a space) has its other characters
    replaced and a hash of the original added, so that it stays unique and one bad name never
    fails a batch of enqueues."""
    if _NOT_IN_ID.search(base):
        base = _NOT_IN_ID.sub("-", base) + "-" + hashlib.sha1(base.encode()).hexdigest()[:10]
    return base if ns == "newsmon" else _NOT_IN_ID.sub("-", ns) + "-" + base


def enqueue(r: redis.Redis, ns: str, policy: JobPolicy, func: Callable[..., Any] | str, *args: Any, job_id: str,
            delay: float | None = None) -> bool:
    """Enqueue once: a job with the same id already queued, running or failed is left alone."""
    q = queue(r, ns, policy.queue)
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
        if _requeue_orphan(r, q, kw["job_id"]):
            return True
        log.debug("job %s already exists", job_id)
        return False
    return True


def _requeue_orphan(r: redis.Redis, q: Queue, job_id: str) -> bool:
    """A job saved as queued (or scheduled) that is in neither its queue nor the scheduled
    registry: RQ writes a job, then pushes its id, and a worker pops the id, then marks the job
    started; a Redis lost between the two steps leaves a job no worker will see, whose unique id
    blocks a new one. Push it again."""
    from rq.job import JobStatus

    key = Job.key_for(job_id)
    if r.hget(key, "status") not in (JobStatus.QUEUED.value.encode(), JobStatus.SCHEDULED.value.encode()):
        return False
    if r.lpos(q.key, job_id) is not None or job_id in q.scheduled_job_registry:
        return False
    r.hset(key, "status", JobStatus.QUEUED.value)
    q.push_job_id(job_id)
    log.warning("job %s was saved but is in no queue (Redis lost in between); queued it again", job_id)
    return True


def requeue_orphans(r: redis.Redis, ns: str, now: float, grace: float) -> int:
    """Find the namespace's jobs left in no queue (see ``_requeue_orphan``) and queue them again.
    Only jobs queued at least ``grace`` seconds ago are looked at, and each is looked at twice a
    second apart: a worker marks a job started within milliseconds of taking it."""
    from datetime import datetime

    ours = {queue_name(ns, n): n for n in QUEUES}
    suspects = []
    for key in r.scan_iter(match="rq:job:*", count=1000):
        if key.count(b":") != 2:
            continue  # rq:job:<id>:dependents and the like
        status, origin, *stamps = r.hmget(key, "status", "origin", "enqueued_at", "ended_at", "started_at",
                                          "created_at")
        # (a retry RQ was scheduling when Redis went down may have its status written and not its
        # place in the scheduled registry, and no enqueued_at: its latest time stands in)
        stamp = next((x for x in stamps if x), None)
        if status not in (b"queued", b"scheduled") or (origin or b"").decode() not in ours or not stamp:
            continue
        if now - datetime.fromisoformat(stamp.decode()).timestamp() < grace:
            continue
        q = queue(r, ns, ours[origin.decode()])
        job_id = key.decode()[len("rq:job:"):]
        if r.lpos(q.key, job_id) is None and job_id not in q.scheduled_job_registry:
            suspects.append((q, job_id))
    if not suspects:
        return 0
    time.sleep(1.0)
    return sum(_requeue_orphan(r, q, job_id) for q, job_id in suspects)


def overdue_scheduled(r: redis.Redis, ns: str, now: float) -> float:
    """How many seconds the oldest job in the namespace's scheduled registries is overdue (0: none)."""
    from rq.registry import ScheduledJobRegistry

    worst = 0.0
    for name in QUEUES:
        reg = ScheduledJobRegistry(queue=queue(r, ns, name))
        first = r.zrange(reg.key, 0, 0, withscores=True)
        if first:
            worst = max(worst, now - float(first[0][1]))
    return worst


def release_overdue(r: redis.Redis, ns: str, now: float, grace: float) -> int:
    """Queue the delayed jobs that are due for more than ``grace`` seconds. RQ moves a due job with
    the scheduler inside one worker; a scheduler that died with its Redis connection (and whose
    locks are still held) moves none for minutes. The clock's leader does it instead, so retries
    and Slack's paced sends keep moving after any Redis restart."""
    from rq.registry import ScheduledJobRegistry

    moved = 0
    for name in QUEUES:
        q = queue(r, ns, name)
        reg = ScheduledJobRegistry(queue=q)
        ids = reg.get_jobs_to_schedule(int(now - grace))
        if not ids:
            continue
        jobs = Job.fetch_many(ids, connection=r)
        found = [j for j in jobs if j is not None]
        with r.pipeline() as p:
            for job in found:
                q.enqueue_job(job, pipeline=p)
            for job_id in ids:  # (a job whose record is gone leaves the registry too)
                reg.remove(job_id, pipeline=p)
            p.execute()
        moved += len(found)
        log.warning("%d delayed jobs of %s were due for over %.0fs with no scheduler moving them; queued them",
                    len(found), q.name, grace)
    return moved
