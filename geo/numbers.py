"""Find the numbers in English news text, with the hedge words written before them.

`parse_number` reads one number written in digits ("97,000", "94,8", "1.5 million",
"$350 million", "25%") or in words ("twenty-four", "a hundred", "a dozen");
`find_quantities` finds every such number in a text, skipping the digits of dates,
clock times, ordinals and codes such as "GMT+4" or "COVID-19".

Units stay in the text: a quantity's span includes a currency sign, a scale word and a
per cent sign, so "25%" has the value 25 and the caller sees the "%" in its text.

Examples
--------
>>> [(q.text, q.value, q.qualifier) for q in find_quantities(
...     "On December 4, 2021, more than 1,198.7 hectares and about twenty-four mines")]
[('more than 1,198.7', 1198.7, 'over'), ('about twenty-four', 24.0, 'about')]
>>> [(q.text, q.qualifier) for q in find_quantities("handed over 15 prisoners, over 90 mines")]
[('15', None), ('over 90', 'over')]
>>> [q.qualifier for q in find_quantities("handed more than 100 detainees")]
['over']
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from geo.dates import find_dates
from geo.normalise import ends_with_words, lower
from geo.patterns import whole_word

__all__ = ["QUALIFIERS", "Quantity", "find_quantities", "parse_number"]

#: Hedge words before a number, lower case with single spaces, to their normal form.
QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "over": "over", "more than": "over", "above": "over", "in excess of": "over",
    "exceeds": "over", "at least": "at least", "up to": "up to", "as many as": "up to",
    "less than": "under", "under": "under", "fewer than": "under",
    # Negated comparisons turn round: "no more than 5" is at most 5, not over 5.
    "no more than": "up to", "not more than": "up to",
    "no less than": "at least", "not less than": "at least", "no fewer than": "at least",
}

_SCALES = {"thousand": 1_000, "million": 1_000_000, "mln": 1_000_000,
           "billion": 1_000_000_000, "bn": 1_000_000_000, "trillion": 1_000_000_000_000}
_SMALL = {word: i for i, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {word: 10 * i for i, word in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number written in a text.

    Attributes
    ----------
    start, end : int
        Offsets such that ``text[start:end] == quantity.text`` for the searched text.
    text : str
        The words, the qualifier and any unit included: ``"more than 1,000"``, ``"25%"``.
    value : float
        The number, scale applied ("1.5 million" is 1500000.0) but per cent not.
    qualifier : str or None
        One of "about", "over", "under", "at least", "up to", "nearly", or None.

    Examples
    --------
    >>> Quantity(0, 3, "two", 2.0, None).value
    2.0
    """

    start: int
    end: int
    text: str
    value: float
    qualifier: str | None


# --- patterns ---------------------------------------------------------------------------

# ASCII-only matching: `\d` and case folding would otherwise accept characters, such as
# Arabic-Indic digits or the Kelvin sign, that the conversions below do not expect.
_FLAGS = re.ASCII | re.IGNORECASE


