"""How fast the map opens with many events.

Synthesises 1,000 / 10,000 / 100,000 events of every type spread over the South
Caucasus, writes each map (front-end files inlined from tests/webassets, so no CDN is
asked), opens it in headless Chromium and prints: the page's size, the time to write it,
the time until the map is interactive (``window.__geoMapReady``: every marker clustered
and the side panel filled) and the time a change of the date range takes to redraw.
Floors: 10,000 events under 3 s, 100,000 under 15 s.

Run: ``python bench/bench_map.py [COUNT ...]`` (needs Chromium at /usr/bin/chromium and
``npm ci`` run in tests/webassets).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

from geo.build import BuildResult
from geo.model import Document, Event, Place, PlaceSummary
from geo.webmap import write_map
from geo.webmap.style import EVENT_STYLES

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "tests" / "webassets" / "node_modules"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
FLOORS = {10_000: 3.0, 100_000: 15.0}
# Records when the page first says it is ready, before any page script runs.
READY_CLOCK = """
Object.defineProperty(window, "__geoMapReady", {
  configurable: true,
  get() { return this.__ready; },
  set(value) {
    this.__ready = value;
    if (value && !this.__readyAt) this.__readyAt = performance.now();
  },
});
"""
FIRST_DAY = date(2020, 11, 10)
PRECISIONS = ("locality", "locality", "district", "region", "point")


def synthetic_places(rng: random.Random, count: int) -> list[Place]:
    kinds = ("village", "town", "district", "region")
    ids = [rng.randrange(10**9) for _ in range(count)]
    return [Place(f"bench:{i}", f"Place {i}", rng.choice(kinds), "AZ",
                  lat=rng.uniform(38.5, 41.8), lon=rng.uniform(44.0, 50.5),
                  district=f"District {i % 40}") for i in ids]


def synthetic_event(rng: random.Random, i: int, docs: int) -> Event:
    """Every event at a point of its own (the worst case for clustering), 5% at none,
    5% at two places; every type in turn."""
    kind = list(EVENT_STYLES)[i % len(EVENT_STYLES)]
    start = FIRST_DAY + timedelta(days=rng.randrange(1200))
    roll = rng.random()
    where = [] if roll < 0.05 else synthetic_places(rng, 2 if roll > 0.95 else 1)
    killed, injured = rng.randrange(4), rng.randrange(6)
    return Event(
        event_type=kind, date_start=start,
        date_end=start + timedelta(days=rng.choice((0, 0, 0, 30))), time_precision="day",
        quote=f"Synthetic sentence {i}: a report of a {kind.replace('_', ' ')} near "
              f"{where[0].name if where else 'an unnamed place'}, as the article says, with "
              "enough words to weigh what a real quoted sentence weighs on the page.",
        sources=[f"doc{rng.randrange(docs):06d}"], places=where,
        place_names=[p.name for p in where],
        geo_precision=rng.choice(PRECISIONS) if where else None,
        killed=killed if kind == "mine_incident" else None,
        injured=injured if kind == "mine_incident" else None,
        casualties=killed + injured if kind in ("mine_incident", "casualty_total") else None,
        mines=rng.randrange(100, 100_000) if kind == "map_handover" else None,
        summary=f"Synthetic {kind.replace('_', ' ')} {i}, {start.isoformat()}, as the "
                "article reports",
        attributed_to=rng.choice((None, "Ministry of Defence", "ANAMA")),
        confidence=round(rng.uniform(0.5, 0.95), 2), event_id=f"bench-{i}")


def synthetic_build(count: int) -> BuildResult:
    rng = random.Random(count)
    places = synthetic_places(rng, 400)
    docs = max(1, count // 10)
    events = [synthetic_event(rng, i, docs) for i in range(count)]
    documents = [Document(f"doc{d:06d}", f"/corpus/doc{d:06d}.txt",
                          published=FIRST_DAY + timedelta(days=d % 1200))
                 for d in range(docs)]
    summaries = [PlaceSummary(p, 3, ["doc000000"]) for p in places]
    return BuildResult(documents=documents, places=summaries, events=events,
                       mentions=count * 3, unresolved=count // 50)


def measure(browser: object, page_path: Path) -> tuple[float, float]:
    """Seconds until interactive, and seconds to redraw after a date-range change."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})

    def answer(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:  # map tiles; the page itself needs nothing else
            route.fulfill(status=204)

    context.route("**/*", answer)
    page = context.new_page()
    page.add_init_script(READY_CLOCK)
    page.goto(page_path.as_uri(), timeout=120_000)
    page.wait_for_function("window.__readyAt", timeout=120_000, polling=100)
    ready = page.evaluate("window.__readyAt") / 1000
    started = time.perf_counter()
    page.fill("input.geo-from", "2022-01-01")
    page.wait_for_function("window.__geoMapReady === true", timeout=120_000, polling=50)
    redraw = time.perf_counter() - started
    context.close()
    return ready, redraw


def main(counts: list[int]) -> None:
    if not (NODE_MODULES / "leaflet" / "package.json").is_file():
        sys.exit("run `npm ci` in tests/webassets first (make webassets)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for count in counts:
            build = synthetic_build(count)
            path = Path(tmp) / f"map-{count}.html"
            started = time.perf_counter()
            write_map(build, path, offline_assets=NODE_MODULES)
            written = time.perf_counter() - started
            ready, redraw = measure(browser, path)
            rows.append((count, path.stat().st_size, written, ready, redraw))
        browser.close()
    print(f"{'events':>8} {'HTML MB':>8} {'write s':>8} {'open s':>8} {'floor':>6} "
          f"{'filter s':>9}")
    for count, size, written, ready, redraw in rows:
        floor = FLOORS.get(count)
        verdict = "" if floor is None else ("ok" if ready < floor else "SLOW")
        print(f"{count:>8,} {size / 1e6:>8.1f} {written:>8.2f} {ready:>8.2f} "
              f"{verdict:>6} {redraw:>9.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
