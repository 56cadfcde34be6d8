"""Find dates in English news text and turn them into calendar ranges.

`find_dates` reports what the text says (a day, a month, a year, a weekday) with exact
offsets; `resolve_date` turns one mention into a range of days, borrowing the missing
year (or the week) from the publication date; `infer_published` guesses that date for
an article without a date header.

Ranges are left to the caller: "from February 21 to 26" gives only "February 21",
because the bare "26" is not a date on its own; the caller sees "to 26" right after the
mention's end.  Slashed dates ("12/06/2021") are not read, being ambiguous between the
day-first and the month-first orders.

Examples
--------
>>> [m.text for m in find_dates("From November 10, 2020, to May 31, 2021.")]
['November 10, 2020', 'May 31, 2021']
>>> resolve_date(find_dates("on December 28")[0], date(2021, 1, 5))
(datetime.date(2020, 12, 28), datetime.date(2020, 12, 28), 'day')
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from geo.patterns import letter_groups

__all__ = ["MONTHS", "TIME_AS_SUBJECT", "WEEKDAYS", "DateMention", "find_dates", "infer_published",
           "resolve_date"]

_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                  "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

#: Lower-case month name or abbreviation (without its dot) to month number.
MONTHS: dict[str, int] = {name: i for i, name in enumerate(_FULL_MONTHS, start=1)}
MONTHS.update(_ABBREVIATIONS)

#: Lower-case weekday name to its number, 0 being Monday as in `date.weekday`.
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}

# The longest window a day may follow the publication date and still be read in the
# publication year: news reports the past, but "on December 28" in an article of
# January 5 is last year's December.
_GRACE_DAYS = 7

# Whole weeks back, for "last Friday" said on a Friday.
_WEEK = 7


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written in a text; fields the text does not give are None.

    Attributes
    ----------
    start, end : int
        Offsets such that ``text[start:end] == mention.text`` for the searched text.
    text : str
        The words of the mention, e.g. ``"December 4, 2021"`` or ``"last Friday"``.
    year, month, day : int or None
        What the text says; "November 2020" has ``day=None``, "25 January" has
        ``year=None``.
    weekday : int or None
        0 for Monday .. 6 for Sunday, set only for weekday mentions such as "on Friday".

    Examples
    --------
    >>> DateMention(0, 8, "May 2021", 2021, 5, None)
    DateMention(start=0, end=8, text='May 2021', year=2021, month=5, day=None, weekday=None)
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


# --- patterns ---------------------------------------------------------------------------

# ASCII-only matching: `\d` and case folding would otherwise accept characters such as
# Arabic-Indic digits or the long s, which the lookups below do not know.
_FLAGS = re.ASCII | re.IGNORECASE

_FULL = "|".join(_FULL_MONTHS)
_ABBR = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
# An abbreviation may carry a dot ("Dec. 4"); a full name may not, so that "in
# December. 4 people died" is not "December 4".
_MON = rf"(?<![A-Za-z])(?P<mon>(?:{_FULL})(?![A-Za-z])|(?:{_ABBR})(?![A-Za-z])\.?)"
# "May" is also a verb: alone it counts only after a preposition ("in May", "the month
# of May"), which the verb never follows, or as the end of a range ("between January and
# May", "from March to May"), where a capital tells it from the verb.
_MON_ALONE = "|".join([*(m for m in _FULL_MONTHS if m != "may"), "(?:" + "|".join(
    f"(?<={word} )" for word in ("in", "of", "since", "during", "until", "by", "early",
                                 "late", "and", "to", "through", "till", "last")) + ")may"])
# A day is one or two digits, not part of a larger number such as "1,025" or "4.5".
_DAY = (r"(?<![0-9])(?<![0-9][.,:])(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
        r"(?![0-9A-Za-z])(?![.,:][0-9])")
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})(?![0-9])(?![.,:][0-9])"
_COMMA = r"(?:\s*,\s*|\s+)"
_OF = r"(?:\s+of)?\s+"
_WEEKDAY = "|".join(WEEKDAYS)
_PREPOSITIONS = "in|since|of|during|until|by|for"

_MDY = re.compile(_MON + r"\s+" + _DAY + _COMMA + _YEAR, _FLAGS)
_DMY = re.compile(_DAY + _OF + _MON + _COMMA + _YEAR, _FLAGS)
_MD = re.compile(_MON + r"\s+" + _DAY, _FLAGS)
_DM = re.compile(_DAY + _OF + _MON, _FLAGS)
# No comma here: "In March, 1500 mines were found" is a month and a count.
_MY = re.compile(_MON + r"\s+" + _YEAR, _FLAGS)
_M = re.compile(rf"(?<![A-Za-z])(?P<mon>{_MON_ALONE})(?![A-Za-z])", _FLAGS)
_ISO = re.compile(r"(?<![0-9A-Za-z.\-])(?P<year>[12][0-9]{3})-(?P<month>[0-9]{2})"
                  r"-(?P<day>[0-9]{2})(?![0-9])", _FLAGS)
_DOTTED = re.compile(r"(?<![0-9.])(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})"
                     r"\.(?P<year>[12][0-9]{3})(?![0-9])(?!\.[0-9])", _FLAGS)
# "12/05/2024", "12-05-2024": the day first, as the region writes it, unless the second
# number cannot be a month ("05/22/2024", as the United States writes it)
_SLASHED = re.compile(r"(?<![0-9/-])(?P<first>[0-9]{1,2})(?P<sep>[/-])(?P<second>[0-9]{1,2})"
                      r"(?P=sep)(?P<year>[12][0-9]{3})(?![0-9])(?![/-][0-9])", _FLAGS)
# "on the 12th": a day of the month, as wire reports write a day of this month or the last
# (a clause goes on after it: "on the 12th near Martuni", not "on the 2nd day of the war")
_DAY_ONLY = re.compile(r"(?<![A-Za-z])on the (?P<day>[0-9]{1,2})(?:st|nd|rd|th)"
                       r"(?=\s*(?:[.,;:)]|$)|\s+(?:in|at|near|on|when|while|as|after|before|"
                       r"and|during|of (?:this|last|the same) month)\b)", _FLAGS)
# "2021 – Azerbaijan received maps ...": a year heading a line of a timeline
_LINE_YEAR = re.compile(r"^[ \t]*(?P<year>(?:19|20)[0-9]{2})(?=[ \t]*(?:[-–—:][ \t]))",
                        re.ASCII | re.MULTILINE)
#: What follows a time a sentence tells of, as its subject: "2021| was the deadliest year"
TIME_AS_SUBJECT = re.compile(r" (?:was|saw|brought|became)\b", re.ASCII)
# ... a year so told
_SUBJECT_YEAR = re.compile(r"(?<![\w,.$-])(?P<year>(?:19|20)[0-9]{2})"
                           rf"(?={TIME_AS_SUBJECT.pattern})", re.ASCII)
_WD = re.compile(rf"(?<![A-Za-z])(?:(?P<rel>last|past|next|this)\s+)?"
                 rf"(?P<wd>{_WEEKDAY})(?![A-Za-z])", _FLAGS)
_BARE_YEAR = re.compile(
    # (a season is read as its year: "in spring 2022", "in the summer of 2021"; but not
    # one that names a war, "since the autumn 2020 war", a start of its own)
    rf"(?<![A-Za-z])(?P<prep>{_PREPOSITIONS})\s+(?:(?:early|mid|late)(?:\s+|-)|"
    r"(?P<season>(?:the\s+)?(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|winter)\s+"
    r"(?:of\s+)?))?(?P<year>199[0-9]|20[0-3][0-9])(?![0-9])(?![.,:][0-9])"
    r"(?(season)(?!\s+(?:[\w-]+\s+)?(?:war|conflict|hostilities|fighting)\b))", _FLAGS)
# After "of", "by" or "for" a number followed by a lower-case word is more often a count
# ("a total of 2000 mines", "paid for 2000 detectors") than a year ("the end of 2020 saw",
# "For 2020 the Monitor recorded"); these words may follow a year.
_AFTER_YEAR = re.compile(
    r"\s+(?!(?:and|or|to|when|the|a|an|as|at|in|on|after|before|with|was|were|is|are|"
    r"had|has|have|but|while|that|which|it|there|alone)\b)[a-z]", re.ASCII)

# Between a weekday and the date it names: "Friday, December 3".
_WEEKDAY_GLUE = re.compile(r"[\s,(\[]*", re.ASCII)


def _capitalised(word: str | None) -> bool:
    """Whether a month or weekday name starts with a capital, as names do in English."""
    return bool(word) and word[0].isupper()


def _month_number(groups: dict[str, str | None]) -> int | None:
    """The month of a match's groups, from its name or its digits."""
    name, digits = groups.get("mon"), groups.get("month")
    if name is not None:
        return MONTHS.get(name.lower().rstrip(".")) if _capitalised(name) else None
    return int(digits) if digits is not None else None


