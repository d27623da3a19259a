"""A figure's reports over time as server-rendered SVG: no chart library, no script, no CDN.

One point per report (its value at its article's publication time), coloured by outlet, with
the source in the point's tooltip; the story's current value as a step line, replayed through
the ledger's own rule; a report that disagrees with the current value ringed in red. Pure.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime

from markupsafe import Markup, escape

from monitor.stories.ledger import Fact, Report, consistent, merge_figure

# Tableau 10: distinct for the colour-blind in the first few, readable on white
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
           "#bab0ac", "#e15759")
DISPUTE = "#d62728"
WIDTH, HEIGHT = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 34


@dataclass(frozen=True)
class Point:
    at: float  # the article's publication time (epoch seconds)
    value: int
    label: str  # as the ledger gives it: "25", "at least 4", "10-12"
    outlet: str
    source: str | None
    earlier: bool  # the article gives it as an earlier figure
    held: bool  # an outlier no other report confirms
    off: bool  # disagrees with the current value (a dispute)


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}


def _number(r: Report) -> int | None:
    return r.value if r.value is not None else r.lower


def points(fact: Fact) -> list[Point]:
    """The fact's reports that carry a number ("several" does not), in the order they came."""
    out = []
    for r in fact.reports:
        n = _number(r)
        if n is None:
            continue
        off = fact.current is not None and not r.earlier and not consistent(r, fact.current)
        out.append(Point(r.published, n, r.label(), r.outlet, r.source, r.earlier, r.held, off))
    return out


def steps(fact: Fact) -> list[tuple[float, int]]:
    """The story's current value after each report, replayed through ``merge_figure`` in the
    order the reports came: (time, value) corners of a step line. Time never runs back (a late
    article about an early day moves the line at the time it came, not before)."""
    replay = Fact(fact.key, fact.kind, fact.incident, fact.metric, fact.subject)
    out: list[tuple[float, int]] = []
    at = float("-inf")
    for r in fact.reports:
        merge_figure(replay, copy.copy(r))
        at = max(at, r.published)
        cur = replay.current
        n = _number(cur) if cur is not None else None
        if n is not None and (not out or out[-1][1] != n):
            out.append((at, n))
    return out


def _when(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%d %b %H:%M")


def _nice_top(v: int) -> int:
    """The y axis' top: a round number above the largest value."""
    if v <= 5:
        return 5
    step = 10 ** (len(str(v)) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if v * 1.1 <= m * step:
            return int(m * step)
    return int(10 * step)


def chart(fact: Fact, colours: dict[str, str], chart_id: str) -> Markup:
    """The fact's chart as an inline ``<svg>``: every string from an article escaped."""
    pts = points(fact)
    if not pts:
        return Markup("")
    line = steps(fact)
    t0 = min([p.at for p in pts] + [t for t, _ in line])
    t1 = max([p.at for p in pts] + [t for t, _ in line])
    if t1 - t0 < 3600:  # one moment: an hour either side
        t0, t1 = t0 - 3600, t1 + 3600
    top = _nice_top(max([p.value for p in pts] + [v for _, v in line]))
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(t: float) -> float:
        return LEFT + (t - t0) / (t1 - t0) * pw

    def y(v: float) -> float:
        return TOP + ph - v / top * ph

    parts = [f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img" aria-label="{escape(fact.label())} over time">']
    for v in (0, top / 2, top):  # axis and grid
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="tick">{v:g}</text>')
    for t, anchor in ((t0, "start"), (t1, "end")):
        parts.append(f'<text x="{x(t):.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}" class="tick">{_when(t)} UTC</text>')
    if line:  # the current value: a step line to the right edge
        d = f"M{x(line[0][0]):.1f},{y(line[0][1]):.1f}"
        for t, v in line[1:]:
            d += f" H{x(t):.1f} V{y(v):.1f}"
        d += f" H{x(t1):.1f}"
        parts.append(f'<path class="step" d="{d}" fill="none" stroke="#333" stroke-width="2"/>')
        parts.append(f'<text x="{x(t1):.1f}" y="{y(line[-1][1]) - 6:.1f}" text-anchor="end" class="now">'
                     f'now {line[-1][1]}</text>')
    for p in pts:
        tip = f"{p.label}: {p.source or 'unattributed'} ({p.outlet}, {_when(p.at)} UTC)"
        tip += " (an earlier figure)" if p.earlier else " (unconfirmed outlier)" if p.held else ""
        tip += " (disputes the current value)" if p.off else ""
        fill = "#fff" if p.earlier else colours.get(p.outlet, PALETTE[0])
        stroke = DISPUTE if p.off else colours.get(p.outlet, PALETTE[0])
        parts.append(f'<circle class="point{" disputed" if p.off else ""}" cx="{x(p.at):.1f}" cy="{y(p.value):.1f}" '
                     f'r="{7 if p.off else 5}" fill="{fill}" stroke="{stroke}" stroke-width="{3 if p.off else 2}" '
                     f'data-value="{p.value}" data-outlet="{escape(p.outlet)}" data-source="{escape(p.source or "")}">'
                     f'<title>{escape(tip)}</title></circle>')
    if fact.disputed:
        sides = sorted({p.label for p in pts if not p.earlier})
        parts.append(f'<text x="{LEFT + 6}" y="{TOP + 12}" class="dispute" fill="{DISPUTE}">DISPUTED: '
                     f'{escape(" vs ".join(sides))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