def _words(words: Iterable[str]) -> str:
    """An alternation of phrases, longest first, any run of spaces between their words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


# Thousands grouped by commas ("2,263.07") or by spaces, as news agencies translated
# from Azerbaijani or Russian write them ("1 830 hectares", "2 263,07"; a no-break or a
# thin space too), a decimal comma with one or two digits ("94,8"), or plain digits with
# an optional decimal point.
_SPACE_IN_NUMBER = "[ \u00a0\u2009\u202f]"
_SPACES_IN_NUMBER = re.compile(_SPACE_IN_NUMBER)
_DECIMALS = r"(?:\.[0-9]+|,[0-9]{1,2}(?![0-9]))?"
_DIGITS = (r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
           rf"|[0-9]{{1,3}}(?:{_SPACE_IN_NUMBER}[0-9]{{3}})+(?![0-9]){_DECIMALS}"
           r"|[0-9]+,[0-9]{1,2}(?![0-9])"
           r"|[0-9]+(?:\.[0-9]+)?")
_CURRENCY = r"US\$|[$\u20ac\u00a3]"
_SCALE = rf"(?:\s*(?P<scale>{_words(_SCALES)})(?![A-Za-z]))"
_PERCENT = r"(?P<pct>\s*%|\s*per\s*cent(?![A-Za-z]))"

_NUMBER = re.compile(rf"(?:{_CURRENCY})?\s*(?P<num>{_DIGITS}){_SCALE}?{_PERCENT}?", _FLAGS)

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)(?![A-Za-z])"
_TEEN = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
         r"|nineteen)(?![A-Za-z])")
_TY = rf"(?:{'|'.join(_TENS)})(?![A-Za-z])"
_A = r"an?(?![A-Za-z])"
_BELOW_100 = rf"(?:{_TY}(?:(?:-|\s+){_UNIT})?|{_TEEN}|{_UNIT}|zero(?![A-Za-z]))"
_BELOW_1000 = (rf"(?:(?:{_A}|{_BELOW_100})\s+hundred(?![A-Za-z])"
               rf"(?:(?:\s+and)?\s+{_BELOW_100})?|{_BELOW_100})")
# The dozen form comes first because a regex alternation takes the first branch that
# matches, not the longest: "two dozen" must not stop at "two".
_WORD_NUMBER = (rf"(?:(?:{_A}|{_BELOW_100})\s+dozen(?![A-Za-z])"
                rf"|(?:{_A}|{_BELOW_1000})\s+(?:thousand|million|billion)(?![A-Za-z])"
                rf"(?:(?:\s+and)?\s+{_BELOW_1000})?"
                rf"|{_BELOW_1000})")
_WORDS_NUMBER = re.compile(rf"(?P<num>{_WORD_NUMBER}){_PERCENT}?", _FLAGS)

# The patterns below begin with what they look for (a digit, a number word), so that the
# engine skips quickly to candidates; what must or must not stand before a number is
# checked once one is found, and the hedge before it is read backwards from there.
_QUALIFIER_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<qual>{_words(QUALIFIERS)})\s+$", _FLAGS)
# The word a hedge ends with: the pattern above, which tries every position of the
# sixty characters before a number, runs only where one of them stands right before it.
_QUALIFIER_LAST_WORDS = tuple(sorted({q.split()[-1] for q in QUALIFIERS}))
_CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z0-9])(?:{_CURRENCY})$", _FLAGS)
# _DIGITS with its first digit in front of the alternation.
_DIGITS_AFTER_FIRST = (r"[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?"
                       rf"|[0-9]{{0,2}}(?:{_SPACE_IN_NUMBER}[0-9]{{3}})+(?![0-9]){_DECIMALS}"
                       r"|[0-9]*,[0-9]{1,2}(?![0-9])"
                       r"|[0-9]*(?:\.[0-9]+)?")
_FIND_DIGITS = re.compile(
    rf"(?P<num>[0-9]"
    # Not inside a word, a larger number or a code: "A320", "1,025", ".5", "GMT+4".
    r"(?<![0-9A-Za-z_.].)(?<![0-9][,:].)(?<![A-Za-z][+\-].)"
    rf"(?:{_DIGITS_AFTER_FIRST}))"
    # Not followed by more digits ("07:00"), an ordinal suffix ("28th") or "s" ("1990s").
    + r"(?![0-9])(?![.,:][0-9])(?!(?:st|nd|rd|th|s|'s)(?![A-Za-z]))"
    + rf"{_SCALE}?{_PERCENT}?",
    _FLAGS)
_FIND_WORDS = re.compile(
    rf"(?<![A-Za-z]-)(?P<num>{_WORD_NUMBER})"
    # "twenty-fourth" is an ordinal and "two-thirds" a fraction, though "two-day" is a count.
    + r"(?!-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?(?![A-Za-z]))"
    + rf"{_PERCENT}?",
    _FLAGS)
# A word a number in words can begin with ("twenty-four"; "a" only before a hundred, a
# dozen...), found whole in lower-case text: without IGNORECASE, Python runs the
# alternation twice as fast, and grouped by first letter a quarter faster again.
_A_BEFORE_SCALE = r"an?(?=\s+(?:hundred|dozen|thousand|million|billion)(?![a-z]))"
_FIRST_NUMBER_WORD = re.compile(whole_word([_A_BEFORE_SCALE, *_SMALL, *_TENS]), re.ASCII)
# "handed over 15 prisoners": "over" belongs to the verb, it is no hedge.
_PARTICLE_VERB_BEFORE = re.compile(r"(?<![A-Za-z])(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|"
                                   r"pass(?:es|ed|ing)?)\s+$", _FLAGS)
# "no one", "one another": the word one, but not a count.
_NOT_ONE_BEFORE = re.compile(r"(?<![A-Za-z])no\s+\Z", _FLAGS)
_NOT_ONE_AFTER = re.compile(r"\s+another(?![A-Za-z])", _FLAGS)


# --- parsing ----------------------------------------------------------------------------

def _digits_value(digits: str) -> Decimal:
    """The value of digits with thousands commas or spaces, or a decimal comma."""
    digits = _SPACES_IN_NUMBER.sub("", digits)
    if "." not in digits and re.fullmatch(r"[0-9]+,[0-9]{1,2}", digits, re.ASCII):
        return Decimal(digits.replace(",", "."))
    return Decimal(digits.replace(",", ""))


def _words_value(words: str) -> Decimal:
    """The value of number words already checked against the grammar."""
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in ("a", "an"):
            current = 1
        elif word in _SMALL or word in _TENS:
            current += _SMALL.get(word, 0) + _TENS.get(word, 0)
        elif word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in _SCALES:
            total, current = total + (current or 1) * _SCALES[word], 0
    return Decimal(total + current)


def _finite(value: Decimal) -> float | None:
    """``value`` as a float, None when too large for one."""
    result = float(value)
    return result if math.isfinite(result) else None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or in words.

    Parameters
    ----------
    text : str
        The number alone, surrounding spaces allowed: "97,000", "1.5 million",
        "$350 million", "55 per cent", "twenty-four", "a dozen".

    Returns
    -------
    float or None
        The value, scale applied and per cent ignored ("25%" is 25.0); None for
        anything else, including vague plurals such as "hundreds".

    Examples
    --------
    >>> [parse_number(s) for s in ["97,000", "2,263.07", "94,8", "1,305", "$350 million"]]
    [97000.0, 2263.07, 94.8, 1305.0, 350000000.0]
    >>> [parse_number(s) for s in ["55 per cent", "twenty-four", "a hundred", "a dozen"]]
    [55.0, 24.0, 100.0, 12.0]
    >>> parse_number("hundreds") is None
    True
    """
    text = text.strip()
    if match := _NUMBER.fullmatch(text):
        return _value_in_digits(match)
    if match := _WORDS_NUMBER.fullmatch(text):
        return _value_in_words(match)
    return None


