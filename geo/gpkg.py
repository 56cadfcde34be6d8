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
renamed: a re-run replaces it whole (starting, when it can, from a copy of the file the
previous build wrote, see :class:`GeoPackageWriter`).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from pyogrio import get_gdal_config_option, read_info, set_gdal_config_options
from pyogrio.errors import DataLayerError, DataSourceError
from pyogrio.raw import write

from geo.atomic import atomic_path
from geo.errors import GeoError
from geo.export import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    coordinate,
    document_record,
    event_properties,
    mention_record,
    place_properties,
)
from geo.model import Event
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
#: Rows of the mentions and documents layers kept before they are written out together.
CHUNK_ROWS = 50_000
#: Rows of the events layer written at once (an event's row is several times a mention's).
EVENT_CHUNK_ROWS = 20_000


def field_data(columns: Sequence[str], values: Sequence[Sequence[object]]
               ) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """Typed arrays and null masks, one per column, for :func:`pyogrio.raw.write`, from
    the ``values`` of each column.

    Integers are 32-bit (OGR ``Integer``), dates ``datetime64[D]`` (OGR ``Date``).

    >>> from datetime import date
    >>> data, masks = field_data(["killed", "date_start"],
    ...                          [[3, None], [date(2021, 6, 4), None]])
    >>> data[0].dtype, masks[0].tolist(), str(data[1][0]), masks[1]
    (dtype('int32'), [False, True], '2021-06-04', None)
    """
    data, masks = [], []
    for column, column_values in zip(columns, values, strict=True):
        missing = np.array([v is None for v in column_values], dtype=bool)
        kind = _TYPE_OF.get(column, "str")
        if kind == "date":  # NaT is GDAL's null date
            data.append(np.array([v or "NaT" for v in column_values], dtype="datetime64[D]"))
            masks.append(None)
            continue
        if kind == "str":
            data.append(np.array(column_values, dtype=object))
        else:
            dtype = {"int": np.int32, "real": np.float64, "bool": np.bool_}[kind]
            data.append(np.array([0 if v is None else v for v in column_values], dtype=dtype))
        masks.append(missing if missing.any() else None)
    return data, masks


def _write_layer(path: Path, layer: str, columns: Sequence[str],
                 values: Sequence[Sequence[object]], wkb: np.ndarray | None = None,
                 geometry_type: str | None = None, append: bool = False) -> None:
    data, masks = field_data(columns, values)
    write(path, wkb, data, fields=list(columns), field_mask=masks, layer=layer,
          driver="GPKG", crs=CRS if wkb is not None else None,
          geometry_type=geometry_type, promote_to_multi=geometry_type == "MultiPoint",
          dataset_options=_DATASET_OPTIONS, append=append)


def _columns_of(rows: Sequence[Row], columns: Sequence[str]) -> list[list[object]]:
    return [[row.get(c) for row in rows] for c in columns]


def _points(lon: Sequence[float | None], lat: Sequence[float | None]) -> np.ndarray:
    """Point WKB per row, None where there is no point (made all at once: a quarter of a
    million mentions is a common layer)."""
    lons = np.array([np.nan if v is None else v for v in lon], dtype=np.float64)
    lats = np.array([np.nan if v is None else v for v in lat], dtype=np.float64)
    wkb = np.full(len(lons), None, dtype=object)
    present = ~np.isnan(lons)
    wkb[present] = shapely.to_wkb(shapely.points(lons[present], lats[present]))
    return wkb


def _multipoints(events: Sequence[Event]) -> np.ndarray:
    """MultiPoint WKB per event, of its places' points (as :func:`geo.export.point`
    rounds them); None for an event whose text names no place. Made all at once."""
    lons, lats, owners = [], [], []
    for i, e in enumerate(events):
        for place in e.places:
            lons.append(coordinate(place.lon))
            lats.append(coordinate(place.lat))
            owners.append(i)
    geometries = np.full(len(events), None, dtype=object)
    if owners:
        shapely.multipoints(shapely.points(lons, lats), indices=owners, out=geometries)
    return shapely.to_wkb(geometries)