def _number(digits: str | None) -> int | None:
    """The value of an optional group of at most four ASCII digits."""
    return int(digits) if digits is not None else None


def _calendar_mention(match: re.Match[str]) -> DateMention | None:
    """A mention for a pattern with a month (and maybe a day and a year)."""
    groups = match.groupdict()
    month, day = _month_number(groups), _number(groups.get("day"))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    start, end = match.span()
    return DateMention(start, end, match.group(), _number(groups.get("year")), month, day)


def _slashed_mention(match: re.Match[str]) -> DateMention | None:
    """A mention for "12/05/2024": day first, but for a second number no month can be."""
    first, second = int(match.group("first")), int(match.group("second"))
    day, month = (second, first) if first <= 12 < second else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    start, end = match.span()
    return DateMention(start, end, match.group(), int(match.group("year")), month, day)


def _weekday_mention(match: re.Match[str]) -> DateMention | None:
    """A mention for "Friday", "last Friday", keeping "last" in the text for resolving."""
    name = match.group("wd")
    if not _capitalised(name):
        return None
    start, end = match.span()
    return DateMention(start, end, match.group(), None, None, None, WEEKDAYS[name.lower()])


def _line_year_mention(match: re.Match[str]) -> DateMention:
    """A mention of the year that heads a line ("2021 – ...") or a sentence's telling
    ("2021 was the deadliest year"), its span the year's."""
    start, end = match.span("year")
    return DateMention(start, end, match.group("year"), int(match.group("year")), None, None)


