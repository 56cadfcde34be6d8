"""``mines.gpkg``: the events, places, mentions and documents as one GeoPackage, styled.

Layers (EPSG:4326, geometry column ``geom``, feature id ``fid``):

============  ==========  ====================================================
layer         geometry    rows
============  ==========  ====================================================
``events``    MultiPoint  one per merged event; a one-place event is a MultiPoint
                          of one point, so the layer has a single geometry type;
                          an event whose text names no place has null geometry
``places``    Point       one per referenced place
``mentions``  Point       one per place mention; null geometry when unresolved
``documents`` none        one per input file
============  ==========  ====================================================

Columns are those of the CSV/GeoJSON outputs (:mod:`geo.export`), with real types:
counts are Integer (null stays null, not 0), ``date_start``/``date_end``/``published``
are Date, measures are Real, flags are Boolean. The QGIS styles of
:mod:`geo.qgis_style` go into the ``layer_styles`` table, laid out as QGIS writes it,
so QGIS opens each layer with its style. The file is written to a temporary name and
renamed: a re-run replaces it whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from pyogrio import read_info
from pyogrio.errors import DataSourceError
from pyogrio.raw import write
from shapely.geometry import shape

from geo.atomic import atomic_path
from geo.errors import GeoError
from geo.export import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    document_row,
    event_geometry,
    event_properties,
    mention_row,
    place_properties,
    point,
)
from geo.qgis_style import STYLED_LAYERS, qml

if TYPE_CHECKING:  # geo.build imports this module to write the outputs
    from geo.build import BuildResult

CRS = "EPSG:4326"
#: Columns that are not text, by type; every other column is a String field.
FIELD_TYPES = {
    "int": ("killed", "injured", "casualties", "mines", "uxo", "prisoners", "source_count",
            "start", "end", "mentions", "documents", "events"),
    "real": ("hectares", "confidence", "lat", "lon"),
    "date": ("date_start", "date_end", "published"),
    "bool": ("date_inferred",),
}
_TYPE_OF = {column: kind for kind, columns in FIELD_TYPES.items() for column in columns}
# GeoPackage 1.2: GDAL before 3.7 (QGIS 3.22 on Debian 12 among them) warns on 1.4 files.
_DATASET_OPTIONS = {"VERSION": "1.2"}

Row = dict[str, object]


def field_data(rows: Sequence[Row], columns: Sequence[str]
               ) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """Typed arrays and null masks, one per column, for :func:`pyogrio.raw.write`.

    Integers are 32-bit (OGR ``Integer``), dates ``datetime64[D]`` (OGR ``Date``).

    >>> from datetime import date
    >>> data, masks = field_data([{"killed": 3, "date_start": date(2021, 6, 4)},
    ...                           {"killed": None, "date_start": None}],
    ...                          ["killed", "date_start"])
    >>> data[0].dtype, masks[0].tolist(), str(data[1][0]), masks[1]
    (dtype('int32'), [False, True], '2021-06-04', None)
    """
    data, masks = [], []
    for column in columns:
        values = [row.get(column) for row in rows]
        missing = np.array([v is None for v in values], dtype=bool)
        kind = _TYPE_OF.get(column, "str")
        if kind == "date":  # NaT is GDAL's null date
            data.append(np.array([v or "NaT" for v in values], dtype="datetime64[D]"))
            masks.append(None)
            continue
        if kind == "str":
            data.append(np.array(values, dtype=object))
        else:
            dtype = {"int": np.int32, "real": np.float64, "bool": np.bool_}[kind]
            data.append(np.array([0 if v is None else v for v in values], dtype=dtype))
        masks.append(missing if missing.any() else None)
    return data, masks


def _write_layer(path: Path, layer: str, columns: Sequence[str], rows: Sequence[Row],
                 geometries: Sequence[shapely.Geometry | None] | None = None,
                 geometry_type: str | None = None) -> None:
    data, masks = field_data(rows, columns)
    wkb = None if geometries is None else np.array(
        [None if g is None else shapely.to_wkb(g) for g in geometries], dtype=object)
    write(path, wkb, data, fields=list(columns), field_mask=masks, layer=layer,
          driver="GPKG", crs=CRS if geometries is not None else None,
          geometry_type=geometry_type, promote_to_multi=geometry_type == "MultiPoint",
          dataset_options=_DATASET_OPTIONS)


def _write_styles(path: Path) -> None:
    """The ``layer_styles`` table QGIS reads default styles from, created through OGR as
    QGIS creates it: an attribute table registered in ``gpkg_contents``, FID ``id``,
    one default style per layer naming the layer's real geometry column."""
    now = np.datetime64(datetime.now(UTC).replace(tzinfo=None), "ms")
    rows = [{
        "f_table_catalog": "", "f_table_schema": "", "f_table_name": layer,
        "f_geometry_column": read_info(path, layer=layer)["geometry_name"],
        "styleName": layer, "styleQML": qml(layer), "styleSLD": "", "useAsDefault": True,
        "description": f"geo: {layer}", "owner": "", "ui": None, "update_time": now,
    } for layer in STYLED_LAYERS]
    columns = list(rows[0])
    data = [np.array([row[c] for row in rows],
                     dtype=bool if c == "useAsDefault" else
                     "datetime64[ms]" if c == "update_time" else object)
            for c in columns]
    write(path, None, data, fields=columns, layer="layer_styles", driver="GPKG",
          layer_options={"FID": "id"}, dataset_options=_DATASET_OPTIONS)


