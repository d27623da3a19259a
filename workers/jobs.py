"""The RQ jobs of the data flow: poll_feed -> process_entry -> assign_story -> deliver.

Each takes small JSON-safe arguments, is idempotent, and enqueues the next step with a job id
derived from what it concerns, so that a retried or doubled job does not double its effects.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable
from datetime import UTC
from functools import lru_cache
from urllib.parse import urlsplit

import redis
import sentry_sdk  # imported here, not in the job: a forked job would pay for the import each time
from rq import get_current_job

from monitor import outbound
from monitor.delivery import channels
from monitor.delivery.policy import AlertPolicy, Decision, decide
from monitor.delivery.state import Delivery, DeliveryState, Outcome, next_step
from monitor.delivery.watch import GRACE, schedule, schedule_digest, send_lease_key, watch
from monitor.delivery.watch import channel_key as _safe
from monitor.ingest.cleaning import clean_html
from monitor.ingest.feeds import outlet, parse_feed, url_id
from monitor.ingest.schedule import PollPolicy, adapt_interval, backoff, next_poll
from monitor.models import Alert, FeedEntry, Topic
from monitor.ops import metrics
from monitor.ops.errors import report
from monitor.pipeline import analyse, assign, match_policy, matches_topic
from monitor.settings import Settings, load
from monitor.state.archive import open_archive
from monitor.state.keys import Keys
from monitor.state.queues import ARTICLE, STORY, enqueue
from monitor.state.store import Feed, Store
from monitor.stories.matching import epoch

log = logging.getLogger(__name__)

SLACK_SPACING_MS = 1000  # Slack's limit: one message per second per destination


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load()


def _store() -> Store:
    job = get_current_job()
    conn: redis.Redis = job.connection if job else redis.Redis.from_url(settings().redis_url or "")
    return Store(conn, Keys(settings().namespace))


def _poll_policy(s: Settings) -> PollPolicy:
    return PollPolicy(s.poll_interval, s.poll_min, s.poll_max)


def poll_feeds(feed_ids: list[str], due: float | None = None) -> int:
    """Poll a batch of feeds one after the other. A batch makes a tick of 10,000 feeds cheap
    to enqueue and saves a fork per feed; each feed keeps its own timeouts, and one feed's
    failure, even an unexpected one, does not stop the others."""
    n = 0
    for fid in feed_ids:
        try:
            n += poll_feed(fid, due)
        except Exception as e:  # noqa: BLE001 - reported, and the batch goes on
            log.exception("feed %s: poll failed", fid)
            report(e, feed_id=fid)
    return n


def poll_feed(feed_id: str, due: float | None = None) -> int:
    """Fetch a feed, enqueue its new or changed entries, schedule the next poll."""
    store, s = _store(), settings()
    feed = store.feed(feed_id)
    now = time.time()
    if feed is None or feed.disabled:
        return 0
    _sentry_context(feed_id=feed.id, url=feed.url)
    policy = _poll_policy(s)
    if not _host_turn(store, feed, s.host_spacing, now):
        return 0
    try:
        with metrics.timed(store.r, store.k, "poll"):
            resp = outbound.get(feed.url, outbound.Limits.from_settings(s), feed.etag, feed.last_modified)
    except outbound.FetchError as e:
        _feed_failed(store, feed, str(e), now, policy, gone="HTTP 410" in str(e), retry_after=e.retry_after)
        metrics.incr(store.r, store.k, "newsmon_feed_polls_total", outcome="error")
        return 0
    if resp.permanent_redirect:
        log.info("feed %s moved permanently to %s", feed.id, resp.permanent_redirect)
        feed.url = resp.permanent_redirect
    if resp.status == 304:  # nothing new, and nothing more to do
        feed.errors, feed.last_success, feed.last_error = 0, now, None
        metrics.incr(store.r, store.k, "newsmon_feed_polls_total", outcome="not_modified")
        feed.interval = adapt_interval(feed.interval, [], 0, policy)
        store.put_feed(feed)
        store.schedule(feed.id, next_poll(now, policy, feed.interval))
        return 0
    try:
        parsed = parse_feed(resp.content, resp.headers)
    except ValueError as e:
        # an error, and no validators kept: the next poll fetches the feed again instead of
        # hearing "304, not modified" and calling it healthy
        _feed_failed(store, feed, str(e), now, policy)
        metrics.incr(store.r, store.k, "newsmon_feed_polls_total", outcome="unparseable")
        return 0
    feed.errors, feed.last_success, feed.last_error = 0, now, None
    feed.etag = resp.headers.get("etag")
    feed.last_modified = resp.headers.get("last-modified")
    metrics.incr(store.r, store.k, "newsmon_feed_polls_total", outcome="ok")
    for w in parsed.warnings:
        log.warning("feed %s: %s", feed.id, w)
    n = 0
    seen = store.seen_fingerprints(feed.id, [e.key for e in parsed.entries])
    for entry, fp in zip(parsed.entries, seen, strict=True):
        if fp == entry.fingerprint:
            continue
        eid = hashlib.sha1(entry.key.encode()).hexdigest()[:16]
        enqueue(store.r, store.k.ns, ARTICLE, process_entry, feed.id, _entry_dict(entry, parsed.title),
                job_id=f"article-{feed.id}-{eid}-{entry.fingerprint}")
        store.mark_seen(feed.id, entry.key, entry.fingerprint)  # after the enqueue: a crash re-enqueues, never loses
        n += 1
    store.touch_seen(feed.id, [e.key for e in parsed.entries], now)
    times = [epoch(e.published, 0.0) for e in parsed.entries if e.published]
    feed.interval = adapt_interval(feed.interval, [t for t in times if t], n, policy)
    feed.title = parsed.title or feed.title
    store.put_feed(feed)
    store.schedule(feed.id, next_poll(now, policy, feed.interval))
    return n


def _host_turn(store: Store, feed: Feed, spacing: float, now: float) -> bool:
    """At most one poll per host per ``spacing`` seconds; otherwise come back when it is our turn."""
    if spacing <= 0:
        return True
    host = urlsplit(feed.url).hostname or ""
    key = store.k.lock(f"host:{host}")
    if store.r.set(key, feed.id, nx=True, px=int(spacing * 1000)):
        return True
    wait = max(store.r.pttl(key), 0) / 1000 + random.uniform(0, spacing)
    store.schedule(feed.id, now + wait)
    return False


def _feed_failed(store: Store, feed: Feed, error: str, now: float, policy: PollPolicy, gone: bool = False,
                 retry_after: float | None = None) -> None:
    feed.errors += 1
    feed.last_error, feed.last_error_at = error, now
    if gone:
        feed.disabled = "gone (HTTP 410)"
    elif feed.errors >= policy.max_errors:
        feed.disabled = f"{feed.errors} consecutive errors; last: {error}"
    store.put_feed(feed)
    log.warning("feed %s: %s", feed.id, error)
    if feed.disabled:
        store.unschedule(feed.id)
        report(message=f"feed {feed.id} disabled: {feed.disabled}", feed_id=feed.id, url=feed.url)
    else:
        store.schedule(feed.id, backoff(now, feed.errors, policy, retry_after))


def _sentry_context(**tags: str) -> None:
    scope = sentry_sdk.get_isolation_scope()
    for k, v in tags.items():
        scope.set_tag(k, v)


def _entry_dict(e: FeedEntry, site: str) -> dict:
    return {"key": e.key, "url": e.url, "title": e.title, "summary": e.summary,
            "published": e.published, "fingerprint": e.fingerprint, "outlet": site}


def process_entry(feed_id: str, entry: dict) -> str | None:
    """Fetch and clean the entry's page, extract, and hand the article to its topics' stories."""
    store, s = _store(), settings()
    t0 = time.perf_counter()
    feed = store.feed(feed_id)
    title, text = entry.get("title") or "", ""
    url = entry.get("url")
    if url:
        try:
            page = outbound.get(url, outbound.Limits.from_settings(s))
            text, page_title = clean_html(page.content, page.url)
            title = title or page_title or ""
        except outbound.FetchError as e:
            if e.temporary:
                raise  # RQ retries the job
            log.warning("entry %s: page refused (%s); using the feed's summary", entry.get("key"), e)
    if not text.strip():
        text = _plain(entry.get("summary") or "")  # title-only feeds still make an article
    _sentry_context(feed_id=feed_id, url=url or "")
    article_id = url_id(url) if url else hashlib.sha1(entry["key"].encode()).hexdigest()[:16]
    site = entry.get("outlet") or outlet(url or (feed.url if feed else None))
    article = analyse(article_id, title, text, entry.get("published"), site, url, feed_id)
    prev = store.article(article_id)
    if prev is not None:
        if prev.fingerprint == article.fingerprint:
            metrics.incr(store.r, store.k, "newsmon_articles_processed_total", outcome="duplicate")
            return article_id  # the same text seen through another feed or entry
        article.version = prev.version + 1
    store.put_article(article, time.time())
    metrics.incr(store.r, store.k, "newsmon_articles_processed_total", outcome="new" if prev is None else "edited")
    metrics.observe(store.r, store.k, "article", time.perf_counter() - t0)
    topics = [t for t in store.topics() if not t.feeds or feed_id in t.feeds]
    for t in topics:
        if matches_topic(t, article):
            enqueue(store.r, store.k.ns, STORY, assign_story, article.id, t.name,
                    job_id=f"story-{t.name}-{article.id}-{article.fingerprint}")
    return article_id


def _plain(html_text: str) -> str:
    import re
    from html import unescape
    return unescape(re.sub(r"<[^>]+>", " ", html_text)).strip()


def assign_story(article_id: str, topic: str) -> str | None:
    """Join the article to a story, update the ledger, and hand the alerts to their channels."""
    store, s = _store(), settings()
    article = store.article(article_id)
    t = store.topic(topic)
    if article is None or t is None:
        log.warning("assign_story: article %s or topic %s no longer exists", article_id, topic)
        return None
    with metrics.timed(store.r, store.k, "story"):
        result = assign(store, article, topic, time.time(), match_policy(s),
                        archive=lambda: open_archive(s.archive_location(), s.namespace))
    for alert_id in result.alerts:  # on a retry these are the same ids, and dispatch is idempotent
        dispatch(store, t, alert_id, time.time())
    return result.story


def dispatch(store: Store, topic: Topic, alert_id: str, now: float) -> str:
    """Apply the topic's alert policy to one alert and schedule its delivery on each channel."""
    alert = store.alert(alert_id)
    if alert is None:
        return "missing"
    d = alert.data
    decision = decide(AlertPolicy.from_dict(topic.policy), alert.kind, d.get("metric"), d.get("old"), d.get("new"),
                      store.last_alert_sent(alert.story), now)
    for ch in topic.channels:
        _dispatch_on(store, topic, alert_id, ch, decision, now)
    if decision.action == "send":
        store.set_last_alert_sent(alert.story, now)
    return decision.action


