"""Story matching: does an article report an event already tracked? Pure scoring.

An article is a TF-IDF vector (document frequencies learned online from the stream), its
names (capitalised phrases of its lead, and every full name of its text), the people it
identifies (a victim's or a suspect's name), the days it says its event happened on and its
publication time. A story keeps the running centroid of its articles' vectors, their names,
people, event days and time span. The store finds candidate stories through inverted indexes
of terms, identified people and full names; this module only scores them and decides.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from monitor.extract.lexicon import STOPWORDS
from monitor.extract.numbers import SMALL_COUNT, word_value
from monitor.stories.eventdays import event_days, same_event_day

_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_NAME = re.compile(r"\b(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?:[ \t]+(?:[A-Z][a-z'’-]+|[A-Z]{2,}|[A-Z]\.(?=\s+[A-Z])))*")
# a middle initial and a suffix are left out of a name: "Jordyn D. Wade" and "Jordyn Wade" are one
_INITIAL = re.compile(r"\s+(?:[A-Z]\.|Jr\.?|Sr\.?|II|III)(?=\s|$)")

VECTOR_TERMS = 60  # terms kept per article vector: beyond this the weights are noise
CENTROID_TERMS = 120  # terms kept per story centroid
MAX_DAYS = 12  # event days kept per story
MAX_PERSONS = 20  # people kept per story, most recently named last
MAX_FULL_NAMES = 80  # full names kept per story, most recently named last
ARTICLE_FULL_NAMES = 40  # full names an article looks up and indexes, the first it gives (a bound per article)
INDEX_TERMS = 25  # an article looks up candidates by its top terms; a story is indexed under its centroid's
# matching reads the title and the lead: later paragraphs drift to background (a victim's life,
# other shootings); 1,800 characters are about the first five paragraphs of a news story
LEAD_CHARS = 1800


def terms(text: str) -> Counter[str]:
    words = (w.strip("'’-") for w in _WORD.findall(text.lower()))
    return Counter(w for w in words if w not in STOPWORDS and len(w) > 2)


# "13 people shot", "Thirteen people were shot", "shooting that injured 13": the toll is one of
# an event's specifics, however it is written; a count of one or two tells little, and one over
# 100 is most often a campaign's or a city's tally (articles sharing it are no one incident's)
_COUNT = re.compile(
    rf"\b({SMALL_COUNT})\b(?![-'’])(?=(?:\s+[\w-]+){{0,3}}?\s+(?:people|persons|victims|dead|killed|shot|wounded|"
    rf"injured|hurt)\b)"
    rf"|\b(?:killed|killing|injured|injuring|wounded|wounding|shot|shooting|leaves?|left)\s+({SMALL_COUNT})\b(?![-'’])",
    re.IGNORECASE)
# so is the place's number, which the word terms drop: "the 2500 block of East 75th Street"
_PLACE_NUMBER = re.compile(r"\b(\d{2,5}) block\b|\b(\d{1,3}(?:st|nd|rd|th)) (?:street|avenue|st|ave|place|road)\b",
                           re.IGNORECASE)


def specifics(text: str) -> Counter[str]:
    """An event's specifics that words do not carry, as terms: its tolls ("#13"), whether written
    in digits or words, and the numbers of its place ("@2500" for "the 2500 block", "@75th")."""
    out: Counter[str] = Counter(f"@{a or b.lower()}" for a, b in _PLACE_NUMBER.findall(text))
    for m in _COUNT.finditer(text):
        value = word_value(m.group(1) or m.group(2))
        if value is not None and 3 <= value <= 100:
            out[f"#{value}"] += 1
    return out


def _phrases(text: str) -> Iterator[str]:
    """Capitalised phrases in text order, lower-cased, middle initials and suffixes left out."""
    return (_INITIAL.sub("", m.group()).lower() for m in _NAME.finditer(text))


def names(text: str) -> set[str]:
    """Capitalised phrases that are not merely sentence-initial words."""
    return {n for n in _phrases(text) if n not in STOPWORDS and len(n) >= 3}


def full_names(text: str, limit: int = ARTICLE_FULL_NAMES) -> list[str]:
    """Names of two words or more, in the order the text first gives them, at most ``limit``."""
    return list(islice(dict.fromkeys(n for n in _phrases(text) if " " in n), limit))


# A person the article identifies: "John Smith, 23," / "identified the victim as John Smith".
# Follow-ups months later (charges, trial, sentencing) name the same people; spokespeople
# ("Officer Jane Doe said") are left out, since they speak for every incident of a city.
_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_PERSON = (rf"(?:{_CAP}|[A-Z]\.)(?:\s+(?:{_CAP}|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+))*\s+{_CAP}"
           r"(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3}\b)?")
_WITH_AGE = re.compile(rf"({_PERSON}),?\s*(?:\(?\s*(?:age\s+)?\d{{1,2}}\s*\)?,)")
_AGE_BEFORE = re.compile(rf"\b\d{{1,3}}[- ]year[- ]old\s+({_PERSON})\b(?!\s+(?:man|woman|men|women|boy|girl|teen|"
                         rf"teenager|resident|native|student|mother|father|son|daughter|driver|officer|deputy)s?\b)")
_AFTER_CUE = re.compile(rf"(?i:identified (?:\w+ ){{0,3}}?as|named|suspects?|victims?|defendants?|charged|arrested|"
                        rf"accused)\s+({_PERSON})")
# the rest of a list the cue heads: "identified the victims as A of X, B of Y and C"
_LIST_MORE = re.compile(rf"(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?(?:,\s*(?:and\s+)?|\s+and\s+)({_PERSON})")
_NOT_NAME = {"the", "a", "an", "in", "on", "at", "police", "officers", "county", "city", "sheriff", "department",
             "suspect", "victim", "defendant"}

_NOT_LAST = {"county", "city", "township", "police", "sheriff", "street", "avenue", "road", "park", "high", "school",
             "boy", "girl", "man", "woman", "teen", "child", "baby", "toddler"}
_FUNCTION = {"after", "before", "by", "in", "at", "of", "on", "for", "to", "the", "and", "with", "from", "into", "over"}


def persons(text: str) -> set[str]:
    """Full names (two words or more) the text gives with an age or after an identifying cue."""
    out, found = set(), []
    for pattern in (_WITH_AGE, _AGE_BEFORE, _AFTER_CUE):
        for m in pattern.finditer(text):
            found.append(m.group(1))
            end = m.end()
            while pattern is _AFTER_CUE and (more := _LIST_MORE.match(text, end)):
                found.append(more.group(1))
                end = more.end()
    for name in found:
        words = _INITIAL.sub("", name).split()
        while words and words[0].lower() in _NOT_NAME:
            words = words[1:]
        while words and words[-1].lower() in _NOT_LAST:
            words = words[:-1]
        # a headline in title case ("Charged After Being Shot By ...") is no name
        if 2 <= len(words) <= 4 and not any(w.lower() in _FUNCTION for w in words):
            out.add(" ".join(words).lower())
    return out


@dataclass(frozen=True)
class ArticleFeatures:
    vector: dict[str, float]  # unit-length tf-idf, top VECTOR_TERMS
    names: frozenset[str]
    published: float  # epoch seconds
    days: tuple[int, ...] = ()  # the days the article says its event happened on
    simhash: int = 0  # of the lead's word shingles; 0 when the lead is too short to tell copies apart
    persons: frozenset[str] = frozenset()
    full_names: frozenset[str] = frozenset()  # names of two words or more anywhere in the text
    # how much sharing each name tells: its idf among the topic's articles (a name every article
    # of the topic gives tells nothing); a name not listed weighs one
    name_weights: dict[str, float] = field(default_factory=dict)

    def name_weight(self, name: str) -> float:
        return self.name_weights.get(name, 1.0)

    def index_terms(self) -> list[str]:
        return [t for t, _ in sorted(self.vector.items(), key=lambda kv: -kv[1])[:INDEX_TERMS]]


def idf(df: int, ndocs: int) -> float:
    return math.log((ndocs + 1) / (df + 1)) + 1.0


def _plain(name: str) -> str:
    return re.sub(r"['’`]", "", name.lower())


@dataclass(frozen=True)
class TopicStats:
    """What the stream has taught about a topic's names: in how many of its articles each appeared."""
    name_df: dict[str, int] = field(default_factory=dict)
    ndocs: int = 0
    terms: tuple[str, ...] = ()  # the topic's own terms


