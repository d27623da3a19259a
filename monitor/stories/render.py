"""A story as text for people: the CLI's table and the demo's summary."""

from __future__ import annotations

from monitor.stories.story import Story


def table(rows: list[list[str]], header: list[str]) -> str:
    """Rows under a header, in columns as wide as their widest cell."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)] if rows else [len(h) for h in header]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*header), fmt.format(*["-" * w for w in widths])] +
                     [fmt.format(*[str(x) for x in r]) for r in rows])


def story_text(story: Story) -> str:
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
        rows.append([f.label()[:40], cur, "DISPUTED" if f.disputed else "", by_src[:90], hist[:30]])
    if rows:
        lines.append("")
        lines.append(table(rows, ["fact", "current", "", "reports (source, outlet)", "history"]))
    return "\n".join(lines)
