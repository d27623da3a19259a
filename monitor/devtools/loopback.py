"""What the dev tools' loopback servers and child processes share (demo, bench)."""

from __future__ import annotations

import subprocess
from http.server import BaseHTTPRequestHandler


def send_body(handler: BaseHTTPRequestHandler, code: int, body: bytes, ctype: str) -> None:
    """Answer a loopback request (the demo's and the benchmarks' servers)."""
    handler.send_response(code)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def stop(procs: list[subprocess.Popen], wait: float) -> None:
    """SIGTERM the child processes (a worker finishes its job), SIGKILL what outlives ``wait``."""
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(wait)
        except subprocess.TimeoutExpired:
            p.kill()
