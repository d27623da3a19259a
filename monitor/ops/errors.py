"""Sentry: initialised once per process when a DSN is configured; secrets scrubbed."""

from __future__ import annotations

import logging

from monitor.settings import SECRETS, Settings

log = logging.getLogger(__name__)


def init_sentry(settings: Settings, process: str) -> bool:
    if not settings.sentry_dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.rq import RqIntegration

    secrets = [getattr(settings, s) for s in SECRETS if getattr(settings, s)]

    def scrub(event, hint):  # noqa: ANN001 - sentry's callback signature
        text = repr(event)
        if any(s in text for s in secrets):
            import json
            raw = json.dumps(event, default=str)
            for s in secrets:
                raw = raw.replace(s, "[secret]")
            event = json.loads(raw)
        return event

    sentry_sdk.init(dsn=settings.sentry_dsn, environment=settings.sentry_environment,
                    server_name=process, send_default_pii=False, before_send=scrub,
                    integrations=[RqIntegration()])
    sentry_sdk.set_tag("process", process)
    return True


def report(exc: BaseException | None = None, message: str | None = None, **context: object) -> None:
    """Send an error to Sentry (if configured) with context such as feed id and URL."""
    try:
        import sentry_sdk
    except ImportError:  # pragma: no cover
        return
    with sentry_sdk.new_scope() as scope:
        for k, v in context.items():
            scope.set_extra(k, v)
            scope.set_tag(k, str(v)[:200])
        if exc is not None:
            sentry_sdk.capture_exception(exc)
        elif message:
            sentry_sdk.capture_message(message, level="error")
