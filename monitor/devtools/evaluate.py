"""Scores against labelled data: story clustering (B-cubed, pairwise) and figures.

Only this module reads gold fields, and only to score what the pipeline produced.
"""

from __future__ import annotations

import json
import re
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


def _keep(doc_id: str, only: set[str] | None) -> bool:
    return only is None or doc_id in only


def score_stories(gold_path: Path, assignments: Path, only: set[str] | None = None) -> dict[str, float]:
    """B-cubed and pairwise scores of the assignment; ``only``: score these documents alone (the
    stream was replayed whole, in order)."""
    gold = {_id(d): str(d["story_id"]) for d in _gold_lines(gold_path) if _keep(_id(d), only)}
    pred = {}
    for line in assignments.open():
        d = json.loads(line)
        pred[str(d["id"])] = d["story"] if d["story"] is not None else f"none-{d['id']}"
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {"documents": len(gold), "gold_stories": len(set(gold.values())),
            "predicted_stories": len(set(pred.values())), "bcubed_precision": bp, "bcubed_recall": br,
            "bcubed_f1": bf, "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": pf}


def score_figures(gold_path: Path, figures: Path, only: set[str] | None = None) -> dict[str, float]:
    """Exact-match rate and mean absolute error of killed and injured per article."""
    gold = {}
    for d in _gold_lines(gold_path):
        if not _keep(_id(d), only):
            continue
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


def score_ledger(gold_path: Path, out: Path, only: set[str] | None = None) -> dict:
    """Alerts by kind, and how often a story's final killed / injured equal the gold incident's
    (the gold incident of a story: the one most of its articles belong to; with ``only``, most of
    its articles among those, and stories with none of them left out)."""
    gold_doc = {}
    gold_story = {}
    for d in _gold_lines(gold_path):
        gold_doc[_id(d)] = str(d["story_id"])
        g = d.get("gold") or {}
        gold_story[str(d["story_id"])] = (g.get("num_killed"), g.get("num_injured"))
    kinds = Counter(json.loads(line)["kind"] for line in (out / "alerts.jsonl").open())
    n = k_ok = i_ok = both = 0
    err_k = err_i = 0
    for line in (out / "stories.jsonl").open():
        s = json.loads(line)
        votes = Counter(gold_doc[a] for a in s["articles"] if a in gold_doc and _keep(a, only))
        if not votes:
            continue
        gk, gi = gold_story[votes.most_common(1)[0][0]]
        n += 1
        ok_k, ok_i = (s["killed"] or 0) == gk, (s["injured"] or 0) == gi
        err_k += abs((s["killed"] or 0) - (gk or 0))
        err_i += abs((s["injured"] or 0) - (gi or 0))
        k_ok += ok_k
        i_ok += ok_i
        both += ok_k and ok_i
    return {"alerts": sum(kinds.values()), "alerts_by_kind": dict(kinds.most_common()), "stories": n,
            "killed_equal": k_ok / n if n else 0.0, "injured_equal": i_ok / n if n else 0.0,
            "both_equal": both / n if n else 0.0, "killed_mae": err_k / n if n else 0.0,
            "injured_mae": err_i / n if n else 0.0}


_STOPWORDS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "by", "at", "s", "its", "his", "her", "their",
              "said", "says", "group", "groups", "members", "member", "people", "according"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that"}
MUC_KIND = {"CLAIMED OR ADMITTED": "claimed", "SUSPECTED OR ACCUSED": "accused",
            "SUSPECTED OR ACCUSED BY AUTHORITIES": "accused", "REPORTED AS FACT": "carried_out",
            "POSSIBLE": "suspected"}


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOPWORDS and len(w) > 1}


def _overlap(a: list[int] | tuple[int, int] | None, b: list[int] | tuple[int, int] | None) -> bool:
    return bool(a and b) and a[0] < b[1] and b[0] < a[1]


def score_polnear(pairs_path: Path, figures: Path, only: set[str] | None = None) -> dict[str, float]:
    """Numbers inside attributed content: extracted as figures (span overlap), and of those,
    attributed to the gold source (span overlap or a shared content word; pronouns not judged)."""
    pred = {str(d["id"]): d for d in map(json.loads, figures.open())}
    total = found = judged = right = 0
    for p in map(json.loads, pairs_path.open()):
        if p.get("figure_kind") != "figure" or not _keep(str(p["doc_id"]), only):
            continue
        total += 1
        figs = pred.get(str(p["doc_id"]), {}).get("figures", [])
        hit = [f for f in figs if _overlap(f["span"], p["figure_span"])]
        if not hit:
            continue
        found += 1
        if (p.get("source") or "").strip().lower() in _PRONOUNS:
            continue
        judged += 1
        src = hit[0].get("attributed_to")
        if src and (_overlap(src.get("span"), p.get("source_span")) or _words(src["text"]) & _words(p["source"])):
            right += 1
    return {"figures": total, "extracted": found / total if total else 0.0,
            "judged": judged, "attributed_right": right / judged if judged else 0.0}


