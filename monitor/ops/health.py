"""Health of the daemon for `newsmon check`: heartbeats, the leader lock, the backlog, failed jobs."""

from __future__ import annotations

import time

import redis

from monitor.settings import Settings
from monitor.state.keys import Keys
from monitor.state.store import Store


def health(r: redis.Redis, s: Settings, component: str = "all") -> list[tuple[str, bool, str]]:
    """(check, ok, detail) for `newsmon check`: heartbeats, leader, backlog, failed jobs."""
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, our_workers, overdue_scheduled, queue
    st = Store(r, Keys(s.namespace))
    out: list[tuple[str, bool, str]] = []
    now = time.time()
    if component in ("all", "clock"):
        hb = r.get(st.k.heartbeat("clock"))
        leader = r.get(st.k.lock("clock"))
        age = now - float(hb) if hb else None
        out.append(("clock heartbeat", age is not None, f"last tick {age:.0f}s ago" if age is not None else "no clock has ticked recently"))
        out.append(("clock leader", leader is not None, leader.decode() if leader else "no clock holds the leader lock"))
    if component in ("all", "worker"):
        limit = s.job_monitoring + 60
        alive = [w for w in our_workers(r, s.namespace)
                 if w.last_heartbeat and now - w.last_heartbeat.timestamp() < limit]
        out.append(("workers", bool(alive), f"{len(alive)} alive" if alive else f"no worker heartbeat in the last {limit:.0f}s"))
    if component == "all":
        queued = failed = 0
        for name in QUEUES:
            q = queue(r, s.namespace, name)
            queued += q.count
            failed += len(FailedJobRegistry(queue=q))
        out.append(("queue backlog", queued <= s.check_max_backlog, f"{queued} queued (limit {s.check_max_backlog})"))
        out.append(("failed jobs", failed <= s.check_max_failed, f"{failed} failed (limit {s.check_max_failed})"))
        late = overdue_scheduled(r, s.namespace, now)
        from monitor.ops.memory import memory_warning, redis_memory
        mem = redis_memory(r)
        warn = memory_warning(mem, s.memory_warn_ratio)
        limit = f"of maxmemory {mem['maxmemory_bytes'] / 2**20:.0f} MB" if mem["maxmemory_bytes"] else "(no maxmemory set)"
        out.append(("redis memory", warn is None, warn or f"{mem['used_bytes'] / 2**20:.0f} MB used {limit}"))
        out.append(("delayed jobs", late <= s.check_max_overdue,
                    f"oldest due {late:.0f}s ago (limit {s.check_max_overdue:.0f}s)" if late else "none overdue"))
        from monitor.delivery.watch import overdue
        n, worst = overdue(st, now)
        out.append(("deliveries", worst <= s.check_max_overdue,
                    f"{n} past their time, the oldest by {worst:.0f}s (limit {s.check_max_overdue:.0f}s)" if n
                    else "none overdue"))
    return out
