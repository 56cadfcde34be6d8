"""The ``geo`` command line: thin wiring of the pipeline's stages."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.table import Table

from geo import build as build_stage
from geo import evaluate as evaluation
from geo.cache import ResultCache, pipeline_version
from geo.collector import relax_collector
from geo.corpus import MAX_BYTES, read_documents
from geo.errors import GeoError
from geo.execute import default_jobs
from geo.gazetteer import Gazetteer, cache_dir, imports_dir, load_gazetteer
from geo.gazetteer.sources import read_geonames_dump, write_places_csv
from geo.join import JoinResult, join_table, write_join_outputs
from geo.online import DEFAULT_USER_AGENT, NominatimResolver
from geo.pipeline import parse_places

# Tables stay readable in a pipe or a log, where no terminal says how wide to be.
console = Console(width=None if sys.stdout.isatty() else 160)


class GeoGroup(click.Group):
    """Turns a :class:`GeoError` into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GeoError as exc:
            click.echo(f"geo: error: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("geo: interrupted; the previous outputs are left as they were",
                       err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: one line for the user, the trace on request
            if os.environ.get("GEO_DEBUG"):
                raise
            click.echo(f"geo: internal error: {exc.__class__.__name__}: {exc} "
                       "(run with GEO_DEBUG=1 for the traceback, and please report it)",
                       err=True)
            sys.exit(3)


@click.group(cls=GeoGroup)
@click.version_option(package_name="geo")
def main() -> None:
    """Map landmine events in the South Caucasus from news reports."""


gazetteer_option = click.option(
    "--gazetteer", "gazetteer_files", multiple=True, type=click.Path(path_type=Path),
    help="A CSV of your own places (same columns as data/gazetteer/curated.csv); "
         "adds or overrides entries. May be given more than once.")


def table_options(command: Callable) -> Callable:
    """The options that say how to read a table of the user's (``join``, ``build``)."""
    for option in reversed((
        click.option("--place", "place_column",
                     help="Column naming each row's place (a header such as 'village' or "
                          "'district' also says its kind)."),
        click.option("--district", "district_column",
                     help="Column naming each row's district: narrows the choice, and "
                          "places a village the gazetteer lacks at its district."),
        click.option("--country", help="Only places of this country (ISO code, e.g. AZ)."),
        click.option("--date", "date_column",
                     help="Column of dates (2023-05-12, 2023-05, May 2023)."),
        click.option("--sheet", help="Sheet of an XLSX file (default: the first)."),
    )):
        command = option(command)
    return command


def _join(table: Path, place_column: str | None, district_column: str | None,
          country: str | None, date_column: str | None, sheet: str | None,
          gazetteer: Gazetteer) -> JoinResult:
    if not place_column:
        raise GeoError(f"{table}: say which column names the places (--place COLUMN)")
    return join_table(table, place_column, district_column, country, date_column,
                      gazetteer=gazetteer, sheet=sheet)


def _report_join(joined: JoinResult) -> None:
    unresolved = joined.unresolved
    if unresolved:
        listed = ", ".join(f"{name or '(no name)'} ({count})"
                           for name, count in unresolved.most_common(20))
        more = f" and {len(unresolved) - 20} more" if len(unresolved) > 20 else ""
        console.print(f"unresolved: {listed}{more}", highlight=False, markup=False)
    candidates = joined.gazetteer_candidates
    if candidates:
        listed = ", ".join(f"{name} ({district}, {count})"
                           for (name, district), count in candidates.most_common(20))
        console.print(f"names to add to your gazetteer (--gazetteer FILE.csv): {listed}",
                      highlight=False, markup=False)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              default=Path("output"), show_default=True, help="Folder for the outputs.")
@gazetteer_option
@click.option("--online", is_flag=True,
              help="Ask Nominatim (OpenStreetMap) for names the gazetteer lacks; at most "
                   "one request per second, every answer cached on disk. Off by default.")
@click.option("--user-agent", default=DEFAULT_USER_AGENT, show_default=True,
              help="User agent for --online, naming you as Nominatim's policy asks.")
@click.option("--nominatim-url", default="https://nominatim.openstreetmap.org",
              show_default=True, help="Nominatim server for --online.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for the per-document stages (default: every core).")
@click.option("--dask-scheduler", metavar="ADDRESS",
              help="Run the per-document stages on this Dask cluster (tcp://host:8786).")
@click.option("--no-cache", is_flag=True,
              help="Reprocess every document instead of reusing cached results.")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=MAX_BYTES / 1e6,
              show_default=True, help="Skip files larger than this many MB.")
