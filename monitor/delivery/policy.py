"""Alert policy per topic: thresholds, cooldown, digest, quiet hours. Pure: takes ``now``.

- A threshold per metric ("killed=1", "injured=10%") suppresses a figure change smaller than
  it (absolute, or relative to the old value).
- A cooldown per story defers alerts that come within it of the story's last alert, except a
  real change to a figure (and a story opening), which goes at once.
- A digest period collects a topic's alerts and sends them as one message per period.
- Quiet hours ("22:00-07:00", UTC) defer everything to their end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from monitor.stories.ledger import LEDGER_METRICS

URGENT = {"story_opened", "figure_changed"}  # a cooldown never holds these


@dataclass(frozen=True)
class AlertPolicy:
    thresholds: dict[str, str] = field(default_factory=dict)  # metric -> "5" or "10%"
    cooldown: float = 0.0  # seconds
    digest: float = 0.0  # seconds; 0: alerts go one by one
    quiet: str = ""  # "HH:MM-HH:MM" in UTC

    def to_dict(self) -> dict:
        return {"thresholds": dict(self.thresholds), "cooldown": self.cooldown, "digest": self.digest,
                "quiet": self.quiet}

    @classmethod
    def from_dict(cls, d: dict | None) -> AlertPolicy:
        d = d or {}
        return cls(dict(d.get("thresholds", {})), float(d.get("cooldown", 0)), float(d.get("digest", 0)),
                   d.get("quiet", ""))


@dataclass(frozen=True)
class Decision:
    action: str  # send | defer | digest | suppress
    at: float | None = None  # for defer and digest: when
    reason: str = ""


def parse_threshold(spec: str) -> tuple[str, str]:
    """'killed=1' or 'injured=10%' -> (metric, value); raises ValueError with a clear message."""
    m = re.fullmatch(r"\s*([a-z_]+)\s*=\s*(\d+(?:\.\d+)?%?)\s*", spec)
    if not m:
        raise ValueError(f"threshold {spec!r}: use METRIC=N or METRIC=N% (e.g. killed=1, injured=10%)")
    if m.group(1) not in LEDGER_METRICS:
        raise ValueError(f"threshold {spec!r}: unknown metric {m.group(1)!r}; one of {', '.join(sorted(LEDGER_METRICS))}")
    return m.group(1), m.group(2)


def parse_quiet(spec: str) -> tuple[int, int]:
    """'22:00-07:00' -> minutes of the day (start, end)."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", spec)
    if not m or int(m.group(1)) > 23 or int(m.group(3)) > 23 or int(m.group(2)) > 59 or int(m.group(4)) > 59:
        raise ValueError(f"quiet hours {spec!r}: use HH:MM-HH:MM (UTC), e.g. 22:00-07:00")
    start, end = int(m.group(1)) * 60 + int(m.group(2)), int(m.group(3)) * 60 + int(m.group(4))
    if start == end:
        raise ValueError(f"quiet hours {spec!r}: the start and the end are the same time")
    return start, end


def below_threshold(policy: AlertPolicy, metric: str | None, old: float | None, new: float | None) -> bool:
    spec = policy.thresholds.get(metric or "")
    if not spec or old is None or new is None:
        return False
    delta = abs(new - old)
    if spec.endswith("%"):
        return old > 0 and delta / old * 100 < float(spec[:-1])
    return delta < float(spec)


def quiet_until(policy: AlertPolicy, now: float) -> float | None:
    """The end of the quiet hours now is in, or None."""
    if not policy.quiet:
        return None
    start, end = parse_quiet(policy.quiet)
    t = datetime.fromtimestamp(now, UTC)
    minute = t.hour * 60 + t.minute
    inside = start <= minute < end if start < end else (minute >= start or minute < end)
    if not inside:
        return None
    end_t = t.replace(hour=end // 60, minute=end % 60, second=0, microsecond=0)
    if end_t <= t:
        end_t += timedelta(days=1)
    return end_t.timestamp()


def decide(policy: AlertPolicy, kind: str, metric: str | None, old: float | None, new: float | None,
           last_sent: float | None, now: float) -> Decision:
    """What to do with one alert of a topic now."""
    if kind == "figure_changed" and below_threshold(policy, metric, old, new):
        return Decision("suppress", reason=f"change below the {metric} threshold {policy.thresholds[metric]}")
    quiet = quiet_until(policy, now)
    if policy.digest > 0:
        period_end = (int(now // policy.digest) + 1) * policy.digest
        return Decision("digest", max(period_end, quiet or 0.0), "digest")
    if quiet:
        return Decision("defer", quiet, "quiet hours")
    if policy.cooldown > 0 and last_sent is not None and now - last_sent < policy.cooldown and kind not in URGENT:
        return Decision("defer", last_sent + policy.cooldown, "story cooldown")
    return Decision("send", now)
