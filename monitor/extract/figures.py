"""Figures and attributions from an article's text.

Pure functions over a string. Every figure and attribution keeps its character span into the
text it was given. Sentences are tagged with the incident they speak of (monitor.extract.incidents),
sources come from monitor.extract.sources, responsibility from monitor.extract.responsibility; this module
finds the figures and puts the article together.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from monitor.extract.actors import names_as_actors
from monitor.extract.countable import uncountable_lead
from monitor.extract.incidents import EARLIER, Sentence, aggregate_at, incident_tags, sentences, tag_at
from monitor.extract.lexicon import means_class
from monitor.extract.numbers import NUMBER, Quantity, quantity, word_value
from monitor.extract.perpetrators import NEGATION, aliases, clash, group_phrase, perpetrators
from monitor.extract.quotes import quotations, quote_at
from monitor.extract.responsibility import all_caps, attributions_in
from monitor.extract.sources import PRONOUNS, sentence_sources
from monitor.extract.syntax import Ask, figure_sources, worth_parsing
from monitor.models import Attribution, Extraction, Figure, Source, Span

__all__ = ["extract", "means_class", "sentences", "totals"]


# ---------------------------------------------------------------- figures

_NUM = NUMBER.pattern.replace("(?P<", "(?P<n_")  # a copy whose groups do not clash
_METRIC_VERBS = [
    ("killed", r"killed|dead|died|slain|shot dead|shot to death|stabbed to death|beaten to death|gunned down|murdered|"
               r"lost their lives|perished|fatally (?:shot|wounded|injured|stabbed)"),
    ("injured", r"injured|wounded|hurt|hospitali[sz]ed|(?:shot and )?wounded|treated for (?:\w+ )?(?:wounds|injuries)"),
    ("missing", r"missing|unaccounted for"),
    ("kidnapped", r"kidnapped|abducted|taken hostage|seized"),
    ("arrested", r"arrested|detained|taken into custody|in custody"),
    ("displaced", r"displaced|evacuated|forced from their homes|fled their homes"),
]
_VERB_METRIC = {}
for _m, _v in _METRIC_VERBS:
    for _w in _v.split("|"):
        _VERB_METRIC[_w] = _m
_ANY_VERB = "|".join(v for _, v in _METRIC_VERBS)
_SUBJ = (r"(?P<subj>(?:(?!(?:were|was|are|is|have|has|had|and|in|when|after|before|as|who|he|she|they|it|"
         r"shortly|just|until|since)\b)[A-Za-z][\w.'’-]*\s+"
         r"|and\s+(?=(?-i:[A-Z][a-z]))){0,5}?)")
_AUX = r"(?:(?:were|was|are|is|have been|has been|had been|have|has|had|being|got|been)\s+)?(?:(?:also|reportedly|later|all|both|critically|seriously|fatally|believed|confirmed|shot|stabbed)\s+(?:and\s+)?)*(?:to have been\s+)?"

# "25 people were killed", "51 injured", "Twenty-five fighters were killed", "25 dead"
_P_NUM_VERB = re.compile(rf"{_NUM}\s+{_SUBJ}{_AUX}(?P<verb>{_ANY_VERB})\b", re.IGNORECASE)
# "killing one US military contractor", "wounding 51", "injured four other US service members",
# a headline's "kills 2, wounds 3"
_P_VERB_NUM = re.compile(
    rf"\b(?P<verb>killing|killed|kills|wounding|wounded|wounds|injuring|injured|injures|kidnapping|abducting|arresting|"
    rf"arrested|displacing|displaced|evacuating|evacuated)\s+(?:his\s+|her\s+|their\s+)?{_NUM}(?P<subj>(?:\s+(?!and\b|in\b|on\b|at\b)[A-Za-z][\w.'’-]*){{0,4}})",
    re.IGNORECASE,
)
# "left several US service members with light injuries", "leaving two people in critical condition"
_P_LEFT = re.compile(
    rf"\b(?:left|leaving|leaves)\s+{_NUM}\s+(?P<subj>(?:[A-Za-z][\w.'’-]*\s+){{0,4}}?)(?:(?P<k>dead)\b|"
    rf"(?:with|in)\s+(?:\w+\s+){{0,2}}?(?:injuries|wounds|critical condition|serious condition|hospital)\b)",
    re.IGNORECASE)
# "the death toll ... stands at 25", "raising the toll to 12"
_P_TOLL = re.compile(
    rf"\b(?:death toll|toll(?![- ]free)|number of (?:dead|deaths|people killed)|fatalities)\b[^.;]{{0,140}}?"
    rf"\b(?:at|to|of|is|was|reached|hit)\s+{_NUM}", re.IGNORECASE)
# "claimed the life of a US civilian contractor", "the death of a U.S. citizen"
_P_LIFE = re.compile(
    r"\b(?:claimed the lives? of|took the lives? of|the deaths? of|resulted in the death of)\s+"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<subj>(?:[\w.'’-]+\s+){0,3}?"
    r"(?:man|woman|boy|girl|child|person|citizen|contractor|soldier|officer|civilian|people|"
    r"children|soldiers|officers|civilians|men|women))\b", re.IGNORECASE)
# "charged with two counts of murder", "three first-degree murder counts": a count per victim
_P_COUNTS = re.compile(
    rf"{_NUM}\s+(?:(?:\w+-degree|capital|felony)\s+)?(?:counts?\s+of\s+(?:(?:\w+-degree|capital|felony)\s+)?"
    rf"(?:murder|homicide|manslaughter)|(?:murder|homicide|manslaughter)\s+counts?)\b", re.IGNORECASE)
# One victim at a time: "a man was shot and killed", "Name, 21, died after being shot",
# "police shot and killed a suspect", "was taken to a hospital in critical condition".
_I = re.IGNORECASE
_S_NEG = re.compile(r"\b(?:no one|nobody|none|no other|no (?:injuries|one else|officers?|bystanders?|deputies|"
                    r"students|customers|employees)|(?:was|were) not (?:injured|hurt|wounded|struck|hit|shot)|"
                    r"unharmed|uninjured|escaped injury|without injur)", _I)
_S_KILLED = re.compile(
    r"\b(?:was|were|been|is|being|are|got)\s+(?:\w+\s+){0,2}?(?:shot and killed|fatally (?:shot|wounded|stabbed|"
    r"injured|struck)|shot dead|shot to death|killed|slain|murdered|gunned down|found (?:shot )?dead|found shot to death|"
    r"pronounced dead|stabbed to death|beaten to death)\b"
    r"|\b(?:died|dies|has died|later died|succumbed|was dead|were dead|is dead|lay dead|dead on arrival|dead at the scene)\b"
    r"|\b(?:shot and killed|fatally shot|fatally shooting|shooting and killing|gunned down|shot to death|shot dead)"
    r"\s+(?:a|an|the|his|her|their|another|one|"
    r"[A-Z][a-z]+|\d+-year-old)\b"
    r"|\bshot,?\s+(?:and\s+)?killed\b|\b(?:fatal shooting|shooting death|homicide|murder(?:ed)?|slaying)\b"
    r"|\b(?:(?:a|the|his|her)\s+(?:\w+\s+){0,2}?body|bodies|remains)\b(?=[^.]{0,80}\b(?:found|discovered|gunshot|shot))", _I)
_S_NOUN_DEAD = re.compile(r"\b(?:man|woman|boy|girl|teen|teenager|juvenile|person|victim|child|driver|motorist|"
                          r"student|officer)\s+(?:found\s+)?dead\b(?!\s+(?:end|zone|heat|serious))", _I)
_S_NOT_KILLED = re.compile(r"\b(?:attempt(?:ed)? (?:(?:criminal|first|second|third|[\w-]+-degree)[- ]){0,2}(?:murder|homicide)|homicide (?:unit|division|detectives?|squad|bureau|"
                           r"investigators?)|murder (?:charges?|rate)|conspiracy to commit murder)\b", _I)
_S_NOBODY = re.compile(r"\b(?:no one|nobody|none)\W*$", _I)  # "nobody died", '"Nobody died'
_S_SUICIDE = re.compile(r"\b(?:(?:killed|turned the gun on)\s+(?:himself|herself)|took (?:his|her) own life|"
                        r"murder-suicide|committed suicide|killing himself|killing herself|"
                        r"(?:used|turned) the (?:gun|weapon) (?:to shoot|on) (?:himself|herself)|"
                        r"(?:shot|shooting|shoots|shoot)\s+(?:himself|herself|self)|self-inflicted)\b", _I)
# "killed four classmates and himself", "killing 2, then himself": the shooter among the dead
_S_AND_SELF = re.compile(r"\b(?:kill(?:ed|ing|s)|fatally shot|shot and killed)\s+[^.;]{1,60}?"
                         r"(?P<self>(?:,\s*|\s+)(?:and|then)\s+(?:then\s+)?(?:himself|herself))\b", _I)
# "a boy shot himself in the leg" is an injury unless the sentence says he died
_S_SELF_ONLY = re.compile(r"\b(?:shot|shooting|shoots|shoot)\s+(?:himself|herself|self)\b|self-inflicted", _I)
_S_DEATH = re.compile(r"\b(?:died|dies|dead|death|fatal\w*|killed|killing|suicide|took (?:his|her) own life)\b", _I)
_S_INJURED = re.compile(
    r"\b(?:was|were|been|is|being|are|got)\s+(?:\w+\s+){0,2}?(?:shot|wounded|injured|hurt|grazed|hospitali[sz]ed|"
    r"(?:hit|struck) by (?:a\s+)?(?:stray\s+)?(?:bullet|gunfire|round|shots?))\b(?!\s+(?:and killed|dead|to death|at)\b)"
    r"|\b(?:shot and wounded|wounded|injured|shot|shooting)\s+(?:a|an|another|one|the)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|"
    r"girl|teen|teenager|person|victim|officer|deputy|driver|child|student|resident|clerk|customer|trooper)\b"
    r"|\b(?:suffered|sustained|with|has)\s+(?:a\s+|an\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,3}?(?:gunshot wounds?|"
    r"bullet wounds?|injur(?:y|ies)|wounds?)\b|\bin (?:critical|serious|stable|fair|good|grave|guarded) condition\b"
    r"|\b(?:taken|rushed|transported|airlifted|flown|driven)\s+(?:himself\s+|herself\s+)?to\s+(?:a\s+|the\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:hospital|medical center|trauma)|\btreated for\b"
    r"|\b(?:man|woman|boy|girl|teen|teenager|person|officer|child|student|driver|\d+-year-old)\s+(?:\w+\s+)?"
    r"(?:shot|wounded|injured|hurt)\b(?!\s+(?:and killed|dead|to death|at)\b)", _I)
_MULTI_N = {"double": 2, "triple": 3, "quadruple": 4, "murder": 2}
_S_MULTI = re.compile(r"\b(?P<n>double|triple|quadruple|murder)[- ](?P<what>homicides?|murders?|killings?|fatal shooting|"
                      r"shootings?|suicide)\b", _I)
_S_THEY = re.compile(r"\b(?:both(?: \w+)?|the two(?: \w+)?)\s+(?:were\s+|had been\s+|later\s+)?(?:(?P<k>died|killed|"
                     r"pronounced dead|found dead|shot (?:and killed|dead|to death))|shot"
                     # "Both teens were taken to a hospital, where they died"
                     r"|(?:were\s+)?(?:taken|rushed|transported)\s+to\s+[^.;]{0,60}?\bwhere\s+(?:they|both)\s+"
                     r"(?:later\s+)?(?P<k2>died))\b(?!\s+at\b)", _I)
_S_ALSO_KILLED = re.compile(r"\b(?:also|accidentally)\s+(?:\w+\s+){0,2}?(?:shot and killed|killed|fatally shot)\s+"
                            r"(?:a|an|another|his|her)\b|\b(?:another|a second|a third)\s+(?:\w+\s+){0,2}?"
                            r"(?:was|were)\s+(?:\w+\s+)?(?:killed|shot and killed|found dead|pronounced dead)", _I)
_S_ANOTHER = re.compile(r"\b(?:another|second|third|also|others?|as well)\b", _I)
_NON_PERSON = {"handgun", "gun", "weapon", "rifle", "round", "shot", "bullet", "time", "vehicle", "car", "home", "house",
               "dog", "cat", "horse", "year", "day", "hour", "week", "month", "mile", "block", "case", "incident",
               "shooting", "attack", "cartridge", "shell", "pistol", "firearm", "window", "building"}
# "three people were shot", "shot four people"
_P_SHOT = re.compile(rf"{_NUM}\s+{_SUBJ}(?P<aux>(?:were|have been|had been|are|was|got)\s+)?"
                     rf"shot\b(?!\s+(?:dead|and killed|to death)\b)"
                     rf"|\b(?:shooting|shot)\s+{_NUM.replace('(?P<n_', '(?P<m_')}\s+"
                     rf"(?P<subj2>people|persons|men|women|others|children|teens|teenagers|victims|relatives)\b",
                     re.IGNORECASE)
# "were shot at the bar" is where they were shot; "were shot at" with no place is fired upon
_AT_PLACE = re.compile(r"\s+at\s+(?:(?:a|an|the|\d)|(?-i:[A-Z]))", re.IGNORECASE)
_AT_NAME = re.compile(r"\s+at\s+(?-i:[A-Z])", re.IGNORECASE)
_PROJECTILE = re.compile(
    rf"{_NUM}\s*(?P<subj>(?:[\w'’-]+\s+){{0,2}}?)(?P<unit>missiles?|rockets?|drones?|mortars?|mortar rounds|"
    rf"shells|projectiles|bombs|grenades)\b", re.IGNORECASE)
_FACILITY = re.compile(
    rf"{_NUM}\s+(?P<subj>(?:[\w'’-]+\s+){{0,2}}?)(?P<unit>facilities|locations|sites|targets|positions|bases|"
    rf"compounds|depots)\b(?:\s+in\s+(?P<p1>[A-Z]\w+)\s+and\s+(?P<n2>\w+)\s+in\s+(?P<p2>[A-Z]\w+))?")
_SHOTS = re.compile(rf"(?:fired\s+)?{_NUM}\s+(?:\w+\s+)?(?:shots|rounds|bullets)(?:\s+(?:were\s+)?fired)?",
                    re.IGNORECASE)
_PROJECTILE_WORDS = re.compile(r"missile|rocket|drone|mortar|shell|projectile|bomb|grenade")
_SHOTS_WORDS = re.compile(r"shots|rounds|bullets")
_STRIKE_WORDS = re.compile(r"\b(strikes?|struck|hit|target|targets|targeted|airstrikes?|attack(s|ed)?|bomb(ed|ing)?|raids?)\b",
                           re.IGNORECASE)
_NOT_COUNT_AFTER = re.compile(r"^(?:[:.]\d|(?:-|\s)?(?:year|month|week|day|hour|minute|mile|km|kilometre|percent|%|a\.m|"
                              r"p\.m|am\b|pm\b|times|of them|per cent|caliber|calibre|mm\b))", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|none of the|nor)\s*$", re.IGNORECASE)
_ONE_WORDS = {"a": 1, "an": 1, "one": 1, "another": 1, "the": 1}


def _number(m: re.Match[str]):
    """The Quantity of the number inside a pattern match, and its span."""
    lo = min(m.start(g) for g in ("n_qual", "n_lo", "n_core") if m.group(g))
    hi = max(m.end(g) for g in ("n_core", "n_hi", "n_hi2", "n_plus") if m.group(g))
    text = m.string[lo:hi]
    nm = NUMBER.fullmatch(text)
    return (quantity(nm) if nm else None), (lo, hi)


def _clean_subject(subj: str, default: str = "people") -> str:
    words = [w for w in subj.strip(" ,").split() if w.lower() not in {"other", "more", "people's", "of"}]
    s = " ".join(words).strip(" ,.")
    return s.lower() if s else default


@dataclass
class _Found:
    metric: str
    q: object
    subject: str
    span: Span
    unit: str = ""
    basis: str = "count"


def _head_word(subject: str) -> str:
    w = subject.split()[-1] if subject.split() else ""
    return w[:-1] if w.endswith("s") else w


_PERSON = (r"(?:man|woman|boy|girl|teen|teenager|child|officer|deputy|trooper|suspect|homeowner|victim|driver|"
           r"passenger|friend|brother|sister|son|daughter|mother|father|wife|husband|girlfriend|boyfriend|"
           r"resident|student|clerk|customer|neighbor|neighbour|bystander)")
# "a 22-year-old man and a 16-year-old boy were shot": two victims in one phrase
_S_PAIR = re.compile(rf"\b(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+(?:and|&)\s+(?:a|an|the|his|her|their)\s+"
                     rf"(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+(?:were|have been|had been|are)\s+(?:both\s+|also\s+)?"
                     rf"(?:(?P<k>shot and killed|killed|fatally shot|shot dead|shot to death)|shot|wounded|injured|hurt)\b",
                     re.IGNORECASE)
_WHO2 = rf"(?:{_PERSON}|(?-i:[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){{1,2}}))"  # a person noun or a name
# "fatally shot a teenage man and the teen's unarmed neighbor", "killed Quintonio LeGrier, 19, and his
# neighbor Bettie Jones, 55": two victims as the objects of one killing
_S_PAIR_OBJ = re.compile(rf"\b(?:fatally shot|shot and killed|shot to death|gunned down)\s+(?:(?:a|an|the|his|her)\s+)?"
                         rf"(?:[\w-]+\s+){{0,2}}?{_WHO2}(?:,\s+\d{{1,3}},)?\s+and\s+(?:a|an|the|his|her|their|"
                         rf"[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){{0,2}}?{_WHO2}\b", re.IGNORECASE)
_KILLING_WORDS = re.compile(r"fatally shot|shot and killed|shot to death|gunned down")
# "the woman was shot in the neck and the man was shot in the back": distinct people, one sentence
_S_WHO = re.compile(r"\b(man|woman|boy|girl|teen|teenager|child|mother|father|son|daughter|officer|trooper|deputy)"
                    r"\s+(?:\w+\s+)?(?:was|is|got)\b", re.IGNORECASE)


def singles(text: str, add) -> None:  # noqa: ANN001 - the caller's add()
    """One-victim descriptions: each adds a figure of 1 with basis "single" (or "suicide")."""
    one = Quantity(1, 1, 1, "exact")
    low = text.lower()
    for m in (_S_PAIR_OBJ.finditer(text) if " and " in low and _KILLING_WORDS.search(low) else ()):
        add("killed", Quantity(2, 2, 2, "exact"), "people", (m.start(), m.end()))
    for m in (_S_PAIR.finditer(text) if " and " in low else ()):
        add("killed" if m.group("k") else "injured", Quantity(2, 2, 2, "exact"), "people", (m.start(), m.end()))
    for m in _S_MULTI.finditer(text):  # "double homicide", "murder-suicide"
        n = _MULTI_N[m.group("n").lower()]
        q = Quantity(n, n, n, "exact")
        if m.group("what").lower().startswith("shooting"):
            add("shot", q, "people", (m.start(), m.end()))
        else:
            add("killed", q, "people", (m.start(), m.end()))
    suicide = _S_SUICIDE.search(text)
    if suicide and _S_SELF_ONLY.fullmatch(suicide.group()) and not _S_DEATH.search(text):
        add("injured", one, "self", (suicide.start(), suicide.end()), basis="single")
        suicide = None
    if suicide:
        add("killed", one, "perpetrator", (suicide.start(), suicide.end()), basis="suicide")
    elif self_too := _S_AND_SELF.search(text):
        add("killed", one, "perpetrator", self_too.span("self"), basis="suicide")
    two = Quantity(2, 2, None, "at least")
    for m in _S_THEY.finditer(text):  # "Both teens were taken to a hospital, where they died"
        add("killed" if m.group("k") or m.group("k2") else "shot", two, "people", (m.start(), m.end()), basis="count")
    neg = _S_NEG.search(text)
    killed = list(_S_KILLED.finditer(text))
    if "dead" in low:  # "Teenager dead from gunshot wound", "man found dead"
        killed = sorted(killed + list(_S_NOUN_DEAD.finditer(text)), key=lambda m: m.start())
    for m in killed:
        if suicide or any(n.start() < m.end() and m.start() < n.end()  # "attempted murder", "homicide unit"
                          for n in _S_NOT_KILLED.finditer(text, max(0, m.start() - 40), m.end() + 25)):
            continue
        if _S_NOBODY.search(text[max(0, m.start() - 12):m.start()]):
            continue
        # "The officer also shot and killed a neighbor": a victim besides the one described
        marker = "another" if _S_ALSO_KILLED.search(text[max(0, m.start() - 40):m.end()]) else "victim"
        add("killed", one, marker, (m.start(), m.end()), basis="single")
    if neg:
        return
    injured = list(_S_INJURED.finditer(text))
    who: dict[str, Span] = {}
    for m in injured:
        w = _S_WHO.search(text, max(0, m.start() - 30), m.end())
        if w:
            who.setdefault(w.group(1).lower(), (m.start(), m.end()))
    if len(who) >= 2:  # the count covers the descriptions it counts
        spans = sorted(who.values())
        add("injured", Quantity(len(who), len(who), len(who), "exact"), "people", (spans[0][0], spans[-1][1]))
    for m in injured:
        # "a second was injured", "another man was wounded", "was also shot": a victim besides the dead
        near = text[max(0, m.start() - 40):m.end()]
        marker = "another" if _S_ANOTHER.search(near) else "victim"
        add("injured", one, marker, (m.start(), m.end()), basis="single")


# a sentence without any of these has no count to find (most sentences of an article)
_NUMBERISH_TEXT = re.compile(r"\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                             r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
                             r"dozens?|several|scores|few|handful|half|both|quarter|third|toll)\b", re.IGNORECASE)


_CONDITIONAL = re.compile(r"\bif\b[^.]{0,80}\b(?:becomes?|would (?:be|become|make))\b", re.IGNORECASE)


_CASUALTY = {"killed", "injured", "shot"}
# plain numbers: what a source states in numbers (an age, a year, a duration) stays in the
# article's figures with its source; only counts must be able to count something
_PLAIN = {"quantity", "money", "percent"}


class _Collector:
    """The figures of one sentence, each span taken once, the first pattern's reading kept."""

    def __init__(self, s: Sentence):
        self.text, self.start = s.text, s.start
        self.found: list[_Found] = []
        self.taken: list[Span] = []
        # "if that is the case, the shooting becomes a triple homicide": no toll
        self.conditional = "if " in s.text.lower() and bool(_CONDITIONAL.search(s.text))

    def add(self, metric: str, q, subject: str, span: Span, unit: str = "", basis: str = "count",  # noqa: ANN001
            at: Span | None = None) -> None:
        """Keep a figure unless its span is taken, it is conditional or negated, its subject is no
        person, or its number (at ``at``, else where the span opens) counts nothing."""
        if q is None or any(a < span[1] and span[0] < b for a, b in self.taken):
            return
        if self.conditional and metric in ("killed", "injured", "shot"):
            return
        if _NEGATED.search(self.text[max(0, span[0] - 12):span[0]]):  # "No one was hurt"
            return
        if (basis == "count" and _head_word(subject) in _NON_PERSON
                and metric not in ("projectiles", "quantity", "money", "percent")):
            return
        if basis == "count" and metric not in _PLAIN and uncountable_lead(self.text, *(at or span)):
            return  # a year, a clock time, an age, an address ... counts nothing
        self.taken.append(span)
        self.found.append(_Found(metric, q, subject, (self.start + span[0], self.start + span[1]), unit, basis))


