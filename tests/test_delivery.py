"""Delivery through a real worker: Slack and SMTP on loopback, failing and coming back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from rq import Queue

from monitor.delivery.state import Delivery, DeliveryState
from monitor.models import Alert, Topic
from monitor.state.keys import Keys
from monitor.state.queues import queue_name
from monitor.state.redis_server import free_port
from monitor.state.store import Store
from tests.support import Inbox, delivery_state, make_alerts, respond, wait_for
from workers.jobs import dispatch


def worker(url: str, ns: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "monitor", "worker", "--quiet"],
                            env={**os.environ, "REDIS_URL": url, "NEWSMON_NAMESPACE": ns,
                                 "NEWSMON_ALLOW_PRIVATE": "true", **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_slack_500_and_smtp_outage_lose_nothing_and_double_nothing(redis_server, r, http):
    ns = "deliv"
    store = Store(r, Keys(ns))
    posts: list[tuple[float, dict]] = []
    failures = {"n": 0}

    def hook(h):
        if failures["n"] < 2:  # the first two posts fail with 500
            failures["n"] += 1
            respond(h, 500)
            return
        posts.append((time.monotonic(), json.loads(http.requests[-1][3])))
        respond(h, 200, b"ok")

    http.routes[("POST", "/hook")] = hook
    port = free_port()  # nothing listens here yet: SMTP is down
    topic = Topic("t", (), (), ("slack", "email:ops@example.org"))
    store.put_topic(topic)
    ids = make_alerts(store, 4)
    for i in ids:
        dispatch(store, topic, i, time.time())
    p = worker(redis_server.url, ns, {"NEWSMON_SLACK_WEBHOOK_URL": f"{http.base}/hook",
                                      "NEWSMON_SMTP_HOST": "127.0.0.1", "NEWSMON_SMTP_PORT": str(port),
                                      "NEWSMON_SMTP_SECURITY": "none"})
    inbox = Inbox()
    smtp = None
    try:
        assert wait_for(lambda: len(posts) == 4, 60), posts
        assert all(store.delivery(i)["email:ops@example.org"].state == "retrying" for i in ids)
        smtp = Controller(inbox, hostname="127.0.0.1", port=port)
        smtp.start()  # SMTP comes back
        assert wait_for(lambda: all(store.delivery(i)["email:ops@example.org"].state == "sent" for i in ids), 60)
    finally:
        p.terminate()
        p.wait(15)
        if smtp:
            smtp.stop()
    assert sorted(json.dumps(b["text"]) for _, b in posts) == sorted(set(json.dumps(b["text"]) for _, b in posts))
    assert len(inbox.messages) == 4 and len({m["X-Newsmon-Alert"] for m in inbox.messages}) == 4
    times = sorted(t for t, _ in posts)
    assert all(b - a >= 0.9 for a, b in zip(times, times[1:], strict=False))  # one message per second
    assert all("<!channel>" not in b["text"] for _, b in posts)
    assert all({d.state for d in store.delivery(i).values()} == {"sent"} for i in ids)


@pytest.mark.slow
def test_slack_bot_threads_a_story_and_a_bad_token_breaks_the_channel(redis_server, r, http):
    ns = "bot"
    store = Store(r, Keys(ns))
    seen: list[dict] = []

    def api(h):
        body = json.loads(http.requests[-1][3])
        seen.append({"auth": h.headers.get("Authorization"), **body})
        out = json.dumps({"ok": True, "ts": "1700000000.000100" if len(seen) == 1 else f"1700000000.00{len(seen)}"})
        respond(h, 200, out.encode(), {"Content-Type": "application/json"})

    http.routes[("POST", "/api/chat.postMessage")] = api
    topic = Topic("t", (), (), ("slack:#news",))
    store.put_topic(topic)
    ids = make_alerts(store, 3)
    dispatch(store, topic, ids[0], time.time())
    env = {"NEWSMON_SLACK_TOKEN": "xoxb-secret-token", "NEWSMON_SLACK_API_URL": f"{http.base}/api/chat.postMessage"}
    p = worker(redis_server.url, ns, env)
    try:
        assert wait_for(lambda: len(seen) == 1, 30)
        for i in ids[1:]:
            dispatch(store, topic, i, time.time())
        assert wait_for(lambda: len(seen) == 3, 30)
    finally:
        p.terminate()
        p.wait(15)
    assert all(x["auth"] == "Bearer xoxb-secret-token" and x["channel"] == "#news" for x in seen)
    assert "thread_ts" not in seen[0] and all(x["thread_ts"] == "1700000000.000100" for x in seen[1:])

    # a revoked token: permanent, the channel is marked broken, nothing is retried
    def revoked(h):
        respond(h, 200, b'{"ok": false, "error": "invalid_auth"}')

    http.routes[("POST", "/api/chat.postMessage")] = revoked
    more = make_alerts(store, 1, story="s2", first=100)
    dispatch(store, topic, more[0], time.time())
    p = worker(redis_server.url, ns, env)
    try:
        assert wait_for(lambda: delivery_state(store, more[0], "slack:#news") == "broken", 30)
    finally:
        p.terminate()
        p.wait(15)
    assert b"invalid_auth" in r.hget(store.k.broken_channels(), "slack:#news")
    out = subprocess.run([sys.executable, "-m", "monitor", "status"], capture_output=True, text=True,
                         env={**os.environ, "REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns})
    assert "slack:#news (slack api: invalid_auth)" in out.stdout
    assert "xoxb-secret-token" not in out.stdout + out.stderr


def test_digest_and_threshold(redis_server, r, http):
    ns = "digest"
    store = Store(r, Keys(ns))
    got: list[dict] = []
    lock = threading.Lock()

    def hook(h):
        with lock:
            got.append(json.loads(http.requests[-1][3]))
        respond(h, 200, b"ok")

    http.routes[("POST", "/hook")] = hook
    topic = Topic("t", (), (), ("slack",), {"digest": 3, "thresholds": {"killed": "3"}})
    store.put_topic(topic)
    ids = make_alerts(store, 3)
    small = Alert("a000099", "s1", "t", "x", "figure_changed", "Killed: 19 → 20", (), "2026-01-01T00:00:00Z",
                  data={"metric": "killed", "old": 19, "new": 20})
    store.put_alert(small, 0)
    now = time.time()
    for i in [*ids, small.id]:
        dispatch(store, topic, i, now)
    assert store.delivery(small.id)["slack"].state == "suppressed"
    p = worker(redis_server.url, ns, {"NEWSMON_SLACK_WEBHOOK_URL": f"{http.base}/hook"})
    try:
        assert wait_for(lambda: len(got) >= 1, 30)
        time.sleep(1.5)
    finally:
        p.terminate()
        p.wait(15)
    assert len(got) == 1 and got[0]["text"].startswith("Digest: 3 updates on t")
    assert all(store.delivery(i)["slack"] == Delivery(DeliveryState.SENT, "digest") for i in ids)


def test_a_delivery_saved_but_never_queued_is_queued_when_its_story_step_runs_again(r):
    """RQ saves a job, then pushes its id: a Redis that goes down between the two (seen in the
    restart drill) leaves a delivery no worker sees, whose unique id blocks a new one."""
    ns = "orphan"
    store = Store(r, Keys(ns))
    topic = Topic("t", (), (), ("email:ops@example.org",))
    [aid] = make_alerts(store, 1)
    q = Queue(queue_name(ns, "alerts"), connection=r)
    assert dispatch(store, topic, aid, time.time()) == "send"
    [jid] = q.job_ids
    r.lrem(q.key, 0, jid)  # the push that never happened
    assert dispatch(store, topic, aid, time.time()) == "send"  # the story step, retried
    assert q.job_ids == [jid]
    assert dispatch(store, topic, aid, time.time()) == "send"  # and once more: still one job
    assert q.job_ids == [jid]
    assert store.delivery(aid)["email:ops@example.org"].state == "pending"


@pytest.fixture(autouse=True)
def _no_inherited_secrets(monkeypatch):
    for k in ("NEWSMON_SLACK_WEBHOOK_URL", "NEWSMON_SLACK_TOKEN", "NEWSMON_SENTRY_DSN"):
        monkeypatch.delenv(k, raising=False)
