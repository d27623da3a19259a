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


def tick(store: Store, leader: Leader, now: float, lease: float, limit: int = 5000) -> int:
    """Enqueue polls of due feeds. Returns how many were enqueued."""
    from workers.jobs import poll_feed
    from workers.queues import POLL, enqueue

    if not leader.hold():
        return 0
    n = 0
    for feed_id, due in store.due_feeds(now, limit):
        # push the feed's due time ahead first: if the poll is lost, it is polled again later
        store.schedule(feed_id, now + lease)
        if enqueue(store.r, store.k.ns, POLL, poll_feed, feed_id, due, job_id=f"poll-{feed_id}-{int(due * 1000)}"):
            n += 1
    store.r.set(store.k.heartbeat("clock"), str(now), ex=max(int(lease), 30))
    return n


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

    sched.add_job(job, "interval", seconds=tick_seconds, max_instances=1, coalesce=True)
    job()
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        leader.release()
