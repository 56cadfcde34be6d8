"""`geo build` end to end: the contract's files, every input accounted for, clean errors."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from geo.cli import main

from .conftest import SEEDS

CONTRACT = ("events.geojson", "events.csv", "places.geojson", "mentions.csv", "documents.csv")


def read_csv(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_build_writes_the_contract_files(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in CONTRACT:
        assert (out / name).is_file(), name
    mentions = read_csv(out / "mentions.csv")
    assert list(mentions[0]) [:15] == ["doc_id", "start", "end", "text", "status", "place_id",
                                       "name", "kind", "district", "country", "lat", "lon",
                                       "geo_precision", "confidence", "reason"]
    events = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert events["type"] == "FeatureCollection" and len(events["features"]) >= 9
    rows = read_csv(out / "events.csv")
    assert len(rows) == len(events["features"])
    assert {"lon", "lat", "quote", "sources", "attributed_to"} <= set(rows[0])


def test_documents_csv_accounts_for_every_input(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(" date 2022-10-21 By X\n\nMine blast in Lachin.",
                                     encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x00")
    (corpus / "nom de fichier é.txt").write_text("Mine in Aghdam.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = {r["doc_id"]: r for r in read_csv(out / "documents.csv")}
    assert set(rows) == {"good", "empty", "binary", "nom de fichier é"}
    assert rows["good"]["status"] == "ok" and rows["good"]["published"] == "2022-10-21"
    assert rows["empty"]["status"] == "skipped" and rows["empty"]["error"] == "empty file"
    assert rows["binary"]["status"] == "skipped"
    assert "4 documents (2 skipped)" in result.output


def test_unwritable_output_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(blocker / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geo: error:")
    assert "cannot write output" in lines[0]


def test_parse_prints_the_mentions_of_one_document():
    result = CliRunner().invoke(main, ["parse", str(SEEDS / "004_e054b449c2aa7ef3.txt")])
    assert result.exit_code == 0
    assert "Stockholm" in result.output and "rejected" in result.output


def test_build_puts_a_users_table_beside_the_news(tmp_path):
    table = tmp_path / "monthly.csv"
    table.write_text("district,month,mines\nKəlbəcər,2023-05,12\nAgdam,2023-05,7\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "--table",
                                       str(table), "--place", "district", "--size-by",
                                       "mines"])
    assert result.exit_code == 0, result.output
    joined = json.loads((out / "joined.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["district"] for f in joined["features"]] == ["Kəlbəcər", "Agdam"]
    import pyogrio

    assert "joined" in [name for name, _ in pyogrio.list_layers(out / "mines.gpkg")]


def test_a_bad_table_stops_the_build_before_anything_is_written(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("name,mines\nAgdam,3\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "--table",
                                       str(table), "--place", "village"])
    assert result.exit_code == 2
    assert "village" in result.output and not out.exists()
