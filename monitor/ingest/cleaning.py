"""From a page to the article's text: trafilatura for the page, then in-body boilerplate.

Boilerplate is found paragraph by paragraph and returned as the spans to keep, so that
extraction offsets stay offsets into the text the caller gave.
"""

from __future__ import annotations

import hashlib
import re

from monitor.models import Span

# Headings after which a page carries no more article text.
_TAIL_HEADINGS = re.compile(
    r"^\s*(comments?|leave a (reply|comment)|post a comment|the latest|related( articles| stories)?|"
    r"read more|more (stories|from|on this)|recommended|most (read|popular)|share this|"
    r"join (our|the) (commenting|conversation)[^\n]*|support [^\n]{0,40}|you may also like|"
    r"trending( now)?|subscribe( now)?!?|sign up[^\n]{0,40}|click below to donate)\s*:?\s*$",
    re.IGNORECASE,
)
# Phrases that mark a paragraph as a plea, a policy or page furniture, wherever it stands. Searched
# in the lower-cased sentence: a case-blind search of the alternatives costs 2.5 times as much.
_BOILERPLATE = re.compile(
    r"(your (support|donation|contribution)s?\b|donate( today)?\b|\bsubscribe\b|newsletter|"
    r"comment(s|ing)? (policy|forum|guidelines)|community guidelines|moderates all comments|"
    r"you are commenting using|log in|logged in|cookie|all rights reserved|terms of (use|service)|"
    r"privacy policy|akismet|follow us on|sign up for|click here|refresh the page|"
    r"reproduced without permission|contributions of readers|independent journalism|"
    r"thank you for (registering|reading|supporting)|stay informed with|invest in journalism|"
    r"may not be (published|broadcast|rewritten|redistributed)|copyright \d{4}|read more from|"
    r"enable javascript|verification (email|message)|email notifications|your notification|saving your notification|"
    r"just one more thing|owner of this article|already a subscriber|deliverable area|get breaking news|"
    r"update your profile|posts new content|maximum number of (stories|articles)|free for \d+ days|premium clicks|"
    r"e-edition|image \d+ of \d+|"
    r"\bpause\s+\d{1,2}:\d\d\b)",  # a video list: "1:17 Ranchers rush to help Pause 1:17 Wildfire update"
    re.ASCII,
)
_VIDEO_LENGTH = re.compile(r"^\s*\d{1,2}:\d\d [A-Z\d\"“]")  # a video's length, then its title


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE.search(sentence.lower()) or _VIDEO_LENGTH.match(sentence))


def clean_html(html: str | bytes, url: str | None = None) -> tuple[str, str | None]:
    """Return (text, title) of a page. trafilatura never fetches anything here."""
    import trafilatura  # slow to import; only the processes that clean pages pay for it

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, favor_recall=True,
        with_metadata=True,
    )
    if doc is None:
        return "", None
    text = doc.text or ""
    return text, doc.title


def hard_wrapped(text: str) -> bool:
    """Wire copy wrapped at a fixed width, paragraphs between blank lines (MUC, old agencies).
    A short item may be one paragraph with no blank line: then most lines end mid-sentence."""
    rows = [x.rstrip() for x in text.split("\n") if x.strip()]
    lines = sorted(len(x) for x in rows)
    if len(lines) < 3 or not (40 <= lines[len(lines) // 2] <= 90 and lines[-1] <= 100):
        return False
    if "\n\n" in text.strip():
        return len(lines) >= 5
    return sum(1 for x in rows if not re.search(r"[.!?\"”:]$", x)) * 2 > len(rows)


def paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs: non-empty lines (news text has one paragraph per line), or the
    blocks between blank lines when the text is hard-wrapped."""
    rx = r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*" if hard_wrapped(text) else r"[^\n]+"
    spans = []
    for m in re.finditer(rx, text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def content_spans(text: str) -> list[Span]:
    """The paragraphs that are article text: boilerplate dropped, page tail cut."""
    keep: list[Span] = []
    words_kept = 0
    for start, end in paragraphs(text):
        para = text[start:end]
        # A "Comments" link near the top is page furniture; after the body it ends the article.
        if _TAIL_HEADINGS.match(para) and len(keep) >= 3 and words_kept >= 80:
            break
        # a paragraph is boilerplate when half its sentences are: some pages are one long line
        # with "Click here" and a copyright notice at its end (those sentences go later)
        sents = [x for x in _SENTENCE_END.split(para) if x.strip()]
        if sum(1 for x in sents if is_boilerplate(x)) * 2 >= len(sents):
            continue
        words = para.split()
        # Short lines without a full stop are headings, captions, bylines and buttons.
        if len(words) < 6 and not re.search(r"[.!?\"”]\s*$", para):
            continue
        keep.append((start, end))
        words_kept += len(words)
    return keep


# Page furniture an outlet repeats on every page ("Get email notifications on X daily!",
# a weather box, a list of videos) is found by repetition: a sentence an earlier article of
# the same outlet carried is not this article's. The caller keeps the hashes seen per outlet.
_FURNITURE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_hashes(text: str) -> list[tuple[str, str]]:
    """(hash, sentence) for each sentence; the hash ignores case, punctuation and spacing."""
    out = []
    for s in _FURNITURE_SPLIT.split(text):
        key = " ".join(re.findall(r"\w+", s.lower()))
        if key:
            out.append((hashlib.blake2b(key.encode(), digest_size=8).hexdigest(), s))
    return out