def _day_mention(match: re.Match[str]) -> DateMention | None:
    """A mention of a day of the month alone ("on the 12th"), its span the day's."""
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    start, end = match.start("day"), match.end()
    return DateMention(start, end, match.string[start:end], None, None, day)


def _year_mention(match: re.Match[str]) -> DateMention | None:
    """A mention of the year alone in "in 2020", its span being the year's digits."""
    prep = match.group("prep").lower()
    if prep in ("of", "by", "for") and _AFTER_YEAR.match(match.string, match.end()):
        return None
    if prep == "for" and not (_starts_a_clause(match.string, match.start()) or
                              match.string.startswith(":", match.end())):
        # "the budget for 2024", "twice the figure for 2022": no time told (but "For 2023,
        # the Monitor recorded ...", and "Key figures for 2019:" heads what follows)
        return None
    start, end = match.span("year")
    return DateMention(start, end, match.group("year"), int(match.group("year")), None, None)


def _starts_a_clause(text: str, index: int) -> bool:
    """Whether ``index`` of ``text`` begins a clause: only white space since the text's
    start, a line's or a stop, colon or comma."""
    return text[max(0, index - 10):index].rstrip()[-1:] in ("", ".", ";", ":", ",")


# Each pattern with what it cannot match without (a run of digits, a year's, a month's
# name, a weekday's name) and what its matches begin at, if they begin at one of these.
# Most sentences lack one or more of them, and name few months and numbers: a pattern
# is tried only where a match of it can begin, not at every character.
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], DateMention | None],
                       tuple[str, ...], str | None], ...] = (
    (_MDY, _calendar_mention, ("year", "month"), "month"),
    (_DMY, _calendar_mention, ("year", "month"), "digits"),
    (_MD, _calendar_mention, ("digits", "month"), "month"),
    (_DM, _calendar_mention, ("digits", "month"), "digits"),
    (_MY, _calendar_mention, ("year", "month"), "month"),
    (_M, _calendar_mention, ("month",), "month"),
    (_ISO, _calendar_mention, ("digits",), "digits"),
    (_DOTTED, _calendar_mention, ("digits",), "digits"),
    (_SLASHED, _slashed_mention, ("digits",), "digits"),
    (_DAY_ONLY, _day_mention, ("digits",), None),  # "on the 12th" begins before it
    (_WD, _weekday_mention, ("weekday",), None),  # "last Friday" begins before it
    (_BARE_YEAR, _year_mention, ("year",), None),  # "in 2020" too
    (_LINE_YEAR, _line_year_mention, ("year",), None),
    (_SUBJECT_YEAR, _line_year_mention, ("year",), None),
)
# Found whole, a run at a time (a look-behind for "no digit before" would make the engine
# stop at every character: a pattern beginning with a set of characters it skips over).
_DIGITS = re.compile(r"[0-9][0-9]*")
# How every year the patterns know begins, at the start of a run of digits.
_CENTURIES = ("19", "20")


