"""``geo join``: put a user's own table on the map, each row's place resolved with the
gazetteer and the resolver that read the news (:func:`geo.resolve.resolve_name`).

Mine-action agencies publish monthly figures per district, researchers keep incident
spreadsheets with a village column: :func:`join_table` reads either (see
:mod:`geo.tables`) and resolves every row; :func:`write_join_outputs` writes
``joined.geojson``, ``joined.csv`` and, beside ``geo build``'s GeoPackage, its
``joined`` layer.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "report.csv"
>>> _ = path.write_text("district,month,mines\\nKəlbəcər,2023-01,12\\nAgdam,2023-01,4\\n",
...                     encoding="utf-8")
>>> joined = join_table(path, "district", date_column="month")
>>> [(r.mention.place.district, r.values["mines"], r.dates[2]) for r in joined.rows]
[('Kalbajar', 12, 'month'), ('Aghdam', 4, 'month')]
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo.atomic import atomic_path
from geo.errors import GeoError, InputError
from geo.export import coordinate, feature, mention_row, plain, point, write_csv, write_geojson
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Mention
from geo.normalise import normalise_name
from geo.resolve import DISTRICT_LEVEL, resolve_name
from geo.rules import PlaceRules, place_rules
from geo.tables import Table, find_column, parse_date, read_table

__all__ = ["ADDED_COLUMNS", "GEOPACKAGE", "JoinResult", "JoinedRow", "join_table",
           "write_join_outputs", "write_joined_layer"]

#: Columns added to every row, after the table's own.
ADDED_COLUMNS = ("place_id", "place_name", "kind", "district", "country", "lat", "lon",
                 "geo_precision", "confidence", "status", "reason")
#: Added with ``date_column``: the row's date as a range, as events have it.
DATE_COLUMNS = ("date_start", "date_end", "time_precision")
#: The GeoPackage ``geo build`` writes; ``geo join`` adds its layer when it is there.
GEOPACKAGE = "mines.gpkg"
LAYER = "joined"
# Names GeoPackage and geopandas keep for themselves; a table's column of that name is
# renamed in the layer.
_RESERVED = ("fid", "geom", "geometry")
# "Jabrayil/Jebrail", "Kubatly (Gubadli)": two spellings of one place in one cell.
_SPELLINGS = re.compile(r"\s*[/|]\s*|\s*[()]\s*")


@dataclass(slots=True)
class JoinedRow:
    """One row of the table and its place.

    ``line`` is its line in a CSV file or its row in a sheet; ``values`` holds the
    table's own columns, numbers as numbers; ``dates`` is (first day, last day,
    precision) of the date column.
    """

    line: int
    values: dict[str, object]
    name: str | None
    mention: Mention
    dates: tuple[date, date, str] | None = None

    @property
    def resolved(self) -> bool:
        return self.mention.resolved


@dataclass(slots=True)
class JoinResult:
    """A table joined to the gazetteer, every row kept, resolved or not.

    ``added`` maps each added column to its name in the outputs: the plain name, or
    ``geo_<name>`` when the table has a column of that name already (a "district"
    column is common).

    A map layer needs :meth:`feature_collection` (rows without a place have a null
    geometry, to leave out or list) and, to size markers, :meth:`size_column`.
    """

    path: Path
    columns: list[str]
    numeric_columns: list[str]
    added: dict[str, str]
    rows: list[JoinedRow]
    place_column: str
    district_column: str | None = None
    date_column: str | None = None

    @property
    def output_columns(self) -> list[str]:
        return [*self.columns, *self.added.values()]

    @property
    def resolved(self) -> int:
        return sum(r.resolved for r in self.rows)

    @property
    def district_level(self) -> int:
        """Rows placed at their district's point, the gazetteer lacking their place or
        the row naming none."""
        return sum(r.resolved and r.mention.reason.startswith(DISTRICT_LEVEL)
                   for r in self.rows)

    @property
    def gazetteer_candidates(self) -> Counter[tuple[str, str]]:
        """Names placed at their district's point for want of a gazetteer entry, worth
        adding to a gazetteer CSV: (name, district) and their rows."""
        return Counter((r.name, r.mention.place.district or "") for r in self.rows
                       if r.resolved and r.name and r.mention.place
                       and r.mention.place.point_basis == "district")

    @property
    def unresolved(self) -> Counter[str]:
        """Unresolved place names (``""`` for rows without one) and their rows."""
        return Counter(r.name or "" for r in self.rows if not r.resolved)

    def properties(self, row: JoinedRow) -> dict[str, object]:
        """The row's own values, then the added columns under their output names."""
        m = mention_row(row.mention)
        added: dict[str, object] = {
            **{k: m[k] for k in ADDED_COLUMNS if k in m}, "place_name": m["name"],
            "status": "resolved" if row.resolved else "unresolved",
            "kind": m["kind"] if row.resolved else None,
        }
        if row.dates is not None:
            added.update(zip(DATE_COLUMNS, row.dates, strict=True))
        return {**row.values, **{out: added.get(k) for k, out in self.added.items()}}

    def features(self) -> list[dict[str, Any]]:
        """GeoJSON features, one per row; unresolved rows have a null geometry."""
        return [feature(point(r.mention.place) if r.resolved and r.mention.place else None,
                        self.properties(r)) for r in self.rows]

    def feature_collection(self) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": self.features()}

    def size_column(self, name: str | None) -> str | None:
        """The numeric column to size the map's markers by (None: all one size).

        Raises
        ------
        GeoError
            When ``name`` is no numeric column of the table.
        """
        if name is None:
            return None
        column = find_column(Table(self.path, self.columns, [], []), name)
        if column not in self.numeric_columns:
            raise InputError(f"column {column!r} is not numeric; the numeric columns are: "
                             f"{', '.join(self.numeric_columns) or 'none'}", self.path)
        return column


