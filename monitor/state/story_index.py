"""The story step's reads and writes in Redis: what matching needs to know of a topic (document
frequencies, an outlet's furniture, the candidate, person and near-duplicate indexes) and the one
transaction that commits a step. The decisions are made in ``monitor.stories`` and
``monitor.pipeline``; this module only moves records."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from monitor.models import Alert
from monitor.state.archive import Archive
from monitor.state.store import Store
from monitor.stories.matching import ArticleFeatures, MatchPolicy, StorySketch, TopicStats, bands
from monitor.stories.story import Story

PER_TERM = 50  # candidate stories read per index term
LOCK_TIMEOUT = 60  # seconds: longer than one story step takes, short enough to recover from a crash
STEP_TTL = 30 * 86400  # an article's story and a step's outcome are kept this long (edits, retries)


def _s(x: bytes | str) -> str:
    return x.decode() if isinstance(x, bytes) else x


class StoryIndex:
    """One topic's matching state."""

    def __init__(self, store: Store, topic: str, archive: Callable[[], Archive] | None = None):
        self.store, self.r, self.k, self.topic = store, store.r, store.k, topic
        # where stories gone quiet are, so that a follow-up still finds them: opened when a
        # step first needs it (most steps never do)
        self._archive = archive

    @property
    def archive(self) -> Archive | None:
        return self._archive() if self._archive is not None else None

    def lock(self):  # noqa: ANN201 - redis-py's Lock
        """The topic's lock: two workers never open two stories for one event."""
        return self.r.lock(self.k.lock(f"stories:{self.topic}"), timeout=LOCK_TIMEOUT,
                           blocking_timeout=LOCK_TIMEOUT * 2)

    def done(self, step_id: str) -> dict | None:
        """What a committed step decided (a retried job reports it again)."""
        raw = self.r.get(self.k.assigned(self.topic, step_id))
        return json.loads(raw) if raw else None

    def ndocs(self) -> int:
        return int(self.r.get(self.k.ndocs()) or 0)

    def furniture_seen(self, outlet: str, hashes: list[str]) -> list[float | None]:
        """For each sentence hash, when the outlet last carried it (None: never)."""
        return self.r.zmscore(self.k.furniture(self.topic, outlet), hashes) if hashes else []

    def document_frequencies(self, words: list[str]) -> dict[str, int]:
        if not words:
            return {}
        return dict(zip(words, (int(v or 0) for v in self.r.hmget(self.k.df(), words)), strict=True))

    def topic_stats(self, names: list[str]) -> TopicStats:
        """The topic's terms, and how often the stream has shown each of these names (one round trip)."""
        with self.r.pipeline(transaction=False) as p:
            p.hget(self.k.topics(), self.topic)
            p.hmget(self.k.namedf(self.topic), ["__docs__", *names])
            raw_topic, raw = p.execute()
        counts = [int(v or 0) for v in raw]
        terms = tuple(json.loads(raw_topic).get("terms", ())) if raw_topic else ()
        return TopicStats(dict(zip(names, counts[1:], strict=True)), counts[0], terms)

    def story_of(self, article_id: str) -> str | None:
        """The story an article was assigned to (a new version of it stays there)."""
        raw = self.r.get(self.k.article_story(self.topic, article_id))
        return _s(raw) if raw else None

    def near_duplicates(self, simhash_bands: list[str], since: float) -> list[tuple[str, int]]:
        """(story, simhash) of the articles sharing a band with the article, newest window only."""
        out: list[tuple[str, int]] = []
        with self.r.pipeline(transaction=False) as p:
            for band in simhash_bands:
                p.zrangebyscore(self.k.dup(self.topic, band), since, "+inf", withscores=True)
            found = self._with_archived("dup", simhash_bands, p.execute(), since, float("inf"), None)
        for members in found:
            for m in members:
                sid, _, h = m.rpartition(":")
                out.append((sid, int(h, 16)))
        return out

    def _with_archived(self, family: str, terms: list[str], found: list[list[tuple[bytes, float]]], lo: float,
                       hi: float, per_term: int | None) -> list[list[str]]:
        """Each term's members from Redis merged with the archived stories' entries under it, in
        the order and within the limit one Redis zset holding both would give (a story brought
        back from the archive counts once: its entry in Redis; members are story ids, and
        ``{story}:{simhash}`` in the dup bands)."""
        arc = self.archive if self._archive is not None else None
        more = arc.lookup(self.topic, family, terms, lo, hi, per_term) if arc is not None and terms else {}
        out = []
        for term, rows in zip(terms, found, strict=True):
            live = [(_s(m), s) for m, s in rows]
            if term in more:
                seen = {m for m, _ in live}
                live += [(m, s) for m, s in more[term] if m not in seen]
                live.sort(key=lambda x: (x[1], x[0]), reverse=per_term is not None)
                live = live[:per_term] if per_term is not None else live
            out.append([m for m, _ in live])
        return out

    def titles(self, story_ids: list[str]) -> dict[str, str]:
        raws = self.r.mget([self.k.story(s) for s in story_ids]) if story_ids else []
        out = {sid: json.loads(raw).get("title", "") for sid, raw in zip(story_ids, raws, strict=True) if raw}
        gone = [s for s in story_ids if s not in out]
        if gone and self._archive is not None:
            out.update(self._archive().titles(gone))
        return {s: out[s] for s in story_ids if s in out}

    def candidates(self, feats: ArticleFeatures, policy: MatchPolicy, limit: int = 40) -> list[StorySketch]:
        """Stories sharing a top term with the article and active within the window."""
        # a story quiet for up to the long window may take a follow-up naming its event day
        lo = feats.published - max(policy.window_days, policy.long_window_days if feats.days else 0) * 86400
        hi = feats.published + policy.window_days * 86400
        index_terms = feats.index_terms()
        people = sorted(feats.full_names | feats.persons)
        plo = feats.published - policy.person_window_days * 86400
        persons = sorted(feats.persons)
        with self.r.pipeline(transaction=False) as p:
            for t in index_terms:
                # the most recent stories under each term, a bounded number: the cost of a lookup
                # does not grow with the number of stories tracked
                p.zrevrangebyscore(self.k.index(self.topic, t), hi, lo, start=0, num=PER_TERM, withscores=True)
            for name in people:  # a story that identified a person the article names (a trial, later)
                p.zrevrangebyscore(self.k.who(self.topic, name), hi, plo, start=0, num=PER_TERM, withscores=True)
            for name in persons:  # ... or named a person the article identifies
                p.zrevrangebyscore(self.k.named(self.topic, name), hi, plo, start=0, num=PER_TERM, withscores=True)
            raw = p.execute()
        n, m = len(index_terms), len(index_terms) + len(people)
        found = (self._with_archived("idx", index_terms, raw[:n], lo, hi, PER_TERM)
                 + self._with_archived("who", people, raw[n:m], plo, hi, PER_TERM)
                 + self._with_archived("named", persons, raw[m:], plo, hi, PER_TERM))
        hits, named = _counts(found[:len(index_terms)]), _counts(found[len(index_terms):])
        best = sorted(hits, key=lambda s: -hits[s])[:limit]
        # a common name may index many stories: the ones sharing most names, a bounded number
        best += [s for s in sorted(named, key=lambda s: (-named[s], s)) if s not in best][:limit]
        if not best:
            return []
        raws = self.r.mget([self.k.story(s) for s in best])
        found = {s: StorySketch.from_dict(json.loads(x)["sketch"]) for s, x in zip(best, raws, strict=True) if x}
        gone = [s for s in best if s not in found]
        if gone and self._archive is not None:
            found.update((sk.id, sk) for sk in self._archive().sketches(gone))
        return [found[s] for s in best if s in found]

    def next_story_id(self) -> str:
        return story_id(self.topic, int(self.r.incr(self.k.seq("story"))))

    def reserve_alert_seqs(self, n: int) -> list[int]:
        """``n`` alert sequence numbers, in order: an alert's id and its place in the alert list."""
        last = int(self.r.incrby(self.k.seq("alert"), n))
        return list(range(last - n + 1, last + 1))

    def commit(self, step_id: str, article_id: str, story: Story, feats: ArticleFeatures, alerts: list[Alert],
               seqs: list[int], learn: LearnedText | None, now: float, opened: bool) -> None:
        """Write story, indexes, statistics, alerts and the article's assignment in one transaction."""
        k, topic, last, sid = self.k, self.topic, story.sketch.last, story.id
        entries = [("idx", t, sid, last) for t in set(feats.index_terms()) | set(story.sketch.index_terms())]
        entries += [("who", person, sid, last) for person in story.sketch.persons]
        # a later article may identify someone this one only named
        entries += [("named", name, sid, last) for name in feats.full_names]
        if feats.simhash:
            entries += [("dup", band, f"{sid}:{feats.simhash:x}", feats.published) for band in bands(feats.simhash)]
        with self.r.pipeline(transaction=True) as p:
            p.set(k.story(sid), json.dumps(story.to_dict()))
            p.zadd(k.stories(topic), {sid: last})
            for family, term, member, score in entries:
                p.zadd(k.index_key(family, topic, term), {member: score})
            if entries:  # what archiving the story moves out of the index (a string: compact)
                p.append(k.story_index(sid), "".join(sorted({index_line(f, t, m) for f, t, m, _ in entries})))
            if learn is not None:
                learn.write(p, self, now)
            for a, seq in zip(alerts, seqs, strict=True):
                p.set(k.alert(a.id), json.dumps(a.to_dict()))
                p.zadd(k.alerts(), {a.id: float(seq)})
                p.zadd(k.story_alerts(story.id), {a.id: float(seq)})
            # an edited version of an article comes within days; a retried step within hours
            p.set(k.article_story(topic, article_id), story.id, ex=STEP_TTL)
            p.set(k.assigned(topic, step_id), json.dumps({"story": story.id, "opened": opened,
                                                          "alerts": [a.id for a in alerts]}), ex=STEP_TTL)
            p.execute()


