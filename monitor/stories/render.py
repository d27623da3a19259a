"""A story as text for people: the CLI's table and the demo's summary."""

from __future__ import annotations

from monitor.stories.story import Story


def table(rows: list[list[str]], header: list[str], width: int | None = None) -> str:
    """Rows under a header, in columns as wide as their widest cell. With ``width`` (a terminal's),
    the widest columns give way until the table fits, and a cut cell ends in "…"."""
    cells = [[str(x) for x in r] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(header, *cells, strict=False)] if cells else [len(h) for h in header]
    if width:
        budget = width - 2 * (len(widths) - 1)
        while sum(widths) > budget:
            i = max(range(len(widths)), key=lambda j: widths[j])
            if widths[i] <= max(len(header[i]), MIN_COLUMN):
                break  # as narrow as a column gets: the line wraps rather than lose the columns
            widths[i] -= 1

    def line(r: list[str]) -> str:
        return "  ".join(_cut(x, w).ljust(w) for x, w in zip(r, widths, strict=False)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in cells])


MIN_COLUMN = 8


def _cut(x: str, w: int) -> str:
    return x if len(x) <= w else x[:max(w - 1, 0)] + "…"


def story_text(story: Story, width: int | None = None) -> str:
    """A story and its ledger as a readable table (`newsmon stories show`, the demo's summary)."""
    sm = story.summary()
    lines = [f"{story.id}  {story.title}",
             f"  articles: {len(story.articles)} ({', '.join(story.outlets)})",
             f"  actors:   {', '.join(sm['actors']) or '-'}",
             f"  killed: {sm['killed'] if sm['killed'] is not None else '-'}   injured: {sm['injured'] if sm['injured'] is not None else '-'}"]
    rows = []
    for f in story.facts.values():
        by_src = "; ".join(sorted({f"{r.label()} ({r.source or 'unattributed'}, {r.outlet})" for r in f.reports}))
        hist = ", ".join(h["value"] for h in f.history) or "-"
        cur = f.current.label() if f.current else "-"
        rows.append([f.label(), cur, "DISPUTED" if f.disputed else "", by_src, hist])
    if rows:
        lines.append("")
        lines.append(table(rows, ["fact", "current", "", "reports (source, outlet)", "history"], width))
    return "\n".join(lines)
