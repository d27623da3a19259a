"""The bundled sample: the five seed articles, as the demo serves them and replay reads them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class SampleArticle:
    id: str
    outlet: str
    published: str
    title: str
    text: str  # the whole scraped page text, title line included


def load_sample() -> list[SampleArticle]:
    """The seeds in publication order."""
    base = resources.files("monitor.devtools") / "seeds"
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for a in manifest["articles"]:
        text = (base / a["file"]).read_text(encoding="utf-8")
        out.append(SampleArticle(a["id"], a["outlet"], a["published"], text.split("\n", 1)[0].strip(), text))
    return sorted(out, key=lambda a: a.published)


def write_jsonl(path: Path) -> int:
    """Write the sample as ``newsmon replay`` input; return the number of lines."""
    arts = load_sample()
    with path.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a.id, "published": a.published, "title": a.title, "text": a.text,
                                "source": a.outlet}) + "\n")
    return len(arts)
