"""Find a referenced place by name, in the side panel. folium.plugins.Search
(leaflet-search) is not used: it writes the names into the page with innerHTML, and
gazetteer names can come from outside (Nominatim, user CSVs); it also keeps one place
per name."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class PlaceSearch(GeoElement):
    """A search box over the :class:`~geo.webmap.place_layer.PlaceLayer`."""

    local_js = ("place_search.js",)
    local_css = ("place_search.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.placeSearch();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "PlaceSearch"