def join_table(path: str | Path, place_column: str, district_column: str | None = None,
               country: str | None = None, date_column: str | None = None, *,
               gazetteer: Gazetteer | None = None, sheet: str | None = None,
               rules: PlaceRules | None = None) -> JoinResult:
    """Read a table and resolve each row's place.

    Parameters
    ----------
    path : str or Path
        A CSV (any of ``,`` ``;`` tab ``|``; UTF-8 or Windows-1252) or XLSX file.
    place_column : str
        The column naming each row's place. Its header is read as a cue word, as the
        word beside a name in a text: "village", "district", "town", "region".
    district_column : str, optional
        The column naming each row's district: only that district's places are
        candidates, a place the gazetteer lacks is placed at the district's point, and
        a row without a place name is placed at its district.
    country : str, optional
        An ISO 3166-1 alpha-2 code or a country's name: only its places are candidates.
    date_column : str, optional
        A column of dates ("2023-05-12", "2023-05", "May 2023", "12.05.2023", Excel
        dates); every non-empty cell must be one.
    gazetteer : Gazetteer, optional
        Loaded with :func:`geo.gazetteer.load_gazetteer` when not given.
    sheet : str, optional
        The sheet of an XLSX file; the first by default.
    rules : PlaceRules, optional
        :func:`geo.rules.place_rules` when not given.

    Raises
    ------
    InputError
        Naming the file, and the line or row where there is one.
    """
    table = read_table(path, sheet)
    gazetteer = gazetteer or load_gazetteer()
    rules = rules or place_rules()
    place = find_column(table, place_column)
    district = find_column(table, district_column) if district_column else None
    when = find_column(table, date_column) if date_column else None
    code = _country_code(country, gazetteer, table.path) if country else None
    # The place of a row that names its district lies inside it: a locality, unless the
    # header says what kind it is.
    cue = _header_cue(place, rules) or ("village" if district else None)
    # Tables repeat their names (a district every month): each is resolved once.
    cache: dict[tuple[str, str | None, str | None], Mention] = {}

    def resolve(name: str, area: str | None, kind: str | None) -> Mention:
        key = (name, area, kind)
        if key not in cache:
            cache[key] = _resolve_cell(name, area, kind, code, gazetteer, rules,
                                       table.path.name)
        return dataclasses.replace(cache[key])

    rows = []
    for row in table.rows:
        dates = _row_dates(table, row.values[when], when, row.line) if when else None
        name = _text(row.values[place])
        area = _text(row.values[district]) if district else None
        if name:
            mention = resolve(name, area, cue)
        elif area:
            mention = resolve(area, None, "district")
            if mention.resolved:
                mention.reason = f"{DISTRICT_LEVEL} (the row names no place)"
        else:
            mention = Mention(table.path.name, 0, 0, "", "unresolved", reason="no place name")
        rows.append(JoinedRow(row.line, row.values, name, mention, dates))
    added = _output_names(table.columns, ADDED_COLUMNS + (DATE_COLUMNS if when else ()))
    return JoinResult(table.path, table.columns, table.numeric_columns, added, rows, place,
                      district, when)


