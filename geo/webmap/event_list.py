"""The events in date order in the side panel; clicking one opens its popup on the
map."""

from __future__ import annotations

from folium.template import Template

from geo.webmap.element import GeoElement


class EventList(GeoElement):
    local_js = ("event_list.js",)
    local_css = ("event_list.css",)
    _template = Template("""
        {% macro script(this, kwargs) %}
            geoMap.eventList();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "EventList"
