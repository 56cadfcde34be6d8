"""Geoparsing throughput: recognition and resolution of place names, one process.

Prints documents/s and MB/s (best and median of a few passes) over a corpus of at least
10,000 documents made from the real articles (see corpus.py).
Run: ``python bench/bench_geoparse.py [--docs 10000] [--passes 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import interpreter, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()

    from geo.corpus import read_documents
    from geo.gazetteer import load_gazetteer
    from geo.pipeline import parse_places

    gazetteer = load_gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.docs)
        docs = list(read_documents([corpus]))
    size_mb = sum(len(d.text.encode()) for d in docs) / 1e6
    parse_places(docs[0], gazetteer)  # word frequencies and rules loaded once, not timed
    # Several passes: the best is the machine's speed, the median how much it varies.
    seconds = []
    for _ in range(args.passes):
        started = time.perf_counter()
        mentions = sum(len(parse_places(doc, gazetteer)) for doc in docs)
        seconds.append(time.perf_counter() - started)
    best, median = min(seconds), statistics.median(seconds)
    print(f"python:      {interpreter()}")
    print(f"documents:   {len(docs):,} ({size_mb:.1f} MB of text, {mentions:,} mentions)")
    print(f"throughput:  {len(docs) / best:,.0f} documents/s, {size_mb / best:.2f} MB/s "
          f"(best of {args.passes} passes; median {len(docs) / median:,.0f} documents/s; "
          "recognition and resolution, one process; floor 2,000 documents/s)")


if __name__ == "__main__":
    main()
