"""The clock: one APScheduler tick that, while this process holds the leader lock, enqueues
a poll of every feed that is due. A second clock waits for the lock."""

from __future__ import annotations

import logging
import os
import socket
import time
from datetime import UTC, datetime

import redis

from monitor.ops.memory import family, record_memory
from monitor.ops.retention import RetentionPolicy, sweep
from monitor.state.archive import ArchiveError, open_archive
from monitor.state.keys import Keys
from monitor.state.store import Store
from monitor.stories.matching import MatchPolicy

log = logging.getLogger(__name__)

# Take the due feeds and push each one's due time ahead, atomically: two clocks, or a tick
# that overlaps the last, never enqueue one feed twice for one due time.
_CLAIM = """
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
for i = 1, #due, 2 do
  redis.call('zadd', KEYS[1], ARGV[2], due[i])
end
return due
"""

_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0
"""


# compare-and-delete in one step: a clock whose lease just expired never deletes the next
# leader's lock (a GET followed by a DEL could)
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0
"""


class Leader:
    """A Redis lease: taken with SET NX PX, renewed only by its holder."""

    def __init__(self, r: redis.Redis, key: str, ttl: float):
        self.r, self.key, self.ttl_ms = r, key, int(ttl * 1000)
        self.me = f"{socket.gethostname()}:{os.getpid()}"
        self._renew = r.register_script(_RENEW)
        self._release = r.register_script(_RELEASE)

    def hold(self) -> bool:
        if self._renew(keys=[self.key], args=[self.me, self.ttl_ms]):
            return True
        return bool(self.r.set(self.key, self.me, nx=True, px=self.ttl_ms))

    def release(self) -> bool:
        """Give the lease up if this clock still holds it; True when it did."""
        return bool(self._release(keys=[self.key], args=[self.me]))


def tick(store: Store, leader: Leader, now: float, lease: float, limit: int = 20000) -> int:
    """Enqueue polls of due feeds. Returns how many were enqueued."""
    if not leader.hold():
        return 0
    claimed = store.r.register_script(_CLAIM)(keys=[store.k.feeds_due()], args=[now, now + lease, limit])
    due = [(claimed[i].decode(), float(claimed[i + 1])) for i in range(0, len(claimed), 2)]
    if due:
        enqueue_polls(store, due)
    store.r.set(store.k.heartbeat("clock"), str(now), ex=max(int(lease), 30))
    return len(due)


def enqueue_polls(store: Store, due: list[tuple[str, float]]) -> None:
    """Batches of feeds, all in one pipeline: 10,000 due feeds are 500 jobs."""
    from rq import Queue

    from monitor.state.queues import POLL, POLL_BATCH, POLL_BATCH_TIMEOUT, job_func, namespaced_id, queue

    q = queue(store.r, store.k.ns, POLL.queue)
    datas = []
    for i in range(0, len(due), POLL_BATCH):
        batch = due[i:i + POLL_BATCH]
        ids, when = [fid for fid, _ in batch], min(d for _, d in batch)
        datas.append(Queue.prepare_data(
            job_func("poll_feeds"), args=(ids, when), timeout=POLL_BATCH_TIMEOUT, result_ttl=POLL.result_ttl,
            failure_ttl=POLL.failure_ttl, description=f"poll {len(ids)} feeds from {ids[0]}",
            job_id=namespaced_id(store.k.ns, f"poll-{ids[0]}-{len(ids)}-{int(when * 1000)}")))
    with store.r.pipeline() as pipe:
        q.enqueue_many(datas, pipeline=pipe)
        pipe.execute()


def poll_now(r: redis.Redis, ns: str, feed_id: str, now: float) -> bool:
    """Enqueue a poll of one feed now (``newsmon feeds poll``)."""
    from monitor.state.queues import POLL, enqueue, job_func

    return enqueue(r, ns, POLL, job_func("poll_feed"), feed_id, now, job_id=f"poll-{feed_id}-now-{int(now)}")


# A delayed job (a retry, a paced Slack send) due this long ago with no scheduler moving it is
# queued by the clock's leader: long enough for a live scheduler (it looks every second), short
# enough that a Redis restart costs seconds, not the minutes RQ's scheduler locks take to expire.
OVERDUE_GRACE = 10.0


# An outlet's furniture recurs on every page, so each sighting refreshes it; a sentence not seen
# for a month is not furniture (and the key stays small: one entry per sentence of a month). An
# outlet seldom read keeps its latest sentences however old (about a dozen pages' worth): its
# furniture is measured in its own pages, not in days. Aged by days alone, an outlet read once a
# quarter had no furniture left, and its boilerplate (author names) joined unrelated stories.
FURNITURE_DAYS = 30.0
FURNITURE_KEEP = 500