def _value_in_digits(match: re.Match[str]) -> float | None:
    """The value of a match with the groups ``num`` (digits) and ``scale``."""
    try:
        value = _digits_value(match.group("num"))
        scale = match.group("scale")
        return _finite(value * _SCALES[scale.lower()] if scale else value)
    except (InvalidOperation, ValueError, OverflowError):  # too many digits for Decimal
        return None


def _value_in_words(match: re.Match[str]) -> float | None:
    """The value of a match whose group ``num`` is a number in words."""
    return _finite(_words_value(match.group("num")))


# --- finding ----------------------------------------------------------------------------

def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, end))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def _is_word_one(match: re.Match[str]) -> bool:
    """Whether a match is "one" used as a pronoun: "no one", "one another"."""
    if match.group("num").lower() != "one":
        return False
    start, end = match.span("num")
    before = match.string[max(0, start - 16):start]
    return bool(_NOT_ONE_BEFORE.search(before) or _NOT_ONE_AFTER.match(match.string, end))


def _quantity(text: str, body: re.Match[str], body_start: int, not_before: int,
              value: float | None) -> Quantity | None:
    """The quantity of a number found at ``body`` (of ``value``, as :func:`parse_number`
    reads the body), its span running from the qualifier (not before ``not_before``) to
    the unit; the body may begin earlier, at ``body_start``, with a currency sign."""
    if value is None:
        return None
    start, qualifier = body_start, None
    hedge = _hedge_before(text, max(not_before, body_start - 60), body_start)
    if hedge is not None and not (hedge["qual"].lower() == "over" and _PARTICLE_VERB_BEFORE.search(
            text, max(0, hedge.start() - 20), hedge.start())):
        start, qualifier = hedge.start(), QUALIFIERS.get(" ".join(hedge["qual"].lower().split()))
    return Quantity(start, body.end(), text[start:body.end()], value, qualifier)


