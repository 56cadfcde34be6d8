"""Tally and merge a build's documents, merging again only what changed since the
previous build into the same folder.

The merge folds reports of one event together within buckets of type, subtype and start
date (:func:`geo.merge.bucket_of`) and passes every other event through as it is. So a
build leaves, with its outputs, its merged events by bucket (and those in no bucket by
document), encoded, with its tallies: a :class:`MergeState`. The next build into the
folder takes from it everything of the documents that are as they were, and merges
again only the buckets the added and removed documents have events in. Adding ten
documents to a hundred thousand loads the results of those ten and of the documents
that share their buckets, and nothing of the rest. The events are those a build from
scratch merges, in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.merge import Bucket, PlaceTally, bucket_of, event_order, merge_events, summarise_document
from geo.model import DocumentResult, Event

if TYPE_CHECKING:  # the cache keeps this module's states
    from geo.cache import ResultCache

#: A bucket of the merge, or the key of a document for its events in no bucket.
GroupKey = Bucket | str


@dataclass
class MergeState:
    """What a build's tally and merge leave for the next build into the same folder."""

    #: per document key: the document's id, and the buckets its events are in
    documents: dict[str, tuple[str, tuple[Bucket, ...]]]
    #: the merged events of each group, in their order: encoded by the cache, as the
    #: previous build saved them, or not yet, those this build merged
    groups: dict[GroupKey, bytes | list[Event]]
    places: PlaceTally
    candidates: Counter[tuple[str, str]]
    mentions: int
    unresolved: int


class Tally:
    """The tallies of a build's documents, added one at a time, and their merged events.

    With a ``previous`` state (and the ``cache`` it was made with), the documents it has
    come as :attr:`DocumentResult.kept` results, which are not tallied again. Without a
    cache, no state is kept.
    """

    def __init__(self, cache: ResultCache | None, previous: MergeState | None = None) -> None:
        self.cache, self.previous = cache, previous
        start = previous or MergeState({}, {}, PlaceTally(), Counter(), 0, 0)
        self.places, self.candidates = start.places, start.candidates
        self.mentions, self.unresolved = start.mentions, start.unresolved
        #: the events of the documents tallied here (not kept), to merge
        self.events: list[Event] = []
        #: the state's documents, for those this build has, in the order it has them
        self.documents: dict[str, tuple[str, tuple[Bucket, ...]]] = {}
        self._added: set[str] = set()
        self._owner: dict[int, str] = {}  # id() of an event in no bucket: its document's key
        self._buckets: dict[Bucket, Bucket] = {}
        #: after :meth:`merge` with a previous state: the events it merged anew; the
        #: others are the previous build's, as they were (None: all merged anew)
        self.merged_again: list[Event] | None = None

    def add(self, result: DocumentResult) -> None:
        """Tally one document's results (nothing for a kept one, already counted)."""
        doc = result.document
        key = self.cache.key(doc) if self.cache and doc.status == "ok" else None
        if result.kept:
            self.documents[key] = self.previous.documents[key]
            return
        summary = summarise_document(result)
        self.mentions += summary.mentions
        self.unresolved += summary.unresolved
        self.candidates.update(dict(summary.candidates))
        self.places.add(doc.doc_id, summary)
        self.events.extend(summary.events)
        if key is None:
            return
        buckets: dict[Bucket, None] = {}  # in order, each once
        for event in summary.events:
            bucket = bucket_of(event)
            if bucket is None:
                self._owner[id(event)] = key
            else:  # one object per bucket, which the state then stores once
                buckets[self._buckets.setdefault(bucket, bucket)] = None
        self.documents[key] = (doc.doc_id, tuple(buckets))
        self._added.add(key)

    def merge(self) -> tuple[list[Event], MergeState | None]:
        """The merged events, in order (see :func:`geo.merge.merge_events`), and the state
        to leave for the next build (None without a cache)."""
        if self.previous is None:
            merged = merge_events(self.events)
            return merged, self._state({}, merged)
        touched = self._take_away_removed() | {
            bucket for key in self._added for bucket in self.documents[key][1]}
        remerged = merge_events(self.events + self._kept_events_in(touched))
        kept = {group: blob for group, blob in self.previous.groups.items()
                if (group in self.documents if isinstance(group, str) else group not in touched)}
        merged = [e for blob in kept.values() for e in self.cache.decode(blob)] + remerged
        merged.sort(key=event_order)
        self.merged_again = remerged
        return merged, self._state(kept, remerged)

    def _take_away_removed(self) -> set[Bucket]:
        """Take the documents the previous build had and this one has not out of the
        tallies; the buckets their events were in."""
        removed = [key for key in self.previous.documents if key not in self.documents]
        touched: set[Bucket] = set()
        for key, summary in self.cache.summaries(removed).items():
            doc_id, buckets = self.previous.documents[key]
            self.mentions -= summary.mentions
            self.unresolved -= summary.unresolved
            self.candidates.subtract(dict(summary.candidates))
            self.places.remove(doc_id, summary)
            touched.update(buckets)
        self.candidates = +self.candidates  # without the names no document has any more
        return touched

    def _kept_events_in(self, buckets: set[Bucket]) -> list[Event]:
        """The events in ``buckets`` of the kept documents, in the order of the build."""
        keys = [key for key, (_, in_buckets) in self.documents.items()
                if key not in self._added and not buckets.isdisjoint(in_buckets)]
        summaries = self.cache.summaries(keys)
        return [e for key in keys for e in summaries[key].events if bucket_of(e) in buckets]

    def _state(self, kept: dict[GroupKey, bytes | list[Event]], merged: Iterable[Event]
               ) -> MergeState | None:
        """The state after this build: the ``kept`` groups as they were, and those of the
        ``merged`` events (encoded when the state is saved, once the outputs are
        written: not held twice while they are)."""
        if self.cache is None:
            return None
        groups: dict[GroupKey, list[Event]] = {}
        for event in merged:
            groups.setdefault(bucket_of(event) or self._owner[id(event)], []).append(event)
        return MergeState(self.documents, kept | groups, self.places, self.candidates,
                          self.mentions, self.unresolved)
