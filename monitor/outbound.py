"""All outbound HTTP: feeds, pages and Slack. Nothing else in newsmon opens a socket outward.

Every request has connect, read and total timeouts, a size cap enforced while streaming
(after decompression, so a gzip bomb is cut off), a bounded number of redirects followed by
hand, and an address check: the host is resolved and each address is refused if it is
private, loopback, link-local, reserved or multicast, unless the operator allows private
addresses or names networks to allow. The check is made where the socket connects (our own
network backend for httpcore resolves the name and connects only to an allowed address), so
it holds for every redirect hop and cannot be dodged by DNS rebinding. Link-local addresses
(cloud metadata) are refused even when private addresses are allowed.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncStream


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
    allow_networks: tuple[str, ...] = ()  # CIDRs allowed although private (e.g. "127.0.0.2/32")

    @classmethod
    def from_settings(cls, s) -> Limits:  # noqa: ANN001 - monitor.settings.Settings
        nets = tuple(n.strip() for n in s.allow_networks.split(",") if n.strip())
        return cls(s.connect_timeout, s.read_timeout, s.total_timeout, s.max_bytes, s.max_redirects,
                   s.allow_private, s.user_agent, nets)


@dataclass(frozen=True)
class Response:
    url: str  # the final URL after redirects
    status: int
    headers: dict[str, str]
    content: bytes
    permanent_redirect: str | None = None  # set when a 301/308 moved the first URL


def address_allowed(ip: str, allow_private: bool, allow_networks: tuple[str, ...] = ()) -> bool:
    addr = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if addr.is_link_local or addr.is_multicast or addr.is_unspecified:
        # cloud metadata (169.254.169.254) lives here: never, whatever network the operator allows
        return False
    if any(addr in ipaddress.ip_network(n, strict=False) for n in allow_networks):
        return True
    if allow_private:
        return True
    return addr.is_global and not addr.is_reserved


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}", temporary=False)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only to an allowed address: the check is on the
    address the socket actually connects to, so DNS rebinding cannot slip past it."""

    def __init__(self, limits: Limits):
        self.limits = limits

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:  # noqa: ANN001
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as e:
            raise httpcore.ConnectError(f"cannot resolve {host}: {e}") from None
        allowed = [i for i in infos if address_allowed(i[4][0], self.limits.allow_private, self.limits.allow_networks)]
        if not allowed:
            raise _Refused(f"refused: {host} resolves to {infos[0][4][0]}, a private, loopback, link-local or "
                           f"reserved address (set NEWSMON_ALLOW_PRIVATE=true or NEWSMON_ALLOW_NETWORKS to allow)")
        last: Exception | None = None
        for family, stype, proto, _, addr in allowed:
            sock = socket.socket(family, stype, proto)
            try:
                sock.settimeout(timeout)
                sock.connect(addr)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                stream = _Stream(sock)
                stream.deadline = time.monotonic() + self.limits.total_timeout
                return stream
            except TimeoutError as e:
                sock.close()
                raise httpcore.ConnectTimeout(str(e)) from None
            except OSError as e:
                sock.close()
                last = e
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last}")


class _Refused(httpcore.ConnectError):
    pass


class _Stream(SyncStream):
    """A socket stream with a deadline for the whole exchange: a server that drips headers or
    body a byte at a time is cut off at the total timeout, not only at the read timeout."""

    deadline: float = float("inf")

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("total timeout")
        return super().read(max_bytes, min(timeout, left) if timeout else left)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once per process: loading the CA bundle costs ~20 ms, more than a 304 poll."""
    return httpx.create_ssl_context()


def _client(limits: Limits) -> httpx.Client:
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    transport = httpx.HTTPTransport(retries=0, verify=_ssl_context())
    transport._pool._network_backend = _GuardedBackend(limits)  # httpx has no public hook for this
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, transport=transport)


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
    """One request, redirects followed by hand (each hop checked again), the body read under the caps."""
    deadline = time.monotonic() + limits.total_timeout
    hdrs = {"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate", **(headers or {})}
    moved: str | None = None
    with _client(limits) as client:
        for hop in range(limits.max_redirects + 1):
            _check_url(url)
            try:
                with client.stream(method, url, headers=hdrs, content=body) as resp:
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
            except _Refused as e:
                raise BlockedAddress(str(e)) from None
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out fetching {url}: {type(e).__name__}") from None
            except httpx.DecodingError as e:
                raise FetchError(f"{url}: undecodable body: {e}", temporary=False) from None
            except httpx.HTTPError as e:
                if str(e).startswith("refused:"):
                    raise BlockedAddress(str(e)) from None
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
