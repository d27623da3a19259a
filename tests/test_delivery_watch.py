"""The watch over unsettled deliveries (issue 18): a delivery whose job was lost is queued again
by the clock's leader; one whose job is queued, scheduled or running, or whose send lease is
held, is left alone; a settled one leaves the watch. Real Redis, real RQ queues."""

from __future__ import annotations

import time

from rq import Queue

from monitor.delivery.state import Delivery, DeliveryState
from monitor.delivery.watch import GRACE, overdue, resume_stalled, schedule, send_lease_key
from monitor.models import Topic
from monitor.state.keys import Keys
from monitor.state.queues import queue_name
from monitor.state.store import Store
from tests.support import make_alerts
from workers.jobs import dispatch


def _jobs(r, ns: str) -> list[str]:
    q = Queue(queue_name(ns, "alerts"), connection=r)
    return q.job_ids + q.scheduled_job_registry.get_job_ids()


def test_dispatch_watches_and_a_lost_job_is_queued_again(r):
    ns = "watch1"
    store = Store(r, Keys(ns))
    topic = Topic("t", (), (), ("slack",))
    store.put_topic(topic)
    (a,) = make_alerts(store, 1)
    now = time.time()
    dispatch(store, topic, a, now)
    assert overdue(store, now + GRACE + 1)[0] == 1  # not touched in time: overdue
    assert resume_stalled(store, beat_limit=10, now=now + GRACE + 1) == 0  # its job is queued: late, not lost
    (job,) = _jobs(r, ns)
    # the job is lost the way a Redis restart loses one: marked started, in no registry
    r.hset(f"rq:job:{job}", "status", "started")
    Queue(queue_name(ns, "alerts"), connection=r).remove(job)
    later = now + 3 * GRACE
    assert resume_stalled(store, beat_limit=10, now=later) == 1
    ids = _jobs(r, ns)
    assert len(ids) == 1 and ids[0] != job
    assert overdue(store, later)[0] == 0  # watched again, from now
    assert resume_stalled(store, beat_limit=10, now=later + 1) == 0  # the new job is queued
    # a job RQ gave up on (an error that is not the channel's) is left to `newsmon failed requeue`
    Queue(queue_name(ns, "alerts"), connection=r).remove(ids[0])
    r.hset(f"rq:job:{ids[0]}", "status", "failed")
    assert resume_stalled(store, beat_limit=10, now=later + 100) == 0
    assert overdue(store, later + 100)[0] == 0


def test_a_held_send_lease_and_a_settled_delivery_are_left_alone(r):
    ns = "watch2"
    store = Store(r, Keys(ns))
    topic = Topic("t", (), (), ("slack", "email:ops@example.org"))
    store.put_topic(topic)
    (a,) = make_alerts(store, 1)
    now = time.time()
    dispatch(store, topic, a, now)
    Queue(queue_name(ns, "alerts"), connection=r).empty()  # both jobs lost
    r.set(send_lease_key(store, a, "slack"), "x", ex=60)  # a worker is sending (or died sending) on Slack
    store.set_delivery(a, "email:ops@example.org", Delivery(DeliveryState.SENT))  # and email is done
    assert overdue(store, now + GRACE + 1)[0] == 1  # email left the watch when it was settled
    assert resume_stalled(store, beat_limit=10, now=now + GRACE + 1) == 0  # the lease decides Slack's fate, for now
    r.delete(send_lease_key(store, a, "slack"))
    assert resume_stalled(store, beat_limit=10, now=now + 200) == 1  # the lease ended with nothing recorded
    store.set_delivery(a, "slack", Delivery(DeliveryState.SENT))
    assert overdue(store, now + 1000) == (0, 0.0)


def test_schedule_records_the_job_that_should_come(r):
    ns = "watch3"
    store = Store(r, Keys(ns))
    (a,) = make_alerts(store, 1)
    store.start_delivery(a, "slack", Delivery(DeliveryState.PENDING))
    now = time.time()
    assert schedule(store, a, "slack", 0, "deliver-x", now, delay=30)
    assert resume_stalled(store, beat_limit=10, now=now + 30 + GRACE + 1) == 0  # in the scheduled registry, not lost
    assert r.hget(store.k.deliveries_job(), store.k.delivery_member(a, "slack")) == b"watch3-deliver-x"


def test_a_job_started_by_a_live_worker_is_alive_and_check_sees_overdue_deliveries(redis_server, r):
    from datetime import UTC, datetime

    from monitor.delivery.watch import job_state, watch
    from monitor.ops.health import health
    from monitor.settings import load

    ns = "watch4"
    store = Store(r, Keys(ns))
    (a,) = make_alerts(store, 1)
    store.start_delivery(a, "slack", Delivery(DeliveryState.PENDING))
    now = time.time()
    q = Queue(queue_name(ns, "alerts"), connection=r)
    job = q.enqueue("workers.jobs.deliver", a, "slack", 0)
    q.remove(job.id)
    r.hset(job.key, mapping={"status": "started", "worker_name": "wx"})
    stamp = datetime.fromtimestamp(now, UTC).isoformat()
    r.hset("rq:worker:wx", mapping={"last_heartbeat": stamp})
    r.sadd("rq:worker:wx:executions", f"{job.id}:e1")
    assert job_state(r, job.id, now + 5, beat_limit=10) == "alive"  # its worker runs it and is alive
    assert job_state(r, job.id, now + 15, beat_limit=10) == "lost"  # its worker fell silent
    r.delete("rq:worker:wx:executions")
    r.sadd("rq:worker:wx:executions", "another:e2")
    assert job_state(r, job.id, now + 5, beat_limit=10) == "lost"  # its worker came back and runs another
    s = load(env={"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns})
    watch(store, a, "slack", now - 120, job.id)  # two minutes late
    assert {c: ok for c, ok, _ in health(r, s, "all")}["deliveries"] is False
    assert resume_stalled(store, beat_limit=10, now=time.time()) == 1
    assert {c: ok for c, ok, _ in health(r, s, "all")}["deliveries"] is True
    r.delete("rq:worker:wx", "rq:worker:wx:executions")


def test_a_lost_digest_job_is_queued_again_once_for_its_batch(r):
    ns = "watch5"
    store = Store(r, Keys(ns))
    topic = Topic("t", (), (), ("slack",), {"digest": 3})
    store.put_topic(topic)
    ids = make_alerts(store, 3)
    now = time.time()
    for a in ids:
        dispatch(store, topic, a, now)
    assert all(store.delivery_on(a, "slack").detail.startswith("in the digest") for a in ids)
    q = Queue(queue_name(ns, "alerts"), connection=r)
    lost = q.scheduled_job_registry.get_job_ids()
    assert lost and all(j.startswith("watch5-digest-") for j in lost)
    for j in lost:  # the restart loses the digest job
        q.scheduled_job_registry.remove(j)
        r.delete(f"rq:job:{j}")
    later = now + 3 * 3600 + 2 * GRACE  # past any digest's time
    assert resume_stalled(store, beat_limit=10, now=later) == 3
    assert len(q.job_ids) == 1 and "send_digest" in q.fetch_job(q.job_ids[0]).func_name  # one job, the batch
    assert resume_stalled(store, beat_limit=10, now=later + 1) == 0  # it is queued: nothing more
