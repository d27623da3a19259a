"""Settings: defaults in code, a TOML file, then environment variables; secrets apart.

Order: the defaults below, then the file named by ``NEWSMON_CONFIG`` (see
``config/newsmon.example.toml``), then ``NEWSMON_<NAME>`` environment variables. Secrets
(Slack webhook and token, SMTP password, Sentry DSN, Redis password) are read only from the
environment (``NEWSMON_<NAME>``, or ``NEWSMON_<NAME>_FILE`` naming a file) or from a file
named after them in ``NEWSMON_SECRETS_DIR``. A secret in the TOML file is an error. Secrets
are never part of ``repr`` or of logs.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

SECRETS = ("slack_webhook_url", "slack_token", "smtp_password", "sentry_dsn", "redis_password", "web_token", "archive_url")


class ConfigError(ValueError):
    """A setting has a value newsmon cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    redis_url: str | None = None  # unset: commands start a private redis-server
    namespace: str = "newsmon"
    state_dir: str = ""  # default: $XDG_STATE_HOME/newsmon or ~/.local/state/newsmon
    # outbound HTTP
    user_agent: str = "newsmon/0.1 (+https://github.com/newsmon/newsmon)"
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False  # allow private and loopback addresses (tests, demo); link-local never
    allow_networks: str = ""  # comma-separated CIDRs allowed although private, e.g. "10.1.0.0/16"
    host_spacing: float = 2.0  # seconds between two polls of feeds on one host
    # polling
    tick_seconds: float = 5.0
    poll_interval: float = 600.0
    poll_min: float = 60.0
    poll_max: float = 3600.0
    # workers and health
    worker_maintenance: float = 60.0  # seconds between RQ's registry clean-ups (abandoned jobs are retried then)
    job_monitoring: float = 30.0  # seconds between a busy worker's heartbeats
    check_max_backlog: int = 1000  # `newsmon check` fails above this many queued jobs
    check_max_failed: int = 50  # ... or this many failed jobs
    check_max_overdue: float = 60.0  # ... or a delayed job (a retry, a paced send) due this long ago: a stalled scheduler
    metrics_port: int = 9108
    send_lease: float = 60.0  # seconds a worker holds an alert while sending (more than a send can take)
    # matching
    # the matcher's own defaults (MatchPolicy), repeated here so that settings import no core
    # module; tests/test_settings.py holds the two equal
    match_threshold: float = 0.15
    story_window_days: float = 14.0
    match_evidence_scale: float = 0.7
    story_quiet_days: float = 120.0  # a story quiet this long leaves the candidate index (it stays readable)
    # retention (monitor/ops/retention.py): what Redis forgets, and when
    article_text_days: float = 14.0  # an article's text; its extraction stays with its story
    seen_days: float = 30.0  # a feed entry, once the feed no longer carries it
    alert_days: float = 30.0  # a settled alert, to the archive
    archive_quiet_days: float = 30.0  # a story with no article for this long, to the archive
    memory_warn_ratio: float = 0.8  # newsmon check warns past this share of Redis' maxmemory
    # channels
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_from: str = "newsmon@localhost"
    smtp_security: str = "starttls"  # starttls | ssl | none
    slack_channel: str = ""  # with a bot token
    slack_api_url: str = "https://slack.com/api/chat.postMessage"
    sentry_environment: str = "production"
    # secrets: environment or secrets directory only
    slack_webhook_url: str = field(default="", repr=False)
    slack_token: str = field(default="", repr=False)
    smtp_password: str = field(default="", repr=False)
    sentry_dsn: str = field(default="", repr=False)
    redis_password: str = field(default="", repr=False)
    web_token: str = field(default="", repr=False)  # newsmon web: required to bind beyond loopback
    archive_url: str = field(default="", repr=False)  # postgresql://... (may hold a password); empty: SQLite under state_dir

    def archive_location(self) -> str:
        """The archive: ``archive_url``, else SQLite in the state directory, a file per namespace."""
        if self.archive_url:
            return self.archive_url
        name = "archive" if self.namespace == "newsmon" else "archive-" + re.sub(r"[^\w.-]+", "_", self.namespace)
        return str(self.state_path() / f"{name}.sqlite")

    def retention(self):  # noqa: ANN201 - a RetentionPolicy (imported late: settings is imported first)
        from monitor.ops.retention import RetentionPolicy
        return RetentionPolicy(self.article_text_days, self.seen_days, self.alert_days, self.archive_quiet_days,
                               self.story_quiet_days)

    def state_path(self) -> Path:
        if self.state_dir:
            return Path(self.state_dir)
        base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        return Path(base) / "newsmon"


