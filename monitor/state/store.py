"""Reading and writing newsmon's records in Redis, through the key schema in ``keys``."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import redis

from monitor.delivery.state import Delivery
from monitor.models import Alert, Article, Topic
from monitor.state.keys import Keys
from monitor.stories.story import Story


@dataclass
class Feed:
    id: str
    url: str
    topics: list[str]
    etag: str | None = None
    last_modified: str | None = None
    last_success: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    errors: int = 0
    disabled: str | None = None  # the reason, when disabled
    interval: float = 600.0
    title: str = ""  # the feed's own title: the outlet's name in alerts

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Feed:
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


class Store:
    def __init__(self, r: redis.Redis, keys: Keys | None = None):
        self.r = r
        self.k = keys or Keys()

    # topics
    def put_topic(self, t: Topic) -> None:
        self.r.hset(self.k.topics(), t.name, json.dumps(t.to_dict()))

    def topic(self, name: str) -> Topic | None:
        raw = self.r.hget(self.k.topics(), name)
        return Topic.from_dict(json.loads(raw)) if raw else None

    def topics(self) -> list[Topic]:
        return sorted((Topic.from_dict(json.loads(v)) for v in self.r.hvals(self.k.topics())),
                      key=lambda t: t.name)

    def remove_topic(self, name: str) -> int | None:
        """Remove the topic with its stories and everything matching learned for it (indexes,
        name counts, furniture, digests); its alerts stay in the alert log. Returns the number
        of stories removed, None for an unknown topic. (A topic added again starts afresh: its
        old stories no longer come back.)"""
        if not self.r.hdel(self.k.topics(), name):
            return None
        ns, n = self.k.ns, 0
        # story ids are "{topic}-00001" ("s00001" for the catch-all topic "all"): the digit after
        # the dash keeps topic "iraq" from matching "iraq-strikes-00001"
        ids = "s[0-9]*" if name == "all" else f"{name}-[0-9]*"
        story = f"{ns}:story:{ids}"
        patterns = [story, f"{ns}:story-alerts:{ids}", f"{ns}:story-index:{ids}", f"{ns}:idx:{name}:*", f"{ns}:who:{name}:*", f"{ns}:named:{name}:*",
                    f"{ns}:furniture:{name}:*", f"{ns}:dup:{name}:*", f"{ns}:assigned:{name}:*",
                    f"{ns}:article-story:{name}:*", f"{ns}:digest:{name}:*"]
        for pattern in patterns:
            batch = []
            for key in self.r.scan_iter(match=pattern, count=1000):
                n += pattern == story
                batch.append(key)
                if len(batch) >= 500:
                    self.r.unlink(*batch)
                    batch = []
            if batch:
                self.r.unlink(*batch)
        self.r.unlink(self.k.stories(name), f"{ns}:namedf:{name}")
        return n

    # feeds
    def put_feed(self, f: Feed) -> None:
        self.r.hset(self.k.feeds(), f.id, json.dumps(f.to_dict()))

    def feed(self, feed_id: str) -> Feed | None:
        raw = self.r.hget(self.k.feeds(), feed_id)
        return Feed.from_dict(json.loads(raw)) if raw else None

    def feeds(self) -> list[Feed]:
        return sorted((Feed.from_dict(json.loads(v)) for v in self.r.hvals(self.k.feeds())),
                      key=lambda f: f.id)

    def remove_feed(self, feed_id: str) -> bool:
        """Remove the feed, its schedule and what it has seen, and its id from every topic that
        lists it (in one transaction: a topic edited meanwhile is read again)."""
        def tx(p: redis.client.Pipeline) -> None:
            topics = p.hgetall(self.k.topics())
            p.multi()
            p.hdel(self.k.feeds(), feed_id)
            p.zrem(self.k.feeds_due(), feed_id)
            p.delete(self.k.feed_seen(feed_id), self.k.feed_seen_at(feed_id))
            for name, raw in topics.items():
                t = Topic.from_dict(json.loads(raw))
                if feed_id in t.feeds:
                    kept = replace(t, feeds=tuple(f for f in t.feeds if f != feed_id))
                    p.hset(self.k.topics(), name, json.dumps(kept.to_dict()))
        return bool(self.r.transaction(tx, self.k.topics())[0])

    def schedule(self, feed_id: str, at: float) -> None:
        self.r.zadd(self.k.feeds_due(), {feed_id: at})

    def due_feeds(self, now: float, limit: int = 1000) -> list[tuple[str, float]]:
        return [(m.decode() if isinstance(m, bytes) else m, s) for m, s in
                self.r.zrangebyscore(self.k.feeds_due(), "-inf", now, start=0, num=limit, withscores=True)]

    def unschedule(self, feed_id: str) -> None:
        self.r.zrem(self.k.feeds_due(), feed_id)

    def seen_fingerprints(self, feed_id: str, entry_keys: list[str]) -> list[str | None]:
        """The fingerprint of each entry as last enqueued (None: never seen)."""
        raw = self.r.hmget(self.k.feed_seen(feed_id), entry_keys) if entry_keys else []
        return [x.decode() if x else None for x in raw]

    def mark_seen(self, feed_id: str, entry_key: str, fingerprint: str) -> None:
        self.r.hset(self.k.feed_seen(feed_id), entry_key, fingerprint)

    def touch_seen(self, feed_id: str, entry_keys: list[str], now: float) -> None:
        """The entries the feed carries now: retention forgets an entry only once it is gone."""
        if entry_keys:
            self.r.zadd(self.k.feed_seen_at(feed_id), dict.fromkeys(entry_keys, now))

    def next_poll(self, feed_id: str) -> float | None:
        return self.r.zscore(self.k.feeds_due(), feed_id)

    # articles
    def put_article(self, a: Article, now: float) -> None:
        with self.r.pipeline() as p:
            p.set(self.k.article(a.id), json.dumps(a.to_dict()))
            p.zadd(self.k.articles(), {a.id: now})
            p.execute()

    def article(self, article_id: str) -> Article | None:
        raw = self.r.get(self.k.article(article_id))
        return Article.from_dict(json.loads(raw)) if raw else None

    # stories
    def story(self, story_id: str) -> Story | None:
        raw = self.r.get(self.k.story(story_id))
        return Story.from_dict(json.loads(raw)) if raw else None

    def stories(self, topic: str | None = None) -> list[Story]:
        topics = [topic] if topic else [t.name for t in self.topics()] or []
        ids: list[str] = []
        for t in topics:
            ids += [i.decode() if isinstance(i, bytes) else i for i in self.r.zrange(self.k.stories(t), 0, -1)]
        if not ids:
            return []
        raws = self.r.mget([self.k.story(i) for i in ids])
        return [Story.from_dict(json.loads(r)) for r in raws if r]

    # alerts
    def alert(self, alert_id: str) -> Alert | None:
        raw = self.r.get(self.k.alert(alert_id))
        return Alert.from_dict(json.loads(raw)) if raw else None

    def alerts(self, start: int = 0, end: int = -1) -> list[Alert]:
        ids = self.r.zrange(self.k.alerts(), start, end)
        if not ids:
            return []
        raws = self.r.mget([self.k.alert(i.decode() if isinstance(i, bytes) else i) for i in ids])
        return [Alert.from_dict(json.loads(r)) for r in raws if r]

    def story_alerts(self, story_id: str, limit: int = 200) -> list[Alert]:
        """The story's last ``limit`` alerts, oldest first."""
        ids = self.r.zrange(self.k.story_alerts(story_id), -limit, -1)
        raws = self.r.mget([self.k.alert(_s(i)) for i in ids]) if ids else []
        return [Alert.from_dict(json.loads(r)) for r in raws if r]

    def stories_page(self, topic: str, start: int, count: int) -> tuple[list[Story], int]:
        """A topic's stories, the last published first, from ``start``; and how many it has."""
        with self.r.pipeline(transaction=False) as p:
            p.zrevrange(self.k.stories(topic), start, start + count - 1)
            p.zcard(self.k.stories(topic))
            ids, total = p.execute()
        return self._stories([_s(i) for i in ids]), int(total)

    def search_stories(self, topic: str, terms: list[str], count: int, scan: int = 20_000) -> list[Story]:
        """A topic's stories indexed under every one of ``terms`` (the matching index: a story's
        title and leading words), the last published first. It walks the rarest term's stories
        from the newest, a page at a time, keeping those the other terms index too: a common
        word costs one page, and a search never reads more than ``scan`` stories."""
        if not terms:
            return []
        keys = [self.k.index(topic, t) for t in terms]
        with self.r.pipeline(transaction=False) as p:
            for k in keys:
                p.zcard(k)
            sizes = p.execute()
        if not all(sizes):
            return []
        keys = [k for _, k in sorted(zip(sizes, keys, strict=True))]
        found: list[str] = []
        for start in range(0, min(min(sizes), scan), 500):
            ids = self.r.zrevrange(keys[0], start, start + 499)
            if not ids:
                break
            with self.r.pipeline(transaction=False) as p:
                for k in keys[1:]:
                    p.zmscore(k, ids)
                scores = p.execute()
            found += [_s(i) for j, i in enumerate(ids) if all(sc[j] is not None for sc in scores)]
            if len(found) >= count:
                break
        return self._stories(found[:count])

    def _stories(self, ids: list[str]) -> list[Story]:
        raws = self.r.mget([self.k.story(i) for i in ids]) if ids else []
        return [Story.from_dict(json.loads(r)) for r in raws if r]

    def articles(self, ids: list[str]) -> dict[str, Article]:
        raws = self.r.mget([self.k.article(i) for i in ids]) if ids else []
        return {i: Article.from_dict(json.loads(r)) for i, r in zip(ids, raws, strict=True) if r}

    def put_alert(self, a: Alert, seq: float) -> None:
        """Record an alert in the alert list at ``seq`` (the story step records its alerts in its own
        transaction, ``state.story_index``; this is for tools and tests)."""
        with self.r.pipeline() as p:
            p.set(self.k.alert(a.id), json.dumps(a.to_dict()))
            p.zadd(self.k.alerts(), {a.id: seq})
            p.zadd(self.k.story_alerts(a.story), {a.id: seq})
            p.execute()

    def put_story(self, story: Story) -> None:
        with self.r.pipeline() as p:
            p.set(self.k.story(story.id), json.dumps(story.to_dict()))
            p.zadd(self.k.stories(story.topic), {story.id: story.sketch.last})
            p.execute()

    # deliveries: one per alert and channel
    def delivery(self, alert_id: str) -> dict[str, Delivery]:
        raw = self.r.hgetall(self.k.delivery(alert_id))
        return {k.decode(): Delivery.load(v) for k, v in raw.items()}  # type: ignore[misc]

    def delivery_on(self, alert_id: str, channel: str) -> Delivery | None:
        return Delivery.load(self.r.hget(self.k.delivery(alert_id), channel))

    def set_delivery(self, alert_id: str, channel: str, d: Delivery) -> None:
        """Record a delivery's state; a settled one is no longer watched (``delivery.watch``)."""
        if not d.state.settled:
            self.r.hset(self.k.delivery(alert_id), channel, d.dump())
            return
        with self.r.pipeline() as p:
            p.hset(self.k.delivery(alert_id), channel, d.dump())
            self.unwatch_delivery(alert_id, channel, p)
            p.execute()

    def unwatch_delivery(self, alert_id: str, channel: str, pipe: redis.client.Pipeline | None = None) -> None:
        """Take a delivery off the watch (``delivery.watch``), in ``pipe`` when given."""
        m = self.k.delivery_member(alert_id, channel)
        p = pipe if pipe is not None else self.r.pipeline()
        p.zrem(self.k.deliveries_due(), m)
        p.hdel(self.k.deliveries_job(), m)
        if pipe is None:
            p.execute()

    def start_delivery(self, alert_id: str, channel: str, d: Delivery) -> bool:
        """Record the delivery unless one is recorded already: True when this call recorded it."""
        return bool(self.r.hsetnx(self.k.delivery(alert_id), channel, d.dump()))

    def reopen_delivery(self, alert_id: str, channel: str, was: Delivery, now: Delivery) -> bool:
        """Set the delivery to ``now`` if it is still ``was`` (a resend of a broken or failed
        one: a worker that meanwhile changed it wins, and nothing is sent twice)."""
        key = self.k.delivery(alert_id)

        def tx(p: redis.client.Pipeline) -> bool:
            if Delivery.load(p.hget(key, channel)) != was:
                return False
            p.multi()
            p.hset(key, channel, now.dump())
            return True
        return bool(self.r.transaction(tx, key, value_from_callable=True))

    def clear_broken(self, channel: str) -> bool:
        return bool(self.r.hdel(self.k.broken_channels(), channel))

    def mark_broken(self, channel: str, error: str) -> None:
        """A channel that refused for good (listed by `newsmon status`)."""
        self.r.hset(self.k.broken_channels(), channel, error)

    # digests: alert ids collected per topic and channel, taken as a batch to send
    def add_to_digest(self, topic: str, channel: str, alert_id: str) -> None:
        self.r.rpush(self.k.digest(topic, channel), alert_id)

    def take_digest(self, topic: str, channel: str) -> list[str]:
        """The batch to send: the one a failed attempt took, or all collected so far."""
        batch = self.k.digest(topic, channel) + ":sending"
        if not self.r.exists(batch):
            try:
                self.r.rename(self.k.digest(topic, channel), batch)
            except redis.ResponseError:
                return []  # nothing collected
        return [i.decode() for i in self.r.lrange(batch, 0, -1)]

    def finish_digest(self, topic: str, channel: str) -> None:
        self.r.delete(self.k.digest(topic, channel) + ":sending")

    # per-story delivery state
    def last_alert_sent(self, story_id: str) -> float | None:
        raw = self.r.get(self.k.story_last_alert(story_id))
        return float(raw) if raw else None

    def set_last_alert_sent(self, story_id: str, now: float) -> None:
        self.r.set(self.k.story_last_alert(story_id), str(now), ex=7 * 86400)

    def thread(self, story_id: str, channel_hash: str) -> str | None:
        raw = self.r.get(self.k.thread(story_id, channel_hash))
        return raw.decode() if raw else None

    def set_thread(self, story_id: str, channel_hash: str, thread: str) -> None:
        # a story quiet this long is archived: a later alert of it starts a new thread
        self.r.set(self.k.thread(story_id, channel_hash), thread, ex=THREAD_TTL)


THREAD_TTL = 90 * 86400


def _s(x: bytes | str) -> str:
    return x.decode() if isinstance(x, bytes) else x
