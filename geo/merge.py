"""Merge per-document results: the places referenced across documents, and the same
event reported by several documents folded into one."""

from __future__ import annotations

from collections.abc import Iterable

from geo.model import DocumentResult, PlaceSummary


def summarise_places(results: Iterable[DocumentResult]) -> list[PlaceSummary]:
    """One summary per resolved place, most mentioned first (ties by id)."""
    summaries: dict[str, PlaceSummary] = {}
    for result in results:
        for mention in result.mentions:
            if not mention.resolved or mention.place is None:
                continue
            summary = summaries.setdefault(mention.place.id,
                                           PlaceSummary(mention.place, 0, []))
            summary.mentions += 1
            if mention.doc_id not in summary.doc_ids:
                summary.doc_ids.append(mention.doc_id)
    return sorted(summaries.values(), key=lambda s: (-s.mentions, s.place.id))
