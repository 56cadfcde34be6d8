"""The legend in the side panel: colour and shape per type with counts, what size
means, exact against approximate places, clusters."""

from __future__ import annotations

from geo.webmap.element import PanelSection


class Legend(PanelSection):
    local_js = ("legend.js",)
    local_css = ("legend.css",)
    call = "geoMap.legend"
