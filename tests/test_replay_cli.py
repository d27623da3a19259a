import json
import os
import subprocess
import sys

import pytest

from monitor.devtools.replay import replay
from monitor.devtools.sample import write_jsonl
from tests.support import newsmon


def test_replay_seeds_writes_the_contract(r, tmp_path):
    inp = tmp_path / "seeds.jsonl"
    write_jsonl(inp)
    out = tmp_path / "out"
    res = replay(r, inp, out, progress=False)
    assert res["documents"] == 5
    assign = {d["id"]: d["story"] for d in map(json.loads, (out / "assignments.jsonl").open())}
    assert assign["000"] == assign["001"] == assign["002"] == assign["004"] != assign["003"]
    figs = {d["id"]: d for d in map(json.loads, (out / "figures.jsonl").open())}
    assert (figs["000"]["killed"], figs["000"]["injured"]) == (25, 51)
    text = json.loads(inp.read_text().splitlines()[0])["text"]
    for f in figs["000"]["figures"]:
        assert {"metric", "value", "lower", "upper", "qualifier", "subject", "span", "attributed_to"} <= set(f)
        if f["attributed_to"]:
            s, e = f["attributed_to"]["span"]
            assert text[s:e] == f["attributed_to"]["text"]
    for a in figs["004"]["attributions"]:
        assert a["kind"] in {"carried_out", "claimed", "accused", "suspected", "denied", "means"}
    stories = [json.loads(x) for x in (out / "stories.jsonl").open()]
    a = next(s for s in stories if s["id"] == assign["000"])
    assert (a["killed"], a["injured"]) == (25, 51) and sorted(a["articles"]) == ["000", "001", "002", "004"]
    killed = next(f for f in a["figures"] if f["key"] == "main/killed")
    assert any(h["value"] == "19" for h in killed["history"])
    alerts = [json.loads(x) for x in (out / "alerts.jsonl").open()]
    assert [x["kind"] for x in alerts].count("story_opened") == 2
    assert not any(x["story"] == assign["000"] and x["article"] == "003" for x in alerts)
    assert not list(r.scan_iter(match=res["namespace"] + ":*"))  # the run cleaned up after itself


@pytest.fixture
def cli_env(redis_server, r):
    return {"REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": "cli"}


def test_admin_cli(cli_env):
    p = newsmon("feeds", "add", "https://example.org/rss.xml", "--id", "ex", env=cli_env)
    assert p.returncode == 0, p.stderr
    p = newsmon("topics", "add", "quake", "--term", "earthquake", "--feed", "ex", "--channel", "console",
                "--channel", "email:ops@example.org", env=cli_env)
    assert p.returncode == 0, p.stderr
    p = newsmon("topics", "show", "quake", "--json", env=cli_env)
    assert json.loads(p.stdout)["channels"] == ["console", "email:ops@example.org"]
    p = newsmon("feeds", "list", env=cli_env)
    assert "ex" in p.stdout and "https://example.org/rss.xml" in p.stdout
    p = newsmon("status", "--json", env=cli_env)
    assert json.loads(p.stdout)["feeds"]["total"] == 1


