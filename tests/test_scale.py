"""Spreading the work: processes, a Dask cluster, and the result cache."""

from __future__ import annotations

import os
import shutil
import signal
import time
from contextlib import closing

import pytest
from click.testing import CliRunner

from geo import execute
from geo.build import run
from geo.cache import ResultCache, encode_result, pipeline_version
from geo.cli import main
from geo.corpus import read_documents
from geo.execute import process_documents
from geo.merge import summarise_document
from geo.model import Document

from .conftest import EVAL_DEV, SEEDS


def corpus(tmp_path):
    """The seeds and the development articles, when they are beside the project."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    if EVAL_DEV.is_dir():
        for path in (EVAL_DEV / "articles").glob("*.txt"):
            shutil.copy(path, folder / f"dev-{path.name}")
    return folder


def outputs(folder):
    return {name: (folder / name).read_bytes() for name in
            ("events.csv", "events.geojson", "mentions.csv", "documents.csv",
             "places.geojson")}


def test_two_processes_give_the_same_outputs_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr(execute, "HERE_BEFORE_POOL", 0)  # a small corpus would run here
    folder = corpus(tmp_path)
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / jobs),
                                      "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
    assert outputs(tmp_path / "1") == outputs(tmp_path / "2")


def test_results_come_back_in_input_order_with_small_batches(gazetteer, monkeypatch):
    monkeypatch.setattr(execute, "HERE_BEFORE_POOL", 3)  # a batch here, then the pool
    docs = list(read_documents([SEEDS])) * 3
    results = process_documents(docs, gazetteer, jobs=2, batch_size=2)
    assert [r.document.doc_id for r in results] == [d.doc_id for d in docs]


def test_a_dask_cluster_gives_the_same_outputs(tmp_path, gazetteer):
    from dask.distributed import LocalCluster

    folder = corpus(tmp_path)
    local = run([folder], gazetteer)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        remote = run([folder], gazetteer, dask_scheduler=cluster.scheduler_address)
    assert [e.event_id for e in remote.events] == [e.event_id for e in local.events]
    assert [(m.start, m.place.id if m.place else None) for r in remote.results
            for m in r.mentions] == [(m.start, m.place.id if m.place else None)
                                     for r in local.results for m in r.mentions]


def test_adding_documents_reprocesses_only_those(tmp_path, gazetteer):
    folder = corpus(tmp_path)
    cache = ResultCache(tmp_path / "results.sqlite", pipeline_version(["test"]), gazetteer)
    first = run([folder], gazetteer, cache=cache)
    assert cache.hits == 0 and cache.misses == len(first.documents)
    (folder / "new.txt").write_text(" date 2023-05-05 By X\n\nOn May 3, a shepherd was "
                                    "injured in a landmine explosion in Gubadli district.",
                                    encoding="utf-8")
    cache.hits = cache.misses = 0
    second = run([folder], gazetteer, cache=cache)
    assert (cache.hits, cache.misses) == (len(first.documents), 1)
    assert len(second.events) == len(first.events) + 1


def test_a_changed_document_is_reprocessed(tmp_path, gazetteer):
    folder = tmp_path / "c"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("A mine exploded in Lachin district.", encoding="utf-8")
    cache = ResultCache(tmp_path / "results.sqlite", pipeline_version(["test"]), gazetteer)
    run([folder], gazetteer, cache=cache)
    article.write_text("A mine exploded in Aghdam district.", encoding="utf-8")
    result = run([folder], gazetteer, cache=cache)
    assert cache.misses == 2
    assert {p.place.district for p in result.places} == {"Aghdam"}


def test_a_cached_build_gives_the_same_outputs_as_a_fresh_one(tmp_path):
    folder = corpus(tmp_path)
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    for out in ("fresh", "cached"):  # the second run takes every result from the cache
        result = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / out),
                                      "--jobs", "2"])
        assert result.exit_code == 0, result.output
    assert outputs(tmp_path / "fresh") == outputs(tmp_path / "cached")


def test_cached_results_keep_places_the_gazetteer_lacks(tmp_path, gazetteer):
    from geo.pipeline import process_document

    cache = ResultCache(tmp_path / "results.sqlite", pipeline_version(["test"]), gazetteer)
    doc = Document("suarasi", "x.txt", "An anti-personnel mine exploded in Suarasi village "
                   "of Lachin district, Azerbaijan, the agency said.")
    fresh = process_document(doc, gazetteer)
    cache.put_many([(doc, encode_result(fresh, gazetteer), summarise_document(fresh))])
    cached = cache.get(doc)
    assert [(m.start, m.status, m.place) for m in cached.mentions] == \
        [(m.start, m.status, m.place) for m in fresh.mentions]
    unlisted = [m.place for m in cached.mentions if m.place and
                m.place.id.startswith("unlisted:")]
    assert unlisted and all(gazetteer.get(p.id) is None for p in unlisted)
    listed = [m.place for m in cached.mentions if m.place and m.place not in unlisted]
    assert listed and all(p is gazetteer.get(p.id) for p in listed)  # its own objects


def gpkg_rows(path, layer):
    from pyogrio.raw import read

    def plain(value):
        return None if value is not None and value != value else value  # NaN, NaT

    meta, _, geometry, fields = read(path, layer=layer)
    columns = [[plain(v) for v in column] for column in fields]
    if geometry is not None:
        columns.append([None if g is None else bytes(g) for g in geometry])
    return sorted(zip(*columns, strict=True), key=repr)


def test_a_build_into_its_own_outputs_keeps_their_rows(tmp_path):
    """Adding, changing and removing articles, then building into the same folder: the
    kept documents' rows are copied, not written anew, and the outputs are those of a
    fresh build."""
    import sqlite3

    folder = corpus(tmp_path)
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})

    def build(out, *options):
        result = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / out),
                                      *options])
        assert result.exit_code == 0, result.output
        return result.output

    assert "copied" not in build("out")
    articles = sorted(folder.iterdir())
    articles[0].write_text(articles[0].read_text(encoding="utf-8") + "\nOn May 3, a shepherd "
                           "was injured by a landmine in Gubadli district.", encoding="utf-8")
    articles[1].unlink()
    (folder / "0-added.txt").write_text("On June 9, two deminers were killed in a mine "
                                        "explosion in Aghdam district.", encoding="utf-8")
    kept = len(articles) - 2  # one removed, one changed
    assert f"{kept} with their rows copied from the last build" in build("out")
    build("fresh", "--no-cache")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")
    for layer in ("mentions", "documents", "events", "places"):
        assert gpkg_rows(tmp_path / "out" / "mines.gpkg", layer) == \
            gpkg_rows(tmp_path / "fresh" / "mines.gpkg", layer), layer
    with sqlite3.connect(tmp_path / "out" / "mines.gpkg") as db:
        for layer in ("mentions", "events"):
            count, last = db.execute(f"SELECT count(*), max(fid) FROM {layer}").fetchone()
            # the kept rows have their numbers, the removed ones left gaps
            assert last > count, layer


def test_outputs_changed_since_their_build_are_written_anew(tmp_path):
    folder = corpus(tmp_path)
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    out = tmp_path / "out"
    for _ in range(2):
        assert runner.invoke(main, ["build", str(folder), "-o", str(out)]).exit_code == 0
        before = (out / "mentions.csv").read_bytes()
        (out / "mentions.csv").write_bytes(before[:len(before) // 2])  # cut short
    result = runner.invoke(main, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "mentions.csv").read_bytes() == before


def test_a_kept_document_the_cache_forgot_is_written_once(tmp_path):
    import sqlite3

    folder = corpus(tmp_path)
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(folder), "-o", str(out)]).exit_code == 0
    first = gpkg_rows(out / "mines.gpkg", "mentions")
    [results] = (tmp_path / "cache").rglob("results.sqlite")
    with closing(sqlite3.connect(results)) as db, db:  # summaries lost, results kept
        db.execute("DELETE FROM summaries")
    assert runner.invoke(main, ["build", str(folder), "-o", str(out)]).exit_code == 0
    assert len(first) > 100
    assert gpkg_rows(out / "mines.gpkg", "mentions") == first


def test_a_removed_document_the_cache_forgot_leads_to_a_build_afresh(tmp_path):
    import sqlite3

    folder = corpus(tmp_path)
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "out")]
                         ).exit_code == 0
    [results] = (tmp_path / "cache").rglob("results.sqlite")
    with closing(sqlite3.connect(results)) as db, db:  # every result lost
        db.execute("DELETE FROM summaries")
        db.execute("DELETE FROM results")
    sorted(folder.iterdir())[-1].unlink()  # a document whose results the re-run needs
    result = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "copied" not in result.output
    assert runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "fresh"),
                                "--no-cache"]).exit_code == 0
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")


def test_another_collection_built_into_a_used_folder_is_written_afresh(tmp_path):
    import sqlite3

    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(SEEDS, first)
    second.mkdir()
    (second / "a.txt").write_text("On June 9, two deminers were killed in a mine explosion "
                                  "in Aghdam district.", encoding="utf-8")
    runner = CliRunner(env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    out = tmp_path / "out"
    for folder in (first, second):
        result = runner.invoke(main, ["build", str(folder), "-o", str(out)])
        assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(out / "mines.gpkg")) as db:
        count, last = db.execute("SELECT count(*), max(fid) FROM mentions").fetchone()
    assert count == last == len((out / "mentions.csv").read_text().splitlines()) - 1


# --- writing the event files alongside the GeoPackage and the map ----------------------

def test_work_alongside_gives_its_value_and_its_error():
    from geo.alongside import alongside
    from geo.errors import GeoError

    with alongside(lambda: os.getpid()) as pid:
        assert pid.result() != os.getpid()  # done by another process

    def fail():
        raise GeoError("events.csv: cannot write output (No space left on device)")
    with alongside(fail) as failing, pytest.raises(GeoError, match="No space left"):
        failing.result()


def test_work_alongside_that_dies_is_an_error_not_a_hang():
    from geo.alongside import alongside
    from geo.errors import GeoError

    with alongside(lambda: os.kill(os.getpid(), signal.SIGKILL)) as killed, \
            pytest.raises(GeoError, match="exit status -9"):
        killed.result()


def test_work_alongside_stops_when_the_block_fails(tmp_path):
    from geo.alongside import alongside

    marker = tmp_path / "written"

    def slow():
        time.sleep(3)
        marker.write_text("late")
    with pytest.raises(KeyboardInterrupt), alongside(slow):
        raise KeyboardInterrupt
    time.sleep(3.5)
    assert not marker.exists()


def test_a_failure_writing_the_event_files_alongside_is_one_line_and_leaves_nothing(
        tmp_path, monkeypatch):
    from geo import build
    from geo.errors import GeoError

    def full_disk(events, path):  # noqa: ARG001 - write_acled's signature
        raise GeoError(f"{path}: cannot write output (No space left on device)")
    monkeypatch.setattr(build, "write_acled", full_disk)  # the copy of the process has it
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "--jobs", "2",
                                       "--no-cache"])
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("geo: error:") and "events_acled.csv" in line
    assert "No space left" in line
    assert not out.exists() or not list(out.iterdir())


# --- merging again only what changed ---------------------------------------------------

REPORTS = {  # id, text: two reports of one event (a, b), another event, two documents "d"
    "a": "On March 3, 2023, two deminers were killed by a mine explosion in Aghdam "
         "district, ANAMA said.",
    "c": "On May 5, 2023, a shepherd was injured by a landmine in Kalbajar district.",
    "d": "Armenia handed over maps of 400 mines in Aghdam, the ministry said.",
    "d ": "Mines still threaten the villages of Fuzuli district, an ANAMA officer said.",
    "b": "Two deminers were killed on March 3, 2023 in a mine explosion in Aghdam "
         "district.",
}


def write_reports(path, reports):
    import json

    path.write_text("".join(json.dumps({"id": doc_id.strip(), "published": "2023-06-01",
                                        "text": text}) + "\n"
                            for doc_id, text in reports.items()), encoding="utf-8")


class AskedCache(ResultCache):
    """A cache that notes which documents' results a build loads from it."""

    def __init__(self, *args):
        super().__init__(*args)
        self.asked = []

    def summaries(self, keys):
        self.asked += keys
        return super().summaries(keys)


