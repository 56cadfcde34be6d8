"""How the time of one document grows with its length.

A long document (an annual report, a transcript, a collection pasted into one file)
should take time in proportion to its length. Each row is one document made of copies
of the real articles, as paragraphs or run together on one line, and gives its MB/s and
its time per MB relative to the shortest document of the kind: about 1 where time grows
with length, growing with the number of copies where it grows faster.

The per-sentence memo of dates is turned off, so that the sentences of later copies are
read as new, as they are in a real document.

Run: ``python bench/bench_long_documents.py [--copies 4 16 64 256]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import interpreter, source_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, nargs="+", default=[4, 16, 64, 256])
    args = parser.parse_args()

    import geo.dates
    from geo.gazetteer import load_gazetteer
    from geo.model import Document
    from geo.pipeline import process_document

    geo.dates._dates_in = geo.dates._dates_in.__wrapped__  # every sentence read anew
    gazetteer = load_gazetteer()
    texts = source_texts()
    process_document(Document("warm-up", "-", texts[0]), gazetteer)  # lazy loads
    print(interpreter())
    print(f"one document of N copies of the {len(texts)} articles")
    print(f"{'layout':>10} {'copies':>6} {'MB':>6} {'seconds':>8} {'MB/s':>6} "
          f"{'events':>7} {'time per MB, relative':>22}")
    for layout, joiner in (("paragraphs", "\n\n"), ("one line", " ")):
        first_per_mb = None
        for copies in args.copies:
            text = joiner.join(t.replace("\n", joiner) for t in texts * copies)
            mb = len(text.encode("utf-8")) / 1e6
            started = time.perf_counter()
            result = process_document(Document(f"long-{copies}", "-", text), gazetteer)
            seconds = time.perf_counter() - started
            first_per_mb = first_per_mb or seconds / mb
            print(f"{layout:>10} {copies:>6} {mb:>6.2f} {seconds:>8.2f} {mb / seconds:>6.2f} "
                  f"{len(result.events):>7,} {seconds / mb / first_per_mb:>22.2f}")


if __name__ == "__main__":
    main()