def _figures_in(s: Sentence) -> list[_Found]:
    c = _Collector(s)
    text, add = s.text, c.add
    if not _NUMBERISH_TEXT.search(text):
        if _CASUALTY_WORDS.search(text):
            singles(text, add)  # "a man was shot": no number, one victim
        return c.found
    low = text.lower()  # cheap keyword gates before the patterns that start with a number
    _casualty_counts(text, low, add)
    counted = {f.metric for f in c.found if f.basis == "count"}
    singles(text, lambda metric, *a, **kw: None if metric in counted and kw.get("basis") == "single" else add(metric, *a, **kw))
    _weapon_counts(text, low, add)
    _quantities(text, add)
    return c.found


def _casualty_counts(text: str, low: str, add) -> None:  # noqa: ANN001 - the collector's add()
    """Killed, injured and shot, counted: "25 people were killed", "killing three", "left two dead"."""
    for m in _P_TOLL.finditer(text):
        q, sp = _number(m)
        add("killed", q, "people", (m.start(), sp[1]), at=sp)
    for m in _P_NUM_VERB.finditer(text):
        q, sp = _number(m)
        if _NOT_COUNT_AFTER.match(text[sp[1]:]):
            continue
        if not m.group("subj").strip() and re.search(r"\bof\s+$", text[max(0, sp[0] - 4):sp[0]]):
            continue  # "a young mother of three is dead"
        verb = m.group("verb").lower()
        metric = _VERB_METRIC.get(verb) or _metric_of(verb)
        add(metric, q, _clean_subject(m.group("subj")), (sp[0], m.end()))
    for m in _P_VERB_NUM.finditer(text):
        q, sp = _number(m)
        if _NOT_COUNT_AFTER.match(text[sp[1]:]):
            continue
        # "killing his five children": victims of someone, who may be counted apart ("then himself")
        add(_metric_of(m.group("verb").lower()), q, _clean_subject(m.group("subj")), (m.start(), m.end()), "victims",
            at=sp)
    for m in _P_LEFT.finditer(text):
        q, sp = _number(m)
        add("killed" if m.group("k") else "injured", q, _clean_subject(m.group("subj")), (sp[0], m.end()))
    for m in (_P_COUNTS.finditer(text) if "count" in low else ()):  # (an attempt's counts do not match)
        q, sp = _number(m)
        add("killed", q, "victims", (sp[0], m.end()), at=sp)
    for m in _P_LIFE.finditer(text):
        n = m.group("n").lower()
        q = _one(n)
        add("killed", q, _clean_subject(m.group("subj")), (m.start(), m.end()))
    for m in (_P_SHOT.finditer(text) if "shot" in low or "shoot" in low else ()):
        if m.group("subj2"):
            sub = NUMBER.fullmatch(m.group(0).split(None, 1)[1].rsplit(None, 1)[0])
            q = quantity(sub) if sub else None
            add("shot", q, m.group("subj2").lower(), (m.start(), m.end()))
        else:
            if text.startswith(" at", m.end()) and not (_AT_PLACE.match(text, m.end()) if m.group("aux")
                                                         else _AT_NAME.match(text, m.end())):
                continue
            q, sp = _number(m)
            if not _NOT_COUNT_AFTER.match(text[sp[1]:]):
                add("shot", q, _clean_subject(m.group("subj")), (sp[0], m.end()))


