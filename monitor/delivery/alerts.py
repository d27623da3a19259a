"""Alert rendering: console text, Slack Block Kit, email. Article text is escaped for each."""

from __future__ import annotations

import html
import json
import re
from email.message import EmailMessage
from email.utils import make_msgid

from monitor.models import Alert

_KIND_LABEL = {
    "story_opened": "New story", "figure_reported": "Figure reported", "figure_changed": "Figure changed",
    "figure_disputed": "Sources disagree", "attribution_added": "Attribution",
    "attribution_denied": "Denial", "attribution_changed": "Attribution changed", "test": "Test", "digest": "Digest",
}


def slack_escape(text: str) -> str:
    """Slack mrkdwn: &, < and > escaped, so no <!channel>, no <@user>, no forged <url|links>."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def header_safe(text: str, limit: int = 180) -> str:
    """One line for an email header: no CR, LF or other control characters."""
    one = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    return one[:limit]


def console_text(a: Alert) -> str:
    lines = [f"[{a.story}] {_KIND_LABEL.get(a.kind, a.kind)}: {a.text}"]
    lines += [f"    - {e}" for e in a.evidence]
    return "\n".join(lines)


def slack_payload(a: Alert, channel: str | None = None, thread_ts: str | None = None) -> bytes:
    label = _KIND_LABEL.get(a.kind, a.kind)
    text = f"{label}: {slack_escape(a.text)}"
    evidence = "\n".join(f"• {slack_escape(e)}" for e in a.evidence) or " "
    body: dict = {
        "text": text,  # the plain fallback for notifications
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{label}* ({slack_escape(a.story)})\n{text}"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": evidence[:2900]}]},
        ],
        "unfurl_links": False,
    }
    if channel:
        body["channel"] = channel
    if thread_ts:
        body["thread_ts"] = thread_ts
    return json.dumps(body).encode()


def story_msgid(story: str, domain: str = "newsmon.local") -> str:
    """The Message-ID of a story's thread root, stable so replies thread under it."""
    safe = re.sub(r"[^A-Za-z0-9.-]", "-", story)
    return f"<story-{safe}@{domain}>"


def email_message(a: Alert, sender: str, to: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = header_safe(sender)
    msg["To"] = header_safe(to)
    msg["Subject"] = header_safe(f"[newsmon {a.story}] {_KIND_LABEL.get(a.kind, a.kind)}: {a.text}")
    root = story_msgid(a.story)
    if a.kind == "story_opened":
        msg["Message-ID"] = root
    else:
        msg["Message-ID"] = make_msgid(idstring=re.sub(r"[^A-Za-z0-9]", "", a.id)[:40], domain="newsmon.local")
        msg["In-Reply-To"] = root
        msg["References"] = root
    msg["X-Newsmon-Alert"] = header_safe(a.id)
    plain = a.text + "\n\n" + "\n".join(f"- {e}" for e in a.evidence) + "\n"
    msg.set_content(plain)
    items = "".join(f"<li>{html.escape(e)}</li>" for e in a.evidence)
    msg.add_alternative(f"<p><b>{html.escape(a.text)}</b></p><ul>{items}</ul>", subtype="html")
    return msg
