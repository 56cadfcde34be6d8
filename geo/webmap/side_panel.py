"""The panel beside the map: the title and the page's counts. The sections (dates,
legend, event list) go into it, so add it after the layers and before them."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class SidePanel(GeoElement):
    local_js = ("side_panel.js",)
    local_css = ("side_panel.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.sidePanel();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "SidePanel"
