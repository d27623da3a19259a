"""Feeds: bytes in, typed entries out (feedparser is never given a URL), and URL identity."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from tld import get_fld

from monitor.models import FeedEntry, ParsedFeed

log = logging.getLogger(__name__)

# tracking parameters: the utm_ family by prefix, the others by exact name ("ref" is tracking,
# "reference" or "refresh" may choose the page)
_TRACKING_PREFIX = "utm_"
_TRACKING = frozenset(("fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "ref_src", "ref_url", "smid",
                       "igshid"))


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port."""
    p = urlsplit(url.strip())
    host = (p.hostname or "").lower()
    if p.port and not ((p.scheme == "http" and p.port == 80) or (p.scheme == "https" and p.port == 443)):
        host = f"{host}:{p.port}"
    query = [(k, v) for k, v in parse_qsl(p.query, keep_blank_values=True)
             if not (k.lower().startswith(_TRACKING_PREFIX) or k.lower() in _TRACKING)]
    path = p.path or "/"
    return urlunsplit((p.scheme.lower(), host, path, urlencode(query), ""))


def url_id(url: str) -> str:
    return hashlib.sha1(canonical_url(url).encode()).hexdigest()[:16]


_EDITIONS = frozenset(("m", "mobile", "amp", "news", "edition", "www1", "www2", "beta", "en", "english"))
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")


def outlet(url: str | None) -> str:
    """The site an article comes from ("reuters.com"); an archive.org capture is its original's."""
    if not url:
        return "unknown"
    m = _ARCHIVED.match(url.strip())
    if m:
        url = m.group(1) if "://" in m.group(1) else "http://" + m.group(1)
    host = (urlsplit(url).hostname or "unknown").removeprefix("www.")
    first, _, rest = host.partition(".")
    if first in _EDITIONS and rest:
        # "m.", "amp.", "news." ... select a version of one site, not another outlet: its
        # registered domain ("news.bbc.co.uk" is "bbc.co.uk"); a blog on a platform
        # ("x.wordpress.com") and a section with its own name ("crimeblog.dallasnews.com") stay apart
        fld = get_fld(f"http://{host}", fail_silently=True)
        if fld == rest:
            return rest
    return host


def _iso(struct) -> str | None:  # noqa: ANN001 - time.struct_time from feedparser
    if not struct:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def parse_feed(content: bytes, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes. A bozo feed with entries is a warning; a bad entry is skipped alone."""
    parsed = feedparser.parse(content, response_headers=headers or {})
    warnings = []
    if parsed.bozo:
        exc = parsed.get("bozo_exception")
        if not parsed.entries:
            raise ValueError(f"not a feed: {type(exc).__name__}: {exc}")
        warnings.append(f"malformed feed, {len(parsed.entries)} entries kept: {exc}")
    entries = []
    for i, e in enumerate(parsed.entries):
        try:
            link = e.get("link") or None
            key = e.get("id") or (canonical_url(link) if link else None)
            title = (e.get("title") or "").strip()
            summary = (e.get("summary") or "").strip()
            if not key:
                if not title:
                    warnings.append(f"entry {i}: no id, link or title; skipped")
                    continue
                key = "title:" + hashlib.sha1(title.encode()).hexdigest()[:16]
            published = _iso(e.get("published_parsed") or e.get("updated_parsed"))
            fp = hashlib.sha1("\x1f".join([title, summary, e.get("updated", "")]).encode()).hexdigest()[:16]
            entries.append(FeedEntry(key, link, title, summary, published, fp))
        except Exception as exc:  # one bad entry must not stop the others
            warnings.append(f"entry {i}: {type(exc).__name__}: {exc}; skipped")
    return ParsedFeed((parsed.feed.get("title") or "").strip(), tuple(entries), tuple(warnings))
