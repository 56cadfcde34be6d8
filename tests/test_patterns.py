"""The faster forms of the rule patterns answer as the patterns as written do: the
literal prefilter only skips searches that could not match, and the alternatives
grouped by first letter match where the pattern does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.corpus import read_documents, split_sentences
from geo.events import _any_of, _for_lower_case, event_rules
from geo.gazetteer import load_gazetteer
from geo.normalise import fold, lower
from geo.patterns import Prefiltered, at_word_start, prefiltered, required_literals
from geo.rules import load_yaml

from .conftest import ROOT, SEEDS


@pytest.mark.parametrize(("pattern", "literals"), [
    (r"\bmines?\b", {"mine"}),
    (r"anti-?tank", {"anti-tank", "antitank"}),
    (r"(?:killed|died) in (?:a|the) blast", {"killed in a blast", "killed in the blast",
                                              "died in a blast", "died in the blast"}),
    (r"\d+ (?:hectares|ha)\b", {" hectares", " ha"}),
    (r"lost (?:his|her) (?:legs?|arms?)", {"lost his leg", "lost his arm", "lost her leg",
                                            "lost her arm"}),
    (r"(?i:mine)s", {"s"}),  # the group ignores case, the "s" after it does not
    (r"(?=\w)(?<!-)blast(?!ed)", {"blast"}),
])
def test_the_literals_a_pattern_needs(pattern: str, literals: set[str]) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", [
    r"\w+", r"mines?|\d+", r"(?:mine)?\s", r"mine", r"(?i:mines)",
])
def test_no_literals_where_a_match_needs_none_or_case_is_ignored(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE if pattern == "mine" else 0)
    assert required_literals(compiled) is None


def _rule_patterns() -> list[re.Pattern[str]]:
    rules = event_rules()
    groups = [*rules.patterns.values(), rules.victims, rules.mine_types, rules.other]
    rules_ = [rules.mine_words, *(p for group in groups for p in group.values())]
    return [r.pattern if isinstance(r, Prefiltered) else r for r in rules_]


def test_every_rule_finds_what_its_pattern_finds_in_the_real_articles() -> None:
    texts = [lower(s.text) for d in read_documents([SEEDS, ROOT.parent / "shared" / "eval-dev"
                                                    / "articles"])
             for s in split_sentences(d.text)]
    assert len(texts) > 100
    for pattern in _rule_patterns():
        rule = prefiltered(pattern)
        for text in texts:
            expected = pattern.search(text)
            found = rule.search(text)
            assert (found and found.span()) == (expected and expected.span()), \
                (pattern.pattern, text)


# Pieces of the rules' words, so that generated texts come near to matching and
# sometimes do.
_PIECES = ["mine", "s", " ", "-", "anti", "tank", "personnel", "blast", "explo", "sion",
           "killed", "injur", "ed", "map", "hand", "over", "ha", "hectare", "civilian",
           "deminer", "tm-62", "12", ",", ".", "the ", "a ", "uxo", "since", "in total"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_a_rule_never_misses_a_match_its_pattern_has(text: str) -> None:
    for pattern in _rule_patterns():
        expected = pattern.search(text)
        found = prefiltered(pattern).search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_descriptive_areas_are_found_with_the_prefilter_in_place() -> None:
    gazetteer = load_gazetteer()
    text = "Mines lie across the LIBERATED Territories and the formerly\noccupied lands."
    found = [fold(text)[start:end] for start, end, _ in gazetteer.scan_descriptive(text)]
    assert found == ["liberated territories", "formerly occupied lands"]
    assert gazetteer.scan_descriptive("Mines lie across the region.") == []


def _written_triggers() -> list[str]:
    raw = load_yaml("events.yaml")
    groups = [*(raw[kind] for kind in ("mine_incident", "casualty_total", "map_handover",
                                       "clearance_report")), raw["victims"], raw["other"]]
    return [raw["mine_words"], *(p for group in groups for p in group.values())]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_grouped_alternatives_match_where_the_pattern_as_written_does(text: str) -> None:
    for written in _written_triggers():
        grouped = _for_lower_case(_any_of([written]))
        assert bool(grouped.search(text)) == bool(_for_lower_case(written).search(text)), \
            (written, text)


def test_grouped_alternatives_match_in_the_real_articles_as_written() -> None:
    texts = [lower(s.text) for d in read_documents([SEEDS, ROOT.parent / "shared" / "eval-dev"
                                                    / "articles"])
             for s in split_sentences(d.text)]
    for written in _written_triggers():
        grouped, plain = _for_lower_case(_any_of([written])), _for_lower_case(written)
        assert [bool(grouped.search(t)) for t in texts] == [bool(plain.search(t)) for t in texts]
    together = _for_lower_case(_any_of(_written_triggers()))
    assert [bool(together.search(t)) for t in texts] == \
        [any(_for_lower_case(w).search(t) for w in _written_triggers()) for t in texts]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["map", "s", "mine", "blast", "a", "b", " ", "\n", "-", "_",
                                 "1", "ə", "É"]), max_size=12).map("".join))
def test_the_word_boundary_tested_after_the_first_letter_finds_the_same_matches(
        text: str) -> None:
    choices = ["maps?", "mines?", "blast", "ab", "a"]
    written = re.compile(rf"\b(?:{'|'.join(choices)})")
    faster = re.compile(at_word_start(choices))
    assert faster.pattern.startswith("m(?<!")  # the form that skips along the text
    assert [m.span() for m in faster.finditer(text)] == \
        [m.span() for m in written.finditer(text)]