def age_out(store: Store, now: float, quiet_days: float,
            person_days: float = MatchPolicy.person_window_days) -> int:
    """Take stories quiet for longer than ``quiet_days`` out of the candidate index (and out of
    the person index after ``person_days``): only matching stops looking at them. Furniture
    unseen for a month goes too, beyond an outlet's latest ``FURNITURE_KEEP`` sentences. One
    pass over the keys for all the families."""
    days = {"idx": quiet_days, "dup": quiet_days, "furniture": min(quiet_days, FURNITURE_DAYS),
            "who": max(quiet_days, person_days), "named": max(quiet_days, person_days)}
    removed = 0
    for key in store.r.scan_iter(match=f"{store.k.ns}:*", count=5000):
        fam = family(key.decode(), store.k.ns)
        if fam not in days:
            continue
        cutoff = now - days[fam] * 86400
        if fam == "furniture":
            kept = store.r.zrange(key, -FURNITURE_KEEP, -FURNITURE_KEEP, withscores=True)
            if not kept:  # fewer sentences than that: all stay
                continue
            cutoff = min(cutoff, kept[0][1])
            removed += store.r.zremrangebyscore(key, "-inf", f"({cutoff}")
        else:
            removed += store.r.zremrangebyscore(key, "-inf", cutoff)
    return removed


def run(r: redis.Redis, keys: Keys, tick_seconds: float, quiet_days: float = 30.0,
        retention: RetentionPolicy | None = None, archive_location: str | None = None,
        job_monitoring: float = 30.0) -> None:
    """Block, ticking every ``tick_seconds``. The lock lives three ticks. ``job_monitoring``: the
    workers' heartbeat interval (a worker silent for three of them is dead)."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    store = Store(r, keys)
    leader = Leader(r, keys.lock("clock"), ttl=max(3 * tick_seconds, 3.0))
    lease = max(60.0, 10 * tick_seconds)  # a poll job gets this long before its feed is due again
    sched = BlockingScheduler()

    def job() -> None:
        try:
            n = tick(store, leader, time.time(), lease)
            if n:
                log.info("enqueued %d feed polls", n)
        except redis.RedisError as e:
            log.warning("clock tick: %s", e)
        except Exception as e:  # a bug in a tick must not stop the clock; Sentry hears of it
            log.exception("clock tick failed")
            from monitor.ops.errors import report
            report(e, process="clock")

    def ageing() -> None:
        try:
            if leader.hold():
                n = age_out(store, time.time(), quiet_days)
                if n:
                    log.info("aged %d story index entries out", n)
                if retention is not None and archive_location:
                    archive = open_archive(archive_location, keys.ns)
                    rep = sweep(store, archive, time.time(), retention)
                    if any(rep.to_dict().values()):
                        log.info("retention: %s", rep.to_dict())
                    record_memory(store, archive)
        except (redis.RedisError, ArchiveError) as e:
            log.warning("ageing and retention: %s", e)
        except Exception as e:  # a bug here must not stop the clock; Sentry hears of it
            log.exception("retention failed")
            from monitor.ops.errors import report
            report(e, process="clock")

    def repair() -> None:
        from monitor.state.queues import requeue_orphans
        try:
            if leader.hold():
                requeue_orphans(r, keys.ns, time.time(), grace=2 * repair_every)
        except redis.RedisError as e:
            log.warning("repair: %s", e)

    def release() -> None:
        from monitor.delivery.watch import resume_stalled
        from monitor.state.queues import release_overdue
        try:
            if leader.hold():
                release_overdue(r, keys.ns, time.time(), grace=OVERDUE_GRACE)
                resume_stalled(store, time.time(), beat_limit=3 * job_monitoring + 5)
        except redis.RedisError as e:
            log.warning("release of overdue jobs and stalled deliveries: %s", e)

    # jobs a Redis restart left in no queue are looked for every 15 s (sooner with a fast tick):
    # a SCAN of the job hashes, few since finished jobs keep no result
    repair_every = max(5.0, min(15.0, 10 * tick_seconds))
    sched.add_job(job, "interval", seconds=tick_seconds, max_instances=1, coalesce=True)
    sched.add_job(ageing, "interval", minutes=60, max_instances=1, coalesce=True, next_run_time=datetime.now(UTC))
    sched.add_job(repair, "interval", seconds=repair_every, max_instances=1, coalesce=True)
    # delayed jobs no scheduler moved, and deliveries whose job was lost, are looked for every few
    # seconds: a cheap look at 4 registries and at the deliveries past their time
    sched.add_job(release, "interval", seconds=min(5.0, OVERDUE_GRACE / 2), max_instances=1, coalesce=True)
    job()
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        leader.release()
