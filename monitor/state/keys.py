"""The Redis key schema: every key newsmon writes, in one place.

All keys start with a namespace (``newsmon`` by default; ``newsmon:replay:<run>`` for a
replay) so that several runs share a server without touching each other.

The last column says what bounds each family, so that Redis' memory stays flat however long
newsmon runs (``monitor/ops/retention.py``: the clock's hourly sweep; ``clock.age_out``: index
ageing). "Archive" means the record moves to the archive (SQLite or PostgreSQL), not that it is lost.

| key | type | holds | bounded by |
|---|---|---|---|
| ``{ns}:topics`` | hash | topic name -> topic JSON | the operator's topics |
| ``{ns}:feeds`` | hash | feed id -> feed JSON (url, topics, health, validators) | the operator's feeds |
| ``{ns}:feeds:due`` | zset | feed id scored by its next poll time (epoch seconds) | one per feed |
| ``{ns}:feed:{id}:seen`` | hash | entry key -> fingerprint of the entry last enqueued | the feed's entries, forgotten ``seen_days`` after the feed dropped them |
| ``{ns}:feed:{id}:seen-at`` | zset | entry key by the last time the feed carried it | as ``seen`` |
| ``{ns}:article:{id}`` | string | article JSON (text, extraction) | text gone after ``article_text_days``; the rest archived with its story (an article no story took: deleted) |
| ``{ns}:articles`` | zset | ids of the articles that still have their text, by processing time | ``article_text_days`` |
| ``{ns}:df`` / ``{ns}:ndocs`` | hash / string | document frequencies of terms, documents seen | 200,000 terms: past it, the terms seen once go |
| ``{ns}:namedf:{topic}`` | hash | in how many of the topic's articles each name appeared; ``__docs__``: the articles counted | 100,000 names a topic, likewise |
| ``{ns}:story:{id}`` | string | story JSON (sketch, ledger) | archived after ``archive_quiet_days`` without an article |
| ``{ns}:stories:{topic}`` | zset | story ids by last published time (the active window) | the stories in Redis |
| ``{ns}:idx:{topic}:{term}`` | zset | story ids indexed under a term, by last published time | the stories in Redis (archived with them); ``story_quiet_days`` for old entries |
| ``{ns}:who:{topic}:{person}`` | zset | story ids that identified a person (a victim, a suspect), by last published time | as ``idx`` (two years for old entries) |
| ``{ns}:named:{topic}:{name}`` | zset | story ids whose articles named a person (any name of two words or more), by last published time | as ``who`` |
| ``{ns}:furniture:{topic}:{outlet}`` | zset | hashes of the sentences an outlet's articles carried, by last seen time (page furniture) | 30 days unseen |
| ``{ns}:dup:{topic}:{band}`` | zset | ``{story}:{simhash}`` of articles whose SimHash has this band, by published time (near-duplicates) | as ``idx`` |
| ``{ns}:story-index:{story}`` | string | lines ``family\tterm[\tsimhash]``: the index entries the story has, so that archiving moves them | the stories in Redis |
| ``{ns}:seq:{name}`` | string | counters for story and alert ids | one each |
| ``{ns}:assigned:{topic}:{article}`` | string | story id an article version joined (idempotence) | expires after 30 days |
| ``{ns}:article-story:{topic}:{article}`` | string | the story an article joined (its later versions stay) | expires after 30 days, or archived with its story |
| ``{ns}:alert:{id}`` | string | alert JSON | archived ``alert_days`` after, once every delivery is settled |
| ``{ns}:alerts`` | zset | alert ids in the order they were decided | as ``alert`` |
| ``{ns}:story-alerts:{story}`` | zset | the story's alert ids in the order they were decided (the web view's timeline) | as ``alert`` |
| ``{ns}:delivery:{alert}`` | hash | channel -> delivery state as JSON (``delivery.state``: pending, retrying, sent, suppressed, broken, failed) | as ``alert`` |
| ``{ns}:deliveries:due`` | zset | ``{alert}\t{channel}`` of each unsettled delivery, by the time a job must touch it again (``delivery.watch``) | the unsettled deliveries |
| ``{ns}:deliveries:job`` | hash | ``{alert}\t{channel}`` -> the RQ job id that should touch it next | as ``deliveries:due`` |
| ``{ns}:last-alert:{story}`` | string | when the story's last alert was sent (cooldowns) | expires after 7 days |
| ``{ns}:thread:{story}:{channel}`` | string | the story's thread on a channel (Slack ``thread_ts``, an email ``Message-ID``) | expires after 90 days |
| ``{ns}:digest:{topic}:{channel}`` | list | alert ids waiting for the topic's next digest | emptied by each digest |
| ``{ns}:channels:broken`` | hash | channel -> last permanent error | the channels |
| ``{ns}:lock:{name}`` | string | locks and leases: ``clock`` (leader), ``stories:{topic}``, ``host:{host}``, ``send:…``, ``rate:…`` | each expires |
| ``{ns}:heartbeat:{process}`` | string | last heartbeat, with a TTL | each expires |
| ``{ns}:metrics`` | hash | counters and latency histograms (Prometheus series -> value) | a fixed set of series |
| ``{ns}:memory`` | string | the last measure of Redis memory, keys per family and the archive (JSON, hourly) | one |

RQ's own keys (``rq:…``) hold jobs until they finish: results are not kept, failed jobs for the
``failure_ttl`` of their queue (``monitor.state.queues``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    ns: str = "newsmon"

    def topics(self) -> str:
        return f"{self.ns}:topics"

    def feeds(self) -> str:
        return f"{self.ns}:feeds"

    def feeds_due(self) -> str:
        return f"{self.ns}:feeds:due"

    def feed_seen(self, feed: str) -> str:
        return f"{self.ns}:feed:{feed}:seen"

    def feed_seen_at(self, feed: str) -> str:
        return f"{self.ns}:feed:{feed}:seen-at"

    def article(self, article: str) -> str:
        return f"{self.ns}:article:{article}"

    def articles(self) -> str:
        return f"{self.ns}:articles"

    def df(self) -> str:
        return f"{self.ns}:df"

    def ndocs(self) -> str:
        return f"{self.ns}:ndocs"

    def namedf(self, topic: str) -> str:
        return f"{self.ns}:namedf:{topic}"

    def story(self, story: str) -> str:
        return f"{self.ns}:story:{story}"

    def stories(self, topic: str) -> str:
        return f"{self.ns}:stories:{topic}"

    def index(self, topic: str, term: str) -> str:
        return f"{self.ns}:idx:{topic}:{term}"

    def who(self, topic: str, person: str) -> str:
        return f"{self.ns}:who:{topic}:{person}"

    def named(self, topic: str, name: str) -> str:
        return f"{self.ns}:named:{topic}:{name}"

    def furniture(self, topic: str, outlet: str) -> str:
        return f"{self.ns}:furniture:{topic}:{outlet}"

    def dup(self, topic: str, band: str) -> str:
        return f"{self.ns}:dup:{topic}:{band}"

    def seq(self, name: str) -> str:
        return f"{self.ns}:seq:{name}"

    def assigned(self, topic: str, article: str) -> str:
        return f"{self.ns}:assigned:{topic}:{article}"

    def article_story(self, topic: str, article: str) -> str:
        return f"{self.ns}:article-story:{topic}:{article}"

    def alert(self, alert: str) -> str:
        return f"{self.ns}:alert:{alert}"

    def alerts(self) -> str:
        return f"{self.ns}:alerts"

    def story_index(self, story: str) -> str:
        return f"{self.ns}:story-index:{story}"

    def index_key(self, family: str, topic: str, term: str) -> str:
        """One of a topic's index zsets by family: idx, who, named or dup."""
        return f"{self.ns}:{family}:{topic}:{term}"

    def story_alerts(self, story: str) -> str:
        return f"{self.ns}:story-alerts:{story}"

    def delivery(self, alert: str) -> str:
        return f"{self.ns}:delivery:{alert}"

    def deliveries_due(self) -> str:
        return f"{self.ns}:deliveries:due"

    def deliveries_job(self) -> str:
        return f"{self.ns}:deliveries:job"

    @staticmethod
    def delivery_member(alert: str, channel: str) -> str:
        """A delivery in ``deliveries:due`` and ``deliveries:job``."""
        return f"{alert}\t{channel}"

    def story_last_alert(self, story: str) -> str:
        return f"{self.ns}:last-alert:{story}"

    def thread(self, story: str, channel: str) -> str:
        return f"{self.ns}:thread:{story}:{channel}"

    def digest(self, topic: str, channel: str) -> str:
        return f"{self.ns}:digest:{topic}:{channel}"

    def broken_channels(self) -> str:
        return f"{self.ns}:channels:broken"

    def lock(self, name: str) -> str:
        return f"{self.ns}:lock:{name}"

    def memory(self) -> str:
        return f"{self.ns}:memory"

    def metrics(self) -> str:
        return f"{self.ns}:metrics"

    def heartbeat(self, process: str) -> str:
        return f"{self.ns}:heartbeat:{process}"
