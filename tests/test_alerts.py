import json

from monitor.delivery.alerts import email_message, header_safe, slack_escape, slack_payload
from monitor.models import Alert


def alert(text="Killed: 19 → 25 (PMF, via Rudaw)", kind="figure_changed"):
    return Alert("a000001", "s00001", "t", "art", kind, text, ("25: PMF (Rudaw)",), "2019-12-30T00:00:00Z")


def test_slack_escapes_mentions_and_links():
    payload = json.loads(slack_payload(alert("<!channel> see <http://evil|bank> & more")))
    assert "<!channel>" not in json.dumps(payload)
    assert "&lt;!channel&gt;" in payload["text"]
    assert "<http://evil|bank>" not in json.dumps(payload)
    assert slack_escape("a & b") == "a &amp; b"


def test_slack_has_fallback_text_and_blocks():
    p = json.loads(slack_payload(alert(), channel="#news", thread_ts="123.4"))
    assert p["text"].startswith("Figure changed: Killed: 19 → 25")
    assert p["blocks"][0]["type"] == "section"
    assert p["thread_ts"] == "123.4" and p["channel"] == "#news"


def test_email_headers_cannot_be_injected_and_thread():
    m = email_message(alert("Killed\r\nBcc: victim@example.org"), "newsmon@example.org", "ops@example.org")
    assert "Bcc" not in m.keys()
    assert "\n" not in m["Subject"] and "\r" not in m["Subject"]
    assert m["In-Reply-To"] == "<story-s00001@newsmon.local>" == m["References"]
    opened = email_message(alert(kind="story_opened"), "a@b.org", "c@d.org")
    assert opened["Message-ID"] == "<story-s00001@newsmon.local>"
    assert {p.get_content_type() for p in m.iter_parts()} == {"text/plain", "text/html"}
    assert header_safe("a\x00b\nc") == "a b c"