def story_id(topic: str, n: int) -> str:
    """The n-th story's id: ``{topic}-00012``, ``s00012`` in the catch-all topic ``all``."""
    return f"{topic}-{n:05d}" if topic != "all" else f"s{n:05d}"


def index_line(family: str, term: str, member: str) -> str:
    """One index entry of a story, as ``{ns}:story-index:{story}`` lists it: the family, the term
    and, in the dup bands, the member (elsewhere the member is the story itself)."""
    return f"{family}\t{term}\t{member.rpartition(':')[2]}\n" if family == "dup" else f"{family}\t{term}\n"


def index_entries(story_id: str, raw: str) -> set[tuple[str, str, str]]:
    """(family, term, member) of a story's index list."""
    out = set()
    for line in raw.splitlines():
        family, term, *rest = line.split("\t")
        out.add((family, term, f"{story_id}:{rest[0]}" if rest else story_id))
    return out


class LearnedText:
    """What a first version of an article teaches the topic: its outlet's sentences (furniture
    once seen again), its words (document frequencies) and its names (how common in the topic)."""

    def __init__(self, outlet: str, sentence_hashes: Iterable[str], words: list[str], names: Iterable[str] = ()):
        self.outlet, self.hashes, self.words, self.names = outlet, list(sentence_hashes), words, sorted(names)

    def write(self, p, index: StoryIndex, now: float) -> None:  # noqa: ANN001 - a redis pipeline
        if self.hashes:
            p.zadd(index.k.furniture(index.topic, self.outlet), {h: now for h in self.hashes})
        for w in self.words:
            p.hincrby(index.k.df(), w, 1)
        p.incr(index.k.ndocs())
        for n in self.names:
            p.hincrby(index.k.namedf(index.topic), n, 1)
        p.hincrby(index.k.namedf(index.topic), "__docs__", 1)


def _counts(lists: list[list]) -> dict[str, int]:
    """How many of the lookups found each story id."""
    out: dict[str, int] = {}
    for ids in lists:
        for i in ids:
            sid = _s(i)
            out[sid] = out.get(sid, 0) + 1
    return out
