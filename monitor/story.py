"""A story: the record an operator reads, and how an article's facts enter it. Pure."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from monitor.ledger import Change, Fact, Report, merge_attribution, merge_figure
from monitor.matching import StorySketch
from monitor.models import Article


@dataclass
class Story:
    id: str
    topic: str
    title: str
    sketch: StorySketch
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    facts: dict[str, Fact] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    opened: str = ""
    updated: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "topic": self.topic, "title": self.title, "sketch": self.sketch.to_dict(),
            "articles": self.articles, "outlets": self.outlets,
            "facts": {k: f.to_dict() for k, f in self.facts.items()}, "actors": self.actors,
            "opened": self.opened, "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(d["id"], d["topic"], d["title"], StorySketch.from_dict(d["sketch"]), d["articles"],
                   d.get("outlets", []), {k: Fact.from_dict(f) for k, f in d.get("facts", {}).items()},
                   d.get("actors", {}), d.get("opened", ""), d.get("updated", ""))

    def current(self, metric: str) -> int | None:
        f = self.facts.get(f"main/{metric}")
        if f is None or f.current is None:
            return None
        c = f.current
        return c.value if c.value is not None else c.lower

    def key_actors(self, n: int = 5) -> list[str]:
        return [a for a, _ in Counter(self.actors).most_common(n)]

    def summary(self) -> dict[str, Any]:
        """The story as `stories.jsonl` and `stories show --json` give it."""
        figures = [f.to_dict() for f in self.facts.values() if f.kind == "figure"]
        attributions = [f.to_dict() for f in self.facts.values() if f.kind == "attribution"]
        return {
            "id": self.id, "topic": self.topic, "title": self.title, "articles": self.articles,
            "outlets": self.outlets, "actors": self.key_actors(), "opened": self.opened,
            "updated": self.updated, "first_published": self.sketch.first,
            "last_published": self.sketch.last, "killed": self.current("killed"),
            "injured": self.current("injured"), "figures": figures, "attributions": attributions,
        }


def _head(subject: str) -> str:
    """'US civilian contractor' -> 'contractor', 'Iraqi policemen' -> 'policeman'."""
    words = re.findall(r"[a-z]+", subject.lower())
    if not words:
        return "people"
    w = words[-1]
    if w in ("members", "member") and len(words) > 1:
        w = words[-2] + " member"
    irregular = {"policemen": "policeman", "servicemen": "service member", "men": "man",
                 "women": "woman", "children": "child", "people": "people", "others": "people"}
    if w in irregular:
        return irregular[w]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def fact_key(f: dict[str, Any]) -> tuple[str, str]:
    """The ledger key of an extracted figure, and the subject it is kept under."""
    metric, incident = f["metric"], f["incident"]
    if incident == "main" or metric in ("projectiles", "facilities_struck", "shots_fired"):
        return f"{incident}/{metric}", "total" if incident == "main" else ""
    head = _head(f["subject"])
    return f"{incident}/{metric}/{head}", head


def _actor_key(actor: str | None) -> str:
    if not actor:
        return "none"
    words = [w for w in re.findall(r"[a-z0-9]+", actor.lower()) if w not in ("the", "a", "an", "s")]
    return "-".join(words[-3:]) or "none"


def apply_article(story: Story, article: Article, outlet_time: float, opening: bool) -> list[Change]:
    """Merge an article's extracted figures and attributions into the story's ledger."""
    changes: list[Change] = []
    if article.id not in story.articles:
        story.articles.append(article.id)
    if article.outlet not in story.outlets:
        story.outlets.append(article.outlet)
    # one report per fact per article: the largest current value; quoted earlier values apart
    best: dict[tuple[str, bool], dict[str, Any]] = {}
    for f in article.figures:
        if f["incident"] == "background":
            continue
        key, _ = fact_key(f)
        slot = (key, bool(f.get("earlier")))
        v = f["value"] if f["value"] is not None else (f["lower"] or 0)
        prev = best.get(slot)
        if prev is None or v > (prev["value"] if prev["value"] is not None else (prev["lower"] or 0)):
            best[slot] = f
    for (key, earlier), f in sorted(best.items(), key=lambda kv: (not kv[0][1], kv[0][0])):
        _, subject = fact_key(f)
        fact = story.facts.get(key)
        if fact is None:
            fact = story.facts[key] = Fact(key, "figure", f["incident"], f["metric"], subject)
        src = f.get("attributed_to")
        rep = Report(f["value"], f["lower"], f["upper"], f["qualifier"], src["text"] if src else None,
                     article.outlet, article.id, article.url, outlet_time, list(f["span"]), earlier)
        ch = merge_figure(fact, rep)
        if ch and not opening:
            changes.append(ch)
    for a in article.attributions:
        if a["incident"] == "background":
            continue
        actor = "no group" if a.get("negated") else a["actor"]
        if a["kind"] == "means":
            key = f"attr/{a['incident']}/means"
        else:
            key = f"attr/{a['incident']}/{a['kind']}/{_actor_key(actor)}"
            if actor and a["kind"] in ("carried_out", "accused", "claimed"):
                story.actors[actor] = story.actors.get(actor, 0) + 1
        fact = story.facts.get(key)
        if fact is None:
            fact = story.facts[key] = Fact(key, "attribution", a["incident"], a["kind"], actor or "")
        rep = Report(None, None, None, a["kind"], a.get("by"), article.outlet, article.id, article.url,
                     outlet_time, list(a["span"]), text=actor or "")
        ch = merge_attribution(fact, rep)
        if ch and not opening:
            changes.append(ch)
    return changes


def opening_line(story: Story) -> str:
    """One line for a story that just opened: its title and main figures with sources."""
    parts = []
    for metric in ("killed", "injured", "facilities_struck", "missing", "kidnapped", "arrested"):
        f = story.facts.get(f"main/{metric}")
        if f and f.current:
            src = f" per {f.current.source}" if f.current.source else ""
            parts.append(f"{f.label().lower()} {f.current.label()}{src}")
    figs = "; ".join(parts)
    outlet = story.outlets[0] if story.outlets else ""
    return f"{story.title} (via {outlet})" + (f": {figs}" if figs else "")
