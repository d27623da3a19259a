"""The days an article says its event happened on: "on Friday", "Saturday night", "Jan. 27".

Matching compares them: two shootings in one city a week apart read alike but happened on
different days, and a follow-up weeks later ("the Jan. 27 shooting") names the day of its
event. A weekday is the last such day on or before publication; a month and day without a year
is in the publication's year, or the year before when that would put it more than two days in
the future. A day named as when something was said ("police said Monday") or as when something
followed ("was charged Monday", "a hearing Tuesday") is not the event's, unless the text ties it
to the event ("the March 11 shooting"); such days come first.
Pure: text and publication time in, day numbers (days since 1970-01-01, UTC) out.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from monitor.extract.lexicon import SPEECH_BEFORE_EVENT_DAY

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))}
_DATE = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"|\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b"
                   r"(?:,?\s*(?P<y>(?:19|20)\d\d)\b)?(?P<dateline>\)?\s*[-–—])?")
# A day named for what followed the event (an arrest, a court date, a news conference, a
# warning issued) is not the event's: follow-ups name these first ("was charged Monday in the
# March 11 shooting")
_AFTERMATH = re.compile(r"\b(?:charged|arrested|arraigned|indicted|sentenced|convicted|filed|scheduled|hearing|trial|"
                        r"court|bond|custody|turned (?:himself|herself) in|surrendered|booked|conference|"
                        r"announcement|issued|expiring)\b[^.]{0,30}$", re.IGNORECASE)
# ... and a day the text ties to the event itself ("the March 11 shooting") comes first
# ("Saturday night's shooting", "the Oct. 20 drive-by shooting"; not "charged Monday with murder")
_EVENT_NOUN = re.compile(r"\s*(?:'s|’s)?\s*(?:(?!(?:with|in|of|for|on|at|after|before|and|to|from|by)\b)[\w-]+\s+){0,2}?"
                         r"(?:shooting|killing|slaying|homicide|murder|attack|bombing|blast|explosion|strike|raid|"
                         r"ambush|massacre|stabbing|crash|fire|incident|rampage|gunfight|shootout)s?\b", re.IGNORECASE)
EVENT_DAY_LEAD = 800  # characters: where an article says when its event happened
EPOCH = date(1970, 1, 1)


def event_days(text: str, published: float, limit: int = 2) -> tuple[int, ...]:
    """Up to ``limit`` event days named in the lead of ``text``: those the text calls the
    event's ("the Jan. 27 shooting") first, then the others in text order."""
    base = datetime.fromtimestamp(published, UTC).date()
    tied: list[int] = []
    out: list[int] = []
    for m in _DATE.finditer(text[:EVENT_DAY_LEAD]):
        before = text[max(0, m.start() - 40):m.start()]
        tied_here = _EVENT_NOUN.match(text, m.end()) is not None
        if not tied_here and (SPEECH_BEFORE_EVENT_DAY.search(before) or _AFTERMATH.search(before)):
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
        found = tied if tied_here else out
        if n not in found:
            found.append(n)
    return tuple(dict.fromkeys(tied + out))[:limit]


def same_event_day(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int], slack: int = 1) -> bool | None:
    """True when the two name a common day (within ``slack``: "late Friday" is early Saturday's
    news), False when both name days and none is common, None when either names none."""
    if not a or not b:
        return None
    return any(abs(x - y) <= slack for x in a for y in b)
