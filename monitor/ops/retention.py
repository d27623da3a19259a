"""Retention: what Redis forgets, and when, so that its memory stays flat however long newsmon runs.

The clock's leader sweeps once an hour (``newsmon retention`` runs one sweep by hand):
- an article's text goes after ``article_text_days``; its extraction (title, address, figures,
  attributions) stays while its story is in Redis, and an article no story took goes whole;
- an entry a feed no longer carries is forgotten ``seen_days`` after it was last in the feed;
- an alert whose deliveries are settled moves to the archive after ``alert_days``;
- a story quiet for ``archive_quiet_days`` moves to the archive with its alerts and articles;
- the document-frequency hashes drop their rarest terms past a size (``prune_counts``).
The index families age out by time in ``clock.age_out``. Every move writes the archive first and
deletes from Redis after, so that a crash between the two leaves a copy, never a loss.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from monitor.delivery.state import Delivery
from monitor.models import Alert
from monitor.state.archive import Archive
from monitor.state.store import Store, _s
from monitor.state.story_index import StoryIndex, index_entries
from monitor.stories.matching import epoch
from monitor.stories.story import Story

log = logging.getLogger("newsmon.retention")

DAY = 86400.0
BATCH = 500
# past these sizes the document-frequency hashes lose the terms seen once (their idf is the
# highest either way: a term missing reads as seen never, one step rarer)
MAX_DF_TERMS = 200_000
MAX_NAME_TERMS = 100_000


@dataclass(frozen=True)
class RetentionPolicy:
    article_text_days: float = 14.0
    seen_days: float = 30.0
    alert_days: float = 30.0
    archive_quiet_days: float = 30.0
    index_quiet_days: float = 120.0  # clock.age_out: a story quiet this long leaves the candidate index


@dataclass
class SweepReport:
    texts_dropped: int = 0
    articles_dropped: int = 0
    entries_forgotten: int = 0
    alerts_archived: int = 0
    stories_archived: int = 0
    terms_pruned: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def sweep(store: Store, archive: Archive, now: float, policy: RetentionPolicy) -> SweepReport:
    rep = SweepReport()
    channels = {t.name: t.channels for t in store.topics()}  # (whether an undelivered alert waits)
    topics = list(channels)
    rep.stories_archived = archive_quiet_stories(store, archive, now, policy.archive_quiet_days, channels)
    rep.alerts_archived = archive_old_alerts(store, archive, now, policy.alert_days, channels)
    rep.texts_dropped, rep.articles_dropped = drop_old_texts(store, now, policy.article_text_days, topics)
    rep.entries_forgotten = forget_entries(store, now, policy.seen_days)
    rep.terms_pruned = prune_counts(store, topics)
    return rep


def drop_old_texts(store: Store, now: float, days: float, topics: list[str]) -> tuple[int, int]:
    """Articles processed more than ``days`` ago lose their text; those no topic's story took
    are deleted. ``{ns}:articles`` then holds only the articles that have their text."""
    r, k = store.r, store.k
    stripped = dropped = 0
    while True:
        ids = [_s(i) for i in r.zrangebyscore(k.articles(), "-inf", now - days * DAY, start=0, num=BATCH)]
        if not ids:
            return stripped, dropped
        raws = r.mget([k.article(i) for i in ids])
        with r.pipeline(transaction=False) as p:
            for t in topics:
                p.mget([k.article_story(t, i) for i in ids])
            owners = p.execute() if topics else []
        with r.pipeline(transaction=True) as p:
            for j, (aid, raw) in enumerate(zip(ids, raws, strict=True)):
                if raw is None:
                    continue
                if any(o[j] for o in owners):
                    d = json.loads(raw)
                    d["text"] = ""
                    p.set(k.article(aid), json.dumps(d))
                    stripped += 1
                else:
                    p.delete(k.article(aid))
                    dropped += 1
            p.zrem(k.articles(), *ids)
            p.execute()


def forget_entries(store: Store, now: float, days: float) -> int:
    """Forget the entries a feed stopped carrying ``days`` ago. An entry in the feed's latest
    fetch is never forgotten, however old (a feed that answers 304 for months keeps its entries)."""
    r, k = store.r, store.k
    n = 0
    for feed in store.feeds():
        seen, at = k.feed_seen(feed.id), k.feed_seen_at(feed.id)
        last = r.zrange(at, -1, -1, withscores=True)
        if not last:
            keys = r.hkeys(seen)
            if keys:  # seen before retention existed: counted from now
                r.zadd(at, dict.fromkeys(keys, now))
            continue
        cutoff = min(now - days * DAY, last[0][1])
        old = r.zrangebyscore(at, "-inf", f"({cutoff}")
        for i in range(0, len(old), BATCH):
            chunk = old[i:i + BATCH]
            with r.pipeline(transaction=True) as p:
                p.hdel(seen, *chunk)
                p.zrem(at, *chunk)
                p.execute()
        n += len(old)
    return n


def _deliveries(store: Store, alert_ids: list[str]) -> list[dict[str, dict]]:
    """Each alert's delivery states, channel -> the state's JSON (older plain states read too)."""
    with store.r.pipeline(transaction=False) as p:
        for a in alert_ids:
            p.hgetall(store.k.delivery(a))
        raw = p.execute()
    out = []
    for d in raw:
        states = {_s(c): Delivery.load(v) for c, v in d.items()}
        out.append({c: json.loads(x.dump()) for c, x in states.items() if x is not None})
    return out


def _settled(al: Alert, delivery: dict[str, dict], channels: dict[str, tuple[str, ...]]) -> bool:
    """Nothing more will happen to the alert: each delivery recorded is settled. An alert with
    none is settled only when its topic has no channel (or is gone); otherwise it is about to be
    dispatched (the story step dispatches right after its commit)."""
    if not delivery:
        return not channels.get(al.topic)
    return all(Delivery.load(json.dumps(v)).state.settled for v in delivery.values())  # type: ignore[union-attr]


def archive_old_alerts(store: Store, archive: Archive, now: float, days: float,
                       channels: dict[str, tuple[str, ...]]) -> int:
    """Alerts decided more than ``days`` ago whose deliveries are all settled move to the
    archive, oldest first; one still being delivered waits."""
    r, k = store.r, store.k
    cutoff, moved, start = now - days * DAY, 0, 0
    while True:
        rows = r.zrange(k.alerts(), start, start + BATCH - 1, withscores=True)
        if not rows:
            return moved
        ids = [_s(i) for i, _ in rows]
        raws = r.mget([k.alert(i) for i in ids])
        deliveries = _deliveries(store, ids)
        out, young = [], False
        for (_, seq), raw, d in zip(rows, raws, deliveries, strict=True):
            if raw is None:
                continue
            al = Alert.from_dict(json.loads(raw))
            if epoch(al.created, 0.0) >= cutoff:
                young = True
                break
            if _settled(al, d, channels):
                out.append((al, seq, d))
        if out:
            archive.put_alerts(out)
            with r.pipeline(transaction=True) as p:
                for al, _, _ in out:
                    p.delete(k.alert(al.id), k.delivery(al.id))
                    p.zrem(k.alerts(), al.id)
                    p.zrem(k.story_alerts(al.story), al.id)
                p.execute()
            moved += len(out)
        if young:
            return moved
        start += BATCH - len(out)  # what stayed (undelivered) is skipped


def _index_rows(store: Store, story: Story) -> list[tuple[str, str, str, str, float]]:
    """The story's entries in the matching index (idx, who, named, dup), with their scores."""
    r, k = store.r, store.k
    entries = sorted(index_entries(story.id, _s(r.get(k.story_index(story.id)) or b"")))
    with r.pipeline(transaction=False) as p:
        for family, term, member in entries:
            p.zscore(k.index_key(family, story.topic, term), member)
        scores = p.execute()
    # an entry the index aged out meanwhile has no score: gone already
    return [(story.topic, f, t, m, float(sc)) for (f, t, m), sc in zip(entries, scores, strict=True) if sc is not None]