def score_muc(gold_path: Path, figures: Path, only: set[str] | None = None) -> dict[str, float]:
    """Responsibility: (actor, kind) against the answer keys' perpetrators and confidence."""
    pred = {str(d["id"]): d for d in map(json.loads, figures.open())}
    gold_n = pred_n = tp_gold = tp_pred = found_gold = 0
    for d in map(json.loads, gold_path.open()):
        entries = []
        for t in d.get("templates") or []:
            for resp in t.get("responsibility") or []:
                for conf in resp.get("confidence") or []:
                    if conf in MUC_KIND:
                        entries.append((set().union(*(_words(a) for a in resp["actor"])), MUC_KIND[conf]))
        if not d.get("templates") or not _keep(str(d["doc_id"]), only):
            continue
        atts = [a for a in pred.get(str(d["doc_id"]), {}).get("attributions", [])
                if a["kind"] != "means" and a.get("actor") and not a.get("negated")]
        gold_n += len(entries)
        pred_n += len(atts)
        for words, kind in entries:
            matches = [a for a in atts if _words(a["actor"]) & words]
            found_gold += bool(matches)
            tp_gold += any(a["kind"] == kind for a in matches)
        for a in atts:
            tp_pred += any(_words(a["actor"]) & w and a["kind"] == k for w, k in entries)
    p = tp_pred / pred_n if pred_n else 0.0
    r = tp_gold / gold_n if gold_n else 0.0
    return {"gold_entries": gold_n, "predicted": pred_n, "actor_found": found_gold / gold_n if gold_n else 0.0,
            "precision": p, "recall": r, "f1": prf(p, r)}


def parts(gold_path: Path, check_ids: Path) -> dict[str, set[str]]:
    """The tune and check parts of a dev file: the check part's ids are listed in ``check_ids``
    (``../shared/data/splits/``), every other id is the tune part's."""
    check = {line.strip() for line in check_ids.open() if line.strip()}
    ids = {str(d.get("doc_id") or d.get("article_id") or d.get("id")) for d in _gold_lines(gold_path)}
    return {"tune": ids - check, "check": ids & check}


_CLOCK = r"\d{1,2}:\d\d|\d{4}\s+(?:GMT|UTC)"


def _truth(d: dict) -> tuple[int, int] | None:
    """The largest killed and injured the gold of a document allows: an incident's record (LTQA),
    the crowd's victim lists (GVDB), or the answer keys' casualty counts (MUC-4)."""
    if d.get("gold"):
        return d["gold"].get("num_killed") or 0, d["gold"].get("num_injured") or 0
    if "injured_not_killed" in d:
        return d.get("killed") or 0, d.get("injured_not_killed") or 0
    if d.get("templates"):
        n = [int(x) for t in d["templates"] for c in t.get("casualty_counts") or []
             for x in re.findall(r"\d+", str(c.get("number") or ""))]
        return max(n, default=0), max(n, default=0)
    return None


def implausible(out: Path, inputs: Path) -> list[dict]:
    """Story figures no reader would believe: killed or injured that is a year (1900-2099), a
    number read from a clock time, or more than 100 when the gold of every article of the story
    allows fewer (files without gold: an article said it of the story's incident)."""
    docs = {_id(d): d for d in _gold_lines(inputs)}
    bad = []
    for line in (out / "stories.jsonl").open():
        s = json.loads(line)
        truths = [t for t in (_truth(docs[x]) for x in s["articles"] if x in docs) if t is not None]
        for i, metric in enumerate(("killed", "injured")):
            v = s.get(metric)
            fact = next((f for f in s["figures"] if f["key"] == f"main/{metric}"), None)
            if v is None or fact is None or fact["current"] is None:
                continue
            cur = fact["current"]
            a, b = cur["span"]
            text = docs.get(cur["article"], {}).get("text", "")
            around = text[max(0, a - 8):b + 8]
            why = None
            if 1900 <= v <= 2099 and re.search(rf"(?<![\d,]){v}(?![\d,])", text[a:b]):
                why = "a year"
            elif any(str(v) in re.findall(r"\d+", m.group()) for m in re.finditer(_CLOCK, text[max(0, a - 3):b + 3])):
                why = "a clock time"
            elif v > 100 and truths and max(t[i] for t in truths) < v:
                why = "over 100, and no article's gold has it"
            if why:
                bad.append({"story": s["id"], "metric": metric, "value": v, "why": why,
                            "article": cur["article"], "text": " ".join(around.split())})
    return bad
