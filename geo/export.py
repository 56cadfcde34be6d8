"""Write the tabular and GeoJSON outputs named by the output contract.

Every file is written atomically (see :mod:`geo.atomic`). GeoJSON follows RFC 7946:
longitude before latitude, WGS 84, no ``crs`` member, coordinates to 6 decimals.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

from geo.atomic import atomic_open
from geo.errors import GeoError
from geo.model import Document, Event, Mention, Place, PlaceSummary

DOCUMENT_COLUMNS = ("doc_id", "path", "published", "date_inferred", "author", "status",
                    "error", "title", "url", "mentions", "events")
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "status", "place_id", "name", "kind",
                   "district", "country", "lat", "lon", "geo_precision", "confidence",
                   "reason")
PLACE_COLUMNS = ("place_id", "name", "kind", "country", "district", "mentions", "documents",
                 "doc_ids", "source", "point_basis", "geo_precision")


def coordinate(value: float) -> float:
    return round(float(value), 6)


def point(place: Place) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [coordinate(place.lon), coordinate(place.lat)]}


def plain(value: object) -> object:
    """A value as it goes into CSV and JSON: dates as ISO strings, booleans lower-case."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def cell(value: object) -> object:
    """A value as the csv module should write it: None as an empty cell."""
    if value is None:
        return ""
    return value if type(value) in _AS_THEY_ARE else plain(value)


def cells(values: Iterable[object]) -> list[object]:
    """:func:`cell` of each value (those that stay as they are, most of them, without
    the call: rows of a hundred thousand events are written at once)."""
    return [value if type(value) in _AS_THEY_ARE else cell(value) for value in values]


# Written as they are in CSV and JSON (not bool, a kind of int that plain() spells out).
_AS_THEY_ARE = frozenset({str, int, float})


def document_record(doc: Document, mentions: int, events: int) -> tuple:
    """A row of ``documents.csv`` as a tuple in :data:`DOCUMENT_COLUMNS` order, values
    typed (a date, a boolean)."""
    return (doc.doc_id, doc.path, doc.published, doc.date_inferred, doc.author, doc.status,
            doc.error, doc.title, doc.url, mentions, events)


def mention_record(m: Mention) -> tuple:
    """A row of ``mentions.csv`` as a tuple in :data:`MENTION_COLUMNS` order: text,
    numbers and None only, so it goes to CSV as it is."""
    p = m.place
    if p is None:
        return (m.doc_id, m.start, m.end, m.text, m.status, None, m.name, m.kind, None,
                None, None, None, m.geo_precision, None, m.reason or None)
    return (m.doc_id, m.start, m.end, m.text, m.status, p.id, m.name or p.name, m.kind,
            p.district, p.country, coordinate(p.lat), coordinate(p.lon), m.geo_precision,
            m.confidence, m.reason or None)


def mention_row(m: Mention) -> dict[str, object]:
    return dict(zip(MENTION_COLUMNS, mention_record(m), strict=True))


def place_precision(p: Place) -> str:
    """How precise a place's point is: a village placed at its district's point is only
    as precise as the district."""
    return "district" if p.point_basis == "district" else p.geo_precision


def place_properties(summary: PlaceSummary) -> dict[str, object]:
    p = summary.place
    return {
        "place_id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
        "district": p.district, "mentions": summary.mentions,
        "documents": len(summary.doc_ids), "doc_ids": "; ".join(summary.doc_ids),
        "source": p.source, "point_basis": p.point_basis,
        "geo_precision": place_precision(p),
    }


class CsvStream:
    """A CSV file written row by row as results arrive, appearing at ``path`` only once
    complete (closed without error).

    :meth:`write_records` says where its rows lie in the file (bytes), and :meth:`copy`
    copies such a range of ``previous``, an earlier file of the same columns: how a build
    keeps the rows of documents it did not load again.
    """

    def __init__(self, path: Path, columns: Sequence[str], previous: Path | None = None
                 ) -> None:
        self.path, self.columns, self.previous = path, columns, previous
        self._stack = ExitStack()
        self.size = 0  # bytes written so far
        self._copying: list[int] = []  # the range of the previous file still to copy

    def __enter__(self) -> CsvStream:
        self._handle = self._stack.enter_context(atomic_open(self.path, "wb"))
        self._source = self._stack.enter_context(self.previous.open("rb")) \
            if self.previous else None
        self._text = io.StringIO()  # rows as csv writes them, then encoded at once
        self._writer = csv.writer(self._text)
        self._writer.writerow(self.columns)
        return self

    def write(self, row: dict[str, object]) -> None:
        self.write_values(cells(row.get(c) for c in self.columns))

    def write_values(self, values: Iterable[object]) -> None:
        """One row, its values in column order as the csv module takes them (see
        :func:`cell`)."""
        self._writer.writerow(values)
        if self._text.tell() > _BUFFERED_TEXT:
            self._flush()

    def write_records(self, records: Iterable[tuple]) -> tuple[int, int]:
        """Rows as tuples in column order, their values text, numbers or None only;
        returns the range of bytes they take in the file."""
        self._flush()
        start = self.size
        self._writer.writerows(records)
        self._flush()
        return start, self.size

    def copy(self, start: int, end: int) -> tuple[int, int]:
        """Copy bytes ``[start, end)`` of the previous file; returns where they land.
        Ranges that follow each other are copied together."""
        if self._source is None:
            raise ValueError(f"{self.path}: no previous file to copy rows from")
        if self._text.tell():  # rows written since the last copy go first
            self._flush()
        if self._copying and self._copying[1] == start:
            self._copying[1] = end
        else:
            self._copy()
            self._copying = [start, end]
        self.size += end - start
        return self.size - (end - start), self.size

    def _copy(self) -> None:
        if not self._copying:
            return
        start, end = self._copying
        self._copying = []
        self._source.seek(start)
        while start < end:
            data = self._source.read(min(end - start, _COPIED_AT_ONCE))
            if not data:
                raise GeoError(f"{self.previous}: shorter than the build that wrote it")
            self._handle.write(data)
            start += len(data)

    def _flush(self) -> None:
        self._copy()
        data = self._text.getvalue().encode("utf-8")
        self._text.seek(0)
        self._text.truncate()
        self._handle.write(data)
        self.size += len(data)

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._flush()
        self._stack.__exit__(*exc)