def _capitalised_word(words: Iterable[str]) -> re.Pattern[str]:
    """Any of the lower-case ``words`` as a whole run of ASCII letters, its first letter a
    capital and the others in any case: the names the patterns find that count (see
    :func:`_capitalised`). Each choice begins with its capital, the look-behind for "no
    letter before" coming after it, so that the engine skips along the text from one
    of those capitals to the next rather than trying the pattern at every character.

    >>> [m.group() for m in _capitalised_word(["may", "march"]).finditer(
    ...     "In March they may go; MAY 2; Mayday, EMay")]
    ['March', 'MAY']
    """
    by_letter, _ = letter_groups(sorted(words))
    choices = "|".join(f"{first.upper()}(?<![A-Za-z].)(?i:{'|'.join(rest)})"
                       for first, rest in by_letter.items())
    return re.compile(f"(?:{choices})(?![A-Za-z])", re.ASCII)


_MONTH_NAME = _capitalised_word(MONTHS)
_WEEKDAY_NAME = _capitalised_word(WEEKDAYS)


def _starts(text: str) -> dict[str, list[int]]:
    """Where ``text`` has a run of digits, one that may be a year, a month's name and
    (the first only) a weekday's name; names only with a capital, since the others
    make no mention (a pattern that needs a name is not tried without one, and one that
    begins at a name, not at one in lower case, where all it could find is discarded)."""
    digits = [m.start() for m in _DIGITS.finditer(text)]
    weekday = _WEEKDAY_NAME.search(text)
    return {"digits": digits,
            "year": [i for i in digits if text.startswith(_CENTURIES, i)],
            "month": [m.start() for m in _MONTH_NAME.finditer(text)],
            "weekday": [weekday.start()] if weekday else []}


# --- finding ----------------------------------------------------------------------------

def _candidates(text: str) -> Iterator[DateMention]:
    """Every mention any pattern finds, overlapping ones included."""
    starts = _starts(text)
    present = {kind for kind, at in starts.items() if at}
    for pattern, build, needs, begins_at in _PATTERNS:
        if not present.issuperset(needs):
            continue
        for match in _matches(pattern, text, starts[begins_at] if begins_at else None):
            mention = build(match)
            if mention is not None:
                yield mention