def write_join_outputs(joined: JoinResult, out_dir: Path) -> list[Path]:
    """Write ``joined.geojson`` and ``joined.csv`` into ``out_dir``, and the ``joined``
    layer into ``out_dir/mines.gpkg`` when ``geo build`` has written one; all or none.

    Returns the paths written.
    """
    geojson, table = out_dir / "joined.geojson", out_dir / "joined.csv"
    gpkg = out_dir / GEOPACKAGE
    written = [geojson, table] + ([gpkg] if gpkg.is_file() else [])
    # Each file goes to a temporary path first; all are renamed into place only once
    # every one is complete.
    with ExitStack() as stack:
        tmp = [stack.enter_context(atomic_path(p)) for p in written]
        write_geojson(tmp[0], joined.features())
        write_csv(tmp[1], joined.output_columns, (joined.properties(r) for r in joined.rows))
        if len(tmp) > 2:
            _write_layer(joined, gpkg, tmp[2])
    return written


def write_joined_layer(joined: JoinResult, gpkg_path: str | Path, layer: str = LAYER) -> Path:
    """Write the rows as the layer ``layer`` of a GeoPackage, new or existing, replacing
    that layer only: the file's other layers are kept.

    The file is replaced whole once the layer is written (a copy is updated), so a
    failure leaves it as it was. ``geo build``'s GeoPackage writer rewrites its whole
    file: when both write one file, join after building.

    Examples
    --------
    >>> import pathlib, tempfile, pyogrio
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> _ = path.write_text("district,mines\\nLaçın,3\\n", encoding="utf-8")
    >>> gpkg = write_joined_layer(join_table(path, "district"), path.with_suffix(".gpkg"))
    >>> pyogrio.read_dataframe(gpkg, layer="joined")[["district", "geo_district"]].values
    array([['Laçın', 'Lachin']], dtype=object)
    """
    gpkg_path = Path(gpkg_path)
    with atomic_path(gpkg_path) as tmp:
        _write_layer(joined, gpkg_path, tmp, layer)
    return gpkg_path


