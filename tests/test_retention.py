"""Retention and the archive: what Redis forgets, and that nothing is lost by it.

The seed articles go through the story step as a worker runs it; then the clock's sweep runs at a
later ``now``. The archive is SQLite in a temporary directory, and PostgreSQL on 127.0.0.1:5432
when one answers there (the test makes a schema of its own and drops it).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.delivery.state import Delivery, DeliveryState
from monitor.devtools.replay import read_docs
from monitor.devtools.sample import write_jsonl
from monitor.models import Topic
from monitor.ops.health import health
from monitor.ops.memory import family, measure, memory_warning, redis_memory
from monitor.ops.retention import DAY, RetentionPolicy, forget_entries, sweep
from monitor.pipeline import analyse, assign
from monitor.settings import load
from monitor.state.archive import Archive, ArchiveError
from monitor.state.store import Feed, Store
from monitor.stories.matching import epoch
from tests.support import newsmon

PG_URL = os.environ.get("NEWSMON_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
POLICY = RetentionPolicy()


def _pg_reachable() -> bool:
    try:
        import psycopg
        psycopg.connect(PG_URL, connect_timeout=2).close()
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    if request.param == "sqlite":
        arc = Archive(str(tmp_path / "archive.sqlite"))
        yield arc
        arc.close()
        return
    if not _pg_reachable():
        pytest.skip(f"no PostgreSQL answers at {PG_URL}")
    schema = f"newsmon_test_{uuid.uuid4().hex[:8]}"
    arc = Archive(PG_URL, schema)
    yield arc
    arc.close()
    import psycopg
    with psycopg.connect(PG_URL, autocommit=True) as c:
        c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def seeds(tmp_path: Path) -> list:
    path = tmp_path / "seeds.jsonl"
    write_jsonl(path)
    return [analyse(d.id, d.title, d.text, d.published, d.url.split("/")[2] if d.url else "seed", d.url)
            for d in read_docs(path)]


def step(store: Store, article, archive: Archive | None = None) -> str:
    """What a worker does with an article: store it, then the story step at its publication time."""
    if store.topic("all") is None:
        store.put_topic(Topic("all"))
    now = epoch(article.published, 0.0)
    store.put_article(article, now)
    return assign(store, article, "all", now, archive=(lambda: archive) if archive else None).story


def settle(store: Store) -> None:
    for al in store.alerts():
        store.set_delivery(al.id, "slack", Delivery(DeliveryState.SENT))


def test_a_quiet_story_is_archived_whole_and_reads_back_equal(store: Store, archive: Archive, tmp_path: Path) -> None:
    arts = seeds(tmp_path)
    sids = {step(store, a) for a in arts}
    settle(store)
    before = {sid: store.story(sid).to_dict() for sid in sids}
    alerts_before = {a.id: a.to_dict() for a in store.alerts()}
    lasts = sorted(store.story(sid).sketch.last for sid in sids)  # (the seeds' two stories are years apart)

    # a day after the first story's last article: nothing quiet yet, nothing moves
    assert sweep(store, archive, lasts[0] + DAY, POLICY).stories_archived == 0
    assert archive.counts()["stories"] == 0
    last = lasts[-1]

    rep = sweep(store, archive, last + (POLICY.archive_quiet_days + 1) * DAY, POLICY)
    assert rep.stories_archived == len(sids) == 2
    for sid, d in before.items():
        assert store.story(sid) is None  # out of Redis...
        assert archive.story(sid).to_dict() == d  # ...and equal in the archive
    archived_alerts = {al.id: al.to_dict() for sid in sids for al, _, _ in archive.alerts(sid)}
    assert archived_alerts == alerts_before and store.alerts() == []
    assert all(d == {"slack": {"state": "sent"}} for sid in sids for _, _, d in archive.alerts(sid))
    # every article's extraction is kept, without its text
    kept = {a["id"]: a for sid in sids for a in archive.articles(sid)}
    assert set(kept) == {a.id for a in arts}
    for a in arts:
        assert kept[a.id]["text"] == "" and kept[a.id]["title"] == a.title and store.article(a.id) is None
    assert store.r.zcard(store.k.articles()) == 0


def test_a_follow_up_finds_its_archived_story(store: Store, archive: Archive, tmp_path: Path) -> None:
    arts = seeds(tmp_path)
    first = step(store, arts[0])
    now = epoch(arts[0].published, 0.0) + (POLICY.archive_quiet_days + 1) * DAY
    assert sweep(store, archive, now, POLICY).stories_archived == 1
    ledger = archive.story(first).to_dict()["facts"]
    # a later article on the same strike (the index entries stay until the index ages them out)
    follow = arts[1]
    sid = assign(store, follow, "all", now, archive=lambda: archive).story
    assert sid == first
    back = store.story(sid)
    assert back is not None and back.articles == [arts[0].id, follow.id]
    assert set(ledger) <= set(back.to_dict()["facts"])  # the old ledger, brought back and added to


def test_texts_go_and_extractions_stay(store: Store, archive: Archive, tmp_path: Path) -> None:
    arts = seeds(tmp_path)
    sid = step(store, arts[0])
    stray = analyse("stray", "Weather", "Sunny in Basra today.", arts[0].published, "seed")
    store.put_article(stray, epoch(arts[0].published, 0.0))  # no topic took it
    now = epoch(arts[0].published, 0.0) + (POLICY.article_text_days + 1) * DAY
    rep = sweep(store, archive, now, POLICY)
    assert (rep.texts_dropped, rep.articles_dropped, rep.stories_archived) == (1, 1, 0)
    kept = store.article(arts[0].id)
    assert kept.text == "" and kept.title == arts[0].title and kept.killed == arts[0].killed
    assert store.article("stray") is None
    assert store.story(sid) is not None


def test_a_feed_forgets_entries_it_no_longer_carries(store: Store) -> None:
    store.put_feed(Feed("f1", "https://example.org/rss", ["all"]))
    t0 = 1_700_000_000.0
    for key in ("old", "kept"):
        store.mark_seen("f1", key, "fp")
    store.touch_seen("f1", ["old", "kept"], t0)
    store.touch_seen("f1", ["kept"], t0 + 5 * DAY)  # the feed dropped "old"
    assert forget_entries(store, t0 + 20 * DAY, 30) == 0
    assert forget_entries(store, t0 + 31 * DAY, 30) == 1
    assert store.r.hkeys(store.k.feed_seen("f1")) == [b"kept"]
    # a feed that answers 304 for months: its latest entries stay, however old
    assert forget_entries(store, t0 + 400 * DAY, 30) == 0
    assert store.r.hkeys(store.k.feed_seen("f1")) == [b"kept"]


def test_an_alert_still_being_delivered_stays(store: Store, archive: Archive, tmp_path: Path) -> None:
    arts = seeds(tmp_path)
    step(store, arts[0])
    ids = [a.id for a in store.alerts()]
    now = epoch(arts[0].published, 0.0) + (POLICY.alert_days + 1) * DAY
    # the story is quiet too; only alerts age here. Not yet dispatched (no delivery recorded, and
    # the topic has a channel): none moves
    assert sweep(store, archive, now, RetentionPolicy(archive_quiet_days=1000)).alerts_archived == 0
    settle(store)
    store.set_delivery(ids[0], "slack", Delivery(DeliveryState.RETRYING, "HTTP 429", 3))
    rep = sweep(store, archive, now, RetentionPolicy(archive_quiet_days=1000))
    assert rep.alerts_archived == len(ids) - 1
    assert [a.id for a in store.alerts()] == [ids[0]]


def test_archiving_moves_the_index_out_of_redis(store: Store, archive: Archive, tmp_path: Path) -> None:
    """Redis keeps the index of the stories it holds; an archived story's entries move to the
    archive with their scores, where the story step looks them up."""
    arts = seeds(tmp_path)
    sid = step(store, arts[0])
    indexed = {k.decode(): store.r.zscore(k, sid) for k in store.r.scan_iter(match=f"{store.k.ns}:idx:*")}
    assert indexed and store.r.strlen(store.k.story_index(sid)) > 0
    now = store.story(sid).sketch.last + (POLICY.archive_quiet_days + 1) * DAY
    sweep(store, archive, now, POLICY)
    assert list(store.r.scan_iter(match=f"{store.k.ns}:idx:*")) == []
    assert list(store.r.scan_iter(match=f"{store.k.ns}:who:*")) == []
    assert not store.r.exists(store.k.story_index(sid))
    terms = [k.rsplit(":", 1)[1] for k in indexed]
    found = archive.lookup("all", "idx", terms, 0, now, 50)
    assert {t: [(sid, indexed[f"{store.k.ns}:idx:all:{t}"])] for t in terms} == found
    # the furniture and counts are the topic's, not the story's: they stay (and age by time)
    assert store.r.exists(store.k.df())


def test_memory_is_measured_per_family(store: Store, tmp_path: Path) -> None:
    arts = seeds(tmp_path)
    for a in arts:
        step(store, a)
    m = measure(store, None)
    assert m["keys"]["article"] == len(arts) and m["keys"]["story"] == 2 and m["redis"]["used_bytes"] > 0
    assert family(f"{store.k.ns}:feed:abc:seen-at", store.k.ns) == "feed:seen-at"


def test_check_warns_before_maxmemory_and_on_an_evicting_policy(r, redis_server) -> None:
    used = redis_memory(r)["used_bytes"]
    assert memory_warning({"used_bytes": used, "maxmemory_bytes": 0, "maxmemory_policy": "noeviction"}, 0.8) is None
    s = load(env={"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": "mem"})
    try:
        r.config_set("maxmemory", str(int(used * 1.1)))
        row = next(x for x in health(r, s) if x[0] == "redis memory")
        assert row[1] is False and "maxmemory" in row[2]
        r.config_set("maxmemory", str(used * 20))
        assert next(x for x in health(r, s) if x[0] == "redis memory")[1] is True
        r.config_set("maxmemory-policy", "allkeys-lru")
        row = next(x for x in health(r, s) if x[0] == "redis memory")
        assert row[1] is False and "allkeys-lru" in row[2]
    finally:
        r.config_set("maxmemory", "0")
        r.config_set("maxmemory-policy", "noeviction")


def test_the_cli_sweeps_and_shows_archived_stories(redis_server, tmp_path: Path) -> None:
    """`newsmon retention` sweeps; `status` shows memory and the archive; `stories show` reads an
    archived story as it read it in Redis."""
    import redis as redislib

    from monitor.state.keys import Keys
    ns = f"ret{uuid.uuid4().hex[:6]}"
    env = {"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns, "NEWSMON_STATE_DIR": str(tmp_path / "state"),
           "NEWSMON_ARCHIVE_QUIET_DAYS": "0.0001"}
    store = Store(redislib.Redis.from_url(redis_server.url), Keys(ns))
    arts = seeds(tmp_path)
    sid = step(store, arts[0])
    before = newsmon("stories", "show", sid, "--json", env=env)
    assert before.returncode == 0, before.stderr
    out = newsmon("retention", "--json", env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["stories_archived"] == 1
    assert (tmp_path / "state" / f"archive-{ns}.sqlite").exists()
    after = newsmon("stories", "show", sid, "--json", env=env)
    assert after.returncode == 0 and json.loads(after.stdout) == json.loads(before.stdout)
    listed = newsmon("stories", "list", "--archived", "--json", env=env)
    assert [x["id"] for x in json.loads(listed.stdout)] == [sid]
    status = json.loads(newsmon("status", "--json", env=env).stdout)
    assert status["memory"]["archive"]["stories"] == 1 and status["memory"]["redis"]["used_bytes"] > 0
    assert "story" not in status["memory"]["keys"]


def test_a_bad_archive_url_is_a_clear_error() -> None:
    with pytest.raises(ArchiveError, match="cannot open the archive") as e:
        Archive("postgresql://newsmon:s3cret@127.0.0.1:1/none")
    assert "s3cret" not in str(e.value)


@pytest.mark.timeout(30)
def test_a_story_exactly_at_the_quiet_limit_stays(store: Store, tmp_path: Path) -> None:
    """Day-granular dates put a story's last article exactly on the limit: it is not quiet yet,
    and the sweep ends (it once looked at that story for ever)."""
    arc = Archive(str(tmp_path / "a.sqlite"))
    sid = step(store, seeds(tmp_path)[0])
    last = store.story(sid).sketch.last
    assert sweep(store, arc, last + POLICY.archive_quiet_days * DAY, POLICY).stories_archived == 0
    assert sweep(store, arc, last + POLICY.archive_quiet_days * DAY + 1, POLICY).stories_archived == 1


def test_furniture_ages_by_the_outlets_own_pages(store: Store) -> None:
    """Furniture unseen for a month goes, but an outlet keeps its latest sentences however old:
    an outlet read once a quarter still has its furniture recognised."""
    from monitor.ops.clock import FURNITURE_KEEP, age_out
    t0 = 1_700_000_000.0
    sparse, busy = store.k.furniture("all", "sparse.example"), store.k.furniture("all", "busy.example")
    store.r.zadd(sparse, {f"h{i}": t0 for i in range(10)})
    store.r.zadd(busy, {f"h{i}": t0 + i for i in range(FURNITURE_KEEP + 100)})
    age_out(store, t0 + 90 * DAY, quiet_days=120)
    assert store.r.zcard(sparse) == 10
    assert store.r.zcard(busy) == FURNITURE_KEEP and store.r.zscore(busy, "h99") is None
    store.r.zadd(busy, {"fresh": t0 + 89 * DAY})
    age_out(store, t0 + 90 * DAY, quiet_days=120)
    assert store.r.zcard(busy) == FURNITURE_KEEP and store.r.zscore(busy, "fresh") is not None


def test_the_web_view_reads_an_archived_story(store: Store, archive: Archive, tmp_path: Path) -> None:
    import httpx

    from tests.support import WebServer
    arts = seeds(tmp_path)
    sid = step(store, arts[0])
    settle(store)
    texts = [a.text for a in store.alerts()]
    sweep(store, archive, store.story(sid).sketch.last + (POLICY.archive_quiet_days + 1) * DAY, POLICY)
    assert store.story(sid) is None
    w = WebServer(store.r, store.k.ns, archive=lambda: archive)
    try:
        page = httpx.get(f"{w.base}/stories/{sid}")
        as_json = httpx.get(f"{w.base}/stories/{sid}", headers={"Accept": "application/json"})
    finally:
        w.close()
    import html
    assert page.status_code == 200 and html.escape(arts[0].title) in page.text  # the article, from the archive
    assert texts and all(html.escape(t[:40]) in page.text for t in texts)  # the alerts, from the archive
    assert as_json.json()["id"] == sid and as_json.json()["killed"] == 25


def test_the_settings_defaults_are_the_policys() -> None:
    from monitor.settings import Settings
    assert Settings().retention() == RetentionPolicy()
    assert Settings().archive_location().endswith("archive.sqlite")
    assert Settings(namespace="x:y").archive_location().endswith("archive-x_y.sqlite")


def test_a_story_of_old_articles_stays_while_it_is_being_updated(store: Store, tmp_path: Path) -> None:
    """Articles published years ago and read today (a backfill, a feed with old dates) make a
    story that is not quiet: it is archived 30 days after its last step, not at once."""
    import time
    arc = Archive(str(tmp_path / "a.sqlite"))
    store.put_topic(Topic("all"))
    now = time.time()
    a = seeds(tmp_path)[0]  # published in 2019
    sid = assign(store, a, "all", now, archive=lambda: arc).story
    assert sweep(store, arc, now + 3600, POLICY).stories_archived == 0
    assert sweep(store, arc, now + (POLICY.archive_quiet_days + 1) * DAY, POLICY).stories_archived == 1
    assert arc.story(sid) is not None


def test_an_archived_storys_alert_still_being_delivered_stays_until_sent(store: Store, tmp_path: Path) -> None:
    arc = Archive(str(tmp_path / "a.sqlite"))
    arts = seeds(tmp_path)
    sid = step(store, arts[0])
    ids = [a.id for a in store.alerts()]
    settle(store)
    store.set_delivery(ids[0], "slack", Delivery(DeliveryState.RETRYING, "HTTP 503", 2))
    now = store.story(sid).sketch.last + (POLICY.archive_quiet_days + 1) * DAY
    assert sweep(store, arc, now, RetentionPolicy(alert_days=1000)).stories_archived == 1
    assert [a.id for a in store.alerts()] == [ids[0]] and store.delivery_on(ids[0], "slack") is not None
    assert [a.id for a, _, _ in arc.alerts(sid)] == ids[1:]
    store.set_delivery(ids[0], "slack", Delivery(DeliveryState.SENT))
    assert sweep(store, arc, now, POLICY).alerts_archived == 1
    assert store.alerts() == [] and [a.id for a, _, _ in arc.alerts(sid)] == ids