@click.option("--table", type=click.Path(path_type=Path),
              help="A table of your own (CSV or XLSX) to put on the map as its own layer; "
                   "--place names its place column.")
@table_options
@click.option("--size-by", help="Numeric column of --table that sizes its markers.")
@click.option("--offline-assets", type=click.Path(path_type=Path, file_okay=False),
              help="An npm node_modules folder with the map's front-end packages (e.g. "
                   "tests/webassets/node_modules): map.html then inlines them and needs "
                   "no network but for map tiles.")
def build(inputs: tuple[Path, ...], out_dir: Path, gazetteer_files: tuple[Path, ...],
          online: bool, user_agent: str, nominatim_url: str, jobs: int | None,
          dask_scheduler: str | None, no_cache: bool, max_size: float, table: Path | None,
          place_column: str | None, district_column: str | None, country: str | None,
          date_column: str | None, sheet: str | None, size_by: str | None,
          offline_assets: Path | None) -> None:
    """Read INPUTS (files and folders; default seeds/) and write maps and tables."""
    relax_collector()  # one build, then the process ends
    gazetteer = load_gazetteer(gazetteer_files)
    joined = None
    if table is not None:  # read first: a bad table stops the build before anything runs
        joined = _join(table, place_column, district_column, country, date_column, sheet,
                       gazetteer)
        joined.size_column(size_by)
    resolver = None
    if online:
        url = urlsplit(nominatim_url)
        resolver = NominatimResolver(cache_dir() / "nominatim.sqlite", user_agent=user_agent,
                                     domain=url.netloc + url.path.rstrip("/"),
                                     scheme=url.scheme or "https")
    cache = None if no_cache else ResultCache(
        cache_dir() / "results.sqlite",
        pipeline_version([str(gazetteer.cache_path), str(online), nominatim_url]), gazetteer)
    result = build_stage.build_into(
        out_dir, list(inputs) or [Path("seeds")], gazetteer, online=resolver,
        jobs=jobs or default_jobs(), dask_scheduler=dask_scheduler, cache=cache,
        gazetteer_files=gazetteer_files, max_bytes=int(max_size * 1e6), joined=joined,
        size_by=size_by, offline_assets=offline_assets)
    docs = result.documents
    skipped = sum(d.status != "ok" for d in docs)
    if docs and skipped == len(docs):
        raise GeoError(f"no readable document among {len(docs)} input files "
                       f"(reasons in {out_dir / 'documents.csv'})")
    reused = f", {cache.hits} from cache" if cache and cache.hits else ""
    if result.rows_copied:
        reused += f", {result.rows_copied} with their rows copied from the last build"
    console.print(
        f"{len(docs)} documents ({skipped} skipped{reused}), {result.mentions} place "
        f"mentions ({result.unresolved} unresolved), {len(result.places)} places, "
        f"{len(result.events)} events ({result.acled_left_out} not in events_acled.csv: "
        f"undated or placed only at a country) -> {out_dir}/", highlight=False)
    if joined is not None:
        console.print(f"table {table}: {len(joined.rows)} rows, {joined.resolved} resolved "
                      f"-> joined.geojson, joined.csv, mines.gpkg layer 'joined'",
                      highlight=False, markup=False)
        _report_join(joined)
    candidates = result.gazetteer_candidates()
    if candidates:
        listed = ", ".join(f"{name} ({district or 'district unknown'}, {count})"
                           for name, district, count in candidates[:20])
        console.print(f"names to add to your gazetteer (--gazetteer FILE.csv): {listed}",
                      highlight=False, markup=False)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@gazetteer_option
def parse(file: Path, gazetteer_files: tuple[Path, ...]) -> None:
    """Print the place mentions of one document as a table."""
    gazetteer = load_gazetteer(gazetteer_files)
    for doc in read_documents([file]):
        if doc.status != "ok":
            raise GeoError(f"{doc.path}: {doc.error}")
        table = Table(title=f"{doc.doc_id} ({doc.published or 'no date'})")
        for column in ("start", "text", "status", "place", "kind", "district", "country",
                       "conf.", "reason"):
            table.add_column(column)
        for m in parse_places(doc, gazetteer):
            p = m.place
            table.add_row(str(m.start), m.text, m.status, p.id if p else "", m.kind or "",
                          (p.district or "") if p else "", p.country if p else "",
                          f"{m.confidence:.2f}" if p else "", m.reason)
        console.print(table)


@main.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(path_type=Path),
              help="Gold annotations (*.gold.jsonl).")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@gazetteer_option