def features(title: str, text: str, published: float, df: dict[str, int], ndocs: int,
             lead_chars: int = LEAD_CHARS, full_text: str | None = None) -> ArticleFeatures:
    """Vector of the title (counted twice: it names the event) and the lead of the text.
    The SimHash is of ``full_text`` when given: the text before page furniture was taken out,
    so that an outlet publishing the same story again is still recognised as a copy."""
    body = text[:lead_chars]
    head_tf = terms(title) + specifics(title)
    tf = head_tf + head_tf + terms(body) + specifics(body)
    vec = {t: (1 + math.log(c)) * idf(df.get(t, 0), ndocs) for t, c in tf.items()}
    vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:VECTOR_TERMS])
    head, whole = title + "\n" + body, title + "\n" + text
    return ArticleFeatures(_unit(vec), frozenset(names(head)), published, event_days(head, published),
                           simhash((full_text if full_text is not None else text)[:lead_chars]),
                           frozenset(persons(whole)), frozenset(full_names(whole)))


def in_topic(a: ArticleFeatures, topic: TopicStats) -> ArticleFeatures:
    """The article's features as evidence within its topic: names and people that hold one of the
    topic's own terms ("Kata'ib Hezbollah" for the topic "Kataib Hezbollah") are dropped, since
    every article of the topic gives them; a name weighs its idf among the topic's articles."""
    patterns = [re.compile(rf"\b{re.escape(t)}\b") for t in map(_plain, topic.terms) if t]

    def own(name: str) -> bool:
        plain = _plain(name)
        return any(p.search(plain) for p in patterns)

    kept = frozenset(n for n in a.names if not own(n))
    return dataclasses.replace(
        a, names=kept, persons=frozenset(p for p in a.persons if not own(p)),
        full_names=frozenset(n for n in a.full_names if not own(n)),
        name_weights={n: idf(topic.name_df.get(n, 0), topic.ndocs) for n in kept})


