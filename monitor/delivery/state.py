"""An alert's delivery on one channel: its state, and the pure rule that moves it on.

A delivery is recorded per alert and channel (``keys.delivery``). It starts ``pending`` (queued,
held for quiet hours or a cooldown, or collected in a digest), and ends ``sent``, ``suppressed``
(the topic's policy dropped it), ``broken`` (the channel refused for good) or ``failed`` (every
retry used). In between it is ``retrying`` after a temporary error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

BACKOFF = (2, 5, 10, 20, 30, 60, 120, 300, 600)  # seconds; then every 600 s
MAX_ATTEMPTS = 150  # about a day of retries


class DeliveryState(StrEnum):
    PENDING = "pending"
    RETRYING = "retrying"
    SENT = "sent"
    SUPPRESSED = "suppressed"
    BROKEN = "broken"
    FAILED = "failed"

    @property
    def settled(self) -> bool:
        """Nothing more will happen to this delivery."""
        return self in (DeliveryState.SENT, DeliveryState.SUPPRESSED, DeliveryState.BROKEN, DeliveryState.FAILED)


class Outcome(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"  # a 429, a 5xx, an SMTP server away: try again later
    PERMANENT = "permanent"  # a revoked webhook, bad credentials: the channel is broken


@dataclass(frozen=True)
class Delivery:
    state: DeliveryState
    detail: str = ""  # why it waits, the last error, "digest" for one sent in a digest
    attempt: int = 0

    def dump(self) -> str:
        d: dict[str, object] = {"state": self.state.value}
        if self.detail:
            d["detail"] = self.detail[:200]
        if self.attempt:
            d["attempt"] = self.attempt
        return json.dumps(d)

    @classmethod
    def load(cls, raw: bytes | str | None) -> Delivery | None:
        if raw is None:
            return None
        text = raw.decode() if isinstance(raw, bytes) else raw
        if text.startswith("{"):
            d = json.loads(text)
            return cls(DeliveryState(d["state"]), d.get("detail", ""), int(d.get("attempt", 0)))
        return cls._legacy(text)

    @classmethod
    def _legacy(cls, text: str) -> Delivery:
        """The free-text states of newsmon 0.1 ("retrying (3): ...", "sent (digest)"), read on upgrade."""
        head, _, rest = text.partition(":")
        word = head.split(" ", 1)[0]
        state = DeliveryState(word) if word in DeliveryState.__members__.values() else DeliveryState.PENDING
        attempt = int(head[head.find("(") + 1:head.find(")")]) if state is DeliveryState.RETRYING and "(" in head else 0
        detail = "digest" if head == "sent (digest)" else rest.strip()
        return cls(state, detail, attempt)

    def label(self) -> str:
        """For people: ``retrying (3): HTTP 429``."""
        out = self.state.value + (f" ({self.attempt})" if self.state is DeliveryState.RETRYING else "")
        return out + (f": {self.detail}" if self.detail else "")


@dataclass(frozen=True)
class Step:
    delivery: Delivery
    retry_in: float | None = None  # seconds until the next attempt, when there is one


def next_step(outcome: Outcome, attempt: int, error: str = "", retry_after: float | None = None) -> Step:
    """What a send's outcome makes of the delivery: sent, broken, failed after the last attempt,
    or retrying after the back-off (at least the server's ``Retry-After``)."""
    if outcome is Outcome.SENT:
        return Step(Delivery(DeliveryState.SENT))
    if outcome is Outcome.PERMANENT:
        return Step(Delivery(DeliveryState.BROKEN, error))
    if attempt + 1 >= MAX_ATTEMPTS:
        return Step(Delivery(DeliveryState.FAILED, error, attempt + 1))
    delay = max(retry_after or 0.0, BACKOFF[min(attempt, len(BACKOFF) - 1)])
    return Step(Delivery(DeliveryState.RETRYING, error, attempt + 1), delay)