def _weapon_counts(text: str, low: str, add) -> None:  # noqa: ANN001 - the collector's add()
    """Projectiles, facilities struck and shots fired."""
    for m in (_PROJECTILE.finditer(text) if _PROJECTILE_WORDS.search(low) else ()):
        q, sp = _number(m)
        unit = m.group("unit").lower().rstrip("s") + "s"
        add("projectiles", q, _clean_subject(m.group("subj"), unit), (sp[0], m.end()), unit)
    if _STRIKE_WORDS.search(text):
        for m in _FACILITY.finditer(text):
            q, sp = _number(m)
            subject = _clean_subject(m.group("subj") + m.group("unit"))
            if q is not None and m.group("n2"):
                nm2 = NUMBER.fullmatch(m.group("n2"))
                q2 = quantity(nm2) if nm2 else None
                if q2 is not None and q.value is not None and q2.value is not None:
                    total = q.value + q2.value
                    q = Quantity(total, total, total, "exact")
                    subject = f"{subject} ({m.group('n_core')} in {m.group('p1')}, {m.group('n2')} in {m.group('p2')})"
            add("facilities_struck", q, subject, (sp[0], m.end()))
    for m in (_SHOTS.finditer(text) if _SHOTS_WORDS.search(low) else ()):
        q, sp = _number(m)
        add("shots_fired", q, "shots", (m.start(), m.end()))


