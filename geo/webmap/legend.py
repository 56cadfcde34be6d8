"""The legend in the side panel: colour and shape per type with counts, what size
means, exact against approximate places, clusters."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class Legend(GeoElement):
    local_js = ("legend.js",)
    local_css = ("legend.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.legend();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
