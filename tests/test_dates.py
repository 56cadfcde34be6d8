"""Dates as a reader of landmine news would see them: found, then placed on the calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from geo import dates
from geo.dates import MONTHS, DateMention, find_dates, infer_published, resolve_date


def fields(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.text, m.year, m.month, m.day) for m in find_dates(text)]


def resolved(text: str, published: date | None) -> list[tuple[date, date, str] | None]:
    return [resolve_date(m, published) for m in find_dates(text)]


def day(text: str, published: date | None) -> date | None:
    result = resolve_date(find_dates(text)[0], published)
    return result[0] if result else None


# --- find_dates -------------------------------------------------------------------------

def test_full_dates_in_every_written_order() -> None:
    text = ("December 4, 2021; December 4 2021; 4 December 2021; on 10 November 2020; "
            "2021-06-12; 12.06.2021")
    assert fields(text) == [
        ("December 4, 2021", 2021, 12, 4), ("December 4 2021", 2021, 12, 4),
        ("4 December 2021", 2021, 12, 4), ("10 November 2020", 2020, 11, 10),
        ("2021-06-12", 2021, 6, 12), ("12.06.2021", 2021, 6, 12)]


def test_dates_in_figures_with_slashes_or_dashes_are_day_first_where_they_can_be() -> None:
    assert fields("12/06/2021; 12-06-2021; 06/22/2021") == [
        ("12/06/2021", 2021, 6, 12), ("12-06-2021", 2021, 6, 12), ("06/22/2021", 2021, 6, 22)]


def test_day_and_month_without_year() -> None:
    assert fields("on 25 January and December 4, then Dec. 4 and Sept 4") == [
        ("25 January", None, 1, 25), ("December 4", None, 12, 4),
        ("Dec. 4", None, 12, 4), ("Sept 4", None, 9, 4)]


def test_month_and_year_and_month_alone() -> None:
    assert fields("from January through December 2022, as in November 2020") == [
        ("January", None, 1, None), ("December 2022", 2022, 12, None),
        ("November 2020", 2020, 11, None)]


def test_a_date_range_gives_both_ends() -> None:
    assert fields("from November 10, 2020, to May 31, 2021") == [
        ("November 10, 2020", 2020, 11, 10), ("May 31, 2021", 2021, 5, 31)]


def test_day_range_gives_its_first_day_only() -> None:
    # Callers read "to 26" after the mention themselves.
    mentions = find_dates("from February 21 to 26")
    assert [m.text for m in mentions] == ["February 21"]
    assert resolve_date(mentions[0], date(2022, 2, 28))[0] == date(2022, 2, 21)


def test_may_is_a_month_only_beside_a_day_or_a_year_or_after_a_preposition() -> None:
    assert fields("Mines may explode. They may in time.") == []
    assert fields("In May the rains came, as during the month of May") == [
        ("May", None, 5, None), ("May", None, 5, None)]
    assert fields("on May 4, 4 May and May 2021") == [
        ("May 4", None, 5, 4), ("4 May", None, 5, 4), ("May 2021", 2021, 5, None)]


def test_lower_case_month_words_are_not_months() -> None:
    assert fields("they march on; troops may 4 times") == []


def test_numbers_inside_larger_numbers_are_not_days() -> None:
    assert fields("1,025 January") == [("January", None, 1, None)]
    assert fields("December 4,000 mines") == [("December", None, 12, None)]
    assert fields("20210612 and 112.06.20215") == []


def test_a_comma_after_a_month_leaves_the_count_alone() -> None:
    assert fields("In March, 1500 mines were found") == [("March", None, 3, None)]


def test_bare_year_only_after_a_preposition_and_in_range() -> None:
    assert fields("in 2020, since 2019, during 1994, until 2025, by 2030") == [
        ("2020", 2020, None, None), ("2019", 2019, None, None), ("1994", 1994, None, None),
        ("2025", 2025, None, None), ("2030", 2030, None, None)]
    assert fields("2020 were hard; in 1989 and in 2040; 3 2021") == []


def test_a_year_a_sentence_tells_of_as_its_subject_is_read() -> None:
    assert fields("The agency said 2021 was the deadliest year") == [("2021", 2021, None, None)]


def test_a_season_is_read_as_its_year() -> None:
    assert fields("In spring 2022, a shepherd; in the autumn of 2021; since late summer 2020") \
        == [("2022", 2022, None, None), ("2021", 2021, None, None), ("2020", 2020, None, None)]


def test_a_count_after_of_is_not_a_year() -> None:
    assert fields("a total of 2000 mines were cleared") == []
    assert fields("the war of 2020 and its mines") == [("2020", 2020, None, None)]


def test_weekdays() -> None:
    mentions = find_dates("on Friday, last Friday's blast, on Wednesday afternoon")
    assert [(m.text, m.weekday) for m in mentions] == [
        ("Friday", 4), ("last Friday", 4), ("Wednesday", 2)]
    assert all(m.year is m.month is m.day is None for m in mentions)


def test_weekday_naming_a_date_gives_way_to_the_date() -> None:
    assert fields("on Friday, December 3, 2021") == [("December 3, 2021", 2021, 12, 3)]


def test_overlapping_forms_keep_the_longest_and_offsets_match() -> None:
    text = "Reported on 25 January 2021 (see 2021-01-26)."
    mentions = find_dates(text)
    assert [m.text for m in mentions] == ["25 January 2021", "2021-01-26"]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_ordinal_days() -> None:
    assert fields("on December 4th, 2021 and the 5th of May") == [
        ("December 4th, 2021", 2021, 12, 4), ("5th of May", None, 5, 5)]


def test_a_day_of_the_month_alone_is_the_latest_such_day() -> None:
    # wire reports write "on the 12th" for a day of this month (or the last one)
    assert resolved("A peacekeeper was wounded on the 12th near Martuni.",
                    date(2021, 10, 14)) == [(date(2021, 10, 12), date(2021, 10, 12), "day")]
    assert day("A shepherd was killed on the 20th.", date(2021, 10, 14)) == date(2021, 9, 20)
    # an ordinal before a noun is no day
    assert find_dates("on the 2nd day of the war, on the 12th anniversary") == []


def test_a_year_heading_a_line_of_a_timeline() -> None:
    assert fields("Timeline\n2021 – Azerbaijan received maps") == [("2021", 2021, None, None)]
    assert fields("The year 2021 - a year of returns; 2,021 - mines") == []


def test_months_table() -> None:
    assert MONTHS["january"] == 1 and MONTHS["sept"] == 9 and MONTHS["dec"] == 12
    assert len({v for v in MONTHS.values()}) == 12


# --- resolve_date -----------------------------------------------------------------------

def test_full_date_is_that_day() -> None:
    assert resolved("December 4, 2021", None) == [(date(2021, 12, 4), date(2021, 12, 4), "day")]


def test_day_month_takes_the_publication_year() -> None:
    assert day("on June 10", date(2021, 6, 11)) == date(2021, 6, 10)


def test_day_month_late_in_the_year_before_a_january_article_is_last_year() -> None:
    assert day("on December 28", date(2021, 1, 5)) == date(2020, 12, 28)


def test_day_month_up_to_a_week_ahead_stays_in_the_year() -> None:
    assert day("on January 12", date(2021, 1, 5)) == date(2021, 1, 12)
    assert day("on January 13", date(2021, 1, 5)) == date(2020, 1, 13)


def test_month_and_year_is_the_whole_month() -> None:
    assert resolved("February 2020", None) == [(date(2020, 2, 1), date(2020, 2, 29), "month")]


def test_month_alone_follows_the_same_rule() -> None:
    assert resolved("in November", date(2021, 3, 12)) == [
        (date(2020, 11, 1), date(2020, 11, 30), "month")]
    assert resolved("in January", date(2021, 3, 12)) == [
        (date(2021, 1, 1), date(2021, 1, 31), "month")]


def test_year_alone_is_the_whole_year() -> None:
    assert resolved("since 2020", None) == [(date(2020, 1, 1), date(2020, 12, 31), "year")]


def test_weekday_is_the_latest_one_on_or_before_publication() -> None:
    friday = date(2021, 6, 11)
    assert day("on Friday", friday) == friday
    assert day("on Wednesday afternoon", date(2021, 7, 22)) == date(2021, 7, 21)


def test_last_friday_in_a_friday_article_is_a_week_earlier() -> None:
    text = "“Last Friday’s [June 4] tragic event in Kalbajar”"
    assert [r[0] for r in resolved(text, date(2021, 6, 11)) if r] == [
        date(2021, 6, 4), date(2021, 6, 4)]


def test_next_weekday_is_after_publication() -> None:
    assert day("next Monday", date(2021, 6, 11)) == date(2021, 6, 14)


def test_publication_may_be_a_datetime() -> None:
    assert day("on Friday", datetime(2021, 6, 11, 9, 30)) == date(2021, 6, 11)


def test_without_publication_date_a_missing_year_gives_nothing() -> None:
    assert resolved("on December 4, on Friday, in November", None) == [None, None, None]


def test_impossible_dates_give_nothing() -> None:
    assert resolved("February 30, 2021 and 31.04.2021", None) == [None, None]
    assert resolve_date(DateMention(0, 1, "x", 2021, 13, 1), None) is None
    assert resolve_date(DateMention(0, 1, "x", None, None, 32), date(2021, 1, 1)) is None
    assert resolve_date(DateMention(0, 1, "x", None, None, None, 9), date(2021, 1, 1)) is None


def test_february_29_falls_back_to_the_last_leap_year() -> None:
    assert day("on February 29", date(2021, 1, 10)) == date(2020, 2, 29)


def test_resolving_at_the_edges_of_the_calendar_does_not_fail() -> None:
    assert day("on December 28", date(1, 1, 1)) is None
    assert day("on Friday", date.min) is None
    assert day("next Friday", date.max) is None


# --- infer_published --------------------------------------------------------------------

def test_infer_published_is_the_latest_date_in_the_latest_year() -> None:
    text = "On December 6 ... on December 4, 2021 ... since November 10, 2020."
    assert infer_published(text) == date(2021, 12, 6)


def test_infer_published_needs_a_full_date() -> None:
    assert infer_published("On December 6, in 2021, last Friday") is None
    assert infer_published("") is None


def test_infer_published_ignores_impossible_dates() -> None:
    assert infer_published("February 30, 2022 and March 3, 2021") == date(2021, 3, 3)


# --- any text ---------------------------------------------------------------------------

_DATEISH = st.sampled_from([
    "May", "may", "December", "Dec.", "Sept", " 4", "4 ", "28th", ", 2021", "2021", "-", ".",
    "06", "12.06.", "2021-06-12", "Friday", "last ", "in ", "of ", "by ", "1,", "0", " ",
    "of", "February 30", "ſ", "K", "٣", "\n", "DECEMBER", "sept.", "MONDAY", "today", "İ",
    "June 12, 2021", "12 June 2021", "4th of December", "Dec. 4", "On ", "mines"])


@given(st.one_of(st.text(), st.lists(_DATEISH).map("".join)),
       st.one_of(st.none(), st.dates()))
def test_any_text_gives_matching_spans_and_no_error(text: str, published: date | None) -> None:
    mentions = find_dates(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for previous, mention in zip(mentions, mentions[1:], strict=False):
        assert previous.end <= mention.start
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        result = resolve_date(mention, published)
        assert result is None or (result[0] <= result[1] and result[2] in
                                  ("day", "month", "year"))
    infer_published(text)


@given(st.one_of(st.text(), st.lists(_DATEISH).map("".join)))
@example("Mines on June 12, 2021; 4th of December 2020, Dec. 4, May 2021, in March")
@example("Seen 2021-06-12, 12.06.2021 and last Friday, but in 2020 only 3")
@example("Dec. 4 and May 2021")
@example("May 2021 mines")
@example("12 June 2021 mines")
@example("2021-06-12 and 12.06.2021 in June")
def test_patterns_run_only_where_they_can_match_find_every_date(text: str) -> None:
    """A pattern runs only where the text holds what it needs (a digit, a month's name,
    a weekday's name), and only where its matches can begin: every pattern run over all
    of the text finds the same dates."""
    def everywhere() -> Iterator[dates.DateMention]:
        for pattern, build, *_ in dates._PATTERNS:
            yield from filter(None, map(build, pattern.finditer(text)))

    assert find_dates(text) == dates._drop_named_weekdays(
        text, dates._longest_first(everywhere()))


@pytest.mark.parametrize(("text", "months"), [
    ("between January and May", [1, 5]), ("from March to May", [3, 5]),
    ("mines and may explode", []), ("They may return in May.", [5]),
])
def test_may_the_month_ends_a_range_and_may_the_verb_is_no_month(text, months):
    assert [m.month for m in find_dates(text)] == months