_MONEY = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?"
                    r"|\b\d[\d,]*(?:\.\d+)?\s+(?:million\s+|billion\s+)?(?:dollars|euros|pounds)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:(?P<quarter>a quarter of\s+)?(?P<one>a|one)\s+(?P<scale>thousand|million|billion|trillion)\b"
                    r"|(?:(?:tens|hundreds) of\s+)?(?P<scale2>thousands|millions|billions|trillions) of)", re.IGNORECASE)
_MONEY_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
                "trillion": 10**12}
_HALF = re.compile(r"\b(?:half|a quarter|a third|two-thirds|three-quarters)\b", re.IGNORECASE)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_BEFORE = re.compile(rf"(?:{_MONTHS}|\b(?:in|since|from|until|by|of|to|during|before|after)|'|’)\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:\s*{_MONTHS}|(?:st|nd|rd|th)\b|\s*(?:a\.m|p\.m|am\b|pm\b|GMT|EST|ET\b|local)|[:/]\d)",
                         re.IGNORECASE)


def _quantities(text: str, add) -> None:  # noqa: ANN001 - the caller's add()
    """Every other number in the sentence, as a plain quantity (money, percent, count), so that
    what a source says in numbers is kept with who says it; dates and times are left out."""
    for m in _MONEY.finditer(text):
        v = re.search(r"\d[\d,]*(?:\.\d+)?", m.group())
        val = float(v.group().replace(",", "")) if v else None
        scale = re.search(r"(million|billion|trillion|thousand|bn|m|k)\b", m.group()[v.end():] if v else "", re.I)
        if val is not None and scale:  # "$1.2 million": 1,200,000
            val *= _MONEY_SCALE[scale.group(1).lower()]
        q = Quantity(int(val) if val is not None and val.is_integer() else None, None, None, "exact")
        add("money", q, m.group().strip(), (m.start(), m.end()))
    for m in _PERCENT.finditer(text):
        v = float(re.match(r"[\d,.]+", m.group()).group().replace(",", ""))
        add("percent", Quantity(int(v) if v.is_integer() else None, None, None, "exact"), "percent",
            (m.start(), m.end()))
    for m in _VAGUE.finditer(text):  # "millions of dollars", "a billion people": an order of magnitude
        scale = _MONEY_SCALE[(m.group("scale") or m.group("scale2")).lower().rstrip("s")]
        if m.group("one"):
            v = scale // 4 if m.group("quarter") else scale
            q = Quantity(v, v, v, "about")
        else:
            q = Quantity(None, 2 * scale, None, "at least")
        add("quantity", q, _next_words(text, m.end()), (m.start(), m.end()))
    for m in _HALF.finditer(text):
        add("quantity", Quantity(None, None, None, m.group().lower()), _next_words(text, m.end()), (m.start(), m.end()))
    for m in NUMBER.finditer(text):
        core = m.group("core") or ""
        if core.lower() in ("a few", "several", "scores") and not m.group("qual"):
            continue
        before, after = text[: m.start()], text[m.end():]
        digits = core.replace(",", "")
        if _DATE_AFTER.match(after) or (digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100
                                        and _DATE_BEFORE.search(before[-12:])):
            continue
        if re.search(rf"{_MONTHS}\s*$", before[-10:]):
            continue
        q = quantity(m)
        if q is None:
            continue
        add("quantity", q, _next_words(text, m.end()), (m.start(), m.end()))


