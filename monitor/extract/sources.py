"""Who a sentence attributes what it says to: "according to X", "X said", "said X", "X's
statement", "per X", speaker labels, headline sources. Quotations and their speakers are ``quotes``'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.incidents import Sentence
from monitor.extract.lexicon import REPORTING_VERBS
from monitor.models import Source

LEAD_WORDS = re.compile(r"^(?:and|but|while|as|after|then|also|however|meanwhile|so)\s+", re.IGNORECASE)

_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:a|an|the)\s+)?(?:(?:\w+\s+)?(?:statement|report|figures|tally|count)s?\s+(?:from|by|of|released by)\s+(?:from\s+)?)?"
    r"(?P<src>[^,;.()\-–—\"“]{2,90})", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"(?:,\s|[\"”]|\b(?:after|as|because|since|while)\s)\s*"
                         rf"(?P<src>(?!(?:and|but|which|who)\b)[^,;\"“”]{{2,90}}?)\s+(?:{REPORTING_VERBS}|agree|agreed)\b")
_SAID_BEFORE = re.compile(rf"[,\"”]\s*{REPORTING_VERBS}\s+(?P<src>[A-Z][^,;.\"“”]{{2,80}})")
_LEAD_CUE = (rf"(?:{REPORTING_VERBS}|(?:wants?|plans?) to|proposed|proposes|called(?: for)?|calls(?: for)?|pledged|promised|"
             r"vowed|vows|urged|urges|accused|accuses|charged|charges|cited|cites|unveiled|unveils|"
             r"backed|backs|rejected|rejects|advocates|advocated|agreed|agrees|stressed|stresses|declared|"
             r"declares|asked|asks|tweeted|tweets|grilled|scolded|features|featured|allows|allowed|requires|"
             r"required|predicted|predicts|forecast|forecasts|expects|expected|believes|believed|thinks|"
             r"referenced|references|published|publishes|joked|jokes|likened|likens|criticized|criticizes|"
             r"made it clear|makes it clear|decided|decides|knows|knew|endorsed|endorses|brags?|bragged|"
             r"judged|judges|rated|rates|ruled|rules|issued a statement|tried to make the case|"
             r"(?:has|have|had) heard|agree|acknowledged|conceded|concedes|boasted|boasts|touted|touts|"
             r"pointed to|points? to|highlighted|highlights|insisted|insists|maintained|maintains)")
_SAID_LEAD = re.compile(rf"^(?:[\"“‘]\s*)?(?:(?:But|And|Meanwhile|However|Still|Yet|Now|Also|Overall),?\s+)?"
                        rf"(?:(?:In|On|At|For|After|Before|During|Last|This|Earlier|Later|Asked|More|Most|"
                        rf"Following|Since|Until|With|By|Under|Despite)\b[^,;\"“”]{{0,90}},\s+)?"
                        rf"(?P<src>[^,;\"“”]{{2,110}}?)"
                        # an apposition: "Rendell, a Clinton surrogate, said"
                        rf"(?:,\s+(?:a|an|the|who|whose|which|\w+ed|[A-Z])[^;\"“”]{{1,200}}?,)?"
                        rf"\s+(?:also\s+|recently\s+|previously\s+|now\s+|then\s+|again\s+|still\s+|\w+ly\s+)?"
                        rf"{_LEAD_CUE}\b")
# "The poll, which tracks support daily, showed that ...": the subject and its relative clause
_LEAD_REL = re.compile(rf"^(?P<src>[^,;\"“”]{{2,110}}?),\s+(?:which|who|whose)\s+[^;\"“”]{{2,160}}?,\s+{REPORTING_VERBS}\b")
_HEADLINE = re.compile(r"^(?P<src>[A-Z][\w.&’'-]+(?:\s[A-Z][\w.&’'-]+){0,3}):\s+\S")  # "Politifact: Trump is right"
_SPEAKER = re.compile(r"^[\"“]?\s*(?P<src>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:")
_STATEMENT = re.compile(r"(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})['’]s? (?:statement|report|figures|plan|proposal|claim|admission|estimate|analysis|data|tally|count|survey|poll|study|budget|bill)\b")
_PER = re.compile(r"\bper\s+(?P<src>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


def _trim_source(src: str) -> str:
    src = LEAD_WORDS.sub("", src.strip())
    src = re.sub(r"\s+(?:has|have|had|also|has also|have also)$", "", src)
    src = re.split(r"\s+(?:-|–|—)\s+|\s+(?:in a statement|on \w+day|in an? (?:interview|email|news conference)|"
                   r"who|which|that)\b", src)[0]
    return src.strip(" ,.'\"“”’")


# "Though his plan would ...": a subordinate clause or a possessive is no one's attribution
# a clause's subject is no subordinate clause, and ends in no determiner or preposition
# ("According to reports ...": "reports" is the noun, not a reporting verb)
_NOT_SUBJECT = re.compile(r"^(?:though|although|if|when|while|because|since|unless|whether|according)\b|"
                          r"\b(?:his|her|their|its|our|my|your|the|a|an|to|of|by|from|for|with)$", re.IGNORECASE)
_PARTICIPLE_HEAD = re.compile(r"^[a-z]+ing\b")  # ", claiming that ...": a participle, not a subject
_NOT_SOURCE = re.compile(r"\b(killed|injured|wounded|dead|were|was|is|are|would|will|could|should|can|may|might|must|did|does)\b")


@dataclass(frozen=True)
class SentenceSources:
    """The attributions a sentence makes: one over the whole sentence, or several in place."""

    lead: Source | None
    placed: tuple[tuple[int, Source], ...]  # (position of the cue, source) found by one pattern

    def at(self, pos: int | None = None) -> Source | None:
        if self.lead is not None or not self.placed:
            return self.lead
        if pos is None:
            return self.placed[0][1]
        return min(self.placed, key=lambda p: abs(p[0] - pos))[1]


def _source(m: re.Match, s: Sentence) -> Source | None:
    """The source a pattern found, if it can be one: not a clause, a possessive or a pronoun-ish word."""
    src = _trim_source(m.group("src"))
    if not src or len(src.split()) > 12 or src.lower() in {"it", "this", "that", "there"}:
        return None
    if _NOT_SOURCE.search(src) or _NOT_SUBJECT.search(src) or _PARTICIPLE_HEAD.match(src):
        return None
    start = s.start + m.start("src")
    return Source(src, (start, start + len(src)))


# "Reid mocked Romney, claiming that he had paid no taxes for 10 years": the participle's
# speaker is the sentence's subject
_PARTICIPLE = re.compile(r",\s+(?:saying|claiming|arguing|noting|adding|insisting|warning|explaining|asserting|"
                         r"suggesting|charging|contending)\b")
_SUBJECT_NAME = re.compile(r"^(?P<src>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b")


def sentence_sources(s: Sentence) -> SentenceSources:
    text = s.text
    # a sentence that opens with "X said/reported/found (that)" is X's throughout
    for rx in (_SAID_LEAD, _LEAD_REL, _SPEAKER, _HEADLINE):
        m = rx.match(text)
        if m:
            src = _trim_source(m.group("src"))
            if src and len(src.split()) <= 12 and not _NOT_SOURCE.search(src) and not _NOT_SUBJECT.search(src):
                start = s.start + m.start("src")
                lead = Source(src, (start, start + len(src)))
                # "Police have said ..., according to attorneys for the family": the later,
                # named origin is the figure's source
                later = [(a.start(), _source(a, s)) for a in _ACCORDING.finditer(text, m.end())
                         if not re.search(r"[;\"“”]|''", text[m.end():a.start()])]  # same clause
                later = [(p, x) for p, x in later if x is not None]
                return SentenceSources(None, tuple(later)) if later else SentenceSources(lead, ())
    for rx in (_ACCORDING, _SAID_AFTER, _SAID_BEFORE, _STATEMENT, _PER):
        found = [(m.start(), src) for m in rx.finditer(text) if (src := _source(m, s)) is not None]
        if found:  # the first pattern that finds any decides; among its finds, the nearest
            return SentenceSources(None, tuple(found))
    part, subj = _PARTICIPLE.search(text), _SUBJECT_NAME.match(text)
    if part and subj and not _NOT_SUBJECT.search(subj.group("src")):
        start = s.start + subj.start("src")
        return SentenceSources(None, ((part.start(), Source(subj.group("src"), (start, start + len(subj.group("src"))))),))
    return SentenceSources(None, ())


def source_of(s: Sentence, at: int | None = None) -> Source | None:
    """Who the sentence attributes its content to (at position ``at``), if it names anyone."""
    return sentence_sources(s).at(at)


PRONOUNS = {"we", "i", "it", "they", "he", "she", "this", "that"}  # sources that name no one by themselves
