"""Geoparsing throughput: recognition and resolution of place names, one process.

Prints documents/s and MB/s over a corpus of at least 10,000 documents made from the
real articles (see corpus.py). Run: ``python bench/bench_geoparse.py [--docs 10000]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
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
    started = time.perf_counter()
    mentions = sum(len(parse_places(doc, gazetteer)) for doc in docs)
    elapsed = time.perf_counter() - started
    print(f"documents:   {len(docs):,} ({size_mb:.1f} MB of text, {mentions:,} mentions)")
    print(f"throughput:  {len(docs) / elapsed:,.0f} documents/s, {size_mb / elapsed:.2f} MB/s "
          f"(recognition and resolution, one process; floor 2,000 documents/s)")


if __name__ == "__main__":
    main()