def _hedge_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_QUALIFIER_BEFORE.search(text, start, end)``, run only when what stands before
    the spaces that end the span ends with a hedge's last word."""
    if not ends_with_words(text[start:end], _QUALIFIER_LAST_WORDS, spaces=True):
        return None
    return _QUALIFIER_BEFORE.search(text, start, end)


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text``, in order of position, with the qualifier before it.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of Quantity
        Numbers in digits (with a currency sign, a scale word such as "million" and a
        per cent sign when written) and in words ("twenty-four", "a hundred", "a
        dozen"), each with the hedge before it ("about", "more than", "at least"...)
        normalised as in `QUALIFIERS`.  Skipped: the digits of dates found by
        `geo.dates.find_dates`, clock times ("07:00"), ordinals ("28th", "second"),
        decades ("1990s"), codes ("GMT+4", "COVID-19"), plurals ("hundreds"),
        and "one" in "no one" and "one another".  "44-day" gives 44 with the span "44".

    Examples
    --------
    >>> [(q.text, q.value, q.qualifier) for q in find_quantities(
    ...     "At 07:00 GMT+4 on 2021-06-12, at least 4,000 mines and up to a dozen "
    ...     "shells; 25% of the 44-day war's 28th day")]
    [('at least 4,000', 4000.0, 'at least'), ('up to a dozen', 12.0, 'up to'), \
('25%', 25.0, None), ('44', 44.0, None)]
    """
    return _without_overlaps([*_digit_quantities(text), *_word_quantities(text)])


def _digit_quantities(text: str) -> Iterator[Quantity]:
    dates = [(m.start, m.end) for m in find_dates(text)]
    end = 0
    for found in _FIND_DIGITS.finditer(text):
        match = _after_a_day(text, found, dates) if _overlaps(dates, *found.span("num")) \
            else found
        if match is not None:
            currency = _CURRENCY_BEFORE.search(text, max(end, match.start() - 3), match.start())
            body_start = currency.start() if currency else match.start()
            if (quantity := _quantity(text, match, body_start, end,
                                      _value_in_digits(match))) is not None:
                yield quantity
        end = found.end()


def _after_a_day(text: str, found: re.Match[str],
                 dates: list[tuple[int, int]]) -> re.Match[str] | None:
    """The number after a day that ``found`` (a match of ``_FIND_DIGITS`` over a date)
    runs on into, as if grouped by a space: "250" in "On May 5 250 mines were found";
    None if there is none."""
    space = _SPACES_IN_NUMBER.search(found["num"])
    if space is None:
        return None
    after = _FIND_DIGITS.match(text, found.start("num") + space.end())
    return None if after is None or _overlaps(dates, *after.span("num")) else after


def _word_quantities(text: str) -> Iterator[Quantity]:
    end = 0
    for word in _FIRST_NUMBER_WORD.finditer(lower(text)):
        if word.start() < end:
            continue
        match = _FIND_WORDS.match(text, word.start())
        if match is None:
            continue
        if not _is_word_one(match) and \
                (quantity := _quantity(text, match, match.start(), end,
                                       _value_in_words(match))) is not None:
            yield quantity
        end = match.end()


def _without_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    """The quantities in order of position, a later one overlapping an earlier dropped."""
    kept: list[Quantity] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if not kept or quantity.start >= kept[-1].end:
            kept.append(quantity)
    return kept
