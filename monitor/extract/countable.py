"""Whether a number written in a sentence can be a count of people or things at all.

News copy is full of numbers that count nothing: years ("a 2014 shooting"), clock times
("02:52"), dates, ages ("a 20-year-old", "Smith, 24,"), addresses ("the 4700 block",
"2600 Cedar Ave."), phone numbers ("855-TIPS-247", "a 911 caller"), scores ("a 3-2 win"), statute
and case numbers ("section 12022"), ordinals ("the city's 52nd homicide"), durations ("80
hours") and populations a count is taken out of ("four of the 75 inside"). ``not_a_count`` says
which of these a number is, from the words around it; the figure readers drop such numbers
before they become counts. Pure.
"""

from __future__ import annotations

import re

from monitor.extract.numbers import QUALIFIERS

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
_PEOPLE = r"(?:people|persons|victims|residents|students|children|kids|officers|soldiers|men|women)"
_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|"
           r"Parkway|Pkwy|Terrace|Ter|Circle|Cir|Square|Sq|Trail|Pike|Alley)\b")

# (reason, the text just before the number must match, the text just after must match); None: any
_RULES: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    ("clock time", None, re.compile(r"^(?::\d\d|\s*(?:a\.m\.?|p\.m\.?|am|pm|o'clock)\b|\s*(?:hours|hrs)\s+(?:GMT|local)"
                                    r"|\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT)\b|\s+local\s+time\b)", re.IGNORECASE)),
    ("clock time", re.compile(r"\d:$"), None),
    ("date", re.compile(rf"{_MONTH}\s*$"), None),
    ("date", None, re.compile(rf"^(?:\s+{_MONTH}|/\d|(?:st|nd|rd|th)?\s+of\s+{_MONTH})")),
    ("ordinal", None, re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)),
    ("age", None, re.compile(r"^(?:\s*|-)(?:years?|yrs?|months?|weeks?)[- ]old\b|^\s*years?\s+of\s+age\b", re.IGNORECASE)),
    ("age", re.compile(r"\b(?:aged?|ages(?:\s+of)?|ages\s+between|ages\s+of\s+between)\s+$"
                       r"|\bages?\s+(?:of\s+)?(?:between\s+)?\d+\s*(?:and|to|-|–)\s*$", re.IGNORECASE), None),
    ("age", re.compile(r"\b[A-Z][a-z'’-]+,\s*$"), re.compile(r"^\s*,")),  # "John Smith, 24, of Dayton"
    ("age", re.compile(r"\(\s*$"), re.compile(r"^\s*\)")),  # "John Smith (24)"
    ("address", None, re.compile(rf"^\s+(?:block|blk)\b|^\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?"
                                 rf"(?:[A-Z0-9][\w'’.-]*\s+){{1,3}}{_STREET}")),
    ("address", re.compile(r"\b(?:Route|Highway|Hwy|Interstate|I-|US|State Road|County Road|Suite|Apt\.?|Apartment|"
                           r"Room|Unit|Box)\s*$"), None),
    ("phone number", None, re.compile(r"^[-.]\d{3}[-.]\d{4}\b|^[-.]\d{4}\b|^-[A-Z]{4}|^\)\s*\d{3}[-.]\d{4}")),
    ("phone number", re.compile(r"(?:\b\d{3}[-.]|\(\d{3}\)\s*|\b1-)$"), None),
    ("score", None, re.compile(r"^\s*[-–]\s*\d+\s+(?:win|victory|loss|defeat|lead|score|decision|vote|ruling)\b",
                               re.IGNORECASE)),
    ("statute or case number", re.compile(r"\b(?:section|sec\.|§|statute|code|case|docket|file|No\.|number|#|"
                                          r"Channel|Fox|ABC|CBS|NBC|News|Flight|Precinct|District|Ward|Station|"
                                          r"Engine|Ladder|Unit|Badge|Squad|Car)\s*$", re.IGNORECASE), None),
    ("duration", None, re.compile(r"^(?:\s+|-)(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?)\b",
                                  re.IGNORECASE)),
    ("population", re.compile(r"\b(?:among|out\s+of(?:\s+the)?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|all|"
                              r"some|most|many|none)\s+(?:\w+\s+)?(?:of|among)\s+the)\s+"
                              r"(?:(?:about|some|roughly|nearly|more\s+than)\s+)?$", re.IGNORECASE), None),
    ("measure", None, re.compile(r"^(?:\s*|-)(?:feet|foot|ft|inch(?:es)?|miles?|mph|yards?|meters?|metres?|km|pounds?|"
                                 r"lbs?|caliber|calibre|mm|gauge|percent|per\s+cent|%)\b", re.IGNORECASE)),
    ("money", re.compile(r"[$€£]\s*$"), None),
)


_EMERGENCY = re.compile(r"^\s+(?:call(?:er|s|ed)?|dispatch\w*|operator|center|centre|line|system|tapes?|recordings?)\b",
                        re.IGNORECASE)


def _year(token: str, after: str) -> bool:
    """A bare four-digit number from 1900 to 2099 is a year, unless people follow it."""
    return (len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2099
            and not re.match(rf"\s+(?:\w+\s+)?{_PEOPLE}\b", after, re.IGNORECASE))


def not_a_count(text: str, start: int, end: int) -> str | None:
    """Why the number at ``text[start:end]`` counts nothing (a year, a clock time, an age ...), or
    None when it can be a count."""
    token = text[start:end]
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    if _year(token, after):
        return "year"
    if token in ("911", "999", "112", "311") and _EMERGENCY.match(after):
        return "phone number"  # "a 911 caller"
    for reason, pre, post in _RULES:
        if (pre is None or pre.search(before)) and (post is None or post.search(after)):
            return reason
    return None


# a figure's span may open with its qualifier ("at least 25"): the number follows it
_LEADING_DIGITS = re.compile(r"(?:(?:" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
                             + r")\s+)?(\d[\d,]*)", re.IGNORECASE)


def uncountable_lead(text: str, start: int, end: int) -> str | None:
    """The reason the number a figure's span opens with ("911 caller", "75 inside") is no count,
    if it is none. A span that opens with a word ("a 31-year-old man and a girl", "killing his
    five children") is not judged here: its count is not a written number."""
    m = _LEADING_DIGITS.match(text, start, end)
    return not_a_count(text, m.start(1), m.end(1)) if m else None
