"""Issue 22: the web view over HTTP: the seeds replayed into a real Redis, served by uvicorn on
loopback, read with httpx. (tests/test_web_browser.py looks at the same pages in Chromium.)"""

from __future__ import annotations

import base64
import json
import subprocess
import sys

import httpx
import pytest

from monitor.devtools.demo import TOPIC
from monitor.devtools.replay import replay
from monitor.devtools.sample import write_jsonl
from monitor.state.keys import Keys
from monitor.state.store import Feed, Store
from monitor.stories.ledger import Fact, Report
from monitor.web.app import check_bind, wants_json
from monitor.web.charts import points, steps
from tests.support import WebServer

JSON = {"Accept": "application/json"}


@pytest.fixture
def seeds(r, tmp_path):
    """The five seed articles replayed under the demo's topic, kept in Redis: (namespace, story ids)."""
    src = tmp_path / "seeds.jsonl"
    write_jsonl(src)
    res = replay(r, src, tmp_path / "out", TOPIC, progress=False, keep=True)
    assign = {d["id"]: d["story"] for d in map(json.loads, (tmp_path / "out" / "assignments.jsonl").open())}
    yield res["namespace"], assign
    for key in r.scan_iter(match=f"{res['namespace']}:*"):
        r.delete(key)


@pytest.fixture
def web(r, seeds):
    ns, assign = seeds
    w = WebServer(r, ns)
    yield w, ns, assign
    w.close()


def test_the_story_page_holds_the_ledger(web):
    w, ns, assign = web
    resp = httpx.get(f"{w.base}/stories/{assign['000']}")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert "Popular Mobilization Forces" in page and "History: 19 (earlier) → 25" in page
    assert page.count("DISPUTED") >= 2  # the projectiles and the means
    assert "/static/live.js" in page and "<script>" not in page  # no inline script
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert float(resp.headers["server-timing"].split("dur=")[1]) > 0


def test_json_at_the_same_paths_holds_the_cli_records(web, r):
    w, ns, assign = web
    sid = assign["000"]
    got = httpx.get(f"{w.base}/stories/{sid}", headers=JSON).json()
    assert got == Store(r, Keys(ns)).story(sid).summary()  # what `stories show --json` prints
    listed = httpx.get(f"{w.base}/", headers=JSON).json()
    assert {s["id"] for s in listed} == set(assign.values())
    assert httpx.get(f"{w.base}/?topic={TOPIC.name}", headers=JSON).json()[0]["id"] == assign["003"]  # the last published first (2024)
    assert httpx.get(f"{w.base}/stories/nope", headers=JSON).status_code == 404
    assert httpx.get(f"{w.base}/stories/nope").status_code == 404


def test_the_front_page_lists_and_searches_the_stories(web, r):
    w, ns, assign = web
    st = Store(r, Keys(ns))
    page = httpx.get(f"{w.base}/").text
    for sid in set(assign.values()):
        assert f'href="/stories/{sid}"' in page and st.story(sid).title in page
    hit = httpx.get(f"{w.base}/", params={"q": st.story(assign["003"]).title}, headers=JSON).json()
    assert assign["003"] in [s["id"] for s in hit]
    assert httpx.get(f"{w.base}/", params={"q": "zzzqqq"}, headers=JSON).json() == []
    assert httpx.get(f"{w.base}/", params={"topic": "nope"}).status_code == 404


def test_the_feeds_page_and_its_json(web, r):
    w, ns, _ = web
    st = Store(r, Keys(ns))
    st.put_feed(Feed("wire", "https://example.org/rss", [TOPIC.name], errors=3, last_error="HTTP 503"))
    st.schedule("wire", 1_700_000_000)
    page = httpx.get(f"{w.base}/feeds").text
    assert "wire" in page and "3 errors" in page and "HTTP 503" in page
    got = httpx.get(f"{w.base}/feeds", headers=JSON).json()
    assert got == [{**st.feed("wire").to_dict(), "next_poll": 1_700_000_000}]


def test_the_view_is_read_only(web):
    w, _, assign = web
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert httpx.request(method, f"{w.base}/stories/{assign['000']}").status_code == 405
        assert httpx.request(method, f"{w.base}/").status_code == 405


def test_article_text_is_escaped(r, tmp_path):
    """A title carrying markup is text on every page, and a javascript: address is no link."""
    evil = '<img src=x onerror="document.title=1"> 12 killed in attack on "market"'
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps({"id": "e1", "title": evil, "text": "Gunmen killed 12 people at a market on Monday, "
                               "police said.", "published": "2024-03-04T10:00:00Z",
                               "url": "javascript:alert(1)"}) + "\n")
    res = replay(r, src, tmp_path / "out", progress=False, keep=True)
    w = WebServer(r, res["namespace"])
    try:
        story = httpx.get(f"{w.base}/", headers=JSON).json()[0]["id"]
        for path in ("/", f"/stories/{story}"):
            page = httpx.get(w.base + path).text
            assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
            assert 'href="javascript:' not in page
    finally:
        w.close()


