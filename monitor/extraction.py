"""Figures and attributions from an article's text.

Pure functions over a string. Every figure and attribution keeps its character span into the
text it was given. Sentences are tagged with the incident they speak of (the article's own,
a related one such as the attack that prompted it, or background) from their time references,
so that the main incident's totals are not mixed with other events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.cleaning import content_spans, is_boilerplate
from monitor.models import Attribution, Extraction, Figure, Source, Span
from monitor.numbers import NUMBER, Quantity, quantity, word_value

# ---------------------------------------------------------------- sentences and incidents


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z0-9])")
_ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|Sgt|Lt|Col|Gen|Capt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec|No|U\.S|U\.N|[A-Z])\.$")


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
    rf"|(?:so far )?this (?:year|month)|in recent (?:years|months)|(?:a|one|two|three|\d+) (?:years?|months?) ago))\b"
    rf"|\b(?P<recent>(?i:(?:recent|previous|prior|earlier)\s+(?:\w+\s+){{0,2}}(?:attacks|strikes|shootings|incidents|bombings)))\b",
)
# A day named as when something was said ("said in a statement on Monday"), not when it happened.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|stated|announced|reported|added|vowed|warned|quoted as saying|"
    r"briefed \w+(?: \w+)?|travell?ed|confirmed|released|identified)"
    r"(?:\s+(?:in|on|at|during|a|an|the|of|statement|interview|early|late|hours|morning|news|"
    r"conference|briefing|press|release)){0,8}\s*$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"^\s*(earlier|initially|previously)\b|\b(had earlier|earlier reported|"
                      r"initially reported|previously reported|had said|earlier said|earlier put)\b",
                      re.IGNORECASE)
_BACKGROUND_CUE = re.compile(r"\b(recent|previous|prior|past|a series of|a spate of)\b", re.IGNORECASE)
_STOP = set("""a an the and or but of in on at to for from by with as is was were are be been has have had
this that these those it its their his her they he she we you i not no also after before when while
which who whom what said says told according than then there here into over under about""".split())


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", s) if w not in _STOP}


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
            if _SPEECH_BEFORE.search(s.text[: m.start()]):
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


def _tag_at(refs: list[tuple[int, str]], pos: int) -> str:
    """The incident of the time reference nearest to pos in its sentence."""
    return min(refs, key=lambda r: abs(r[0] - pos))[1]


# ---------------------------------------------------------------- figures

_NUM = NUMBER.pattern.replace("(?P<", "(?P<n_")  # a copy whose groups do not clash
_METRIC_VERBS = [
    ("killed", r"killed|dead|died|slain|shot dead|murdered|lost their lives|perished|fatally (?:shot|wounded|injured)"),
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
_SUBJ = (r"(?P<subj>(?:(?!(?:were|was|are|is|have|has|had|and|in|when|after|as|who)\b)[A-Za-z][\w.'’-]*\s+"
         r"|and\s+(?=(?-i:[A-Z][a-z]))){0,5}?)")
_AUX = r"(?:(?:were|was|are|is|have been|has been|had been|have|has|had|being|got|been)\s+)?(?:(?:also|reportedly|later|all|both|critically|seriously|fatally|believed|confirmed|shot|stabbed)\s+(?:and\s+)?)*(?:to have been\s+)?"

# "25 people were killed", "51 injured", "Twenty-five fighters were killed", "25 dead"
_P_NUM_VERB = re.compile(rf"{_NUM}\s+{_SUBJ}{_AUX}(?P<verb>{_ANY_VERB})\b", re.IGNORECASE)
# "killing one US military contractor", "wounding 51", "injured four other US service members"
_P_VERB_NUM = re.compile(
    rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|kidnapping|abducting|arresting|"
    rf"arrested|displacing|displaced|evacuating|evacuated)\s+{_NUM}(?P<subj>(?:\s+(?!and\b|in\b|on\b|at\b)[A-Za-z][\w.'’-]*){{0,4}})",
    re.IGNORECASE,
)
# "left several US service members with light injuries", "leaving two people in critical condition"
_P_LEFT = re.compile(
    rf"\b(?:left|leaving|leaves)\s+{_NUM}\s+(?P<subj>(?:[A-Za-z][\w.'’-]*\s+){{0,4}}?)(?:(?P<k>dead)\b|"
    rf"(?:with|in)\s+(?:\w+\s+){{0,2}}?(?:injuries|wounds|critical condition|serious condition|hospital)\b)",
    re.IGNORECASE)
# "the death toll ... stands at 25", "raising the toll to 12"
_P_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:dead|deaths|people killed)|fatalities)\b[^.;]{{0,140}}?"
    rf"\b(?:at|to|of|is|was|reached|hit)\s+{_NUM}", re.IGNORECASE)
# "claimed the life of a US civilian contractor", "the death of a U.S. citizen"
_P_LIFE = re.compile(
    r"\b(?:claimed the lives? of|took the lives? of|the deaths? of|resulted in the death of)\s+"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<subj>(?:[\w.'’-]+\s+){0,3}?"
    r"(?:man|woman|boy|girl|child|person|citizen|contractor|soldier|officer|civilian|people|"
    r"children|soldiers|officers|civilians|men|women))\b", re.IGNORECASE)
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
    r"|\b(?:died|dies|has died|later died|succumbed|was dead|were dead|lay dead|dead on arrival|dead at the scene)\b"
    r"|\b(?:shot and killed|fatally shot|gunned down|shot to death|shot dead)\s+(?:a|an|the|his|her|their|another|one|"
    r"[A-Z][a-z]+|\d+-year-old)\b"
    r"|\bshot,?\s+(?:and\s+)?killed\b|\b(?:fatal shooting|shooting death|homicide|murder(?:ed)?|slaying)\b"
    r"|\b(?:(?:a|the|his|her)\s+(?:\w+\s+){0,2}?body|bodies|remains)\b(?=[^.]{0,80}\b(?:found|discovered|gunshot|shot))", _I)
_S_NOT_KILLED = re.compile(r"\b(?:attempted (?:murder|homicide)|homicide (?:unit|division|detectives?|squad|bureau|"
                           r"investigators?)|murder (?:charges?|rate)|conspiracy to commit murder)\b", _I)
_S_SUICIDE = re.compile(r"\b(?:(?:killed|turned the gun on)\s+(?:himself|herself)|took (?:his|her) own life|"
                        r"murder-suicide|committed suicide|killing himself|killing herself|"
                        r"(?:used|turned) the (?:gun|weapon) (?:to shoot|on) (?:himself|herself)|"
                        r"(?:shot|shooting|shoots|shoot)\s+(?:himself|herself|self)|self-inflicted)\b", _I)
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
                     r"pronounced dead|found dead|shot (?:and killed|dead|to death))|shot)\b(?!\s+at\b)", _I)
_S_ANOTHER = re.compile(r"\b(?:another|second|third|also|others?|as well)\b", _I)
_NON_PERSON = {"handgun", "gun", "weapon", "rifle", "round", "shot", "bullet", "time", "vehicle", "car", "home", "house",
               "dog", "cat", "horse", "year", "day", "hour", "week", "month", "mile", "block", "case", "incident",
               "shooting", "attack", "cartridge", "shell", "pistol", "firearm", "window", "building"}
# "three people were shot", "shooting four people"
_P_SHOT = re.compile(rf"{_NUM}\s+{_SUBJ}(?:(?:were|have been|had been|are|was|got)\s+)?shot\b(?!\s+(?:at|dead|and killed|to death)\b)"
                     rf"|\bshooting\s+{_NUM.replace('(?P<n_', '(?P<m_')}\s+(?P<subj2>people|persons|men|women|others|children|teens)",
                     re.IGNORECASE)
_PROJECTILE = re.compile(
    rf"{_NUM}\s*(?P<subj>(?:[\w'’-]+\s+){{0,2}}?)(?P<unit>missiles?|rockets?|drones?|mortars?|mortar rounds|"
    rf"shells|projectiles|bombs|grenades)\b", re.IGNORECASE)
_FACILITY = re.compile(
    rf"{_NUM}\s+(?P<subj>(?:[\w'’-]+\s+){{0,2}}?)(?P<unit>facilities|locations|sites|targets|positions|bases|"
    rf"compounds|depots)\b(?:\s+in\s+(?P<p1>[A-Z]\w+)\s+and\s+(?P<n2>\w+)\s+in\s+(?P<p2>[A-Z]\w+))?")
_SHOTS = re.compile(rf"(?:fired\s+)?{_NUM}\s+(?:\w+\s+)?(?:shots|rounds|bullets)(?:\s+(?:were\s+)?fired)?",
                    re.IGNORECASE)
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


def singles(text: str, add) -> None:  # noqa: ANN001 - the caller's add()
    """One-victim descriptions: each adds a figure of 1 with basis "single" (or "suicide")."""
    one = Quantity(1, 1, 1, "exact")
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
    two = Quantity(2, 2, None, "at least")
    for m in _S_THEY.finditer(text):  # "Both teens were taken to a hospital, where they died"
        add("killed" if m.group("k") else "shot", two, "people", (m.start(), m.end()), basis="count")
    neg = _S_NEG.search(text)
    for m in _S_KILLED.finditer(text):
        if suicide or _S_NOT_KILLED.search(text[max(0, m.start() - 20):m.end() + 25]):
            continue
        if re.match(r"(?i)(no one|nobody|none)\b", text[max(0, m.start() - 12):m.start()].strip()[-8:] or "x"):
            continue
        add("killed", one, "victim", (m.start(), m.end()), basis="single")
    if neg:
        return
    for m in _S_INJURED.finditer(text):
        # "a second was injured", "another man was wounded", "was also shot": a victim besides the dead
        near = text[max(0, m.start() - 40):m.end()]
        marker = "another" if _S_ANOTHER.search(near) else "victim"
        add("injured", one, marker, (m.start(), m.end()), basis="single")


# a sentence without any of these has no count to find (most sentences of an article)
_NUMBERISH_TEXT = re.compile(r"\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                             r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
                             r"dozens?|several|scores|few|handful|half|both|quarter|third|toll)\b", re.IGNORECASE)


def _figures_in(s: Sentence) -> list[_Found]:
    text = s.text
    found: list[_Found] = []
    taken: list[Span] = []

    def add(metric: str, q, subject: str, span: Span, unit: str = "", basis: str = "count") -> None:
        if q is None or any(a < span[1] and span[0] < b for a, b in taken):
            return
        if _NEGATED.search(text[max(0, span[0] - 12):span[0]]):  # "No one was hurt"
            return
        if (basis == "count" and _head_word(subject) in _NON_PERSON
                and metric not in ("projectiles", "quantity", "money", "percent")):
            return
        taken.append(span)
        found.append(_Found(metric, q, subject, (s.start + span[0], s.start + span[1]), unit, basis))

    if not _NUMBERISH_TEXT.search(text):
        if _CASUALTY_WORDS.search(text):
            singles(text, add)  # "a man was shot": no number, one victim
        return found

    for m in _P_TOLL.finditer(text):
        q, sp = _number(m)
        add("killed", q, "people", (m.start(), sp[1]))
    for m in _P_NUM_VERB.finditer(text):
        q, sp = _number(m)
        if _NOT_COUNT_AFTER.match(text[sp[1]:]):
            continue
        verb = m.group("verb").lower()
        metric = _VERB_METRIC.get(verb) or _metric_of(verb)
        add(metric, q, _clean_subject(m.group("subj")), (sp[0], m.end()))
    for m in _P_VERB_NUM.finditer(text):
        q, sp = _number(m)
        if _NOT_COUNT_AFTER.match(text[sp[1]:]):
            continue
        add(_metric_of(m.group("verb").lower()), q, _clean_subject(m.group("subj")), (m.start(), m.end()))
    for m in _P_LEFT.finditer(text):
        q, sp = _number(m)
        add("killed" if m.group("k") else "injured", q, _clean_subject(m.group("subj")), (sp[0], m.end()))
    for m in _P_LIFE.finditer(text):
        n = m.group("n").lower()
        q = _one(n)
        add("killed", q, _clean_subject(m.group("subj")), (m.start(), m.end()))
    for m in _P_SHOT.finditer(text):
        if m.group("subj2"):
            sub = NUMBER.fullmatch(m.group(0).split(None, 1)[1].rsplit(None, 1)[0])
            q = quantity(sub) if sub else None
            add("shot", q, m.group("subj2").lower(), (m.start(), m.end()))
        else:
            q, sp = _number(m)
            if not _NOT_COUNT_AFTER.match(text[sp[1]:]):
                add("shot", q, _clean_subject(m.group("subj")), (sp[0], m.end()))
    counted = {f.metric for f in found if f.basis == "count"}
    singles(text, lambda metric, *a, **kw: None if metric in counted and kw.get("basis") == "single" else add(metric, *a, **kw))
    for m in _PROJECTILE.finditer(text):
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
    for m in _SHOTS.finditer(text):
        q, sp = _number(m)
        add("shots_fired", q, "shots", (m.start(), m.end()))
    _quantities(text, add)
    return found


_MONEY = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?"
                    r"|\b\d[\d,]*(?:\.\d+)?\s+(?:million\s+|billion\s+)?(?:dollars|euros|pounds)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)", re.IGNORECASE)
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
        q = Quantity(int(val) if val is not None and val.is_integer() else None, None, None, "exact")
        add("money", q, m.group().strip(), (m.start(), m.end()))
    for m in _PERCENT.finditer(text):
        v = float(re.match(r"[\d,.]+", m.group()).group().replace(",", ""))
        add("percent", Quantity(int(v) if v.is_integer() else None, None, None, "exact"), "percent",
            (m.start(), m.end()))
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


# ---------------------------------------------------------------- sources

_LEAD_WORDS = re.compile(r"^(?:and|but|while|as|after|then|also|however|meanwhile|so)\s+", re.IGNORECASE)

_SAY = (r"(?:said|says|say|told|tells|reported|reports|report|stated|states|added|adds|confirmed|confirms|"
        r"announced|announces|estimated|estimates|estimate|wrote|writes|noted|notes|argued|argues|"
        r"shows|show|showed|found|finds|find|revealed|reveals|indicated|indicates|suggested|suggests|"
        r"predicted|predicts|calculated|calculates|concluded|concludes|testified|asserted|asserts|"
        r"explained|explains|acknowledged|acknowledges|insisted|insists|warned|warns|mentioned|mentions|"
        r"projected|projects|counted|counts|put the (?:number|figure|toll)|puts the (?:number|figure|toll)|"
        r"(?:has|have|had) (?:said|reported|found|learned|estimated|shown)|(?:was |were )?quoted as saying|"
        r"read|reads|put it|puts it|observed|observes|pointed out|points out|recalled|recalls|claimed|claims)")
_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:a|an|the)\s+)?(?:(?:\w+\s+)?(?:statement|report|figures|tally|count)s?\s+(?:from|by|of|released by)\s+(?:from\s+)?)?"
    r"(?P<src>[^,;.()\-–—\"“]{2,90})", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"[,\"”]\s*(?P<src>(?!(?:and|but|which|who)\b)[^,;\"“”]{{2,90}}?)\s+{_SAY}\b")
_SAID_BEFORE = re.compile(rf"[,\"”]\s*{_SAY}\s+(?P<src>[A-Z][^,;.\"“”]{{2,80}})")
_SAID_LEAD = re.compile(rf"^(?:[\"“‘]\s*)?(?:(?:But|And|Meanwhile|However|Still|Yet|Now|Also),?\s+)?"
                        rf"(?P<src>[^,;\"“”]{{2,110}}?)\s+(?:also\s+|recently\s+|previously\s+|now\s+)?{_SAY}\b")
# "The poll, which tracks support daily, showed that ...": the subject and its relative clause
_LEAD_REL = re.compile(rf"^(?P<src>[^,;\"“”]{{2,110}}?),\s+(?:which|who|whose)\s+[^;\"“”]{{2,160}}?,\s+{_SAY}\b")
_HEADLINE = re.compile(r"^(?P<src>[A-Z][\w.&’'-]+(?:\s[A-Z][\w.&’'-]+){0,3}):\s+\S")  # "Politifact: Trump is right"
_SPEAKER = re.compile(r"^[\"“]?\s*(?P<src>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:")
_INTRO = re.compile(rf"(?P<src>[A-Z][^,;:\"“”]{{1,90}}?)\s+(?:{_SAY}|\w+ed)(?:\s+(?:this|the following|that)\b[^:]{{0,40}})?\s*:\s*[\"“]?$")
_STATEMENT = re.compile(r"(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})['’]s? (?:statement|report|figures)")
_PER = re.compile(r"\bper\s+(?P<src>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


def _trim_source(src: str) -> str:
    src = _LEAD_WORDS.sub("", src.strip())
    src = re.sub(r"\s+(?:has|have|had|also|has also|have also)$", "", src)
    src = re.split(r"\s+(?:-|–|—)\s+|\s+(?:in a statement|on \w+day|in an? (?:interview|email|news conference)|"
                   r"who|which|that)\b", src)[0]
    return src.strip(" ,.'\"“”’")


_NOT_SOURCE = re.compile(r"\b(killed|injured|wounded|dead|were|was|is|are)\b")


@dataclass(frozen=True)
class _Sources:
    """The attributions a sentence makes: one over the whole sentence, or several in place."""

    lead: Source | None
    placed: tuple[tuple[int, Source], ...]  # (position of the cue, source) found by one pattern

    def at(self, pos: int | None = None) -> Source | None:
        if self.lead is not None or not self.placed:
            return self.lead
        if pos is None:
            return self.placed[0][1]
        return min(self.placed, key=lambda p: abs(p[0] - pos))[1]


def _sources(s: Sentence) -> _Sources:
    text = s.text
    # a sentence that opens with "X said/reported/found (that)" is X's throughout
    for rx in (_SAID_LEAD, _LEAD_REL, _SPEAKER, _HEADLINE):
        m = rx.match(text)
        if m:
            src = _trim_source(m.group("src"))
            if src and len(src.split()) <= 12 and not _NOT_SOURCE.search(src):
                start = s.start + m.start("src")
                return _Sources(Source(src, (start, start + len(src))), ())
    for rx in (_ACCORDING, _SAID_AFTER, _SAID_BEFORE, _STATEMENT, _PER):
        found = []
        for m in rx.finditer(text):
            src = _trim_source(m.group("src"))
            if not src or len(src.split()) > 12 or src.lower() in {"it", "this", "that", "there"}:
                continue
            if _NOT_SOURCE.search(src):
                continue
            start = s.start + m.start("src")
            found.append((m.start(), Source(src, (start, start + len(src)))))
        if found:  # the first pattern that finds any decides; among its finds, the nearest
            return _Sources(None, tuple(found))
    return _Sources(None, ())


def source_of(s: Sentence, at: int | None = None) -> Source | None:
    """Who the sentence attributes its content to (at position ``at``), if it names anyone."""
    return _sources(s).at(at)


def quote_sources(sents: list[Sentence], owns: list[Source | None] | None = None) -> dict[int, Source]:
    """Sources of sentences that carry none themselves but stand in a quotation whose speaker
    is named in the paragraph: after "X said:" or "X:" (a transcript), or before the sentence
    that closes the quote with "..." X said."""
    out: dict[int, Source] = {}
    by_para: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        by_para.setdefault(s.paragraph, []).append(i)
    carried: Source | None = None  # "The New York Times reports:" closing a paragraph
    for idx in by_para.values():
        inside = False
        intro: Source | None = carried if sents[idx[0]].text.lstrip().startswith(("“", '"', "‘", "'")) else None
        carried = None
        open_run: list[int] = []
        for i in idx:
            s = sents[i]
            opens = s.text.count("“") + s.text.count('"') % 2
            closes = s.text.count("”")
            starts_quote = s.text.lstrip().startswith(("“", '"', "‘", "'"))
            own = owns[i] if owns is not None else source_of(s)
            label = _SPEAKER.match(s.text)
            if label:
                intro = Source(label.group("src").strip(), (s.start + label.start("src"), s.start + label.end("src")))
            if own is None and (inside or starts_quote):
                if intro is not None:
                    out[i] = intro
                else:
                    open_run.append(i)
            if own is not None and open_run and (inside or starts_quote or closes):
                for j in open_run:  # "... 14 million votes?" Trump said.
                    out[j] = own
                open_run = []
            m = _INTRO.search(s.text)
            if m and own is None:
                src = _trim_source(m.group("src"))
                intro = Source(src, (s.start + m.start("src"), s.start + m.start("src") + len(src)))
            inside = (inside or opens > 0) and not (closes >= opens and closes > 0 and not starts_quote and inside)
            if closes and closes >= opens:
                inside = False
        last = sents[idx[-1]]
        m = _INTRO.search(last.text)
        if m:
            src = _trim_source(m.group("src"))
            carried = Source(src, (last.start + m.start("src"), last.start + m.start("src") + len(src)))
    return out


# ---------------------------------------------------------------- responsibility

_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]\s|\b(?:that|which|who|whom|when|while|after|because|"
                           r"although|though|but|said|says|and then|as|if|where)\b", re.IGNORECASE)
_NP_END = re.compile(r"\s+(?:for|in|on|at|over|to|with|by|from|after|that|which|who|as|and|or|but|against|near|"
                     r"during|while|without|because|since|when|"
                     r"because|since|during|was|were|is|are|has|have|had|to)\b.*$|[,;:.()\"“”].*$",
                     re.IGNORECASE | re.DOTALL)


def _np_before(text: str, pos: int, max_words: int = 7) -> str | None:
    """The noun phrase that ends right before pos: the subject of a verb at pos."""
    chunk = _CLAUSE_BREAK.split(text[:pos])[-1]
    chunk = re.split(r"\b(?:is|are|was|were|be|been|to|by|against|into)\s", chunk)[-1]
    words = _LEAD_WORDS.sub("", chunk.strip()).split()[-max_words:]
    np = " ".join(words).strip(" ,.'\"“”’")
    return np or None


def _np_after(text: str, pos: int, max_words: int = 7) -> str | None:
    """The noun phrase that starts at pos: the object of a verb that ends at pos."""
    rest = text[pos:].lstrip()
    np = _NP_END.sub("", rest)
    words = np.split()[:max_words]
    np = " ".join(words).strip(" ,.'\"“”’")
    return np or None


_R_CLAIM = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming|took|has taken|accepted|"
                      r"taken)\s+(?:immediate\s+)?(?:the\s+)?(?:full\s+)?responsibility", re.IGNORECASE)
_R_CLAIMED_BY = re.compile(r"\bresponsibility\s+(?:for\s+[^.;]{0,60}?\s+)?(?:was|has been|had been)\s+claimed\s+by\b",
                           re.IGNORECASE)
_NO_ONE = re.compile(r"^(?:no|nobody|none)\b", re.IGNORECASE)
_R_DENY = re.compile(r"\b(?:have\s+|has\s+|had\s+)?(?:strongly\s+|categorically\s+|flatly\s+|also\s+)?(?:denied|denies|deny|"
                     r"rejected|rejects)\s+(?:any\s+|all\s+)?(?:the\s+)?(?:role|involvement|responsibility|"
                     r"being involved|claims?|accusations?|allegations?)", re.IGNORECASE)
_R_BLAME = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:blamed|blames|blame|accused|accuses|accuse|held|holds)\s+",
                      re.IGNORECASE)
_R_ABOUT_ATTACK = re.compile(r"\b(?:attacks?|strikes?|bombings?|shootings?|killings?|massacre|raids?|assault|ambush|"
                             r"involvement|responsib\w+|behind|carrying out|launching|firing|killing|murder\w*|"
                             r"deaths?|explosions?|blasts?)\b", re.IGNORECASE)
_R_PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+(?:widely\s+|also\s+)?"
                        r"(?P<v>blamed|accused|suspected|believed to have been behind|thought to be behind)\b",
                        re.IGNORECASE)
_R_CARRIED = re.compile(r"\b(?:have\s+|has\s+|had\s+)?(?:carried out|conducted|launched|staged|mounted|perpetrated)\s+"
                        r"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|airstrikes?|bombings?|raids?|"
                        r"assault|ambush|massacre|shooting)", re.IGNORECASE)
_VIOLENT = (r"(?:killed|murdered|assassinated|attacked|kidnapped|abducted|bombed|dynamited|ambushed|massacred|"
            r"machinegunned|machine-gunned|shot|wounded|destroyed|burned|seized|carried out|perpetrated|committed|"
            r"staged|planned|launched|planted|detonated|set off|fired on|opened fire on)")
# "kidnapped by terrorists of the FMLN", "an attack by the Extraditables", "allegedly carried out by X"
_R_AGENT = re.compile(rf"\b(?P<hedge>(?:allegedly|presumably|reportedly|apparently|possibly|probably|"
                      rf"believed to have been|may have been|might have been|suspected of being)\s+)?"
                      rf"(?:{_VIOLENT}|(?:attacks?|bombings?|assassination|murder|massacre|kidnapping|ambush|"
                      rf"offensive|raid)s?)\s+by\s+", re.IGNORECASE)
# "urban commandos of the FMLN attacked the garrison", "the guerrillas have killed two soldiers"
_R_ACTIVE = re.compile(rf"\b(?:(?:has|have|had)\s+(?:also\s+)?)?{_VIOLENT}\s+(?:a|an|the|two|three|four|five|six|"
                       rf"several|\d+|[A-Z]+|[a-z]+)", re.IGNORECASE)
_R_HELD = re.compile(r"\b(?:held|holds|hold|holding|considers?|considered)\s+(?P<actor>(?:the\s+)?[^,.;]{2,60}?)\s+"
                     r"(?:directly\s+|fully\s+|solely\s+)?responsible\b", re.IGNORECASE)
_R_ATTRIBUTED = re.compile(r"\b(?:attributed|blamed)\s+(?:the\s+)?[^.;]{2,60}?\s+to\s+(?:the\s+)?", re.IGNORECASE)
_GROUP_NOUN = re.compile(r"\b(?:guerrillas?|terrorists?|narcoterrorists?|rebels?|insurgents?|militants?|gunmen|"
                         r"commandos?|troops|soldiers|army|police|forces|front|party|movement|command|brigades?|"
                         r"cartel|extraditables|squads?|group|organi[sz]ation|militia|units?|battalion|government|"
                         r"regime|sappers|subversives?|drug traffickers|hit ?men|assassins|paramilitar\w*)\b",
                         re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b(?![a-z])")


def _groupish(actor: str, upper_text: bool) -> bool:
    """A perpetrator: a group noun, or (in mixed-case text) an acronym such as FMLN or ELN."""
    if _GROUP_NOUN.search(actor):
        return True
    return not upper_text and bool(_ACRONYM.search(actor))
_NUMBERISH = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|people|persons)\b",
                        re.IGNORECASE)
_WEAPONS = re.compile(r"\b(?:drones?|aircraft|jets?|planes?|helicopters?|missiles?|rockets?|bombs?|mortars?|"
                      r"grenades?|explosives?|car bombs?|dynamite|rifles?|guns?)\b", re.IGNORECASE)
_MEANS = re.compile(
    r"\b(?P<m>F-\d{1,2}\w*(?:\s+[A-Z]\w+){0,2}(?:\s+fighter(?:\s+(?:jets?|planes?))?)?|(?:combat\s+|armed\s+|attack\s+)?drones?|UAVs?|"
    r"warplanes?|fighter (?:jets?|planes?)|jets|helicopters?|aircraft|bombers?)\b(?!\s+(?:was|were)\s+(?:downed|shot))")
_MEANS_CONTEXT = re.compile(r"\b(strikes?|airstrikes?|attacks?|launched|using|carried out|came from|bomb|raid)\b", re.IGNORECASE)
_MEANS_NOT = re.compile(r"\b(downed|shot down|intercepted|against|targeting|targeted)\s+(?:a|an|the|two|\w+)?\s*(?:\w+\s+)?$", re.IGNORECASE)
_PRONOUNS = {"we", "i", "it", "they", "he", "she", "this", "that"}


def means_class(text: str) -> str:
    """The class of a weapon phrase: drones and piloted aircraft are the ones sources dispute."""
    t = text.lower()
    if "drone" in t or "uav" in t:
        return "drones"
    return "aircraft"


_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|minister|ministry|official|officials|spokesperson|"
                   r"representative|commander|leader|chief|secretary|adviser|advisor|head)\b", re.IGNORECASE)


def _actor_clean(text: str) -> str | None:
    t = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.'\"“”"), flags=re.IGNORECASE)
    return t or None


def _speaker_body(who: str | None) -> str | None:
    """The body a speaker speaks for: "Iranian government spokesperson Ali Rabiei" -> "Iranian government"."""
    if not who:
        return None
    m = _ROLE.search(who)
    if not m:
        return None
    body = re.sub(r"^(?:the|a|an)\s+", "", who[:m.start()].strip(), flags=re.IGNORECASE).rstrip("’'s ").strip()
    return body or None


_ATTRIBUTION_TRIGGER = re.compile(
    r"responsib|blam|accus|deni|deny|reject|suspect|carried out|conduct|launch|stag|mount|perpetrat|held|hold|"
    r"consider|attribut|by\b|behind|drone|uav|aircraft|jet|plane|helicopter|bomber|F-\d|killed|murdered|"
    r"assassinat|attack|kidnap|abduct|bomb|dynamit|ambush|massacr|machine|shot|wounded|destroy|burn|seiz|commit|"
    r"plann|plant|detonat|set off|fired|opened fire", re.IGNORECASE)


def _attributions_in(s: Sentence, src: Source | None) -> list[Attribution]:
    text, out = s.text, []
    by = src.text if src else None
    if not _ATTRIBUTION_TRIGGER.search(text):
        return out
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters) > 0.8 * max(len(letters), 1)  # MUC-style all-caps wire copy

    def add(kind: str, actor: str | None, who: str | None, m: re.Match[str], negated: bool = False) -> None:
        if actor and actor.lower() in _PRONOUNS and kind == "denied":
            actor = _speaker_body(who) or who  # "We deny any role," the Iranian government spokesman said
        out.append(Attribution(kind, actor, who, (s.start + m.start(), s.start + m.end()), negated=negated))

    for m in _R_CLAIM.finditer(text):
        actor = _np_before(text, m.start())
        if actor and _NO_ONE.match(actor):
            add("claimed", None, by, m, negated=True)
        elif actor:
            add("claimed", actor, by or actor, m)
    for m in _R_CLAIMED_BY.finditer(text):
        add("claimed", _np_after(text, m.end()), by, m)
    for m in _R_DENY.finditer(text):
        add("denied", _np_before(text, m.start()), by, m)
    for m in _R_BLAME.finditer(text):
        rest = text[m.end():]
        # blame for an attack, not "accused the US of supporting terrorism"
        if not _R_ABOUT_ATTACK.search(rest[:120]):
            continue
        if re.match(r"(?i)(for|of|in)\b", rest):  # "a militia blamed for the attacks": reduced passive
            add("accused", _np_before(text, m.start()), by, m)
            continue
        actor = _np_after(text, m.end())
        after = rest[len(rest) - len(rest.lstrip()) + len(actor or ""):]
        on = re.match(r"\s+on\s+", after)
        if on and not re.match(r"\s+(for|of)\b", after):  # "blamed the attack on X"
            actor = _np_after(text, m.end() + len(rest) - len(after) + on.end())
        if actor:  # "accused X of involvement in": the charge is not part of the actor
            actor = re.sub(r"\s+of\s+(?:involvement|complicity|responsib\w*|the\s+\w+|an?\s+\w+|\w+ing)\b.*$", "",
                           actor, flags=re.IGNORECASE)
        if actor and not _NO_ONE.match(actor):
            add("accused", actor, _np_before(text, m.start()) or by, m)
    for m in _R_PASSIVE.finditer(text):
        kind = "accused" if m.group("v").lower() in ("blamed", "accused") else "suspected"
        bym = re.search(r"\bby\s+", text[m.end():m.end() + 60])
        who = _np_after(text, m.end() + bym.end()) if bym else by
        add(kind, _np_before(text, m.start()), who, m)
    for m in _R_CARRIED.finditer(text):
        actor = _np_before(text, m.start())
        if actor and not re.match(r"(?i)(it|they|this)$", actor):
            add("carried_out", actor, by, m)
    for m in _R_AGENT.finditer(text):
        actor = _np_after(text, m.end())
        if actor and _groupish(actor, upper) and not _NO_ONE.match(actor) and not _WEAPONS.search(actor):
            add("suspected" if m.group("hedge") else "carried_out", actor, by, m)
    for m in _R_ACTIVE.finditer(text):
        actor = _np_before(text, m.start())
        if (actor and _groupish(actor, upper) and not _WEAPONS.search(actor) and not _NUMBERISH.search(actor)
                and not re.match(r"(?i)(it|they|this|who|which)$", actor)):
            add("carried_out", actor, by, m)
    for m in _R_HELD.finditer(text):
        actor = _actor_clean(m.group("actor"))
        if actor and not _NO_ONE.match(actor):
            add("accused", actor, _np_before(text, m.start()) or by, m)
    for m in _R_ATTRIBUTED.finditer(text):
        actor = _np_after(text, m.end())
        if actor and _R_ABOUT_ATTACK.search(text[m.start():m.end()]):
            add("accused", actor, _np_before(text, m.start()) or by, m)
    if _MEANS_CONTEXT.search(text):
        for m in _MEANS.finditer(text):
            if _MEANS_NOT.search(text[: m.start()]):
                continue
            out.append(Attribution("means", m.group("m"), by, (s.start + m.start(), s.start + m.end())))
    return out


# ---------------------------------------------------------------- the article

_CASUALTY_WORDS = re.compile(r"\b(shot|shooting|killed|dead|died|injured|wounded|attack|gunfire|stabbed|"
                             r"bomb|strike|airstrike|explosion|homicide|murder)\w*", re.IGNORECASE)


def extract(text: str, title: str = "", spans: list[Span] | None = None) -> Extraction:
    """Figures and attributions of an article, and its main incident's killed / injured."""
    sents = sentences(text, spans)
    tags = incident_tags(sents, title)
    figures: list[Figure] = []
    attributions: list[Attribution] = []
    found = [_sources(s) for s in sents]
    owns = [f.at() for f in found]
    quoted = quote_sources(sents, owns)
    named: Source | None = None  # the last source named with a name, for "he said"
    for i, (s, refs) in enumerate(zip(sents, tags, strict=True)):
        earlier = bool(_EARLIER.search(s.text))
        own = owns[i]
        if own is not None and own.text.lower() not in _PRONOUNS:
            named = own
        for f in _figures_in(s):
            src = found[i].at(f.span[0] - s.start) or quoted.get(i)
            if src is not None and src.text.lower() in _PRONOUNS and named is not None:
                src = named  # "..., she said": the speaker named last
            q = f.q
            figures.append(Figure(
                metric=f.metric, value=q.value, lower=q.lower, upper=q.upper, qualifier=q.qualifier,
                subject=f.subject, span=f.span, attributed_to=src,
                incident=_tag_at(refs, f.span[0] - s.start), earlier=earlier, unit=f.unit, basis=f.basis,
            ))
        src = own
        for a in _attributions_in(s, src):
            attributions.append(Attribution(a.kind, a.actor, a.by, a.span,
                                            _tag_at(refs, a.span[0] - s.start), a.negated))
    killed, injured = totals(figures)
    if killed is None and _CASUALTY_WORDS.search(title + " " + text):
        killed = injured = 0
    return Extraction(tuple(figures), tuple(attributions), killed, injured)


