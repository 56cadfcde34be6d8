"""The interactive map (``map.html``): Leaflet through folium, one layer per event type,
a side panel with dates, legend and event list. See :func:`write_map`."""

from geo.webmap.mapfile import build_map, write_map
from geo.webmap.table_layer import TableData

__all__ = ["TableData", "build_map", "write_map"]