def test_a_token_guards_every_path(r, seeds):
    ns, assign = seeds
    w = WebServer(r, ns, token="s3cret")
    try:
        url = f"{w.base}/stories/{assign['000']}"
        assert httpx.get(url).status_code == 401
        assert httpx.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert httpx.get(f"{w.base}/static/newsmon.css").status_code == 401
        assert httpx.get(url, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        basic = base64.b64encode(b"analyst:s3cret").decode()
        assert httpx.get(url, headers={"Authorization": f"Basic {basic}"}).status_code == 200
        assert httpx.get(url, headers={"Authorization": "Basic !!!"}).status_code == 401
    finally:
        w.close()


def test_a_public_bind_needs_a_token(redis_server):
    check_bind("127.0.0.1", "")
    check_bind("::1", "")
    check_bind("0.0.0.0", "t")
    env = {"REDIS_URL": redis_server.url, "PATH": "/usr/bin:/bin", "NEWSMON_WEB_TOKEN": ""}
    for host in ("0.0.0.0", "192.0.2.7", "news.example.org"):
        p = subprocess.run([sys.executable, "-m", "monitor", "web", "--host", host, "--port", "0"], env=env,
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == 2 and "NEWSMON_WEB_TOKEN" in p.stderr, p.stderr


def test_json_is_served_when_asked_for_over_html():
    from starlette.requests import Request

    def ask(accept: str) -> bool:
        return wants_json(Request({"type": "http", "headers": [(b"accept", accept.encode())]}))

    assert ask("application/json")
    assert not ask("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")  # a browser
    assert ask("text/html;q=0.5, application/json")
    assert not ask("")


def _report(value: int | None, outlet: str, at: float, earlier: bool = False, lower: int | None = None) -> Report:
    return Report(value, lower, None, "exact" if value is not None else "at least", None, outlet, outlet + str(at),
                  None, at, [0, 0], earlier)


def test_the_chart_replays_the_ledger():
    """Points for the reports with a number; the step line is the current value the ledger's own
    rule gives after each report, and never runs back in time."""
    from monitor.stories.ledger import merge_figure
    f = Fact("main/killed", "figure", "main", "killed", "total")
    for rep in (_report(19, "A", 100.0), _report(25, "B", 200.0), _report(21, "C", 150.0, earlier=True),
                _report(None, "D", 300.0, lower=30)):
        merge_figure(f, rep)
    assert [p.value for p in points(f)] == [19, 25, 21, 30]
    assert steps(f) == [(100.0, 19), (200.0, 25), (300.0, 30)]
    assert [p.earlier for p in points(f)] == [False, False, True, False]


def test_search_walks_the_rarest_term_newest_first(store):
    """Stories under both words, the last published first, past the first page of the rarer one."""
    from monitor.stories.matching import StorySketch
    from monitor.stories.story import Story
    with store.r.pipeline() as p:
        for i in range(1500):
            sid = f"t-{i:05d}"
            p.set(store.k.story(sid), json.dumps(Story(sid, "t", sid, StorySketch(sid, {}, {}, i, i, 1)).to_dict()))
            p.zadd(store.k.index("t", "common"), {sid: i})
            if i % 7 == 0 or i < 3:
                p.zadd(store.k.index("t", "rare"), {sid: i})
        p.execute()
    both = [s.id for s in store.search_stories("t", ["rare", "common"], 300)]
    want = sorted([f"t-{i:05d}" for i in range(1500) if i % 7 == 0 or i < 3], reverse=True)[:300]
    assert both == want
    assert store.search_stories("t", ["rare", "absent"], 10) == []
    assert [s.id for s in store.search_stories("t", ["common"], 3)] == ["t-01499", "t-01498", "t-01497"]


@pytest.mark.slow
def test_demo_web_keeps_the_sample_up(tmp_path):
    """`newsmon demo --web`: after the stream drains, the view serves the sample's stories, and
    Ctrl-C ends it with the private Redis removed."""
    import os
    import re
    import signal
    e = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTHONPATH", "NEWSMON_STATE_DIR")}
    e["XDG_STATE_HOME"] = str(tmp_path)
    p = subprocess.Popen([sys.executable, "-m", "monitor", "demo", "--interval", "2", "--web", "--web-port", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e, cwd=tmp_path)
    try:
        url = None
        for line in p.stdout:
            m = re.search(r"the web view is on (http://127\.0\.0\.1:\d+)/", line)
            if m:
                url = m.group(1)
                break
        assert url, p.stderr.read()[-2000:]
        stories = httpx.get(url + "/", headers=JSON, timeout=10).json()
        assert len(stories) == 2 and any(s["killed"] == 25 and s["injured"] == 51 for s in stories)
        page = httpx.get(f"{url}/stories/{stories[0]['id']}", timeout=10)
        assert page.status_code == 200 and "Ledger" in page.text
    finally:
        p.send_signal(signal.SIGINT)
        p.wait(30)
    assert not list((tmp_path / "newsmon").glob("demo-redis-*"))