def _dispatch_on(store: Store, topic: Topic, alert_id: str, ch: str, decision: Decision, now: float) -> None:
    if decision.action == "suppress":
        store.start_delivery(alert_id, ch, Delivery(DeliveryState.SUPPRESSED, decision.reason))
        return
    if not store.start_delivery(alert_id, ch, Delivery(DeliveryState.PENDING)):
        current = store.delivery_on(alert_id, ch)
        if current is not None and current.state is DeliveryState.PENDING and not current.detail:
            # already dispatched by a story step that is now retried, perhaps because Redis went
            # away while the delivery was being queued: make sure it is (enqueue is idempotent)
            schedule(store, alert_id, ch, 0, f"deliver-{alert_id}-{_safe(ch)}", now)
        return
    if decision.action == "digest":
        store.set_delivery(alert_id, ch, Delivery(DeliveryState.PENDING, f"in the digest at {_iso(decision.at)}"))
        store.add_to_digest(topic.name, ch, alert_id)
        schedule_digest(store, alert_id, topic.name, ch, f"digest-{_safe(topic.name + ch)}-{int(decision.at or now)}",
                        now, delay=max(0.0, (decision.at or now) - now))
        return
    delay = max(0.0, (decision.at or now) - now)
    if delay:
        store.set_delivery(alert_id, ch, Delivery(DeliveryState.PENDING, f"{decision.reason} until {_iso(decision.at)}"))
    schedule(store, alert_id, ch, 0, f"deliver-{alert_id}-{_safe(ch)}", now, delay=delay or None)