# Near-duplicates: one wire story in many outlets, or a page fetched again with a new headline.
# A 64-bit SimHash of the lead's 3-word shingles; copies differ in a few bits. Split into four
# 16-bit bands, any copy within NEAR_DUP_BITS shares at least one band exactly, so the store
# finds candidates with four key lookups, whatever the number of stories.
NEAR_DUP_BITS = 3
MIN_SHINGLE_WORDS = 40  # a shorter lead (a headline and a summary) is too short to call a copy
_LEAD_WORDS = 200


def simhash(text: str) -> int:
    words = re.findall(r"[a-z0-9]+", text.lower())[:_LEAD_WORDS]
    if len(words) < MIN_SHINGLE_WORDS:
        return 0
    rows = [f"{int.from_bytes(hashlib.blake2b(' '.join(words[i:i + 3]).encode(), digest_size=8).digest(), 'big'):064b}"
            for i in range(len(words) - 2)]
    half = len(rows) / 2
    # a bit is set when most shingles set it (columns counted over the bit strings: fast in CPython)
    return int("".join("1" if col.count("1") > half else "0" for col in zip(*rows, strict=True)), 2) or 1


def bands(h: int) -> list[str]:
    """The four 16-bit bands of a SimHash, as index keys."""
    return [f"{i}:{(h >> (16 * i)) & 0xFFFF:04x}" for i in range(4)]


def near_duplicate(a: int, b: int) -> bool:
    return bool(a and b) and (a ^ b).bit_count() <= NEAR_DUP_BITS


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    return dot / (na * nb)


@dataclass
class StorySketch:
    """What matching needs to know of a story."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    first: float = 0.0
    last: float = 0.0
    size: int = 0
    days: list[int] = field(default_factory=list)  # event days its articles named, most recent last
    persons: list[str] = field(default_factory=list)  # people its articles identified
    full_names: list[str] = field(default_factory=list)  # names of two words or more its articles gave

    def to_dict(self) -> dict:
        return {"id": self.id, "centroid": self.centroid, "names": self.names, "first": self.first,
                "last": self.last, "size": self.size, "days": self.days, "persons": self.persons,
                "full_names": self.full_names}

    @classmethod
    def from_dict(cls, d: dict) -> StorySketch:
        return cls(d["id"], d.get("centroid", {}), d.get("names", {}), d.get("first", 0.0),
                   d.get("last", 0.0), d.get("size", 0), list(d.get("days", [])), list(d.get("persons", [])),
                   list(d.get("full_names", [])))

    def index_terms(self) -> list[str]:
        return [t for t, _ in sorted(self.centroid.items(), key=lambda kv: -kv[1])[:INDEX_TERMS]]

    def absorb(self, a: ArticleFeatures) -> None:
        merged = Counter(self.centroid)
        for t, v in a.vector.items():
            merged[t] += v
        self.centroid = _unit(dict(sorted(merged.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS]))
        for n in a.names:
            self.names[n] = self.names.get(n, 0) + 1
        self.persons = (self.persons + sorted(p for p in a.persons if p not in self.persons))[-MAX_PERSONS:]
        known = set(self.full_names)
        self.full_names = (self.full_names + sorted(n for n in a.full_names if n not in known))[-MAX_FULL_NAMES:]
        for day in a.days:
            if day not in self.days:
                self.days = (self.days + [day])[-MAX_DAYS:]
        self.first = min(self.first, a.published) if self.size else a.published
        self.last = max(self.last, a.published)
        self.size += 1


@dataclass(frozen=True)
class MatchPolicy:
    threshold: float = 0.15  # below this the article opens a story; tuned on ltqa-dev (B-cubed F1 0.950)
    window_days: float = 14.0  # a story quiet for longer than this takes no article ...
    long_window_days: float = 120.0  # ... unless both name the same event day, up to this long
    long_min_cosine: float = 0.15  # and the texts are this alike (a follow-up: "the Jan. 27 shooting")
    day_penalty: float = 0.6  # the score is multiplied by this when both name event days, none common
    person_window_days: float = 730.0  # a story that identified a person the article names takes it this late
    person_min_cosine: float = 0.12  # (a trial a year on) when the texts are this alike
    two_persons_min_cosine: float = 0.05  # two of them (the victim and the accused): the texts need little more
    person_bonus: float = 0.1  # added within the window when they share an identified person
    name_weight: float = 0.15  # bonus for the share of the article's names the story has seen
    time_decay_days: float = 7.0  # the score falls by half over this gap
    # How sure the matcher must be grows as the article carries less evidence: two headlines that
    # share a city and "shooting" are alike by chance, two full articles are not. The threshold
    # is at least evidence_scale / sqrt(the article's informative terms); 0 turns it off. Tuned on
    # LTQA 2013-2014, full text and headlines only (0.5-1.0 tried; 0.7 best on headlines, costing
    # full text 0.001); checked on 2015 (docs/evaluation.md)
    evidence_scale: float = 0.7


def one_edit(x: str, y: str) -> bool:
    """At most one letter inserted, dropped, changed, or two neighbours swapped."""
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
                                   and x[diff[1]] == y[diff[0]])
    short, long_ = sorted((x, y), key=len)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def _named_in(person: str, *pools: Collection[str]) -> bool:
    """The person is in one of the pools of names, or a name there has the same surname and the
    first name spelled one letter apart: outlets misspell a victim's first name ("Malijah", "Malijha")."""
    if any(person in pool for pool in pools):
        return True
    first, *_, last = person.split()
    if len(first) < 4:
        return False
    tail = " " + last
    return any(n.endswith(tail) and n[:1] == first[:1] and one_edit(n.split()[0], first)
               for pool in pools for n in pool)