def _write_layer(joined: JoinResult, source: Path, target: Path, layer: str = LAYER) -> None:
    """Write ``layer`` into ``target``, a copy of ``source`` when that exists."""
    # Imported here: geopandas takes a second to import, which the CSV path need not pay.
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    import shapely

    records = [joined.properties(r) for r in joined.rows]
    numeric = {*joined.numeric_columns, joined.added["lat"], joined.added["lon"],
               joined.added["confidence"]}
    data: dict[str, object] = {}
    for column in joined.output_columns:
        values = [record[column] for record in records]
        name = f"{column}_" if column.casefold() in _RESERVED else column
        if column not in numeric:
            data[name] = [None if v is None else str(plain(v)) for v in values]
        elif all(isinstance(v, int) for v in values if v is not None):
            data[name] = pd.array(values, dtype="Int64")
        else:
            data[name] = pd.array(values, dtype="float64")
    geometry = [shapely.Point(coordinate(r.mention.place.lon), coordinate(r.mention.place.lat))
                if r.resolved and r.mention.place else None for r in joined.rows]
    frame = gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")
    # GDAL wants a GeoPackage's name to end in .gpkg: the copy is made under such a name.
    work = target.with_name(f"{target.name}.gpkg")
    try:
        if source.is_file():
            shutil.copyfile(source, work)
        pyogrio.write_dataframe(frame, work, layer=layer, driver="GPKG",
                                geometry_type="Point")
        os.replace(work, target)
    except (OSError, pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise GeoError(f"{source}: cannot write layer {layer!r} ({exc})") from None
    finally:
        work.unlink(missing_ok=True)


def _resolve_cell(name: str, district: str | None, cue: str | None, country: str | None,
                  gazetteer: Gazetteer, rules: PlaceRules, doc_id: str) -> Mention:
    mention = resolve_name(name, gazetteer, rules, cue=cue, district=district,
                           country=country, doc_id=doc_id)
    if not mention.resolved:
        # "Jabrayil/Jebrail": accepted when its spellings all name one place.
        parts = [p for p in _SPELLINGS.split(name) if p]
        if len(parts) > 1:
            found = [m for p in parts if (m := resolve_name(
                p, gazetteer, rules, cue=cue, district=district, country=country,
                doc_id=doc_id)).resolved and m.place]
            if found and len({m.place.id for m in found if m.place}) == 1:
                mention = found[0]
                mention.text = name
    if mention.status == "rejected":
        # A table's cell names a place by definition: only small foreign places match.
        within = country or ", ".join(sorted(rules.home_countries))
        mention.status = "unresolved"
        mention.reason = (f"only small places of that name outside {within}"
                          f"{'' if country else ' (give --country to take them)'}")
    return mention


def _row_dates(table: Table, value: object, column: str, line: int
               ) -> tuple[date, date, str] | None:
    if value is None:
        return None
    dates = parse_date(value)
    if dates is None:
        raise InputError(f"column {column!r}: {plain(value)!r} is not a date (write "
                         "2023-05-12, 2023-05 or May 2023)", table.path, line)
    return dates


def _text(value: object) -> str | None:
    return None if value is None else str(plain(value)).strip() or None


def _header_cue(column: str, rules: PlaceRules) -> str | None:
    """The kind of place a header names ("Village", "district_name", "Rayon"), read
    with the cue words of the text reader.

    >>> _header_cue("Village name", place_rules()), _header_cue("location", place_rules())
    ('village', None)
    """
    for word in normalise_name(column).split():
        if word in rules.cues_after:
            return rules.cues_after[word]
    return None


def _country_code(country: str, gazetteer: Gazetteer, path: Path) -> str:
    """An ISO code from a code or a country's name in any spelling the gazetteer knows."""
    if re.fullmatch(r"[A-Za-z]{2}", country):
        return country.upper()
    for place in gazetteer.lookup(country):
        if place.kind == "country":
            return place.country
    raise InputError(f"--country {country!r}: no such country (give its ISO code, e.g. AZ)",
                     path)


def _output_names(columns: list[str], added: tuple[str, ...]) -> dict[str, str]:
    """Added column names, prefixed with ``geo_`` where the table has the name (ignoring
    case, as GeoPackage does).

    >>> _output_names(["District", "mines"], ("place_id", "district"))
    {'place_id': 'place_id', 'district': 'geo_district'}
    """
    taken = {c.casefold() for c in columns}
    names = {}
    for column in added:
        name = column
        while name.casefold() in taken:
            name = f"geo_{name}"
        taken.add(name.casefold())
        names[column] = name
    return names
