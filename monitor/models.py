"""Records that cross module lines. Frozen where they are values, plain where they accumulate."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Topic:
    name: str
    terms: tuple[str, ...] = ()  # empty: every article matches
    feeds: tuple[str, ...] = ()  # feed ids
    channels: tuple[str, ...] = ("console",)
    policy: dict[str, Any] = field(default_factory=dict)  # monitor.delivery.policy.AlertPolicy as a dict

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "terms": list(self.terms), "feeds": list(self.feeds),
                "channels": list(self.channels), "policy": dict(self.policy)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Topic:
        return cls(d["name"], tuple(d.get("terms", ())), tuple(d.get("feeds", ())),
                   tuple(d.get("channels", ("console",))), dict(d.get("policy", {})))


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a parsed feed: enough to fetch and identify the article."""

    key: str  # stable identity: entry id, else canonical link
    url: str | None
    title: str
    summary: str
    published: str | None  # ISO-8601
    fingerprint: str  # hash of the entry's content, to notice edits


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[FeedEntry, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Who a figure or attribution is attributed to, as written in the article."""

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass(frozen=True)
class Figure:
    metric: str  # killed, injured, missing, kidnapped, arrested, displaced, projectiles, facilities_struck
    value: int | None
    lower: int | None
    upper: int | None
    qualifier: str  # exact, at least, more than, up to, about, several, ...
    subject: str  # "people", "fighters", "contractor", ...
    span: Span
    attributed_to: Source | None
    incident: str = "main"  # main | related | background | aggregate (a period's or a round-up's count)
    earlier: bool = False  # a superseded value the article quotes as history
    unit: str = ""  # for projectiles: missiles, rockets, drones
    basis: str = "count"  # count: a number is written; single: one victim described; suicide; shot

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        d["attributed_to"] = self.attributed_to.to_dict() if self.attributed_to else None
        return d


@dataclass(frozen=True)
class Attribution:
    kind: str  # carried_out, claimed, accused, suspected, denied, means
    actor: str | None
    by: str | None
    span: Span
    incident: str = "main"
    negated: bool = False  # "no group claimed responsibility"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass(frozen=True)
class Extraction:
    figures: tuple[Figure, ...]
    attributions: tuple[Attribution, ...]
    killed: int | None
    injured: int | None


@dataclass
class Article:
    id: str
    url: str | None
    title: str
    text: str
    published: str | None
    outlet: str
    version: int = 1
    fingerprint: str = ""
    feed: str | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})


@dataclass(frozen=True)
class Alert:
    id: str
    story: str
    topic: str
    article: str
    kind: str  # story_opened, figure_reported, figure_changed, figure_disputed, attribution_added, ...
    text: str  # the one-line summary
    evidence: tuple[str, ...]
    created: str
    links: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)  # for figure changes: metric, old, new

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "story": self.story, "topic": self.topic, "article": self.article,
                "kind": self.kind, "text": self.text, "evidence": list(self.evidence),
                "created": self.created, "links": list(self.links), "data": dict(self.data)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alert:
        return cls(d["id"], d["story"], d["topic"], d["article"], d["kind"], d["text"],
                   tuple(d.get("evidence", ())), d["created"], tuple(d.get("links", ())), dict(d.get("data", {})))
