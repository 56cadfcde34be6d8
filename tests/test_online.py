"""The --online fall-back against a local server that speaks Nominatim's protocol."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from geo.cli import main
from geo.model import Document
from geo.online import NominatimResolver
from geo.pipeline import process_document

from .nominatim_server import NominatimStub

TEXT = "Two deminers were injured on June 3 in a mine explosion in Qaraqaya village."


def resolver(server: NominatimStub, tmp_path, **options) -> NominatimResolver:
    options = {"min_delay": 0.0, "first_wait": 0.0, "timeout": 0.3, **options}
    return NominatimResolver(tmp_path / "answers.sqlite", domain=server.url[7:],
                             scheme="http", **options)


def village(gazetteer, online):
    doc = Document("d", "d.txt", text=TEXT, published=None)
    result = process_document(doc, gazetteer, online)
    return next(m for m in result.mentions if m.text == "Qaraqaya")


def test_an_unknown_village_is_found_online(gazetteer, tmp_path):
    with NominatimStub() as server:
        mention = village(gazetteer, resolver(server, tmp_path))
    assert mention.status == "resolved"
    assert mention.place.id == "nominatim:node/4242"
    assert (mention.place.country, mention.place.kind) == ("AZ", "village")
    assert mention.reason == "found online (Nominatim)"
    assert server.requests == ["Qaraqaya"]


def test_the_second_run_asks_nothing(gazetteer, tmp_path):
    with NominatimStub() as server:
        village(gazetteer, resolver(server, tmp_path))
        again = resolver(server, tmp_path)
        mention = village(gazetteer, again)
    assert mention.status == "resolved" and again.requests == 0
    assert len(server.requests) == 1


@pytest.mark.parametrize("mode", ["slow", "429", "500"])
def test_failures_are_retried_a_bounded_number_of_times_then_left_unresolved(
        gazetteer, tmp_path, mode):
    with NominatimStub() as server:
        server.mode = mode
        mention = village(gazetteer, resolver(server, tmp_path, attempts=3))
    assert mention.status == "unresolved"
    assert len(server.requests) == 3


def test_a_failure_is_not_remembered_as_not_found(gazetteer, tmp_path):
    with NominatimStub() as server:
        server.mode, server.fail_first = "500", 5
        assert village(gazetteer, resolver(server, tmp_path, attempts=2)).status == "unresolved"
        server.mode, server.fail_first = "ok", 0
        assert village(gazetteer, resolver(server, tmp_path)).status == "resolved"


def test_429_then_success_resolves(gazetteer, tmp_path):
    with NominatimStub() as server:
        server.mode, server.fail_first = "429", 1
        assert village(gazetteer, resolver(server, tmp_path)).status == "resolved"
        assert len(server.requests) == 2


def test_build_online_runs_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2023-06-04 By X\n\n" + TEXT, encoding="utf-8")
    with NominatimStub() as server:
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"),
                                           "--online", "--nominatim-url", server.url])
    assert result.exit_code == 0, result.output
    assert "Qaraqaya" in server.requests
    assert "nominatim:node/4242" in (tmp_path / "out" / "mentions.csv").read_text()
