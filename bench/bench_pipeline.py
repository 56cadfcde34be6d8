"""Throughput, memory and incremental re-runs of the whole pipeline.

Prints: documents/s and MB/s end to end (reading to events, before export) with 1 and
2 processes, the peak memory of each run, the time of each stage, and the time of a
re-run after adding 10 documents to a cached build. Each configuration runs in a fresh
process so that its peak memory is its own.

The corpus repeats the sentences of a few articles, which a real collection does not;
the row "1 new" is one process with the per-sentence memo of dates emptied before each
document, as if no sentence had been seen before.

Peak memory is that of all the run's processes together (the main one, the workers, and
the copy that writes the event files), sampled every half second.

The machine's speed varies from minute to minute (by a tenth or more on a shared one),
so each throughput row is run ``--passes`` times, the rows taking turns so that a slow
spell does not fall on one row alone. The best pass is the code's speed on this machine
(other work can only slow a run down, as ``timeit`` reasons); the median and the slowest
pass show how much the machine varied. Stage times and peak memory are the best pass's.

Run: ``python bench/bench_pipeline.py [--docs 100000] [--passes 3]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import interpreter, write_corpus  # noqa: E402


def measure(corpus: Path, jobs: int, out: Path | None, cache: Path | None) -> dict:
    """One run in this process; the figures as a dict."""
    from geo.build import build_into, run
    from geo.cache import ResultCache, pipeline_version
    from geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    result_cache = ResultCache(cache, pipeline_version(["bench"]), gazetteer) if cache else None
    started = time.perf_counter()
    if out is None:
        build = run([corpus], gazetteer, jobs=jobs, keep_results=False, cache=result_cache)
    else:
        build = build_into(out, [corpus], gazetteer, jobs=jobs, cache=result_cache)
    elapsed = time.perf_counter() - started
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"documents": len(build.documents), "events": len(build.events),
            "seconds": elapsed, "peak_mb": peak_kb / 1024,
            "timings": dict(build.timings)}


def forget_sentences_between_documents() -> None:
    """Empty the per-sentence memo of dates before each document is processed."""
    import geo.execute
    from geo.dates import _dates_in

    process = geo.execute.process_document

    def with_nothing_seen(*args: Any) -> Any:
        _dates_in.cache_clear()
        return process(*args)

    geo.execute.process_document = with_nothing_seen


def in_fresh_process(*args: str) -> dict:
    """One run in a fresh process; its figures, with ``peak_mb`` the peak memory of the
    run's processes together (on Linux: their proportional set sizes, sampled, so that
    pages two processes share count once) where that can be measured."""
    with tempfile.TemporaryFile("w+") as out:
        child = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=out)
        together = 0
        while child.poll() is None:
            together = max(together, _memory_of_tree(child.pid))
            time.sleep(0.5)
        if child.returncode:
            raise SystemExit(f"the run {args} failed (exit status {child.returncode})")
        out.seek(0)
        figures = json.loads(out.read().strip().splitlines()[-1])
    if together:
        figures["peak_mb"] = together / 1024
    return figures


def _memory_of_tree(root: int) -> int:
    """KiB: the proportional set size of ``root`` and every process under it (0 where
    /proc does not say)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += parents.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in rollup.splitlines()
                     if line.startswith("Pss:"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        from geo.collector import relax_collector

        relax_collector()  # as `geo build` does
        corpus, jobs, out, cache = args.child
        if jobs.endswith(" new"):
            forget_sentences_between_documents()
        print(json.dumps(measure(Path(corpus), int(jobs.split()[0]),
                                 Path(out) if out != "-" else None,
                                 Path(cache) if cache != "-" else None)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = write_corpus(corpus, args.docs)
        mb = size / 1e6
        print(interpreter())
        print(f"corpus: {args.docs:,} documents, {mb:,.1f} MB (JSON Lines)")
        print(f"{'processes':>9} {'docs/s':>9} {'MB/s':>7} {'peak MB':>8}  "
              f"{'median':>7} {'slowest':>7}  stage seconds (summed over workers where "
              "parallel)")
        rows = ("1", "1 new", "2")
        passes = {jobs: [] for jobs in rows}
        for _ in range(args.passes):
            for jobs in rows:
                passes[jobs].append(in_fresh_process(str(corpus), jobs, "-", "-"))
        for jobs in rows:
            print(_throughput_row(jobs, passes[jobs], mb))
        out, cache = Path(tmp) / "out", Path(tmp) / "results.sqlite"
        full = in_fresh_process(str(corpus), "2", str(out), str(cache))
        print(f"full build with export and cache fill: {full['seconds']:.1f} s "
              f"({_steps(full)}; peak {full['peak_mb']:,.0f} MB)")
        with corpus.open("a", encoding="utf-8") as handle:
            for i in range(10):
                handle.write(json.dumps({"id": f"added-{i}", "published": "2024-04-12",
                                         "text": f"On April {i + 1}, a deminer was injured "
                                                 f"in a mine explosion in Lachin district."})
                             + "\n")
        again = in_fresh_process(str(corpus), "2", str(out), str(cache))
        print(f"re-run after adding 10 documents: {again['seconds']:.1f} s "
              f"({100 * again['seconds'] / full['seconds']:.1f}% of the full build; "
              f"{_steps(again)})")


def _throughput_row(jobs: str, runs: list[dict], mb: float) -> str:
    """One row of the throughput table: the best pass's figures, then the documents/s of
    the median and the slowest pass."""
    speeds = [r["documents"] / r["seconds"] for r in runs]
    best = runs[speeds.index(max(speeds))]
    t = best["timings"]
    stages = ", ".join(f"{k} {t[k]:.1f}" for k in ("read", "recognise", "resolve",
                                                    "extract", "merge") if k in t)
    return (f"{jobs:>9} {max(speeds):>9,.0f} {mb / best['seconds']:>7.2f} "
            f"{best['peak_mb']:>8,.0f}  {statistics.median(speeds):>7,.0f} "
            f"{min(speeds):>7,.0f}  {stages}")


def _steps(run: dict) -> str:
    """The seconds of a build's steps: documents (reading, processing or loading them from
    the cache, writing their rows), the merge, and writing everything else."""
    t = run["timings"]
    return ", ".join(f"{step} {t.get(step, 0):.1f} s" for step in ("documents", "merge", "export"))


if __name__ == "__main__":
    main()
