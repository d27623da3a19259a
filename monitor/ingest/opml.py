"""OPML, the outline format feed readers import and export: a list of feeds.

Pure: bytes in, (title, URL) pairs out, and back. Parsed with the standard library's expat:
entity declarations are refused (no billion laughs), and no DTD or external resource is read.
"""

from __future__ import annotations

from xml.parsers import expat
from xml.sax.saxutils import quoteattr

MAX_OUTLINES = 10_000


class OpmlError(ValueError):
    """Not an OPML file newsmon can read; the message says why."""


def read_opml(data: bytes) -> list[tuple[str, str]]:
    """The (title, xmlUrl) of every outline that names a feed, nested ones included."""
    out: list[tuple[str, str]] = []
    seen_root = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal seen_root
        seen_root = seen_root or name == "opml"
        if name == "outline" and attrs.get("xmlUrl"):
            if len(out) >= MAX_OUTLINES:
                raise OpmlError(f"more than {MAX_OUTLINES} feeds")
            out.append(((attrs.get("title") or attrs.get("text") or "").strip(), attrs["xmlUrl"].strip()))

    def no_entities(*_: object) -> None:
        raise OpmlError("entity declarations are not allowed")

    p = expat.ParserCreate()
    p.StartElementHandler = start
    p.EntityDeclHandler = no_entities
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        p.Parse(data, True)
    except expat.ExpatError as e:
        raise OpmlError(f"not XML: {e}") from None
    if not seen_root:
        raise OpmlError("no <opml> element")
    return out


def to_opml(feeds: list[tuple[str, str, str]]) -> str:
    """(id, title, URL) of each feed as an OPML 2.0 document."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head><title>newsmon feeds</title></head>",
             "  <body>"]
    for fid, title, url in feeds:
        lines.append(f"    <outline type=\"rss\" text={quoteattr(title or fid)} title={quoteattr(title or fid)} "
                     f"xmlUrl={quoteattr(url)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