def _next_words(text: str, pos: int) -> str:
    words = re.match(r"\s*((?:[A-Za-z][\w'’-]*\s*){1,3})", text[pos:])
    return words.group(1).strip().lower() if words else ""


_VERB_RES = [(metric, re.compile(rf"(?:{verbs})", re.IGNORECASE)) for metric, verbs in _METRIC_VERBS]


def _metric_of(verb: str) -> str:
    """The metric a matched verb phrase counts ("hospitalized" -> injured)."""
    v = verb.lower()
    for prefix, metric in (("kill", "killed"), ("wound", "injured"), ("injur", "injured"),
                           ("kidnap", "kidnapped"), ("abduct", "kidnapped"), ("arrest", "arrested"),
                           ("displac", "displaced"), ("evacuat", "displaced")):
        if v.startswith(prefix):
            return metric
    for metric, rx in _VERB_RES:
        if rx.fullmatch(v):
            return metric
    return "injured" if re.search(r"hospital|hurt|treated", v) else "killed"


def _one(word: str):
    v = _ONE_WORDS.get(word) or word_value(word)
    return Quantity(v, v, v, "exact") if v is not None else None


# ---------------------------------------------------------------- the article

# an article that tells of an incident like these and counts no one counts zero
_CASUALTY_WORDS = re.compile(r"\b(shot|shooting|killed|dead|died|injured|wounded|attack|gunfire|stabbed|"
                             r"bomb|strike|airstrike|explosion|homicide|murder|gun|gunpoint|firearm|armed|"
                             r"robbery|robbed|weapon|rifle|pistol|handgun|revolver)\w*", re.IGNORECASE)


