"""The geoparser and the event reader against the gold annotations."""

from __future__ import annotations

import json

from click.testing import CliRunner

from geo.build import run
from geo.cli import main
from geo.evaluate import evaluate, gold_inputs, read_gold, score_places, total
from geo.model import Document, Mention, Place


def scores_for(gold_path, gazetteer):
    records = read_gold(gold_path)
    result = run(gold_inputs(gold_path, records), gazetteer)
    return total(evaluate(records, {r.document.doc_id: r for r in result.results},
                          result.events))


def test_seeds_score_perfectly(eval_dev, gazetteer):
    places, events = scores_for(eval_dev / "seeds.gold.jsonl", gazetteer)
    assert (places.precision, places.recall, places.accuracy) == (1.0, 1.0, 1.0)
    assert (events.precision, events.recall) == (1.0, 1.0)
    assert events.numbers_right == events.numbers_found


def test_development_articles_meet_the_floors(eval_dev, gazetteer):
    places, events = scores_for(eval_dev / "articles.gold.jsonl", gazetteer)
    assert places.f1 >= 0.95 and places.accuracy >= 0.95
    assert events.recall >= 0.9 and events.precision >= 0.9
    assert events.numbers_right >= 0.95 * events.numbers_found


def test_evaluate_command_prints_the_scores(eval_dev):
    result = CliRunner().invoke(main, ["evaluate", "--gold",
                                       str(eval_dev / "seeds.gold.jsonl")])
    assert result.exit_code == 0, result.output
    overall = next(line for line in result.output.splitlines() if "overall" in line)
    assert overall.count("1.000") >= 6


def test_scoring_counts_negatives_and_unknown_names_as_false_positives():
    text = "It broke the Geneva Convention in Lachin and Baku."
    gold = {"file": "t.txt", "toponyms": [{"text": "Lachin", "count": 1, "district": "Lachin",
                                           "country": "AZ"}], "negatives": ["Geneva"]}
    place = Place("p", "X", "city", "CH", 0, 0)
    lachin = Place("l", "Lachin", "district", "AZ", 0, 0, district="Lachin")
    mentions = [Mention("t", 12, 18, "Geneva", "resolved", place),
                Mention("t", 34, 40, "Lachin", "resolved", lachin),
                Mention("t", 45, 49, "Baku", "resolved", Place("b", "Baku", "city", "AZ", 0, 0))]
    score = score_places(gold, mentions, text)
    assert (score.true_pos, score.false_pos, score.false_neg, score.resolved_right) == (1, 2, 0, 1)


def test_a_bad_gold_line_is_an_error_naming_file_and_line(tmp_path):
    gold = tmp_path / "x.gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt"}) + "\n{oops\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold)])
    assert result.exit_code == 2
    assert f"{gold}:2: invalid JSON" in result.output


def test_a_document_without_mentions_has_zero_recall():
    gold = {"file": "t.txt", "toponyms": [{"text": "Lachin", "count": 2, "district": "Lachin",
                                           "country": "AZ"}]}
    score = score_places(gold, [], Document("t", "t.txt").text)
    assert (score.true_pos, score.false_neg, score.recall) == (0, 2, 0.0)
