"""The ``newsmon`` command: the daemon's processes, the admin CLI and the dev tools."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import NoReturn

import redis

from monitor.cli import admin, daemon, dev
from monitor.cli.common import UsageError
from monitor.settings import ConfigError, load
from monitor.state.redis_server import RedisUnavailable


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("newsmon")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (its usage block is one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="newsmon", description="Watch news feeds, track stories and their figures, alert on changes.")
    p.add_argument("-v", "--verbose", action="store_true", help="log at debug level")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="cmd", required=True)
    admin.add_parsers(sub)
    daemon.add_parsers(sub)
    dev.add_parsers(sub)
    return p


COMMANDS = {"topics": admin.cmd_topics, "feeds": admin.cmd_feeds, "stories": admin.cmd_stories,
            "alerts": admin.cmd_alerts, "status": admin.cmd_status, "retention": admin.cmd_retention, "failed": admin.cmd_failed,
            "clock": daemon.cmd_clock, "worker": daemon.cmd_worker, "check": daemon.cmd_check,
            "metrics": daemon.cmd_metrics, "web": daemon.cmd_web, "replay": dev.cmd_replay, "eval": dev.cmd_eval, "demo": dev.cmd_demo,
            "sample": dev.cmd_sample, "bench": dev.cmd_bench}


def _exit_on_sigterm() -> None:
    """SIGTERM ends the command as Ctrl-C does: its clean-up runs (a private redis-server it
    started is stopped, not left behind)."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, handler)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _exit_on_sigterm()  # (an RQ worker installs its own handlers when it starts working)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is too much
    try:
        s = load()
        return COMMANDS[args.cmd](args, s)
    except (UsageError, ConfigError) as e:
        print(f"newsmon: {e}", file=sys.stderr)
        return 2
    except RedisUnavailable as e:
        print(f"newsmon: {e}", file=sys.stderr)
        return 3
    except redis.RedisError as e:
        print(f"newsmon: Redis error: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
