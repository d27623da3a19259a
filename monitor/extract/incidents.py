"""Sentences, and the incident each speaks of: the article's own, a related one, or background.

Pure functions over a string; spans are offsets into the text given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.lexicon import CONTENT_STOPWORDS, SPEECH_BEFORE_DAY
from monitor.ingest.cleaning import content_spans, is_boilerplate
from monitor.models import Span


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z0-9])")
_ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|Sgt|Lt|Col|Gen|Capt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec|No|U\.S|U\.N|[A-Z]|"
                     # and the titles of wire copy in capitals: "AFTER NOTICING THAT MR. PEREZ WAS ABOARD"
                     r"MR|MRS|MS|DR|SGT|LT|COL|GEN|CAPT|MSGR|MAJ|CPL|SEN|GOV|PROF|REV)\.$")


def sentences(text: str, spans: list[Span] | None = None) -> list[Sentence]:
    """Split the given paragraph spans (default: the content paragraphs) into sentences."""
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(spans if spans is not None else content_spans(text)):
        start = ps
        para = text[ps:pe]
        for m in _SPLIT.finditer(para):
            cut = ps + m.start()
            if _ABBREV.search(text[start:cut]):
                continue
            out.append(_sentence(text, start, cut, p))
            start = ps + m.end()
        out.append(_sentence(text, start, pe, p))
    return [s for s in out if s.text.strip() and not is_boilerplate(s.text)]


def _sentence(text: str, start: int, end: int, p: int) -> Sentence:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], p)


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_TIME_REF = re.compile(
    rf"\b(?P<day>{_DAY})(?:['’]s)?\b(?!,?\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\.?\s+\d|\d{{1,2}}/))"
    rf"|\b(?P<month>(?i:in|on|since|during|last|early|late|mid-?)\s+(?i:the\s+\w+\s+(?:day|week)\s+of\s+)?{_MONTH})\b"
    rf"|\b(?P<rel>(?i:last (?:week|month|year|spring|summer|autumn|fall|winter)|earlier this (?:month|year)"
    rf"|in the last (?:\w+ )?(?:weeks|months|years)|in (?:19|20)\d\d|since (?:19|20)\d\d"
    rf"|(?:spring|summer|autumn|fall|winter) of (?:19|20)\d\d"
    rf"|(?:so far )?this (?:year|month)|in recent (?:years|months)|(?:a|one|two|three|\d+) (?:years?|months?) ago))\b"
    rf"|\b(?P<recent>(?i:(?:recent|previous|prior|earlier)\s+(?:\w+\s+){{0,2}}(?:attacks|strikes|shootings|incidents|bombings)))\b",
)
EARLIER = re.compile(r"^\s*(earlier|initially|previously)\b|\b(had earlier|earlier reported|"
                      r"initially reported|previously reported|had said|earlier said|earlier put)\b",
                      re.IGNORECASE)


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", s) if w not in CONTENT_STOPWORDS}


_LINK_CUE = re.compile(r"\b(?:in response|respond\w*|retaliat\w+|follow\w*|after|prompted|accused|blamed|revenge|"
                       r"recent)\b", re.IGNORECASE)
_EVENT_WORDS = {"killed", "killing", "injured", "injuring", "wounded", "wounding", "dead", "died", "deadly"}


def _anchor_words(text: str) -> set[str]:
    return _content_words(text) - _EVENT_WORDS


def incident_tags(sents: list[Sentence], title: str = "") -> list[list[tuple[int, str]]]:
    """For each sentence, the incident of each stretch: [(offset, tag), ...] in order.

    Tags: "main" (the article's own incident), "related" (the one other dated incident the
    article links to it: "in response to Friday's attack", "recent KH strikes"), "background"
    (months, years, past series, and any other dated event). The main incident's day is the
    first day named outside speech in the title or lead. The related incident is set by the
    first sentence that names another day with a linking cue; a later sentence naming that day
    stays related only if it shares a word with what was said of it, so that a second event on
    the same weekday ("last Saturday, an airstrike in Damascus") is background. A sentence
    without a time reference continues its predecessor's incident within a paragraph, or
    across one when it picks up a word of it ("the base"); otherwise it is main.
    """
    main_day: str | None = None
    for m in _TIME_REF.finditer(title):
        if m.group("day"):
            main_day = m.group("day")
            break
    related_day: str | None = None
    related_words: set[str] = set()
    tags: list[list[tuple[int, str]]] = []
    prev_tag, prev = "main", None
    for s in sents:
        refs: list[tuple[int, str]] = []
        words = _anchor_words(s.text)
        for m in _TIME_REF.finditer(s.text):
            if SPEECH_BEFORE_DAY.search(s.text[: m.start()]):
                continue
            if m.group("recent"):
                refs.append((m.start(), "related"))  # "recent KH strikes included ...": the prompting attack
                related_words |= words
            elif m.group("day"):
                day = m.group("day")
                if main_day is None:
                    main_day = day
                if day == main_day:
                    refs.append((m.start(), "main"))
                elif related_day is None and _LINK_CUE.search(s.text):
                    related_day = day
                    related_words |= words
                    refs.append((m.start(), "related"))
                elif day == related_day and words & related_words:
                    related_words |= words
                    refs.append((m.start(), "related"))
                else:
                    refs.append((m.start(), "background"))
            else:
                refs.append((m.start(), "background"))
        if not refs:
            if prev is not None and prev_tag != "main" and (
                s.paragraph == prev.paragraph or _content_words(s.text) & _content_words(prev.text)
            ):
                refs = [(0, prev_tag)]
                if prev_tag == "related":
                    related_words |= words
            else:
                refs = [(0, "main")]
        tags.append(refs)
        prev_tag, prev = refs[-1][1], s
    return tags


def tag_at(refs: list[tuple[int, str]], pos: int) -> str:
    """The incident of the time reference nearest to pos in its sentence."""
    return min(refs, key=lambda r: abs(r[0] - pos))[1]


# A count over a period or across incidents, not of one incident: "74 people shot since Wednesday",
# "so far this year", "in 2015", "across the city", "in two separate shootings", "brought to 20
# the number of people shot". Read in the clause that holds the count.
_AGGREGATE = re.compile(
    r"\b(?:since\s+(?:(?:last|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December|the\s+(?:start|beginning)|"
    r"\d{4})"
    r"|so\s+far\s+(?:this|in)\b|(?:this|last|past)\s+year\b|in\s+(?:19|20)\d\d\b|year[- ]to[- ]date|to\s+date\b"
    r"|(?:this|last|over\s+the|during\s+the|over\s+a|the\s+past)\s+(?:[\w'’-]+\s+){0,4}?(?:weekend|month|year)s?\b"
    r"|in\s+(?:gun\s+)?violence\b"
    r"|over\s+the\s+(?:past|last)\s+(?:\w+\s+){0,2}(?:hours|days|weeks|months|years)\b|in\s+a\s+span\s+of\b"
    r"|across\s+the\s+(?:city|county|state|country|region|nation)\b|citywide|statewide|nationwide"
    r"|in\s+(?:\w+\s+)?(?:separate|different|unrelated)\s+(?:incidents|shootings|attacks)\b"
    r"|in\s+(?:(?:more\s+than|over|at\s+least|some|about)\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d[\d,]*|several|multiple|dozens\s+of|hundreds\s+of)\s+(?:\w+\s+)?"
    r"(?:incidents|shootings|attacks|clashes|battles|engagements|skirmishes|operations)\b"
    r"|\bin\s+(?:[A-Za-z]+\s+)?shootings\b(?<!the\sshootings)"  # "in weekend shootings": several, a round-up
    r"|other\s+parts\s+of\s+the\s+(?:country|city|region|state|province)\b"
    r"|the\s+(?:total\s+)?number\s+of\s+(?:people|victims|persons|homicides|shootings)\b|(?:per|a)\s+(?:year|day)\b"
    r"|annually|every\s+year"
    # a period of days or years, a year, a span of dates: "in the last 24 days", "during 1990",
    # "from 11 November 1989 to 30 January 1990", "up until this morning"
    r"|(?:in|during|over|for|within)\s+(?:the\s+)?(?:last|past|first|previous)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hours|days|weeks|months|years|decades?)\b"
    r"|(?:during|through|throughout)\s+(?:19|20)\d\d\b|\bup\s+(?:until|to)\s+(?:now|today|this\s+\w+)\b"
    r"|from\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s+(?:to|until|through)\b"
    # a war, a conflict, a campaign: a toll across many incidents
    r"|(?:years?|decades?)\s+(?:of|in)\s+(?:\w+\s+)?(?:war|conflict|insurgency|fighting|violence)\b|for\s+a\s+decade\b"
    r"|(?:\d+|one|two|three|four|five|six|ten)-(?:day|week|month|year)(?:-long|-old)?\s+(?:\w+\s+)?(?:civil\s+)?"
    r"(?:war|conflict|insurgency|uprising|rebellion|battle|offensive|campaign|siege|fighting)\b"
    r"|civil\s+war\b|armed\s+conflict\b"
    r"|(?:the|an?|its|their|this|rebel|guerrilla|military|army|national|final|major|ground|\w+['’]s)\s+offensive\b)",
    re.IGNORECASE)
_CLAUSE_EDGE = re.compile(r"[;:(\u2014\u2013]|,\s+(?=(?:which|marking|making|bringing|and|but|while|the\s+city's)\b)")


def aggregate_at(text: str, pos: int) -> bool:
    """Is the count at ``pos`` one over a period or across incidents (a statistic, a round-up)?"""
    # (an aside closed before the count does not start its clause: "24 days, 1,853 (FMLN) rebels
    # and 457 soldiers" is one clause)
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, pos)
              if m.group() != "(" or ")" not in text[m.end():pos]), default=0)
    nxt = _CLAUSE_EDGE.search(text, pos)
    return bool(_AGGREGATE.search(text, lo, nxt.start() if nxt else len(text)))
