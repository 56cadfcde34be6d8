"""How the map draws things: one colour and one shape per event type, size scales,
basemaps and the wording of approximate places.

Colours are the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
stays distinguishable under the common colour-vision deficiencies; every type also has
its own shape, so colour is never the only cue. The JavaScript draws the shapes; this
module only names them, so the browser holds the one definition of their geometry.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class TypeStyle:
    label: str
    plural: str
    colour: str
    shape: str  # circle | square | diamond | triangle | triangle_down


@dataclass(frozen=True, slots=True)
class SizeScale:
    """Radius = ``largest`` * sqrt(value / ``full``), clamped to [RADIUS_MIN, ``largest``]."""

    field: str
    label: str
    full: float
    largest: float
    samples: tuple[int, ...]


#: In the order of the layer control, the legend and the counts.
EVENT_STYLES: dict[str, TypeStyle] = {
    "mine_incident": TypeStyle("Mine incident", "Mine incidents", "#D55E00", "circle"),
    "map_handover": TypeStyle("Minefield-map handover", "Minefield-map handovers", "#0072B2",
                              "square"),
    "clearance_report": TypeStyle("Clearance report", "Clearance reports", "#009E73",
                                  "diamond"),
    "casualty_total": TypeStyle("Casualty total", "Casualty totals", "#CC79A7", "triangle"),
    "other": TypeStyle("Other event", "Other events", "#999999", "triangle_down"),
}
PLACE_STYLE = TypeStyle("Referenced place", "Referenced places", "#444444", "circle")

#: Numbers carried by size; other types keep RADIUS.
SIZE_SCALES: dict[str, SizeScale] = {
    "mine_incident": SizeScale("casualties", "killed or injured", 20, 18, (1, 5, 20)),
    "map_handover": SizeScale("mines", "mines on the maps", 100_000, 20,
                              (1_000, 10_000, 100_000)),
}
RADIUS = 7
RADIUS_MIN = 5
PLACE_RADIUS = 3.5

#: geo_precision values whose point stands for a larger area, and what the popup says.
APPROXIMATE = {
    "district": "approximate: placed at the district's seat",
    "region": "approximate: placed at the region's seat",
    "country": "approximate: placed at the country's capital",
}
PRECISION_LABELS = {
    "point": "exact point",
    "locality": "town or village",
    "district": "district",
    "region": "region",
    "country": "country",
}
#: Where a referenced place's point comes from (Place.point_basis).
POINT_BASIS = {
    "geonames": "coordinates from GeoNames",
    "seat": "placed at its seat (administrative centre or capital)",
    "proxy": "approximate: placed at a village standing in for its seat",
    "district": "approximate: placed at its district's seat (the village itself is not "
                "in the gazetteer)",
    "nominatim": "coordinates from OpenStreetMap (Nominatim)",
    "given": "coordinates from the gazetteer file",
}


@dataclass(frozen=True, slots=True)
class Basemap:
    name: str
    url: str
    attribution: str
    max_zoom: int
    subdomains: str = "abc"


_OSM = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
#: The first one is shown on opening. Carto's light tiles are listed by URL rather than
#: through xyzservices, which warns that Carto may start asking for an API key.
BASEMAPS = (
    Basemap("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", _OSM, 19),
    Basemap("Light (CARTO Positron)",
            "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
            f'{_OSM} &copy; <a href="https://carto.com/attributions">CARTO</a>', 20, "abcd"),
    Basemap("Satellite (Esri World Imagery)",
            "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/"
            "tile/{z}/{y}/{x}",
            "Tiles &copy; Esri &mdash; Source: Esri, i-cubed, USDA, USGS, AEX, GeoEye, "
            "Getmapping, Aerogrid, IGN, IGP, UPR-EGP, and the GIS User Community", 19),
)
PLACES_ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> '
                      '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)')


def style_config() -> dict[str, object]:
    """Everything above the browser needs, as JSON-ready data."""
    return {
        "types": {name: asdict(s) for name, s in EVENT_STYLES.items()},
        "place": asdict(PLACE_STYLE),
        "sizes": {name: asdict(s) for name, s in SIZE_SCALES.items()},
        "radius": RADIUS, "radius_min": RADIUS_MIN, "place_radius": PLACE_RADIUS,
        "approximate": APPROXIMATE, "precision": PRECISION_LABELS,
        "point_basis": POINT_BASIS,
    }
