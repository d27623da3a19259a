"""The archive: stories gone quiet, with their alerts and articles, kept for good outside Redis.

SQLite by default, one file under the state directory (``archive.sqlite``; another namespace has
``archive-<namespace>.sqlite``); PostgreSQL when ``archive_url`` is a ``postgresql://`` URL, with the
tables in a schema named after the namespace (several deployments can share one database). A record is the same JSON newsmon keeps in Redis, so
an archived story reads back equal to what it was. Writes are upserts: archiving a story again
(it was brought back by a follow-up, then went quiet again) replaces its row.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from monitor.models import Alert
from monitor.stories.matching import StorySketch
from monitor.stories.story import Story

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, topic TEXT NOT NULL, title TEXT NOT NULL,
       last_published DOUBLE PRECISION NOT NULL, archived DOUBLE PRECISION NOT NULL, sketch TEXT NOT NULL,
       story TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS stories_topic ON stories (topic, last_published)",
    """CREATE TABLE IF NOT EXISTS alerts (id TEXT PRIMARY KEY, story TEXT NOT NULL, seq DOUBLE PRECISION NOT NULL,
       alert TEXT NOT NULL, delivery TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS alerts_story ON alerts (story, seq)",
    """CREATE TABLE IF NOT EXISTS articles (id TEXT NOT NULL, story TEXT NOT NULL, article TEXT NOT NULL,
       PRIMARY KEY (story, id))""",
    # the matching index entries of archived stories (Redis' idx, who, named and dup zsets), so that
    # a follow-up finds a story after it left Redis: looked up with the same windows and limits
    """CREATE TABLE IF NOT EXISTS story_index (topic TEXT NOT NULL, family TEXT NOT NULL, term TEXT NOT NULL,
       member TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, PRIMARY KEY (topic, family, term, member))""",
    "CREATE INDEX IF NOT EXISTS story_index_by_score ON story_index (topic, family, term, score)",
]

IndexRow = tuple[str, str, str, str, float]  # topic, family, term, member, score


class ArchiveError(RuntimeError):
    """The archive cannot be opened or written (a bad URL, a missing driver, a full disk)."""


