"""The referenced places (``build.places``): small dots under the events, switchable in
the layer control, searchable with :class:`~geo.webmap.place_search.PlaceSearch`."""

from __future__ import annotations

from typing import Any

from folium.map import Layer
from folium.template import Template

from geo.webmap.element import GeoElement
from geo.webmap.style import PLACE_STYLE


class PlaceLayer(GeoElement, Layer):
    """``features``: GeoJSON Points with :func:`geo.export.place_properties` and a
    ``label`` unique on the page."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geoMap.placeLayer(
                geoMap.read("{{ this.get_name() }}_data"));
        {% endmacro %}
    """)

    def __init__(self, features: list[dict[str, Any]]) -> None:
        name = f'<span class="geo-swatch geo-swatch-place"></span>{PLACE_STYLE.plural}'
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PlaceLayer"
        self.features = features

    def data(self) -> list[dict[str, Any]]:
        return self.features
