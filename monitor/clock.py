"""The clock: one APScheduler tick that, while this process holds the leader lock, enqueues
a poll of every feed that is due. A second clock waits for the lock."""

from __future__ import annotations

import logging
import os
import socket
import time

import redis

from monitor.keys import Keys
from monitor.store import Store

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


class Leader:
    """A Redis lease: taken with SET NX PX, renewed only by its holder."""

    def __init__(self, r: redis.Redis, key: str, ttl: float):
        self.r, self.key, self.ttl_ms = r, key, int(ttl * 1000)
        self.me = f"{socket.gethostname()}:{os.getpid()}"
        self._renew = r.register_script(_RENEW)

    def hold(self) -> bool:
        if self._renew(keys=[self.key], args=[self.me, self.ttl_ms]):
            return True
        return bool(self.r.set(self.key, self.me, nx=True, px=self.ttl_ms))

    def release(self) -> None:
        if self.r.get(self.key) == self.me.encode():
            self.r.delete(self.key)


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
    """One pipeline for all the polls of a tick (10,000 feeds in well under a second)."""
    from rq import Queue

    from workers.jobs import poll_feed
    from workers.queues import POLL, namespaced_id, queue_name

    q = Queue(queue_name(store.k.ns, POLL.queue), connection=store.r)
    datas = [Queue.prepare_data(poll_feed, args=(fid, d), timeout=POLL.timeout, result_ttl=POLL.result_ttl,
                                failure_ttl=POLL.failure_ttl, job_id=namespaced_id(store.k.ns, f"poll-{fid}-{int(d * 1000)}"))
             for fid, d in due]
    with store.r.pipeline() as pipe:
        for i in range(0, len(datas), 2000):
            q.enqueue_many(datas[i:i + 2000], pipeline=pipe)
        pipe.execute()


def run(r: redis.Redis, keys: Keys, tick_seconds: float) -> None:
    """Block, ticking every ``tick_seconds``. The lock lives three ticks."""
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
            from monitor.errors import report
            report(e, process="clock")

    sched.add_job(job, "interval", seconds=tick_seconds, max_instances=1, coalesce=True)
    job()
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        leader.release()
