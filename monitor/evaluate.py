"""Scores against labelled data: story clustering (B-cubed, pairwise) and figures.

Only this module reads gold fields, and only to score what the pipeline produced.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path


def prf(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering (item -> cluster) against gold."""
    items = [i for i in gold if i in pred]
    pc, gc = defaultdict(set), defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = sum(len(pc[pred[i]] & gc[gold[i]]) / len(pc[pred[i]]) for i in items) / len(items)
    r = sum(len(pc[pred[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in items) / len(items)
    return p, r, prf(p, r)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision and recall over the pairs of items put in one cluster."""
    items = [i for i in gold if i in pred]

    def pairs(c: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in c.values())

    both = Counter((pred[i], gold[i]) for i in items)
    tp = pairs(both)
    pp, gp = pairs(Counter(pred[i] for i in items)), pairs(Counter(gold[i] for i in items))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, prf(p, r)


def _gold_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _id(d: dict) -> str:
    return str(d.get("id") or d.get("doc_id") or d.get("article_id"))


def score_stories(gold_path: Path, assignments: Path) -> dict[str, float]:
    gold = {_id(d): str(d["story_id"]) for d in _gold_lines(gold_path)}
    pred = {}
    for line in assignments.open():
        d = json.loads(line)
        pred[str(d["id"])] = d["story"] if d["story"] is not None else f"none-{d['id']}"
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {"documents": len(gold), "gold_stories": len(set(gold.values())),
            "predicted_stories": len(set(pred.values())), "bcubed_precision": bp, "bcubed_recall": br,
            "bcubed_f1": bf, "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": pf}


def score_figures(gold_path: Path, figures: Path) -> dict[str, float]:
    """Exact-match rate and mean absolute error of killed and injured per article."""
    gold = {}
    for d in _gold_lines(gold_path):
        gold[_id(d)] = (d.get("killed"), d.get("injured_not_killed", d.get("injured")))
    n = exact_k = exact_i = 0
    err_k = err_i = 0.0
    for line in figures.open():
        d = json.loads(line)
        g = gold.get(str(d["id"]))
        if g is None or g[0] is None:
            continue
        n += 1
        k, i = d.get("killed"), d.get("injured")
        exact_k += (k == g[0])
        exact_i += (i == g[1])
        err_k += abs((k or 0) - g[0])
        err_i += abs((i or 0) - (g[1] or 0))
    return {"documents": n, "killed_exact": exact_k / n if n else 0.0, "killed_mae": err_k / n if n else 0.0,
            "injured_exact": exact_i / n if n else 0.0, "injured_mae": err_i / n if n else 0.0}


def score_ledger(gold_path: Path, out: Path) -> dict:
    """Alerts by kind, and how often a story's final killed / injured equal the gold incident's
    (the gold incident of a story: the one most of its articles belong to)."""
    gold_doc = {}
    gold_story = {}
    for d in _gold_lines(gold_path):
        gold_doc[_id(d)] = str(d["story_id"])
        g = d.get("gold") or {}
        gold_story[str(d["story_id"])] = (g.get("num_killed"), g.get("num_injured"))
    kinds = Counter(json.loads(line)["kind"] for line in (out / "alerts.jsonl").open())
    n = k_ok = i_ok = both = 0
    for line in (out / "stories.jsonl").open():
        s = json.loads(line)
        votes = Counter(gold_doc[a] for a in s["articles"] if a in gold_doc)
        if not votes:
            continue
        gk, gi = gold_story[votes.most_common(1)[0][0]]
        n += 1
        ok_k, ok_i = (s["killed"] or 0) == gk, (s["injured"] or 0) == gi
        k_ok += ok_k
        i_ok += ok_i
        both += ok_k and ok_i
    return {"alerts": sum(kinds.values()), "alerts_by_kind": dict(kinds.most_common()), "stories": n,
            "killed_equal": k_ok / n if n else 0.0, "injured_equal": i_ok / n if n else 0.0,
            "both_equal": both / n if n else 0.0}
