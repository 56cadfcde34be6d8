"""The events in date order in the side panel; clicking one opens its popup on the
map."""

from __future__ import annotations

from geo.webmap.element import PanelSection


class EventList(PanelSection):
    local_js = ("event_list.js",)
    local_css = ("event_list.css",)
    call = "geoMap.eventList"
