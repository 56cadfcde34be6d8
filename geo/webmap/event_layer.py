"""One entry of the layer control per event type, drawn from one GeoJSON
FeatureCollection as canvas markers in :class:`~geo.webmap.clusters.EventClusters`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from folium.map import Layer
from folium.template import Template

from geo.export import feature_collection_json
from geo.model import Event
from geo.webmap.element import GeoElement
from geo.webmap.payload import event_feature
from geo.webmap.style import EVENT_STYLES


class EventLayer(GeoElement, Layer):
    """The ``events`` of ``event_type``, as a FeatureCollection (features with null
    geometry are listed in the panel, not drawn). Add EventClusters first."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geoMap.eventLayer({{ this.event_type|tojson }},
                geoMap.read("{{ this.get_name() }}_data"));
        {% endmacro %}
    """)

    def __init__(self, event_type: str, events: Sequence[Event]) -> None:
        # The name is HTML of our own: the layer control shows it with the type's swatch.
        name = (f'<span class="geo-swatch geo-swatch-{event_type}"></span>'
                f"{EVENT_STYLES[event_type].plural}")
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "EventLayer"
        self.event_type = event_type
        self.events = events

    def has_data(self) -> bool:
        return True

    def json_pieces(self) -> Iterator[str]:
        # feature by feature, as the page is written: a hundred thousand events make
        # 60 MB of JSON, never held whole
        return feature_collection_json(map(event_feature, self.events))
