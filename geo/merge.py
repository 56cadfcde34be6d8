"""Merge per-document results: the places referenced across documents, and the same
event reported by several documents folded into one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from geo.events import event_id, summarise
from geo.model import DocumentResult, DocumentSummary, Event, PlaceSummary


def summarise_document(result: DocumentResult) -> DocumentSummary:
    """What the merge needs of one document's results (see :class:`DocumentSummary`);
    the one kept from the previous outputs when the document was not loaded again."""
    if result.reused is not None:
        return result.reused
    places: dict[str, list] = {}
    candidates: Counter[tuple[str, str]] = Counter()
    unresolved = 0
    for m in result.mentions:
        if m.resolved and m.place is not None:
            places.setdefault(m.place.id, [m.place, 0])[1] += 1
        if m.status == "unresolved" or (m.resolved and m.reason.startswith(
                "located at district level")):
            unresolved += m.status == "unresolved"
            candidates[(m.text, (m.place.district or "") if m.place else "")] += 1
    return DocumentSummary(len(result.mentions), result.events,
                           [(place, count) for place, count in places.values()],
                           list(candidates.items()), unresolved)


class PlaceTally:
    """Counts of the resolved places, added to one document at a time."""

    def __init__(self) -> None:
        self._summaries: dict[str, PlaceSummary] = {}
        self._docs: dict[str, set[str]] = {}

    def add(self, doc_id: str, document: DocumentSummary) -> None:
        for place, mentions in document.places:
            summary = self._summaries.get(place.id)
            if summary is None:
                summary = self._summaries[place.id] = PlaceSummary(place, 0, [])
                self._docs[place.id] = set()
            summary.mentions += mentions
            seen = self._docs[place.id]
            if doc_id not in seen:  # a set: a country is named in every document
                seen.add(doc_id)
                summary.doc_ids.append(doc_id)

    def summaries(self) -> list[PlaceSummary]:
        """One summary per resolved place, most mentioned first (ties by id)."""
        return sorted(self._summaries.values(), key=lambda s: (-s.mentions, s.place.id))


def summarise_places(results: Iterable[DocumentResult]) -> list[PlaceSummary]:
    """One summary per resolved place, most mentioned first (ties by id)."""
    tally = PlaceTally()
    for result in results:
        tally.add(result.document.doc_id, summarise_document(result))
    return tally.summaries()


_NUMBERS = ("killed", "injured", "casualties", "mines", "uxo", "hectares", "prisoners")


def _same_event(a: Event, b: Event) -> bool:
    """Two reports of one event: same type and subtype, same dates, places that agree,
    and no figure that contradicts the other. Different events on the same day in the
    same place differ in one of these and stay apart."""
    if (a.event_type, a.event_subtype) != (b.event_type, b.event_subtype):
        return False
    if a.event_type == "other" or a.date_start is None:
        return False
    if a.event_type == "casualty_total":
        # the same running total, reported on different days, is one figure
        if a.date_start != b.date_start or a.casualties != b.casualties:
            return False
    elif (a.date_start, a.date_end) != (b.date_start, b.date_end):
        return False
    places_a = {p.district or p.id for p in a.places}
    places_b = {p.district or p.id for p in b.places}
    if places_a and places_b and places_a != places_b:
        return False
    return all(getattr(a, n) is None or getattr(b, n) is None or getattr(a, n) == getattr(b, n)
               for n in _NUMBERS)


def _combine(kept: Event, other: Event, kept_sources: set[str]) -> None:
    """Fold ``other`` into ``kept``, whose sources are also in ``kept_sources`` (a set:
    a report copied by thousands of documents is common)."""
    for doc_id in other.sources:
        if doc_id not in kept_sources:
            kept_sources.add(doc_id)
            kept.sources.append(doc_id)
    for name in _NUMBERS:
        if getattr(kept, name) is None and getattr(other, name) is not None:
            setattr(kept, name, getattr(other, name))
            if name in other.qualifiers:
                kept.qualifiers[name] = other.qualifiers[name]
    if not kept.places and other.places:
        kept.places, kept.place_names = other.places, other.place_names
        kept.geo_precision = other.geo_precision
    if kept.date_end and other.date_end and other.date_end > kept.date_end:
        kept.date_end = other.date_end
    for key, value in other.details.items():
        kept.details.setdefault(key, value)
    kept.attributed_to = _speakers(kept.attributed_to, other.attributed_to)
    kept.confidence = round(min(0.99, max(kept.confidence, other.confidence) + 0.05), 2)


_MAX_SPEAKERS = 5  # a report copied by many outlets names its first few sources


def _speakers(kept: str | None, other: str | None) -> str | None:
    """Who states an event reported by several documents: each speaker once, "; "-joined.

    >>> _speakers("ANAMA", "Interior Ministry"), _speakers("ANAMA", "ANAMA")
    ('ANAMA; Interior Ministry', 'ANAMA')
    """
    if not kept or not other:
        return kept or other
    named = kept.split("; ")
    return kept if other in named or len(named) >= _MAX_SPEAKERS else f"{kept}; {other}"


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Fold the same event reported by several documents into one (``sources`` lists
    them all). The result does not depend on the order of the input documents.

    ``events`` are as :func:`geo.events.extract_events` gives them: the summary and id
    of one that nothing is folded into stay as they are."""
    ordered = sorted(events, key=lambda e: (min(e.sources), e.event_id))
    merged: list[Event] = []
    # Twins share type, subtype and start date: compare within those buckets only, so
    # that a hundred thousand events merge in linear time.
    buckets: dict[tuple, list[Event]] = {}
    sources: dict[int, set[str]] = {}  # by id() of a merged event
    combined: set[int] = set()  # id() of the merged events others were folded into
    for event in ordered:
        if event.event_type == "other" or event.date_start is None:
            merged.append(event)  # context events and undated ones are never merged
            continue
        bucket = buckets.setdefault((event.event_type, event.event_subtype, event.date_start),
                                    [])
        twin = next((m for m in bucket if _same_event(m, event)), None)
        if twin is None:
            merged.append(event)
            bucket.append(event)
            sources[id(event)] = set(event.sources)
        else:
            _combine(twin, event, sources[id(twin)])
            combined.add(id(twin))
    for event in merged:
        if id(event) in combined:
            event.sources.sort()
            event.summary = summarise(event)
            event.event_id = event_id(event)
    return sorted(merged, key=lambda e: (e.date_start or date.min, e.event_type, e.event_id))