def write_geopackage(build: BuildResult, path: Path, *,
                     mention_rows: Iterable[Row] | None = None,
                     document_rows: Iterable[Row] | None = None) -> None:
    """Write ``build`` as the GeoPackage ``path``, replacing any file there.

    Mentions and per-document counts come from ``build.results``; a build run with
    ``keep_results=False`` passes them instead as ``mention_rows`` and ``document_rows``
    (the rows :func:`geo.export.mention_row` and :func:`geo.export.document_row` give,
    the same that go into ``mentions.csv`` and ``documents.csv``).
    """
    if mention_rows is None or document_rows is None:
        if build.documents and not build.results:
            raise ValueError("build.results is empty: pass mention_rows and document_rows")
        mention_rows = [mention_row(m) for r in build.results for m in r.mentions]
        document_rows = [document_row(r.document, len(r.mentions), len(r.events))
                         for r in build.results]
    mentions, documents = list(mention_rows), list(document_rows)
    # GDAL warns about a GeoPackage not named .gpkg, and cannot open an empty file as one.
    with atomic_path(path, suffix=".tmp.gpkg") as tmp, _gdal_errors(path):
        tmp.unlink()
        _write_layer(tmp, "events", EVENT_COLUMNS,
                     [event_properties(e) for e in build.events],
                     [_shape(event_geometry(e)) for e in build.events], "MultiPoint")
        _write_layer(tmp, "places", PLACE_COLUMNS,
                     [place_properties(s) for s in build.places],
                     [shape(point(s.place)) for s in build.places], "Point")
        _write_layer(tmp, "mentions", MENTION_COLUMNS, mentions,
                     [None if m["lon"] is None else shapely.Point(m["lon"], m["lat"])
                      for m in mentions], "Point")
        _write_layer(tmp, "documents", DOCUMENT_COLUMNS, documents)
        _write_styles(tmp)


@contextmanager
def _gdal_errors(path: Path) -> Iterator[None]:
    """GDAL's failures (a full disk among them) as one line naming the file: GDAL quotes
    the whole SQL it ran, the reason comes after the last "failed:"."""
    try:
        yield
    except DataSourceError as exc:
        reason = str(exc).rsplit("failed:", 1)[-1].strip() or exc.__class__.__name__
        raise GeoError(f"{path}: cannot write the GeoPackage ({reason[:200]})") from None


def _shape(geometry: dict | None) -> shapely.Geometry | None:
    return None if geometry is None else shape(geometry)

