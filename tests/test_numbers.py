"""Numbers as a reader of landmine news would count them: casualties, areas, money."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.numbers import Quantity, find_quantities, parse_number


def found(text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.qualifier) for q in find_quantities(text)]


# --- parse_number -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("97,000", 97_000), ("2,763.5", 2763.5), ("1,198.7", 1198.7), ("94,8", 94.8),
    ("1,305", 1305), ("2,263.07", 2263.07), ("400,000", 400_000), ("12", 12),
    ("1 million", 1e6), ("1.5 million", 1.5e6), ("$350 million", 350e6), ("2 bn", 2e9),
    ("55 per cent", 55), ("25 percent", 25), ("25%", 25),
    ("two", 2), ("twenty-four", 24), ("fifteen", 15), ("a hundred", 100),
    ("one hundred", 100), ("a dozen", 12), ("two dozen", 24),
    ("one hundred and fifty", 150), ("three thousand", 3000), ("Two Million", 2e6),
    (" 7 ", 7),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "hundreds", "thousands", "dozens", "", "mines", "1e5", "1,2345", "second", "28th",
    "9" * 5000, "٣", "-", "one two",
])
def test_parse_number_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


# --- find_quantities --------------------------------------------------------------------

def test_counts_with_separators() -> None:
    assert found("4,000 mines on 94,8 hectares; 2,263.07 km") == [
        ("4,000", 4000, None), ("94,8", 94.8, None), ("2,263.07", 2263.07, None)]


def test_qualifiers_are_part_of_the_span_and_normalised() -> None:
    text = ("about 5, around 6, some 7, approximately 8, nearly 9, almost 10, over 11, "
            "more than 12, above 13, in excess of 14, exceeds 15, at least 16, up to 17, "
            "less than 18, under 19, fewer than 20, close to 21")
    assert [q.qualifier for q in find_quantities(text)] == [
        "about", "about", "about", "about", "nearly", "nearly", "over", "over", "over",
        "over", "over", "at least", "up to", "under", "under", "under", "nearly"]
    assert found("More than 1,000 mines")[0] == ("More than 1,000", 1000, "over")


def test_negated_comparisons_turn_round() -> None:
    assert found("no more than 5 and no fewer than 3") == [
        ("no more than 5", 5, "up to"), ("no fewer than 3", 3, "at least")]


def test_scales_money_and_per_cent_keep_their_unit_in_the_text() -> None:
    assert found("$350 million, 1.5 million mines, 55 per cent and 25%") == [
        ("$350 million", 350e6, None), ("1.5 million", 1.5e6, None),
        ("55 per cent", 55, None), ("25%", 25, None)]


def test_word_numbers_as_whole_words() -> None:
    assert found("Two deminers and twenty-four soldiers; a dozen shells, someone, "
                 "anyone, often, a hundred") == [
        ("Two", 2, None), ("twenty-four", 24, None), ("a dozen", 12, None),
        ("a hundred", 100, None)]


def test_vague_plurals_and_ordinals_are_not_numbers() -> None:
    assert found("hundreds of mines, thousands of shells, the second blast, the 28th "
                 "victim, the twenty-fourth day, in the 1990s") == []


def test_fractions_are_not_counts() -> None:
    assert found("civilians are two-thirds of all victims, one-fifth of the land") == []


def test_no_one_is_not_a_count() -> None:
    assert found("No one was hurt; they helped one another; one deminer died") == [
        ("one", 1, None)]


def test_dates_times_and_codes_are_not_quantities() -> None:
    text = ("On December 4, 2021 at 07:00 (GMT+4), 2021-06-12, 12.06.2021, "
            "since 2020, COVID-19, two mines")
    assert found(text) == [("two", 2, None)]


def test_compound_adjective_gives_the_number() -> None:
    quantities = find_quantities("during the 44-day war")
    assert found("during the 44-day war") == [("44", 44, None)]
    assert quantities[0].start == 11


def test_ranges_give_both_numbers() -> None:
    assert found("10-15 people") == [("10", 10, None), ("15", 15, None)]


def test_a_year_that_is_not_a_date_is_still_a_number() -> None:
    assert found("The 2020 war") == [("2020", 2020, None)]


def test_quantity_is_a_value() -> None:
    assert find_quantities("7 mines") == [Quantity(0, 1, "7", 7.0, None)]


# --- any text ---------------------------------------------------------------------------

_NUMBERISH = st.sampled_from([
    "1", "12", ",", ".", "000", ",5", " ", "million", "%", "per cent", "$", "US$", "about ",
    "at least ", "no ", "one", "twenty", "-", "four", "hundred", " and ", "a ", "dozen",
    "th", "s", ":", "+", "GMT", "December ", "2021", "٣", "K", "ſ", "\n", "9" * 400])


@given(st.one_of(st.text(), st.lists(_NUMBERISH).map("".join)))
def test_any_text_gives_matching_spans_and_no_error(text: str) -> None:
    quantities = find_quantities(text)
    for previous, quantity in zip(quantities, quantities[1:], strict=False):
        assert previous.end <= quantity.start
    for quantity in quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.value == quantity.value  # a number, never NaN
    parse_number(text)


@pytest.mark.parametrize(("text", "expected"), [
    # thousands grouped by a space, a no-break space or a thin space
    ("A total of 1 830 hectares were cleared", [("1 830", 1830, None)]),
    ("2 417 hectares, 388 mines and 1\u00a0906 UXO",
     [("2 417", 2417, None), ("388", 388, None), ("1\u00a0906", 1906, None)]),
    ("about 1\u2009198,7 hectares", [("about 1\u2009198,7", 1198.7, "about")]),
    ("between 1 000 and 12 000 mines", [("1 000", 1000, None), ("12 000", 12000, None)]),
    # a day, then a count of its own; a year, then a count; counts of their own
    ("On May 5 250 mines were found", [("250", 250, None)]),
    ("In 2021 300 mines were found", [("300", 300, None)]),
    ("killed 12 and injured 3", [("12", 12, None), ("3", 3, None)]),
])
def test_thousands_grouped_by_spaces(text: str, expected: list) -> None:
    assert found(text) == expected
