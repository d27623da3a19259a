"""Admin commands: topics, feeds, stories, alerts, status, failed jobs."""


from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import redis

from monitor.cli.common import UsageError, ago, archive_if_any, due_in, redis_for, show, term_width
from monitor.models import Topic
from monitor.ops.memory import current
from monitor.settings import Settings
from monitor.state.archive import ArchiveError, open_archive
from monitor.state.keys import Keys
from monitor.state.store import Feed, Store
from monitor.stories.render import story_text, table

_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")  # topic and feed ids go into RQ job ids and Redis keys


def cmd_topics(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb in ("add", "edit"):
            base = st.topic(a.name) if a.verb == "edit" else None
            if a.verb == "edit" and base is None:
                raise UsageError(f"unknown topic {a.name!r}: see `newsmon topics list`")
            t = _topic_from(a, st, base)
            st.put_topic(t)
            done(a, t.to_dict(), f"topic {t.name}: {len(t.terms)} terms, {len(t.feeds) or 'all'} feeds, "
                                 f"channels {', '.join(t.channels)}")
        elif a.verb == "list":
            ts = st.topics()
            show([t.to_dict() for t in ts], a.json, table(
                [[t.name, ", ".join(t.terms) or "(everything)", len(t.feeds) or "all", ", ".join(t.channels)] for t in ts],
                ["topic", "terms", "feeds", "channels"], term_width()))
        elif a.verb == "show":
            t = st.topic(a.name)
            if t is None:
                raise UsageError(f"unknown topic {a.name!r}: see `newsmon topics list`")
            n = r.zcard(st.k.stories(t.name))
            p = t.policy
            rules = ", ".join(f"{m}>={v}" for m, v in p.get("thresholds", {}).items()) or "-"
            show({**t.to_dict(), "stories": n}, a.json,
                   f"topic {t.name}\n  terms:    {', '.join(t.terms) or '(everything)'}\n"
                   f"  feeds:    {', '.join(t.feeds) or '(all feeds)'}\n  channels: {', '.join(t.channels)}\n"
                   f"  alerts:   thresholds {rules}; cooldown {p.get('cooldown', 0):g}s; "
                   f"digest {p.get('digest', 0):g}s; quiet hours {p.get('quiet') or '-'}\n"
                   f"  stories:  {n}")
        elif a.verb == "remove":
            n = st.remove_topic(a.name)
            if n is None:
                raise UsageError(f"unknown topic {a.name!r}: see `newsmon topics list`")
            done(a, {"removed": a.name, "stories": n},
                 f"removed topic {a.name} and its {n} stories (its alerts stay in the alert log)")
    return 0


def _check_url(url: str) -> str:
    bad = UsageError(f"malformed feed URL {url!r}: expected http:// or https:// and a host, no spaces")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise bad
    try:
        p = urlsplit(url)
        p.port  # noqa: B018 - parses the port: "http://x:99999" and "http://[::1" raise here
    except ValueError:
        raise bad from None
    if p.scheme not in ("http", "https") or not p.hostname:
        raise bad
    return url


def _edited(old: tuple[str, ...], add: list[str] | None, drop: list[str] | None) -> tuple[str, ...]:
    kept = [x for x in old if x not in (drop or [])]
    return tuple(kept + [x for x in add or [] if x not in kept])


def _topic_from(a: argparse.Namespace, st: Store, base: Topic | None) -> Topic:
    """The topic ``topics add`` (from nothing) or ``topics edit`` (from ``base``: what is not
    named is kept) asks for, every value checked before anything is written."""
    from monitor.delivery.channels import validate_spec
    from monitor.delivery.policy import AlertPolicy, parse_quiet, parse_threshold
    if not _ID.fullmatch(a.name):
        raise UsageError(f"topic name {a.name!r}: use letters, digits, '-', '_' or '.'")
    terms = _edited(base.terms if base else (), a.term, getattr(a, "drop_term", None))
    feeds = _edited(base.feeds if base else (), a.feed, getattr(a, "drop_feed", None))
    chans = _edited(base.channels if base else (), a.channel, getattr(a, "drop_channel", None)) or ("console",)
    if any(not t.strip() for t in a.term or []):
        raise UsageError("--term '': an empty term would match every article; leave --term out for that")
    old = AlertPolicy.from_dict(base.policy) if base else AlertPolicy()
    cooldown = old.cooldown if a.cooldown is None else a.cooldown
    digest = old.digest if a.digest is None else a.digest
    for name, v in (("--cooldown", cooldown), ("--digest", digest)):
        if v < 0:
            raise UsageError(f"{name} {v:g}: use 0 (off) or a number of seconds")
    for f in a.feed or []:
        if st.feed(f) is None:
            raise UsageError(f"unknown feed {f!r}: see `newsmon feeds list`")
    try:
        chans = tuple(validate_spec(c) for c in chans)
        thresholds = {**old.thresholds, **dict(parse_threshold(x) for x in (a.threshold or []))}
        quiet = old.quiet if a.quiet is None else a.quiet
        if quiet:
            parse_quiet(quiet)
    except ValueError as e:
        raise UsageError(str(e)) from None
    return Topic(a.name, terms, feeds, chans, AlertPolicy(thresholds, cooldown, digest, quiet).to_dict())


def cmd_feeds(a: argparse.Namespace, s: Settings) -> int:
    from monitor.ingest.feeds import canonical_url, url_id
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "add":
            url = _check_url(a.url)
            fid = a.id or url_id(url)[:10]
            if not _ID.fullmatch(fid):
                raise UsageError(f"feed id {fid!r}: use 1-64 letters, digits, '-', '_' or '.'")
            if a.interval is not None and a.interval <= 0:
                raise UsageError(f"--interval {a.interval:g}: use a number of seconds above 0")
            if a.topic and st.topic(a.topic) is None:
                raise UsageError(f"unknown topic {a.topic!r}: add it first with `newsmon topics add`")
            same = [f.id for f in st.feeds() if f.id != fid and canonical_url(f.url) == canonical_url(url)]
            if same:
                raise UsageError(f"{url} is already watched as feed {same[0]!r}")
            feed = Feed(fid, url, [a.topic] if a.topic else [], interval=a.interval or s.poll_interval)
            old = st.feed(fid)
            if old is not None and canonical_url(old.url) == canonical_url(url):
                # added again: its health, validators and topics are kept (re-adding re-enabled a
                # broken feed and hid its errors); `feeds poll --force` is the way to retry it
                topics = old.topics + ([a.topic] if a.topic and a.topic not in old.topics else [])
                feed = dataclasses.replace(old, topics=topics, interval=a.interval or old.interval)
            st.put_feed(feed)
            if old is None or not old.disabled:
                st.schedule(fid, time.time())
            if a.topic:
                t = st.topic(a.topic)
                if t is not None and t.feeds and fid not in t.feeds:
                    # the topic with one more feed: its terms, channels and alert policy kept
                    st.put_topic(dataclasses.replace(t, feeds=(*t.feeds, fid)))
            when = f"disabled: {feed.disabled}" if feed.disabled else "first poll now" if old is None else "poll now"
            done(a, feed.to_dict(), f"feed {fid}: {url} (polled every {feed.interval:.0f}s, {when})")
        elif a.verb == "list":
            fs = st.feeds()
            rows = []
            for f in fs:
                nxt = st.next_poll(f.id)
                rows.append([f.id, f.url, "disabled: " + f.disabled if f.disabled else "ok" if not f.errors else f"{f.errors} errors",
                             ago(f.last_success), (f.last_error or "-"), due_in(nxt)])
            show([{**f.to_dict(), "next_poll": st.next_poll(f.id)} for f in fs], a.json,
                   table(rows, ["id", "url", "health", "last success", "last error", "next poll"], term_width()))
        elif a.verb == "remove":
            if not st.remove_feed(a.id):
                raise UsageError(f"unknown feed {a.id!r}: see `newsmon feeds list`")
            done(a, {"removed": a.id}, f"removed feed {a.id}")
        elif a.verb in ("disable", "enable"):
            f = st.feed(a.id)
            if f is None:
                raise UsageError(f"unknown feed {a.id!r}: see `newsmon feeds list`")
            if a.verb == "disable":
                f.disabled = a.reason or "disabled by the operator"
                st.put_feed(f)
                st.unschedule(f.id)
            else:
                f.disabled, f.errors = None, 0
                st.put_feed(f)
                st.schedule(f.id, time.time())
            done(a, f.to_dict(), f"feed {f.id} {a.verb}d")
        elif a.verb == "import":
            return _import_opml(st, a, s)
        elif a.verb == "export":
            from monitor.ingest.opml import to_opml
            sys.stdout.write(to_opml([(f.id, f.title, f.url) for f in st.feeds()]))
        elif a.verb == "poll":
            from monitor.ops.clock import poll_now
            f = st.feed(a.id)
            if f is None:
                raise UsageError(f"unknown feed {a.id!r}: see `newsmon feeds list`")
            if f.disabled and not a.force:
                raise UsageError(f"feed {a.id} is disabled ({f.disabled}); use --force to poll it anyway")
            if a.force:
                f.disabled, f.errors = None, 0
                st.put_feed(f)
            poll_now(r, s.namespace, a.id, time.time())
            done(a, {"enqueued": a.id}, f"poll of {a.id} enqueued; a worker will run it")
    return 0


def _import_opml(st: Store, a: argparse.Namespace, s: Settings) -> int:
    """Add every feed of an OPML file: all checked first, then written; a URL already watched is
    skipped."""
    from monitor.ingest.feeds import canonical_url, url_id
    from monitor.ingest.opml import OpmlError, read_opml
    try:
        outlines = read_opml(Path(a.path).read_bytes())
    except OSError as e:
        raise UsageError(f"cannot read {a.path}: {e.strerror or e}") from None
    except OpmlError as e:
        raise UsageError(f"{a.path}: {e}") from None
    topic = st.topic(a.topic) if a.topic else None
    if a.topic and topic is None:
        raise UsageError(f"unknown topic {a.topic!r}: add it first with `newsmon topics add`")
    watched = {canonical_url(f.url) for f in st.feeds()}
    new: list[Feed] = []
    for title, url in outlines:
        _check_url(url)
        key = canonical_url(url)
        if key in watched:
            continue
        watched.add(key)
        new.append(Feed(url_id(url)[:10], url, [a.topic] if a.topic else [], interval=s.poll_interval, title=title))
    for f in new:
        st.put_feed(f)
        st.schedule(f.id, time.time())
    if topic is not None and topic.feeds and new:
        st.put_topic(dataclasses.replace(topic, feeds=(*topic.feeds, *(f.id for f in new if f.id not in topic.feeds))))
    done(a, {"added": [f.id for f in new], "already_watched": len(outlines) - len(new)},
         f"{len(new)} feeds added from {a.path} ({len(outlines) - len(new)} already watched)")
    return 0


def cmd_stories(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "list":
            if a.topic and st.topic(a.topic) is None:
                raise UsageError(f"unknown topic {a.topic!r}: see `newsmon topics list`")
            if a.archived:
                arc = archive_if_any(s)
                stories = arc.stories(a.topic, a.limit) if arc is not None else []
            else:
                stories = st.stories(a.topic)
            show([x.summary() for x in stories], a.json, table(
                [[x.id, x.topic, len(x.articles), x.current("killed") if x.current("killed") is not None else "-",
                  x.current("injured") if x.current("injured") is not None else "-", x.title] for x in stories],
                ["story", "topic", "articles", "killed", "injured", "title"], term_width()))
        else:
            story = st.story(a.id)
            if story is None and (arc := archive_if_any(s)) is not None:
                story = arc.story(a.id)  # gone quiet: read from the archive
            if story is None:
                raise UsageError(f"unknown story {a.id!r}: see `newsmon stories list [--archived]`")
            show(story.summary(), a.json, story_text(story, term_width()))
    return 0


def cmd_alerts(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        if a.verb == "test":
            from monitor.delivery.channels import TransportError, send, validate_spec
            from monitor.models import Alert
            try:
                validate_spec(a.channel)
            except ValueError as e:
                raise UsageError(str(e)) from None
            al = Alert("test", "test", "test", "-", "test", "newsmon test message", ("if you read this, the channel works",),
                       time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
            try:
                send(a.channel, al, s)
            except TransportError as e:
                print(f"newsmon: test message on {a.channel} failed: {e}", file=sys.stderr)
                return 1
            done(a, {"sent": a.channel}, f"test message sent on {a.channel}")
            return 0
        if a.limit < 1:
            raise UsageError(f"--limit {a.limit}: use 1 or more")
        if a.verb == "resend":
            return _resend(st, a, a.channel, a.limit)
        alerts = st.alerts(-a.limit, -1)
        rows, out = [], []
        for al in alerts:
            d = st.delivery(al.id)
            out.append({**al.to_dict(), "delivery": {ch: x.label() for ch, x in d.items()}})
            rows.append([al.id, al.story, al.kind, ", ".join(f"{ch}:{x.state}" for ch, x in d.items()) or "-", al.text])
        show(out, a.json, table(rows, ["alert", "story", "kind", "delivery", "text"], term_width()))
    return 0


def _resend(st: Store, a: argparse.Namespace, channel: str, limit: int) -> int:
    """Clear a channel's broken mark and queue again its broken and failed deliveries among the
    last ``limit`` alerts (issue 19: they could never be sent once the channel was mended)."""
    from monitor.delivery.channels import validate_spec
    from monitor.delivery.state import Delivery, DeliveryState
    from monitor.delivery.watch import schedule
    try:
        validate_spec(channel)
    except ValueError as e:
        raise UsageError(str(e)) from None
    was_broken = st.clear_broken(channel)
    n, stamp = 0, int(time.time() * 1000)
    for al in st.alerts(-limit, -1):
        d = st.delivery_on(al.id, channel)
        if d is None or d.state not in (DeliveryState.BROKEN, DeliveryState.FAILED):
            continue  # never a sent one: nothing goes out twice
        if st.reopen_delivery(al.id, channel, d, Delivery(DeliveryState.PENDING, "resend")):
            # (the channel's ":", "#" and "@" are made safe for RQ by ``namespaced_id``)
            schedule(st, al.id, channel, 0, f"deliver-{al.id}-{channel}-resend-{stamp}", time.time())
            n += 1
    done(a, {"channel": channel, "was_broken": was_broken, "queued": n},
         f"{channel}: " + ("no longer marked broken; " if was_broken else "") + f"{n} alert(s) queued again")
    return 0


def cmd_retention(a: argparse.Namespace, s: Settings) -> int:
    """One retention sweep now (the clock's leader runs one every hour)."""
    from monitor.ops.memory import record_memory
    from monitor.ops.retention import sweep
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        try:
            arc = open_archive(s.archive_location(), s.namespace)
        except ArchiveError as e:
            raise UsageError(str(e)) from None
        rep = sweep(st, arc, time.time(), s.retention())
        mem = record_memory(st, arc)
        done(a, {**rep.to_dict(), "memory": mem},
             ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in rep.to_dict().items()) + "\n" + _memory_text(mem))
    return 0


def cmd_status(a: argparse.Namespace, s: Settings) -> int:
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, our_workers, queue
    with redis_for(s) as r:
        st = Store(r, Keys(s.namespace))
        queues = {}
        for name in QUEUES:
            q = queue(r, s.namespace, name)
            queues[name] = {"queued": q.count, "failed": len(FailedJobRegistry(queue=q))}
        workers = [{"name": w.name, "state": w.get_state(), "queues": w.queue_names()} for w in our_workers(r, s.namespace)]
        feeds = st.feeds()
        broken = {k.decode(): v.decode() for k, v in r.hgetall(st.k.broken_channels()).items()}
        hb = r.get(st.k.heartbeat("clock"))
        status = {"queues": queues, "workers": workers, "feeds": {"total": len(feeds),
                  "failing": sum(1 for f in feeds if f.errors and not f.disabled),
                  "disabled": sum(1 for f in feeds if f.disabled)},
                  "clock_heartbeat": float(hb) if hb else None, "broken_channels": broken,
                  "topics": len(st.topics()), "alerts": r.zcard(st.k.alerts())}
        status["memory"] = current(st, archive_if_any(s))
        human = "\n".join([
            table([[n, q["queued"], q["failed"]] for n, q in queues.items()], ["queue", "queued", "failed"], term_width()), "",
            f"workers: {len(workers)}  " + ", ".join(f"{w['name']} ({w['state']})" for w in workers),
            f"clock: last tick {ago(status['clock_heartbeat'])}",
            f"feeds: {len(feeds)} ({status['feeds']['failing']} failing, {status['feeds']['disabled']} disabled)",
            f"topics: {status['topics']}  alerts: {status['alerts']}",
            "broken channels: " + (", ".join(f"{k} ({v})" for k, v in broken.items()) or "none"),
            _memory_text(status["memory"]),
        ])
        show(status, a.json, human)
    return 0


def _memory_text(m: dict) -> str:
    red = m["redis"]
    cap = f" of {red['maxmemory_bytes'] / 2**20:.0f} MB" if red["maxmemory_bytes"] else " (no maxmemory)"
    keys = ", ".join(f"{f} {n}" for f, n in sorted(m["keys"].items(), key=lambda kv: -kv[1]))
    when = f" (measured {ago(m['at'])})" if m.get("at") else ""
    line = (f"redis: {red['used_bytes'] / 2**20:.1f} MB{cap}, policy {red['maxmemory_policy'] or '?'}\n"
            f"keys{when}: {keys or 'not measured yet (the clock measures every hour)'}")
    if "archive" in m:
        a = m["archive"]
        line += (f"\narchive ({a['kind']}): {a['stories']} stories, {a['alerts']} alerts, {a['articles']} articles, "
                 f"{a['bytes'] / 2**20:.1f} MB")
    return line


def _failed_jobs(r: redis.Redis, ns: str) -> list[tuple[object, object]]:
    from rq.job import Job
    from rq.registry import FailedJobRegistry

    from monitor.state.queues import QUEUES, queue
    out = []
    for name in QUEUES:
        q = queue(r, ns, name)
        reg = FailedJobRegistry(queue=q)
        for jid in reg.get_job_ids():
            job = Job.fetch(jid, connection=r) if r.exists(f"rq:job:{jid}") else None
            out.append((reg, job if job is not None else jid))
    return out


def cmd_failed(a: argparse.Namespace, s: Settings) -> int:
    with redis_for(s) as r:
        jobs = _failed_jobs(r, s.namespace)
        if a.verb == "list":
            rows, data = [], []
            for reg, job in jobs:
                if isinstance(job, str):
                    rows.append([job, reg.name, "-", "-", "(job data expired)"])
                    continue
                err = (job.latest_result().exc_string if job.latest_result() else "") or ""
                last = err.strip().splitlines()[-1] if err.strip() else "-"
                concerns = ", ".join(str(x) if not isinstance(x, dict) else x.get("url") or x.get("key", "")
                                     for x in job.args)
                rows.append([job.id, reg.name.split(":")[-1], job.func_name.rsplit(".", 1)[-1], concerns, last])
                data.append({"id": job.id, "queue": reg.name, "function": job.func_name, "args": job.args,
                             "ended_at": str(job.ended_at), "error": err})
            show(data, a.json, table(rows, ["job", "queue", "function", "concerns", "error"], term_width()))
            return 0
        wanted = set(a.ids)
        if not wanted and not a.all:
            raise UsageError(f"name the jobs to {a.verb} (see `newsmon failed list`) or pass --all")
        unknown = sorted(wanted - {job if isinstance(job, str) else job.id for _, job in jobs})
        if unknown:  # nothing is done: one mistyped id must not pass unnoticed among good ones
            raise UsageError(f"no failed job {unknown[0]!r}" + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else "")
                             + ": see `newsmon failed list`")
        n = 0
        for reg, job in jobs:
            jid = job if isinstance(job, str) else job.id
            if not a.all and jid not in wanted:
                continue
            if a.verb == "requeue" and not isinstance(job, str):
                reg.requeue(jid)
            else:
                reg.remove(jid, delete_job=True)
            n += 1
        done(a, {a.verb + "d": n}, f"{a.verb}d {n} failed job(s)")
    return 0


def _topic_options(x: argparse.ArgumentParser, edit: bool) -> None:
    again = "; repeatable" + ("; added to the topic's" if edit else "")
    x.add_argument("name", help="the topic's name (letters, digits, '-', '_', '.')")
    x.add_argument("--term", action="append", help="match term (all its words must appear)" + again)
    x.add_argument("--feed", action="append", help="feed id (none: all feeds)" + again)
    x.add_argument("--channel", action="append", help="console, slack, slack:#channel or email:address" + again)
    x.add_argument("--threshold", action="append", help="METRIC=N or METRIC=N%%: smaller figure changes are not sent")
    x.add_argument("--cooldown", type=float, help="seconds between two alerts of a story (a figure change goes at "
                   "once); 0 is off" + ("" if edit else " (the default)"))
    x.add_argument("--digest", type=float, help="collect alerts and send one message per this many seconds; 0 is off")
    x.add_argument("--quiet", help="quiet hours HH:MM-HH:MM (UTC): alerts wait for their end; '' for none")
    if edit:
        x.add_argument("--drop-term", action="append", help="a term to take out; repeatable")
        x.add_argument("--drop-feed", action="append", help="a feed to take out; repeatable")
        x.add_argument("--drop-channel", action="append", help="a channel to take out; repeatable")


def _json(x: argparse.ArgumentParser) -> argparse.ArgumentParser:
    x.add_argument("--json", action="store_true", help="print the result as JSON")
    return x


def done(a: argparse.Namespace, result: object, text: str) -> None:
    """A command's result: the sentence for the operator, or JSON with --json."""
    show(result, getattr(a, "json", False), text)


def add_parsers(sub) -> None:  # noqa: ANN001 - argparse's subparsers
    t = sub.add_parser("topics", help="watched topics").add_subparsers(dest="verb", required=True)
    _topic_options(t.add_parser("add", help="add or replace a topic"), edit=False)
    _topic_options(t.add_parser("edit", help="change part of a topic; what is not named is kept"), edit=True)
    _json(t.add_parser("list", help="the topics"))
    _json(t.add_parser("show", help="one topic, its policy and its number of stories")).add_argument(
        "name", help="the topic")
    t.add_parser("remove", help="remove a topic with its stories (its alerts stay)").add_argument(
        "name", help="the topic")

    f = sub.add_parser("feeds", help="news feeds").add_subparsers(dest="verb", required=True)
    x = f.add_parser("add", help="watch a feed (adding it again keeps its health)")
    x.add_argument("url", help="the feed's http(s) URL")
    x.add_argument("--topic", help="a topic that lists its feeds gets this one too")
    x.add_argument("--id", help="the feed's id (default: from its URL)")
    x.add_argument("--interval", type=float, help="seconds between polls (adapted to how often it changes)")
    _json(f.add_parser("list", help="the feeds and their health"))
    f.add_parser("remove", help="stop watching a feed (its topics forget it)").add_argument("id", help="the feed")
    x = f.add_parser("poll", help="poll a feed now")
    x.add_argument("id", help="the feed")
    x.add_argument("--force", action="store_true", help="ignore back-off and re-enable a disabled feed")
    x = f.add_parser("disable", help="stop polling a feed, keeping it and its history")
    x.add_argument("id", help="the feed")
    x.add_argument("--reason", default="disabled by the operator", help="shown in `feeds list`")
    f.add_parser("enable", help="poll a disabled feed again, its error count cleared").add_argument(
        "id", help="the feed")
    x = f.add_parser("import", help="add the feeds of an OPML file (a feed reader's export)")
    x.add_argument("path", help="the OPML file")
    x.add_argument("--topic", help="a topic that lists its feeds gets these too")
    f.add_parser("export", help="the feeds as OPML, on standard output")

    st = sub.add_parser("stories", help="tracked stories and their ledgers").add_subparsers(dest="verb", required=True)
    x = _json(st.add_parser("list", help="the stories in Redis (--archived: the archive's)"))
    x.add_argument("--topic", help="of this topic only")
    x.add_argument("--archived", action="store_true", help="the archived stories, the last published first")
    x.add_argument("--limit", type=int, default=50, help="with --archived: at most this many (default 50)")
    _json(st.add_parser("show", help="one story and its ledger")).add_argument("id", help="the story")

    al = sub.add_parser("alerts", help="alerts and their delivery").add_subparsers(dest="verb", required=True)
    _json(al.add_parser("list", help="the latest alerts and where they went")).add_argument(
        "--limit", type=int, default=50, help="how many (default 50)")
    al.add_parser("test", help="send a test message").add_argument("channel", help="the channel to try")
    x = al.add_parser("resend", help="clear a channel's broken mark and queue its broken and failed alerts again")
    x.add_argument("channel", help="the channel, as a topic names it (e.g. slack, email:ops@example.org)")
    x.add_argument("--limit", type=int, default=1000, help="among this many latest alerts (default 1000)")
    _json(sub.add_parser("status", help="queues, workers, feeds, failed jobs, Redis memory and the archive"))
    _json(sub.add_parser("retention", help="one retention sweep now: old texts, entries and alerts, quiet stories "
                                           "to the archive (the clock runs one every hour)"))
    fl = sub.add_parser("failed", help="RQ's failed jobs").add_subparsers(dest="verb", required=True)
    _json(fl.add_parser("list", help="failed jobs and their last error"))
    for verb, what in (("requeue", "run them again"), ("purge", "delete them")):
        x = fl.add_parser(verb, help=f"failed jobs: {what}")
        x.add_argument("ids", nargs="*", help="the jobs (see `failed list`)")
        x.add_argument("--all", action="store_true", help="every failed job")
    for group in (t, f, st, al, fl):  # every verb that reports a result can say it in JSON
        for verb, x in group.choices.items():
            if verb != "export" and not any(o.dest == "json" for o in x._actions):
                _json(x)
