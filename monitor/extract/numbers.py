"""Numbers as news writes them: digits, words, dozens, ranges and their qualifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}

_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_WORD_NUM = rf"{_WORD}(?:[- ]{_WORD})?(?:\s+(?:hundred|thousand|million|billion|trillion))?"
# a small count as news writes it, in digits or words ("13", "thirteen", "twenty-five"): one
# capturing-free alternation for other modules' patterns; word_value reads it
SMALL_COUNT = rf"(?:\d{{1,3}}|{_WORD}(?:-{_WORD})?)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand))?|\d+(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand))?"
_CORE = rf"(?:{_DIGITS}|{_WORD_NUM}|(?:a|one|two|three|four|five|half a)\s+dozen|dozens|scores|several|a few|a handful of|hundreds|thousands)"

QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "up to": "up to", "as many as": "up to", "fewer than": "less than",
    "less than": "less than", "at most": "up to", "no fewer than": "at least",
}
_QUAL = r"(?:" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")"

# A whole number expression: optional qualifier, a core, optional range or "-plus".
NUMBER = re.compile(
    rf"(?<![\w.])(?:(?P<qual>{_QUAL})\s+)?(?:between\s+(?P<lo>{_CORE})\s+and\s+(?P<hi>{_CORE})"
    rf"|(?P<core>{_CORE})(?:\s*(?:-|–|to)\s*(?P<hi2>{_CORE}))?(?P<plus>-?plus|\+)?)(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    value: int | None
    lower: int | None
    upper: int | None
    qualifier: str


def word_value(text: str) -> int | None:
    """'twenty-five' -> 25, '1,200' -> 1200, '1.2 million' -> 1200000, 'two dozen' -> 24."""
    t = text.lower().strip().replace("–", "-")
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s+(million|billion|trillion|thousand)", t)
    if m:
        return int(float(m.group(1).replace(",", "")) * _SCALES[m.group(2)])
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", t):
        return None  # a decimal is not a count
    m = re.fullmatch(r"(a|one|two|three|four|five|half a)\s+dozen", t)
    if m:
        return {"a": 12, "one": 12, "half a": 6}.get(m.group(1), (_UNITS.get(m.group(1)) or 0) * 12)
    total, current = 0, 0
    for part in re.split(r"[- ]+", t):
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


_VAGUE = {
    "dozens": (24, None), "scores": (40, None), "several": (2, None), "a few": (2, None),
    "a handful of": (2, None), "hundreds": (200, None), "thousands": (2000, None),
}


def quantity(m: re.Match[str]) -> Quantity | None:
    """Turn a NUMBER match into a value or bounds with a qualifier."""
    qual = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
    if m.group("lo"):
        lo, hi = word_value(m.group("lo")), word_value(m.group("hi"))
        if lo is None or hi is None:
            return None
        return Quantity(None, lo, hi, "between")
    core = m.group("core").lower()
    if core in _VAGUE:
        lo, hi = _VAGUE[core]
        return Quantity(None, lo, hi, core)
    v = word_value(core)
    if v is None:
        return None
    if m.group("hi2"):
        hi = word_value(m.group("hi2"))
        if hi is not None and hi > v:
            return Quantity(None, v, hi, "between")
    if m.group("plus"):
        return Quantity(None, v, None, "at least")
    bounds = {
        "exact": (v, v), "at least": (v, None), "more than": (v + 1, None), "nearly": (None, v),
        "about": (None, None), "up to": (None, v), "less than": (None, v - 1),
    }
    lo, hi = bounds.get(qual, (None, None))
    if qual == "exact":
        return Quantity(v, v, v, qual)
    return Quantity(v, lo, hi, qual)
