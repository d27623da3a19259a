"""Development commands: replay, eval, bench, demo, sample."""


from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from monitor.cli.common import UsageError, redis_for
from monitor.settings import Settings
from monitor.state.keys import Keys
from monitor.state.store import Store


def cmd_replay(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.replay import InputError, replay
    from monitor.pipeline import match_policy
    if not Path(a.input).is_file():
        raise UsageError(f"no such input file: {a.input}")
    _out_dir(Path(a.out))
    with redis_for(s, private=True) as r:
        topic = None
        if a.topic:
            topic = Store(r, Keys(s.namespace)).topic(a.topic)
            if topic is None:
                raise UsageError(f"unknown topic {a.topic!r}: see `newsmon topics list`")
        try:
            res = replay(r, Path(a.input), Path(a.out), topic, match_policy(s),
                         progress=not a.quiet, retention=s.retention() if getattr(a, "retention", False) else None)
        except InputError as e:
            raise UsageError(str(e)) from None
    if getattr(a, "json", False):
        print(json.dumps({**res, "out": a.out}))
        return 0
    # (to stderr under `eval`, whose standard output is the scores' JSON)
    print(f"replayed {res['documents']} documents in {res['seconds']}s: {res['stories']} stories, "
          f"{res['alerts']} alerts -> {a.out}", file=sys.stderr if getattr(a, "for_eval", False) else sys.stdout)
    return 0


def _out_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a file where a folder should be, no permission ...
        raise UsageError(f"cannot write the output to {path}: {e.strerror or e}") from None
    return path


# what each scorer reads of a gold line
_GOLD_FIELDS = {"stories": "story_id", "ledger": "story_id", "plausible": None, "figures": None, "attribution": None}


def _check_gold(what: str, gold: Path) -> None:
    """A gold file the scorer can read: JSON objects, one a line, with the field it scores."""
    if not gold.is_file():
        raise UsageError(f"no such gold file: {gold}")
    field, n = _GOLD_FIELDS.get(what), 0
    with gold.open("rb") as f:
        for i, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                d = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise UsageError(f"{gold}:{i}: not a JSON line") from None
            if not isinstance(d, dict) or (field and field not in d):
                raise UsageError(f"{gold}:{i}: a gold line for `eval {what}` needs {field or 'an object'!r}")
            n += 1
    if not n:
        raise UsageError(f"{gold}: no gold lines to score against")


def _titles_only(src: Path, dst: Path) -> Path:
    """The input with every article's text (and HTML) dropped: a headline-only stream."""
    with src.open(encoding="utf-8") as f, dst.open("w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                d = json.loads(line)
                d["text"], d["html"] = "", None
                out.write(json.dumps(d) + "\n")
    return dst


def _score(what: str, gold: Path, out: Path, only: set[str] | None) -> dict:
    from monitor.devtools.evaluate import score_figures, score_ledger, score_muc, score_polnear, score_stories
    if what == "stories":
        return score_stories(gold, out / "assignments.jsonl", only)
    if what == "ledger":
        return score_ledger(gold, out, only)
    if what == "plausible":
        from monitor.devtools.evaluate import implausible
        bad = implausible(out, gold)
        return {"stories": sum(1 for _ in (out / "stories.jsonl").open()), "implausible": len(bad), "cases": bad}
    if what == "attribution":
        first = json.loads(gold.open().readline())
        return (score_polnear if "figure_span" in first else score_muc)(gold, out / "figures.jsonl", only)
    return score_figures(gold, out / "figures.jsonl", only)


def _rounded(res: dict) -> dict:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()}


def cmd_eval(a: argparse.Namespace, s: Settings) -> int:
    import tempfile

    from monitor.devtools.evaluate import parts
    _check_gold(a.what, Path(a.gold))
    out = _out_dir(Path(a.out or tempfile.mkdtemp(prefix="newsmon-eval-")))
    docs = Path(a.input or a.gold)
    if a.what == "attribution" and not a.input and a.gold.endswith("-pairs.jsonl"):
        docs = Path(a.gold.replace("-pairs.jsonl", ".jsonl"))  # PolNeAR: the texts beside the pairs
    if a.titles_only:
        docs = _titles_only(docs, out / "titles-only-input.jsonl")
    if not (a.reuse and (out / "assignments.jsonl").exists()):
        cmd_replay(argparse.Namespace(input=str(docs), out=str(out), topic=None, quiet=a.quiet, for_eval=True,
                                      retention=a.retention), s)
    gold = Path(a.gold)
    if a.split:
        if not Path(a.split).is_file():
            raise UsageError(f"no such split file: {a.split} (see ../shared/data/splits/)")
        ps = parts(gold, Path(a.split))
        res = {"all": _rounded(_score(a.what, gold, out, None)),
               **{name: _rounded(_score(a.what, gold, out, ids)) for name, ids in ps.items()}}
    else:
        res = _rounded(_score(a.what, gold, out, None))
    print(json.dumps(res, indent=2))
    if a.what == "plausible" and res.get("implausible", 0):
        return 1
    if not a.out:
        import shutil
        shutil.rmtree(out, ignore_errors=True)
    return 0


def cmd_sample(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.sample import write_jsonl
    _out_dir(Path(a.path).parent)
    n = write_jsonl(Path(a.path))
    print(json.dumps({"articles": n, "path": a.path}) if a.json else f"wrote {n} sample articles to {a.path}")
    return 0


def cmd_bench(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools import bench
    if a.what == "pipeline":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench pipeline needs --data FILE.jsonl (e.g. ../shared/data/gunviolence/ltqa-dev-2013-2015.jsonl)")
        with redis_for(s, private=True) as r:
            url = s.redis_url or f"redis://127.0.0.1:{r.connection_pool.connection_kwargs['port']}/0"
            res = bench.pipeline(url, Path(a.data), [int(x) for x in a.workers.split(",")], a.articles,
                                 a.feed_count, a.rate)
        print(json.dumps(res, indent=2))
        return 0
    if a.what == "matching":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench matching needs --data FILE.jsonl of articles to match (e.g. ltqa-dev)")
        with redis_for(s, private=True) as r:
            res = bench.matching(r, Path(a.data), [int(x) for x in a.stories.split(",")], a.articles)
        print(json.dumps(res, indent=2))
        return 0
    if a.what == "web":
        with redis_for(s, private=True) as r:
            url = s.redis_url or f"redis://127.0.0.1:{r.connection_pool.connection_kwargs['port']}/0"
            res = bench.web(r, url, [int(x) for x in a.stories.split(",")], a.requests)
        print(json.dumps(res, indent=2))
        return 0
    if a.what == "soak":
        return _soak(a, s)
    if a.what == "extraction":
        if not a.data or not Path(a.data).is_file():
            raise UsageError("bench extraction needs --data FILE.jsonl (e.g. ../shared/data/gunviolence/gvdb-dev.jsonl)")
        res = bench.extraction(Path(a.data))
    else:
        with redis_for(s, private=True) as r:
            url = s.redis_url or f"redis://127.0.0.1:{r.connection_pool.connection_kwargs['port']}/0"
            res = bench.polling(r, url, feeds=a.feeds or 10_000, polls=a.polls)
    print(json.dumps(res, indent=2))
    return 0


def _soak(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.soak import print_lines, soak
    if not a.data or not all(Path(p).is_file() for p in a.data.split(",")):
        raise UsageError("bench soak needs --data FILE.jsonl[,FILE2.jsonl] of articles "
                         "(e.g. ../shared/data/gunviolence/ltqa-dev-2013-2015.jsonl)")
    if a.days < 1:
        raise UsageError("--days must be 1 or more")
    with redis_for(s, private=True) as r:
        print_lines(soak(r, [Path(p) for p in a.data.split(",")], a.days, a.per_day, a.feeds or 50, s.retention(),
                         Path(a.out) if a.out else None))
    return 0


def cmd_demo(a: argparse.Namespace, s: Settings) -> int:
    from monitor.devtools.demo import run_demo
    if a.web_port is not None and not 0 <= a.web_port <= 65535:
        raise UsageError(f"--web-port {a.web_port}: use 0-65535")
    return run_demo(s, interval=a.interval, timeout=a.timeout,
                    web_port=(a.web_port if a.web_port is not None else 8080) if a.web else None)


def add_parsers(sub) -> None:  # noqa: ANN001 - argparse's subparsers
    x = sub.add_parser("replay", help="run a JSONL file through the pipeline")
    x.add_argument("input", help="JSONL, one article a line (id, title, text or html, published)")
    x.add_argument("--out", required=True, help="folder for assignments, figures, stories and alerts (JSONL)")
    x.add_argument("--topic", help="replay under this topic's terms (from the configured Redis)")
    x.add_argument("--quiet", action="store_true", help="no progress bar")
    x.add_argument("--retention", action="store_true",
                   help="run index ageing and the retention sweep once a day of the stream (archive in --out)")
    x.add_argument("--json", action="store_true", help="print the result as JSON")

    x = sub.add_parser("eval", help="replay labelled data and score it")
    x.add_argument("what", choices=["stories", "figures", "ledger", "attribution", "plausible"],
                   help="plausible: list story figures that are a year, a clock time, or over 100 unconfirmed")
    x.add_argument("--input", help="the documents to replay, when they are not in GOLD (PolNeAR's pairs)")
    x.add_argument("gold", help="the labelled file (JSONL) to replay and score against")
    x.add_argument("--out", help="keep the replay's files here")
    x.add_argument("--reuse", action="store_true", help="score the files already in --out")
    x.add_argument("--split", help="a check-part id list (../shared/data/splits/*-check.txt): score all, tune and check")
    x.add_argument("--titles-only", action="store_true", help="drop every article's text: a headline-only stream")
    x.add_argument("--retention", action="store_true",
                   help="with retention on: index ageing and the retention sweep once a day of the stream")
    x.add_argument("--quiet", action="store_true", help="no progress bar")

    x = sub.add_parser("demo", help="run the whole pipeline on the bundled sample")
    x.add_argument("--interval", type=float, default=2.0, help="seconds between two articles appearing")
    x.add_argument("--timeout", type=float, default=300.0, help="give up after this many seconds (default 300)")
    x.add_argument("--web", action="store_true", help="then keep the web view of the sample up on 127.0.0.1 until Ctrl-C")
    x.add_argument("--web-port", type=int, help="the web view's port (default 8080; 0: any free port)")

    x = sub.add_parser("sample", help="write the bundled sample as replay input")
    x.add_argument("path", help="the JSONL file to write")
    x.add_argument("--json", action="store_true", help="print the result as JSON")

    x = sub.add_parser("bench", help="benchmarks: polling (clock tick, 304 polls), extraction, pipeline (end to end), "
                                     "matching (story step), web (page render times), soak (months of retention)")
    x.add_argument("what", choices=["polling", "extraction", "pipeline", "matching", "web", "soak"],
                   help="which benchmark")
    x.add_argument("--days", type=int, default=120, help="simulated days (soak)")
    x.add_argument("--per-day", type=int, help="articles a simulated day (soak; default: the data spread over --days)")
    x.add_argument("--out", help="keep the soak's archive here")
    x.add_argument("--stories", default="1000,10000,100000", help="stories in Redis to try (matching, web)")
    x.add_argument("--requests", type=int, default=200, help="story pages requested (web)")
    x.add_argument("--workers", default="1,2,4", help="worker processes to try (pipeline)")
    x.add_argument("--articles", type=int, default=300, help="articles published (pipeline) or probes (matching)")
    x.add_argument("--feed-count", type=int, default=30, help="feeds they are spread over (pipeline)")
    x.add_argument("--rate", type=float, default=20.0, help="articles published per second (pipeline)")
    x.add_argument("--feeds", type=int, help="feeds registered (polling; default 10,000) or carrying the articles (soak; 50)")
    x.add_argument("--polls", type=int, default=1000, help="feeds due and polled (polling)")
    x.add_argument("--data", help="JSONL of articles (extraction, pipeline, matching; soak: several, comma-separated)")
