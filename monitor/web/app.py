"""``newsmon web``: a read-only view of the stories, their ledgers and the feeds' health.

Starlette with Jinja2 templates (escaped by default); charts are server-rendered SVG and the one
script is served from here, so the page works with no internet. It reads the daemon's Redis and
writes nothing: only GET and HEAD are routed. Every response carries a Content-Security-Policy
that allows nothing from elsewhere and no inline script.
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import redis
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from monitor.models import Article
from monitor.state.archive import Archive
from monitor.state.keys import Keys
from monitor.state.store import Store
from monitor.stories.matching import terms
from monitor.web.views import story_row, story_view, when

HERE = Path(__file__).parent
PAGE = 50  # stories on a page of one topic; the front page shows the first 10 of each
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class WebConfigError(ValueError):
    """The web view cannot start as configured (a public bind with no token)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def check_bind(host: str, token: str) -> None:
    if not is_loopback(host) and not token:
        raise WebConfigError(f"newsmon web: binding to {host} exposes the stories beyond this machine; set "
                             f"NEWSMON_WEB_TOKEN (or put web_token in NEWSMON_SECRETS_DIR) to require a token, "
                             f"or bind to 127.0.0.1")


def _authorised(request: Request, token: str) -> bool:
    """A bearer token, or HTTP Basic with the token as the password (what a browser can send)."""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    given = ""
    if scheme.lower() == "bearer":
        given = value.strip()
    elif scheme.lower() == "basic":
        try:
            given = base64.b64decode(value.strip(), validate=True).decode("utf-8", "replace").partition(":")[2]
        except ValueError:
            given = ""
    return hmac.compare_digest(given.encode(), token.encode())


class Guard(BaseHTTPMiddleware):
    """The token (when one is set), the security headers, and the render time."""

    def __init__(self, app: Any, token: str) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        t0 = time.perf_counter()
        if self.token and not _authorised(request, self.token):
            response: Response = Response("a token is required\n", 401, media_type="text/plain",
                                          headers={"WWW-Authenticate": 'Basic realm="newsmon"'})
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        response.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - t0) * 1000:.1f}"
        return response


def wants_json(request: Request) -> bool:
    """JSON when the client asks for it over HTML (``Accept: application/json``)."""
    best: tuple[float, str] = (-1.0, "")
    for part in request.headers.get("accept", "").split(","):
        media, *params = [x.strip() for x in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _number(p[2:])), 1.0)
        if media in ("application/json", "text/html") and q > best[0]:
            best = (q, media)
    return best[1] == "application/json"


def _number(s: str) -> bool:
    try:
        return math.isfinite(float(s))
    except ValueError:
        return False


def create_app(r: redis.Redis, namespace: str, token: str = "", live_seconds: float = 15.0,
               archive: Callable[[], Archive | None] | None = None) -> Starlette:
    """The view of ``namespace``; ``archive`` gives the archive (or None), where stories gone
    quiet are read from when Redis no longer has them."""
    store = Store(r, Keys(namespace))

    def archived() -> Archive | None:
        return archive() if archive is not None else None
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), status)

    def not_found(request: Request, what: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": what}, 404)
        return page("error.html", 404, title="Not found", message=what)

    def index(request: Request) -> Response:
        topics = [t.name for t in store.topics()]
        topic, q = request.query_params.get("topic", ""), request.query_params.get("q", "").strip()
        try:
            n = max(int(request.query_params.get("page", "1")), 1)
        except ValueError:
            n = 1
        if topic and topic not in topics:
            return not_found(request, f"no topic {topic!r}")
        sections = []
        words = sorted(terms(q)) if q else []
        for t in [topic] if topic else topics:
            if q:
                stories, total = store.search_stories(t, words, PAGE), None
            else:
                stories, total = store.stories_page(t, (n - 1) * PAGE if topic else 0, PAGE if topic else 10)
            sections.append({"topic": t, "stories": stories, "total": total})
        if wants_json(request):
            return JSONResponse([s.summary() for sec in sections for s in sec["stories"]])
        return page("index.html", title="Stories", topics=topics, topic=topic, q=q, words=words, page=n, per_page=PAGE,
                    sections=[{**sec, "rows": [story_row(s) for s in sec["stories"]]} for sec in sections])

    def story(request: Request) -> Response:
        sid = request.path_params["story_id"]
        s, arc = store.story(sid), archived()
        if s is None and arc is not None:
            s = arc.story(sid)
        if s is None:
            return not_found(request, f"no story {sid!r}")
        if wants_json(request):
            return JSONResponse(s.summary())
        alerts, articles = store.story_alerts(sid), store.articles(s.articles)
        if arc is not None:  # what retention moved out of Redis: older alerts, articles' extraction
            live = {a.id for a in alerts}
            alerts = [a for a, _, _ in arc.alerts(sid) if a.id not in live] + alerts
            articles = {d["id"]: Article.from_dict(d) for d in arc.articles(sid)} | articles
        view = story_view(s, alerts, articles)
        return page("story.html", title=s.title, s=view, live=live_seconds)

    def feeds(request: Request) -> Response:
        fs = store.feeds()
        nexts = {f.id: store.next_poll(f.id) for f in fs}
        if wants_json(request):
            return JSONResponse([{**f.to_dict(), "next_poll": nexts[f.id]} for f in fs])
        rows = [{"id": f.id, "url": f.url, "title": f.title,
                 "health": "disabled: " + f.disabled if f.disabled else "ok" if not f.errors else f"{f.errors} errors",
                 "bad": bool(f.disabled or f.errors), "last_success": when(f.last_success),
                 "last_error": f.last_error or "-", "next_poll": when(nexts[f.id])} for f in fs]
        return page("feeds.html", title="Feeds", rows=rows)

    routes = [Route("/", index, methods=["GET", "HEAD"]),
              Route("/stories/{story_id}", story, methods=["GET", "HEAD"]),
              Route("/feeds", feeds, methods=["GET", "HEAD"]),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    return Starlette(routes=routes, middleware=[Middleware(Guard, token=token)])


def serve(r: redis.Redis, namespace: str, host: str, port: int, token: str,
          archive: Callable[[], Archive | None] | None = None) -> None:
    """Run the web view until SIGINT or SIGTERM."""
    import uvicorn
    check_bind(host, token)
    try:
        uvicorn.run(create_app(r, namespace, token, archive=archive), host=host, port=port, log_level="warning",
                    server_header=False, proxy_headers=False)
    except KeyboardInterrupt:  # uvicorn hands Ctrl-C on once it has shut down
        pass
