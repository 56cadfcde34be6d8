"""``geo build``: run every stage over a collection and write the outputs.

Documents stream through: each one's mentions and row of ``documents.csv`` are written
as it is done, and only what the merge and the map need (events, place counts, a light
record of each document) stays in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from time import perf_counter
from typing import TypeVar

from geo.acled import write_acled
from geo.alongside import Pending, alongside
from geo.atomic import staged_outputs
from geo.cache import MissingResults, PreviousBuild, ResultCache, Rows
from geo.collector import collector_relaxed
from geo.corpus import MAX_BYTES, count_documents, iter_input_files, read_documents
from geo.errors import GeoError
from geo.execute import process_documents
from geo.export import (
    DOCUMENT_COLUMNS,
    MENTION_COLUMNS,
    CsvStream,
    cell,
    document_record,
    mention_record,
    write_events,
    write_places,
)
from geo.gazetteer import Gazetteer
from geo.gpkg import GeoPackageWriter
from geo.incremental import MergeState, Tally
from geo.join import JoinResult, write_join_outputs
from geo.model import Document, DocumentResult, Event, PlaceSummary
from geo.online import NominatimResolver
from geo.progress import progress, stage
from geo.qgis_project import write_qgis_project
from geo.webmap import TableData, write_map

T = TypeVar("T")


@dataclass
class BuildResult:
    """What a build keeps: every document (without its text), merged events, place
    counts, mention counts, and the full per-document results when asked to keep them."""

    documents: list[Document]
    places: list[PlaceSummary]
    events: list[Event]
    mentions: int = 0
    unresolved: int = 0
    candidates: Counter[tuple[str, str]] = field(default_factory=Counter)
    results: list[DocumentResult] = field(default_factory=list)
    timings: Counter[str] = field(default_factory=Counter)
    written: list[Path] = field(default_factory=list)
    #: events ACLED's rules would not record (undated, or placed only at a country)
    acled_left_out: int = 0
    #: documents whose rows were copied from the previous outputs (see build_into)
    rows_copied: int = 0
    #: what the next build into the same folder takes from this one (with a cache)
    merge_state: MergeState | None = None
    #: with a previous build's state: the events merged anew, the others being that
    #: build's as they were (None: every event was merged anew)
    merged_again: list[Event] | None = None

    def gazetteer_candidates(self) -> list[tuple[str, str, int]]:
        """Names worth adding to a user gazetteer: unresolved, or villages only placed at
        their district. (name, district or "", mentions), most mentioned first."""
        return sorted(((n, d, c) for (n, d), c in self.candidates.items()),
                      key=lambda x: (-x[2], x[0]))


def run(inputs: Iterable[str | Path], gazetteer: Gazetteer, *,
        online: NominatimResolver | None = None, jobs: int = 1,
        dask_scheduler: str | None = None, cache: ResultCache | None = None,
        gazetteer_files: Iterable[str | Path] = (), keep_results: bool = True,
        on_result: Callable[[DocumentResult], None] | None = None,
        max_bytes: int = MAX_BYTES, previous: MergeState | None = None) -> BuildResult:
    """Process every document of ``inputs`` and merge the results.

    ``on_result`` sees each document's results as they come (in input order);
    with ``keep_results=False`` they are not kept in the returned build. With the
    ``previous`` state of a build with the same ``cache``, the documents it has are
    merged again only where they share buckets with changed ones (see :class:`Tally`).
    """
    inputs = list(inputs)
    if next(iter_input_files(inputs), None) is None:
        raise GeoError(f"no input files in {', '.join(str(i) for i in inputs)}")
    with collector_relaxed():  # a build keeps millions of objects, few in cycles
        started = perf_counter()
        build = BuildResult([], [], [])
        documents = _timed(read_documents(inputs, max_bytes), build.timings, "read")
        results = process_documents(documents, gazetteer, jobs=jobs,
                                    gazetteer_files=gazetteer_files,
                                    dask_scheduler=dask_scheduler, online=online, cache=cache)
        tally = Tally(cache, previous)
        for result in progress(results, "documents",
                               lambda: count_documents(inputs, max_bytes)):
            if on_result:
                on_result(result)
            tally.add(result)
            build.timings.update(result.timings)
            if keep_results:
                build.results.append(result)
            else:  # the text is no longer needed, and is most of a document's memory
                result.document.text = ""
            build.documents.append(result.document)
        build.timings["documents"] = perf_counter() - started
        merging = perf_counter()
        with stage("merging the events"):
            build.events, build.merge_state = tally.merge()
            build.merged_again = tally.merged_again
            build.places = tally.places.summaries()
        build.mentions, build.unresolved = tally.mentions, tally.unresolved
        build.candidates = tally.candidates
        build.timings["merge"] = perf_counter() - merging
        return build


def _timed(items: Iterator[T], timings: Counter[str], stage: str) -> Iterator[T]:
    """``items``, adding the time spent making each to ``timings[stage]``."""
    while True:
        started = perf_counter()
        item = next(items, None)
        timings[stage] += perf_counter() - started
        if item is None:
            return
        yield item


def build_into(out_dir: Path, inputs: Iterable[str | Path], gazetteer: Gazetteer, *,
               joined: JoinResult | None = None, size_by: str | None = None,
               offline_assets: Path | None = None, cache: ResultCache | None = None,
               max_bytes: int = MAX_BYTES, **options: object) -> BuildResult:
    """Run the build and write every output file into ``out_dir``, all or nothing: the
    files appear together once every one is complete (see :func:`staged_outputs`).

    With a ``cache``, the rows of documents an earlier build wrote into ``out_dir`` are
    copied from its files while they are unchanged (see :class:`PreviousBuild`).

    ``joined`` is a table of the user's, resolved (see :mod:`geo.join`): it is written
    beside the outputs and into the GeoPackage."""
    inputs = list(inputs)
    previous = cache.previous_build(out_dir) if cache else None
    if previous and not _mostly_kept(inputs, previous, cache, max_bytes):
        previous = None
    write = partial(_write_build, out_dir, inputs, gazetteer, joined=joined, size_by=size_by,
                    offline_assets=offline_assets, cache=cache, max_bytes=max_bytes, **options)
    try:
        return write(previous)
    except MissingResults:  # the cache lost results the last build's state relies on
        cache.hits = cache.misses = 0
        return write(None)


def _write_build(out_dir: Path, inputs: list[str | Path], gazetteer: Gazetteer,
                 previous: PreviousBuild | None, *, joined: JoinResult | None,
                 size_by: str | None, offline_assets: Path | None,
                 cache: ResultCache | None, max_bytes: int, **options: object
                 ) -> BuildResult:
    """:func:`build_into`, starting from ``previous`` (see :class:`PreviousBuild`)."""
    with collector_relaxed(), staged_outputs(out_dir) as staging, ExitStack() as meanwhile:
        build, rows, event_files = _build_into(staging, inputs, gazetteer, cache=cache,
                                               previous=previous and (out_dir, previous),
                                               meanwhile=meanwhile, max_bytes=max_bytes,
                                               **options)
        exporting = perf_counter()
        table = None if joined is None else TableData(
            joined.path.name, joined.feature_collection()["features"],
            joined.size_column(size_by))
        with stage("writing the map"):
            write_map(build, staging / "map.html", offline_assets=offline_assets,
                      link_base=out_dir, table=table)
        build.written.append(staging / "map.html")
        if joined is not None:
            build.written += write_join_outputs(joined, staging)
        with stage("writing the events and places"):
            build.acled_left_out = event_files.result()
        build.timings["export"] += perf_counter() - exporting
    build.written = [out_dir / path.name for path in build.written]
    if cache and joined is None:  # a joined layer is not the build's to keep
        cache.save_build(out_dir, rows, build.merge_state)
    return build


def _mostly_kept(inputs: list[str | Path], previous: PreviousBuild, cache: ResultCache,
                 max_bytes: int, sample: int = 200) -> bool:
    """Whether most of the first ``sample`` documents have rows in the previous outputs.
    Copying them pays when documents were added; a folder the build of another
    collection used is written afresh, not copied and then emptied row by row."""
    docs = (d for d in read_documents(inputs, max_bytes) if d.status == "ok")
    keys = [cache.key(doc) for doc in islice(docs, sample)]
    return 2 * sum(key in previous.rows for key in keys) >= len(keys)


def _build_into(out_dir: Path, inputs: Iterable[str | Path], gazetteer: Gazetteer, *,
                cache: ResultCache | None, previous: tuple[Path, PreviousBuild] | None,
                meanwhile: ExitStack, jobs: int = 1, **options: object
                ) -> tuple[BuildResult, dict[str, Rows], Pending[int]]:
    """The build, written into ``out_dir``; where each document's mention rows lie
    (see :class:`PreviousBuild`); and the event files, which are written alongside the
    rest (see :func:`write_event_files`) while ``meanwhile`` lasts, on another core when
    the build has more than one."""
    gpkg = out_dir / "mines.gpkg"
    kept_from, kept = previous or (None, None)
    rows: dict[str, Rows] = {}
    copied: set[str] = set()
    with ExitStack() as stack:
        documents = stack.enter_context(CsvStream(
            out_dir / "documents.csv", DOCUMENT_COLUMNS,
            kept_from / "documents.csv" if kept_from else None))
        mentions = stack.enter_context(CsvStream(
            out_dir / "mentions.csv", MENTION_COLUMNS,
            kept_from / "mentions.csv" if kept_from else None))
        geopackage = stack.enter_context(GeoPackageWriter(
            gpkg, previous=kept_from / "mines.gpkg" if kept_from else None))
        if kept:
            cache.kept = kept.rows
            stack.callback(setattr, cache, "kept", frozenset())

        def write_rows(result: DocumentResult) -> None:
            if result.kept:  # its rows, copied; its GeoPackage rows stay where they are
                key = cache.key(result.document)
                start, end, first, last, row_start, row_end, row = kept.rows[key]
                rows[key] = (*mentions.copy(start, end), first, last,
                             *documents.copy(row_start, row_end), row)
                copied.add(key)
                return
            document = document_record(result.document, len(result.mentions),
                                       len(result.events))  # typed, for the GeoPackage
            records = [mention_record(m) for m in result.mentions]
            in_mentions = mentions.write_records(records)
            first, last, row = geopackage.add(records, document)
            if cache and result.document.status == "ok":
                rows[cache.key(result.document)] = (
                    *in_mentions, first, last,
                    *documents.write_records([tuple(map(cell, document))]), row)
            else:
                documents.write_values(map(cell, document))

        build = run(inputs, gazetteer, keep_results=False, on_result=write_rows, cache=cache,
                    jobs=jobs, previous=kept and kept.merge, **options)
        exporting = perf_counter()
        with stage("writing the events and places"):  # here, with one process
            event_files = meanwhile.enter_context(alongside(
                partial(write_event_files, build, out_dir), parallel=jobs > 1,
                what="writing the event files"))
        with stage("writing the GeoPackage"):
            if kept:  # the previous rows of documents gone or changed since are dropped
                geopackage.drop_previous((rows[key][6] for key in copied),
                                         (row[2:4] for key, row in kept.rows.items()
                                          if key not in copied))
            geopackage.finish(build)
    build.rows_copied = len(copied)
    write_qgis_project(gpkg, out_dir / "mines.qgz")
    build.written = [out_dir / name for name in (
        "documents.csv", "mentions.csv", *EVENT_FILES, "mines.gpkg", "mines.qgz")]
    build.timings["export"] = perf_counter() - exporting
    return build, rows, event_files


#: The files :func:`write_event_files` writes.
EVENT_FILES = ("places.geojson", "events.geojson", "events.csv", "events_acled.csv")


def write_event_files(build: BuildResult, out_dir: Path) -> int:
    """Write the merged events and places as GeoJSON and CSV, and the events in ACLED's
    columns, into ``out_dir`` (see :data:`EVENT_FILES`); returns how many events ACLED's
    rules leave out."""
    write_places(out_dir / "places.geojson", build.places)
    write_events(out_dir / "events.geojson", out_dir / "events.csv", build.events)
    return write_acled(build.events, out_dir / "events_acled.csv")