class Archive:
    def __init__(self, url: str, namespace: str = "newsmon") -> None:
        self.url, self.schema = url, namespace
        self._lock = threading.Lock()
        if url.startswith(("postgresql://", "postgres://")):
            try:
                import psycopg
            except ImportError:  # pragma: no cover - psycopg is a dependency
                raise ArchiveError("archive_url is a PostgreSQL URL but psycopg is not installed") from None
            try:
                self._conn: Any = psycopg.connect(url, autocommit=False, connect_timeout=10)
                with self._conn.cursor() as cur:
                    cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{_ident(namespace)}"')
                    cur.execute(f'SET search_path TO "{_ident(namespace)}"')
                self._conn.commit()
            except psycopg.Error as e:
                raise ArchiveError(f"cannot open the archive at {_redact(url)}: {e.__class__.__name__}: "
                                   f"{str(e).strip()[:200]}") from None
            self.kind, self._mark = "postgresql", "%s"
        else:
            path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else Path(url)
            self.path = path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # the web view reads from a thread pool: one connection, used under the lock
                self._conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
                self._conn.execute("PRAGMA journal_mode=WAL")  # readers (the web view) beside the writer
            except (OSError, sqlite3.Error) as e:
                raise ArchiveError(f"cannot open the archive {path}: {e}") from None
            self.kind, self._mark = "sqlite", "?"
        with self._tx() as cur:
            # every story step of a worker opens the archive: the tables are made once, and a
            # look (a read) is all the later openings cost
            cur.execute("SELECT to_regclass('story_index') IS NOT NULL" if self.kind == "postgresql" else
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'story_index'")
            if not cur.fetchone()[0]:
                for stmt in SCHEMA:
                    cur.execute(stmt)

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self._lock:
            cur = self._conn.cursor()
            try:
                yield cur
                self._conn.commit()
            except BaseException:
                self._conn.rollback()
                raise
            finally:
                cur.close()

    def _q(self, sql: str) -> str:
        return sql.replace("?", self._mark)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # writes
    def put_story(self, story: Story, alerts: Iterable[tuple[Alert, float, dict[str, Any]]],
                  articles: Iterable[dict[str, Any]], now: float, index: Iterable[IndexRow] = ()) -> None:
        """A story with its alerts (alert, sequence, delivery states), its articles and its index
        entries, in one transaction."""
        with self._tx() as cur:
            cur.executemany(self._q("INSERT INTO story_index VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                                    "(topic, family, term, member) DO UPDATE SET score = excluded.score"), list(index))
            cur.execute(self._q("DELETE FROM stories WHERE id = ?"), (story.id,))
            cur.execute(self._q("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        (story.id, story.topic, story.title, story.sketch.last, now,
                         json.dumps(story.sketch.to_dict()), json.dumps(story.to_dict())))
            self._put_alerts(cur, alerts)
            for a in articles:
                cur.execute(self._q("DELETE FROM articles WHERE story = ? AND id = ?"), (story.id, a["id"]))
                cur.execute(self._q("INSERT INTO articles VALUES (?, ?, ?)"), (a["id"], story.id, json.dumps(a)))

    def put_alerts(self, alerts: Iterable[tuple[Alert, float, dict[str, Any]]]) -> None:
        with self._tx() as cur:
            self._put_alerts(cur, alerts)

    def _put_alerts(self, cur: Any, alerts: Iterable[tuple[Alert, float, dict[str, Any]]]) -> None:
        for al, seq, delivery in alerts:
            cur.execute(self._q("DELETE FROM alerts WHERE id = ?"), (al.id,))
            cur.execute(self._q("INSERT INTO alerts VALUES (?, ?, ?, ?, ?)"),
                        (al.id, al.story, seq, json.dumps(al.to_dict()), json.dumps(delivery)))

    # reads
    def story(self, story_id: str) -> Story | None:
        with self._tx() as cur:
            cur.execute(self._q("SELECT story FROM stories WHERE id = ?"), (story_id,))
            row = cur.fetchone()
        return Story.from_dict(json.loads(row[0])) if row else None

    def sketches(self, story_ids: list[str]) -> list[StorySketch]:
        """The matching sketches of those of ``story_ids`` that are archived."""
        if not story_ids:
            return []
        marks = ", ".join([self._mark] * len(story_ids))
        with self._tx() as cur:
            cur.execute(f"SELECT id, sketch FROM stories WHERE id IN ({marks})", tuple(story_ids))
            rows = dict(cur.fetchall())
        return [StorySketch.from_dict(json.loads(rows[i])) for i in story_ids if i in rows]

    def titles(self, story_ids: list[str]) -> dict[str, str]:
        if not story_ids:
            return {}
        marks = ", ".join([self._mark] * len(story_ids))
        with self._tx() as cur:
            cur.execute(f"SELECT id, title FROM stories WHERE id IN ({marks})", tuple(story_ids))
            return dict(cur.fetchall())

    def lookup(self, topic: str, family: str, terms: list[str], lo: float, hi: float,
               per_term: int | None) -> dict[str, list[tuple[str, float]]]:
        """The index entries under each term scored within [lo, hi], at most ``per_term`` of the
        highest scores each (highest first); all of them, lowest first, when ``per_term`` is None."""
        if not terms:
            return {}
        marks = ", ".join([self._mark] * len(terms))
        where = f"topic = {self._mark} AND family = {self._mark} AND term IN ({marks}) AND score BETWEEN {self._mark} AND {self._mark}"
        args = (topic, family, *terms, lo, hi)
        if per_term is None:
            sql = f"SELECT term, member, score FROM story_index WHERE {where} ORDER BY score, member"
        else:
            sql = (f"SELECT term, member, score FROM (SELECT term, member, score, ROW_NUMBER() OVER "
                   f"(PARTITION BY term ORDER BY score DESC, member DESC) AS n FROM story_index WHERE {where}) AS t "
                   f"WHERE n <= {int(per_term)} ORDER BY score DESC, member DESC")
        out: dict[str, list[tuple[str, float]]] = {}
        with self._tx() as cur:
            cur.execute(sql, args)
            for term, member, score in cur.fetchall():
                out.setdefault(term, []).append((member, float(score)))
        return out

    def alerts(self, story_id: str) -> list[tuple[Alert, float, dict[str, Any]]]:
        with self._tx() as cur:
            cur.execute(self._q("SELECT alert, seq, delivery FROM alerts WHERE story = ? ORDER BY seq"), (story_id,))
            rows = cur.fetchall()
        return [(Alert.from_dict(json.loads(a)), float(s), json.loads(d)) for a, s, d in rows]

    def all_alerts(self) -> list[Alert]:
        with self._tx() as cur:
            cur.execute("SELECT alert FROM alerts ORDER BY seq")
            return [Alert.from_dict(json.loads(a)) for (a,) in cur.fetchall()]

    def articles(self, story_id: str) -> list[dict[str, Any]]:
        with self._tx() as cur:
            cur.execute(self._q("SELECT article FROM articles WHERE story = ? ORDER BY id"), (story_id,))
            return [json.loads(a) for (a,) in cur.fetchall()]

    def stories(self, topic: str | None = None, limit: int = 50) -> list[Story]:
        """The last archived stories (of a topic), the last published first."""
        with self._tx() as cur:
            if topic:
                cur.execute(self._q("SELECT story FROM stories WHERE topic = ? ORDER BY last_published DESC LIMIT ?"),
                            (topic, limit))
            else:
                cur.execute(self._q("SELECT story FROM stories ORDER BY last_published DESC LIMIT ?"), (limit,))
            return [Story.from_dict(json.loads(s)) for (s,) in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        with self._tx() as cur:
            out = {}
            for table in ("stories", "alerts", "articles", "story_index"):
                cur.execute(f"SELECT COUNT(*) FROM {table}")
                out[table] = int(cur.fetchone()[0])
        return out

    def size_bytes(self) -> int:
        """What the archive's data takes (SQLite: its pages, the write-ahead log's included; the
        log's file itself is reused, not grown, once checkpointed)."""
        if self.kind == "sqlite":
            with self._tx() as cur:
                cur.execute("PRAGMA page_count")
                pages = int(cur.fetchone()[0])
                cur.execute("PRAGMA page_size")
                return pages * int(cur.fetchone()[0])
        with self._tx() as cur:
            cur.execute("SELECT pg_total_relation_size('stories') + pg_total_relation_size('alerts') "
                        "+ pg_total_relation_size('articles') + pg_total_relation_size('story_index')")
            return int(cur.fetchone()[0])


def _ident(name: str) -> str:
    """A namespace as a quoted SQL identifier's content (its double quotes doubled)."""
    return name.replace('"', '""')


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


_OPEN: dict[tuple[str, str], Archive] = {}


def open_archive(location: str, namespace: str = "newsmon") -> Archive:
    """The process' archive at ``location``, opened once (a worker's jobs share it)."""
    if (location, namespace) not in _OPEN:
        _OPEN[location, namespace] = Archive(location, namespace)
    return _OPEN[location, namespace]
