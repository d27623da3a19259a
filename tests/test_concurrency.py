"""Parallel workers on a burst of articles about one new event: one story, no lost write."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from monitor.models import Topic
from monitor.pipeline import analyse
from monitor.state.keys import Keys
from monitor.state.queues import STORY, enqueue
from monitor.state.store import Store
from tests.support import wait_for
from workers.jobs import assign_story

TEXT = ("A gunman opened fire at the Riverside Mall in Springfield on Saturday afternoon, killing {k} people "
        "and wounding {w}, police said. Officers shot the suspect, identified as John Doe, 34, outside the "
        "mall's food court. Springfield police chief Anna Smith said the Riverside Mall shooting was the "
        "deadliest in the city's history.")


def test_parallel_workers_open_one_story_for_one_event(redis_server, r):
    ns = "burst"
    store = Store(r, Keys(ns))
    store.put_topic(Topic("t", (), (), ()))
    for i in range(12):
        a = analyse(f"art{i:02d}", f"Riverside Mall shooting in Springfield, report {i}",
                    TEXT.format(k=3 + i // 4, w=5), "2024-03-02T18:00:00Z", f"Outlet {i}")
        store.put_article(a, time.time())
        enqueue(r, ns, STORY, assign_story, a.id, "t", job_id=f"story-{a.id}")
    env = {**os.environ, "REDIS_URL": redis_server.url, "NEWSMON_NAMESPACE": ns}
    procs = [subprocess.Popen([sys.executable, "-m", "monitor", "worker", "--burst", "--quiet"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(4)]
    for p in procs:
        assert p.wait(120) == 0
    assert wait_for(lambda: sum(len(s.articles) for s in store.stories("t")) == 12, 10)
    stories = store.stories("t")
    assert len(stories) == 1
    story = stories[0]
    assert sorted(story.articles) == [f"art{i:02d}" for i in range(12)]
    killed = story.facts["main/killed"]
    assert sorted(r.article for r in killed.reports) == sorted(story.articles)  # no ledger write lost
    assert killed.current.value == 5  # the toll rose 3 -> 4 -> 5 across the burst
    kinds = [a.kind for a in store.alerts()]
    assert kinds.count("story_opened") == 1


def test_title_only_articles_match_with_the_same_code(store):
    from monitor.pipeline import assign
    a = analyse("t1", "Gunman kills three at Riverside Mall in Springfield", "", "2024-03-02T18:00:00Z", "A")
    b = analyse("t2", "Riverside Mall shooting in Springfield: three dead, gunman shot", "", "2024-03-02T20:00:00Z", "B")
    c = analyse("t3", "Flood warning issued for the Ohio river valley", "", "2024-03-02T21:00:00Z", "C")
    sa, sb, sc = (assign(store, x, "all", 1.0).story for x in (a, b, c))
    assert sa == sb != sc


def test_quiet_stories_age_out_of_the_index_and_stay_readable(store):
    from monitor.ops.clock import age_out
    from monitor.pipeline import assign
    old = analyse("o1", "Riverside Mall shooting in Springfield",
                  TEXT.format(k=3, w=5) + " Police arrested Darnell Price, 24, on Sunday.", "2024-01-01T10:00:00Z", "A")
    sid = assign(store, old, "all", old_epoch(old)).story
    assert store.r.keys(f"{store.k.ns}:idx:*") and store.r.keys(f"{store.k.ns}:furniture:*")
    removed = age_out(store, now=old_epoch(old) + 31 * 86400, quiet_days=30)
    assert removed > 0 and not any(store.r.zcard(k) for k in store.r.keys(f"{store.k.ns}:idx:*"))
    # an outlet's latest sentences stay however old (tests/test_retention.py has the rule)
    assert any(store.r.zcard(k) for k in store.r.keys(f"{store.k.ns}:furniture:*"))
    assert store.story(sid) is not None and store.story(sid).articles == ["o1"]  # still readable
    # the people it identified keep it findable for a follow-up (a trial) up to the person window
    who, named = store.k.who("all", "darnell price"), store.k.named("all", "darnell price")
    assert store.r.zcard(who) == 1 and store.r.zcard(named) == 1
    age_out(store, now=old_epoch(old) + 31 * 86400, quiet_days=30)
    assert store.r.zcard(who) == 1 and store.r.zcard(named) == 1
    age_out(store, now=old_epoch(old) + 731 * 86400, quiet_days=30)
    assert store.r.zcard(who) == 0 and store.r.zcard(named) == 0


def old_epoch(article) -> float:
    from monitor.stories.matching import epoch
    return epoch(article.published, 0.0)