def extract(text: str, title: str = "", spans: list[Span] | None = None) -> Extraction:
    """Figures and attributions of an article, and its main incident's killed / injured."""
    sents = sentences(text, spans)
    tags = incident_tags(sents, title)
    figures: list[Figure] = []
    attributions: list[Attribution] = []
    found = [sentence_sources(s) for s in sents]
    owns = [f.at() for f in found]
    quotes = quotations(text)
    figs = [_figures_in(s) for s in sents]
    caps = all_caps(text[:4000])  # wire copy in capitals: not parsed, its own reading of who did it
    parsed = {} if caps else _parsed_sources(sents, figs, found)
    named: Source | None = None  # the last source named with a name, for "he said"
    for i, (s, refs) in enumerate(zip(sents, tags, strict=True)):
        earlier = bool(EARLIER.search(s.text))
        own = owns[i]
        if own is not None and own.text.lower() not in PRONOUNS:
            named = own
        for j, f in enumerate(figs[i]):
            # the patterns' source, else the one the sentence's structure gives
            src = found[i].at(f.span[0] - s.start) or parsed.get((i, j))
            quote = quote_at(quotes, f.span[0])
            if quote is not None and (quote.speaker is not None
                                      or (src is not None and quote.start <= src.span[0] < quote.end)):
                src = quote.speaker  # quoted words are the speaker's, not a source the quote names
            elif src is not None and (inner := quote_at(quotes, src.span[0])) is not None:
                src = inner.speaker  # '"Every time you say that," Tester said, referring to the 1 percent
            if src is not None and src.text.lower() in PRONOUNS and named is not None:
                src = named  # "..., she said": the speaker named last
            figures.append(_figure(f, s.text, f.span[0] - s.start, tag_at(refs, f.span[0] - s.start), src, earlier))
        src = own
        for a in attributions_in(s, src):
            attributions.append(Attribution(a.kind, a.actor, a.by, a.span,
                                            tag_at(refs, a.span[0] - s.start), a.negated))
    figures = _body_tallies(figures)
    if caps:
        attributions = _upper_case_attributions(attributions, sents, tags, owns, text)
    else:  # actors are names: the parse and the recogniser check and complete the patterns
        attributions, added = names_as_actors(sents, attributions)
        attributions += [dataclasses.replace(a, incident=tag_at(tags[i], a.span[0] - sents[i].start))
                         for i, a in added]
    # a headline states the toll as the lead does ("Man shoots 4 relatives, killing 2"), and is
    # counted with it: a count wins over a text that gives the dead by name or not at all, and
    # "quadruple shooting" is the shot, of whom the text's dead are not wounded (a text that
    # opens with its headline has read it already, in context)
    killed, injured = totals(figures + _headline_figures(title) if title.strip() not in text[:len(title) + 200]
                             else figures)
    if killed is None and _CASUALTY_WORDS.search(title + " " + text):
        killed = injured = 0
    return Extraction(tuple(figures), tuple(attributions), killed, injured)


