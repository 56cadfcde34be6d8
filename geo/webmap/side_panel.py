"""The panel beside the map: the title and the page's counts. The sections (dates,
legend, event list) go into it, so add it after the layers and before them."""

from __future__ import annotations

from geo.webmap.element import PanelSection


class SidePanel(PanelSection):
    local_js = ("side_panel.js",)
    local_css = ("side_panel.css",)
    call = "geoMap.sidePanel"
