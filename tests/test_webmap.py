"""The map (``geo.webmap``) in a real browser: Chromium driven by Playwright.

Every request the page makes is answered here: CDN files from the npm packages of
``tests/webassets`` (installed once per session with ``npm ci``), map tiles with a
blank image. Any other request, any console error, any page error and any dialog fails
the test. Missing Chromium or npm packages fail the tests too; they are never skipped.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import folium
import pytest
from folium.plugins import Fullscreen, MarkerCluster
from playwright.sync_api import Browser, Locator, Page, Route, expect, sync_playwright

from geo.build import BuildResult, run
from geo.corpus import read_documents
from geo.errors import GeoError
from geo.model import Event
from geo.webmap import build_map, write_map
from geo.webmap.assets import cdn_package, offline_path
from geo.webmap.payload import documents
from geo.webmap.style import APPROXIMATE, EVENT_STYLES

from .conftest import ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
WEBASSETS = Path(__file__).resolve().parent / "webassets"
NODE_MODULES = WEBASSETS / "node_modules"
TILE_HOSTS = ("tile.openstreetmap.org", "basemaps.cartocdn.com", "server.arcgisonline.com")
#: A 1x1 PNG in a light land colour; Leaflet stretches it over the tile.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mN49+YZAAWMAsFEAiDbAAAAAElFTkSuQmCC")
VIEWPORT = {"width": 1280, "height": 800}
# with the marker the page is written around (geo.webmap.element.write_page)
HOSTILE = ("<img src=x onerror=alert(1)> <script>alert(2)</script> {{ 7*7 }} "
           "<!--geo-json-block 0-->")


# ---------------------------------------------------------------- set-up -----------

def _assets_installed() -> bool:
    wanted = json.loads((WEBASSETS / "package.json").read_text(encoding="utf-8"))
    for name, version in wanted["dependencies"].items():
        manifest = NODE_MODULES / name / "package.json"
        if not manifest.is_file() or json.loads(
                manifest.read_text(encoding="utf-8")).get("version") != version:
            return False
    return True


@pytest.fixture(scope="session")
def webassets() -> Path:
    """The npm packages the page references, installed from the registry when missing."""
    if not _assets_installed():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is not installed: the map's front-end files come from the npm "
                        "registry (run scripts/install-system-deps.sh)")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=WEBASSETS, capture_output=True, text=True, timeout=900)
        if done.returncode or not _assets_installed():
            pytest.fail(f"npm ci in {WEBASSETS} failed:\n{done.stdout}\n{done.stderr}")
    return NODE_MODULES


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (run "
                    "scripts/install-system-deps.sh)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def seed_build(gazetteer) -> BuildResult:
    return run([SEEDS], gazetteer)


@pytest.fixture(scope="session")
def seed_map(seed_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seedmap") / "map.html"
    write_map(seed_build, path)
    return path


class MapPage:
    """A page showing a map, with what the tests ask of it."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def wait_idle(self) -> None:
        """Until the markers are drawn and no cluster animation is running."""
        self.page.wait_for_function("window.__geoMapReady === true && !geoMap.map."
                                    "_animatingZoom && !geoMap.cluster._inZoomAnimation")

    def show_everything(self) -> None:
        self.js("geoMap.map.fitBounds(geoMap.cluster.getBounds().extend("
                "geoMap.places.getBounds()), {animate: false})")
        self.wait_idle()

    def drawn(self) -> Counter[str]:
        """Events per type the map draws now: alone, or counted in a cluster's ring."""
        return Counter(self.js("""() => {
            const types = [];
            geoMap.cluster._featureGroup.eachLayer((layer) => {
                const markers = layer.geoEvent ? [layer] : layer.getAllChildMarkers();
                for (const m of markers) types.push(m.geoEvent.type);
            });
            return types;
        }"""))

    def cluster_labels_total(self) -> int:
        """What the numbers on the cluster icons add up to, plus the lone markers."""
        return self.js("""() => {
            let total = 0;
            for (const label of document.querySelectorAll(".geo-cluster-icon span")) {
                total += Number(label.textContent.replace(/,/g, ""));
            }
            geoMap.cluster._featureGroup.eachLayer((l) => { if (l.geoEvent) total += 1; });
            return total;
        }""")

    def popup_text(self) -> str:
        popup = self.page.locator(".leaflet-popup-content").last  # others may fade out
        popup.wait_for()
        return popup.inner_text()

    def wait_faded_in(self) -> None:
        """Until tiles and popups have faded in (for screenshots)."""
        self.page.wait_for_function("""() => [...document.querySelectorAll(
            '.leaflet-tile, .leaflet-popup')].every((e) => getComputedStyle(e).opacity === '1'
            && (!e.classList.contains('leaflet-tile') || e.classList.contains(
                'leaflet-tile-loaded')))""")

    def list_item(self, event_id: str) -> Locator:
        return self.page.locator(f'.geo-item[data-event-id="{event_id}"]')

    def folder(self) -> Path:
        """Where the page's file lies."""
        return Path(urlsplit(self.page.url).path).parent

    def list_ids(self) -> list[str]:
        return self.js("[...document.querySelectorAll('.geo-item')]"
                       ".map((li) => li.dataset.eventId)")


