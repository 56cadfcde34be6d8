"""Typed records passed between the stages of the pipeline.

Each stage is a function from these dataclasses to these dataclasses; nothing else
crosses a stage boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

#: Kinds of place, coarse to fine. ``geo_precision`` follows from the kind.
PLACE_KINDS = ("country", "region", "district", "city", "town", "village", "other")

_PRECISION_OF_KIND = {
    "country": "country",
    "region": "region",
    "district": "district",
    "city": "locality",
    "town": "locality",
    "village": "locality",
    "other": "point",
}


def _by_fields(record: Any) -> tuple[type, tuple]:
    """Pickle a record as its class and field values, in order: loading then calls the
    constructor, several times faster than the dataclass's own state functions, which
    matters for the cache of per-document results."""
    return type(record), _fields_of(type(record))(record)


@cache
def _fields_of(record_type: type) -> Callable[[Any], tuple]:
    """The field values of a record of ``record_type``, in order, read in one call."""
    names = record_type.__slots__
    read = attrgetter(*names)
    return read if len(names) > 1 else lambda record: (read(record),)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``point_basis`` says where the point comes from: ``geonames`` (the record's own
    coordinates) or ``seat`` (a district, region or country placed at its seat).
    """

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""
    district: str | None = None
    source: str = ""
    point_basis: str = "geonames"
    alternate_names: tuple[str, ...] = ()

    @property
    def geo_precision(self) -> str:
        return _PRECISION_OF_KIND.get(self.kind, "point")

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)



@dataclass(slots=True)
class Document:
    """One input document. ``text`` is the body that offsets refer to."""

    doc_id: str
    path: str
    text: str = ""
    published: date | None = None
    date_inferred: bool = False
    author: str | None = None
    title: str | None = None
    url: str | None = None
    status: str = "ok"
    error: str | None = None

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)



@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A place name found in a document, resolved or not."""

    doc_id: str
    start: int
    end: int
    text: str
    status: str  # resolved | unresolved | rejected
    place: Place | None = None
    kind: str | None = None
    confidence: float = 0.0
    reason: str = ""
    geo_precision: str | None = None
    #: A village placed at its district keeps its own name here.
    name: str | None = None

    @property
    def resolved(self) -> bool:
        return self.status == "resolved"

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)



@dataclass(slots=True)
class Event:
    """One event read from the text; after merging, ``sources`` may hold several docs."""

    event_type: str
    date_start: date | None
    date_end: date | None
    time_precision: str
    quote: str
    sources: list[str]
    places: list[Place] = field(default_factory=list)
    place_names: list[str] = field(default_factory=list)
    geo_precision: str | None = None
    event_subtype: str | None = None
    killed: int | None = None
    injured: int | None = None
    casualties: int | None = None
    mines: int | None = None
    uxo: int | None = None
    prisoners: int | None = None
    hectares: float | None = None
    summary: str = ""
    attributed_to: str | None = None
    confidence: float = 0.5
    event_id: str = ""
    #: Finer figures kept beside the totals (anti-personnel, anti-tank, civilians ...).
    details: dict[str, int | float | str] = field(default_factory=dict)
    #: "about", "over" ... per numeric field, so summaries keep the source's hedging.
    qualifiers: dict[str, str] = field(default_factory=dict)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)



@dataclass(slots=True)
class DocumentResult:
    """Everything the per-document stages produce for one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: seconds spent in each stage (recognise, resolve, extract), for benchmarks
    timings: dict[str, float] = field(default_factory=dict)
    #: set when the document is as the previous build into the same folder had it: its
    #: results are then not loaded, its rows are copied, and its share of the tallies and
    #: of the merge is taken from that build (see :mod:`geo.incremental`)
    kept: bool = False

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)


@dataclass(slots=True)
class DocumentSummary:
    """What the merge and ``documents.csv`` need of a document's results: its events and
    tallies of its mentions, without the mentions themselves."""

    mentions: int
    events: list[Event]
    #: the resolved places, in the order the document first names them, and how often
    places: list[tuple[Place, int]]
    #: names worth adding to a gazetteer, as (name, district or ""), and how often
    candidates: list[tuple[tuple[str, str], int]]
    unresolved: int

    def __reduce__(self) -> tuple[type, tuple]:
        return _by_fields(self)



@dataclass(slots=True)
class PlaceSummary:
    """A referenced place, with how often and where the documents name it."""

    place: Place
    mentions: int
    doc_ids: list[str]
