"""The per-document stages wired together: read -> recognise -> resolve -> extract.

The merge and the exports run once over all documents (see :mod:`geo.build`)."""

from __future__ import annotations

from geo.events import extract_events
from geo.gazetteer import Gazetteer
from geo.model import Document, DocumentResult, Mention
from geo.recognise import descriptive_areas, recognise
from geo.resolve import resolve
from geo.rules import PlaceRules, place_rules


def parse_places(doc: Document, gazetteer: Gazetteer,
                 rules: PlaceRules | None = None) -> list[Mention]:
    """Every place mention of ``doc``, resolved, unresolved or rejected."""
    rules = rules or place_rules()
    return resolve(doc, recognise(doc, gazetteer, rules), gazetteer, rules)


def process_document(doc: Document, gazetteer: Gazetteer) -> DocumentResult:
    """All per-document results; a skipped document passes through with none."""
    if doc.status != "ok":
        return DocumentResult(doc)
    mentions = parse_places(doc, gazetteer)
    events = extract_events(doc, mentions, descriptive_areas(doc, gazetteer))
    return DocumentResult(doc, mentions=mentions, events=events)
