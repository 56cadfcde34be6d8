"""The one marker cluster all event layers draw into (Leaflet.markercluster, with the
assets folium's MarkerCluster plugin declares)."""

from __future__ import annotations

from folium.plugins import MarkerCluster
from folium.template import Template

from geo.webmap.element import GeoElement


class EventClusters(GeoElement, MarkerCluster):
    """Clusters canvas markers of every event type together, so events of different
    types at one place are spread out together instead of hiding one another. Not in
    the layer control: the :class:`~geo.webmap.event_layer.EventLayer` entries are."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geoMap.eventClusters({{ this.options|tojavascript }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        # chunkedLoading keeps a page with 100,000 events responsive while it clusters;
        # short pauses between chunks (default 50 ms) make it finish sooner.
        super().__init__(control=False, chunked_loading=True, chunk_delay=15,
                         show_coverage_on_hover=False, max_cluster_radius=45,
                         spiderfy_distance_multiplier=1.5)
        self._name = "EventClusters"
