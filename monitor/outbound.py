"""All outbound HTTP: feeds, pages and Slack. Nothing else in newsmon opens a socket outward.

Every request has connect, read and total timeouts, a size cap enforced while streaming
(after decompression, so a gzip bomb is cut off), a bounded number of redirects followed by
hand, and an address check: the host is resolved and each address is refused if it is
private, loopback, link-local, reserved or multicast, unless the operator allows private
addresses. The check runs again on every redirect, and the address the connection actually
reached is checked before the body is read.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx


class FetchError(Exception):
    """A request that did not give a usable answer. ``temporary`` says whether to retry."""

    def __init__(self, message: str, temporary: bool = True, retry_after: float | None = None):
        super().__init__(message)
        self.temporary = temporary
        self.retry_after = retry_after


class BlockedAddress(FetchError):
    def __init__(self, message: str):
        super().__init__(message, temporary=False)


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "newsmon/0.1"

    @classmethod
    def from_settings(cls, s) -> Limits:  # noqa: ANN001 - monitor.settings.Settings
        return cls(s.connect_timeout, s.read_timeout, s.total_timeout, s.max_bytes, s.max_redirects,
                   s.allow_private, s.user_agent)


@dataclass(frozen=True)
class Response:
    url: str  # the final URL after redirects
    status: int
    headers: dict[str, str]
    content: bytes
    permanent_redirect: str | None = None  # set when a 301/308 moved the first URL


def address_allowed(ip: str, allow_private: bool) -> bool:
    addr = ipaddress.ip_address(ip)
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if addr.is_link_local or addr.is_multicast or addr.is_unspecified:
        return False  # cloud metadata (169.254.169.254) lives here: never, even when private is allowed
    if allow_private:
        return True
    return addr.is_global and not (addr.is_multicast or addr.is_reserved)


def check_host(url: str, allow_private: bool) -> None:
    """Refuse URLs that are not http(s) or whose host resolves to a forbidden address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}", temporary=False)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {parts.hostname}: {e}") from None
    for info in infos:
        ip = info[4][0]
        if not address_allowed(ip, allow_private):
            raise BlockedAddress(f"refused: {parts.hostname} resolves to {ip}, a private or reserved "
                                 f"address (set NEWSMON_ALLOW_PRIVATE=true to allow)")


def _peer_ok(resp: httpx.Response, allow_private: bool) -> None:
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and not address_allowed(peer[0], allow_private):
        raise BlockedAddress(f"refused: connected to {peer[0]}, a private or reserved address")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def request(method: str, url: str, limits: Limits, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> Response:
    """One request, redirects followed by hand, the body read under the caps."""
    deadline = time.monotonic() + limits.total_timeout
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    hdrs = {"User-Agent": limits.user_agent, **(headers or {})}
    moved: str | None = None
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for hop in range(limits.max_redirects + 1):
            check_host(url, limits.allow_private)
            try:
                with client.stream(method, url, headers=hdrs, content=body) as resp:
                    _peer_ok(resp, limits.allow_private)
                    if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                        nxt = urljoin(url, resp.headers["location"])
                        if resp.status_code in (301, 308) and hop == 0:
                            moved = nxt
                        url = nxt
                        if resp.status_code == 303:
                            method, body = "GET", None
                        continue
                    content = _read_capped(resp, limits.max_bytes, deadline)
                    return Response(str(resp.url), resp.status_code,
                                    {k.lower(): v for k, v in resp.headers.items()}, content, moved)
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out fetching {url}: {type(e).__name__}") from None
            except httpx.HTTPError as e:
                raise FetchError(f"error fetching {url}: {type(e).__name__}: {e}") from None
    raise FetchError(f"more than {limits.max_redirects} redirects from {url}", temporary=False)


def _read_capped(resp: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in resp.headers:
        raise FetchError(f"{resp.url}: body of {declared} bytes exceeds the cap of {max_bytes}", temporary=False)
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{resp.url}: body exceeds the cap of {max_bytes} bytes", temporary=False)
        if time.monotonic() > deadline:
            raise FetchError(f"{resp.url}: total timeout reading the body")
        chunks.append(chunk)
    return b"".join(chunks)


def get(url: str, limits: Limits, etag: str | None = None, last_modified: str | None = None) -> Response:
    """A conditional GET for feeds and pages. 304 comes back as a Response with no content."""
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    resp = request("GET", url, limits, headers)
    if resp.status >= 400:
        temporary = resp.status in (408, 425, 429) or resp.status >= 500
        raise FetchError(f"{url}: HTTP {resp.status}", temporary=temporary,
                         retry_after=_retry_after(resp.headers.get("retry-after")))
    return resp


def post_json(url: str, payload: bytes, limits: Limits, headers: dict[str, str] | None = None) -> Response:
    """POST for Slack. Status handling is the caller's: 429 and 5xx mean different things there."""
    return request("POST", url, limits, {"Content-Type": "application/json; charset=utf-8", **(headers or {})},
                   payload)


def retry_after(resp: Response) -> float | None:
    return _retry_after(resp.headers.get("retry-after"))