def _matches(pattern: re.Pattern[str], text: str,
             starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, where ``starts`` (if given) are the only places a
    match can begin: tried there alone, each match ruling out those within it, as
    finditer's would."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def _longest_first(mentions: Iterable[DateMention]) -> list[DateMention]:
    """Non-overlapping mentions, a longer one winning over any it overlaps."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        i = bisect.bisect_right(starts, mention.start)
        # The kept spans are disjoint and sorted, so only the two neighbours can overlap.
        if (i > 0 and ends[i - 1] > mention.start) or (i < len(starts)
                                                       and starts[i] < mention.end):
            continue
        starts.insert(i, mention.start)
        ends.insert(i, mention.end)
        kept.insert(i, mention)
    return kept


def _drop_named_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Drop a weekday right before the day it names, as in "Friday, December 3".

    Resolved against the publication date alone, that Friday could be a later one.
    """
    kept = []
    for i, mention in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if (mention.weekday is not None and following is not None
                and following.day is not None
                and _WEEKDAY_GLUE.fullmatch(text, mention.end, following.start)):
            continue
        kept.append(mention)
    return kept


def find_dates(text: str) -> list[DateMention]:
    """The dates written in ``text``, in order of position, without overlaps.

    Where forms overlap the longest wins, so "December 4, 2021" is one mention rather
    than "December 4" and a year.  A weekday directly before the date it names
    ("Friday, December 3") is dropped in favour of that date.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of DateMention
        Full dates, day and month, month and year, months alone ("May", also a verb,
        only after a preposition), ISO and day.month.year dates, weekdays ("Friday",
        "last Friday", the latter keeping "last" in its text), and years 1990..2039
        after "in", "since", "of", "during", "until" or "by" (the mention being the year
        alone).

    Examples
    --------
    >>> [(m.text, m.year, m.month, m.day) for m in find_dates(
    ...     "Mines killed 4 people on 10 November 2020 and on Dec. 4; in 2019 none.")]
    [('10 November 2020', 2020, 11, 10), ('Dec. 4', None, 12, 4), ('2019', 2019, None, None)]
    >>> [m.text for m in find_dates("from January through December 2022")]
    ['January', 'December 2022']
    >>> [(m.text, m.weekday) for m in find_dates("Last Friday's blast; they may go")]
    [('Last Friday', 4)]
    >>> [m.text for m in find_dates("2021-06-12 and 12.06.2021")]
    ['2021-06-12', '12.06.2021']
    """
    return list(_dates_in(text))


@lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[DateMention, ...]:
    # The same sentence is asked for by several rules (and by the number finder): read
    # it once. Mentions are immutable; callers get a fresh list.
    return tuple(_drop_named_weekdays(text, _longest_first(_candidates(text))))


# --- resolving --------------------------------------------------------------------------

def _nearest_year(month: int, day: int, published: date) -> int:
    """The year of the latest (month, day) no more than a week after ``published``."""
    year = published.year
    try:
        too_late = (date(year, month, day) - published).days > _GRACE_DAYS
    except ValueError:  # February 29 in a common year: the last one was earlier
        too_late = True
    return year - 1 if too_late else year


def _resolve_weekday(mention: DateMention, published: date) -> tuple[date, date, str] | None:
    """The latest such weekday on or before ``published`` ("last": strictly before;
    "next": the first one strictly after)."""
    weekday = mention.weekday
    if weekday is None or not 0 <= weekday <= 6:
        return None
    relation = mention.text.split()[0].lower() if mention.text.split() else ""
    if relation == "next":
        day = published + timedelta(days=(weekday - published.weekday() - 1) % _WEEK + 1)
    else:
        back = (published.weekday() - weekday) % _WEEK
        if back == 0 and relation in ("last", "past"):
            back = _WEEK
        day = published - timedelta(days=back)
    return day, day, "day"


def _resolve(mention: DateMention, published: date | None) -> tuple[date, date, str] | None:
    """`resolve_date` without its guard against impossible dates."""
    year, month, day = mention.year, mention.month, mention.day
    if month is None:
        if day is not None:  # "on the 12th": the latest 12th on or before publication
            return _day_of_month_before(day, published) if published is not None else None
        if year is not None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        return _resolve_weekday(mention, published) if published is not None else None
    if year is None:
        if published is None:
            return None
        year = _nearest_year(month, day or 1, published)
    if day is None:
        return month_period(year, month)
    return date(year, month, day), date(year, month, day), "day"


def _day_of_month_before(day: int, published: date) -> tuple[date, date, str] | None:
    """The latest day ``day`` of a month on or before ``published``."""
    year, month = published.year, published.month
    for _ in range(3):  # a 31st may skip a shorter month
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) <= published:
            found = date(year, month, day)
            return found, found, "day"
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def month_period(year: int, month: int) -> tuple[date, date, str]:
    """The first and the last day of a month, at month precision.

    >>> month_period(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), 'month')
    """
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"


