"""The Redis key schema: every key newsmon writes, in one place.

All keys start with a namespace (``newsmon`` by default; ``newsmon:replay:<run>`` for a
replay) so that several runs share a server without touching each other.

| key | type | holds |
|---|---|---|
| ``{ns}:topics`` | hash | topic name -> topic JSON |
| ``{ns}:feeds`` | hash | feed id -> feed JSON (url, topics, health, validators) |
| ``{ns}:feeds:due`` | zset | feed id scored by its next poll time (epoch seconds) |
| ``{ns}:feed:{id}:seen`` | hash | entry key -> fingerprint of the entry last enqueued |
| ``{ns}:article:{id}`` | string | article JSON (text, extraction) |
| ``{ns}:articles`` | zset | article ids by processing time |
| ``{ns}:df`` / ``{ns}:ndocs`` | hash / string | document frequencies of terms, documents seen |
| ``{ns}:namedf:{topic}`` | hash | in how many of the topic's articles each name appeared; ``__docs__``: the articles counted |
| ``{ns}:story:{id}`` | string | story JSON (sketch, ledger) |
| ``{ns}:stories:{topic}`` | zset | story ids by last published time (the active window) |
| ``{ns}:idx:{topic}:{term}`` | zset | story ids indexed under a term, by last published time |
| ``{ns}:who:{topic}:{person}`` | zset | story ids that identified a person (a victim, a suspect), by last published time |
| ``{ns}:named:{topic}:{name}`` | zset | story ids whose articles named a person (any name of two words or more), by last published time |
| ``{ns}:furniture:{topic}:{outlet}`` | zset | hashes of the sentences an outlet's articles carried, by last seen time (page furniture) |
| ``{ns}:dup:{topic}:{band}`` | zset | ``{story}:{simhash}`` of articles whose SimHash has this band, by published time (near-duplicates) |
| ``{ns}:seq:{name}`` | string | counters for story and alert ids |
| ``{ns}:assigned:{topic}:{article}`` | string | story id an article version joined (idempotence) |
| ``{ns}:article-story:{topic}:{article}`` | string | the story an article joined (its later versions stay) |
| ``{ns}:alert:{id}`` | string | alert JSON |
| ``{ns}:alerts`` | zset | alert ids in the order they were decided |
| ``{ns}:story-alerts:{story}`` | zset | the story's alert ids in the order they were decided (the web view's timeline) |
| ``{ns}:delivery:{alert}`` | hash | channel -> delivery state as JSON (``delivery.state``: pending, retrying, sent, suppressed, broken, failed) |
| ``{ns}:last-alert:{story}`` | string | when the story's last alert was sent (cooldowns); expires after 7 days |
| ``{ns}:thread:{story}:{channel}`` | string | the story's thread on a channel (Slack ``thread_ts``, an email ``Message-ID``) |
| ``{ns}:digest:{topic}:{channel}`` | list | alert ids waiting for the topic's next digest |
| ``{ns}:channels:broken`` | hash | channel -> last permanent error |
| ``{ns}:lock:{name}`` | string | locks and leases: ``clock`` (leader), ``stories:{topic}``, ``host:{host}``, ``send:…``, ``rate:…`` |
| ``{ns}:heartbeat:{process}`` | string | last heartbeat, with a TTL |
| ``{ns}:metrics`` | hash | counters and latency histograms (Prometheus series -> value) |
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

    def story_alerts(self, story: str) -> str:
        return f"{self.ns}:story-alerts:{story}"

    def delivery(self, alert: str) -> str:
        return f"{self.ns}:delivery:{alert}"

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

    def metrics(self) -> str:
        return f"{self.ns}:metrics"

    def heartbeat(self, process: str) -> str:
        return f"{self.ns}:heartbeat:{process}"