def archive_story(store: Store, archive: Archive, story: Story, now: float,
                  channels: dict[str, tuple[str, ...]]) -> None:
    """One story to the archive with its alerts, its articles' extraction and its index entries;
    then out of Redis. A follow-up still finds it: ``StoryIndex`` looks the archive's index up.
    An alert still being delivered stays in Redis until it is settled (``archive_old_alerts``)."""
    r, k = store.r, store.k
    index = _index_rows(store, story)
    rows = r.zrange(k.story_alerts(story.id), 0, -1, withscores=True)
    ids = [_s(i) for i, _ in rows]
    raws = r.mget([k.alert(i) for i in ids]) if ids else []
    found = [(Alert.from_dict(json.loads(raw)), seq, d)
             for (_, seq), raw, d in zip(rows, raws, _deliveries(store, ids), strict=True) if raw]
    alerts = [(al, seq, d) for al, seq, d in found if _settled(al, d, channels)]
    arts = []
    for raw in r.mget([k.article(a) for a in story.articles]) if story.articles else []:
        if raw:
            d = json.loads(raw)
            d["text"] = ""
            arts.append(d)
    archive.put_story(story, alerts, arts, now, index)
    with r.pipeline(transaction=True) as p:
        p.delete(k.story(story.id), k.story_index(story.id))
        for topic, family, term, member, _ in index:
            p.zrem(k.index_key(family, topic, term), member)
        p.zrem(k.stories(story.topic), story.id)
        for al, _, _ in alerts:
            p.delete(k.alert(al.id), k.delivery(al.id))
            p.zrem(k.alerts(), al.id)
            p.zrem(k.story_alerts(story.id), al.id)
        for a in story.articles:
            p.delete(k.article(a), k.article_story(story.topic, a))
            p.zrem(k.articles(), a)
        p.execute()


