"""Alert channels: console, Slack (incoming webhook or bot token), email over SMTP.

A channel is named by a spec string in a topic: ``console``, ``slack`` (the configured
incoming webhook), ``slack:#channel`` (the bot token, one thread per story), or
``email:someone@example.org``. Credentials come from the settings' secrets, never from the
spec. A failed send raises ``TransportError``: ``permanent`` for a bad webhook or bad
credentials (the channel is marked broken), otherwise the delivery is retried.
"""

from __future__ import annotations

import json
import re
import smtplib
import ssl
import sys
from dataclasses import dataclass

from monitor import outbound
from monitor.delivery.alerts import console_text, email_message, slack_payload
from monitor.models import Alert
from monitor.settings import Settings

SLACK_API = "https://slack.com/api/chat.postMessage"


class TransportError(Exception):
    def __init__(self, message: str, permanent: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


@dataclass(frozen=True)
class Sent:
    thread: str | None = None  # the Slack ts of the message, to thread a story's next alerts


def validate_spec(spec: str) -> str:
    if spec == "console" or spec == "slack":
        return spec
    if re.fullmatch(r"slack:[#\w.-]+", spec):
        return spec
    if re.fullmatch(r"email:[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}", spec):
        return spec
    raise ValueError(f"unknown channel {spec!r}: use console, slack, slack:#channel or email:address")


def send(spec: str, alert: Alert, settings: Settings, thread: str | None = None) -> Sent:
    """Deliver one alert on one channel."""
    if spec == "console":
        print(console_text(alert), file=sys.stdout, flush=True)
        return Sent()
    if spec == "slack":
        return _slack_webhook(alert, settings)
    if spec.startswith("slack:"):
        return _slack_bot(alert, settings, spec.split(":", 1)[1], thread)
    if spec.startswith("email:"):
        return _email(alert, settings, spec.split(":", 1)[1])
    raise TransportError(f"unknown channel {spec!r}", permanent=True)


def _limits(settings: Settings) -> outbound.Limits:
    return outbound.Limits.from_settings(settings)


def _slack_webhook(alert: Alert, settings: Settings) -> Sent:
    if not settings.slack_webhook_url:
        raise TransportError("no Slack webhook configured (NEWSMON_SLACK_WEBHOOK_URL)", permanent=True)
    try:
        resp = outbound.post_json(settings.slack_webhook_url, slack_payload(alert), _limits(settings))
    except outbound.FetchError as e:
        raise TransportError(f"slack webhook: {_redact(str(e), settings)}", permanent=not e.temporary) from None
    _slack_status(resp)
    return Sent()


def _slack_bot(alert: Alert, settings: Settings, channel: str, thread: str | None) -> Sent:
    if not settings.slack_token:
        raise TransportError("no Slack bot token configured (NEWSMON_SLACK_TOKEN)", permanent=True)
    url = settings.slack_api_url or SLACK_API
    try:
        resp = outbound.post_json(url, slack_payload(alert, channel, thread), _limits(settings),
                                  {"Authorization": f"Bearer {settings.slack_token}"})
    except outbound.FetchError as e:
        raise TransportError(f"slack api: {_redact(str(e), settings)}", permanent=not e.temporary) from None
    _slack_status(resp)
    try:
        body = json.loads(resp.content)
    except ValueError:
        raise TransportError("slack api: answer is not JSON") from None
    if not body.get("ok"):
        err = body.get("error", "unknown")
        permanent = err in ("invalid_auth", "not_authed", "channel_not_found", "account_inactive",
                            "token_revoked", "not_in_channel", "is_archived")
        raise TransportError(f"slack api: {err}", permanent=permanent)
    return Sent(thread or body.get("ts"))


def _slack_status(resp: outbound.Response) -> None:
    if resp.status == 429:
        raise TransportError("slack: rate limited (429)", retry_after=outbound.retry_after(resp) or 1.0)
    if resp.status >= 500:
        raise TransportError(f"slack: HTTP {resp.status}")
    if resp.status in (400, 403, 404, 410):
        raise TransportError(f"slack: HTTP {resp.status} {resp.content[:100]!r}", permanent=True)
    if resp.status >= 300:
        raise TransportError(f"slack: HTTP {resp.status}")


def _email(alert: Alert, settings: Settings, to: str) -> Sent:
    if not settings.smtp_host:
        raise TransportError("no SMTP host configured (NEWSMON_SMTP_HOST)", permanent=True)
    msg = email_message(alert, settings.smtp_from, to)
    timeout = settings.connect_timeout + settings.read_timeout
    try:
        if settings.smtp_security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
        with smtp:
            if settings.smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError as e:
        raise TransportError(f"smtp: authentication failed ({e.smtp_code})", permanent=True) from None
    except smtplib.SMTPRecipientsRefused:
        raise TransportError(f"smtp: recipient refused: {to}", permanent=True) from None
    except (OSError, smtplib.SMTPException) as e:
        raise TransportError(f"smtp: {type(e).__name__}: {e}") from None
    return Sent()


def _redact(text: str, settings: Settings) -> str:
    for secret in (settings.slack_webhook_url, settings.slack_token):
        if secret:
            text = text.replace(secret, "[secret]")
    return text
