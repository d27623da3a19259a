"""No story figure a reader would laugh at, on a sample of each dev file's replay: no killed or
injured that is a year or a clock time, nor over 100 where the gold allows fewer. The whole
files: `newsmon eval plausible FILE` (docs/evaluation.md).

The dev files are not part of the project (their publishers own them): the test reads them
from ``../shared/data`` beside the checkout, or ``NEWSMON_DEV_DATA``, and is skipped without them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor.devtools.evaluate import implausible
from monitor.devtools.replay import replay

DATA = Path(os.environ.get("NEWSMON_DEV_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
SAMPLES = [("gunviolence/ltqa-dev-2013-2015.jsonl", 300), ("gunviolence/gvdb-dev.jsonl", 120),
           ("attribution/polnear-dev.jsonl", 84)]


@pytest.mark.slow
@pytest.mark.skipif(not DATA.is_dir(), reason=f"no dev data at {DATA} (set NEWSMON_DEV_DATA)")
@pytest.mark.parametrize("name,lines", SAMPLES)
def test_no_implausible_story_figure_on_a_dev_sample(r, tmp_path, name, lines):
    sample = tmp_path / "sample.jsonl"
    with (DATA / name).open(encoding="utf-8") as f, sample.open("w", encoding="utf-8") as out:
        for _, line in zip(range(lines), f, strict=False):
            out.write(line)
    replay(r, sample, tmp_path / "out", progress=False)
    assert implausible(tmp_path / "out", sample) == []


def test_the_check_finds_a_year_and_a_clock_time(tmp_path):
    import json
    text = "The 2014 shooting was reported at 02:52 on Sunday."
    docs = tmp_path / "in.jsonl"
    docs.write_text(json.dumps({"id": "a1", "text": text}) + "\n")
    (tmp_path / "out").mkdir()

    def fact(metric: str, value: int, token: str) -> dict:
        at = text.index(token)
        rep = {"article": "a1", "span": [at, at + len(token)], "value": value, "lower": value}
        return {"key": f"main/{metric}", "current": rep, "reports": [rep]}

    story = {"id": "s1", "articles": ["a1"], "killed": 2014, "injured": 52,
             "figures": [fact("killed", 2014, "2014"), fact("injured", 52, "02:52")]}
    (tmp_path / "out" / "stories.jsonl").write_text(json.dumps(story) + "\n")
    assert [(c["metric"], c["why"]) for c in implausible(tmp_path / "out", docs)] == [
        ("killed", "a year"), ("injured", "a clock time")]
