"""Find a referenced place by name, in the side panel. folium.plugins.Search
(leaflet-search) is not used: it writes the names into the page with innerHTML, and
gazetteer names can come from outside (Nominatim, user CSVs); it also keeps one place
per name."""

from __future__ import annotations

from geo.webmap.element import PanelSection


class PlaceSearch(PanelSection):
    """A search box over the :class:`~geo.webmap.place_layer.PlaceLayer`."""

    local_js = ("place_search.js",)
    local_css = ("place_search.css",)
    call = "geoMap.placeSearch"
