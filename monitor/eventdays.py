"""The days an article says its event happened on: "on Friday", "Saturday night", "Jan. 27".

Matching compares them: two shootings in one city a week apart read alike but happened on
different days, and a follow-up weeks later ("the Jan. 27 shooting") names the day of its
event. A weekday is the last such day on or before publication; a month and day without a year
is in the publication's year, or the year before when that would put it more than two days in
the future. A day named as when something was said ("police said Monday") is not the event's.
Pure: text and publication time in, day numbers (days since 1970-01-01, UTC) out.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))}
_DATE = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"|\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b"
                   r"(?:,?\s*(?P<y>(?:19|20)\d\d)\b)?(?P<dateline>\)?\s*[-–—])?")
_SPEECH = re.compile(r"\b(?:said|says|told|announced|released|identified|reported|posted|updated|published)\b"
                     r"[^.]{0,30}$", re.IGNORECASE)
LEAD = 800  # characters: where an article says when its event happened
EPOCH = date(1970, 1, 1)


def event_days(text: str, published: float, limit: int = 2) -> tuple[int, ...]:
    """Up to ``limit`` event days named in the lead of ``text``."""
    base = datetime.fromtimestamp(published, UTC).date()
    out: list[int] = []
    for m in _DATE.finditer(text[:LEAD]):
        if _SPEECH.search(text[max(0, m.start() - 40):m.start()]):
            continue
        if m.group("day"):
            day = base - timedelta(days=(base.weekday() - _DAYS.index(m.group("day").lower())) % 7)
        else:
            if m.group("y") and m.group("dateline"):
                continue  # "INDIANAPOLIS (Jan. 8, 2016) –": when the story was filed
            month, dom = _MONTHS[m.group("mon").lower()[:3]], int(m.group("d"))
            try:
                day = date(int(m.group("y") or base.year), month, dom)
                if not m.group("y") and day > base + timedelta(days=2):
                    day = date(base.year - 1, month, dom)
            except ValueError:
                continue  # "Feb 30"
        n = (day - EPOCH).days
        if n not in out:
            out.append(n)
        if len(out) >= limit:
            break
    return tuple(out)


def same_event_day(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int], slack: int = 1) -> bool | None:
    """True when the two name a common day (within ``slack``: "late Friday" is early Saturday's
    news), False when both name days and none is common, None when either names none."""
    if not a or not b:
        return None
    return any(abs(x - y) <= slack for x in a for y in b)
