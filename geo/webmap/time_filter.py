"""The date range in the side panel: the map and the list keep the events whose date
or period overlaps it."""

from __future__ import annotations

from geo.webmap.element import PanelSection


class TimeFilter(PanelSection):
    local_js = ("time_filter.js",)
    local_css = ("time_filter.css",)
    call = "geoMap.timeFilter"
