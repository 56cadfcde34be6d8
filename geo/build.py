"""``geo build``: run every stage over a collection and write the outputs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.corpus import read_documents
from geo.export import write_documents, write_events, write_mentions, write_places
from geo.gazetteer import Gazetteer
from geo.merge import merge_events, summarise_places
from geo.model import DocumentResult, Event, PlaceSummary
from geo.online import NominatimResolver
from geo.pipeline import process_document
from geo.progress import progress


@dataclass
class BuildResult:
    results: list[DocumentResult]
    places: list[PlaceSummary]
    events: list[Event] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def unresolved(self) -> int:
        return sum(m.status == "unresolved" for r in self.results for m in r.mentions)

    def gazetteer_candidates(self) -> list[tuple[str, str, int]]:
        """Names worth adding to a user gazetteer: unresolved, or villages only placed at
        their district. (name, district or "", mentions), most mentioned first."""
        counts: dict[tuple[str, str], int] = {}
        for r in self.results:
            for m in r.mentions:
                if m.status == "unresolved" or (m.resolved and m.reason.startswith(
                        "located at district level")):
                    key = (m.text, (m.place.district or "") if m.place else "")
                    counts[key] = counts.get(key, 0) + 1
        return sorted(((n, d, c) for (n, d), c in counts.items()), key=lambda x: (-x[2], x[0]))


def process_all(inputs: Iterable[str | Path], gazetteer: Gazetteer,
                online: NominatimResolver | None = None) -> Iterator[DocumentResult]:
    for doc in read_documents(inputs):
        yield process_document(doc, gazetteer, online)


def run(inputs: list[str | Path], gazetteer: Gazetteer,
        online: NominatimResolver | None = None) -> BuildResult:
    """Process every document of ``inputs`` and merge the results."""
    results = list(progress(process_all(inputs, gazetteer, online), "documents"))
    events = merge_events(e for r in results for e in r.events)
    return BuildResult(results, summarise_places(results), events)


def write_outputs(build: BuildResult, out_dir: Path) -> list[Path]:
    """Write the contract's files into ``out_dir``; returns their paths."""
    written = []
    for name, writer, data in (
        ("documents.csv", write_documents, build.results),
        ("mentions.csv", write_mentions, build.results),
        ("places.geojson", write_places, build.places),
    ):
        path = out_dir / name
        writer(path, data)
        written.append(path)
    write_events(out_dir / "events.geojson", out_dir / "events.csv", build.events)
    written += [out_dir / "events.geojson", out_dir / "events.csv"]
    build.written = written
    return written