def resolve_date(mention: DateMention, published: date | None) -> tuple[date, date, str] | None:
    """The first and last day a mention can mean, and its precision.

    Parameters
    ----------
    mention : DateMention
        A mention from `find_dates` (or built by hand).
    published : date or None
        The publication date, which supplies a missing year or week.

    Returns
    -------
    tuple of (date, date, str) or None
        ``(first, last, precision)`` with precision ``"day"``, ``"month"`` or ``"year"``.
        A day or month without a year is taken in the publication year, or the year
        before when that would put it more than 7 days after publication.  A weekday is
        the latest such day on or before publication ("last Friday": strictly before).
        None for an impossible date (February 30), or a mention lacking a year when
        ``published`` is None.

    Examples
    --------
    >>> resolve_date(find_dates("November 2020")[0], None)
    (datetime.date(2020, 11, 1), datetime.date(2020, 11, 30), 'month')
    >>> resolve_date(find_dates("on Wednesday")[0], date(2021, 7, 22))
    (datetime.date(2021, 7, 21), datetime.date(2021, 7, 21), 'day')
    >>> resolve_date(find_dates("February 30, 2021")[0], None) is None
    True
    """
    if isinstance(published, datetime):  # a datetime does not subtract from a date
        published = published.date()
    try:
        return _resolve(mention, published)
    except (ValueError, OverflowError, TypeError):  # impossible day, or out of date's range
        return None


# --- publication date -------------------------------------------------------------------

def _day_of(mention: DateMention, year: int | None) -> date | None:
    """The day a mention with a month and day names, its own year taking precedence."""
    year = mention.year if mention.year is not None else year
    if year is None or mention.month is None or mention.day is None:
        return None
    try:
        return date(year, mention.month, mention.day)
    except ValueError:
        return None


def infer_published(text: str) -> date | None:
    """Guess the publication date of an article from the dates it mentions.

    The year is the latest year among the full dates; the result is the latest of the
    full dates and of the day-and-month dates taken in that year.

    Parameters
    ----------
    text : str
        The article.

    Returns
    -------
    date or None
        None when the text has no full date.

    Examples
    --------
    >>> infer_published("On December 6 ... since December 4, 2021 ... November 10, 2020")
    datetime.date(2021, 12, 6)
    >>> infer_published("on December 6") is None
    True
    """
    mentions = find_dates(text)
    full = [d for m in mentions if m.year is not None and (d := _day_of(m, None))]
    if not full:
        return None
    year = max(d.year for d in full)
    partial = [d for m in mentions if m.year is None and (d := _day_of(m, year))]
    return max(full + partial)
