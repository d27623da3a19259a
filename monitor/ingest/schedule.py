"""When to poll a feed next, and how long to wait after errors. Pure: takes ``now``."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PollPolicy:
    interval: float = 600.0
    minimum: float = 60.0
    maximum: float = 3600.0
    jitter: float = 0.1  # +-10%: feeds added together drift apart instead of polling in step
    max_errors: int = 10  # consecutive failures before a feed is disabled


def next_poll(now: float, policy: PollPolicy, interval: float | None = None,
              rng: random.Random | None = None) -> float:
    base = min(max(interval or policy.interval, policy.minimum), policy.maximum)
    j = (rng or random).uniform(-policy.jitter, policy.jitter)
    return now + base * (1 + j)


def backoff(now: float, errors: int, policy: PollPolicy, retry_after: float | None = None,
            rng: random.Random | None = None) -> float:
    """Exponential back-off with jitter from the base interval, capped, honouring Retry-After."""
    delay = min(policy.minimum * (2 ** max(errors - 1, 0)), policy.maximum * 4)
    delay *= 1 + (rng or random).uniform(0, policy.jitter)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + delay


def adapt_interval(current: float, entry_times: list[float], new_entries: int, policy: PollPolicy) -> float:
    """Poll about twice per typical gap between the feed's recent entries; a feed that had
    nothing new slows down by a quarter each time, within the operator's bounds."""
    times = sorted(entry_times, reverse=True)[:11]
    target = current
    if len(times) >= 3:
        gaps = sorted(a - b for a, b in zip(times, times[1:], strict=False) if a > b)
        if gaps:
            target = gaps[len(gaps) // 2] / 2
    if new_entries == 0:
        target = max(target, current * 1.25)
    return min(max(target, policy.minimum), policy.maximum)
