"""A story: the record an operator reads, and how an article's facts enter it. Pure."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from monitor.models import Article
from monitor.stories.ledger import LEDGER_METRICS, Change, Fact, Report, consistent, merge_attribution, merge_figure
from monitor.stories.matching import StorySketch


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
    plain = re.sub(r"[’'.]", "", actor.lower())  # Kata'ib / Kataib, U.S. / US
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in ("the", "a", "an", "s")]
    return "-".join(words[-3:]) or "none"


GENERIC_HEADS = {"people", "person", "citizen", "civilian", "man", "woman", "american", "victim", "other"}
_GENERIC_ACTOR = re.compile(r"^(?:a|an|one|some|the (?:group|militia|militants?|gunman|gunmen|suspects?|attackers?|"
                            r"assailants?|organi[sz]ation|movement|rebels|insurgents|terrorists))\b", re.IGNORECASE)


def _value(f: dict[str, Any]) -> int:
    return f["value"] if f["value"] is not None else (f["lower"] or 0)


def _pick(prev: dict[str, Any] | None, f: dict[str, Any]) -> bool:
    """Should f replace prev as the article's report of a fact? The larger value; on a tie,
    the one with a named source ("the Popular Mobilization Forces" over "a militia statement")."""
    if prev is None or _value(f) > _value(prev):
        return True
    if _value(f) < _value(prev):
        return False
    return _named(f.get("attributed_to")) and not _named(prev.get("attributed_to"))


def _named(src: dict[str, Any] | None) -> bool:
    return bool(src) and bool(re.search(r"\b[A-Z][a-z]", src["text"])) and not _GENERIC_ACTOR.match(src["text"])


def _fact_for(story: Story, f: dict[str, Any]) -> Fact:
    """The fact an extracted figure reports. A related incident's figure with a generic subject
    ("the death of a US citizen", "injuring four") joins the one fact of that metric it agrees
    with, instead of opening a new one."""
    key, subject = fact_key(f)
    fact = story.facts.get(key)
    if fact is None and f["incident"] != "main" and subject in GENERIC_HEADS:
        probe = Report(f["value"], f["lower"], f["upper"], f["qualifier"], None, "", "", None, 0.0, [0, 0])
        same = [x for x in story.facts.values() if x.kind == "figure" and x.incident == f["incident"]
                and x.metric == f["metric"] and x.current and consistent(x.current, probe)]
        if len(same) == 1:
            return same[0]
    if fact is None:
        fact = story.facts[key] = Fact(key, "figure", f["incident"], f["metric"], subject)
    return fact


def _forget(story: Story, article_id: str) -> None:
    """Drop an article's earlier reports (it was edited) and rebuild each fact without them."""
    for key, fact in list(story.facts.items()):
        if not any(r.article == article_id for r in fact.reports):
            continue
        keep = [r for r in fact.reports if r.article != article_id]
        rebuilt = Fact(fact.key, fact.kind, fact.incident, fact.metric, fact.subject)
        for r in keep:
            (merge_figure if fact.kind == "figure" else merge_attribution)(rebuilt, r)
        if not keep:
            # only this article reported it: keep its value as the one the edit changes
            rebuilt.current, rebuilt.history = fact.current, fact.history
        story.facts[key] = rebuilt


def _shifted(story: Story, fact: Fact, rep: Report) -> Change | None:
    """The same source now names someone else ("police now say a second gunman fired"):
    the attribution changed, it was not merely added."""
    if not rep.source or fact.metric not in ("accused", "claimed", "carried_out", "suspected"):
        return None
    src = _actor_key(rep.source)
    for other in story.facts.values():
        if (other is fact or other.kind != "attribution" or other.metric != fact.metric
                or other.incident != fact.incident or not other.current):
            continue
        if _actor_key(other.current.source) == src and not _GENERIC_ACTOR.match(other.current.text or "x"):
            where = "" if fact.incident == "main" else " (related incident)"
            return Change("attribution_changed", fact.key,
                          f"{fact.label()}{where}: {other.current.text} → {rep.text} ({rep.source}, via {rep.outlet})",
                          (f"before: {other.current.text} ({other.current.outlet})", f"now: {rep.text} ({rep.outlet})"))
    return None


def apply_article(story: Story, article: Article, outlet_time: float, opening: bool) -> list[Change]:
    """Merge an article's extracted figures and attributions into the story's ledger.

    A new version of an article already in the story replaces its reports: the ledger follows
    the edit, and only what the edit changed is announced."""
    changes: list[Change] = []
    if article.id in story.articles:
        _forget(story, article.id)
    else:
        story.articles.append(article.id)
    if article.outlet not in story.outlets:
        story.outlets.append(article.outlet)
    # one report per fact per article: the largest current value; quoted earlier values apart
    best: dict[tuple[str, bool], dict[str, Any]] = {}
    for f in article.figures:
        if f["incident"] in ("background", "aggregate") or f["metric"] not in LEDGER_METRICS:
            continue
        slot = (fact_key(f)[0], bool(f.get("earlier")))
        if _pick(best.get(slot), f):
            best[slot] = f
    for metric, total in (("killed", article.killed), ("injured", article.injured)):
        # the main incident's count is the article's total (written counts, victims described
        # one by one, suicides, "N shot" less the dead), not only its largest written number
        f = best.get((f"main/{metric}", False))
        if total == 0 and f is not None:
            del best[(f"main/{metric}", False)]  # the article counts none: that figure is no toll of its own
            continue
        if total and (f is None or _value(f) != total):
            best[(f"main/{metric}", False)] = {
                "metric": metric, "incident": "main", "value": total, "lower": total, "upper": total,
                "qualifier": "exact", "subject": "people", "span": (f or {}).get("span", [0, 0]),
                "attributed_to": (f or {}).get("attributed_to"), "earlier": False}
    for (_, earlier), f in sorted(best.items(), key=lambda kv: (not kv[0][1], kv[0][0])):
        fact = _fact_for(story, f)
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
            if actor and a["kind"] in ("carried_out", "accused", "claimed") and not _GENERIC_ACTOR.match(actor):
                story.actors[actor] = story.actors.get(actor, 0) + 1
        fact = story.facts.get(key)
        if fact is None:
            fact = story.facts[key] = Fact(key, "attribution", a["incident"], a["kind"], actor or "")
        rep = Report(None, None, None, a["kind"], a.get("by"), article.outlet, article.id, article.url,
                     outlet_time, list(a["span"]), text=actor or "")
        ch = merge_attribution(fact, rep)
        if ch and ch.kind == "attribution_added":
            ch = _shifted(story, fact, rep) or ch
        # recorded in the ledger, not announced: "no group claimed it", "a militia was blamed"
        quiet = a.get("negated") or (a["kind"] != "means" and (not actor or _GENERIC_ACTOR.match(actor)))
        if ch and not opening and not quiet:
            changes.append(ch)
    for key in [k for k, f in story.facts.items() if not f.reports]:
        del story.facts[key]  # an edit took back the only report of a fact
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
