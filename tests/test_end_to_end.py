"""The whole daemon on real parts: redis-server, the clock and an RQ worker as processes,
feeds and pages on loopback HTTP, a loopback Slack endpoint, an aiosmtpd server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from monitor.devtools.demo import SampleServer, drained, slug
from monitor.devtools.sample import load_sample
from monitor.models import Topic
from monitor.state.keys import Keys
from monitor.state.redis_server import free_port
from monitor.state.store import Feed, Store
from tests.support import Inbox, respond


@pytest.fixture
def smtp():
    inbox = Inbox()
    c = Controller(inbox, hostname="127.0.0.1", port=free_port())
    c.start()
    yield c, inbox
    c.stop()


def _env(redis_url: str, ns: str, http_base: str, smtp_port: int) -> dict[str, str]:
    return {**os.environ, "REDIS_URL": redis_url, "NEWSMON_NAMESPACE": ns,
            "NEWSMON_ALLOW_PRIVATE": "true", "NEWSMON_TICK_SECONDS": "0.5", "NEWSMON_POLL_INTERVAL": "1",
            "NEWSMON_POLL_MIN": "0.5", "NEWSMON_POLL_MAX": "1", "NEWSMON_HOST_SPACING": "0",
            "NEWSMON_SLACK_WEBHOOK_URL": f"{http_base}/hook",
            "NEWSMON_SMTP_HOST": "127.0.0.1", "NEWSMON_SMTP_PORT": str(smtp_port),
            "NEWSMON_SMTP_SECURITY": "none", "NEWSMON_SMTP_FROM": "newsmon@example.org"}


def _run_until_drained(store: Store, server: SampleServer, n: int, env: dict[str, str], log: Path) -> None:
    """A real clock and a real worker, until every article is processed and every alert settled."""
    with log.open("w") as errlog:
        procs = [subprocess.Popen([sys.executable, "-m", "monitor", "clock"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=errlog),
                 subprocess.Popen([sys.executable, "-m", "monitor", "worker", "--quiet"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=errlog)]
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                time.sleep(0.5)
                assert all(p.poll() is None for p in procs), log.read_text()[-3000:]
                if server.all_released() and drained(store, n):
                    return
            pytest.fail("the pipeline did not drain in 120 s")
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(15)


@pytest.mark.slow
def test_feeds_to_slack_and_email(redis_server, r, http, smtp, tmp_path):
    controller, inbox = smtp
    ns = "e2e"
    store = Store(r, Keys(ns))
    slack_posts: list[dict] = []
    lock = threading.Lock()

    def slack(h):
        body = json.loads(http.requests[-1][3])
        with lock:
            first = not any(p.get("_429") for p in slack_posts)
            if first:  # the first post is rate limited: it must come back after Retry-After, once
                slack_posts.append({"_429": True})
                respond(h, 429, headers={"Retry-After": "1"})
                return
            slack_posts.append(body)
        respond(h, 200, b"ok")

    http.routes[("POST", "/hook")] = slack

    articles = load_sample()
    # in publication order, each article once the earlier ones are through (a loaded machine
    # must not reorder them: the scenario's alerts depend on the order)
    server = SampleServer(articles, interval=1.0, gate=lambda n: drained(store, n)).start()
    try:
        for outlet in server.outlets():
            fid = slug(outlet)
            store.put_feed(Feed(fid, f"{server.base}/feed/{fid}.xml", ["iraq"], interval=1.0))
            store.schedule(fid, time.time())
        store.put_topic(Topic("iraq", ("Kataib Hezbollah", "Iran backed militia"), (),
                              ("slack", "email:ops@example.org")))
        _run_until_drained(store, server, len(articles), _env(redis_server.url, ns, http.base, controller.port),
                           tmp_path / "processes.log")
    finally:
        server.stop()

    stories = store.stories("iraq")
    assert len(stories) == 2
    by_article = {}
    for s in stories:
        for a in s.articles:
            by_article[store.article(a).url.rsplit("/", 1)[-1].split(".")[0]] = s.id
    assert by_article["000"] == by_article["001"] == by_article["002"] == by_article["004"] != by_article["003"]
    story_a = next(s for s in stories if s.id == by_article["000"])
    assert (story_a.current("killed"), story_a.current("injured")) == (25, 51)

    alerts = store.alerts()
    posted = [p for p in slack_posts if not p.get("_429")]
    assert len(posted) == len(alerts) and len(slack_posts) == len(alerts) + 1  # once each, 429 retried
    # SCENARIO.md's alert list, through the real pipeline
    labels = sorted(p["text"].split(":", 1)[0] for p in posted)
    assert labels == sorted(["New story", "Figure changed", "Sources disagree", "Sources disagree", "Denial",
                             "New story"])
    texts = [p["text"] for p in posted]
    assert any("killed 25" in t and "injured 51" in t and "Popular Mobilization Forces" in t for t in texts)
    assert any("several → 4" in t for t in texts)
    assert any("Means" in t and "F-15" in t and "drone" in t for t in texts)
    assert any("Projectiles" in t and "10 (via Rudaw)" in t and "30 (via Newsroom24x7)" in t for t in texts), "\n".join(texts)
    assert any("Iranian government denies any role" in t for t in texts)
    assert len(inbox.messages) == len(alerts)
    threaded = [m for m in inbox.messages if m["In-Reply-To"]]
    assert threaded and all(m["In-Reply-To"].startswith("<story-") for m in threaded)
    for a in alerts:
        assert {d.state for d in store.delivery(a.id).values()} == {"sent"}