def _body_tallies(figures: list[Figure]) -> list[Figure]:
    """A news article gives its event's toll up front: a count in the hundreds that only its body
    gives ("the armed forces report that 840 terrorists have been killed as of today") is a
    campaign's or a city's tally the article cites, no incident's own, unless its lead counts in
    the hundreds too (a disaster's toll, updated further down)."""
    def big(f: Figure) -> bool:
        return f.metric in _CASUALTY and f.basis == "count" and (f.value or f.lower or 0) > TALLY

    if any(big(f) and f.span[0] < SUBJECT_LEAD for f in figures):
        return figures
    return [dataclasses.replace(f, incident="aggregate") if big(f) and f.incident == "main" else f for f in figures]


def _headline_figures(title: str) -> list[Figure]:
    """A headline's figures, read as the lead's: a period's statistic or a round-up left out.
    (They are not among the article's figures: their spans would point into the title.)"""
    if not title.strip():
        return []
    return [_figure(f, title, f.span[0], "main") for f in _figures_in(Sentence(0, len(title), title, 0))]


def _figure(f: _Found, sentence: str, at: int, incident: str, src: Source | None = None,
            earlier: bool = False) -> Figure:
    """A figure found at ``at`` in ``sentence``, of ``incident`` unless it counts over a period or
    across incidents (a statistic, a round-up: no incident's own toll)."""
    if f.metric in _CASUALTY and f.basis == "count" and aggregate_at(sentence, at):
        incident = "aggregate"
    q = f.q
    return Figure(metric=f.metric, value=q.value, lower=q.lower, upper=q.upper, qualifier=q.qualifier,
                  subject=f.subject, span=f.span, attributed_to=src, incident=incident, earlier=earlier,
                  unit=f.unit, basis=f.basis)


def _parsed_sources(sents: list[Sentence], figs: list[list[_Found]], found: list) -> dict[tuple[int, int], Source]:
    """The source the parse gives each figure the patterns found none for, by (sentence, figure)
    (``syntax.figure_sources``). Not for all-caps wire copy, where the parser reads capitals as names."""
    asks, keys = [], []
    for i, s in enumerate(sents):
        missing = [j for j, f in enumerate(figs[i]) if found[i].at(f.span[0] - s.start) is None]
        if missing and worth_parsing(s.text):
            asks.append(Ask(s.start, s.text, [figs[i][j].span[0] - s.start for j in missing]))
            keys.append((i, missing))
    rows = figure_sources(asks)
    return {(i, j): src for (i, missing), row in zip(keys, rows, strict=True)
            for j, src in zip(missing, row, strict=True) if src is not None}