LEAD = 600  # characters: where an article says what it is about


def totals(figures: list[Figure] | tuple[Figure, ...]) -> tuple[int | None, int | None]:
    """The main incident's killed and injured-not-killed.

    Written counts win; one-victim descriptions count one (we cannot tell two descriptions of
    one victim from two victims, and most articles have one; a suicide is most often the same
    person as the dead described, "murder-suicide" counts two); "N shot" less the killed
    gives the injured. A described injury is not counted when
    someone was killed, unless the text says another or a second person was hurt: "a man
    was shot ... he died" is one victim.
    """
    casualty = [f for f in figures if f.metric in ("killed", "injured", "shot") and not f.earlier]
    main = [f for f in casualty if f.incident == "main"]
    if not main and casualty and casualty[0].span[0] < LEAD:
        # the lead itself dates the casualties apart ("the man shot by police last month"):
        # the article is about that incident, so take its figures; a casualty met only
        # further down is another event the article mentions
        first = casualty[0].incident
        main = [f for f in casualty if f.incident == first]
    if not main:
        return None, None

    def best(metric: str, basis: str = "count") -> int:
        vals = [f.value if f.value is not None else (f.lower or 0) for f in main if f.metric == metric and f.basis == basis]
        return max(vals, default=0)

    k_count, k_single, suicide = best("killed"), best("killed", "single"), best("killed", "suicide")
    killed = max(k_count, k_single, suicide)
    i_count, shot = best("injured"), best("shot")
    i_single = [f for f in main if f.metric == "injured" and f.basis == "single"]
    i_one = 1 if i_single and (killed == 0 or any(f.subject == "another" for f in i_single)) else 0
    injured = max(i_count, shot - killed if shot else 0, i_one)
    return killed, injured
