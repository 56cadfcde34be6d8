"""A table of the user's on the map (``geo build --table``): one circle per resolved row,
sized by a numeric column when one is chosen, its row shown in the popup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from folium.map import Layer
from folium.template import Template

from geo.webmap.element import GeoElement

#: Black, the one Okabe-Ito colour the event types and places leave free.
TABLE_COLOUR = "#000000"


@dataclass(frozen=True)
class TableData:
    """What the layer draws: the joined rows as GeoJSON features, and how to size them."""

    name: str
    features: list[dict[str, Any]]
    size_by: str | None = None


class TableLayer(GeoElement, Layer):
    local_js = ("table_layer.js",)

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geoMap.tableLayer(
                geoMap.read("{{ this.get_name() }}_data"));
        {% endmacro %}
    """)

    def __init__(self, table: TableData) -> None:
        # the name is shown as HTML by the layer control: escape the file name
        label = table.name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        swatch = f'<span class="geo-swatch" style="background:{TABLE_COLOUR}"></span>'
        super().__init__(name=f"{swatch}Table: {label}", overlay=True, control=True,
                         show=True)
        self._name = "TableLayer"
        self.table = table

    def data(self) -> dict[str, Any]:
        return {"name": self.table.name, "features": self.table.features,
                "size_by": self.table.size_by, "colour": TABLE_COLOUR}