@pytest.mark.parametrize("args,code,message", [
    (["topics", "show", "nope"], 2, "unknown topic 'nope'"),
    (["feeds", "add", "ftp:/x"], 2, "malformed feed URL"),
    (["topics", "add", "t", "--channel", "pager"], 2, "unknown channel"),
    (["stories", "show", "s404"], 2, "unknown story"),
    # issue 19: bad input that was accepted without a word
    (["feeds", "add", "https://example.org/a.xml", "--id", "has space"], 2, "feed id 'has space'"),
    (["feeds", "add", "https://example.org/a.xml", "--interval", "-5"], 2, "--interval -5"),
    (["topics", "add", "t", "--threshold", "kiled=1"], 2, "unknown metric 'kiled'"),
    (["topics", "add", "t", "--quiet", "22:00-22:00"], 2, "the same time"),
    (["topics", "add", "t", "--cooldown", "-1"], 2, "--cooldown -1"),
    (["topics", "add", "t", "--digest", "-60"], 2, "--digest -60"),
    (["topics", "add", "t", "--term", ""], 2, "empty term"),
    (["alerts", "list", "--limit", "0"], 2, "--limit 0"),
    (["feeds", "add", "http://[::1"], 2, "malformed feed URL"),
    (["feeds", "add", "http://exa mple.org/rss"], 2, "malformed feed URL"),
    (["feeds", "add", "http://example.org:99999/rss"], 2, "malformed feed URL"),
    (["stories", "list", "--topic", "nope"], 2, "unknown topic 'nope'"),
    (["failed", "requeue", "bogus-id"], 2, "no failed job 'bogus-id'"),
    (["failed", "purge", "bogus-id"], 2, "no failed job 'bogus-id'"),
    # every verb, with what it cannot take
    (["feeds", "bogus"], 2, "invalid choice: 'bogus'"),
    (["check", "--component", "x"], 2, "invalid choice: 'x'"),
    (["alerts", "list", "--limit", "many"], 2, "invalid int value"),
    ([], 2, "required: cmd"),
    (["topics", "remove", "nope"], 2, "unknown topic 'nope'"),
    (["topics", "edit", "nope"], 2, "unknown topic 'nope'"),
    (["topics", "add", "bad name"], 2, "topic name 'bad name'"),
    (["feeds", "remove", "nope"], 2, "unknown feed 'nope'"),
    (["feeds", "poll", "nope"], 2, "unknown feed 'nope'"),
    (["feeds", "disable", "nope"], 2, "unknown feed 'nope'"),
    (["feeds", "enable", "nope"], 2, "unknown feed 'nope'"),
    (["feeds", "import", "/nonexistent.opml"], 2, "cannot read"),
    (["alerts", "test", "pager"], 2, "pager"),
    (["alerts", "resend", "pager"], 2, "pager"),
    (["failed", "requeue"], 2, "name the jobs"),
    (["replay", "/nonexistent.jsonl", "--out", "/tmp/x"], 2, "no such input file"),
    (["eval", "stories", "/nonexistent.jsonl"], 2, "no such gold file"),
    (["eval", "nothing", "/nonexistent.jsonl"], 2, "invalid choice: 'nothing'"),
    (["bench", "extraction"], 2, "needs --data"),
])
def test_cli_errors(cli_env, r, args, code, message):
    before = sorted(r.keys("cli:*"))
    p = newsmon(*args, env=cli_env)
    assert p.returncode == code and message in p.stderr, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    assert sorted(r.keys("cli:*")) == before  # nothing changed in Redis


def _one_clean_line(p: subprocess.CompletedProcess, code: int, message: str) -> None:
    assert p.returncode == code and message in p.stderr, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr


@pytest.mark.parametrize(("env", "message"), [
    ({"REDIS_URL": "notaurl"}, "REDIS_URL must begin with"),
    ({"NEWSMON_SLACK_TOKEN_FILE": "/nonexistent/token"}, "cannot read the secret file /nonexistent/token"),
    ({"NEWSMON_TICK_SECONDS": "0"}, "NEWSMON_TICK_SECONDS: must be above 0"),
    ({"NEWSMON_ALLOW_NETWORKS": "notacidr"}, "'notacidr' is not a network"),
])
def test_bad_settings_are_one_line(cli_env, env, message):
    _one_clean_line(newsmon("topics", "list", env={**cli_env, **env}), 2, message)


def test_bad_files_for_replay_and_eval_are_one_line(cli_env, tmp_path):
    empty, no_story, a_file = tmp_path / "empty.jsonl", tmp_path / "nostory.jsonl", tmp_path / "file"
    empty.write_text("")
    no_story.write_text(json.dumps({"id": "a", "text": "Two people were hurt."}) + "\n")
    a_file.write_text("x")
    _one_clean_line(newsmon("eval", "stories", str(empty), env=cli_env), 2, "no gold lines")
    _one_clean_line(newsmon("eval", "stories", str(no_story), env=cli_env), 2, "needs 'story_id'")
    _one_clean_line(newsmon("replay", str(no_story), "--out", str(a_file / "sub"), env=cli_env), 2,
                    "cannot write the output")
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_bytes(b"\xff\xfe\x00\x81 not text\n")
    _one_clean_line(newsmon("replay", str(garbage), "--out", str(tmp_path / "o"), env=cli_env), 2, "not UTF-8")


def test_a_url_is_watched_once_and_adding_a_feed_again_keeps_its_health(cli_env, r):
    assert newsmon("feeds", "add", "https://example.org/a.xml", "--id", "fa", env=cli_env).returncode == 0
    before = sorted(r.keys("cli:*"))
    p = newsmon("feeds", "add", "https://EXAMPLE.org/a.xml?utm_source=x", "--id", "fb", env=cli_env)
    _one_clean_line(p, 2, "already watched as feed 'fa'")
    assert sorted(r.keys("cli:*")) == before
    # a broken feed added again stays broken: re-adding once re-enabled it and hid its errors
    from monitor.state.keys import Keys
    from monitor.state.store import Store
    st = Store(r, Keys("cli"))
    f = st.feed("fa")
    f.errors, f.disabled, f.last_error = 7, "gone (410)", "HTTP 410"
    st.put_feed(f)
    assert newsmon("feeds", "add", "https://example.org/a.xml", "--id", "fa", env=cli_env).returncode == 0
    g = st.feed("fa")
    assert (g.errors, g.disabled, g.last_error) == (7, "gone (410)", "HTTP 410")


