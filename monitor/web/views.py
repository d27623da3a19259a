"""What the web view's pages show, built from the stored records. Pure: no Redis, no HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup

from monitor.models import Alert, Article
from monitor.stories.ledger import Fact
from monitor.stories.story import Story
from monitor.web.charts import chart, outlet_colours

# the figures an analyst looks for first; the rest follow in the ledger's order
FIRST = ("main/killed", "main/injured")


def link(url: str | None) -> str | None:
    """An article's address as a link only when it is http(s): a feed may carry ``javascript:``."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def when(t: float | str | None) -> str:
    """An epoch or ISO time as 'YYYY-MM-DD HH:MM UTC'."""
    if t in (None, ""):
        return "-"
    try:
        dt = datetime.fromtimestamp(float(t), UTC) if not isinstance(t, str) else datetime.fromisoformat(
            t.replace("Z", "+00:00"))
    except ValueError:
        return str(t)
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@dataclass
class StoryRow:
    id: str
    topic: str
    title: str
    updated: str
    articles: int
    outlets: int
    killed: int | None
    injured: int | None
    disputed: list[str]


def story_row(s: Story) -> StoryRow:
    return StoryRow(s.id, s.topic, s.title, when(s.updated or s.sketch.last), len(s.articles), len(s.outlets),
                    s.current("killed"), s.current("injured"), [f.label() for f in s.facts.values() if f.disputed])


@dataclass
class ReportRow:
    value: str
    source: str
    outlet: str
    published: str
    url: str | None
    article: str
    note: str  # earlier figure, unconfirmed outlier


@dataclass
class FactView:
    key: str
    label: str
    kind: str
    current: str
    source: str
    disputed: bool
    reports: list[ReportRow]
    history: list[str]
    chart: Markup


@dataclass
class ArticleRow:
    id: str
    title: str
    outlet: str
    published: str
    url: str | None


@dataclass
class StoryView:
    id: str
    topic: str
    title: str
    opened: str
    updated: str
    killed: int | None
    injured: int | None
    actors: list[str]
    outlets: dict[str, str]  # outlet -> its colour on the charts
    facts: list[FactView] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    articles: list[ArticleRow] = field(default_factory=list)


def _fact_view(f: Fact, colours: dict[str, str]) -> FactView:
    rows = [ReportRow(r.label(), r.source or "unattributed", r.outlet, when(r.published), link(r.url), r.article,
                      "an earlier figure" if r.earlier else "unconfirmed outlier" if r.held else "")
            for r in f.reports]
    cur = f.current
    graph = chart(f, colours, "chart-" + f.key.replace("/", "-")) if f.kind == "figure" else Markup("")
    return FactView(f.key, f.label(), f.kind, cur.label() if cur else "-",
                    (cur.source or "unattributed") if cur else "-", f.disputed, rows,
                    [h["value"] + (" (earlier)" if h.get("earlier") else "") for h in f.history], graph)


def story_view(s: Story, alerts: list[Alert], articles: dict[str, Article]) -> StoryView:
    """The story page: the ledger with a chart per figure, the alert timeline, the articles.
    An article no longer stored (a replay keeps none) is described by its reports."""
    colours = outlet_colours(s.outlets)
    facts = sorted(s.facts.values(), key=lambda f: (f.key not in FIRST, FIRST.index(f.key) if f.key in FIRST else 0,
                                                    f.kind != "figure", f.incident != "main"))
    seen: dict[str, ArticleRow] = {}
    for f in s.facts.values():
        for r in f.reports:
            seen.setdefault(r.article, ArticleRow(r.article, "", r.outlet, when(r.published), link(r.url)))
    rows = []
    for aid in s.articles:
        a = articles.get(aid)
        if a is not None:
            rows.append(ArticleRow(aid, a.title, a.outlet, when(a.published), link(a.url)))
        else:
            rows.append(seen.get(aid, ArticleRow(aid, "", "", "-", None)))
    return StoryView(s.id, s.topic, s.title, when(s.opened), when(s.updated), s.current("killed"),
                     s.current("injured"), s.key_actors(), colours, [_fact_view(f, colours) for f in facts],
                     [{"created": when(a.created), "kind": a.kind.replace("_", " "), "text": a.text,
                       "evidence": list(a.evidence)} for a in alerts], rows)
