"""`geo build` end to end: the contract's files, every input accounted for, clean errors."""

from __future__ import annotations

import csv
import json
import os
import pty
import subprocess
import sys

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


def _geo_with_terminal_stderr(*args: str) -> tuple[str, str]:
    """Run ``geo`` with standard error on a (pseudo-)terminal and standard output on a
    pipe, as ``geo build > log.txt`` in a shell; what each of them received."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "geo.cli", *args],
                               stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not data:
            break
        shown.append(data)
    os.close(leader)
    out = process.stdout.read() if process.stdout else b""
    assert process.wait(timeout=120) == 0
    return out.decode(), b"".join(shown).decode(errors="replace")


def test_progress_shows_on_a_terminal_and_never_in_the_output(tmp_path):
    text = (SEEDS / "001_0123ef06a2ce0fd4.txt").read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"copy-{i}", "text": text}) + "\n"
                            for i in range(200)), encoding="utf-8")
    out, terminal = _geo_with_terminal_stderr("build", str(feed), "-o", str(tmp_path / "a"),
                                              "--no-cache")
    # the documents counted (a JSON Lines file holds many), their rate, then each step
    for shown in ("/200", "documents/s", "merging", "writing the GeoPackage",
                  "writing the events and places", "writing the map"):
        assert shown in terminal, shown
    assert out.startswith("200 documents") and "\x1b[" not in out
    quiet = subprocess.run([sys.executable, "-m", "geo.cli", "build", str(feed), "-o",
                            str(tmp_path / "b"), "--no-cache"], capture_output=True, text=True)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert quiet.stdout.startswith("200 documents") and "\x1b[" not in quiet.stdout
