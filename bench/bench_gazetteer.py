"""Gazetteer start-up and look-up speed.

Prints the cold start (building from GeoNames and the curated files), the warm start
(loading the on-disk cache, in a fresh process as a user's second run would) and
look-ups per second. Run: ``python bench/bench_gazetteer.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

WARM = "import time; t = time.perf_counter(); from geo.gazetteer import load_gazetteer; " \
       "g = load_gazetteer(); print(time.perf_counter() - t, len(g))"


def main() -> None:
    from geo.gazetteer import load_gazetteer

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        os.environ["XDG_CACHE_HOME"] = cache
        started = time.perf_counter()
        gazetteer = load_gazetteer()
        cold = time.perf_counter() - started
        warm_runs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", WARM], env=env, check=True,
                                 capture_output=True, text=True).stdout.split()
            warm_runs.append(float(out[0]))
    names = ["Kelbajar", "Paris", "Fuzuli", "Stockholm", "Shushi", "Unknownplace", "Baku",
             "Nagorno-Karabakh", "Ağdam", "New York"] * 5000
    started = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    lookups = len(names) / (time.perf_counter() - started)
    print(f"places:            {len(gazetteer):,}")
    print(f"cold start:        {cold:.2f} s (build from GeoNames + curated files)")
    print(f"warm start:        {min(warm_runs):.3f} s best of 3, in a new process "
          f"(all: {', '.join(f'{w:.3f}' for w in warm_runs)}); floor 0.5 s")
    print(f"lookups/s:         {lookups:,.0f}")


if __name__ == "__main__":
    main()
