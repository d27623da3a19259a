"""A story's ledger of facts and the rules that say what changed. Pure.

A fact is a figure of an incident (the story's own, or a related incident it reports) or an
attribution. Each keeps every report of it: value or bounds, qualifier, source, outlet,
article, time. Policy for the current value: the latest report that is not a quoted earlier
value; a report whose bounds agree with the current value does not replace it. A fact is
disputed when the latest reports of two outlets disagree, except when a count that only grows
(killed, injured, ...) rises in a later report: that is a change, not a dispute. Agreement
weighs: a casualty count that more articles state replaces the current value, and a rise that
fewer articles state than the current value is disputed, not a change.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.extract.lexicon import means_class

# what a story's ledger tracks; other numbers (money, percentages, plain quantities) stay in the
# article's figures with their sources
LEDGER_METRICS = {"killed", "injured", "missing", "kidnapped", "arrested", "displaced", "projectiles",
                  "facilities_struck", "shots_fired", "shot"}
GROWING = {"killed", "injured", "missing", "kidnapped", "arrested", "displaced"}
METRIC_LABEL = {
    "killed": "Killed", "injured": "Injured", "missing": "Missing", "kidnapped": "Kidnapped",
    "arrested": "Arrested", "displaced": "Displaced", "projectiles": "Projectiles",
    "facilities_struck": "Facilities struck", "shots_fired": "Shots fired",
}
TOLERANCE = 0.10  # relative: two exact values this close are the same report rounded
# A count far from every other report is an outlier: at least OUTLIER_RATIO times it and
# OUTLIER_GAP more (a year read as a count, a city's yearly toll, another incident's). It is held
# until a report from another article agrees with it.
OUTLIER_RATIO = 3.0
OUTLIER_GAP = 20


@dataclass
class Report:
    value: int | None
    lower: int | None
    upper: int | None
    qualifier: str
    source: str | None  # attributed to
    outlet: str
    article: str
    url: str | None
    published: float
    span: list[int]
    earlier: bool = False
    text: str = ""  # for attributions: the actor or means
    held: bool = False  # an outlier no other report confirms yet: recorded, not current

    def label(self) -> str:
        if self.text:
            return self.text
        if self.value is not None and self.qualifier == "exact":
            return str(self.value)
        if self.qualifier == "between":
            return f"{self.lower}-{self.upper}"
        if self.value is not None:
            return f"{self.qualifier} {self.value}"
        if self.lower is not None and self.qualifier in ("at least", "more than"):
            return f"{self.qualifier} {self.lower}"
        return self.qualifier


@dataclass
class Fact:
    key: str
    kind: str  # figure | attribution
    incident: str
    metric: str  # for attributions: the attribution kind
    subject: str
    reports: list[Report] = field(default_factory=list)
    current: Report | None = None
    history: list[dict[str, Any]] = field(default_factory=list)  # [{value, source, outlet, article}]
    disputed: bool = False

    def label(self) -> str:
        base = METRIC_LABEL.get(self.metric, self.metric.replace("_", " ").capitalize())
        where = "" if self.incident == "main" else " (related incident)"
        subj = "" if self.subject in ("", "people", "total") else f" [{self.subject}]"
        return f"{base}{subj}{where}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["label"] = self.label()
        d["outlets"] = sorted({r.outlet for r in self.reports})
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        reports = [Report(**r) for r in d.get("reports", [])]
        cur = Report(**d["current"]) if d.get("current") else None
        return cls(d["key"], d["kind"], d["incident"], d["metric"], d["subject"], reports, cur,
                   d.get("history", []), d.get("disputed", False))


@dataclass(frozen=True)
class Change:
    kind: str  # figure_reported, figure_changed, figure_disputed, attribution_added, attribution_denied
    fact: str
    text: str
    evidence: tuple[str, ...]
    data: dict[str, Any] = field(default_factory=dict)  # figure changes: metric, old, new


def consistent(a: Report, b: Report) -> bool:
    """Do two reports of a count agree? Bounds agree with any value inside them."""
    def interval(r: Report) -> tuple[float, float]:
        if r.qualifier == "exact" and r.value is not None:
            tol = max(0.0, TOLERANCE * r.value if r.value >= 20 else 0.0)
            return r.value - tol, r.value + tol
        lo = r.lower if r.lower is not None else 0
        hi = r.upper if r.upper is not None else float("inf")
        if r.qualifier in ("about", "nearly") and r.value is not None:
            lo, hi = r.value * 0.8, r.value * 1.2 if r.qualifier == "about" else r.value
        return lo, hi

    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


def _source(r: Report) -> str:
    src = f"{r.source}, via {r.outlet}" if r.source else f"via {r.outlet}"
    return src


def _evidence(r: Report) -> str:
    link = f" <{r.url}>" if r.url else ""
    return f"{r.label()}: {r.source or 'unattributed'} ({r.outlet}, article {r.article}){link}"


def _number(r: Report) -> float | None:
    return r.value if r.value is not None else r.lower


def _far_above(a: Report, b: Report) -> bool:
    """Is count ``a`` an outlier above count ``b``?"""
    va, vb = _number(a), _number(b)
    return va is not None and vb is not None and va >= OUTLIER_RATIO * vb and va >= vb + OUTLIER_GAP


def _confirmed(fact: Fact, rep: Report) -> bool:
    """Does a report of another article agree with ``rep``?"""
    return any(r is not rep and r.article != rep.article and not r.earlier and consistent(r, rep)
               for r in fact.reports)


def _outlier_step(fact: Fact, rep: Report) -> Change | None | bool:
    """The outlier rule for counts that grow: a new report far above the current one is held
    (False: nothing to announce); a held report that the new one confirms becomes current; a
    current value far above the new report that no other article confirms was the outlier, and
    gives way. None: the rule does not apply."""
    cur = fact.current
    if cur is None or fact.metric not in GROWING:
        return None
    held = [r for r in fact.reports if r.held and r.article != rep.article and consistent(r, rep)]
    if held:  # a second report confirms a held one: the story's figure follows
        for r in held:
            r.held = False
        return _replace(fact, cur, rep, f"confirmed by {len(held) + 1} reports")
    if _far_above(rep, cur) and not _confirmed(fact, rep):
        rep.held = True
        return False
    if _far_above(cur, rep) and not _confirmed(fact, cur):
        cur.held = True
        return _replace(fact, cur, rep, f"{cur.label()} was one report's, unconfirmed")
    return None


def _replace(fact: Fact, old: Report, rep: Report, why: str) -> Change:
    fact.history.append({"value": old.label(), "source": old.source, "outlet": old.outlet, "article": old.article})
    fact.current = rep
    return Change("figure_changed", fact.key, f"{fact.label()}: {old.label()} → {rep.label()} ({_source(rep)}; {why})",
                  (_evidence(old), _evidence(rep)), {"metric": fact.metric, "old": _number(old), "new": _number(rep)})


def _support(fact: Fact, rep: Report) -> int:
    """How many articles report a value that agrees with ``rep`` (its own among them)."""
    return len({r.article for r in fact.reports if not r.earlier and not r.held and consistent(r, rep)})


def merge_figure(fact: Fact, rep: Report) -> Change | None:
    """Add one report to a figure fact; return the change an operator should hear of."""
    fact.reports.append(rep)
    if not rep.earlier:
        step = _outlier_step(fact, rep)
        if step is not None:
            return step or None
    if rep.earlier:
        fact.history.append({"value": rep.label(), "source": rep.source, "outlet": rep.outlet,
                             "article": rep.article, "earlier": True})
        return None
    cur = fact.current
    if cur is None:
        fact.current = rep
        return Change("figure_reported", fact.key, f"{fact.label()}: {rep.label()} ({_source(rep)})",
                      (_evidence(rep),))
    vague = cur.value is None and cur.qualifier not in ("at least", "more than", "between") and rep.value is not None
    if consistent(cur, rep) and not vague:
        # a value inside the current bounds is more precise: it becomes current, quietly
        if cur.qualifier != "exact" and rep.qualifier == "exact":
            fact.history.append({"value": cur.label(), "source": cur.source, "outlet": cur.outlet,
                                 "article": cur.article})
            fact.current = rep
        return None
    old = cur
    rises = (fact.metric in GROWING and rep.published >= old.published
             and (rep.lower or rep.value or 0) > (old.upper if old.upper is not None else old.value or 0))
    # agreement outweighs one report: a value several articles agree on does not give way to
    # one that fewer state (it is disputed), and gives way to one that more state
    backed, against = _support(fact, rep), _support(fact, old)
    agreed = fact.metric in GROWING and not rises and backed > against >= 1 and backed >= 2
    if (rises and backed >= against) or vague or agreed:
        why = f" (agreed by {backed} reports)" if agreed and not vague else ""
        fact.history.append({"value": old.label(), "source": old.source, "outlet": old.outlet,
                             "article": old.article})
        fact.current = rep
        return Change("figure_changed", fact.key,
                      f"{fact.label()}: {old.label()} → {rep.label()} ({_source(rep)}){why}",
                      (_evidence(old), _evidence(rep)),
                      {"metric": fact.metric, "old": _number(old), "new": _number(rep)})
    was = fact.disputed
    fact.disputed = True
    if was and any(consistent(r, rep) for r in fact.reports[:-1] if not r.earlier and not r.held):
        return None  # one more source for a side of a dispute already announced
    return Change("figure_disputed", fact.key,
                  f"{fact.label()} disputed: {old.label()} ({_source(old)}) vs {rep.label()} ({_source(rep)})",
                  (_evidence(old), _evidence(rep)))


def merge_attribution(fact: Fact, rep: Report) -> Change | None:
    """Add a report of who did it, who claims, who is blamed, who denies, or by what means."""
    first = not fact.reports
    fact.reports.append(rep)
    if fact.metric == "means":
        kinds = sorted({means_class(r.text) for r in fact.reports})
        if len(kinds) > 1 and not fact.disputed:
            fact.disputed = True
            seen = {}
            for r in fact.reports:
                seen.setdefault(means_class(r.text), r)
            parts = " vs ".join(f"{r.text} ({_source(r)})" for r in seen.values())
            return Change("figure_disputed", fact.key, f"Means of the attack disputed: {parts}",
                          tuple(_evidence(r) for r in seen.values()))
        if first:
            fact.current = rep
        return None
    if not first:
        return None
    fact.current = rep
    verb = {"claimed": "claims responsibility", "accused": "blamed", "suspected": "suspected",
            "denied": "denies any role", "carried_out": "carried it out"}.get(fact.metric, fact.metric)
    where = "" if fact.incident == "main" else " (related incident)"
    if fact.metric == "claimed" and rep.text == "no group":
        line = f"No group has claimed responsibility{where} ({_source(rep)})"
    elif fact.metric == "accused":
        line = f"{rep.text} blamed{where} by {rep.source or 'unnamed sources'} (via {rep.outlet})"
    else:
        line = f"{rep.text} {verb}{where} ({_source(rep)})"
    kind = "attribution_denied" if fact.metric == "denied" else "attribution_added"
    return Change(kind, fact.key, line, (_evidence(rep),))