@click.option("-v", "--verbose", is_flag=True, help="List every error per document.")
def evaluate(gold_path: Path, inputs: tuple[Path, ...], gazetteer_files: tuple[Path, ...],
             verbose: bool) -> None:
    """Score recognition, resolution and events against gold annotations."""
    records = evaluation.read_gold(gold_path)
    files = list(inputs) or evaluation.gold_inputs(gold_path, records)
    gazetteer = load_gazetteer(gazetteer_files)
    result = build_stage.run(files, gazetteer)
    by_id = {r.document.doc_id: r for r in result.results}
    scores = evaluation.evaluate(records, by_id, result.events)
    table = Table(title=f"Evaluation against {gold_path.name}")
    for column in ("document", "P", "R", "F1", "resolution", "unscored", "events P",
                   "events R", "numbers"):
        table.add_column(column, justify="left" if column == "document" else "right")

    def row(name: str, places: evaluation.Score, events: evaluation.Score) -> list[str]:
        return [name, f"{places.precision:.3f}", f"{places.recall:.3f}", f"{places.f1:.3f}",
                f"{places.accuracy:.3f}", str(places.unscored), f"{events.precision:.3f}",
                f"{events.recall:.3f}",
                f"{events.numbers_right}/{events.numbers_found}"]

    for s in scores:
        table.add_row(*row(s.file, s.places, s.events))
    places, events = evaluation.total(scores)
    table.add_row(*row("overall", places, events), style="bold")
    console.print(table)
    if verbose:
        for s in scores:
            for line in s.places.errors + s.events.errors:
                console.print(f"{s.file}: {line}", markup=False, highlight=False)


@main.command()
@click.argument("table", type=click.Path(path_type=Path))
@table_options
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              default=Path("output"), show_default=True, help="Folder for the outputs.")
@gazetteer_option
def join(table: Path, place_column: str, district_column: str | None, country: str | None,
         date_column: str | None, sheet: str | None, out_dir: Path,
         gazetteer_files: tuple[Path, ...]) -> None:
    """Put TABLE (CSV or XLSX) on the map: resolve each row's place with the gazetteer.

    Writes joined.geojson and joined.csv, and the 'joined' layer of mines.gpkg when the
    folder has one (run it after geo build, which rewrites that file).
    """
    joined = _join(table, place_column, district_column, country, date_column, sheet,
                   load_gazetteer(gazetteer_files))
    written = write_join_outputs(joined, out_dir)
    console.print(
        f"{len(joined.rows)} rows: {joined.resolved} resolved ({joined.district_level} at "
        f"district level), {sum(joined.unresolved.values())} unresolved -> "
        f"{', '.join(str(p) for p in written)}", highlight=False, markup=False)
    _report_join(joined)


@main.group()
def gazetteer() -> None:
    """Search and extend the gazetteer."""


@gazetteer.command()
@click.argument("name")
@gazetteer_option
@click.option("-n", "--limit", default=10, show_default=True)
def search(name: str, gazetteer_files: tuple[Path, ...], limit: int) -> None:
    """Print the candidates for NAME, best first."""
    places = load_gazetteer(gazetteer_files).lookup(name)
    if not places:
        raise GeoError(f"no place named {name!r} in the gazetteer")
    table = Table(title=f"Candidates for {name!r}")
    for column in ("id", "name", "kind", "country", "district", "lat", "lon", "population",
                   "source"):
        table.add_column(column, overflow="fold")
    for p in places[:limit]:
        table.add_row(p.id, p.name, p.kind, p.country, p.district or "", f"{p.lat:.5f}",
                      f"{p.lon:.5f}", str(p.population or ""), p.source)
    console.print(table)


@gazetteer.command()
@gazetteer_option
def info(gazetteer_files: tuple[Path, ...]) -> None:
    """Print counts by source and where the cache lives."""
    gaz = load_gazetteer(gazetteer_files)
    table = Table(title=f"Gazetteer: {len(gaz)} places")
    table.add_column("source")
    table.add_column("places", justify="right")
    for source, count in gaz.sources.items():
        table.add_row(source, str(count))
    console.print(table)
    console.print(f"cache: {gaz.cache_path or cache_dir()}", highlight=False)
    console.print(f"imports: {imports_dir()}", highlight=False)


@gazetteer.command(name="import")
@click.argument("dump", type=click.Path(path_type=Path, exists=True, dir_okay=False))
def import_dump(dump: Path) -> None:
    """Import a GeoNames dump file (e.g. AZ.txt or AZ.zip) into your gazetteer."""
    places = read_geonames_dump(dump)
    target = imports_dir() / f"{dump.stem}.csv"
    write_places_csv(places, target)
    console.print(f"imported {len(places)} places from {dump} into {target}", highlight=False)


if __name__ == "__main__":
    main()