def shared_persons(a: ArticleFeatures, s: StorySketch) -> int:
    """How many people one names that the other identified (with an age, as victim, suspect ...)."""
    return len({p for p in s.persons if _named_in(p, a.full_names, a.names)}
               | {p for p in a.persons if _named_in(p, s.full_names, s.names)})


def score(a: ArticleFeatures, s: StorySketch, policy: MatchPolicy) -> float:
    gap_days = abs(a.published - s.last) / 86400.0
    same_day = same_event_day(a.days, s.days)
    known = shared_persons(a, s)
    text = cosine(a.vector, s.centroid)
    # a follow-up of the same event (its day, its people) keeps its text score however late
    floors = []
    if same_day and gap_days <= policy.long_window_days:
        floors.append(policy.long_min_cosine)
    if known and gap_days <= policy.person_window_days:
        # two people named alike (the victim and the accused) tell the event on their own
        floors.append(policy.person_min_cosine if known < 2 else policy.two_persons_min_cosine)
    follow_up = max(text, policy.threshold) if floors and text >= min(floors) else 0.0
    if gap_days > policy.window_days and a.published > s.last:
        return follow_up
    total = sum(a.name_weight(n) for n in a.names)
    name = sum(a.name_weight(n) for n in a.names if n in s.names) / total if total > 0 else 0.0
    decay = 0.5 ** (max(0.0, gap_days - 1.0) / policy.time_decay_days)
    sc = (text + policy.name_weight * name) * decay
    # two shootings in one city a week apart read alike; their days differ
    sc = sc * policy.day_penalty if same_day is False else sc
    return max(sc + policy.person_bonus if known else sc, follow_up)


@dataclass(frozen=True)
class MatchDecision:
    story: str | None  # None: open a new story
    score: float


def required_score(a: ArticleFeatures, policy: MatchPolicy) -> float:
    """The score an article must reach to join a story: the threshold, raised for an article
    with few informative terms (a headline, a feed summary, a paywalled stub)."""
    if not policy.evidence_scale:
        return policy.threshold
    return max(policy.threshold, policy.evidence_scale / math.sqrt(max(len(a.vector), 1)))


def decide(a: ArticleFeatures, candidates: list[StorySketch], policy: MatchPolicy) -> MatchDecision:
    best, best_score = None, 0.0
    for s in candidates:
        sc = score(a, s, policy)
        if sc > best_score:
            best, best_score = s.id, sc
    if best is not None and best_score >= required_score(a, policy):
        return MatchDecision(best, best_score)
    return MatchDecision(None, best_score)


def epoch(iso: str | None, default: float) -> float:
    if not iso:
        return default
    try:
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return default
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()