# Text held before it is encoded and written: rows are short, a write per row is slow.
_BUFFERED_TEXT = 1 << 20
_COPIED_AT_ONCE = 16 << 20


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    with CsvStream(path, columns) as stream:
        for row in rows:
            stream.write(row)


def feature(geometry: dict[str, Any] | None, properties: dict[str, object]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {k: v if type(v) in _AS_THEY_ARE or v is None else plain(v)
                           for k, v in properties.items()}}


def to_json(data: object) -> str:
    """``data`` as compact JSON, non-ASCII text as it is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def feature_collection_json(features: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection of ``features`` as compact JSON, in pieces: feature by feature
    with json.dumps, which runs in C (json.dump does not), the same text as one dump of
    the whole collection without ever holding it as one string."""
    yield '{"type":"FeatureCollection","features":['
    for i, item in enumerate(features):
        yield ("," if i else "") + to_json(item)
    yield "]}"


def write_geojson(path: Path, features: Iterable[dict[str, Any]]) -> None:
    with atomic_open(path, "w", encoding="utf-8") as handle:
        handle.writelines(feature_collection_json(features))
        handle.write("\n")


def write_places(path: Path, summaries: Iterable[PlaceSummary]) -> None:
    write_geojson(path, (feature(point(s.place), place_properties(s)) for s in summaries))


EVENT_COLUMNS = (
    "event_id", "event_type", "event_subtype", "date_start", "date_end", "time_precision",
    "place_names", "place_ids", "district", "country", "geo_precision", "killed", "injured",
    "casualties", "mines", "uxo", "prisoners", "hectares", "summary", "attributed_to",
    "sources", "source_count", "quote", "confidence", "details",
)


def event_properties(e: Event) -> dict[str, object]:
    districts = list(dict.fromkeys(p.district for p in e.places if p.district))
    countries = list(dict.fromkeys(p.country for p in e.places))
    return {
        "event_id": e.event_id, "event_type": e.event_type, "event_subtype": e.event_subtype,
        "date_start": e.date_start, "date_end": e.date_end,
        "time_precision": e.time_precision, "place_names": "; ".join(e.place_names) or None,
        "place_ids": "; ".join(p.id for p in e.places) or None,
        "district": "; ".join(districts) or None,
        "country": "; ".join(countries) or None, "geo_precision": e.geo_precision,
        "killed": e.killed, "injured": e.injured, "casualties": e.casualties,
        "mines": e.mines, "uxo": e.uxo, "prisoners": e.prisoners, "hectares": e.hectares,
        "summary": e.summary, "attributed_to": e.attributed_to,
        "sources": "; ".join(e.sources), "source_count": e.source_count, "quote": e.quote,
        "confidence": e.confidence,
        "details": json.dumps(e.details, ensure_ascii=False, sort_keys=True) if e.details
        else None,
    }


def event_geometry(e: Event) -> dict[str, Any] | None:
    if not e.places:
        return None
    if len(e.places) == 1:
        return point(e.places[0])
    return {"type": "MultiPoint",
            "coordinates": [point(p)["coordinates"] for p in e.places]}


def event_row(e: Event, properties: dict[str, object]) -> list[object]:
    """A row of ``events.csv`` (see :data:`EVENT_CSV_COLUMNS`): the event's
    ``properties`` and its first point's lon/lat."""
    first = e.places[0] if e.places else None
    return [*cells(properties[c] for c in EVENT_COLUMNS),
            coordinate(first.lon) if first else "",
            coordinate(first.lat) if first else ""]


EVENT_CSV_COLUMNS = (*EVENT_COLUMNS, "lon", "lat")


def write_events(geojson_path: Path, csv_path: Path, events: Iterable[Event]) -> None:
    """Write ``events.geojson`` and ``events.csv`` together, working out each event's
    properties once for both."""
    with CsvStream(csv_path, EVENT_CSV_COLUMNS) as table:

        def features() -> Iterator[dict[str, Any]]:  # and each one's row, as it goes
            for e in events:
                properties = event_properties(e)
                table.write_values(event_row(e, properties))
                yield feature(event_geometry(e), properties)
        write_geojson(geojson_path, features())
