"""SCENARIO.md as an acceptance test: the seed articles, replayed in publication order."""

import json

import pytest

from monitor.devtools.replay import replay
from monitor.devtools.sample import write_jsonl

# (article, kind, words the one-line text must carry) in order; nothing else may be sent
EXPECTED = [
    ("000", "story_opened", ["killed 25", "injured 51", "Popular Mobilization Forces", "facilities struck 5"]),
    ("001", "figure_changed", ["Injured", "several → 4"]),
    ("001", "figure_disputed", ["Means", "drone", "F-15"]),
    ("002", "figure_disputed", ["Projectiles", "10 (via Rudaw)", "30 (via Newsroom24x7)"]),
    ("004", "attribution_denied", ["Iran", "denies any role", "Ali Rabiei"]),
    ("003", "story_opened", ["US strikes Iran-backed militia in Iraq"]),
]


@pytest.fixture
def run(r, tmp_path):
    inp = tmp_path / "seeds.jsonl"
    write_jsonl(inp)
    replay(r, inp, tmp_path / "out", progress=False)
    read = lambda name: [json.loads(x) for x in (tmp_path / "out" / name).open()]  # noqa: E731
    return read("alerts.jsonl"), read("stories.jsonl"), {d["id"]: d["story"] for d in read("assignments.jsonl")}


def test_seed_alerts_in_order(run):
    alerts, _, assign = run
    assert [(a["article"], a["kind"]) for a in alerts] == [(e[0], e[1]) for e in EXPECTED]
    for a, (_, _, words) in zip(alerts, EXPECTED, strict=True):
        for w in words:
            assert w in a["text"], (w, a["text"])
    assert not any(a["story"] == assign["000"] for a in alerts if a["article"] == "003")


def test_story_a_ledger(run):
    _, stories, assign = run
    a = next(s for s in stories if s["id"] == assign["000"])
    facts = {f["key"]: f for f in a["figures"] + a["attributions"]}
    killed, injured = facts["main/killed"], facts["main/injured"]
    assert killed["current"]["value"] == 25 and [h["value"] for h in killed["history"]] == ["19"]
    assert injured["current"]["value"] == 51 and "35" in [h["value"] for h in injured["history"]]
    assert set(killed["outlets"]) == {"Rudaw", "Labour Heartlands", "Newsroom24x7", "The Independent"}
    assert "Popular Mobilization Forces" in killed["current"]["source"]
    assert facts["main/facilities_struck"]["current"]["value"] == 5
    proj = facts["related/projectiles"]
    assert proj["disputed"] and {r["outlet"] for r in proj["reports"]} == {"Rudaw", "Newsroom24x7", "The Independent"}
    assert facts["attr/main/means"]["disputed"]
    contractor = [f for f in a["figures"] if f["incident"] == "related" and f["metric"] == "killed"
                  and f["current"]["value"] == 1]
    assert len(contractor) == 1
    assert any(f["metric"] == "denied" and "Iran" in f["subject"] for f in a["attributions"])
    assert any(f["metric"] == "accused" and "Hezbollah" in f["subject"] for f in a["attributions"])
    assert any(f["metric"] == "claimed" and f["subject"] == "no group" for f in a["attributions"])
    assert a["killed"] == 25 and a["injured"] == 51


def test_nothing_from_background_or_boilerplate(run):
    _, stories, assign = run
    for s in stories:
        for f in s["figures"]:
            assert f["incident"] != "background"
            for r in f["reports"]:
                assert r["value"] not in (5,) or f["metric"] == "facilities_struck", f  # Damascus' five, Houthi drones
    b = next(s for s in stories if s["id"] == assign["003"])
    assert b["killed"] is None


def test_seeds_on_one_day_make_two_stories(r, tmp_path):
    """Issue 20: every article of a topic shares the topic's words and actors; given one
    publication day, the January 2024 strikes (003) must still not join the December 2019 ones."""
    from monitor.devtools.demo import TOPIC

    src = tmp_path / "seeds.jsonl"
    write_jsonl(src)
    one_day = tmp_path / "one-day.jsonl"
    docs = [json.loads(x) for x in src.open()]
    one_day.write_text("".join(json.dumps({**d, "published": "2019-12-30T12:00:00Z"}) + "\n" for d in docs))
    replay(r, one_day, tmp_path / "out", TOPIC, progress=False)
    story = {d["id"]: d["story"] for d in map(json.loads, (tmp_path / "out" / "assignments.jsonl").open())}
    assert story["000"] == story["001"] == story["002"] == story["004"] != story["003"]
