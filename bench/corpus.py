"""A large corpus made from the real articles: the seeds and, when present, the
development articles, each copy with its own id, date and a sentence of its own so that
no two documents share content (nothing is cached by content)."""

from __future__ import annotations

import json
import os
import platform
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "eval-dev" / "articles"]


def interpreter() -> str:
    """The Python running the benchmark: its figures depend on how it was built (a
    distribution's build with profile-guided optimisation runs geo 15-20% faster than a
    plain build from source)."""
    return f"Python {platform.python_version()} ({os.path.realpath(sys.executable)})"


def source_texts() -> list[str]:
    from geo.corpus import read_documents

    return [d.text for d in read_documents([p for p in SOURCES if p.is_dir()])
            if d.status == "ok"]


def write_corpus(path: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` documents as JSON Lines to ``path``; returns its size in bytes."""
    texts = source_texts()
    rng = random.Random(seed)
    start = date(2021, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            published = start + timedelta(days=rng.randrange(1400))
            desk = rng.randrange(97)
            text = texts[i % len(texts)] + f"\n\nReport number {i} was filed by desk {desk}."
            record = {"id": f"doc-{i:07d}", "published": published.isoformat(), "text": text}
            handle.write(json.dumps(record) + "\n")
    return path.stat().st_size
