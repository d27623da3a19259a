"""How much Redis holds, per key family, and how close it is to ``maxmemory``.

The clock's leader measures once an hour, after its retention sweep, and keeps the figures in
``{ns}:memory`` for `newsmon status` and the metrics; ``memory_warning`` is `newsmon check`'s rule.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

import redis

from monitor.state.archive import Archive
from monitor.state.store import Store


def family(key: str, ns: str) -> str:
    """``newsmon:article:ab12`` -> ``article``; ``newsmon:feed:x:seen`` -> ``feed:seen``."""
    if not key.startswith(ns + ":"):
        return "rq" if key.startswith("rq:") else "other"
    parts = key[len(ns) + 1:].split(":")
    if parts[0] == "feed" and len(parts) > 2:
        return "feed:" + parts[-1]
    return parts[0]


def redis_memory(r: redis.Redis) -> dict[str, Any]:
    info = r.info("memory")
    try:
        policy = r.config_get("maxmemory-policy").get("maxmemory-policy", "")
    except redis.ResponseError:  # CONFIG refused (a managed Redis): INFO has it too
        policy = info.get("maxmemory_policy", "")
    return {"used_bytes": int(info["used_memory"]), "maxmemory_bytes": int(info.get("maxmemory", 0)),
            "maxmemory_policy": policy}


def measure(store: Store, archive: Archive | None, now: float | None = None) -> dict[str, Any]:
    keys: Counter[str] = Counter()
    for key in store.r.scan_iter(match=f"{store.k.ns}:*", count=5000):
        keys[family(key.decode(), store.k.ns)] += 1
    for _ in store.r.scan_iter(match=f"rq:*{store.k.ns}*", count=5000):
        keys["rq"] += 1
    out = current(store, archive)
    out.update(at=now or time.time(), keys=dict(sorted(keys.items())))
    return out


def current(store: Store, archive: Archive | None) -> dict[str, Any]:
    """Redis' memory and the archive now, with the keys per family of the clock's last hourly
    measure (a SCAN of every key is no work for a status command on a large Redis)."""
    last = last_measure(store) or {}
    out: dict[str, Any] = {"at": last.get("at"), "redis": redis_memory(store.r), "keys": last.get("keys", {})}
    if archive is not None:
        out["archive"] = {"bytes": archive.size_bytes(), **archive.counts(), "kind": archive.kind}
    return out


def record_memory(store: Store, archive: Archive | None) -> dict[str, Any]:
    m = measure(store, archive)
    store.r.set(store.k.memory(), json.dumps(m))
    return m


def last_measure(store: Store) -> dict[str, Any] | None:
    raw = store.r.get(store.k.memory())
    return json.loads(raw) if raw else None


def memory_warning(mem: dict[str, Any], ratio: float) -> str | None:
    """What `newsmon check` says of Redis' memory: None when all is well."""
    used, cap, policy = mem["used_bytes"], mem["maxmemory_bytes"], mem["maxmemory_policy"]
    if policy and policy != "noeviction":
        return (f"Redis maxmemory-policy is {policy}: under memory pressure it evicts keys, queued jobs "
                f"and ledgers among them; use noeviction and watch memory")
    if cap and used >= ratio * cap:
        return f"Redis uses {used / 2**20:.0f} MB of its maxmemory {cap / 2**20:.0f} MB ({used / cap:.0%})"
    return None
