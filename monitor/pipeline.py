"""The steps of the data flow, shared by the RQ jobs and by ``newsmon replay``.

``analyse`` is pure (text in, article with its extraction out). ``assign`` is the story step:
under the topic's lock it finds candidates in the index, decides, merges the ledger, and writes
story, index, statistics, alerts and the article's assignment in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.cleaning import content_spans, sentence_hashes
from monitor.extraction import extract
from monitor.matching import (
    LEAD_CHARS,
    ArticleFeatures,
    MatchDecision,
    MatchPolicy,
    StorySketch,
    bands,
    decide,
    epoch,
    features,
    near_duplicate,
    terms,
)
from monitor.models import Alert, Article, Topic
from monitor.store import Store
from monitor.story import Story, apply_article, opening_line

PER_TERM = 50  # candidate stories read per index term
COPY_MIN_TITLE = 0.3  # a near-duplicate lead joins a story when the headlines share this much (Jaccard)
LOCK_TIMEOUT = 60  # seconds: longer than one story step takes, short enough to recover from a crash


def analyse(article_id: str, title: str, text: str, published: str | None, outlet: str,
            url: str | None = None, feed: str | None = None) -> Article:
    """Extract figures and attributions from an article's text (offsets into ``text``)."""
    spans = content_spans(text)
    ex = extract(text, title, spans)
    fp = hashlib.sha1(text.encode()).hexdigest()[:16]
    return Article(
        id=article_id, url=url, title=title, text=text, published=published, outlet=outlet,
        fingerprint=fp, feed=feed, figures=[f.to_dict() for f in ex.figures],
        attributions=[a.to_dict() for a in ex.attributions], killed=ex.killed, injured=ex.injured,
    )


def body_text(text: str) -> str:
    """The article's content paragraphs, boilerplate left out, for matching."""
    return "\n".join(text[s:e] for s, e in content_spans(text))


def matches_topic(topic: Topic, article: Article) -> bool:
    """A topic with no terms takes everything; otherwise any term whose words all appear."""
    if not topic.terms:
        return True
    hay = (article.title + "\n" + article.text).lower()
    for term in topic.terms:
        words = re.findall(r"\w+", term.lower())
        if words and all(re.search(rf"\b{re.escape(w)}", hay) for w in words):
            return True
    return False


@dataclass(frozen=True)
class Assignment:
    story: str
    opened: bool
    alerts: tuple[str, ...]


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def assign(store: Store, article: Article, topic: str, now: float,
           policy: MatchPolicy | None = None) -> Assignment:
    """Join the article to a story of the topic or open one; return the alerts decided."""
    policy = policy or MatchPolicy()
    r, k = store.r, store.k
    done_key = k.assigned(topic, f"{article.id}:{article.fingerprint}")
    with r.lock(k.lock(f"stories:{topic}"), timeout=LOCK_TIMEOUT, blocking_timeout=LOCK_TIMEOUT * 2):
        done = r.get(done_key)
        if done:  # a retry of a step that committed: report what it decided
            d = json.loads(done)
            return Assignment(d["story"], d["opened"], tuple(d["alerts"]))
        published = epoch(article.published, now)
        ndocs = int(r.get(k.ndocs()) or 0)
        full = body_text(article.text)
        body, sentences = full, []
        if article.outlet and article.outlet != "unknown":  # furniture is learned per known outlet
            sentences = sentence_hashes(full)
            seen = r.zmscore(k.furniture(topic, article.outlet), [h for h, _ in sentences]) if sentences else []
            body = " ".join(text for (_, text), sc in zip(sentences, seen, strict=True) if sc is None)
        words = list(terms(article.title + " " + body[:LEAD_CHARS]))
        dfs = dict(zip(words, (int(v or 0) for v in r.hmget(k.df(), words)), strict=True)) if words else {}
        feats = features(article.title, body, published, dfs, ndocs, LEAD_CHARS, full_text=full)
        known = r.get(k.article_story(topic, article.id))
        if known:  # a new version of an article: it stays in its story, whose ledger follows the edit
            decision = MatchDecision(known.decode(), 1.0)
        else:
            copy_of = _copy_of(store, topic, article.title, feats, policy)
            decision = (MatchDecision(copy_of, 1.0) if copy_of
                        else decide(feats, _candidates(store, topic, feats, policy), policy))
        opened = decision.story is None
        if opened:
            sid = f"{topic}-{int(r.incr(k.seq('story'))):05d}" if topic != "all" else f"s{int(r.incr(k.seq('story'))):05d}"
            story = Story(sid, topic, article.title.strip() or "(untitled)", StorySketch(sid), opened=_iso(now))
        else:
            story = store.story(decision.story)  # type: ignore[arg-type]
            assert story is not None
        if not known:
            story.sketch.absorb(feats)
        story.updated = _iso(now)
        changes = apply_article(story, article, published, opening=opened)
        alerts: list[Alert] = []
        seq0 = int(r.incrby(k.seq("alert"), len(changes) + (1 if opened else 0)))
        seq = seq0 - len(changes) - (1 if opened else 0)
        if opened:
            seq += 1
            alerts.append(_alert(seq, story, topic, article, "story_opened", opening_line(story),
                                 _opening_evidence(story), now))
        for ch in changes:
            seq += 1
            alerts.append(_alert(seq, story, topic, article, ch.kind, ch.text, ch.evidence, now, ch.data))
        last = story.sketch.last
        with r.pipeline(transaction=True) as p:
            p.set(k.story(story.id), json.dumps(story.to_dict()))
            p.zadd(k.stories(topic), {story.id: last})
            for t in set(feats.index_terms()) | set(story.sketch.index_terms()):
                p.zadd(k.index(topic, t), {story.id: last})
            for person in story.sketch.persons:
                p.zadd(k.who(topic, person), {story.id: last})
            for name in feats.full_names:  # a later article may identify someone this one only named
                p.zadd(k.named(topic, name), {story.id: last})
            if feats.simhash:
                for band in bands(feats.simhash):
                    p.zadd(k.dup(topic, band), {f"{story.id}:{feats.simhash:x}": feats.published})
            if sentences and not known:
                p.zadd(k.furniture(topic, article.outlet), {h: now for h, _ in sentences})
            if words and not known:
                for w in words:
                    p.hincrby(k.df(), w, 1)
            if not known:
                p.incr(k.ndocs())
            for i, a in enumerate(alerts):
                p.set(k.alert(a.id), json.dumps(a.to_dict()))
                p.zadd(k.alerts(), {a.id: seq0 * 1.0 - len(alerts) + i + 1})
            p.set(k.article_story(topic, article.id), story.id)
            p.set(done_key, json.dumps({"story": story.id, "opened": opened,
                                        "alerts": [a.id for a in alerts]}))
            p.execute()
    return Assignment(story.id, opened, tuple(a.id for a in alerts))