class GeoPackageWriter:
    """``mines.gpkg`` written while a build runs: the mentions and documents layers are
    appended to in chunks of rows as documents are done, so they are never all held in
    memory; the events, places and styles follow in :meth:`finish`. The file appears
    at ``path`` only once finished; on an error nothing is left.

    Rows are tuples in the order of :data:`geo.export.MENTION_COLUMNS` and
    :data:`geo.export.DOCUMENT_COLUMNS` (see :func:`geo.export.mention_record`).

    With ``previous``, a GeoPackage an earlier build wrote, the writer starts from a copy
    of it: its mention and document rows stay (but for those :meth:`drop_previous`
    drops), new ones are appended after them; so do the rows of the events the build
    did not merge anew (see :attr:`BuildResult.merged_again`). The places layer and the
    styles are written anew.
    """

    def __init__(self, path: Path, chunk_rows: int = CHUNK_ROWS,
                 previous: Path | None = None) -> None:
        self.path, self.chunk_rows, self.previous = path, chunk_rows, previous
        self._stack = ExitStack()
        self._rows: dict[str, list[tuple]] = {"mentions": [], "documents": []}
        self._started: set[str] = set()
        # of the next row of each layer: GDAL numbers them in order from 1
        self._next_fid = dict.fromkeys(self._rows, 1)
        self._copy: Future[object] | None = None  # of the previous file, while it runs

    def __enter__(self) -> GeoPackageWriter:
        # GDAL warns about a GeoPackage not named .gpkg, and cannot open an empty file
        self._tmp = self._stack.enter_context(atomic_path(self.path, suffix=".tmp.gpkg"))
        self._tmp.unlink()
        self._stack.enter_context(_gdal_errors(self.path))
        if self.previous is not None:
            # copied by the kernel while the build reads its documents: the first write
            # waits for it (see _file)
            copying = self._stack.enter_context(ThreadPoolExecutor(1))
            self._copy = copying.submit(shutil.copyfile, self.previous, self._tmp)
            for layer in self._rows:
                self._started.add(layer)
                self._next_fid[layer] = _last_fid(self.previous, layer) + 1
        self._first_new = dict(self._next_fid)
        self._stack.enter_context(_gdal_options(_FAST_WRITES))
        return self

    def __exit__(self, *exc: object) -> bool | None:
        return self._stack.__exit__(*exc)

    def _file(self) -> Path:
        """The file being written, once the copy of the previous one is done."""
        if self._copy is not None:
            try:
                self._copy.result()
            except OSError as exc:
                raise GeoError(f"{self.path}: cannot write the GeoPackage "
                               f"({exc.strerror or exc})") from exc
            self._copy = None
        return self._tmp

    def add(self, mentions: Sequence[tuple], document: tuple) -> tuple[int, int, int]:
        """One document's mention rows and its row; returns the feature ids its mention
        rows get, first and last (last is first - 1 for none), and the id of its row."""
        first, row = self._next_fid["mentions"], self._next_fid["documents"]
        self._next_fid["mentions"] += len(mentions)
        self._next_fid["documents"] += 1
        self._rows["mentions"].extend(mentions)
        self._rows["documents"].append(document)
        for layer, rows in self._rows.items():
            if len(rows) >= self.chunk_rows:
                self._write_rows(layer)
        return first, self._next_fid["mentions"] - 1, row

    def drop_previous(self, kept_documents: Iterable[int],
                      gone_mentions: Iterable[tuple[int, int]]) -> None:
        """Of the rows of the previous file, keep only the document rows numbered
        ``kept_documents``, and remove the mention rows numbered ``first..last`` of each
        range of ``gone_mentions``: those of documents that are gone or changed."""
        ranges = [(first, last) for first, last in gone_mentions if first <= last]
        # Plain SQL, between GDAL's writes (GDAL holds the file open only while it writes
        # a chunk): the GeoPackage's own triggers keep its index and counts on delete.
        with closing(sqlite3.connect(self._file())) as db, db:
            db.executemany("DELETE FROM mentions WHERE fid BETWEEN ? AND ?", ranges)
            db.execute("CREATE TEMP TABLE kept (fid INTEGER PRIMARY KEY)")
            db.executemany("INSERT INTO kept VALUES (?)", ((fid,) for fid in kept_documents))
            db.execute("DELETE FROM documents WHERE fid < ? AND fid NOT IN kept",
                       (self._first_new["documents"],))

    def _write_rows(self, layer: str) -> None:
        """Write the rows held for ``layer``: the first time creating it, then appending
        (the mentions with their points, the documents without geometry)."""
        names = MENTION_COLUMNS if layer == "mentions" else DOCUMENT_COLUMNS
        columns = list(zip(*self._rows[layer], strict=True)) or [()] * len(names)
        wkb = None
        if layer == "mentions":
            wkb = _points(columns[names.index("lon")], columns[names.index("lat")])
        _write_layer(self._file(), layer, names, columns, wkb,
                     "Point" if wkb is not None else None,
                     append=layer in self._started)
        self._started.add(layer)
        self._rows[layer].clear()

    def finish(self, build: BuildResult) -> None:
        """Write the rows still held, the merged events and places, and the styles."""
        for layer, rows in self._rows.items():
            if rows or layer not in self._started:
                self._write_rows(layer)
        events, started = build.events, False
        if self.previous is not None and build.merged_again is not None and \
                self._keep_previous_events(build):
            events, started = build.merged_again, True
        # in chunks, as the mentions: the rows of every event at once are a few hundred MB
        for start in range(0, len(events) if started else max(len(events), 1),
                           EVENT_CHUNK_ROWS):
            chunk = events[start:start + EVENT_CHUNK_ROWS]
            rows = [event_properties(e) for e in chunk]
            _write_layer(self._file(), "events", EVENT_COLUMNS, _columns_of(rows, EVENT_COLUMNS),
                         _multipoints(chunk), "MultiPoint", append=started or start > 0)
        places = [place_properties(s) for s in build.places]
        _write_layer(self._tmp, "places", PLACE_COLUMNS, _columns_of(places, PLACE_COLUMNS),
                     _points([s.place.lon for s in build.places],
                             [s.place.lat for s in build.places]), "Point")
        _write_styles(self._tmp)

    def _keep_previous_events(self, build: BuildResult) -> bool:
        """Keep the rows of the previous file's events layer that are rows of events this
        build did not merge anew (the previous build wrote them from the same events),
        dropping the others; False, with every row dropped, where the rows left are not
        exactly those events (the layer is then written whole)."""
        again = {id(e) for e in build.merged_again or ()}
        kept = [(e.event_id,) for e in build.events if id(e) not in again]
        with closing(sqlite3.connect(self._file())) as db, db:
            db.execute("CREATE TEMP TABLE kept_events (event_id TEXT)")
            db.executemany("INSERT INTO kept_events VALUES (?)", kept)
            db.execute("DELETE FROM events WHERE event_id NOT IN "
                       "(SELECT event_id FROM kept_events)")
            if db.execute("SELECT count(*) FROM events").fetchone()[0] == len(kept):
                return True
            db.execute("DELETE FROM events")
        return False


