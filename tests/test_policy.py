from datetime import UTC, datetime

import pytest

from monitor.delivery.policy import AlertPolicy, decide, parse_quiet, parse_threshold, quiet_until

NOON = datetime(2026, 1, 5, 12, 0, tzinfo=UTC).timestamp()


@pytest.mark.parametrize("policy,kind,old,new,last,action", [
    (AlertPolicy({"killed": "2"}), "figure_changed", 19, 20, None, "suppress"),
    (AlertPolicy({"killed": "2"}), "figure_changed", 19, 25, None, "send"),
    (AlertPolicy({"killed": "10%"}), "figure_changed", 100, 105, None, "suppress"),
    (AlertPolicy({"killed": "10%"}), "figure_changed", 100, 120, None, "send"),
    (AlertPolicy(cooldown=600), "attribution_added", None, None, NOON - 60, "defer"),
    (AlertPolicy(cooldown=600), "figure_changed", 19, 25, NOON - 60, "send"),   # a real change overrides
    (AlertPolicy(cooldown=600), "attribution_added", None, None, NOON - 900, "send"),
    (AlertPolicy(digest=3600), "figure_disputed", None, None, None, "digest"),
    (AlertPolicy(quiet="11:00-13:00"), "story_opened", None, None, None, "defer"),
    (AlertPolicy(quiet="22:00-07:00"), "story_opened", None, None, None, "send"),
])
def test_decide(policy, kind, old, new, last, action):
    assert decide(policy, kind, "killed", old, new, last, NOON).action == action


def test_deferred_until_the_right_time():
    assert decide(AlertPolicy(cooldown=600), "attribution_added", None, None, None, NOON - 60, NOON).at == NOON + 540
    assert decide(AlertPolicy(digest=3600), "x", None, None, None, None, NOON + 10).at == NOON + 3600
    night = datetime(2026, 1, 5, 23, 30, tzinfo=UTC).timestamp()
    assert quiet_until(AlertPolicy(quiet="22:00-07:00"), night) == datetime(2026, 1, 6, 7, 0, tzinfo=UTC).timestamp()


@pytest.mark.parametrize("bad", ["killed", "killed=x", "=5"])
def test_bad_threshold(bad):
    with pytest.raises(ValueError, match="METRIC=N"):
        parse_threshold(bad)


def test_bad_quiet():
    with pytest.raises(ValueError, match="HH:MM"):
        parse_quiet("25:00-07:00")
