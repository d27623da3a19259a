"""``newsmon replay INPUT.jsonl --out DIR``: documents through the live pipeline's code, in order.

Each run works in its own key namespace (``newsmon:replay:<run>``), starts empty and deletes
its keys at the end. See DESIGN.md for the four output files.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis

from monitor.ingest.cleaning import clean_html
from monitor.ingest.feeds import outlet
from monitor.models import Article, Topic
from monitor.ops.clock import age_out
from monitor.ops.retention import RetentionPolicy, sweep
from monitor.pipeline import analyse, assign, matches_topic
from monitor.state.archive import Archive
from monitor.state.keys import Keys
from monitor.state.store import Store
from monitor.stories.matching import MatchPolicy, epoch


class InputError(ValueError):
    pass


@dataclass(frozen=True)
class Doc:
    id: str
    published: str | None
    title: str
    text: str
    html: str | None
    url: str | None
    source: str


MAX_LINE = 20_000_000  # bytes: a longer line is no article (a whole page is under 5 MB)


def read_docs(path: Path) -> Iterator[Doc]:
    """Input lines; ``doc_id``/``article_id`` and ``dct`` are accepted for ``id`` and ``published``.
    A line that is not one article (not UTF-8, not a JSON object, a field of the wrong type, over
    MAX_LINE bytes) raises InputError naming the line."""
    with path.open("rb") as f:
        n = 0
        while raw := f.readline(MAX_LINE + 1):
            n += 1
            if len(raw) > MAX_LINE:
                raise InputError(f"{path}:{n}: a line over {MAX_LINE:,} bytes")
            if not raw.strip():
                continue
            yield _doc(path, n, raw)


def _doc(path: Path, n: int, raw: bytes) -> Doc:
    try:
        d = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}:{n}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{n}: not JSON: {e}") from None
    if not isinstance(d, dict):
        raise InputError(f"{path}:{n}: a line must be a JSON object, got {type(d).__name__}")
    doc_id = d.get("id") or d.get("doc_id") or d.get("article_id")
    if doc_id is None or not isinstance(d.get("text", d.get("html")), str):
        raise InputError(f"{path}:{n}: a line needs an id and a text (or html)")
    for key in ("title", "published", "dct", "html", "url", "source"):
        if d.get(key) is not None and not isinstance(d[key], str):
            raise InputError(f"{path}:{n}: {key!r} must be a string, got {type(d[key]).__name__}")
    return Doc(str(doc_id), d.get("published") or d.get("dct"), d.get("title") or "",
               d.get("text") or "", d.get("html"), d.get("url"), d.get("source") or "")


def _outlet(doc: Doc) -> str:
    if doc.source:
        return doc.source
    return outlet(doc.url)


def doc_article(doc: Doc) -> Article:
    """An input line as the article a worker would make of it: its page cleaned, its figures read."""
    text, title = doc.text, doc.title
    if doc.html:
        cleaned, page_title = clean_html(doc.html, doc.url)
        text, title = cleaned, title or page_title or ""
    return analyse(doc.id, title, text, doc.published, _outlet(doc), doc.url)


def replay(r: redis.Redis, path: Path, out: Path, topic: Topic | None = None,
           policy: MatchPolicy | None = None, progress: bool = True, keep: bool = False,
           retention: RetentionPolicy | None = None) -> dict:
    """Run a JSONL file through extraction and the story step, in file order, each article at its
    publication time. With ``retention``, the clock's hourly work runs once per day of the stream,
    at that day's time: index ageing, then the retention sweep into ``out/archive.sqlite``."""
    docs = list(read_docs(path))
    out.mkdir(parents=True, exist_ok=True)
    ns = f"newsmon:replay:{uuid.uuid4().hex[:12]}"
    store = Store(r, Keys(ns))
    topic = topic or Topic("all")
    store.put_topic(topic)  # the story step reads its terms (no evidence of an event)
    t0 = time.monotonic()
    bar = None
    if progress:
        from tqdm import tqdm
        # disable=None: a bar on a terminal only, so that logs do not fill with carriage returns
        bar = tqdm(total=len(docs), unit="doc", file=sys.stderr, desc="replay", mininterval=0.5, disable=None)
    story_of: dict[str, str | None] = {}
    archive, day = (Archive(str(out / "archive.sqlite")) if retention is not None else None), None
    try:
        with (out / "assignments.jsonl").open("w") as fa, (out / "figures.jsonl").open("w") as ff:
            for i, doc in enumerate(docs):
                article = doc_article(doc)
                now = epoch(doc.published, float(i))
                if archive is not None and retention is not None and int(now // 86400) != day:
                    day = int(now // 86400)
                    age_out(store, now, retention.index_quiet_days)
                    sweep(store, archive, now, retention)
                sid = None
                if keep or archive is not None:  # what a worker stores: the namespace reads as a daemon's
                    store.put_article(article, now)
                if matches_topic(topic, article):
                    sid = assign(store, article, topic.name, now, policy,
                                 archive=(lambda: archive) if archive is not None else None).story
                story_of[doc.id] = sid
                fa.write(json.dumps({"id": doc.id, "story": sid}) + "\n")
                ff.write(json.dumps({"id": doc.id, "killed": article.killed, "injured": article.injured,
                                     "figures": article.figures, "attributions": article.attributions}) + "\n")
                if bar:
                    bar.update(1)
        stories = store.stories(topic.name)
        if archive is not None:  # the stories retention moved out, as they were archived
            live = {x.id for x in stories}
            stories += [x for x in archive.stories(topic.name, limit=10**9) if x.id not in live]
        with (out / "stories.jsonl").open("w") as fs:
            for s in sorted(stories, key=lambda s: s.id):
                fs.write(json.dumps(s.summary()) + "\n")
        alerts = store.alerts()
        if archive is not None:
            live = {a.id for a in alerts}
            alerts = sorted([a for a in archive.all_alerts() if a.id not in live] + alerts, key=lambda a: int(a.id.lstrip("a") or 0))
        with (out / "alerts.jsonl").open("w") as fl:
            for a in alerts:
                fl.write(json.dumps(a.to_dict()) + "\n")
    finally:
        if bar:
            bar.close()
        if archive is not None:
            archive.close()
        if not keep:
            for key in r.scan_iter(match=f"{ns}:*", count=1000):
                r.delete(key)
    return {"documents": len(docs), "stories": len(stories), "alerts": len(alerts),
            "seconds": round(time.monotonic() - t0, 2), "namespace": ns}