def _coerce(name: str, raw: object, kind: type) -> object:
    if kind is bool or kind == "bool":
        if isinstance(raw, bool):
            return raw
        s = str(raw).strip().lower()
        if s in ("1", "true", "yes", "on"):
            return True
        if s in ("0", "false", "no", "off", ""):
            return False
        raise ConfigError(f"{name}: expected true or false, got {raw!r}")
    try:
        if kind in (int, "int"):
            return int(raw)  # type: ignore[arg-type]
        if kind in (float, "float"):
            return float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: expected a number, got {raw!r}") from None
    return str(raw)


def _types() -> dict[str, type]:
    out = {}
    for f in fields(Settings):
        t = str(f.type)
        out[f.name] = bool if "bool" in t else int if t.startswith("int") else float if t.startswith("float") else str
    return out


def _read_secret(name: str, env: dict[str, str]) -> str:
    var = f"NEWSMON_{name.upper()}"
    if env.get(var):
        return env[var]
    path = Path(env[var + "_FILE"]) if env.get(var + "_FILE") else None
    sdir = env.get("NEWSMON_SECRETS_DIR")
    if path is None and sdir and (Path(sdir) / name).is_file():
        path = Path(sdir) / name
    if path is None:
        return ""
    try:
        return path.read_text().strip()
    except (OSError, UnicodeDecodeError) as e:  # the message names the file, never its content
        raise ConfigError(f"{var}: cannot read the secret file {path}: {e.__class__.__name__}") from None


def load(env: dict[str, str] | None = None, path: str | None = None) -> Settings:
    """Build the settings once at process start."""
    env = dict(os.environ if env is None else env)
    types = _types()
    values: dict[str, object] = {}
    path = path or env.get("NEWSMON_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text())
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read config file {path}: {e}") from None
        flat = {}
        for k, v in data.items():
            if isinstance(v, dict):  # sections are for the reader; names are unique
                flat.update(v)
            else:
                flat[k] = v
        for k, v in flat.items():
            if k in SECRETS:
                raise ConfigError(f"{k} is a secret: set NEWSMON_{k.upper()} or put it in "
                                  f"NEWSMON_SECRETS_DIR, not in {path}")
            if k not in types:
                raise ConfigError(f"unknown setting {k!r} in {path}")
            values[k] = _coerce(k, v, types[k])
    for name, kind in types.items():
        if name in SECRETS:
            continue
        raw = env.get(f"NEWSMON_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(f"NEWSMON_{name.upper()}", raw, kind)
    if env.get("REDIS_URL"):
        values["redis_url"] = env["REDIS_URL"]
    for name in SECRETS:
        values[name] = _read_secret(name, env)
    s = replace(Settings(), **values)  # type: ignore[arg-type]
    if s.smtp_security not in ("starttls", "ssl", "none"):
        raise ConfigError(f"smtp_security: expected starttls, ssl or none, got {s.smtp_security!r}")
    _check(s)
    return s


_REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


# a zero or negative value would spin (a tick of 0 s) or never wait: refused at load
_POSITIVE = ("tick_seconds", "poll_interval", "poll_min", "poll_max", "connect_timeout", "read_timeout",
             "total_timeout", "max_bytes", "worker_maintenance", "job_monitoring", "send_lease",
             "article_text_days", "seen_days", "alert_days", "archive_quiet_days", "memory_warn_ratio")


def _check(s: Settings) -> None:
    if s.redis_url and not s.redis_url.startswith(_REDIS_SCHEMES):
        # (the URL may hold a password: only its scheme is named)
        raise ConfigError(f"REDIS_URL must begin with {', '.join(_REDIS_SCHEMES)}")
    for name in _POSITIVE:
        if getattr(s, name) <= 0:
            raise ConfigError(f"NEWSMON_{name.upper()}: must be above 0, got {getattr(s, name)}")
    if s.archive_url and not s.archive_url.startswith(("postgresql://", "postgres://", "sqlite:///")):
        raise ConfigError("NEWSMON_ARCHIVE_URL must begin with postgresql:// or sqlite:///")
    for net in (n.strip() for n in s.allow_networks.split(",") if n.strip()):
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise ConfigError(f"NEWSMON_ALLOW_NETWORKS: {net!r} is not a network (e.g. 10.1.0.0/16)") from None