def archive_quiet_stories(store: Store, archive: Archive, now: float, days: float,
                          channels: dict[str, tuple[str, ...]]) -> int:
    """Stories whose last article is more than ``days`` old, to the archive; under the topic's
    story lock, so that no story step writes a story being moved. Old by both clocks: published
    (the index's) and the last step's time, so that articles published long ago (a backfill, a
    feed with old dates) do not send their new story to the archive at once."""
    n, cutoff = 0, now - days * DAY
    for topic in channels:
        index = StoryIndex(store, topic)
        skip = 0  # stories a step revived since the look: they stay, and the next look passes them
        while True:
            ids = [_s(i) for i in store.r.zrangebyscore(store.k.stories(topic), "-inf", f"({cutoff}",
                                                         start=skip, num=50)]
            if not ids:
                break
            with index.lock():  # (one batch at a time: story steps wait seconds at most)
                for sid in ids:
                    story = store.story(sid)
                    if story is None:
                        store.r.zrem(store.k.stories(topic), sid)
                    elif max(story.sketch.last, epoch(story.updated, 0.0)) < cutoff:
                        archive_story(store, archive, story, now, channels)
                        n += 1
                    else:
                        skip += 1
    return n


def prune_counts(store: Store, topics: list[str]) -> int:
    """The document-frequency hashes stay under a size: past it, the terms seen once go."""
    n = 0
    for key, cap in [(store.k.df(), MAX_DF_TERMS)] + [(store.k.namedf(t), MAX_NAME_TERMS) for t in topics]:
        if store.r.hlen(key) <= cap:
            continue
        ones = [f for f, v in store.r.hscan_iter(key, count=5000) if v == b"1"]
        for i in range(0, len(ones), 5000):
            n += store.r.hdel(key, *ones[i:i + 5000])
    return n