def test_version():
    p = newsmon("--version", env={})
    assert p.returncode == 0 and p.stdout.startswith("newsmon ")


def test_unreachable_redis_is_a_clear_error():
    p = newsmon("status", env={"REDIS_URL": "redis://127.0.0.1:1/0"})
    assert p.returncode == 3 and "cannot reach Redis" in p.stderr


@pytest.mark.slow
def test_demo_runs_from_an_installed_package(tmp_path):
    """The README's first command, outside the source tree: two stories, alerts with sources."""
    e = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTHONPATH", "NEWSMON_STATE_DIR")}
    e["XDG_STATE_HOME"] = str(tmp_path)
    p = subprocess.run([sys.executable, "-m", "monitor", "demo", "--interval", "2"], capture_output=True,
                       text=True, env=e, cwd=tmp_path, timeout=240)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "=== 2 stories ===" in p.stdout
    assert "killed 25 per" in p.stdout and "Popular Mobilization Forces" in p.stdout


def test_alerts_test_command(cli_env):
    p = newsmon("alerts", "test", "console", env=cli_env)
    assert p.returncode == 0 and "newsmon test message" in p.stdout
    p = newsmon("alerts", "test", "slack", env={**cli_env, "NEWSMON_SLACK_WEBHOOK_URL": ""})
    assert p.returncode == 1 and "no Slack webhook configured" in p.stderr


def test_daemon_processes_need_a_shared_redis():
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    p = subprocess.run([sys.executable, "-m", "monitor", "worker"], capture_output=True, text=True, env=env,
                       timeout=60)
    assert p.returncode == 2 and "needs REDIS_URL" in p.stderr


def test_adding_a_feed_keeps_the_topics_alert_policy(cli_env, r):
    """Issue 19 (1): `feeds add --topic T` rebuilt T field by field and dropped its policy."""
    assert newsmon("feeds", "add", "https://example.org/one.xml", "--id", "f1", env=cli_env).returncode == 0
    p = newsmon("topics", "add", "t", "--feed", "f1", "--channel", "console", "--threshold", "killed=2",
                "--cooldown", "600", "--digest", "3600", "--quiet", "22:00-07:00", env=cli_env)
    assert p.returncode == 0, p.stderr
    before = json.loads(newsmon("topics", "show", "t", "--json", env=cli_env).stdout)
    p = newsmon("feeds", "add", "https://example.org/other.xml", "--id", "f2", "--topic", "t", env=cli_env)
    assert p.returncode == 0, p.stderr
    after = json.loads(newsmon("topics", "show", "t", "--json", env=cli_env).stdout)
    assert after["feeds"] == ["f1", "f2"]
    assert after["policy"] == before["policy"] and after["policy"]  # thresholds, cooldown, digest, quiet hours


def test_removing_a_feed_takes_it_out_of_its_topics(cli_env, r):
    """Issue 19 (7): `feeds remove` left the id in the topics that listed it."""
    for fid in ("f1", "f2"):
        assert newsmon("feeds", "add", f"https://example.org/{fid}.xml", "--id", fid, env=cli_env).returncode == 0
    assert newsmon("topics", "add", "t", "--feed", "f1", "--feed", "f2", env=cli_env).returncode == 0
    p = newsmon("feeds", "remove", "f1", env=cli_env)
    assert p.returncode == 0, p.stderr
    assert json.loads(newsmon("topics", "show", "t", "--json", env=cli_env).stdout)["feeds"] == ["f2"]


def _no_redis_url(tmp_path) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "NEWSMON_STATE_DIR")}
    e["XDG_STATE_HOME"] = str(tmp_path)
    return e


@pytest.mark.parametrize("args", [["topics", "add", "t"], ["feeds", "add", "https://example.org/a.xml"],
                                  ["feeds", "poll", "x"], ["status"], ["alerts", "list"]])
def test_admin_commands_need_the_shared_redis(tmp_path, args):
    """Issue 19 (5): without REDIS_URL they wrote to a private Redis no clock or worker reads."""
    p = subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True, text=True,
                       env=_no_redis_url(tmp_path), timeout=60)
    assert p.returncode == 2 and "needs REDIS_URL" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "newsmon" / "redis").exists()  # no private store was started or written


