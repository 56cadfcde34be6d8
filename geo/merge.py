"""Merge per-document results: the places referenced across documents, and the same
event reported by several documents folded into one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from geo.events import event_id, summarise
from geo.model import DocumentResult, DocumentSummary, Event, Place, PlaceSummary
from geo.resolve import DISTRICT_LEVEL


def summarise_document(result: DocumentResult) -> DocumentSummary:
    """What the merge needs of one document's results (see :class:`DocumentSummary`)."""
    places: dict[str, list] = {}
    candidates: dict[tuple[str, str], int] = {}
    unresolved = 0
    for m in result.mentions:  # a build's main process runs this for every document
        status, place = m.status, m.place
        if status == "resolved":
            if place is not None:
                counted = places.get(place.id)
                if counted is None:
                    places[place.id] = [place, 1]
                else:
                    counted[1] += 1
            if not m.reason.startswith(DISTRICT_LEVEL):
                continue
        elif status == "unresolved":
            unresolved += 1
        else:
            continue
        name = (m.text, (place.district or "") if place else "")
        candidates[name] = candidates.get(name, 0) + 1
    return DocumentSummary(len(result.mentions), result.events,
                           [(place, count) for place, count in places.values()],
                           list(candidates.items()), unresolved)


class PlaceTally:
    """Counts of the resolved places, added (and taken away) one document at a time.

    A place's documents are listed by id, sorted, each once: the same whichever order
    the documents came in.

    >>> aghdam = Place("AZ-AGD", "Aghdam", "district", "AZ", 39.99, 46.93)
    >>> tally = PlaceTally()
    >>> tally.add("b", DocumentSummary(2, [], [(aghdam, 2)], [], 0))
    >>> tally.add("a", DocumentSummary(1, [], [(aghdam, 1)], [], 0))
    >>> [(s.place.name, s.mentions, s.doc_ids) for s in tally.summaries()]
    [('Aghdam', 3, ['a', 'b'])]
    >>> tally.remove("b", DocumentSummary(2, [], [(aghdam, 2)], [], 0))
    >>> [(s.mentions, s.doc_ids) for s in tally.summaries()]
    [(1, ['a'])]
    """

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._mentions: Counter[str] = Counter()
        #: per place, how many documents of each id name it (ids are not always unique)
        self._docs: dict[str, Counter[str]] = {}

    def add(self, doc_id: str, document: DocumentSummary) -> None:
        for place, mentions in document.places:
            if place.id not in self._places:
                self._places[place.id] = place
                self._docs[place.id] = Counter()
            self._mentions[place.id] += mentions
            self._docs[place.id][doc_id] += 1

    def remove(self, doc_id: str, document: DocumentSummary) -> None:
        """Take away what :meth:`add` added for this document."""
        for place, mentions in document.places:
            self._mentions[place.id] -= mentions
            docs = self._docs[place.id]
            docs[doc_id] -= 1
            if not docs[doc_id]:
                del docs[doc_id]
            if not docs:  # no document names it any more
                del self._places[place.id], self._mentions[place.id], self._docs[place.id]

    def summaries(self) -> list[PlaceSummary]:
        """One summary per resolved place, most mentioned first (ties by id)."""
        return sorted((PlaceSummary(place, self._mentions[pid], sorted(self._docs[pid]))
                       for pid, place in self._places.items()),
                      key=lambda s: (-s.mentions, s.place.id))


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
    buckets: dict[Bucket, list[Event]] = {}
    sources: dict[int, set[str]] = {}  # by id() of a merged event
    combined: set[int] = set()  # id() of the merged events others were folded into
    for event in ordered:
        key = bucket_of(event)
        if key is None:
            merged.append(event)
            continue
        bucket = buckets.setdefault(key, [])
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
    return sorted(merged, key=event_order)


#: The type, subtype and start date that twins share: the merge compares events within
#: these buckets only, so that a hundred thousand events merge in linear time.
Bucket = tuple[str, str | None, date]


def bucket_of(event: Event) -> Bucket | None:
    """The bucket :func:`merge_events` compares ``event`` within; None for an event it
    never merges (context events and undated ones)."""
    if event.event_type == "other" or event.date_start is None:
        return None
    return event.event_type, event.event_subtype, event.date_start


def event_order(event: Event) -> tuple:
    """The order of the merged events: by date, type, id and subtype. Events that tie
    are alike in all of these, and keep the order the merge gave them."""
    return (event.date_start or date.min, event.event_type, event.event_id,
            event.event_subtype or "")
