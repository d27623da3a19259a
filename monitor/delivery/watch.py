"""Every unsettled delivery is watched, so that no lost job can leave it waiting.

RQ is the transport of deliveries, not their record: a Redis restart can lose a job between two
of RQ's steps (a job marked started whose worker died, a retry written and never scheduled), and
then nothing would ever run the delivery again. So each time a delivery's job is queued, or runs,
the delivery is given a time by which a job must touch it again (``{ns}:deliveries:due``) and the
id of the job that should (``{ns}:deliveries:job``). The clock's leader looks every few seconds
(``resume_stalled``): a delivery past its time whose job is not queued, scheduled or running is
queued again under a new job id. The send lease and the settled state keep a late original from
sending it twice.
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import datetime

import redis
from rq import Queue

from monitor.delivery.state import Delivery
from monitor.state.queues import DELIVER, enqueue, job_func, namespaced_id
from monitor.state.store import Store

log = logging.getLogger(__name__)

GRACE = 10.0  # seconds a job may be late (a busy queue, a slow scheduler) before it counts as lost


def channel_key(channel: str) -> str:
    """A channel as a key part (lease and rate-limit locks, job ids)."""
    return hashlib.sha1(channel.encode()).hexdigest()[:10]


def send_lease_key(store: Store, alert_id: str, channel: str) -> str:
    return store.k.lock(f"send:{alert_id}:{channel_key(channel)}")


def watch(store: Store, alert_id: str, channel: str, by: float, job_id: str | None = None) -> None:
    """A job must touch the delivery again by ``by`` (epoch seconds); ``job_id``: the RQ id of the
    job that will (namespaced)."""
    m = store.k.delivery_member(alert_id, channel)
    with store.r.pipeline(transaction=False) as p:
        p.zadd(store.k.deliveries_due(), {m: by})
        if job_id:
            p.hset(store.k.deliveries_job(), m, job_id)
        p.execute()


def _queue(store: Store, alert_id: str, channel: str, job_id: str, now: float, delay: float | None,
           func: str, *args: object) -> bool:
    watch(store, alert_id, channel, now + (delay or 0.0) + GRACE, namespaced_id(store.k.ns, job_id))
    return enqueue(store.r, store.k.ns, DELIVER, job_func(func), *args, job_id=job_id, delay=delay)


def schedule(store: Store, alert_id: str, channel: str, attempt: int, job_id: str, now: float,
             delay: float | None = None) -> bool:
    """Queue a delivery's job (after ``delay`` seconds) and watch for it."""
    return _queue(store, alert_id, channel, job_id, now, delay, "deliver", alert_id, channel, attempt)


def schedule_digest(store: Store, alert_id: str, topic: str, channel: str, job_id: str, now: float,
                    delay: float | None = None) -> bool:
    """Queue a topic's digest on a channel (after ``delay`` seconds) and watch the alert it now holds."""
    return _queue(store, alert_id, channel, job_id, now, delay, "send_digest", topic, channel)


def overdue(store: Store, now: float) -> tuple[int, float]:
    """How many watched deliveries are past their time, and by how long the oldest is."""
    first = store.r.zrange(store.k.deliveries_due(), 0, 0, withscores=True)
    if not first or first[0][1] >= now:
        return 0, 0.0
    return int(store.r.zcount(store.k.deliveries_due(), "-inf", now)), now - float(first[0][1])


def job_state(r: redis.Redis, job_id: str, now: float, beat_limit: float) -> str:
    """"alive" while the job is on its way: in its queue, in its scheduled registry, or started by
    a worker that lists it among its executions and has sent a heartbeat within ``beat_limit``
    seconds (RQ's own started registry is no guide: a worker that died keeps its entry alive a
    minute or more); "failed" when RQ used its retries; else "lost"."""
    status, origin, worker = r.hmget(f"rq:job:{job_id}", "status", "origin", "worker_name")
    if status == b"failed":
        return "failed"
    if status is None or origin is None:
        return "lost"
    q = Queue(origin.decode(), connection=r)
    alive = False
    if status == b"queued":
        alive = r.lpos(q.key, job_id) is not None or r.lpos(q.intermediate_queue_key, job_id) is not None
    elif status == b"scheduled":
        alive = r.zscore(q.scheduled_job_registry.key, job_id) is not None
    elif status == b"started" and worker:
        # RQ 3 keeps a worker's executions as "job_id:execution_id" in rq:worker:<name>:executions
        name = worker.decode()
        beat = r.hget(f"rq:worker:{name}", "last_heartbeat")
        running = any(m.decode().split(":", 1)[0] == job_id for m in r.smembers(f"rq:worker:{name}:executions"))
        alive = running and beat is not None and now - datetime.fromisoformat(beat.decode()).timestamp() < beat_limit
    return "alive" if alive else "lost"


def resume_stalled(store: Store, now: float, beat_limit: float, limit: int = 500) -> int:
    """Queue again the deliveries past their time whose job is lost; settle the watch of those
    that ended. A delivery whose send lease is held is left to it (a send in flight, or one that
    died: when the lease ends, the send's outcome is unknown and it is sent again). ``beat_limit``:
    the seconds after a worker's last heartbeat when it counts as dead (``job_state``)."""
    r, k = store.r, store.k
    due = r.zrangebyscore(k.deliveries_due(), "-inf", now, start=0, num=limit)
    resumed = 0
    digests: dict[tuple[str, str], str] = {}  # one digest job per topic and channel a pass
    for raw in due:
        alert_id, _, channel = raw.decode().partition("\t")
        d = store.delivery_on(alert_id, channel)
        if d is None or d.state.settled:
            store.unwatch_delivery(alert_id, channel)
            continue
        job = r.hget(k.deliveries_job(), raw)
        state = job_state(r, job.decode(), now, beat_limit) if job is not None else "lost"
        if state == "alive":
            watch(store, alert_id, channel, now + GRACE)  # late, not lost: look again later
            continue
        if state == "failed":
            # RQ used its retries on an error that is not the channel's (a bug): the job waits in
            # the failed registry for `newsmon failed requeue`, not for an endless loop of new jobs
            store.unwatch_delivery(alert_id, channel)
            log.error("alert %s on %s: its delivery job %s failed; see `newsmon failed list`", alert_id, channel,
                      job.decode())
            continue
        lease = r.pttl(send_lease_key(store, alert_id, channel))
        if lease > 0:
            watch(store, alert_id, channel, now + lease / 1000 + GRACE)
            continue
        if d.detail.startswith("in the digest"):
            alert = store.alert(alert_id)
            if alert is None:
                store.unwatch_delivery(alert_id, channel)
                continue
            key = (alert.topic, channel)
            if key not in digests:  # (a digest sends the whole batch: one job for all its alerts)
                digests[key] = f"digest-{channel_key(alert.topic + channel)}-r{time.time_ns()}"
                schedule_digest(store, alert_id, alert.topic, channel, digests[key], now)
            else:
                watch(store, alert_id, channel, now + GRACE, namespaced_id(k.ns, digests[key]))
        else:
            schedule(store, alert_id, channel, d.attempt, f"deliver-{alert_id}-{channel_key(channel)}-{d.attempt}"
                     f"-r{time.time_ns()}", now)
        resumed += 1
        log.warning("alert %s on %s: its delivery job was lost (%s); queued it again", alert_id, channel,
                    _why(job, d))
    return resumed


def _why(job: bytes | None, d: Delivery) -> str:
    return f"job {job.decode()} is not queued, scheduled or running" if job else f"no job recorded, {d.label()}"