def test_a_re_run_merges_again_only_the_events_the_changes_touch(tmp_path, gazetteer):
    """Reports added to and taken from an event, a document sharing its id with another
    changed: the re-run's outputs are a fresh build's, and it loads the results only of
    kept documents that report the same events as the changed ones."""
    from geo.build import build_into

    corpus_file = tmp_path / "reports.jsonl"
    write_reports(corpus_file, REPORTS)
    cache = AskedCache(tmp_path / "results.sqlite", "test", gazetteer)
    first = build_into(tmp_path / "out", [corpus_file], gazetteer, cache=cache)
    [twice] = [e for e in first.events if len(e.sources) == 2]
    assert sorted(twice.sources) == ["a", "b"]

    changed = {**REPORTS, "d ": "Mines still threaten Fuzuli district, the ministry said."}
    del changed["b"]  # the last line: the documents before it keep their lines
    changed["e"] = REPORTS["a"].replace("ANAMA said", "the agency reported")
    write_reports(corpus_file, changed)
    again = build_into(tmp_path / "out", [corpus_file], gazetteer, cache=cache)
    assert again.rows_copied == 3  # a, c, and the first d
    fresh = build_into(tmp_path / "fresh", [corpus_file], gazetteer)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")
    assert [e.sources for e in again.events] == [e.sources for e in fresh.events]
    key = {doc.doc_id + doc.text[:12]: cache.key(doc) for doc in read_documents([corpus_file])}
    assert cache.asked.count(key["aOn March 3, "]) == 1  # merged again with "e"
    assert key["cOn May 5, 20"] not in cache.asked
