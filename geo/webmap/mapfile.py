"""Assemble the map of a build and write it as one HTML file."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import folium
from folium.plugins import Fullscreen

from geo.atomic import atomic_open
from geo.export import event_geometry
from geo.webmap.assets import LEAFLET_CSS, LEAFLET_JS, inline_assets
from geo.webmap.clusters import EventClusters
from geo.webmap.core import MapCore
from geo.webmap.element import number_elements, write_page
from geo.webmap.event_layer import EventLayer
from geo.webmap.event_list import EventList
from geo.webmap.legend import Legend
from geo.webmap.payload import (
    documents,
    events_by_type,
    place_features,
    start_bounds,
    summary,
)
from geo.webmap.place_layer import PlaceLayer
from geo.webmap.place_search import PlaceSearch
from geo.webmap.side_panel import SidePanel
from geo.webmap.style import BASEMAPS, PLACES_ATTRIBUTION, style_config
from geo.webmap.table_layer import TableData, TableLayer
from geo.webmap.time_filter import TimeFilter

if TYPE_CHECKING:
    from geo.build import BuildResult

TITLE = "Landmine events in the South Caucasus (from news reports)"
#: Where the map opens when there is nothing to frame: the South Caucasus.
DEFAULT_VIEW = ((40.2, 46.5), 7)


def _base_map(title: str) -> folium.Map:
    m = folium.Map(location=DEFAULT_VIEW[0], zoom_start=DEFAULT_VIEW[1], tiles=None,
                   prefer_canvas=True, control_scale=True)
    # This page's own lists: folium's defaults add jQuery, Bootstrap and icon fonts the
    # map does not use, and the class-level lists are shared by every map.
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    m.get_root().title = html.escape(title)
    for i, basemap in enumerate(BASEMAPS):
        folium.TileLayer(basemap.url, name=basemap.name, attr=basemap.attribution,
                         max_zoom=basemap.max_zoom, subdomains=basemap.subdomains,
                         show=i == 0).add_to(m)
    return m


def build_map(build: BuildResult, map_dir: Path, title: str = TITLE,
              table: TableData | None = None) -> folium.Map:
    """The folium map of ``build``; document links are made relative to ``map_dir``, the
    folder the page will be opened from. ``table``: a user's table as its own layer."""
    places = place_features(build.places)
    m = _base_map(title)
    MapCore({
        "title": title,
        "style": style_config(),
        "documents": documents(build.documents, map_dir),
        "summary": summary(build),
        "attribution": PLACES_ATTRIBUTION,
        "bounds": start_bounds(map(event_geometry, build.events),
                               (f["geometry"] for f in places)),
    }).add_to(m)
    EventClusters().add_to(m)
    for event_type, events in events_by_type(build.events).items():
        EventLayer(event_type, events).add_to(m)
    PlaceLayer(places).add_to(m)
    if table is not None:
        TableLayer(table).add_to(m)
    for section in (SidePanel(), PlaceSearch(), TimeFilter(), Legend(), EventList()):
        section.add_to(m)
    Fullscreen(position="topleft").add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    number_elements(m.get_root())
    return m


def write_map(build: BuildResult, path: Path, offline_assets: Path | None = None,
              title: str = TITLE, *, link_base: Path | None = None,
              table: TableData | None = None) -> None:
    """Write the interactive map of ``build`` to ``path`` (atomically).

    Parameters
    ----------
    build
        The result of :func:`geo.build.run`.
    path
        The HTML file to write.
    offline_assets
        An npm ``node_modules`` folder holding the page's front-end packages (see
        :mod:`geo.webmap.assets`); every script and stylesheet is then put in the page,
        which needs no network but for map tiles. Without it the page loads them from
        the CDNs folium uses.
    title
        The page's title, also shown at the top of the side panel.
    link_base
        The folder the page will be opened from, when it is written elsewhere first (a
        staging folder); links to the documents are relative to it. Default: ``path``'s
        folder.
    table
        A table of the user's (``geo build --table``), drawn as its own layer.
    """
    path = Path(path)
    m = build_map(build, Path(link_base) if link_base else path.parent, title, table)
    if offline_assets is not None:
        inline_assets(m.get_root(), Path(offline_assets))
    with atomic_open(path, "w", encoding="utf-8") as handle:
        write_page(m.get_root(), handle)
