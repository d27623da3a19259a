"""``newsmon bench soak``: months of a news stream in minutes, with the real retention and archive.

Real articles from a data file are replayed as new ones (new ids, dates shifted onto a simulated
calendar), ``per_day`` a day spread over ``feeds`` feeds, through the real story step. At the end
of each simulated day the clock's hourly work runs once at that day's time (index ageing, the
retention sweep into a SQLite archive) and the namespace's memory is measured. Deliveries are
marked sent, as a healthy channel would. One JSON line per day goes to standard output.

Articles are taken in publication order, each used once unless ``per_day`` times ``days`` asks
for more than the file has (the stream then starts over: a story of the first pass may come back
from the archive, as a follow-up would bring it).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
import tempfile
import uuid
from collections import Counter, deque
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import redis

from monitor.delivery.state import Delivery, DeliveryState
from monitor.devtools.replay import Doc, doc_article, read_docs
from monitor.models import Article, Topic
from monitor.ops.clock import age_out
from monitor.ops.memory import family
from monitor.ops.retention import DAY, RetentionPolicy, sweep
from monitor.pipeline import assign
from monitor.state.archive import Archive
from monitor.state.keys import Keys
from monitor.state.store import Feed, Store
from monitor.state.story_index import story_id
from monitor.stories.matching import epoch

START = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
FEED_ENTRIES = 30  # what a feed carries at a time: its latest entries
# what each active story brings (its articles, index entries, alerts), what the topic learns
# from the stream as a whole (word and name counts), and an outlet's furniture
STORY_FAMILIES = {"article", "articles", "story", "stories", "idx", "who", "named", "dup", "story-index", "assigned",
                  "article-story", "alert", "alerts", "story-alerts", "delivery", "thread", "last-alert"}
COUNT_FAMILIES = {"df", "ndocs", "namedf"}
FEED_FAMILIES = {"feeds", "feed:seen", "feed:seen-at"}


def _docs(paths: list[Path]) -> list[Doc]:
    docs = [d for p in paths for d in read_docs(p) if d.text or d.html]
    return sorted(docs, key=lambda d: epoch(d.published, 0.0))  # stable: file order within a day


def key_bytes(r: redis.Redis, ns: str) -> tuple[int, dict[str, int]]:
    """What the namespace's keys take (MEMORY USAGE, summed), in all and per family."""
    keys = [k for k in r.scan_iter(match=f"{ns}:*", count=5000)]
    per: Counter[str] = Counter()
    for i in range(0, len(keys), 2000):
        chunk = keys[i:i + 2000]
        with r.pipeline(transaction=False) as p:
            for k in chunk:
                p.memory_usage(k)
            sizes = p.execute()
        for k, n in zip(chunk, sizes, strict=True):
            per[family(k.decode(), ns)] += int(n or 0)
    return sum(per.values()), dict(per)


@dataclasses.dataclass
class _Stream:
    """The simulated stream's state between days."""
    store: Store
    archive: Archive
    feeds: list[str]
    carried: dict[str, deque[str]]
    cache: dict[int, Article] = dataclasses.field(default_factory=dict)
    used: int = 0
    alerts: int = 0


def _article(st: _Stream, docs: list[Doc], n: int, t: float) -> Article:
    """The n-th article of the stream: a copy of a real one, with a new id and date."""
    i = n % len(docs)
    if i not in st.cache:
        st.cache[i] = doc_article(docs[i])
    feed = st.feeds[n % len(st.feeds)]
    aid = f"soak{n:07d}"
    return dataclasses.replace(st.cache[i], id=aid, url=f"https://soak.example/{feed}/{aid}", feed=feed,
                               published=datetime.fromtimestamp(t, UTC).isoformat().replace("+00:00", "Z"))


def _day(st: _Stream, docs: list[Doc], day: int, per_day: int, policy: RetentionPolicy) -> dict[str, Any]:
    store, start = st.store, START + day * DAY
    for j in range(per_day):
        t = start + (j + 0.5) * DAY / per_day
        a = _article(st, docs, st.used, t)
        st.used += 1
        store.mark_seen(a.feed, a.id, a.fingerprint)
        st.carried[a.feed].append(a.id)
        store.put_article(a, t)
        res = assign(store, a, "soak", t, archive=lambda: st.archive)
        for al in res.alerts:  # a healthy channel: each alert is sent
            store.set_delivery(al, "slack", Delivery(DeliveryState.SENT))
        st.alerts += len(res.alerts)
    end = start + DAY
    for f in st.feeds:  # each feed polled: it carries its latest entries
        store.touch_seen(f, list(st.carried[f]), end)
    age_out(store, end, policy.index_quiet_days)
    rep = sweep(store, st.archive, end, policy)
    total, _ = key_bytes(store.r, store.k.ns)
    return {"day": day + 1, "redis_bytes": total, "redis_used_memory": int(store.r.info("memory")["used_memory"]),
            "archive_bytes": st.archive.size_bytes(), "stories_active": int(store.r.zcard(store.k.stories("soak"))),
            "stories_archived": st.archive.counts()["stories"], "articles": st.used, "alerts": st.alerts,
            "swept": {k: v for k, v in rep.to_dict().items() if v}}


