"""The element every other one builds on: the shared script, the style, the documents
and the page's counts. Add it to the map before any other of this package's elements."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class MapCore(GeoElement):
    """Starts ``window.geoMap`` on its parent map with ``config`` (JSON-ready)."""

    local_js = ("geomap.js",)
    local_css = ("geomap.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.init({{ this._parent.get_name() }}, geoMap.read("{{ this.get_name() }}_data"));
        {% endmacro %}
    """)

    def __init__(self, config: dict[str, object]) -> None:
        super().__init__()
        self._name = "MapCore"
        self.config = config

    def data(self) -> dict[str, object]:
        return self.config
