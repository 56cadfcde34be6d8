"""The per-document stages wired together: read -> recognise -> resolve -> extract.

The merge and the exports run once over all documents (see :mod:`geo.build`)."""

from __future__ import annotations

from time import perf_counter

from geo.events import extract_events
from geo.gazetteer import Gazetteer
from geo.model import Document, DocumentResult, Mention
from geo.online import NominatimResolver
from geo.recognise import descriptive_areas, recognise
from geo.resolve import resolve
from geo.rules import PlaceRules, place_rules


def parse_places(doc: Document, gazetteer: Gazetteer,
                 rules: PlaceRules | None = None) -> list[Mention]:
    """Every place mention of ``doc``, resolved, unresolved or rejected."""
    rules = rules or place_rules()
    return resolve(doc, recognise(doc, gazetteer, rules), gazetteer, rules)


def resolve_online(mentions: list[Mention], online: NominatimResolver,
                   rules: PlaceRules) -> None:
    """Ask the online geocoder for names the gazetteer lacks (unresolved, or villages
    only placed at their district), within the countries the document is about."""
    countries = sorted({m.place.country for m in mentions if m.resolved and m.place
                        and m.place.country} or rules.home_countries)
    for m in mentions:
        if m.status == "unresolved" or (m.resolved and m.geo_precision == "district"
                                        and m.kind == "village"):
            place = online.resolve(m.text, countries)
            if place is not None:
                m.status, m.place, m.kind = "resolved", place, place.kind
                m.geo_precision, m.confidence = place.geo_precision, 0.5
                m.reason = "found online (Nominatim)"


def process_document(doc: Document, gazetteer: Gazetteer,
                     online: NominatimResolver | None = None) -> DocumentResult:
    """All per-document results; a skipped document passes through with none."""
    if doc.status != "ok":
        return DocumentResult(doc)
    rules = place_rules()
    started = perf_counter()
    candidates = recognise(doc, gazetteer, rules)
    recognised = perf_counter()
    mentions = resolve(doc, candidates, gazetteer, rules)
    if online is not None:
        resolve_online(mentions, online, rules)
    resolved = perf_counter()
    events = extract_events(doc, mentions, descriptive_areas(doc, gazetteer),
                            countries=gazetteer.country)
    timings = {"recognise": recognised - started, "resolve": resolved - recognised,
               "extract": perf_counter() - resolved}
    return DocumentResult(doc, mentions=mentions, events=events, timings=timings)