def _copy_of(store: Store, topic: str, title: str, feats: ArticleFeatures, policy: MatchPolicy) -> str | None:
    """The story holding a near-duplicate of the article (a syndicated copy), if any, found
    through the SimHash bands within the long window. Pages that share only their furniture
    ("Get email notifications on ...") have alike leads too: a copy also shares a third of its
    headline's terms with the story's. (Its event days are not compared: a copy published later
    reads "Saturday" as another Saturday.)"""
    if not feats.simhash:
        return None
    lo = feats.published - policy.long_window_days * 86400
    copies: list[str] = []
    with store.r.pipeline(transaction=False) as p:
        for band in bands(feats.simhash):
            p.zrangebyscore(store.k.dup(topic, band), lo, "+inf")
        for members in p.execute():
            for m in members:
                sid, _, h = (m.decode() if isinstance(m, bytes) else m).rpartition(":")
                if near_duplicate(feats.simhash, int(h, 16)) and sid not in copies:
                    copies.append(sid)
    head = set(terms(title))
    for sid, raw in zip(copies, store.r.mget([store.k.story(c) for c in copies]) if copies else [], strict=True):
        if not raw:
            continue
        d = json.loads(raw)
        theirs = set(terms(d.get("title", "")))
        if len(head & theirs) / max(len(head | theirs), 1) >= COPY_MIN_TITLE:
            return sid
    return None


def _candidates(store: Store, topic: str, feats: ArticleFeatures, policy: MatchPolicy,
                limit: int = 40) -> list[StorySketch]:
    """Stories sharing a top term with the article and active within the window."""
    r, k = store.r, store.k
    # a story quiet for up to the long window may take a follow-up naming its event day
    lo = feats.published - max(policy.window_days, policy.long_window_days if feats.days else 0) * 86400
    hi = feats.published + policy.window_days * 86400
    index_terms = feats.index_terms()
    people = sorted(feats.full_names | feats.persons)
    plo = feats.published - policy.person_window_days * 86400
    with r.pipeline(transaction=False) as p:
        for t in index_terms:
            # the most recent stories under each term, a bounded number: the cost of a lookup
            # does not grow with the number of stories tracked
            p.zrevrangebyscore(k.index(topic, t), hi, lo, start=0, num=PER_TERM)
        for name in people:  # a story that identified a person the article names (a trial, later)
            p.zrevrangebyscore(k.who(topic, name), hi, plo, start=0, num=PER_TERM)
        for name in feats.persons:  # ... or named a person the article identifies
            p.zrevrangebyscore(k.named(topic, name), hi, plo, start=0, num=PER_TERM)
        found = p.execute()
    hits, named = _counts(found[:len(index_terms)]), _counts(found[len(index_terms):])
    best = sorted(hits, key=lambda s: -hits[s])[:limit]
    # a common name may index many stories: the ones sharing most names, a bounded number
    best += [s for s in sorted(named, key=lambda s: (-named[s], s)) if s not in best][:limit]
    if not best:
        return []
    raws = r.mget([k.story(s) for s in best])
    return [StorySketch.from_dict(json.loads(x)["sketch"]) for x in raws if x]


def _counts(lists: list[list]) -> dict[str, int]:
    """How many of the lookups found each story id."""
    out: dict[str, int] = {}
    for ids in lists:
        for i in ids:
            sid = i.decode() if isinstance(i, bytes) else i
            out[sid] = out.get(sid, 0) + 1
    return out


def _alert(seq: int, story: Story, topic: str, article: Article, kind: str, text: str,
           evidence: tuple[str, ...], now: float, data: dict | None = None) -> Alert:
    links = (article.url,) if article.url else ()
    return Alert(f"a{seq:06d}", story.id, topic, article.id, kind, text, tuple(evidence), _iso(now), links,
                 dict(data or {}))


def _opening_evidence(story: Story) -> tuple[str, ...]:
    out = []
    for f in story.facts.values():
        if f.current is None or f.incident == "background":
            continue
        c = f.current
        link = f" <{c.url}>" if c.url else ""
        out.append(f"{f.label()}: {c.label()} — {c.source or 'unattributed'} ({c.outlet}){link}")
    return tuple(out[:12])
