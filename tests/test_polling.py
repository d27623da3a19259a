"""Polling against a loopback server that misbehaves on purpose, through a real RQ worker."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time

import pytest

from monitor.ingest.schedule import PollPolicy, adapt_interval, backoff
from monitor.models import Topic
from monitor.ops.clock import Leader, tick
from monitor.state.keys import Keys
from monitor.state.store import Feed, Store
from tests.support import LoopbackServer, page, respond, rss


@pytest.fixture
def hostile():
    """The misbehaving server on 127.0.0.2, the one address the tests allow."""
    s = LoopbackServer("127.0.0.2")

    def hang(h):
        s.stop.wait(30)

    def drip(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        h.wfile.write(b"<?xml version='1.0'?><rss><channel>")
        while not s.stop.wait(0.2):
            try:
                h.wfile.write(b" ")
                h.wfile.flush()
            except OSError:
                return

    def huge(h):
        h.send_response(200)
        h.send_header("Content-Length", str(50_000_000))
        h.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(50_000_000 // 65536):
                h.wfile.write(chunk)
        except OSError:
            return

    s.routes[("GET", "/hang")] = hang
    s.routes[("GET", "/drip")] = drip
    s.routes[("GET", "/huge")] = huge
    s.reply("GET", "/bomb", body=gzip.compress(b"<rss>" + b" " * 60_000_000), headers={"Content-Encoding": "gzip"})
    s.reply("GET", "/loop", 302, headers={"Location": "/loop"})
    s.reply("GET", "/meta", 302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    s.reply("GET", "/lo", 302, headers={"Location": "http://127.0.0.1:9/feed"})
    s.reply("GET", "/busy", 429, headers={"Retry-After": "120"})
    s.reply("GET", "/error", 500)
    s.reply("GET", "/bad", body=b"\x00\x01 <<< this is not a feed")
    s.reply("GET", "/bozo", body=b"<rss><channel><title>x</title><item><title>Unclosed but readable</title>"
                                 b"<description>A man was shot.</description></item><item><title>unclo")
    s.reply("GET", "/gone", 410)
    s.reply("GET", "/nolinks", body=rss(s.base, 2, links=False, title="No links"))
    s.reply("GET", "/good", body=rss(s.base, 3))
    s.reply("GET", "/old", 301, headers={"Location": "/moved"})
    s.reply("GET", "/moved", body=rss(s.base, 1, title="Moved"))
    for i in range(1, 4):
        s.reply("GET", f"/page/{i}", body=page(i), headers={"Content-Type": "text/html"})
    yield s
    s.close()


def run_worker(url: str, ns: str, extra: dict[str, str] | None = None, timeout: float = 120) -> float:
    env = {**os.environ, "REDIS_URL": url, "NEWSMON_NAMESPACE": ns, "NEWSMON_ALLOW_NETWORKS": "127.0.0.2/32",
           "NEWSMON_ALLOW_PRIVATE": "false", "NEWSMON_READ_TIMEOUT": "1", "NEWSMON_CONNECT_TIMEOUT": "1",
           "NEWSMON_TOTAL_TIMEOUT": "3", "NEWSMON_MAX_BYTES": "2000000", "NEWSMON_HOST_SPACING": "0",
           **(extra or {})}
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "monitor", "worker", "--burst", "--quiet"], env=env,
                       capture_output=True, text=True, timeout=timeout)
    assert p.returncode == 0, p.stderr[-2000:]
    return time.monotonic() - t0


@pytest.mark.slow
def test_hostile_feeds_do_not_stop_the_healthy_ones(redis_server, r, hostile):
    ns = "poll"
    store = Store(r, Keys(ns))
    now = time.time()
    names = ["hang", "drip", "huge", "bomb", "loop", "meta", "lo", "busy", "error", "bad", "gone", "nolinks",
             "good", "old", "bozo"]
    for n in names:
        store.put_feed(Feed(n, f"{hostile.base}/{n}", ["all"], interval=600))
        store.schedule(n, now - 1)
    store.put_topic(Topic("all", (), (), ()))
    assert tick(store, Leader(r, store.k.lock("clock"), 5), now, lease=60) == len(names)
    took = run_worker(redis_server.url, ns)
    assert took < 60  # each bad feed is cut off within its timeout (1 s read, 3 s total)

    feeds = {f.id: f for f in store.feeds()}
    for n in ["hang", "drip", "huge", "bomb", "loop", "meta", "lo", "busy", "error", "bad"]:
        assert feeds[n].errors == 1 and feeds[n].last_error, n
        assert not feeds[n].disabled, n
        assert store.next_poll(n) > now + 30, n  # backed off
    assert "timed out" in feeds["hang"].last_error
    assert "total timeout" in feeds["drip"].last_error or "timed out" in feeds["drip"].last_error
    assert "cap" in feeds["huge"].last_error and "cap" in feeds["bomb"].last_error
    assert "redirects" in feeds["loop"].last_error
    assert "refused" in feeds["meta"].last_error and "169.254.169.254" in feeds["meta"].last_error
    assert "refused" in feeds["lo"].last_error and "127.0.0.1" in feeds["lo"].last_error
    assert store.next_poll("busy") >= now + 120  # Retry-After honoured
    assert "not a feed" in feeds["bad"].last_error or "malformed" in feeds["bad"].last_error
    assert feeds["gone"].disabled and store.next_poll("gone") is None
    assert feeds["old"].url.endswith("/moved") and feeds["old"].errors == 0
    assert feeds["bozo"].errors == 0  # malformed but with entries: a warning, the entries go on

    titles = {a.title for a in (store.article(i.decode()) for i in r.zrange(store.k.articles(), 0, -1))}
    assert {"Shooting 1 on Main Street leaves 1 injured", "Shooting 3 on Main Street leaves 3 injured"} <= titles
    arts = [store.article(i.decode()) for i in r.zrange(store.k.articles(), 0, -1)]
    good = [a for a in arts if a.url and "/page/" in a.url]
    assert len(good) == 3 and all("Police said" in a.text for a in good)
    no_links = [a for a in arts if a.url is None]  # entries without links: the summary is the text
    assert {a.title for a in no_links} >= {"Shooting 1 on Main Street leaves 1 injured", "Unclosed but readable"}
    assert any(a.title == "Unclosed but readable" and a.text == "A man was shot." for a in no_links)


@pytest.mark.slow
def test_conditional_get_and_edited_entries(redis_server, r, http):
    ns = "cond"
    store = Store(r, Keys(ns))
    state = {"body": rss(http.base, 1), "etag": '"v1"'}

    def feed(h):
        if h.headers.get("If-None-Match") == state["etag"]:
            respond(h, 304)
            return
        respond(h, 200, state["body"], {"ETag": state["etag"]})

    http.routes[("GET", "/feed")] = feed
    http.reply("GET", "/page/1", body=page(1))
    store.put_feed(Feed("f", f"{http.base}/feed", ["all"]))
    store.put_topic(Topic("all", (), (), ()))
    env = {"NEWSMON_ALLOW_PRIVATE": "true", "NEWSMON_ALLOW_NETWORKS": ""}

    def poll():
        store.schedule("f", time.time() - 1)
        tick(store, Leader(r, store.k.lock("clock"), 5), time.time(), lease=60)
        run_worker(redis_server.url, ns, env)

    poll()
    assert r.zcard(store.k.articles()) == 1 and store.feed("f").etag == '"v1"'
    poll()
    assert http.requests[-1][2].get("If-None-Match") == '"v1"'
    assert r.zcard(store.k.articles()) == 1 and store.feed("f").last_success
    # the entry is edited: a new feed version, the article is processed again as version 2
    state["body"] = rss(http.base, 1).replace(b"leaves 1 injured", b"leaves 1 injured, 1 dead")
    state["etag"] = '"v2"'
    http.reply("GET", "/page/1", body=page(1).replace(b"injured in", b"killed in"))
    poll()
    a = store.article(r.zrange(store.k.articles(), 0, -1)[0].decode())
    assert a.version == 2 and "killed in" in a.text


def test_sentry_receives_feed_errors_without_secrets(redis_server, r, http):
    """The real SDK posts to a loopback endpoint standing in for Sentry."""
    envelopes: list[bytes] = []

    def sentry(h):
        body = http.requests[-1][3]  # the server has read the body already
        if h.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        envelopes.append(body)
        respond(h, 200, b"{}")

    http.routes[("POST", "/api/1/envelope/")] = sentry
    http.reply("GET", "/gone", 410)
    ns = "sentry"
    store = Store(r, Keys(ns))
    store.put_feed(Feed("gonefeed", f"{http.base}/gone", []))
    store.schedule("gonefeed", time.time() - 1)
    tick(store, Leader(r, store.k.lock("clock"), 5), time.time(), lease=60)
    port = http.base.rsplit(":", 1)[1]
    run_worker(redis_server.url, ns, {"NEWSMON_ALLOW_PRIVATE": "true", "NEWSMON_ALLOW_NETWORKS": "",
                                      "NEWSMON_SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/1",
                                      "NEWSMON_SLACK_WEBHOOK_URL": "https://hooks.example/T0/B0/supersecret"})
    deadline = time.time() + 10
    while not envelopes and time.time() < deadline:
        time.sleep(0.2)
    assert envelopes, "the SDK sent nothing"
    raw = b"\n".join(envelopes)
    assert b"gonefeed" in raw and b"/gone" in raw and b"disabled" in raw
    assert b"supersecret" not in raw


@pytest.mark.parametrize("times,new,expected", [
    ([3600 * i for i in range(10)], 3, 1800),   # hourly entries: poll every half hour
    ([], 0, 750),                               # nothing new: slow down by a quarter
    ([86400 * i for i in range(5)], 2, 3600),   # daily: capped at the maximum
    ([10 * i for i in range(5)], 4, 60),        # a firehose: held at the minimum
])
def test_adaptive_interval(times, new, expected):
    assert adapt_interval(600, times, new, PollPolicy(600, 60, 3600)) == pytest.approx(expected)


def test_backoff_grows_and_honours_retry_after():
    import random
    p = PollPolicy(600, 60, 3600)
    rng = random.Random(1)
    delays = [backoff(0, n, p, rng=rng) for n in (1, 2, 3, 4)]
    assert delays == sorted(delays) and 60 <= delays[0] < 70
    assert backoff(0, 1, p, retry_after=900, rng=rng) >= 900


def test_two_clocks_one_poll(r):
    store = Store(r, Keys("clocks"))
    for i in range(50):
        store.put_feed(Feed(f"f{i}", f"http://example.org/{i}", []))
        store.schedule(f"f{i}", 100.0)
    a, b = Leader(r, store.k.lock("clock"), 5), Leader(r, store.k.lock("clock"), 5)
    b.me = "other-clock"
    assert tick(store, a, 200.0, lease=60) == 50
    assert tick(store, b, 200.0, lease=60) == 0  # not the leader
    assert tick(store, a, 201.0, lease=60) == 0  # nothing due: the claim pushed them ahead
    from rq import Queue
    q = Queue("clocks:poll", connection=r)
    assert q.count == 5 and sum(len(q.fetch_job(j).args[0]) for j in q.job_ids) == 50  # batches of 10
    assert store.due_feeds(259.0) == [] and len(store.due_feeds(260.0)) == 50  # due again after the lease


def test_one_host_is_polled_politely_and_a_failing_feed_is_disabled(redis_server, r, http):
    ns = "polite"
    store = Store(r, Keys(ns))
    http.reply("GET", "/a", body=rss(http.base, 1, title="A"))
    http.reply("GET", "/b", body=rss(http.base, 1, title="B"))
    http.reply("GET", "/down", 503, headers={"Retry-After": "30"})
    now = time.time()
    store.put_feed(Feed("a", f"{http.base}/a", []))
    store.put_feed(Feed("b", f"{http.base}/b", []))
    store.put_feed(Feed("down", f"{http.base}/down", [], errors=9))  # one failure from the limit
    for f in ("a", "b", "down"):
        store.schedule(f, now - 1)
    tick(store, Leader(r, store.k.lock("clock"), 5), now, lease=60)
    run_worker(redis_server.url, ns, {"NEWSMON_ALLOW_PRIVATE": "true", "NEWSMON_ALLOW_NETWORKS": "",
                                      "NEWSMON_HOST_SPACING": "20"})
    fetched = [p for _, p, _, _ in http.requests if p in ("/a", "/b", "/down")]
    assert fetched == ["/a"]  # one request to the host; the others wait their turn
    assert now + 5 < store.next_poll("b") < now + 60 and store.next_poll("down") < now + 60
    assert store.feed("b").last_success is None
    r.delete(store.k.lock(f"host:{http.base.split('//')[1].split(':')[0]}"))
    store.schedule("down", time.time() - 1)
    tick(store, Leader(r, store.k.lock("clock"), 5), time.time(), lease=60)
    run_worker(redis_server.url, ns, {"NEWSMON_ALLOW_PRIVATE": "true", "NEWSMON_ALLOW_NETWORKS": "",
                                      "NEWSMON_HOST_SPACING": "0"})
    down = store.feed("down")
    assert down.errors == 10 and down.disabled and "HTTP 503" in down.disabled
    assert store.next_poll("down") is None


def test_a_clock_whose_lease_expired_mid_release_keeps_the_next_leaders_lock(r):
    """Issue 19 (4): the release was a GET then a DEL. A lease that expires between the two, with a
    second clock taking it, lost the second clock its lock. The invariant: a release never deletes
    a lock its clock does not hold."""
    from monitor.ops.clock import Leader

    key = "test:lock:clock"
    first, second = Leader(r, key, 10), Leader(r, key, 10)
    first.me, second.me = "host:1", "host:2"
    assert first.hold() and not second.hold()
    taken_over = []

    class ExpiresOnRead:  # a client on which the lease runs out right after a read of it
        def __init__(self, conn):
            self.conn = conn

        def get(self, k):
            value = self.conn.get(k)
            self.conn.delete(k)
            taken_over.append(second.hold())
            return value

        def __getattr__(self, name):
            return getattr(self.conn, name)

    first.r = ExpiresOnRead(r)
    first.release()
    if taken_over:  # the release read the lock and then acted on what it read
        assert r.get(key) == b"host:2"
    else:  # one atomic step: the first clock held the lock when it deleted it
        assert r.get(key) is None and second.hold()
    assert first.release() is False  # a clock that does not hold the lease releases nothing
    assert r.get(key) == b"host:2"


def test_an_unparseable_feed_stays_unhealthy_when_the_server_says_not_modified(redis_server, r, hostile):
    """Issue 19 (3): the first poll saved the server's Last-Modified with its error; the second got a
    304 and reset the error count, and `feeds list` said ok."""
    ns = "unparseable"
    store = Store(r, Keys(ns))
    stamp = "Wed, 02 Dec 2026 10:00:00 GMT"

    def garbage(h):  # answers 304 to a request that carries the validator, garbage otherwise
        if h.headers.get("If-Modified-Since") == stamp:
            respond(h, 304)
        else:
            respond(h, 200, b"\x00\x01 <<< this is not a feed", {"Last-Modified": stamp})

    hostile.routes[("GET", "/garbage")] = garbage
    store.put_feed(Feed("junk", f"{hostile.base}/garbage", ["all"], interval=600))
    store.put_topic(Topic("all", (), (), ()))
    for _ in range(2):
        store.schedule("junk", time.time() - 1)
        assert tick(store, Leader(r, store.k.lock("clock"), 5), time.time(), lease=60) == 1
        run_worker(redis_server.url, ns)
    feed = store.feed("junk")
    assert feed.errors == 2 and feed.last_error and feed.last_modified is None


def test_a_feed_id_rq_cannot_take_does_not_drop_the_tick(r):
    """Issue 19 (2): a feed id with a space (or a dot) sorting first made RQ refuse the batch's
    job id, and every poll of the tick was dropped."""
    store = Store(r, Keys("badid"))
    names = ["a feed with spaces", "b.dotted", *[f"f{i}" for i in range(12)]]
    for n in names:
        store.put_feed(Feed(n, f"http://example.org/{n}", []))
        store.schedule(n, 100.0)
    assert tick(store, Leader(r, store.k.lock("clock"), 5), 200.0, lease=60) == len(names)
    from rq import Queue
    q = Queue("badid:poll", connection=r)
    assert sorted(f for j in q.job_ids for f in q.fetch_job(j).args[0]) == sorted(names)