def _upper_case_attributions(found: list[Attribution], sents: list[Sentence], tags: list,
                              owns: list[Source | None], text: str) -> list[Attribution]:
    """All-caps wire copy: capitals mark no names, so an actor must name a group, and groups
    named away from their verb are found by the document pass of ``perpetrators``."""
    known = aliases(text)
    out = []
    for a in found:
        # each of those held responsible together: "THE GOVERNMENT AND THE ARMED FORCES ARE RESPONSIBLE"
        parts = _AND.split(a.actor) if a.actor and a.kind == "accused" else [a.actor]
        said = next((s.text for s in sents if s.start <= a.span[0] < s.end), "")
        for part in parts:
            group = group_phrase(part, known) if part and a.kind != "means" else part
            if group is None and part and a.kind == "accused":
                gov = _ACCUSED_STATE.search(part)  # "X'S GOVERNMENT IS RESPONSIBLE"
                group = gov.group().strip() if gov else None
            if a.kind in ("carried_out", "claimed") and group and clash(group, said):
                continue
            if (group or part is None) and not any(b.kind == a.kind and b.actor == group and b.span == a.span
                                                   for b in out):
                out.append(Attribution(a.kind, group, a.by, a.span, a.incident, a.negated))
    for i, a in perpetrators(sents, owns):
        if a.kind == "claimed":  # the group's own account: not also a fact of the same sentence
            s = sents[i]
            out = [b for b in out if not (b.kind == "carried_out" and s.start <= b.span[0] < s.end
                                          and _same_group(a.actor, b.actor))]
        same = next((j for j, b in enumerate(out) if b.kind == a.kind and _same_group(a.actor, b.actor)), None)
        if same is not None and _actor_words(out[same].actor) < _actor_words(a.actor) and (
                _actor_words(a.actor) - _actor_words(out[same].actor) - _PEOPLE_WORDS):
            b = out[same]  # "XXII FRONT OF THE FARC" names more than "XXII FRONT"
            out[same] = Attribution(b.kind, a.actor, b.by, b.span, b.incident, b.negated)
        if same is None:
            out.append(Attribution(a.kind, a.actor, a.by, a.span, tag_at(tags[i], a.span[0] - sents[i].start),
                                   a.negated))
    # "... AN ATTACK FOR WHICH THE GUERRILLAS CLAIMED CREDIT": a claim whose claimant no pattern
    # named is the claim of the group said to have done the act nearest to it
    claim = next((m for m in _UNNAMED_CLAIM.finditer(text)
                  if not NEGATION.search(text[max(0, m.start() - 50):m.start()])), None)
    done = [b for b in out if b.kind == "carried_out" and b.actor]
    if claim and done and not any(b.kind == "claimed" for b in out):
        b = min(done, key=lambda b: abs(b.span[0] - claim.start()))
        out.append(Attribution("claimed", b.actor, None, claim.span(), b.incident, False))
    return out


_AND = re.compile(r",?\s+AND\s+(?=THE\s)|,\s+(?=THE\s)")  # between those held responsible together
# a government or the military held responsible, named only by its head noun
_ACCUSED_STATE = re.compile(r"(?:\b(?!(?:THE|A|AN|AND|OR|OF|BY|TO|HELD|HOLD|HOLDS|BLAME|BLAMED|ACCUSED|THAT|WHICH)\b)"
                            r"[A-Z][\w'’-]*\s+){0,3}\b(?:GOVERNMENT|MILITARY)\b")
_UNNAMED_CLAIM = re.compile(r"\b(?:CLAIMED|CLAIMING|ACCEPTED|ASSUMED|TOOK)\s+(?:RESPONSIBILITY|CREDIT|AUTHORSHIP)\b")


# words that add no name to a group's: "FMLN GUERRILLAS" is the FMLN
_PEOPLE_WORDS = {"group", "guerrillas", "rebels", "terrorists", "members", "forces", "commandos", "units",
                 "subversives", "militants", "fighters", "urban"}


def _actor_words(actor: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (actor or "").lower()) if len(w) > 2 and w != "the"}


def _same_group(a: str | None, b: str | None) -> bool:
    """"FMLN" and "FMLN GUERRILLAS" are one group; "RED DAWN FRONT" and "BLUE STAR FRONT" are not."""
    x, y = _actor_words(a), _actor_words(b)
    return bool(x and y) and 2 * len(x & y) > min(len(x), len(y))


SUBJECT_LEAD = 600  # characters: where an article says what it is about
TALLY = 100  # a casualty count above this is an incident's only when the article's lead counts so many


def totals(figures: list[Figure] | tuple[Figure, ...]) -> tuple[int | None, int | None]:
    """The main incident's killed and injured-not-killed.

    Written counts win; one-victim descriptions count one (we cannot tell two descriptions of
    one victim from two victims, and most articles have one; a suicide is most often the same
    person as the dead described, "murder-suicide" counts two); "N shot" less the killed
    gives the injured. A described injury is not counted when
    someone was killed, unless the text says another or a second person was hurt: "a man
    was shot ... he died" is one victim.
    """
    casualty = [f for f in figures if f.metric in ("killed", "injured", "shot") and not f.earlier
                and f.incident != "aggregate"]
    main = [f for f in casualty if f.incident == "main"]
    if not main and casualty and casualty[0].span[0] < SUBJECT_LEAD:
        # the lead itself dates the casualties apart ("the man shot by police last month"):
        # the article is about that incident, so take its figures; a casualty met only
        # further down is another event the article mentions
        first = casualty[0].incident
        main = [f for f in casualty if f.incident == first]
    if not main:
        return None, None
    counts = {f.value for f in main if f.metric == "killed" and f.basis == "count" and f.value}
    if counts and any(f.incident == "related" and f.metric == "killed" and f.basis == "count" and f.value in counts
                      for f in casualty):
        # a "related" passage that repeats the main toll tells of the same event (often a later
        # section of the article): its other counts are the main incident's too
        main += [f for f in casualty if f.incident == "related" and f.basis == "count"]

    def best(metric: str, basis: str = "count") -> int:
        vals = [f.value if f.value is not None else (f.lower or 0) for f in main if f.metric == metric and f.basis == basis]
        return max(vals, default=0)

    k_count, k_single, suicide = best("killed"), best("killed", "single"), best("killed", "suicide")
    singles_k = {f.subject for f in main if f.metric == "killed" and f.basis == "single"}
    if {"another", "victim"} <= singles_k:  # "fatally shot LeGrier ... also killed a neighbor"
        k_single = 2
    if suicide:
        took_life = min(f.span[0] for f in main if f.basis == "suicide")
        if any(f.metric == "killed" and f.unit == "victims" and f.value == k_count and f.span[0] < took_life
               for f in main):
            k_count += 1  # "killing his five children ... then took his own life": the shooter is dead too
    killed = max(k_count, k_single, suicide)
    i_count, shot = best("injured"), best("shot")
    i_single = [f for f in main if f.metric == "injured" and f.basis == "single"]
    i_one = 1 if i_single and (killed == 0 or any(f.subject == "another" for f in i_single)) else 0
    injured = max(i_count, shot - killed if shot else 0, i_one)
    return killed, injured
