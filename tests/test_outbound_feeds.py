import gzip

import pytest

from monitor import outbound
from monitor.ingest.feeds import canonical_url, parse_feed

LOOP = outbound.Limits(allow_private=True, total_timeout=5, read_timeout=2, connect_timeout=2)

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
<item><title>One</title><link>http://example.org/a?utm_source=x&amp;id=1</link><guid>g1</guid></item>
<item><title>No link</title><description>only text</description></item>
</channel></rss>"""


def test_loopback_refused_unless_allowed(http):
    http.reply("GET", "/feed", body=RSS)
    with pytest.raises(outbound.BlockedAddress):
        outbound.get(http.base + "/feed", outbound.Limits())
    assert outbound.get(http.base + "/feed", LOOP).content == RSS


@pytest.mark.parametrize("ip", ["169.254.169.254", "10.0.0.1", "127.0.0.1", "::1", "192.168.1.1"])
def test_private_addresses(ip):
    assert not outbound.address_allowed(ip, allow_private=False)


@pytest.mark.parametrize("ip", ["169.254.169.254", "fe80::1", "224.0.0.1", "0.0.0.0"])
def test_link_local_refused_whatever_network_is_allowed(ip):
    # issue 19: NEWSMON_ALLOW_NETWORKS=0.0.0.0/0 let the cloud metadata address through
    assert not outbound.address_allowed(ip, allow_private=True, allow_networks=("0.0.0.0/0", "::/0"))


def test_an_allowed_network_admits_its_private_addresses():
    assert outbound.address_allowed("10.1.2.3", allow_private=False, allow_networks=("10.1.0.0/16",))
    assert not outbound.address_allowed("10.2.0.1", allow_private=False, allow_networks=("10.1.0.0/16",))


def test_redirect_to_metadata_address_refused(http):
    http.reply("GET", "/r", 302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
    with pytest.raises(outbound.BlockedAddress):
        outbound.get(http.base + "/r", LOOP)


def test_redirect_loop_and_size_cap(http):
    http.reply("GET", "/loop", 302, headers={"Location": "/loop"})
    with pytest.raises(outbound.FetchError, match="redirects"):
        outbound.get(http.base + "/loop", LOOP)
    http.reply("GET", "/big", body=b"x" * 200_000)
    with pytest.raises(outbound.FetchError, match="cap"):
        outbound.get(http.base + "/big", outbound.Limits(allow_private=True, max_bytes=100_000))
    bomb = gzip.compress(b"\0" * 5_000_000)
    http.reply("GET", "/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(outbound.FetchError, match="cap"):
        outbound.get(http.base + "/bomb", outbound.Limits(allow_private=True, max_bytes=1_000_000))


def test_conditional_get_and_retry_after(http):
    http.reply("GET", "/c", 304)
    assert outbound.get(http.base + "/c", LOOP, etag='"v1"').status == 304
    assert http.requests[-1][2].get("If-None-Match") == '"v1"'
    http.reply("GET", "/busy", 429, headers={"Retry-After": "30"})
    with pytest.raises(outbound.FetchError) as e:
        outbound.get(http.base + "/busy", LOOP)
    assert e.value.temporary and e.value.retry_after == 30


def test_parse_feed_bytes_and_canonical_urls():
    feed = parse_feed(RSS, {"content-type": "application/rss+xml"})
    assert feed.title == "Outlet" and len(feed.entries) == 2
    assert feed.entries[0].key == "g1"
    assert canonical_url(feed.entries[0].url) == "http://example.org/a?id=1"
    assert feed.entries[1].url is None and feed.entries[1].key.startswith("title:")
    with pytest.raises(ValueError):
        parse_feed(b"<html>not a feed")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("http://x.org/p?reference=A", "http://x.org/p?reference=B", False),  # issue 19: "ref..." was stripped
    ("http://x.org/p?refresh=1", "http://x.org/p?refresh=2", False),
    ("http://x.org/p?id=1&ref=rss", "http://x.org/p?id=1", True),
    ("http://x.org/p?id=1&utm_source=feed&utm_medium=rss", "http://X.org:80/p?id=1#top", True),
])
def test_canonical_urls_drop_tracking_and_keep_what_chooses_the_page(a, b, same):
    assert (canonical_url(a) == canonical_url(b)) is same


@pytest.mark.parametrize(("url", "name"), [
    ("http://news.bbc.co.uk/1/hi/world.stm", "bbc.co.uk"),  # issue 19: two outlets before
    ("https://www.bbc.co.uk/news/world", "bbc.co.uk"),
    ("https://m.dailymail.co.uk/news/article-1.html", "dailymail.co.uk"),
    ("https://usgunviolence.wordpress.com/2013/01/01/x/", "usgunviolence.wordpress.com"),  # a blog of its own
    ("http://crimeblog.dallasnews.com/2013/01/x.html", "crimeblog.dallasnews.com"),
    ("http://web.archive.org/web/2017/https://m.example.com/a", "example.com"),
])
def test_an_outlet_is_a_site_not_one_of_its_editions(url, name):
    from monitor.ingest.feeds import outlet
    assert outlet(url) == name
