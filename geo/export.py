"""Write the tabular and GeoJSON outputs named by the output contract.

Every file is written atomically (see :mod:`geo.atomic`). GeoJSON follows RFC 7946:
longitude before latitude, WGS 84, no ``crs`` member, coordinates to 6 decimals.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from geo.atomic import atomic_open
from geo.model import Document, DocumentResult, Mention, Place, PlaceSummary

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


def document_row(doc: Document, mentions: int, events: int) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id, "path": doc.path, "published": doc.published,
        "date_inferred": doc.date_inferred, "author": doc.author, "status": doc.status,
        "error": doc.error, "title": doc.title, "url": doc.url,
        "mentions": mentions, "events": events,
    }


def mention_row(m: Mention) -> dict[str, object]:
    p = m.place
    return {
        "doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text,
        "status": m.status, "place_id": p.id if p else None,
        "name": m.name or (p.name if p else None), "kind": m.kind,
        "district": p.district if p else None, "country": p.country if p else None,
        "lat": coordinate(p.lat) if p else None, "lon": coordinate(p.lon) if p else None,
        "geo_precision": m.geo_precision, "confidence": m.confidence if p else None,
        "reason": m.reason or None,
    }


def place_properties(summary: PlaceSummary) -> dict[str, object]:
    p = summary.place
    return {
        "place_id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
        "district": p.district, "mentions": summary.mentions,
        "documents": len(summary.doc_ids), "doc_ids": "; ".join(summary.doc_ids),
        "source": p.source, "point_basis": p.point_basis,
        "geo_precision": "district" if p.point_basis == "district" else p.geo_precision,
    }


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else plain(row.get(c)) for c in columns])


def feature(geometry: dict[str, Any] | None, properties: dict[str, object]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {k: plain(v) for k, v in properties.items()}}


def write_geojson(path: Path, features: Iterable[dict[str, Any]]) -> None:
    with atomic_open(path, "w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": list(features)}, handle,
                  ensure_ascii=False, indent=None, separators=(",", ":"))
        handle.write("\n")


def write_documents(path: Path, results: Iterable[DocumentResult]) -> None:
    write_csv(path, DOCUMENT_COLUMNS,
              (document_row(r.document, len(r.mentions), len(r.events)) for r in results))


def write_mentions(path: Path, results: Iterable[DocumentResult]) -> None:
    write_csv(path, MENTION_COLUMNS, (mention_row(m) for r in results for m in r.mentions))


def write_places(path: Path, summaries: Iterable[PlaceSummary]) -> None:
    write_geojson(path, (feature(point(s.place), place_properties(s)) for s in summaries))
