"""Quotations and their speakers.

A figure inside a quotation is the speaker's, whatever the quoted words themselves say ("Just 9
percent of voters said ..." inside Cameron Easley's quote is Easley's figure). Speakers are found
at the quotation's edges ('," said X', '" X said', 'X said: "', 'X continued:' closing the
previous paragraph, a transcript's 'PENCE:'), and a quotation with no cue of its own belongs to
the speaker of the quotation next to it in its paragraph, or of the quote paragraph around it
(newswire runs a long quote over several paragraphs and names the speaker once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.lexicon import QUOTE_VERBS
from monitor.ingest.cleaning import paragraphs
from monitor.models import Source

_WORD = r"[\w.'’&/-]+"
# '," said Victor Cha, a Korea scholar' / '" wrote Cameron Easley for Morning Consult.'
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*{QUOTE_VERBS}\s+(?P<src>(?:(?:the|a|an)\s+{_WORD}|[A-Z0-9]{_WORD}?)(?:\s+{_WORD}){{0,6}}?)"
                               r"(?=\s*(?:[,.;:!?(]|$)|\s+(?:in|on|at|during|after|before|while|when|of|to|as|"
                               r"who|about|looking|adding|according)\b)")
# '!" ― Julie Diaz': a reader's comment signed after a dash
_AFTER_DASH = re.compile(rf"^\s*[―—–]\s*(?P<src>[A-Z]{_WORD}(?:\s+[A-Z]{_WORD}){{0,4}})")
# '," Warren said.' / '?" the senator told reporters'
_AFTER_SUBJECT_FIRST = re.compile(rf"^[\s,]*(?P<src>(?:[A-Z]{_WORD}|the|a|an|one|he|she|they|it|we|i)"
                                  rf"(?:\s+(?!{QUOTE_VERBS}\b){_WORD}){{0,6}}?)\s+(?:\w+ly\s+)?{QUOTE_VERBS}\b")
# 'Sanders made the following comment:' / 'The New York Times reports:' / 'She continued, "'
_BEFORE = re.compile(rf"(?P<src>(?:[A-Z]{_WORD}|the\s+\w+|he|she|they|we|i)(?:\s+(?!{QUOTE_VERBS}\b){_WORD}){{0,6}}?)"
                     rf"\s+(?:\w+ly\s+)?(?:{QUOTE_VERBS}|saying|asking|adding|noting|writing|telling \w+|made the following \w+|had this to say|put it this way|"
                     rf"(?:told|asked)\s+{_WORD}(?:\s+{_WORD})?)(?:\s+(?:that|this|on \w+|in an? \w+|to \w+))?\s*[:,]\s*$")
_LABEL = re.compile(r"[“\"'\s]*(?P<src>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:")
_OPENERS = ("“", '"', "''")


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (the paragraph's end when it runs on)
    paragraph: int
    runs_on: bool = False  # open at the paragraph's end: continues in the next quote paragraph
    speaker: Source | None = None


_MARK = re.compile(r"“|”|\"|''")


def _scan(text: str, a: int, b: int, para: int) -> list[Quote]:
    quotes, open_at, kind = [], -1, ""
    for m in _MARK.finditer(text, a, b):  # only the marks: a character loop costs 5 % of extraction
        c, i = m.group(), m.start()
        if open_at < 0:
            if c != "”":
                open_at, kind = i, c
            continue
        closes = ((kind == "“" and (c == "”" or (c == "“" and (m.end() >= b or text[m.end()].isspace()))))
                  or c == kind)
        if closes:
            quotes.append(Quote(open_at, m.end(), para))
            open_at = -1
    if open_at >= 0:
        quotes.append(Quote(open_at, b, para, runs_on=True))
    return quotes


def _source(text: str, m: re.Match, base: int) -> Source | None:
    src = m.group("src").strip(" ,")
    if not src or src.lower() in {"it", "this", "that", "there", "the"}:
        return None
    start = base + m.start("src")
    return Source(src, (start, start + len(src)))


def quotations(text: str) -> list[Quote]:
    """The article's quotations with their speakers where the text names them."""
    paras = paragraphs(text)  # one per line, or blocks between blank lines in hard-wrapped copy
    quotes: list[Quote] = []
    for p, (a, b) in enumerate(paras):
        quotes.extend(_scan(text, a, b, p))
    for q in quotes:
        pa, pb = paras[q.paragraph]
        label = _LABEL.match(text, q.start, q.end)
        if label:  # a transcript: "PENCE: Well, look, ..."
            q.speaker = Source(label.group("src").strip(), label.span("src"))
            continue
        tail = text[q.end:min(pb, q.end + 160)]
        m = _AFTER_VERB_FIRST.match(tail) or _AFTER_SUBJECT_FIRST.match(tail) or _AFTER_DASH.match(tail)
        if m:
            q.speaker = _source(text, m, q.end)
            if q.speaker:
                continue
        head_start = max(pa, q.start - 200)
        head = text[head_start:q.start]
        if not head.strip() and q.paragraph > 0:  # the previous paragraph may end 'X reports:'
            pa2, pb2 = paras[q.paragraph - 1]
            head_start = max(pa2, pb2 - 200)
            head = text[head_start:pb2] if text[pb2 - 1:pb2] == ":" else ""
        head_cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("”"), head.rfind('"'))
        if head_cut >= 0:
            head_start, head = head_start + head_cut + 1, head[head_cut + 1:]
        m = _BEFORE.search(head)
        if m:
            q.speaker = _source(text, m, head_start)
    _carry(quotes, paras, text)
    return quotes


def _carry(quotes: list[Quote], paras: list[tuple[int, int]], text: str) -> None:
    """Speakers for quotations without a cue: the neighbour in the paragraph, else the quote
    paragraph before (a quote running on) or after (the speaker named at the quote's end)."""
    by_para: dict[int, list[Quote]] = {}
    for q in quotes:
        by_para.setdefault(q.paragraph, []).append(q)
    for qs in by_para.values():
        for i, q in enumerate(qs):
            if q.speaker is None:
                near = [o for o in qs[i - 1::-1] if o.speaker] if i else []
                near = near or [o for o in qs[i + 1:] if o.speaker]
                if near:
                    q.speaker = near[0].speaker

    def quote_para(p: int) -> bool:  # a paragraph that opens with a quotation
        a, b = paras[p]
        return text[a:b].lstrip().startswith(_OPENERS)

    for p in sorted(by_para):
        qs = by_para[p]
        if all(q.speaker for q in qs) or not quote_para(p):
            continue
        prev, nxt = by_para.get(p - 1), by_para.get(p + 1)
        carried = None
        if prev and prev[-1].speaker and (prev[-1].runs_on or quote_para(p - 1)):
            carried = prev[-1].speaker
        elif nxt and nxt[0].speaker and quote_para(p + 1):
            carried = nxt[0].speaker
        for q in qs:
            if q.speaker is None:
                q.speaker = carried


def quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    """The quotation holding ``pos``, if any (quotations are not nested: inner quotes are the
    outer speaker's words)."""
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None
