"""The house rules that code review keeps forgetting, checked on every run: imports run one way
(no circle among the project's modules, imports inside functions counted), ``monitor`` never
imports ``workers``, the pure core does no I/O, and no function is longer than a screen."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("monitor", "workers")
# the pure core: decisions that take `now` and state; no Redis, no sockets, no clock
CORE = ("monitor.extract", "monitor.stories", "monitor.delivery.policy", "monitor.delivery.alerts",
        "monitor.delivery.state", "monitor.ingest.feeds", "monitor.ingest.schedule", "monitor.ingest.cleaning",
        "monitor.models")
IO_MODULES = ("redis", "rq", "socket", "httpx", "smtplib", "monitor.state", "monitor.outbound", "workers")
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, ast.Module]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = ast.parse(path.read_text(), str(path))
    return out


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """Every project module that ``name`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name and not name.startswith(t + "."):  # a package's own __init__ is no edge
                found.add(t)
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {n: _imports(n, t, set(mods)) for n, t in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circle() -> None:
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_monitor_never_imports_workers() -> None:
    bad = {m: sorted(d) for m, d in _graph().items()
           if m.startswith("monitor") and any(x.startswith("workers") for x in d)}
    assert bad == {}


def test_the_core_does_no_io() -> None:
    bad = {}
    for name, tree in _modules().items():
        if not name.startswith(CORE):
            continue
        for node in ast.walk(tree):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            hits = [m for m in mods if m.startswith(IO_MODULES)]
            if hits:
                bad.setdefault(name, []).extend(hits)
    assert bad == {}


def test_no_function_longer_than_a_screen() -> None:
    long = []
    for pkg in (*PACKAGES, "tests"):
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    n = node.end_lineno - node.lineno + 1
                    if n > MAX_FUNCTION_LINES:
                        long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []


def test_the_readme_reads_in_short_paragraphs() -> None:
    """The README is for users and operators: how extraction reads text lives in docs/."""
    blocks = (ROOT / "README.md").read_text().split("\n\n")
    assert [b[:60] for b in blocks if len(b) > 1200] == []


def test_the_constraints_agree_with_the_pins() -> None:
    """deploy/constraints.txt (every package, for installs) and pyproject.toml (the direct pins)."""
    import re
    import tomllib
    norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()  # noqa: E731
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    direct = [*pins["dependencies"], *pins["optional-dependencies"]["dev"]]
    # a requirement's extras ("psycopg[binary]") are not part of its name
    wanted = {norm(d.split("==")[0].split("[")[0]): d.split("==")[1].split(";")[0].strip() for d in direct}
    lines = (ROOT / "deploy" / "constraints.txt").read_text().splitlines()
    have = {norm(x.split("==")[0]): x.split("==")[1] for x in lines if x and not x.startswith("#")}
    assert {n: (v, have.get(n)) for n, v in wanted.items() if have.get(n) != v} == {}