def _last_fid(path: Path, table: str) -> int:
    """The highest feature id ``table`` of the GeoPackage ``path`` has ever given (its
    ids count on from there, even past deleted rows)."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return row[0] if row else 0


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


def write_geopackage(build: BuildResult, path: Path) -> None:
    """Write ``build``, run keeping its per-document results, as the GeoPackage ``path``,
    replacing any file there."""
    if build.documents and not build.results:
        raise ValueError("build.results is empty: write with a GeoPackageWriter as the "
                         "documents are done")
    with GeoPackageWriter(path) as writer:
        for r in build.results:
            writer.add([mention_record(m) for m in r.mentions],
                       document_record(r.document, len(r.mentions), len(r.events)))
        writer.finish(build)


# The file is a temporary one until finished (a crash leaves no GeoPackage, whatever its
# state): no disk flush per transaction, and a page cache that holds the spatial index
# GDAL updates as rows are appended. Together they halve the time of a large layer.
_FAST_WRITES = {"OGR_SQLITE_SYNCHRONOUS": "OFF", "OGR_SQLITE_CACHE": "256"}


@contextmanager
def _gdal_options(options: dict[str, str]) -> Iterator[None]:
    """GDAL configuration ``options`` while writing, the previous values after."""
    before = {name: get_gdal_config_option(name) for name in options}
    set_gdal_config_options(options)
    try:
        yield
    finally:
        set_gdal_config_options(before)  # None unsets an option


@contextmanager
def _gdal_errors(path: Path) -> Iterator[None]:
    """GDAL's failures (a full disk among them) as one line naming the file: GDAL quotes
    the whole SQL it ran, the reason comes after the last "failed:"."""
    try:
        yield
    except (DataSourceError, DataLayerError) as exc:
        reason = str(exc).rsplit("failed:", 1)[-1].strip() or exc.__class__.__name__
        raise GeoError(f"{path}: cannot write the GeoPackage ({reason[:200]})") from None