@contextmanager
def open_map(browser: Browser, html: Path, webassets: Path, *,
             serve_cdn: bool = True) -> Iterator[MapPage]:
    """Open ``html`` with every request answered here; fail on anything unexpected."""
    problems: list[str] = []

    def answer(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        elif serve_cdn and cdn_package(url) and (webassets / offline_path(url)).is_file():
            route.fulfill(path=webassets / offline_path(url))
        elif urlsplit(url).hostname and urlsplit(url).hostname.endswith(TILE_HOSTS):
            route.fulfill(body=BLANK_TILE, content_type="image/png")
        else:
            problems.append(f"request not served: {url}")
            route.abort()

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    context.route("**/*", answer)
    try:
        page.goto(html.as_uri())
        view = MapPage(page)
        view.wait_idle()
        yield view
        assert not problems, problems
    finally:
        context.close()


@pytest.fixture
def seed_page(browser, seed_map, webassets) -> Iterator[MapPage]:
    with open_map(browser, seed_map, webassets) as view:
        yield view


# ---------------------------------------------------------------- expectations -----

def expected_markers(events: list[Event], start: str | None = None,
                     end: str | None = None) -> Counter[str]:
    """Markers per type: one per place (a MultiPoint event has several)."""
    return Counter({t: n for t, n in Counter(
        e.event_type if e.event_type in EVENT_STYLES else "other"
        for e in in_period(events, start, end) for _ in e.places).items()})


def in_period(events: list[Event], start: str | None, end: str | None) -> list[Event]:
    if start is None:
        return list(events)
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [e for e in events if e.date_start and e.date_start <= last
            and (e.date_end or e.date_start) >= first]


def kalbajar_incident(events: list[Event]) -> Event:
    return next(e for e in events if e.event_type == "mine_incident"
                and e.date_start == date(2021, 6, 4) and "Kalbajar" in e.place_names)


# ---------------------------------------------------------------- the seed map -----

def test_every_event_with_a_place_is_drawn_in_its_layer(seed_page, seed_build):
    seed_page.show_everything()
    expected = expected_markers(seed_build.events)
    assert seed_page.drawn() == expected
    assert seed_page.cluster_labels_total() == sum(expected.values())
    assert sum(expected.values()) > len([e for e in seed_build.events if e.places]), \
        "the seeds hold a MultiPoint event: one marker per district"


def test_switching_a_layer_off_in_the_layer_control_hides_its_markers(seed_page, seed_build):
    seed_page.show_everything()
    expected = expected_markers(seed_build.events)
    page = seed_page.page
    page.hover(".leaflet-control-layers")
    toggle = page.locator(".leaflet-control-layers-overlays label",
                          has_text="Mine incidents").locator("input")
    toggle.click()
    seed_page.wait_idle()
    assert seed_page.drawn() == Counter({t: n for t, n in expected.items()
                                         if t != "mine_incident"})
    incident = kalbajar_incident(seed_build.events)
    assert incident.event_id not in seed_page.list_ids()
    toggle.click()
    seed_page.wait_idle()
    assert seed_page.drawn() == expected
    assert incident.event_id in seed_page.list_ids()


def test_kalbajar_incident_popup_shows_the_dead_and_the_quote(seed_page, seed_build):
    incident = kalbajar_incident(seed_build.events)
    seed_page.list_item(incident.event_id).click()
    text = seed_page.popup_text()
    assert "3 killed" in text
    assert incident.quote in text
    assert APPROXIMATE[incident.geo_precision] in text  # Kalbajar district, at its seat
    assert "According to" in text and (incident.attributed_to or "the article") in text
    link = seed_page.page.locator(".leaflet-popup-content .geo-sources a").last
    assert link.inner_text() == incident.sources[0]
    target = (seed_page.folder() / link.get_attribute("href")).resolve()
    assert target == (SEEDS / f"{incident.sources[0]}.txt").resolve()


def test_a_json_lines_record_links_to_its_file(tmp_path):
    news = tmp_path / "feeds" / "news.jsonl"
    news.parent.mkdir()
    news.write_text(json.dumps({"id": "a1", "text": "A mine exploded in Aghdam."}) + "\n"
                    + json.dumps({"id": "a2", "text": "Text.", "url": "https://x.az/2"})
                    + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    hrefs = documents(read_documents([news]), out)
    assert hrefs["a1"]["href"] == "../feeds/news.jsonl"  # the file, not "news.jsonl:1"
    assert (out / hrefs["a1"]["href"]).resolve() == news.resolve()
    assert hrefs["a2"]["href"] == "https://x.az/2"


def test_the_time_control_hides_events_outside_the_period(seed_page, seed_build):
    seed_page.show_everything()
    page = seed_page.page
    page.fill("input.geo-from", "2021-06-01")
    page.fill("input.geo-to", "2021-06-30")
    seed_page.wait_idle()
    seed_page.show_everything()
    june = in_period(seed_build.events, "2021-06-01", "2021-06-30")
    assert 0 < len(june) < len(seed_build.events)
    assert seed_page.drawn() == expected_markers(seed_build.events, "2021-06-01", "2021-06-30")
    assert sorted(seed_page.list_ids()) == sorted(e.event_id for e in june)
    page.click("button.geo-reset")
    seed_page.wait_idle()
    seed_page.show_everything()
    assert seed_page.drawn() == expected_markers(seed_build.events)
    assert len(seed_page.list_ids()) == len(seed_build.events)


def test_clicking_an_event_in_the_list_opens_its_popup(seed_page, seed_build):
    placed = [e for e in seed_build.events if e.places]
    assert len(placed) >= 9
    for event in placed:
        seed_page.list_item(event.event_id).click()
        seed_page.page.wait_for_function(
            "(summary) => document.querySelector('.leaflet-popup .geo-details-summary')"
            "?.textContent === summary", arg=event.summary)
    unplaced = next(e for e in seed_build.events if not e.places)
    item = seed_page.list_item(unplaced.event_id)
    item.click()
    assert unplaced.quote in item.locator(".geo-details").inner_text()


def test_a_click_on_a_marker_opens_its_popup_and_hovering_shows_tooltips(seed_page,
                                                                         seed_build):
    page = seed_page.page
    seed_page.show_everything()
    # The cluster first: a popup opened pans the map, and the cluster would move away
    # from under the mouse.
    cluster = page.locator(".geo-cluster").first.bounding_box()
    page.mouse.move(cluster["x"] + cluster["width"] / 2, cluster["y"] + cluster["height"] / 2)
    # the tooltips follow the mouse a moment later on a busy machine: waited for
    expect(page.locator(".leaflet-tooltip").last).to_contain_text(
        "click to zoom in or spread them out")
    # The event in Stockholm stands alone, far from the Caucasus.
    event = next(e for e in seed_build.events if [p.name for p in e.places] == ["Stockholm"])
    place = event.places[0]
    x, y = seed_page.js("""([lat, lon]) => {
        const p = geoMap.map.latLngToContainerPoint([lat, lon]);
        const box = geoMap.map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", [place.lat, place.lon])
    page.mouse.move(x, y)
    expect(page.locator(".leaflet-tooltip").last).to_contain_text("Stockholm")
    page.mouse.click(x, y)
    assert event.summary in seed_page.popup_text()


def test_the_map_opens_on_the_caucasus_and_shows_foreign_places_zoomed_out(seed_page):
    inside, stockholm = seed_page.js("""() => {
        const view = geoMap.map.getBounds();
        const caucasus = geoMap.events.flatMap((ev) => ev.markers)
            .filter((m) => m.getLatLng().lng > 38 && m.getLatLng().lng < 52);
        return [caucasus.every((m) => view.contains(m.getLatLng())),
                view.contains([59.32938, 18.06871])];
    }""")
    assert inside and not stockholm
    seed_page.js("geoMap.map.setZoom(2, {animate: false})")
    seed_page.wait_idle()
    foreign = seed_page.js("""() => geoMap.places.getLayers()
        .filter((m) => m._map && geoMap.map.getBounds().contains(m.getLatLng()))
        .map((m) => m.geoPlace.name)""")
    assert {"Stockholm", "Paris", "New York City"} <= set(foreign)


def test_the_place_search_finds_a_place(seed_page):
    search = seed_page.page.locator(".geo-search input")
    search.fill("stockholm")
    search.press("Enter")
    assert "Stockholm" in seed_page.popup_text()
    search.fill("Atlantis")
    search.press("Enter")
    assert "No referenced place matches" in seed_page.page.inner_text(".geo-search-note")


def test_the_panel_states_the_counts(seed_page, seed_build):
    text = seed_page.page.inner_text(".geo-panel")
    assert f"{len(seed_build.events)} (" in text
    assert f"{len(seed_build.documents)}\n" in text
    assert f"{seed_build.unresolved} unresolved" in text
    for style in EVENT_STYLES.values():
        assert style.plural in text
    attribution = seed_page.page.inner_text(".leaflet-control-attribution")
    assert "Places: GeoNames (CC BY 4.0)" in attribution
    assert "OpenStreetMap" in attribution


def test_offline_page_loads_with_every_cdn_blocked(browser, seed_build, webassets, tmp_path):
    path = tmp_path / "map.html"
    write_map(seed_build, path, offline_assets=webassets)
    with open_map(browser, path, webassets, serve_cdn=False) as view:
        assert view.js("document.querySelectorAll('script[src], link[href]').length") == 0
        view.show_everything()
        assert view.drawn() == expected_markers(seed_build.events)
        view.page.hover(".leaflet-control-layers")  # its icon comes from leaflet.css
        view.page.locator(".leaflet-control-layers-list").wait_for()


def test_an_offline_folder_without_the_packages_is_a_clear_error(seed_build, tmp_path):
    with pytest.raises(GeoError, match="offline assets: cannot read .*leaflet"):
        write_map(seed_build, tmp_path / "map.html", offline_assets=tmp_path / "empty")
    assert not (tmp_path / "map.html").exists()


# ---------------------------------------------------------------- hostile text -----

def test_hostile_article_text_stays_text(browser, gazetteer, webassets, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    name = "<img src=x onerror=alert(3)>"
    (corpus / f"{name}.txt").write_text(
        " date 2021-06-15 By Reporter\n\nOn June 12, 2021 two civilians were injured in a "
        f"mine explosion in Aghdam district {HOSTILE}.\n", encoding="utf-8")
    build = run([corpus], gazetteer)
    event = next(e for e in build.events if HOSTILE in e.quote)
    path = tmp_path / "out" / "map.html"
    write_map(build, path, title="Mines <script>alert(4)</script>")
    assert "{{ 7*7 }}" in path.read_text(encoding="utf-8")  # no template ran over the data
    with open_map(browser, path, webassets) as view:
        view.list_item(event.event_id).click()
        text = view.popup_text()
        assert HOSTILE in text
        assert view.page.locator(".leaflet-popup-content .geo-sources a").last \
            .inner_text() == name
        assert "Mines <script>alert(4)</script>" in view.page.inner_text(".geo-panel h1")
        assert view.page.title() == "Mines <script>alert(4)</script>"
        view.page.hover(f'.geo-item[data-event-id="{event.event_id}"]')
        assert view.js("document.querySelectorAll('img[src=x]').length") == 0
        assert view.js("[...document.scripts].filter((s) => s.type !== 'application/json'"
                       " && s.textContent.includes('alert(')).length") == 0


# ---------------------------------------------------------------- the page's files --

def test_written_page_is_the_page_folium_renders(seed_build, tmp_path):
    """write_map writes the data of the page piece by piece, never holding it whole:
    the file is still the page folium renders for the same map, byte for byte."""
    path = tmp_path / "map.html"
    write_map(seed_build, path)
    whole = build_map(seed_build, tmp_path).get_root().render()
    assert path.read_text(encoding="utf-8") == whole
    assert len(re.findall(r'<script type="application/json"', whole)) >= len(EVENT_STYLES)
    assert "<!--geo-json-block" not in whole



def test_every_cdn_file_has_its_offline_copy(seed_build, webassets, tmp_path):
    root = build_map(seed_build, tmp_path).get_root()
    root.render()
    links = re.findall(r'(?:src|href)="(https?://[^"]+)"', root.header.render())
    assert links and all(cdn_package(url) for url in links)
    for url in links:
        assert (webassets / offline_path(url)).is_file(), url


def test_folium_class_asset_lists_are_left_alone(seed_build, tmp_path, webassets):
    before = [list(cls.default_js) + list(cls.default_css)
              for cls in (folium.Map, MarkerCluster, Fullscreen)]
    write_map(seed_build, tmp_path / "a.html")
    write_map(seed_build, tmp_path / "b.html", offline_assets=webassets)
    after = [list(cls.default_js) + list(cls.default_css)
             for cls in (folium.Map, MarkerCluster, Fullscreen)]
    assert before == after
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "jquery" not in page and "bootstrap" not in page


def test_the_same_build_writes_the_same_page(seed_build, tmp_path, webassets):
    for offline in (None, webassets):
        write_map(seed_build, tmp_path / "a.html", offline_assets=offline)
        write_map(seed_build, tmp_path / "b.html", offline_assets=offline)
        assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


# ---------------------------------------------------------------- screenshots ------

def test_screenshots_of_the_seed_map(browser, seed_map, seed_build, webassets):
    """output/map.png (start view) and output/map-popup.png (a popup open), for people
    to look at: ``pytest tests/test_webmap.py -k screenshots``."""
    out = ROOT / "output"
    with open_map(browser, seed_map, webassets) as view:
        view.wait_faded_in()
        view.page.screenshot(path=out / "map.png")
        view.list_item(kalbajar_incident(seed_build.events).event_id).click()
        view.popup_text()
        view.wait_idle()
        view.wait_faded_in()
        view.page.screenshot(path=out / "map-popup.png")
    assert (out / "map.png").stat().st_size > 10_000


def test_a_users_table_is_its_own_layer_sized_by_a_column(browser, seed_build, webassets,
                                                          gazetteer, tmp_path):
    from geo.join import join_table
    from geo.webmap import TableData

    table = tmp_path / "monthly.csv"
    table.write_text("district,mines\nKəlbəcər,400\nAgdam,100\nNowhereistan,5\n",
                     encoding="utf-8")
    joined = join_table(table, "district", gazetteer=gazetteer)
    path = tmp_path / "map.html"
    write_map(seed_build, path, table=TableData("monthly.csv",
                                                joined.feature_collection()["features"],
                                                joined.size_column("mines")))
    with open_map(browser, path, webassets) as view:
        radii = view.js("""Object.values(geoMap.map._layers)
            .filter((l) => l instanceof L.CircleMarker && l.options.color === '#000000')
            .map((l) => l.getRadius()).sort((a, b) => a - b)""")
        assert len(radii) == 2  # the unknown place has no point
        assert radii[1] > radii[0]  # 400 mines draw larger than 100
        assert "Table: monthly.csv" in view.js(
            "document.querySelector('.leaflet-control-layers').textContent")
