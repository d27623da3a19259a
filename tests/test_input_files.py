"""Input files read as they come: ``newsmon replay``'s reader names every bad line in an
InputError, and the feed parser refuses what is no feed with a ValueError, never anything else
(issue 19). A table of bad lines, and random bytes, JSON and feed-like XML (Hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.devtools import replay
from monitor.devtools.replay import InputError, read_docs
from monitor.ingest.feeds import parse_feed

GOOD = {"id": "a1", "title": "Two hurt", "text": "Two people were hurt.", "published": "2024-01-02T10:00:00Z"}


@pytest.mark.parametrize(("line", "says"), [
    (b"\xff\xfe\x00garbage\x81\n", "not UTF-8"),
    (b"{not json\n", "not JSON"),
    (b"[1, 2, 3]\n", "JSON object"),
    (b"42\n", "JSON object"),
    (b'"a string"\n', "JSON object"),
    (json.dumps({"title": "no id", "text": "x"}).encode() + b"\n", "needs an id"),
    (json.dumps({"id": "a", "text": 5}).encode() + b"\n", "needs an id and a text"),
    (json.dumps({**GOOD, "title": ["a", "list"]}).encode() + b"\n", "'title' must be a string"),
    (json.dumps({**GOOD, "published": 1700000000}).encode() + b"\n", "'published' must be a string"),
])
def test_a_bad_line_is_named(tmp_path: Path, line: bytes, says: str) -> None:
    f = tmp_path / "in.jsonl"
    f.write_bytes(json.dumps(GOOD).encode() + b"\n" + line)
    with pytest.raises(InputError, match=rf"in\.jsonl:2: .*{says}"):
        list(read_docs(f))


def test_a_line_over_the_cap_is_refused_without_reading_it_whole(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(replay, "MAX_LINE", 1000)
    f = tmp_path / "in.jsonl"
    f.write_bytes(json.dumps({**GOOD, "text": "x" * 5000}).encode() + b"\n")
    with pytest.raises(InputError, match="over 1,000 bytes"):
        list(read_docs(f))


def test_good_lines_read(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps(GOOD) + "\n\n" + json.dumps({"doc_id": 7, "text": "t", "dct": "2024-01-01"}) + "\n")
    docs = list(read_docs(f))
    assert [d.id for d in docs] == ["a1", "7"] and docs[1].published == "2024-01-01"


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=6),
                     max_leaves=12)
_FIELDS = st.fixed_dictionaries({}, optional={k: _JSON for k in ("id", "doc_id", "title", "text", "html",
                                                                   "published", "url", "source")})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.lists(_JSON | _FIELDS, max_size=4).map(
    lambda xs: b"\n".join(json.dumps(x).encode() for x in xs)))
def test_random_input_reads_or_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "in.jsonl"
    f.write_bytes(data)
    try:
        for d in read_docs(f):
            assert isinstance(d.id, str) and isinstance(d.title, str) and isinstance(d.text, str)
    except InputError:
        pass


_XML_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_ITEM = st.tuples(_XML_TEXT, _XML_TEXT, _XML_TEXT).map(
    lambda t: f"<item><title>{t[0]}</title><link>{t[1]}</link><pubDate>{t[2]}</pubDate></item>")
_FEED = st.lists(_ITEM, max_size=4).map(
    lambda items: ('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>' + "".join(items)
                   + "</channel></rss>").encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400) | _FEED)
def test_random_bytes_parse_or_are_not_a_feed(data: bytes) -> None:
    try:
        feed = parse_feed(data)
    except ValueError as e:
        assert str(e).startswith("not a feed")
    else:
        assert all(isinstance(e.key, str) and e.key for e in feed.entries)