def _iso(ts: float | None) -> str:
    from datetime import datetime
    return datetime.fromtimestamp(ts or 0, UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def send_digest(topic: str, channel: str) -> int:
    """Send the alerts collected for a topic and channel as one message."""
    store, s = _store(), settings()
    ids = store.take_digest(topic, channel)  # a retry after a failure sends the batch it took
    if not ids:
        return 0
    alerts = [a for a in (store.alert(i) for i in ids) if a is not None]
    todo = [a for a in alerts if not _state_is(store.delivery_on(a.id, channel), DeliveryState.SENT)]
    if todo:
        digest = Alert(f"digest-{todo[0].id}", todo[0].story if len({a.story for a in todo}) == 1 else "digest",
                       topic, "-", "digest", f"{len(todo)} updates on {topic}",
                       tuple(f"[{a.story}] {a.text}" for a in todo), _iso(time.time()))
        try:
            channels.send(channel, digest, s)
        except channels.TransportError as e:
            if e.permanent:
                store.mark_broken(channel, str(e))
                for a in todo:
                    store.set_delivery(a.id, channel, Delivery(DeliveryState.BROKEN, str(e)))
                store.finish_digest(topic, channel)
                report(message=f"channel {channel} broken: {e}", channel=channel)
                return 0
            raise  # RQ retries the digest
        for a in todo:
            store.set_delivery(a.id, channel, Delivery(DeliveryState.SENT, "digest"))
    store.finish_digest(topic, channel)
    return len(todo)


def _state_is(d: Delivery | None, state: DeliveryState) -> bool:
    return d is not None and d.state is state


def deliver(alert_id: str, channel: str, attempt: int = 0) -> str:
    """Send an alert on a channel at most once; temporary failures come back later as new jobs."""
    store, s = _store(), settings()
    r, k = store.r, store.k
    current = store.delivery_on(alert_id, channel)
    if current is not None and current.state.settled:
        return current.state.value
    now = time.time()
    if channel.startswith("slack") and not r.set(k.lock(f"rate:{_safe(channel)}"), alert_id, nx=True,
                                                  px=SLACK_SPACING_MS):
        # Slack takes one message per second per destination: come back, do not sleep
        schedule(store, alert_id, channel, attempt, f"deliver-{alert_id}-{_safe(channel)}-{attempt}-w{time.time_ns()}",
                 now, delay=SLACK_SPACING_MS / 1000 * random.uniform(1.0, 2.0))
        return "waiting"
    lease = send_lease_key(store, alert_id, channel)
    if not r.set(lease, str(now), nx=True, ex=int(s.send_lease)):
        # another worker is sending it, or died sending it: look again when its lease ends
        schedule(store, alert_id, channel, attempt, f"deliver-{alert_id}-{_safe(channel)}-{attempt}-b{time.time_ns()}",
                 now, delay=max(r.pttl(lease), 0) / 1000 + 1)
        return "busy"
    job = get_current_job()
    watch(store, alert_id, channel, now + s.send_lease + GRACE, job.id if job else None)
    try:
        alert = store.alert(alert_id)
        if alert is None:
            store.unwatch_delivery(alert_id, channel)
            return "missing"
        return _send(store, s, alert, channel, attempt)
    finally:
        r.delete(lease)


def _send(store: Store, s: Settings, alert: Alert, channel: str, attempt: int) -> str:
    """Send under the lease, and record what came of it (``delivery.state.next_step``)."""
    r, k = store.r, store.k
    thread = store.thread(alert.story, _safe(channel))
    kind = channel.split(":")[0]
    try:
        sent = channels.send(channel, alert, s, thread)
    except channels.TransportError as e:
        step = next_step(Outcome.PERMANENT if e.permanent else Outcome.TEMPORARY, attempt, str(e), e.retry_after)
        metrics.incr(r, k, "newsmon_alerts_total", channel=kind, outcome="broken" if e.permanent else "retry")
        store.set_delivery(alert.id, channel, step.delivery)
        state = step.delivery.state
        if state is DeliveryState.BROKEN:
            store.mark_broken(channel, str(e))
            report(message=f"channel {channel} broken: {e}", channel=channel, alert=alert.id)
            log.error("alert %s on %s: permanent error: %s", alert.id, channel, e)
        elif state is DeliveryState.FAILED:
            report(message=f"alert {alert.id} on {channel} gave up: {e}", channel=channel)
        else:
            log.warning("alert %s on %s: %s; retry in %.0fs", alert.id, channel, e, step.retry_in)
            schedule(store, alert.id, channel, attempt + 1, f"deliver-{alert.id}-{_safe(channel)}-{attempt + 1}",
                     time.time(), delay=step.retry_in)
        return state.value
    # the alert is out: record it even through a Redis restart, or a retry would send it again
    done = next_step(Outcome.SENT, attempt).delivery
    _until_recorded(lambda: store.set_delivery(alert.id, channel, done), s.send_lease)
    metrics.incr(r, k, "newsmon_alerts_total", channel=kind, outcome="sent")
    if alert.created:
        metrics.observe(r, k, "alert_delay", max(0.0, time.time() - epoch(alert.created, time.time())))
    if sent.thread and not thread:
        store.set_thread(alert.story, _safe(channel), sent.thread)
    return "sent"


def _until_recorded(write: Callable[[], object], within: float) -> None:
    """Run a Redis write, retrying while Redis is away (a restart takes seconds), for at most
    ``within`` seconds: the send lease, after which another attempt may send again anyway."""
    deadline, delay = time.monotonic() + within, 0.2
    while True:
        try:
            write()
            return
        except (redis.ConnectionError, redis.TimeoutError):
            if time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 5.0)

