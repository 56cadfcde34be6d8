"""The date range in the side panel: the map and the list keep the events whose date
or period overlaps it."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class TimeFilter(GeoElement):
    local_js = ("time_filter.js",)
    local_css = ("time_filter.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.timeFilter();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "TimeFilter"