def test_a_replay_on_its_own_leaves_nothing_behind_even_when_terminated(tmp_path):
    """Issue 19 (5): the private redis-server outlived SIGTERM, and every run left a folder."""
    import signal
    import time
    src = tmp_path / "seeds.jsonl"
    write_jsonl(src)
    line = src.read_text().splitlines()[0]
    many = tmp_path / "many.jsonl"
    many.write_text("".join(json.dumps({**json.loads(line), "id": f"d{i}"}) + "\n" for i in range(400)))
    env = _no_redis_url(tmp_path)
    state = tmp_path / "newsmon"
    p = subprocess.run([sys.executable, "-m", "monitor", "replay", str(src), "--out", str(tmp_path / "o1"),
                        "--quiet"], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    assert not list(state.glob("redis-run-*"))
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "replay", str(many), "--out", str(tmp_path / "o2"),
                             "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not (list(state.glob("redis-run-*/redis.log")) and (tmp_path / "o2" / "figures.jsonl").exists()):
        assert time.time() < deadline and proc.poll() is None
        time.sleep(0.1)
    run_dir = next(state.glob("redis-run-*"))
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 128 + signal.SIGTERM
    assert not run_dir.exists()
    ps = subprocess.run(["pgrep", "-f", str(run_dir)], capture_output=True, text=True)
    assert ps.stdout.strip() == ""  # its redis-server is gone too


def test_a_table_fits_its_width_and_marks_what_it_cuts() -> None:
    from monitor.stories.render import table
    rows = [["s00001", "A very long headline about a shooting that left two dead and five wounded downtown"],
            ["s00002", "Short"]]
    uncut = table(rows, ["story", "title"])
    assert "five wounded downtown" in uncut  # no width (a pipe, a file): nothing is cut
    fitted = table(rows, ["story", "title"], width=40)
    assert all(len(line) <= 40 for line in fitted.splitlines())
    assert "…" in fitted.splitlines()[2] and fitted.splitlines()[3].endswith("Short")


def test_a_mended_channel_gets_its_broken_and_failed_alerts_again_and_nothing_twice(cli_env, r):
    """Issue 19 (7): a broken channel could never be cleared, nor its alerts resent."""
    from rq import Queue

    from monitor.delivery.state import Delivery, DeliveryState
    from monitor.state.keys import Keys
    from monitor.state.store import Store
    from tests.support import make_alerts
    st = Store(r, Keys("cli"))
    ids = make_alerts(st, 4)
    states = [DeliveryState.BROKEN, DeliveryState.FAILED, DeliveryState.SENT, DeliveryState.SUPPRESSED]
    for aid, state in zip(ids, states, strict=True):
        st.set_delivery(aid, "slack", Delivery(state, "x"))
    st.mark_broken("slack", "invalid_token")
    p = newsmon("alerts", "resend", "slack", env=cli_env)
    assert p.returncode == 0, p.stderr
    assert "no longer marked broken" in p.stdout and "2 alert(s) queued again" in p.stdout
    assert r.hget(st.k.broken_channels(), "slack") is None
    assert [st.delivery_on(a, "slack").state for a in ids] == [DeliveryState.PENDING, DeliveryState.PENDING,
                                                               DeliveryState.SENT, DeliveryState.SUPPRESSED]
    q = Queue("cli:alerts", connection=r)
    assert sorted(q.fetch_job(j).args[0] for j in q.job_ids) == sorted(ids[:2])
    _one_clean_line(newsmon("alerts", "resend", "pager", env=cli_env), 2, "pager")


def test_a_topic_removed_and_added_again_starts_afresh(cli_env, r, tmp_path):
    """Issue 19 (7): removing a topic hid its stories, and adding it again brought them back."""
    from monitor.models import Topic
    from monitor.pipeline import analyse, assign
    from monitor.state.keys import Keys
    from monitor.state.store import Store
    st = Store(r, Keys("cli"))
    for name in ("iraq", "iraq-strikes"):
        st.put_topic(Topic(name))
        art = analyse(f"{name}-a1", "Two killed in blast", "Two people were killed in a blast on Monday, police said.",
                      "2024-01-02T10:00:00Z", "example.org")
        st.put_article(art, 1704189600.0)
        assign(st, art, name, 1704189600.0)
    assert len(st.stories("iraq")) == 1
    p = newsmon("topics", "remove", "iraq", env=cli_env)
    assert p.returncode == 0 and "its 1 stories" in p.stdout, p.stderr
    assert newsmon("topics", "add", "iraq", env=cli_env).returncode == 0
    assert st.stories("iraq") == []
    assert not list(r.scan_iter(match="cli:*:iraq:*")) and not list(r.scan_iter(match="cli:story:iraq-0*"))
    assert len(st.stories("iraq-strikes")) == 1  # a topic whose name begins alike is untouched
    assert list(r.scan_iter(match="cli:idx:iraq-strikes:*"))


def test_every_verb_and_option_has_help():
    import argparse

    from monitor.cli.main import parser
    missing = []

    def walk(p: argparse.ArgumentParser, path: str) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {c.dest: c.help for c in action._choices_actions}
                for name, sub in action.choices.items():
                    if not helps.get(name):
                        missing.append(f"{path} {name}")
                    walk(sub, f"{path} {name}")
            elif not isinstance(action, argparse._HelpAction) and not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    walk(parser(), "newsmon")
    assert missing == []


def test_topics_edit_changes_only_what_it_names(cli_env):
    for fid in ("e1", "e2"):
        assert newsmon("feeds", "add", f"https://example.org/{fid}.xml", "--id", fid, env=cli_env).returncode == 0
    assert newsmon("topics", "add", "ed", "--term", "flood", "--feed", "e1", "--threshold", "killed=2",
                   "--cooldown", "600", "--quiet", "22:00-06:00", env=cli_env).returncode == 0
    p = newsmon("topics", "edit", "ed", "--term", "storm", "--drop-term", "flood", "--feed", "e2", "--digest", "3600",
                env=cli_env)
    assert p.returncode == 0, p.stderr
    t = json.loads(newsmon("topics", "show", "ed", "--json", env=cli_env).stdout)
    assert t["terms"] == ["storm"] and t["feeds"] == ["e1", "e2"] and t["channels"] == ["console"]
    assert t["policy"] == {"thresholds": {"killed": "2"}, "cooldown": 600.0, "digest": 3600.0, "quiet": "22:00-06:00"}
    _one_clean_line(newsmon("topics", "edit", "nope", "--term", "x", env=cli_env), 2, "unknown topic 'nope'")
    _one_clean_line(newsmon("topics", "edit", "ed", "--cooldown", "-3", env=cli_env), 2, "--cooldown -3")


def test_feeds_disable_enable_and_opml_round_trip(cli_env, r, tmp_path):
    from monitor.state.keys import Keys
    from monitor.state.store import Store
    st = Store(r, Keys("cli"))
    assert newsmon("feeds", "add", "https://example.org/d.xml", "--id", "fd", env=cli_env).returncode == 0
    assert newsmon("feeds", "disable", "fd", "--reason", "paywalled", env=cli_env).returncode == 0
    assert st.feed("fd").disabled == "paywalled" and st.next_poll("fd") is None
    assert newsmon("feeds", "enable", "fd", env=cli_env).returncode == 0
    assert st.feed("fd").disabled is None and st.next_poll("fd") is not None
    opml = newsmon("feeds", "export", env=cli_env).stdout
    assert 'xmlUrl="https://example.org/d.xml"' in opml
    src = tmp_path / "reader.opml"
    src.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                   '<outline text="One &amp; Two" xmlUrl="https://news.example.org/one.xml"/>'
                   '<outline text="Again" xmlUrl="https://example.org/d.xml"/></outline></body></opml>')
    p = newsmon("feeds", "import", str(src), env=cli_env)
    assert p.returncode == 0 and "1 feeds added" in p.stdout and "1 already watched" in p.stdout, p.stderr
    assert any(f.url == "https://news.example.org/one.xml" and f.title == "One & Two" for f in st.feeds())
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">]><opml><body/></opml>')
    _one_clean_line(newsmon("feeds", "import", str(bomb), env=cli_env), 2, "entity declarations are not allowed")
    _one_clean_line(newsmon("feeds", "import", str(tmp_path / "none.opml"), env=cli_env), 2, "cannot read")



def test_verbs_that_report_a_result_say_it_in_json(cli_env):
    assert newsmon("feeds", "add", "https://example.org/j.xml", "--id", "fj", env=cli_env).returncode == 0
    for args in (["feeds", "disable", "fj", "--json"], ["feeds", "enable", "fj", "--json"],
                 ["topics", "add", "tj", "--json"], ["topics", "edit", "tj", "--term", "x", "--json"],
                 ["alerts", "resend", "console", "--json"], ["feeds", "remove", "fj", "--json"],
                 ["topics", "remove", "tj", "--json"]):
        p = newsmon(*args, env=cli_env)
        assert p.returncode == 0, (args, p.stderr)
        assert isinstance(json.loads(p.stdout), dict), args