def soak(r: redis.Redis, paths: list[Path], days: int = 120, per_day: int | None = None, feeds: int = 50,
         policy: RetentionPolicy | None = None, out: Path | None = None) -> Iterator[dict[str, Any]]:
    """Yield one record per simulated day, then a summary (``{"summary": ...}``)."""
    policy = policy or RetentionPolicy()
    docs = _docs(paths)
    if not docs:
        raise ValueError("no articles with text in the data")
    per_day = per_day or max(1, len(docs) // days)
    ns = f"soak-{uuid.uuid4().hex[:8]}"
    store = Store(r, Keys(ns))
    store.put_topic(Topic("soak"))
    ids = [f"f{i:04d}" for i in range(feeds)]
    for f in ids:
        store.put_feed(Feed(f, f"https://soak.example/{f}/rss", ["soak"]))
    tmp = None if out else tempfile.TemporaryDirectory(prefix="newsmon-soak-")
    where = out or Path(tmp.name)  # type: ignore[union-attr]
    where.mkdir(parents=True, exist_ok=True)
    archive = Archive(str(where / "soak-archive.sqlite"), ns)
    st = _Stream(store, archive, ids, {f: deque(maxlen=FEED_ENTRIES) for f in ids})
    rows = []
    try:
        for day in range(days):
            rows.append(_day(st, docs, day, per_day, policy))
            yield rows[-1]
        yield {"summary": _summary(st, rows, feeds)}
    finally:
        archive.close()
        for i, key in enumerate(list(r.scan_iter(match=f"{ns}:*", count=5000))):
            r.delete(key)
            if i % 10000 == 9999:
                print(f"soak: removed {i + 1} keys", file=sys.stderr)
        if tmp:
            tmp.cleanup()


def _summary(st: _Stream, rows: list[dict[str, Any]], feeds: int) -> dict[str, Any]:
    """Flatness over the last 30 days; every story opened is in Redis or the archive; bytes per
    active story and per feed at the end (the README's sizing rule)."""
    store = st.store
    opened = int(store.r.get(store.k.seq("story")) or 0)
    active = {x.decode() for x in store.r.zrange(store.k.stories("soak"), 0, -1)}
    archived = {s.id for s in st.archive.stories("soak", limit=10**9)}
    held = active | archived
    missing = [n for n in range(1, opened + 1) if story_id("soak", n) not in held]
    last = [x["redis_bytes"] for x in rows[-30:]]
    _, per = key_bytes(store.r, store.k.ns)
    story_bytes = sum(v for f, v in per.items() if f in STORY_FAMILIES)
    feed_bytes = sum(v for f, v in per.items() if f in FEED_FAMILIES)
    outlets = sum(1 for _ in store.r.scan_iter(match=f"{store.k.ns}:furniture:*", count=5000))
    return {"days": len(rows), "articles": st.used, "stories_opened": opened, "stories_missing": len(missing),
            "last_30_days_spread": round(max(last) / min(last) - 1, 3) if last and min(last) else None,
            "redis_bytes_median_last_30": int(statistics.median(last)) if last else 0,
            "stories_active": len(active), "bytes_per_active_story": round(story_bytes / max(1, len(active))),
            "bytes_per_feed": round(feed_bytes / max(1, feeds)),
            "outlets": outlets, "furniture_bytes_per_outlet": round(per.get("furniture", 0) / max(1, outlets)),
            "count_bytes": sum(v for f, v in per.items() if f in COUNT_FAMILIES),
            "archive_bytes_per_story": round(rows[-1]["archive_bytes"] / max(1, len(archived))) if rows else 0,
            "bytes_by_family": dict(sorted(per.items(), key=lambda kv: -kv[1]))}


def print_lines(records: Iterator[dict[str, Any]]) -> None:
    for rec in records:
        if "summary" in rec:
            print(json.dumps(rec["summary"], indent=2), file=sys.stderr)
        else:
            print(json.dumps(rec), flush=True)
