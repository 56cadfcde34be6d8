"""What the page shows, as JSON-ready data: events by type, places, documents, counts.

Properties come from :mod:`geo.export`, so the map says what ``events.geojson`` says;
empty values are dropped to keep pages with many events small.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from geo.export import event_geometry, event_properties, feature, place_properties, point
from geo.model import Document, Event, PlaceSummary
from geo.webmap.style import EVENT_STYLES

if TYPE_CHECKING:
    from geo.build import BuildResult

#: Properties of events.geojson the map does not show, or gets in a better shape below.
_UNUSED = {"place_ids", "sources", "source_count", "details"}
#: lon/lat box of the South Caucasus: the map opens on the events inside it.
CAUCASUS = (38.0, 36.0, 52.0, 45.0)


def _compact(props: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in props.items() if v is not None and k not in _UNUSED}


def event_feature(e: Event) -> dict[str, Any]:
    """An event as the map draws it: a GeoJSON Feature with the export's properties,
    plus its documents as a list and the hedges ("about", "over") of its numbers."""
    props = _compact(event_properties(e))
    props["doc_ids"] = list(e.sources)
    if e.details:
        props["details"] = e.details
    if e.qualifiers:
        props["qualifiers"] = e.qualifiers
    return feature(event_geometry(e), props)


def events_by_type(events: Iterable[Event]) -> dict[str, list[Event]]:
    """The events of each type, in the order of the legend; a type the style does not
    know falls under ``other``."""
    by_type: dict[str, list[Event]] = {t: [] for t in EVENT_STYLES}
    for e in events:
        by_type[e.event_type if e.event_type in by_type else "other"].append(e)
    return by_type


def place_features(places: Sequence[PlaceSummary]) -> list[dict[str, Any]]:
    """Referenced places, each with a label unique on the page for the place search."""
    features, seen = [], set()
    for counted in places:
        props = _compact(place_properties(counted))
        props["doc_ids"] = list(counted.doc_ids)
        p = counted.place
        label = f"{p.name} ({p.kind}, {p.country})"
        n = 1
        while label in seen:
            n += 1
            label = f"{p.name} ({p.kind}, {p.country}) #{n}"
        seen.add(label)
        props["label"] = label
        features.append(feature(point(p), props))
    return features


def document_href(doc: Document, map_dir: Path) -> str:
    """The document's URL when it has a web one, else its file relative to the map."""
    if doc.url and urlsplit(doc.url).scheme in ("http", "https"):
        return doc.url
    return _file_href(_file_of(doc.path), map_dir)


def _file_of(path: str) -> str:
    """The file a document comes from: the path of a JSON record ends with its line or
    item number ("news.jsonl:12", "news.json:3"), and a link can only point to the file."""
    file, _, line = path.rpartition(":")
    return file if line.isdigit() and file.endswith((".jsonl", ".json")) else path


@lru_cache(maxsize=4096)
def _file_href(path: str, map_dir: Path) -> str:
    """A file relative to the map (asked once per file: a JSON Lines file holds many
    documents)."""
    target = Path(path).resolve()
    try:
        relative = Path(os.path.relpath(target, map_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return target.as_uri()
    return quote(relative if relative.startswith("../") else f"./{relative}")


def documents(docs: Iterable[Document], map_dir: Path) -> dict[str, dict[str, str]]:
    """doc_id -> link (``href``), ``title`` and ``published`` date."""
    return {d.doc_id: _compact({"href": document_href(d, map_dir), "title": d.title,
                                "published": d.published.isoformat() if d.published
                                else None})
            for d in docs}


def summary(build: BuildResult) -> dict[str, object]:
    """The counts the side panel states."""
    starts = [e.date_start for e in build.events if e.date_start]
    ends = [e.date_end or e.date_start for e in build.events if e.date_start]
    return {
        "documents": len(build.documents),
        "skipped": sum(d.status != "ok" for d in build.documents),
        "mentions": build.mentions,
        "unresolved": build.unresolved,
        "first": min(starts).isoformat() if starts else None,
        "last": max(ends).isoformat() if ends else None,
    }


def _coordinates(geometries: Iterable[dict[str, Any] | None]) -> list[tuple[float, float]]:
    points = []
    for geometry in geometries:
        if geometry is None:
            continue
        coords = geometry["coordinates"]
        points += [tuple(c) for c in coords] if geometry["type"] == "MultiPoint" \
            else [tuple(coords)]
    return points


def start_bounds(events: Iterable[dict[str, Any] | None],
                 places: Iterable[dict[str, Any] | None]) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the events in the Caucasus, else around all
    events, else around the places (their geometries); None when there is nothing to
    show."""
    west, south, east, north = CAUCASUS
    points = _coordinates(events)
    inside = [(x, y) for x, y in points if west <= x <= east and south <= y <= north]
    chosen = inside or points or _coordinates(places)
    if not chosen:
        return None
    xs, ys = [x for x, _ in chosen], [y for _, y in chosen]
    return [[min(ys), min(xs)], [max(ys), max(xs)]]
