"""The steps of the data flow, shared by the RQ jobs and by ``newsmon replay``.

``analyse`` is pure (text in, article with its extraction out). ``assign`` is the story step:
under the topic's lock it reads what matching needs (``state.story_index``), decides and plans
(``plan``, pure: the story's ledger and the alerts), and commits story, index, statistics,
alerts and the article's assignment in one transaction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.extract.figures import extract
from monitor.ingest.cleaning import content_spans, sentence_hashes
from monitor.models import Alert, Article, Topic
from monitor.settings import Settings
from monitor.state.archive import Archive
from monitor.state.store import Store
from monitor.state.story_index import LearnedText, StoryIndex
from monitor.stories.matching import (
    LEAD_CHARS,
    ArticleFeatures,
    MatchPolicy,
    StorySketch,
    bands,
    decide,
    epoch,
    features,
    in_topic,
    near_duplicate,
    specifics,
    terms,
)
from monitor.stories.story import Story, apply_article, opening_line

COPY_MIN_TITLE = 0.3  # a near-duplicate lead joins a story when the headlines share this much (Jaccard)


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


def match_policy(s: Settings) -> MatchPolicy:
    """The matcher's policy as the operator set it."""
    return MatchPolicy(s.match_threshold, s.story_window_days, evidence_scale=s.match_evidence_scale)


@dataclass(frozen=True)
class Assignment:
    story: str
    opened: bool
    alerts: tuple[str, ...]


@dataclass(frozen=True)
class AlertDraft:
    """An alert decided by the story step, before Redis gives it its sequence number."""
    kind: str
    text: str
    evidence: tuple[str, ...]
    data: dict | None = None


@dataclass
class StepPlan:
    """What the story step decided: the story as it becomes, and the alerts to record."""
    story: Story
    opened: bool
    alerts: list[AlertDraft]


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def plan(article: Article, story: Story, feats: ArticleFeatures, opened: bool, known: bool,
         published: float, now: float) -> StepPlan:
    """Merge the article into its story (a new one when ``opened``) and decide the alerts. Pure:
    ``story`` is changed in place and returned in the plan."""
    if not known:
        story.sketch.absorb(feats)
    story.updated = _iso(now)
    changes = apply_article(story, article, published, opening=opened)
    drafts = [AlertDraft("story_opened", opening_line(story), _opening_evidence(story))] if opened else []
    drafts += [AlertDraft(ch.kind, ch.text, tuple(ch.evidence), ch.data) for ch in changes]
    return StepPlan(story, opened, drafts)


def _read_body(index: StoryIndex, article: Article) -> tuple[str, str, list[tuple[str, str]]]:
    """The article's content text, and the same without the sentences its outlet carried before
    (page furniture, learned per known outlet)."""
    full = body_text(article.text)
    if not article.outlet or article.outlet == "unknown":
        return full, full, []
    sentences = sentence_hashes(full)
    seen = index.furniture_seen(article.outlet, [h for h, _ in sentences])
    body = " ".join(text for (_, text), sc in zip(sentences, seen, strict=True) if sc is None)
    return full, body, sentences


def assign(store: Store, article: Article, topic: str, now: float,
           policy: MatchPolicy | None = None, archive: Callable[[], Archive] | None = None) -> Assignment:
    """Join the article to a story of the topic or open one; return the alerts decided. Under
    the topic's lock: read what matching needs, decide, plan, commit in one transaction. A story
    in the ``archive`` that the article joins comes back to Redis with this step."""
    policy = policy or MatchPolicy()
    index = StoryIndex(store, topic, archive)
    step_id = f"{article.id}:{article.fingerprint}"
    with index.lock():
        done = index.done(step_id)
        if done:  # a retry of a step that committed: report what it decided
            return Assignment(done["story"], done["opened"], tuple(done["alerts"]))
        published = epoch(article.published, now)
        full, body, sentences = _read_body(index, article)
        lead = article.title + " " + body[:LEAD_CHARS]
        words = list(terms(lead) + specifics(lead))
        feats = features(article.title, body, published, index.document_frequencies(words), index.ndocs(),
                         LEAD_CHARS, full_text=full)
        feats = in_topic(feats, index.topic_stats(sorted(feats.names)))
        known = index.story_of(article.id)  # a new version of an article stays in its story
        sid = known or _copy_of(index, article.title, feats, policy)
        if sid is None:
            sid = decide(feats, index.candidates(feats, policy), policy).story
        story = _load_or_open(store, index, sid, article, now)
        step = plan(article, story, feats, sid is None, bool(known), published, now)
        seqs = index.reserve_alert_seqs(len(step.alerts))
        alerts = [_alert(seq, story, topic, article, d, now) for seq, d in zip(seqs, step.alerts, strict=True)]
        learn = None if known else LearnedText(article.outlet, [h for h, _ in sentences], words, feats.names)
        index.commit(step_id, article.id, story, feats, alerts, seqs, learn, now, step.opened)
    return Assignment(story.id, step.opened, tuple(a.id for a in alerts))


class StoryVanished(LookupError):
    """The index named a story whose record is gone: the step is retried."""


def _load_or_open(store: Store, index: StoryIndex, sid: str | None, article: Article, now: float) -> Story:
    if sid is None:
        new = index.next_story_id()
        return Story(new, index.topic, article.title.strip() or "(untitled)", StorySketch(new), opened=_iso(now))
    story = store.story(sid)
    if story is None and index.archive is not None:
        story = index.archive.story(sid)  # gone quiet and archived: the commit brings it back
    if story is None:
        raise StoryVanished(f"story {sid} is indexed but its record is gone")
    return story


def _copy_of(index: StoryIndex, title: str, feats: ArticleFeatures, policy: MatchPolicy) -> str | None:
    """The story holding a near-duplicate of the article (a syndicated copy), if any, found
    through the SimHash bands within the long window. Pages that share only their furniture
    ("Get email notifications on ...") have alike leads too: a copy also shares a third of its
    headline's terms with the story's. (Its event days are not compared: a copy published later
    reads "Saturday" as another Saturday.)"""
    if not feats.simhash:
        return None
    lo = feats.published - policy.long_window_days * 86400
    copies: list[str] = []
    for sid, h in index.near_duplicates(bands(feats.simhash), lo):
        if near_duplicate(feats.simhash, h) and sid not in copies:
            copies.append(sid)
    head = set(terms(title))
    for sid, their_title in index.titles(copies).items():
        theirs = set(terms(their_title))
        if len(head & theirs) / max(len(head | theirs), 1) >= COPY_MIN_TITLE:
            return sid
    return None


def _alert(seq: int, story: Story, topic: str, article: Article, d: AlertDraft, now: float) -> Alert:
    links = (article.url,) if article.url else ()
    return Alert(f"a{seq:06d}", story.id, topic, article.id, d.kind, d.text, tuple(d.evidence), _iso(now), links,
                 dict(d.data or {}))


def _opening_evidence(story: Story) -> tuple[str, ...]:
    out = []
    for f in story.facts.values():
        if f.current is None or f.incident == "background":
            continue
        c = f.current
        link = f" <{c.url}>" if c.url else ""
        out.append(f"{f.label()}: {c.label()} — {c.source or 'unattributed'} ({c.outlet}){link}")
    return tuple(out[:12])
