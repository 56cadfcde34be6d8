"""Read events out of a document, sentence by sentence.

A sentence is classified by the trigger patterns of ``data/rules/events.yaml``
(map handover, casualty total, mine incident, clearance report, other), its date,
period, numbers, places and speaker are read, and sentences that only add to an event
("four people were injured", "In this period, the agency cleared 2,763.5 hectares")
fill in the event before them. Events of one document that describe the same thing
(a headline-like lead and the detailed sentence) are folded into one.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Generic, TypeVar

from geo.corpus import FIGURE_LINE, split_sentences
from geo.dates import TIME_AS_SUBJECT, DateMention, find_dates, month_period, resolve_date
from geo.model import Document, Event, Mention, Place, Sentence
from geo.normalise import ends_with_words, lower, normalise_name
from geo.numbers import Quantity, find_quantities, parse_number
from geo.patterns import (
    Searchable,
    alternatives,
    at_word_start,
    by_first_letter,
    fewer_literals,
    holds_one_of,
    prefiltered,
    required_literals,
)
from geo.recognise import Area, ends_a_road
from geo.rules import load_yaml, place_rules

_FLAGS = re.IGNORECASE
# A year of birth, which dates nothing and counts no one: "born in 1990", "born 1992",
# "b. 1990"; what stands right before such a year
_BIRTH_YEAR = r"(?:born(?: in)?|b\.)\s*\d{4}"
_BORN_BEFORE_YEAR = ("born in ", "born ", "b. ")
# ... or set off after a name, as some write it: "Kamran Ismayilov, 1980, died"
_NAME_THEN_YEAR = re.compile(r"[A-Z][a-z'’-]+,\s*$")
_PARENT_OF = ("father of ", "mother of ", "parent of ")
_KIND_RANK = {"village": 0, "town": 1, "city": 1, "district": 2, "region": 3, "country": 4}


@dataclass(frozen=True)
class EventRules:
    mine_words: Searchable
    industrial_mines: re.Pattern[str]
    #: what is still to clear ("130,000 mines remain to be found"), no clearance
    still_to_clear: re.Pattern[str]
    #: the trigger patterns, by event type and name: whether a sentence has a match
    patterns: dict[str, dict[str, Searchable]]
    #: the nouns a number can count (see _nouns_after_numbers) and the kind each names
    noun_after_number: re.Pattern[str]
    noun_kinds: tuple[str, ...]
    #: strings a count of mines holds one of after its number (lower case), if known
    mine_count_hints: frozenset[str] | None
    victims: dict[str, Searchable]
    mine_types: dict[str, Searchable]
    other: dict[str, Searchable]
    #: words without one of which a rule of ``other`` cannot match, looked for first
    other_needs: dict[str, re.Pattern[str]]
    #: who mediated a map handover, in group 1 or 2
    mediator: re.Pattern[str]
    modifier_nouns: re.Pattern[str]
    minimum_mines_on_maps: int
    #: the most people one incident has harmed, above which a later count is not its own
    most_harmed_in_one_incident: int
    #: any word a rule could start from: a sentence without one is skipped at once
    relevant: re.Pattern[str]
    #: the words before a place where the harmed were treated ("a prosthesis in Minsk")
    #: or the mines made ("produced in Armenia"), in lower case
    elsewhere_in: Searchable
    #: "blames " and the other endings of the text before a country blamed
    blamed_before: tuple[str, ...]
    blamed_after: tuple[str, ...]
    bordering_before: re.Pattern[str]
    #: a harm told with a cause of its own ("by sniper fire"), no lead of a blast after it
    harm_of_another_cause: re.Pattern[str]
    #: what begins a sentence that tells something apart from the one before ("Meanwhile")
    apart_from_before: re.Pattern[str]
    #: what begins a sentence of figures a report is compared with ("For comparison, ...")
    comparison_start: re.Pattern[str]
    #: where the figures a sentence is compared with begin ("..., up from 9,100 hectares")
    comparison_tail: re.Pattern[str]
    #: what makes a clearance's figures a share of the report before it ("Of this area")
    share_of_report: re.Pattern[str]
    #: a line linking to another report ("READ ALSO: ...")
    link_line: re.Pattern[str]
    #: what others reported wrongly or unconfirmed: no event; words it cannot match without
    disowned: Searchable
    disowned_hints: tuple[str, ...]
    #: the reporting verbs and citing words, for a cheap test before the costly patterns
    attribution_hints: tuple[str, ...]
    #: a reporting verb; a speaker and its verb ("the ministry said"); a pronoun and verb
    reporting_verb: re.Pattern[str]
    speaker_said: re.Pattern[str]
    pronoun_said: re.Pattern[str]
    #: a speaker named by its kind alone ("the agency"), the kind in group 1 (lower case);
    #: for each kind, a name of that kind ("Armenia's Ministry of Defense") in group 1
    by_kind: re.Pattern[str]
    named_of_kind: dict[str, re.Pattern[str]]
    writings: frozenset[str]  # kinds that name no speaker but their author ("the report")
    #: a name right before a speaker match, which cut its title short; the person named
    #: after the last word of a title
    cut_title: re.Pattern[str]
    person_after_title: re.Pattern[str]
    #: a speaker that ends in a title ("the agency's chairman"), whose person may be set
    #: off after it; one that holds a title
    ends_in_title: re.Pattern[str]
    a_title: re.Pattern[str]
    #: a person named after the last word of a title ("Minister Elnur Mammadov"), in group 1
    titled_person: re.Pattern[str]
    body_words: frozenset[str]  # words of bodies' names, none of a person's
    #: a sentence that tells more of whom the incident before it harmed ("He was ...");
    #: one that tells of the past ("Recall that ...")
    harmed_again: re.Pattern[str]
    background_start: re.Pattern[str]
    #: words the mediator pattern cannot match without (lower case)
    mediator_hints: tuple[str, ...]
    #: "with Russian mediation", "a US-brokered deal": the adjective (in lower case, its
    #: last group) and who it names
    mediator_adjective: re.Pattern[str]
    mediator_of_adjective: dict[str, str]


# What a pattern may contain that lower-casing would change in meaning: escapes ("\\W"),
# group names; and what it would not: every other capital letter.
_CASED_IN_PATTERN = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[A-Z]+")


def _for_lower_case(pattern: str) -> re.Pattern[str]:
    r"""``pattern``, written to match regardless of case, compiled to run case-sensitively
    over text put in lower case by :func:`geo.normalise.lower`: Python runs a large
    alternation several times faster so than with IGNORECASE.

    >>> print(_for_lower_case(r"\bTM-62\b|(?P<Who>ANAMA)\S").pattern)
    \btm-62\b|(?P<Who>anama)\S
    """
    return re.compile(_CASED_IN_PATTERN.sub(
        lambda m: m.group() if m.group().startswith(("\\", "(?P")) else m.group().lower(),
        pattern))


def _speaker_pattern(attribution: dict) -> re.Pattern[str]:
    """Who states a sentence, in group 1 or 2: a phrase ending in a speaker noun ("the
    Azerbaijani Foreign Ministry, which ..., said") or a name ("Azerbaijan on Tuesday
    said"), right before a reporting verb; case-sensitive, as written."""
    heads, verbs = attribution["speaker_heads"], attribution["verbs"]
    # The capital first: the list of words no name begins with is tried only at capitals.
    # A word, as every word below, takes all its letters at once ("*+"): what follows
    # it begins with a space, so giving letters back can never help, and trying costs.
    not_names = by_first_letter(attribution["not_names"].split())
    word = rf"(?=[A-Z])(?!(?:{not_names})\b)[A-Z][\w’'.-]*+"
    acronym = r"(?:\s\([^()]{1,30}\))?"  # "the International Committee ... (ICRC) said"
    when = r"(?:\s+(?:on|in|last|this|late|early)\s+[A-Z]?[\w-]++(?:\s+\d{1,2})?)?"
    helper = rf"\s+(?:has\s+|had\s+|have\s+)?(?:{attribution['adverbs']}\s+)?"
    # tried after each of up to six words: grouped by first letter, the speaker nouns
    # cost a test per letter there, not one per noun
    heads = f"(?:{by_first_letter(alternatives(heads))})"
    # "thanked the Japanese side and said": another verb of the speaker's before
    first_did = r"(?:\s[a-z]++(?<=ed)\s[^,.;]{1,60}?\sand)?"
    # "the Ministry of Internal Affairs (MIA) of Georgia said": of whom, after its acronym
    of_whom = r"(?:\s\([A-Z]{2,8}\)\sof\s(?:the\s)?[A-Z][\w’'-]*+(?:\s[A-Z][\w’'-]*+){0,2})?"
    phrase = (rf"((?:the )?(?:[\w’'.-]++\s){{0,6}}?{heads}{of_whom}){acronym}(?:'s press service)?"
              rf"(?:,\s[^,]+,)?{when}{first_did}{helper}{verbs}")
    # "Vugar Suleymanov, chairman (or Chairman) of the Board of ANAMA, said", "Vugar
    # Suleymanov, who also attended, said"
    # ... or "Azerbaijan, for its part, says", "Baku, in turn, said"
    apposition = (rf"(?:,\s(?:(?:an?|the|its|his|her)\s)?(?:[\w’'-]++\s){{0,2}}?"
                  rf"(?i:{attribution['titles']})\b[^,]{{0,80}},|,\swho\s[^,]{{1,80}},|"
                  rf",\s(?:for\s(?:its|his|her|their)\spart|in\sturn|however|meanwhile),)?")
    # ... or set off after its title ("The centre's director, Ara Karapetyan, told")
    name = (rf"((?:the )?{word}(?:\s(?:(?:of|for|and|on|the)\s)*{word}){{0,6}}){acronym}"
            rf"{apposition},?{when}{first_did}{helper}{attribution['name_verbs']}")
    return re.compile(rf"(?:^|[,“”\"]\s*|\b)(?:{phrase}|{name})\b")


# A word of a name, with its possessive: "Armenia's"
_NAME_WORD = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w’'-]*+)"  # (and initials: "the U.S. Embassy")


def _names_of_kind(attribution: dict) -> dict[str, re.Pattern[str]]:
    """For each kind a speaker may be named by ("agency", "minister"), a pattern finding
    a name of that kind in group 1: a body's name holding one of its words, with the
    capitalised words before it and "of ..." or "for ..." after it ("Azerbaijan National
    Agency for Mine Action"); a person's name after their title ("Minister Jeyhun Bayramov")."""
    word = rf"(?!(?:{by_first_letter(attribution['not_names'].split())})\b){_NAME_WORD}"
    patterns = {}
    for kinds, words in attribution["bodies_by_kind"].items():
        # (not its acronym after it: "the ... Agency for Mine Action (ANAMA)")
        kind_words = "|".join(map(re.escape, words))
        pattern = re.compile(rf"(?<!\()\b((?:{word}\s){{0,4}}(?:{kind_words})\b"
                             rf"(?:\s(?:of|for|on)(?:\sthe)?(?:\s{word})+)*)")
        patterns |= dict.fromkeys(kinds.split(), pattern)
    for kinds, title in attribution["persons_by_kind"].items():
        patterns |= dict.fromkeys(kinds.split(), re.compile(
            rf"\b{title}\s({word}(?:\s{word}){{0,2}})"))
    return patterns


def _any_of(patterns: list[str]) -> str:
    r"""One pattern that matches where any of ``patterns`` does (which match it finds may
    differ: for a yes or no). Those that begin at a word (``\b``, as the triggers do)
    are tried together, only where a word starts, and their alternatives grouped by
    first letter: ``re`` tries each alternative at every position it tries, so a
    hundred words cost a hundred tests at each word of a sentence, where the groups
    cost one test per letter (see :func:`geo.patterns.at_word_start`).

    >>> print(_any_of([r"\b(?:mines?|blast|maps? of)\b", r"\bmaimed", r"\b(?:\d+%|%)", r"%"]))
    (?:\b(?:m(?:ines?\b|aps? of\b|aimed)|b(?:last\b)|\d+%|%))|(?:%)
    >>> print(_any_of([r"\b(?:mines?|blast)\b", r"\bmaimed"]))
    (?:m(?<!\w.)(?:ines?\b|aimed)|b(?<!\w.)(?:last\b))
    """
    at_words = [a for p in patterns if p.startswith(r"\b") for a in alternatives(p[2:])]
    together = [f"(?:{at_word_start(at_words)})"] if at_words else []
    return "|".join(together + [f"(?:{p})" for p in patterns if not p.startswith(r"\b")])


# Patterns whose matches are read (compiled as written, below), not only found
_READ_APART = ("mediator", "still_to_clear")


@cache
def event_rules() -> EventRules:
    raw = load_yaml("events.yaml")

    def yes_or_no(group: dict[str, str]) -> dict[str, Searchable]:
        """Patterns whose matches are not read, only whether there is one (those of
        ``_READ_APART`` are read: they are compiled apart, below)."""
        return {name: prefiltered(_for_lower_case(_any_of([pattern])))
                for name, pattern in group.items() if name not in _READ_APART}

    verbs = raw["attribution"]["verbs"]
    patterns = {kind: yes_or_no(raw[kind]) for kind in
                ("mine_incident", "casualty_total", "map_handover", "clearance_report")}
    needs = raw["other_needs"]
    triggers = [raw["mine_words"], *(needs.get(subtype, pattern)
                                     for subtype, pattern in raw["other"].items()),
                raw["mine_incident"]["harm"],
                raw["casualty_total"]["harm"], raw["clearance_report"]["items"],
                r"\b(?:maps?|incident|explosion|exploded|blast|cleared|clearance|unhurt|unharmed|"
                r"uninjured)\b"]
    noun_after_number, noun_kinds = _nouns_after_numbers(raw["quantities"])
    adjectives = "|".join(map(re.escape, raw["mediator_adjectives"]))
    attribution = raw["attribution"]
    names = _names_of_kind(attribution)
    not_names = by_first_letter(attribution["not_names"].split())
    writings = "|".join(w.capitalize() for w in attribution["writings"])
    return EventRules(
        mine_words=yes_or_no({"mine_words": raw["mine_words"]})["mine_words"],
        # its alternatives all begin with a letter: grouped, they make the same matches
        industrial_mines=_for_lower_case(_any_of([raw["industrial_mines"]])),
        still_to_clear=_for_lower_case(raw["clearance_report"]["still_to_clear"]),
        patterns=patterns,
        victims=yes_or_no(raw["victims"]),
        mine_types=yes_or_no(raw["mine_types"]),
        other=yes_or_no(raw["other"]),
        other_needs={subtype: _for_lower_case(_any_of([pattern]))
                     for subtype, pattern in needs.items()},
        noun_after_number=noun_after_number,
        noun_kinds=noun_kinds,
        mine_count_hints=_strings_counting("mines", raw["quantities"]),
        mediator=_for_lower_case(raw["map_handover"]["mediator"]),
        modifier_nouns=re.compile(raw["modifier_nouns"], _FLAGS),
        link_line=re.compile(raw["link_line"], _FLAGS),
        disowned=_for_lower_case(raw["disowned"]),
        disowned_hints=tuple(raw["disowned_hints"]),
        elsewhere_in=prefiltered(_for_lower_case(raw["elsewhere_in"])),
        blamed_before=tuple(f"{words} " for words in raw["blamed_before"]),
        blamed_after=tuple(f" {words} " for words in raw["blamed_after"]),
        bordering_before=re.compile(raw["bordering_before"], _FLAGS),
        harm_of_another_cause=_for_lower_case(raw["harm_of_another_cause"]),
        apart_from_before=_for_lower_case(raw["apart_from_before"]),
        comparison_start=_for_lower_case(raw["comparison_start"]),
        comparison_tail=_for_lower_case(raw["comparison_tail"]),
        share_of_report=_for_lower_case(raw["share_of_report"]),
        minimum_mines_on_maps=int(raw["minimum_mines_on_maps"]),
        most_harmed_in_one_incident=int(raw["most_harmed_in_one_incident"]),
        relevant=_for_lower_case(_any_of(triggers)),
        attribution_hints=tuple(w for key in ("verbs", "citing") for w in
                                re.sub(r"[()?:]", "", raw["attribution"][key]).split("|")),
        # case-sensitive, as written: "the Ministry said" but not "Said"
        # (at a word's start, grouped by first letter: looked for over whole sentences)
        reporting_verb=re.compile(rf"\b(?:{by_first_letter(alternatives(verbs))})\b"),
        speaker_said=_speaker_pattern(raw["attribution"]),
        pronoun_said=re.compile(rf"\b(?:[Ii]t|[Ss]he|[Hh]e|[Tt]hey)\s+{verbs}\b"),
        # (a writing's name alone is an outlet's: "Report informs")
        by_kind=re.compile(rf"(?:the\s+|an?\s+(?:[\w-]+\s+){{0,3}}?|(?-i:(?!(?:{writings})\b)))"
                           rf"({'|'.join(names)})", re.IGNORECASE),
        named_of_kind=names,
        writings=frozenset(attribution["writings"]),
        cut_title=re.compile(rf"\b(?!(?:{not_names})\b){_NAME_WORD}\s$"),
        person_after_title=re.compile(rf"\b{attribution['title_ends']}\s"
                                      rf"({_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}})$"),
        ends_in_title=re.compile(rf"\b(?i:{attribution['titles']})$"),
        a_title=re.compile(rf"\b(?i:{attribution['titles']})\b"),
        titled_person=re.compile(rf"\b{attribution['title_ends']}\s"
                                 rf"([A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+){{1,2}})"),
        body_words=frozenset(attribution["body_words"].split()),
        harmed_again=_for_lower_case(raw["harmed_again"]),
        background_start=_for_lower_case(raw["background_start"]),
        mediator_hints=tuple(raw["mediator_hints"]),
        mediator_adjective=re.compile(
            rf"\b(?:with|through|following|thanks to|under|after) (?:the )?({adjectives}) "
            rf"mediation\b|\b({adjectives})-brokered (?:deal|exchange|swap|handover|transfer)\b"),
        mediator_of_adjective=dict(raw["mediator_adjectives"]),
    )


@dataclass
class Draft:
    """An event being read; ``dated`` says whether its own text gave the date.

    ``speakers`` are the sentences whose speaker the event is attributed to, the first
    that names one winning: its own, then those of the drafts it absorbed. They are read
    only for the drafts that become events (most drafts do not)."""

    event: Event
    sentence: int
    dated: bool
    speakers: list[int]
    retold_in: int = -1  # the last sentence that told it again, if one did
    died_since: int = 0  # how many of its injured it has counted as killed since
    #: dated only by the day it was told ("the Ministry of Defense told Trend on Monday")
    told_on: bool = False
    #: placed only where the people it tells of live ("a resident of Barda district")
    at_homes: bool = False
    #: who tells a handover its sentence doubts after it ("X said ..., but added ...")
    teller: str | None = None

    @property
    def told_last(self) -> int:
        """The last sentence that told the event: its own, or one that retold it."""
        return max(self.sentence, self.retold_in)

    def take_places(self, other: Event) -> None:
        """Place the event where ``other`` is, as if its own text named those places."""
        self.event.places = list(other.places)
        self.event.place_names = list(other.place_names)

    def take_period(self, period: tuple[date | None, date | None, str]) -> None:
        """Date the event by ``period`` (first day, last day, precision), as if its own
        text gave it."""
        e = self.event
        e.date_start, e.date_end, e.time_precision = period
        self.dated = True
        self.told_on = False

    @property
    def period(self) -> tuple[date | None, date | None, str]:
        e = self.event
        return e.date_start, e.date_end, e.time_precision


# --- dates -------------------------------------------------------------------------------

_REPORTING_VERBS = ("reported", "said", "stated", "announced", "wrote", "told")
# "YEREVAN, August 14, 2023 (Armenpress) —": a dateline's date is the report's.
# ... and "Nakhchivan, 6.09.2020 -", a place in capitals or in title case before it
_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z ./'’-]{1,40}|(?!(?:In|On|At|By|From|Since|During|"
                              r"Until|After|Before)\b)[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}),"
                              r"(?:\s*[A-Z][\w.'’ -]{1,30},)?\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[—–-]|--)\s", _FLAGS)
# How many days, weeks ... a span counts ("the past three months", "two days ago").
_FEW = r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_PAST_SPAN = re.compile(
    rf"\b(?:over|in|during|for|within) the (?:past|last|previous)\s+(?P<count>{_FEW})?\s*"
    r"(?P<unit>days?|weeks?|months?|years?)\b(?!\s+of\b)", _FLAGS)  # not "in the last days of"
_DAYS_AGO = re.compile(rf"\b(?:yesterday|last night|on the eve|(?P<before_last>the (?:night|day) "
                       rf"before (?:last|yesterday))|(?P<count>{_FEW}) days ago|"
                       rf"(?P<weeks>an?|one|{_FEW}) weeks? ago)\b", _FLAGS)
# "Today marks two years since ...", "Three months have passed since ...": the day that
# long before the report
_YEARS_SINCE = re.compile(rf"\b(?:marks?|marked|marking)\s+(?P<count>an?|one|{_FEW})\s+"
                          r"(?P<unit>years?|months?|weeks?|days?)\s+since\b|"
                          rf"\b(?P<count2>an?|{_FEW})\s+(?P<unit2>years?|months?|weeks?|days?)\s+"
                          r"(?:have\s+|has\s+)?passed\s+since\b", _FLAGS)
_SINCE_BEGINNING = re.compile(
    r"\bsince the (?:beginning|start) of (?:the|this) (?P<unit>year|month)\b", _FLAGS)
# "last year" and "this year" date an event only where no war, fighting or liberation is
# told before them in the clause ("a ceasefire that halted six weeks of fighting ... last
# year"), nor a possessive after them ("last year's war"): news uses them for background.
_CALENDAR_UNIT = re.compile(
    r"(?<!the )(?<!later )\b(?P<which>last|this)(?:\s+(?P<unit>week|month)| (?P<year>year)"
    r"(?!['’]s))\b", _FLAGS)
# "from 1992 to 2020", "between 1991 and 2020", "during 2021-2023"; a dash before a year
# is the quick test for the last
_DASH_BEFORE_YEAR = re.compile(r"[-–—] ?(?:19|20)\d\d")
# What a text that names a range of years holds, but for a dash
_YEAR_RANGE_HINTS = ("from", "between", " and 19", " and 20")
# the end of a period that lasts until the report: "from 1991 to date"
_NOW = r"date|now|the present(?: day)?|this day|today"
# ("in 2021 and 2022": both years)
_YEAR_RANGE = re.compile(r"\b(?:(?:from|between)\s+|(?<!born )(?:during|in|over|for)\s+"
                         r"(?=\d{4}\s*(?:[-–—]|and\s+\d{4}\b)))"
                         r"((?:19|20)\d\d)\s*(?:to|through|till|until|and|-|–|—)\s*"
                         rf"((?:19|20)\d\d|{_NOW})\b(?![,.]?\d)", _FLAGS)
_QUARTERS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3}
_PART_OF_YEAR = re.compile(
    r"\b(?:(?P<half>first|second) half|(?P<quarter>first|second|third|fourth|1st|2nd|3rd|"
    r"4th) quarter|first (?P<months>two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"[1-9]|1[01]) months) of (?:the year )?(?:(?P<year>(?:19|20)\d{2})\b|"
    # "the first half of the year", "... of this year": the report's; "of last year"
    r"(?P<this>the|this|the current) year\b|(?P<last>last|the previous|the past) year\b)",
    _FLAGS)
# Words before a year that make it the background's, not the event's: "liberated in 2020",
# "mines produced in Armenia in 2021"
_BACKGROUND = r"liberat\w*|occup\w*|war|conflict|ceasefire|produced|manufactured|made"
# (but "explosive remnants of war" are what mines are counted with)
_BACKGROUND_WORD = re.compile(rf"\b(?<!remnants of )(?:{_BACKGROUND}|fighting|hostilities)\b",
                              _FLAGS)
# ... but not where the word names the land ("cleared in the liberated territories in
# September") or the time is a span of the event's ("freed from occupation during September
# 2024")
_BACKGROUND_BEFORE = re.compile(rf"\b(?<!remnants of )(?:{_BACKGROUND})\b(?!\s+(?:territor|area|"
                                rf"land|district|region|zone|village|town|settlement))"
                                rf"[^.;,]{{0,30}}(?<!\bduring )$", _FLAGS)
# "since" at most 65 characters before a date, no stop between: "since November 10"
# (or a work that began then and goes on: "During the clearance, which began in June 2022")
_SINCE_BEFORE = re.compile(r"\b(?:since|(?:which|that) (?:began|started|commenced))\b[^.;]{0,60}$",
                           _FLAGS)
_COMPARING_WORDS = ("first", "only", "largest", "deadliest", "biggest", "worst", "record",
                    "highest", "lowest", "most", "fewest")
_FIRST_SINCE = re.compile(rf"\b(?:{'|'.join(_COMPARING_WORDS)})\b[^.;]{{0,40}}"
                          r"\bsince\b[^.;]{0,60}$", _FLAGS)
# how far before a "since" the word it compares with may stand
_COMPARED_REACH = 60
_WAR_WORDS = ("war", "conflict", "fighting", "hostilities")
# (not "explosive remnants of war in 2023", the ordnance the year counts)
_WAR_OF_YEAR = re.compile(r"(?<!remnants of )\b(?:war|conflict|fighting|hostilities) (?:in|of) "
                          r"(?:the )?(?:autumn |fall )?(?:of )?$", _FLAGS)
# What a day without its year names before these words: "the November 10 statement"
_NAMES_A_DOCUMENT = re.compile(r"\s+(?:trilateral\s+|tripartite\s+)?(?:statement|declaration)\b",
                               _FLAGS)
# "from November 10, 2020 to date": since then
_TO_NOW = re.compile(rf"\s*(?:to|till|until|up to|through) (?:{_NOW})\b", _FLAGS)
# "by the end of 2023", "at the end of the year 2022", "as of the end of 2024": the last
# day of the span
_END_OF_BEFORE = re.compile(r"\b(?:by|at|until|till|as of) the end of (?:the year )?$", _FLAGS)
# The words before two months joined by "and" that make them one period
_MONTHS_JOINED_AFTER = ("in", "during", "over", "throughout")
_RANGE_JOIN = re.compile(r"^\s*,?\s*(?:to|through|till|until|and|-|–|—)\s*(?:the end of\s+)?$",
                         _FLAGS)
# "January-April", "June–July 2023": a range as written, with no word before it
_DASH = ("-", "–", "—")
_RANGE_DAY_BEFORE = re.compile(r"\b(?:from|between)\s+(\d{1,2})\s*(?:to|through|till|until|and|"
                               r"-|–|—)\s*$|(?<![\d.,:-])(\d{1,2})\s?[-–—]\s?$", _FLAGS)
_RANGE_DAY = re.compile(r"^\s*(?:to|through|till|until|and|-|–)\s*(\d{1,2})\b(?!\s*(?:,|\d))?",
                        _FLAGS)


# "Aug 12 (Interfax) - ...": a dateline of the date and the agency alone
_AGENCY_AND_DASH = re.compile(r"\s*\([^()\n]{1,40}\)\s*(?:[—–-]|--)\s")


def _is_dateline_date(text: str, m: DateMention) -> bool:
    before = text[:m.start]
    return bool(_DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(text, m.end)) or \
        (not before.strip() and _AGENCY_AND_DASH.match(text, m.end) is not None)


_LAST_WEEK_AFTER = re.compile(r",?\s+(?:of\s+)?last\s+week\b", _FLAGS)


# Words that make a period the report's own go on up to the report: "So far in 2025, 19
# people have been injured"
_SO_FAR = ("so far", "to date", "thus far", "up to now", "until now")
# The year a month or day without one is of, named right after it
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(last|this|the previous|the past|the current)\s+year\b",
                         _FLAGS)
_YEAR_BEFORE = ("last", "the previous", "the past")


def _date_of(m: DateMention, published: date | None, text: str = ""
             ) -> tuple[date, date, str] | None:
    """The period ``m`` names, given the publication date; ``text``, where ``m`` was found,
    tells "last November" (the one before the month of publication) from "November"."""
    if published and m.month and m.year is None and m.day is None and \
            text.endswith(("last ", "Last "), 0, m.start):
        return month_period(published.year - (m.month >= published.month), m.month)
    if published and m.month and m.year is None and \
            (year := _YEAR_AFTER.match(text, m.end)) is not None:
        # "in April last year", "on June 5 of the previous year", "in May this year"
        m = replace(m, year=published.year - (year.group(1).lower() in _YEAR_BEFORE))
    if published and m.weekday is not None and m.day is None and \
            _LAST_WEEK_AFTER.match(text, m.end):
        # "on Monday last week": the Monday of the week before the report's
        day = published - timedelta(days=published.weekday() + 7 - m.weekday)
        return day, day, "day"
    resolved = resolve_date(m, published)
    if resolved and published and resolved[0] > published:
        return None  # an event reported in the past cannot lie after the report
    return resolved


def read_period(text: str, published: date | None) -> tuple[date, date, str] | None:
    """The date or period a clause gives: "from November 10, 2020, to May 31, 2021",
    "from February 21 to 26", "since November 10", "on June 12".

    Dates next to a reporting verb ("reported on August 8") are the report's, not the
    event's: they date a clause only when it has no other (see `_said_on`).
    """
    # (not the day a document is named by: "since the November 10 statement")
    mentions = [m for m in find_dates(text) if (m.weekday is None or published) and
                not (m.year is None and _NAMES_A_DOCUMENT.match(text, m.end))]
    lowered = text.lower()  # for quick tests before the patterns
    if not any(m.day for m in mentions):  # a day the text names comes first
        part = _search_if(_PART_OF_YEAR, text, lowered, "half", "quarter", "months")
        if part:  # "in the first half of 2023", "over the first five months of 2023"
            return _part_of_year(part, published)
        years = _YEAR_RANGE.search(text) if holds_one_of(lowered, _YEAR_RANGE_HINTS) or \
            _DASH_BEFORE_YEAR.search(text) else None
        if years and " and " in years.group() and \
                not years.group().lower().startswith(("from", "between")) and \
                any(m.year and m.start < years.start(1) for m in mentions):
            years = None  # "in 2023, ..., in areas it retook in 2020 and 2023": 2023's
        # "from 1992 to 2020", "from 1991 to date"
        end = (date(int(years.group(2)), 12, 31) if years.group(2).isdigit() else published) \
            if years else None
        if years and end and int(years.group(1)) <= end.year:
            return date(int(years.group(1)), 1, 1), min(end, published) if published \
                else end, "year"
    if " since" in lowered and (marked := _marked_since(text, lowered, mentions, published)):
        return marked
    if holds_one_of(lowered, ("between the ", "from the ")) and \
            (named := _from_a_named_start(text, mentions, published)):
        return named
    if holds_one_of(lowered, (" week of ", " half of ")) and \
            (part := _part_of_a_month(text, mentions, published)):
        return part
    if not mentions:
        return _undated_period(text, lowered, published)
    for i, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False)):
        between = text[first.end:second.start]
        if (_RANGE_JOIN.match(between) and ends_with_words(text[:first.start],
                                                           ("from", "between"))) or \
                between.strip() in _DASH:
            return _range(first, second, published)
        if between == " and " and first.day is None and second.day is None and \
                first.year is None and ends_with_words(text[:first.start], _MONTHS_JOINED_AFTER):
            # "in August and September": both months, of the year told after them ("in May
            # and June of 2022")
            year = mentions[i + 2] if i + 2 < len(mentions) else None
            if second.year is None and year is not None and year.month is None and \
                    text[second.end:year.start] == " of ":
                second = replace(second, year=year.year)
            return _range(first, second, published)
    first = mentions[0]
    day_start = _RANGE_DAY_BEFORE.search(text, 0, first.start) if first.day else None
    # (a range a count runs since: "since the fighting on 13-14 September")
    since_range = published is not None and first.day is not None and \
        _SINCE_BEFORE.search(text, max(0, first.start - 70), first.start) is not None
    if day_start:  # "between 10 and 15 June 2024", "6–11 May 2024": the first day
        end = _date_of(first, published)  # borrows month and year
        first_day = int(day_start.group(1) or day_start.group(2))
        if end and 1 <= first_day < end[0].day:
            return end[0].replace(day=first_day), \
                published if since_range and published else end[0], "day"
    day_end = _RANGE_DAY.match(text[first.end:])
    # "from February 21 to 26", "between June 7 and 12"; "April 15-20", a range as written
    if day_end and first.day and not since_range and \
            (ends_with_words(text[:first.start], ("from", "between")) or
             text[first.end:first.end + 1] in ("-", "–")):
        start = _date_of(first, published)
        if start:
            try:
                return start[0], start[0].replace(day=int(day_end.group(1))), "day"
            except ValueError:
                return start
    # "the 44-day war in 2020": the year of the war a period is named by, no date of its own
    if holds_one_of(lowered, _WAR_WORDS):
        mentions = [m for m in mentions
                    if m.day or not _WAR_OF_YEAR.search(text, max(0, m.start - 40), m.start)]
    after_since = [m for m in mentions
                   if _SINCE_BEFORE.search(text, max(0, m.start - 65), m.start) or
                   (_TO_NOW.match(text, m.end) and ends_with_words(text[:m.start], ("from",)))]
    # "the first blast since 2023", "a record since demining began in 2020": a time to
    # compare with, which dates nothing
    compared = [m for m in after_since if _FIRST_SINCE.search(text[:m.start])]
    # nor does the day it was said ("since the end of the 2020 conflict, the agency said
    # Saturday")
    since = [m for m in after_since
             if m not in compared and not _reported_before(text, m.start, ("on", "in"))]
    if len(since) > 1:
        # (not one of a clause set off about who counts: "The HALO Trust, which has been
        # working in Karabakh since 2000, says its teams have found ... since December 2020")
        since = [m for m in since if not _SET_OFF_AROUND.fullmatch(
            text, text.rfind(",", 0, m.start), text.find(",", m.end) + 1)] or since
    if since and published:
        start = _date_of(since[0], published, text)
        if start:
            # "since the end of 2020": from its last day; "as of 31 March 2023, ... since
            # November 2020": up to that day
            first = start[1] if text.endswith("end of ", max(0, since[0].start - 8),
                                              since[0].start) else start[0]
            return first, _counted_to(text, mentions, published) or \
                _counted_to(text, mentions, published, said=True) or published, start[2]
    if "since " in lowered and published and \
            all(m.day or m.weekday is not None for m in mentions) and \
            (named_start := _named_start(text, lowered)) and named_start <= published:
        # "Since the end of the war, our teams have cleared 160,342 hectares," he said ...
        # on Tuesday: the weekday is the day it was said; "..., Suleymanov said at a press
        # conference held on April 4", "As of April 1, 2023, ... since the end of the war":
        # the day it was counted up to
        days = [day for m in mentions if m.day and (day := _date_of(m, published, text))]
        end = days[-1][1] if days and named_start <= days[-1][1] <= published else published
        return named_start, end, "day"
    # "reported on August 8" dates the report, not the event; "liberated in 2020" dates
    # the background
    # a start without the report's date to end at says not when: it is no date itself
    plain = [m for m in mentions if m not in since and m not in compared
             # (but what was said of a time: "The agency said 2021 was the deadliest year")
             and not (_reported_before(text, m.start) and
                      not TIME_AS_SUBJECT.match(text, m.end))
             and not (m.weekday is not None and _SPEAKER_SAID_AFTER.match(text, m.end))
             and not _is_dateline_date(text, m) and not _is_birth_year(text, m)
             and not (m.day is None and _BACKGROUND_BEFORE.search(text[:m.start]))
             # (nor the month a count up to then, or of a year told, was given in: "since
             # the war, ..., the agency said in January", "ANAMA said in January that 64
             # people had been killed ... during 2023")
             and not (m.day is None and (holds_one_of(lowered, _UP_TO_THEN) or (
                 m.month is not None and
                 any(other.year and other.month is None for other in mentions))) and
                      _reported_before(text, m.start, ("in",)))]
    for m in plain:
        resolved = _date_of(m, published, text)
        if resolved and text.endswith(" end of ", max(0, m.start - 12), m.start) and \
                _END_OF_BEFORE.search(text, max(0, m.start - 30), m.start):
            return resolved[1], resolved[1], "day"  # "by the end of 2023": its last day
        if resolved and published and resolved[1] > published and \
                holds_one_of(lowered, _SO_FAR):
            return resolved[0], published, resolved[2]  # "so far in 2025": up to the report
        if resolved and published and " since " in lowered and \
                _HAS_SINCE.search(text, m.end) and resolved[0] <= published:
            # "was founded in 2002 and has since returned 6,000 hectares": up to the report
            return resolved[0], published, resolved[2]
        if resolved:
            return resolved
    undated = _undated_period(text, lowered, published)
    if undated and published and undated[1] == published and \
            (said := _counted_to(text, mentions, published, said=True)):
        return undated[0], said, undated[2]
    return undated or _said_on(mentions, published)


# A clause set off by commas: ", which has been working in Karabakh since 2000,"
_SET_OFF_AROUND = re.compile(r",\s[^,.;]{1,80},")
# Words of a count up to a time: "since the war", "so far", "to date"
_UP_TO_THEN = ("since ", "so far", "to date")


_HAS_SINCE = re.compile(r"\b(?:has|have|had) since\b")


def _marked_since(text: str, lowered: str, mentions: list[DateMention],
                  published: date | None) -> tuple[date, date, str] | None:
    """The day as long before the day a text names as it says: "gathered on Saturday to
    mark one year since two of their colleagues were killed" is a year before that
    Saturday."""
    since = _search_if(_YEARS_SINCE, text, lowered, " since")
    marked = _date_of(mentions[0], published, text) \
        if since and mentions and (mentions[0].day or mentions[0].weekday is not None) and \
        mentions[0].start < since.start() else None
    day = _before(marked[0], since["count"] or since["count2"], since["unit"] or since["unit2"]) \
        if since and marked else None
    return (day, day, "day") if day else None


def _in_the_year_told_before(doc: Document, start: int, clause: str,
                             period: tuple[date, date, str]) -> tuple[date, date, str]:
    """The day of a clause that names it without a year ("Later, on December 4, Armenia
    handed over ...") in the year of the day the sentence just before names with one ("On
    July 3, 2021, ..."), on or after that day, where the report's year was taken for it."""
    days = [m for m in find_dates(clause) if m.day]
    if not days or any(m.year for m in days) or doc.published is None:
        return period
    before = doc.text[max(0, start - _SENTENCE_BEFORE_REACH):start]
    if "\n\n" in before:
        before = before.rsplit("\n\n", 1)[1]  # (in its paragraph)
    told = [m for m in find_dates(before) if m.year and m.month and m.day]
    if not told:
        return period
    then = date(told[-1].year, told[-1].month, told[-1].day)
    day = period[0]
    if doc.published - day <= _RECENT:
        return period  # (a day of the last weeks is news of the report's own time)
    try:
        moved = day.replace(year=then.year)
    except ValueError:  # (29 February)
        return period
    return (moved, moved, "day") if then <= moved < day else period


# How long before a report a day it names without a year is taken for its own time's
_RECENT = timedelta(days=31)


def _since_then(doc: Document, start: int) -> tuple[date, date, str] | None:
    """The period from the last date the sentence before ``start`` names to the report:
    "The war ended in November 2020. ... mines have killed 140 people there since then"."""
    before = doc.text[max(0, start - _SENTENCE_BEFORE_REACH):start]
    mentions = [m for m in find_dates(before) if m.year or m.month or m.day]
    then = _date_of(mentions[-1], doc.published, before) if mentions and doc.published else None
    return (then[0], doc.published, then[2]) if then and then[0] <= doc.published else None


# How far before a sentence the time the sentence before names is looked for ("since then",
# a day without its year): about a sentence
_SENTENCE_BEFORE_REACH = 200


def _counted_to(text: str, mentions: list[DateMention], published: date,
                said: bool = False) -> date | None:
    """The last day of what a count is given as of ("as of 31 March 2023", "as of January
    2023"), or, where ``said``, of the month it was given in ("since the end of the war,
    ..., the agency said in January"), if the text names one before publication."""
    for m in mentions:
        if (m.month and not m.day and _reported_before(text, m.start, ("in",))) if said \
                else text.endswith(("as of ", "As of "), max(0, m.start - 6), m.start):
            day = _date_of(m, published)
            if day and day[1] <= published:
                return day[1]
    return None


# How long before its publication a report may say it was said, read without a year
# ("reported on August 8" in a report of July 8 is a slip, not a year-old statement).
_SAID_WITHIN = timedelta(days=31)


def _dated_by_telling(text: str) -> bool:
    """Whether the only days ``text`` names are those it was told on ("an Azerbaijani
    serviceman was injured, the Ministry of Defense told Trend on Monday")."""
    days = [m for m in find_dates(text) if m.day or m.weekday is not None]
    return bool(days) and all(_reported_before(text, m.start) for m in days)


# A speaker and its verb right after a day, no comma between: "On Friday the Defence
# Ministry said ...", the day it was said (but "on Wednesday, the ministry said": the day
# of what it said)
_SPEAKER_SAID_AFTER = re.compile(r"\s+(?:morning\s+|afternoon\s+|evening\s+)?(?:the\s+)?"
                                 r"(?:[A-Z][\w'’.-]*\s+){1,5}(?:said|says|reported|announced|"
                                 r"stated|told|informed|confirmed)\b")


def _said_on(mentions: list[DateMention], published: date | None) -> tuple[date, date, str] | None:
    """The day a clause with no date of its own was said, at the latest ("the Armenian
    Foreign Ministry said on 3 July 2021"), where that day is sure: it has its year, or it
    is a weekday or a day within a month before publication."""
    for m in mentions:
        said = _date_of(m, published) if m.day or m.weekday is not None else None
        if said and (m.year is not None or m.weekday is not None or
                     (published and published - said[0] <= _SAID_WITHIN)):
            return said
    return None


def _is_birth_year(text: str, m: DateMention) -> bool:
    """"Tural Aliyev, born in 1990, stepped on a mine": a year of birth dates no event."""
    return m.month is None and text.endswith(_BORN_BEFORE_YEAR, max(0, m.start - 8), m.start)


def _reported_before(text: str, end: int, words: tuple[str, ...] = ("on",)) -> bool:
    """Whether a reporting verb and spaces ("reported on ", "told reporters on "; or with
    another of the ``words``: "told reporters in ") end ``text[:end]``."""
    before = text[:end]
    if not ends_with_words(before, words, spaces=True):
        return ends_with_words(before, _REPORTING_VERBS, spaces=True)
    said = before.rstrip()[:-2]
    if " in " in said[-40:]:  # "said at a press conference in Yerevan on Wednesday"
        said = _IN_A_PLACE_AT_END.sub("", said)
    return ends_with_words(said, _REPORTING_VERBS, spaces=True) or \
        (said.rstrip().endswith(_TOLD_WHOM_ENDS) and
         _TOLD_WHOM.search(said, max(0, len(said) - 40)) is not None) or \
        _TOLD_NAMED.search(said, max(0, len(said) - 40)) is not None or \
        (holds_one_of(said[-100:], _PUBLISHED) and
         _WRITING_PUBLISHED.search(said, max(0, len(said) - 100)) is not None)


# A writing's day out, not the figures': "The annual report, published on November 20 by
# the ICBL, recorded 58 casualties in 2023" (but "15 detainees were released on Saturday")
_PUBLISHED = ("published", "released", "issued", "presented")
_WRITING_PUBLISHED = re.compile(r"\b(?:report|study|survey|review|monitor|figures|data|statistics|"
                                rf"findings)\b[^.;]{{0,80}}?\b(?:{'|'.join(_PUBLISHED)})"
                                r"(?:\s+by\s+[^.;,]{1,60}?)?\s*$", _FLAGS)


# Where it was said, after how: "... at a press conference in Yerevan"
_IN_A_PLACE_AT_END = re.compile(r"\s+in\s+[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?\s*$")
# "told reporters", "said in a statement": a reporting verb and whom or how it was said
# (the pattern runs only after the words it ends with)
_TOLD_WHOM_ENDS = ("reporters", "journalists", "press", "media", "statement", "briefing",
                   "conference")
# ... or whom by name: "told Trend", "told News.am"
_TOLD_NAMED = re.compile(r"\b(?:told|informed)\s+(?:[A-Z][\w.’'-]*\s?){1,3}$")
_TOLD_WHOM = re.compile(r"\b(?:told|said|announced|stated)\s+(?:to\s+)?(?:reporters|journalists|"
                        r"the (?:press|media)|in a statement|at a (?:briefing|press conference))"
                        r"\s*$")


def _search_if(pattern: re.Pattern[str], text: str, lowered: str,
               *words: str) -> re.Match[str] | None:
    """``pattern.search(text)``, run only when ``lowered`` holds one of the ``words`` the
    pattern cannot match without."""
    return pattern.search(text) if holds_one_of(lowered, words) else None


def _count_of(words: str | None) -> float | None:
    """How many a span counts: "two", "3"; one where no count is written ("the past
    week") or an article stands for it ("a week later"); None for no number."""
    if words is None or words.lower() in ("a", "an"):
        return 1
    return parse_number(words)


_SINCE_BEFORE_UNIT = re.compile(r"\bsince\b[^.;]{0,120}$", _FLAGS)


def _before(day: date, count: str, unit: str) -> date | None:
    """The day ``count`` ``unit``s ("two", "years") before ``day``; None for no number."""
    number = _count_of(count)
    if number is None or number != int(number):
        return None
    unit = unit.lower().rstrip("s")
    if unit in ("year", "month"):
        return _months_before(day, int(number) * (12 if unit == "year" else 1))
    return day - timedelta(days=int(number) * (7 if unit == "week" else 1))


def _undated_period(text: str, lowered: str,
                    published: date | None) -> tuple[date, date, str] | None:
    """A period the text gives without a date of its own, relative to the report: "since
    the end of the 44-day war", "over the past week", "last month", "this week"."""
    if published is None:
        return None
    since = _search_if(_YEARS_SINCE, text, lowered, " since")
    if since and (day := _before(published, since["count"] or since["count2"],
                                 since["unit"] or since["unit2"])):
        return day, day, "day"
    days_ago = _search_if(_DAYS_AGO, text, lowered, "yesterday", " ago", "last night",
                          "the eve", " before last")
    if days_ago:  # "yesterday", "last night", "the night before last", "two days ago"
        days = 2 if days_ago.group("before_last") else \
            7 * (_count_of(days_ago.group("weeks")) or 1) if days_ago.group("weeks") else \
            _count_of(days_ago.group("count"))
        day = published - timedelta(days=int(days or 1))
        return day, day, "day"
    beginning = _search_if(_SINCE_BEGINNING, text, lowered, "since the ")
    if beginning:  # "since the beginning of the year"
        unit = beginning.group("unit").lower()
        return published.replace(month=1 if unit == "year" else published.month, day=1), \
            published, "day"
    season = _search_if(_SEASON, text, lowered, "spring", "summer", "autumn", "fall", "winter")
    if season:  # "this summer", "since the spring", "last autumn"
        return _season_period(season, published)
    past = _search_if(_PAST_SPAN, text, lowered, "the past", "the last", "the previous")
    if past:
        count = _count_of(past.group("count"))
        unit = past.group("unit").lower().rstrip("s")
        months = {"month": 1, "year": 12}.get(unit, 0) * int(count or 1)
        start = _months_before(published, months) if months else \
            published - timedelta(days=int(count or 1) * (7 if unit == "week" else 1))
        return start, published, "day"
    calendar_unit = _search_if(_CALENDAR_UNIT, text, lowered, "week", "month", "last year",
                               "this year")
    if calendar_unit and calendar_unit.group("year") and \
            _BACKGROUND_WORD.search(text, 0, calendar_unit.start()):
        calendar_unit = None
    if calendar_unit is None:
        # "since the end of the 44-day war" last: "the first blast since the war" dates
        # the blast by the words above, if the text has them
        named_start = _named_start(text, lowered)
        return (named_start, published, "day") if named_start and named_start <= published \
            else None
    unit = (calendar_unit.group("unit") or calendar_unit.group("year")).lower()
    last = calendar_unit.group("which").lower() == "last"
    # a period that ends with the unit ("last month"), but "since Azerbaijan took control
    # ... under a deal last month" goes on to the report
    ended = last and not _SINCE_BEFORE_UNIT.search(text, 0, calendar_unit.start())
    if unit == "week":
        monday = published - timedelta(days=published.weekday() + (7 if last else 0))
        return monday, (monday + timedelta(days=6)) if ended else published, "day"
    if unit == "year":
        year = published.year - (1 if last else 0)
        return date(year, 1, 1), date(year, 12, 31) if ended else published, "year"
    first, end, precision = month_period(*_month_before(published, 1 if last else 0))
    return first, end if ended else published, precision


def _month_before(day: date, months: int) -> tuple[int, int]:
    """The year and month ``months`` before the month of ``day``."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return year, month + 1


# A season named without its year ("in spring 2022" is read with it, see geo.dates)
# (after a word of time: "fall" is a verb too)
_SEASON = re.compile(r"\b(?:(?P<since>since)\s+(?:the\s+)?|(?P<which>this|last)\s+|"
                     r"(?:in|during|over)\s+(?:the\s+)?)(?P<season>spring|summer|autumn|fall|"
                     r"winter)\b(?!\s+(?:of\s+)?\d)", _FLAGS)
# the first month of each season, and how many months it lasts
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_MONTHS = 3


def _season_period(season: re.Match[str], published: date) -> tuple[date, date, str] | None:
    """The months of a season the report names without a year, the last one begun by its
    day ("this summer", "in the spring"; "last summer": the one before that), up to the
    report; "since the spring": from its start to the report."""
    first = _SEASON_STARTS[season.group("season").lower()]
    year = published.year - (1 if first > published.month else 0)
    if (season.group("which") or "").lower() == "last" and \
            date(year, first, 1) <= published <= _months_before(
                date(year, first, 1), -_SEASON_MONTHS):
        year -= 1  # ("last winter" in winter: the one before)
    start = date(year, first, 1)
    if season.group("since"):
        return start, published, "day"
    end = month_period(*_month_before(start, 1 - _SEASON_MONTHS))[1]
    return start, min(end, published), "month"


def _months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, or the last day of a shorter month."""
    start, end, _ = month_period(*_month_before(day, months))
    return start.replace(day=min(day.day, end.day))


def _part_of_year(part: re.Match[str], published: date | None) -> tuple[date, date, str] | None:
    if part.group("year"):
        year = int(part.group("year"))
    elif published:
        year = published.year - (1 if part.group("last") else 0)
    else:
        return None
    if part.group("half"):
        first_month, months = (1 if part.group("half").lower() == "first" else 7), 6
    elif part.group("months"):
        first_month, months = 1, int(parse_number(part.group("months")) or 12)
    else:
        first_month, months = 1 + 3 * _QUARTERS[part.group("quarter").lower()], 3
    start = date(year, first_month, 1)
    end = month_period(year, first_month + months - 1)[1]
    if published and start > published:
        return None
    return start, min(end, published) if published else end, "month"


@cache
def _named_starts(word: str = "since") -> tuple[tuple[re.Pattern[str], date], ...]:
    """The rules' ``named_starts``, each after ``word`` ("since", or "between|from")."""
    return tuple((re.compile(rf"\b(?:{word})\s+(?:{row['pattern']})\b", _FLAGS),
                  date.fromisoformat(str(row["date"])))
                 for row in load_yaml("events.yaml")["named_starts"])


@cache
def _named_spans() -> tuple[tuple[re.Pattern[str], date, date], ...]:
    """The rules' ``named_spans``, each after "during", "in", "throughout", "over" or
    "and"."""
    return tuple((re.compile(rf"\b(?:during|in|throughout|over|and)\s+(?:the period of\s+)?"
                             rf"(?:{row['pattern']})\b",
                             _FLAGS),
                  date.fromisoformat(str(row["start"])), date.fromisoformat(str(row["end"])))
                 for row in load_yaml("events.yaml")["named_spans"])


def _named_span(text: str, lowered: str) -> tuple[date, date, str] | None:
    """The years the periods a text names by what happened in them span: "during the first
    Karabakh war and the subsequent occupation period" (see ``named_spans`` in
    ``data/rules/events.yaml``)."""
    if not holds_one_of(lowered, ("war", "occupation")):
        return None
    spans = [(start, end) for pattern, start, end in _named_spans() if pattern.search(text)]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans), "year"


def _named_start(text: str, lowered: str) -> date | None:
    """The date a period named by an event begins: "since the 44-day war" (see
    ``named_starts`` in ``data/rules/events.yaml``); none where it is a time compared
    with ("the deadliest incident since the war occurred on June 4, 2021")."""
    for pattern, start in _named_starts():
        named = _search_if(pattern, text, lowered, "since")
        if named:
            return None if _FIRST_SINCE.search(text, 0, named.end()) else start
    if holds_one_of(lowered, ("after ", "following ")) and _COUNTED_TO_NOW.search(lowered):
        # "After the signing of the trilateral statement ..., 350 people have become
        # victims": since then
        return next((start for pattern, start in _named_starts("after|following")
                     if pattern.search(text)), None)
    return None


# A count that runs to now: "have become victims", "has reached"
_COUNTED_TO_NOW = re.compile(r"\b(?:have|has) (?:\w+ )?(?:been|become|fallen|reached|risen|"
                             r"exceeded|died|cleared|recorded|registered)\b")


# "over the last week of January", "in the first half of May": a part of the month after
_PART_OF_MONTH = re.compile(r"\b(?:the )?(?P<which>first|second|third|fourth|last|final) "
                            r"(?P<part>week|half) of $", _FLAGS)
_WEEK_STARTS = {"first": 1, "second": 8, "third": 15, "fourth": 22}


def _part_of_a_month(text: str, mentions: list[DateMention],
                     published: date | None) -> tuple[date, date, str] | None:
    """The days of a part of a month the text names: "over the last week of January" is
    January 25 to 31, "the first half of May" May 1 to 15."""
    for m in mentions:
        part = _PART_OF_MONTH.search(text, max(0, m.start - 25), m.start) \
            if m.month and not m.day else None
        month = _date_of(m, published, text) if part else None
        if part is None or month is None:
            continue
        first, last = month[0], month[1]
        which = part["which"].lower()
        if part["part"].lower() == "half":
            middle = first.replace(day=15)
            return (first, middle, "day") if which == "first" else \
                (middle + timedelta(days=1), last, "day")
        start = last - timedelta(days=6) if which in ("last", "final") else \
            first.replace(day=_WEEK_STARTS[which])
        return start, min(start + timedelta(days=6), last), "day"
    return None


def _from_a_named_start(text: str, mentions: list[DateMention],
                        published: date | None) -> tuple[date, date, str] | None:
    """A period from a start named by an event to a date: "between the end of the 2020
    conflict and the end of 2022"."""
    for pattern, start in _named_starts("between|from"):
        named = pattern.search(text)
        end = next((m for m in mentions if named and m.start >= named.end()), None)
        if end and _RANGE_JOIN.match(text[named.end():end.start]) and \
                (last := _date_of(end, published)) and start <= last[1]:
            return start, last[1], "day"
    return None


def _range(first: DateMention, second: DateMention,
           published: date | None) -> tuple[date, date, str] | None:
    end = _date_of(second, published)
    if end is None:
        return None
    if first.year is None and second.year is not None:
        year = second.year - (1 if (first.month or 0) > (second.month or 0) else 0)
        first = DateMention(first.start, first.end, first.text, year, first.month, first.day,
                            first.weekday)
    start = _date_of(first, published)
    if start is None or start[0] > end[1]:
        return end
    precision = "day" if start[2] == end[2] == "day" else \
        ("month" if "year" not in (start[2], end[2]) else "year")
    return start[0], end[1], precision


# --- numbers -----------------------------------------------------------------------------

# "his left leg", "both feet": a limb lost (or "amputated", for the verb)
_LIMB_NOUN = (r"(?:(?:left|right|lower|upper) )?(?:legs?|arms?|feet|foot|hands?|eyes?|limbs?|"
              r"fingers?|toes?)")
_LIMB = rf"(?:his|her|their|a|an|both|two|three|several) {_LIMB_NOUN}"
# One taken to hospital was hurt: "the driver was taken to hospital", "rushed to the
# district hospital"
_TAKEN_TO_HOSPITAL = r"(?:taken|rushed|admitted|evacuated) to (?:a |the )?(?:[\w-]+ )?hospital"
# One whose condition is told was hurt: "he is in serious condition"
_IN_A_CONDITION = (r"(?:is|was|remains|remained) in (?:a )?(?:serious|critical|grave|stable|"
                   r"satisfactory|moderate|severe) condition")
_HARM_VERB = _for_lower_case(
    r"\b(?P<both>killed (?:or|and) (?:seriously |severely )?(?:injured|wounded|maimed|hurt)|"
    r"(?:injured|wounded|maimed|hurt) (?:or|and) killed|"
    r"(?:have been |were |became )?victims|(?:fallen|fell) victims?|"
    # "suffered injuries" is the injuries, found next
    r"suffered(?! (?:[\w-]+ ){0,2}(?:injur|wound))|affected(?= by\b)|"
    r"(?<=been |were )(?:hit|blown up)(?= (?:by|on) (?:an? )?(?:land ?)?mines?\b)|"
    r"casualties)"
    r"|\b(?P<killed>killed|killing|died|dead(?!lie)|fatally|(?<=of them )fatal|"
    # "sustained fatal injuries", "received mortal wounds": died of them
    r"(?:fatal|mortal) (?:injur(?:y|ies)|wounds?)|mortally|"
    r"lost (?:their|his|her) li(?:fe|ves)|deaths?|bod(?:y|ies)(?= of )|"
    r"martyred|became (?:a )?martyrs?|claim(?:s|ed|ing)? (?:the )?li(?:fe|ves) of)"
    r"|\b(?P<injured>injured|injuring|wounded|wounding|wounds|hurt|injuries|injury|amputated|maimed|"
    r"an? (?:[\w-]+ )?wound(?= )|"  # "sustained a shrapnel wound" (not "wound up")
    rf"hospitali[sz]ed|{_TAKEN_TO_HOSPITAL}|{_IN_A_CONDITION}|(?:lost|without) {_LIMB})")
# ... and a limb torn off, looked for apart, only where " off" stands: every alternative of
# the pattern above costs a try at every word of every sentence read
_LIMB_OFF = re.compile(r"\b(?P<injured>(?:legs?|arms?|feet|foot|hands?|limbs?|fingers?|toes?) "
                       rf"(?:was|were) (?:torn|blown|ripped) off|(?:tore|blew|ripped) off {_LIMB})")


def _harm_in(lowered: str) -> re.Match[str] | None:
    """The first harm ``lowered`` (a text in lower case) tells of (see `_HARM_VERB`), or a
    limb torn off."""
    return _HARM_VERB.search(lowered) or \
        (_LIMB_OFF.search(lowered) if " off" in lowered else None)


# what a total came to, right before its figure
_CAME_TO = (r"\b(?:has |have |had )?(?:reached|rose to|risen to|increased to|exceeded|surpassed|"
            r"passed|grown to|climbed to|stands? at|stood at|totals?|totall?ed|amounts? to|"
            r"numbered|"
            # "fell to 28 in 2024, from 44 a year earlier"
            r"(?:fell|fallen|dropped|declined|decreased|went (?:down|up)|doubled|halved) to)")
_HEDGE_OF_TOTAL = r"\s+(?:about |over |more than |nearly |almost |some )?$"
# Words in these patterns are taken whole ("++"): a space must follow each, so giving
# letters back could never make a match, only cost the trying.
_NUMBER_OF_HARMED = re.compile(
    r"\b(?:number of (?:[\w-]++ ){0,2}?|(?=(?:death|casualty) toll))(?:(?P<both>victims|"
    r"casualties|casualty toll|killed (?:or|and) (?:wounded|injured)|"
    r"(?:wounded|injured) (?:or|and) killed)|"
    r"(?P<killed>deaths|dead|killed|death toll)|(?P<injured>injured|"
    r"wounded))\b[^.;:]{0,160}?"
    # "put the number of ... at 3,300"
    rf"(?:{_CAME_TO}|\b(?:is|was|now|at)){_HEDGE_OF_TOTAL}", _FLAGS)
# ... and casualties that came to a figure: "Mine casualties in Armenia totalled 12"
_CASUALTIES_CAME_TO = re.compile(rf"\bcasualties\b[^.;:]{{0,80}}?{_CAME_TO}{_HEDGE_OF_TOTAL}",
                                 _FLAGS)
# The nouns of one person.
_PERSON_WORDS = (
    "civilian", "person", "man", "woman", "serviceman", "soldier", "deminer", "sapper",
    "worker", "driver", "resident", "journalist", "official", "child", "boy", "girl",
    "shepherd", "farmer", "cameraman", "correspondent", "policeman", "officer", "employee",
    "specialist", "teenager", "villager", "citizen", "contractor", "labourer", "laborer",
    "herder", "son", "daughter", "father", "mother", "brother", "sister", "husband", "wife",
    "nephew", "cousin", "relative", "peacekeeper", "operator", "guard", "engineer",
    "builder", "hunter", "herdsman", "pensioner", "student", "schoolboy", "schoolgirl",
    "tourist", "passenger", "friend", "colleague", "companion", "neighbour", "neighbor",
    "uncle", "grandson", "assistant", "farmhand", "rider", "horseman", "mechanic",
    "forester", "beekeeper", "fisherman", "rescuer", "electrician", "lifeguard", "firefighter",
    "veteran", "servicewoman", "lieutenant", "sergeant", "corporal", "captain",
    "commander", "breeder", "teacher", "doctor", "nurse", "photographer",
    "surveyor", "pupil", "retiree", "youth", "expert", "member", "gardener")
# ... grouped by first letter: tried after each of four words
_PERSON_NOUNS = by_first_letter(list(_PERSON_WORDS))
# "a shepherd", "another man", "the other", "his son", "its driver", "whose husband", and
# "the driver" as the object of harm ("killing the driver and wounding four passengers")
_ONE_PERSON_FIRST = at_word_start(["an?", "one", "another", "the other",
                                   "a (?:second|third|fourth)", "his", "her", "its", "their",
                                   "whose",
                                   "the(?:(?<=killing the)|(?<=injuring the)|"
                                   "(?<=wounding the))",
                                   # "the driver and a passenger were killed": two
                                   rf"the(?=\s+(?:[\w-]++\s+){{0,2}}?(?:{_PERSON_NOUNS})\s+"
                                   r"and\s+(?:an?|the|his|her|one|another)\s)"])
_ONE_PERSON = _for_lower_case(
    f"(?:{_ONE_PERSON_FIRST})"
    # the words between describe the person, and do not begin another ("a landmine
    # injured a farmer")
    rf"(?:\s+(?:(?!(?:an?|the|one|another)\s)[\w'’-]++\s+){{0,4}}?(?:{_PERSON_NOUNS})\b"
    # (not the owner of another: "his neighbour's son" is the son)
    r"(?!-|['’]s\b|\s+(?:post|unit|school|dormitory|house|office|station|vehicle|car|truck|"
    r"team|group|organi[sz]ation|association|council|club|state|country))"
    # a person told by an age alone: "a 14-year-old was injured"
    r"|(?<=\ba)\s+\d{1,3}-year-old(?=\s+(?:was|is|has|had|died|who)\b|,)"
    # "another" standing for a person: "killing one and wounding another", "one person
    # died and another (the other) was taken to hospital", "two were killed and a third
    # wounded"
    r"|(?:(?<=another)|(?<=the other)|(?<=second)|(?<=third)|(?<=fourth))"
    r"(?=\s+(?:(?:seriously|severely|badly|slightly|critically|also)\s+)?"
    r"(?:was|is|has|had|died|wounded|injured)\b|\s*[.,;]|\s*$)"
    # ... and where it happened after it: "killed two civilians and wounded a third in
    # the Kalbajar region"
    r"|(?:(?<=a second)|(?<=a third)|(?<=a fourth))(?=\s+(?:in|near|at|on)\s))")
# a person named, then "and" another: "Sahakyan and another soldier"
_NAME_AND_BEFORE = re.compile(r"\b[A-Z][a-z’'-]+ and $")
_AND_ONE_MORE = re.compile(r"\s*and\s+(?:(?:an?|one)\s+(?:[\w-]++\s+){0,2}?[\w-]++|the\s+"
                           r"(?:[\w-]++\s+){0,2}?(?:representative|head|chief|official|driver))"
                           r"(?=\s|,|$)",
                           _FLAGS)
# "journalist Maharram Ibrahimov", "Sergeant Ali Aliyev": a person named after a noun
# or rank. The names are looked for first (the engine skips to the next capital), the
# word before them then.
_TITLES = frozenset([*_PERSON_WORDS, "representative", "private", "corporal", "sergeant",
                     "lieutenant", "captain", "major", "colonel"])
_CAPITALISED_WORDS = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+")
_WORD_BEFORE_NAME = re.compile(r"\b([A-Za-z]+) $")
_NAMED_PERSON = prefiltered(_for_lower_case(
    rf"\b(?:oglu|qizi|gizi|kyzy)\b|\b{_BIRTH_YEAR}"))


@dataclass(frozen=True)
class Count:
    value: float
    qualifier: str | None
    start: int
    end: int
    kind: str  # field a following noun names, or "people" / "bare"
    noun_end: int = 0  # end of the noun after the number ("two journalists|")


# "25 percent", "a 45-year-old shepherd", "44-day war": numbers that count no one
_NO_COUNT_AFTER = re.compile(r"\s*-?(?:per ?cent|percent|%|years?|months?|weeks?|days?|km(?![2²])|"
                             # a calibre: "an 82-mm mortar mine"; "in one case"
                             r"mm\b|millimet(?:re|er)s?\b|(?:cases?|points?|instances?|"
                             r"occasions?)\b|"
                             r"hours?|minutes?|countries\b|nations\b|states\b|"
                             r"kilomet|(?:US |U\.S\. )?dollars?\b|manats?\b|euros?\b|"
                             r"pounds?\b|(?:ruble|rouble|dram)s?\b|yen\b|(?:AZN|USD|EUR|GBP)\b)",
                             _FLAGS)
# "$3.5 million" (the sign is part of the number), "AZN 5 million": money, which counts
# no mines nor people
_MONEY_SIGNS = ("$", "\u20ac", "\u00a3")
_MONEY_CODES = ("AZN", "USD", "EUR", "GBP")


def _is_money(text: str, q: Quantity) -> bool:
    """Whether a quantity of ``text`` is a sum of money."""
    return holds_one_of(q.text, _MONEY_SIGNS) or \
        text[max(0, q.start - 4):q.start].rstrip().endswith(_MONEY_CODES)
_PER_CENT = re.compile(r"%|per ?cent", _FLAGS)
# "around 15 people a year are killed": a rate, no count of people harmed
_A_RATE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:(?:a|per|each|every) (?:year|month|week|day)"
                     r"(?! ago| earlier| later| before| after)\b|annually\b)", _FLAGS)
_A_RATE_HINTS = (" a ", " per ", " each ", " every ", "annually")
# "Elvin Mammadov, 34, lost his leg", "... and Hayk Sargsyan, 52.": a number set off by
# commas after a name, or ending a clause after one, is an age
_AGE_AFTER_NAME = re.compile(r"\b([A-Z][\w'’-]*),\s*(\d{1,3})(?:,|(?=[.;)](?!\d)|$))")
# ... as after a person named by a noun ("a shepherd, 37, was injured"), or after "aged"
# ("two brothers, aged 14 and 16")
_AGES = r"\d{1,3}(?:\s*(?:,|and|-|–)\s*\d{1,3})*"
_AGE_AFTER_PERSON = re.compile(
    rf"\b(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_NOUNS}),\s*"
    rf"(?:then\s+|now\s+)?(\d{{1,3}}),"
    rf"|\baged\s+({_AGES})\b", _FLAGS)


def _counts(text: str, rules: EventRules, skip: list[tuple[int, int]]) -> list[Count]:
    counts = []
    lowered = lower(text)
    for q in find_quantities(text):
        if any(s <= q.start < e for s, e in skip):
            continue
        after = text[q.end:q.end + 80]
        if _NO_COUNT_AFTER.match(after) or _PER_CENT.search(q.text) or _is_money(text, q) or \
                (holds_one_of(after, _A_RATE_HINTS) and _A_RATE.match(after)):
            continue
        set_off = not after or after[0] in ",.;)"
        if (set_off or "aged " in text[max(0, q.start - 30):q.start]) and _is_age(text, q):
            continue
        if len(q.text) == 4 and (text.endswith(_BORN_BEFORE_YEAR, max(0, q.start - 8), q.start)
                                 or text.startswith("(", q.start - 1) and
                                 text.startswith(")", q.end) or
                                 text.startswith(",", q.end) and
                                 _NAME_THEN_YEAR.search(text, max(0, q.start - 30), q.start)):
            # "a resident, born in 1985, was injured", "Gasimov Farid (1988)", "Kamran
            # Ismayilov, 1980, died": a year, not 1,985 people
            continue
        if text.endswith(_PARENT_OF, max(0, q.start - 10), q.start):
            continue  # "a 42-year-old father of three": his children, not harmed
        kind, noun_length = _noun_kind(after, rules)
        value, noun_end = q.value, q.end + noun_length
        if kind in _LAND and _STILL_MINED_AFTER.match(text, noun_end):
            continue  # "about 70 square kilometres remain contaminated": not cleared
        if kind in ("mines", "uxo") and (
                rules.still_to_clear.match(lowered, _PLACE_THEN.match(text, noun_end).end()) or
                _STILL_THERE_BEFORE.search(text, max(0, q.start - 40), q.start)):
            continue  # "up to 1.5 million mines may still be in the ground": not found
        if kind == "people" and _LIVING_AFTER.match(text, noun_end):
            continue  # "where 1,000 residents have returned": who live there, not harmed
        if kind in ("people", "prisoners") and text.startswith(",", noun_end) and \
                (named := _WITH_ONE_NAMED.match(text, noun_end)):
            value, noun_end = value + 1, named.end()  # "two soldiers, as well as driver X,"
        elif kind == "people":
            # "two journalists, Siraj Abishov and Maharram Ibrahimov, and the village
            # representative": the names set off are theirs, and one more after them
            names = _NAMES_SET_OFF.match(text, noun_end) if text.startswith(",", noun_end) \
                else None
            one_more = _AND_ONE_MORE.match(text, names.end() if names else noun_end)
            if one_more:  # "two journalists and a local official"
                value, noun_end = value + 1, one_more.end()
        counts.append(Count(value, q.qualifier, q.start, q.end, kind, noun_end))
    for match in _ONE_PERSON.finditer(lowered):
        if not any(c.start <= match.start() < c.noun_end for c in counts) and \
                not _same_person_again(lowered, match, counts) and \
                not lowered.endswith(_EMPLOYER_BEFORE, max(0, match.start() - 14), match.start()) \
                and not _OF_ANOTHER_PERSON.search(lowered, max(0, match.start() - 50),
                                                  match.start()):
            # "Sahakyan and another soldier were hospitalized": two
            named = lowered.startswith("another ", match.start()) and \
                _NAME_AND_BEFORE.search(text, max(0, match.start() - 30), match.start())
            counts.append(Count(2 if named else 1, None, named.start() if named else match.start(),
                                match.end(), "people", match.end()))
    return sorted(counts, key=lambda c: c.start)


# Whose people they are is no one harmed where they are counted: "two employees of a
# contractor company", "a driver of a construction firm" (but "The son of a farmer was
# injured": one, whom "a farmer" counts)
_OF_ANOTHER_PERSON = re.compile(rf"\b(?:an?|one|two|three|four|five|\d+)\s+(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:(?:{_PERSON_NOUNS})s?|children|men|women|staff|people) of $")
# Who one works for is no one harmed: "a deminer working for a Turkish contractor"
_EMPLOYER_BEFORE = ("working for ", "works for ", "worked for ", "employed by ", "hired by ",
                    "contracted by ")
# (and "One of them, a shepherd, was killed")
_COMMA = re.compile(r"(?:\s+of\s+(?:them|those|these|whom))?,\s*")
# what ends a person set off by commas: another comma, and no list going on after it
_SET_OFF_AFTER = re.compile(r"[^,;.()]{0,60},\s+(?!(?:and|or)\b)")


def _same_person_again(lowered: str, match: re.Match[str], counts: list[Count]) -> bool:
    """Whether one person set off by commas right after another is the same person ("A
    truck driver, a resident of Barda, was killed"), not one more ("a shepherd, a farmer,
    and a driver")."""
    return any(c.kind in ("people", "bare") and c.value == 1 and
               _COMMA.fullmatch(lowered, c.noun_end, match.start()) for c in counts) and \
        _SET_OFF_AFTER.match(lowered, match.end()) is not None


# what people do who live where the harm was: "1,000 residents have returned", "some 40
# families now live"
# (not "15 Armenians returned home", set free)
_LIVING_AFTER = re.compile(r"\s+(?:(?:have|has|had)\s+(?:(?:already|since|now)\s+)?(?:been\s+)?"
                           r"(?:returned|resettled|settled|relocated|rehoused|moved (?:back|in))|"
                           r"(?:(?:already|now|still)\s+)?(?:lives?|lived|are living|reside))\b",
                           _FLAGS)


# Where mines still to find are, before the words saying so (the rules' still_to_clear):
# "1.5 million mines in Karabakh may still be in the ground"; "there are still about 1.5
# million mines"
_PLACE_THEN = re.compile(r"(?:\s+(?:in|along|near|across|on)\s[^,.;]{1,40}?)?,?\s*", _FLAGS)
_STILL_THERE_BEFORE = re.compile(r"\bthere (?:are|remain|may be|could be) (?:still )?(?:about |"
                                 r"some |up to |an estimated |as many as |more than |over )?$",
                                 _FLAGS)
_LAND = ("hectares", "square_km", "square_m")
# what land still to clear is: "remain contaminated", "is still mined"
_STILL_MINED_AFTER = re.compile(r"(?:\s+of (?:[\w-]+\s){0,2}?(?:land|territory|country|ground))?"
                                # ("of land along the border are suspected ...")
                                r"(?:\s+(?:in|along|near|around|across|on)\s[^,.;]{1,40}?)?,?\s+"
                                r"(?:(?:remains?|is|are)\s+(?:still\s+)?"
                                r"(?:contaminated|mined|uncleared|to be cleared|"
                                r"(?:suspected|believed) to be (?:contaminated|mined)|"
                                r"suspected of (?:being )?(?:contaminated|contamination|mined))|"
                                r"(?:needs?|have|has) to be (?:\w+ and )?cleared)\b",
                                _FLAGS)


def _is_age(text: str, q: Quantity) -> bool:
    """Whether a number is an age set off by commas after a name ("Mammadov, 34,") or a
    person ("a shepherd, 37,"), or one after "aged" ("aged 14 and 16")."""
    return any(age.span(2) == (q.start, q.end)
               for age in _AGE_AFTER_NAME.finditer(text, max(0, q.start - 40), q.end + 1)) \
        or any(age.start(1) == q.start or (age.group(2) is not None and
                                           age.start(2) <= q.start < age.end(2))
               for age in _AGE_AFTER_PERSON.finditer(text, max(0, q.start - 60), q.end + 1))


def _noun_kind(after: str, rules: EventRules) -> tuple[str, int]:
    """What a number counts, from the words after it, and how long those words are."""
    lowered = lower(after)
    if lowered.startswith(" of "):  # "68 of the victims were killed": people
        part = _OF_THE_HARMED.match(lowered)
        if part:
            return "people", part.end()
    match = rules.noun_after_number.match(lowered)
    if match is None or match.lastgroup is None:
        were = _WERE.match(lowered)
        if were:  # "Of the neutralized items, 388 were anti-personnel mines"
            kind, length = _noun_kind(after[were.end():], rules)
            if kind in _ORDNANCE:
                return kind, were.end() + length
        return "bare", 0
    return rules.noun_kinds[int(match.lastgroup[1:])], match.end()


_WERE = re.compile(r"\s+(?:were|are)(?=\s)")
# Some of those told before, named: "Two of them, Tamerlan Huseynov and Orkhan Aliyev, died"
_OF_THEM_NAMED = re.compile(r" of (?:them|those|these),\s[^,;]{1,80},\s")
_OF_THE_HARMED = re.compile(r" of (?:the |these |those )?(?:victims|casualties|people|dead|"
                            r"injured|wounded)\b")
# What a number before "were" may count ("388 were anti-personnel mines"); not people,
# whose harm the words after "were" tell ("5 were injured").
_ORDNANCE = ("mines", "items", "anti_personnel", "anti_tank", "uxo")


# Nouns tried before those of the rules: "anti-tank and anti-personnel mines" counts
# mines, not anti-tank ones; "mines and UXO" counts items.
_SPECIAL_NOUNS = {
    "mines": r"\s*(?:anti-?tank and anti-?personnel|anti-?personnel and anti-?tank)"
             r"(?: (?:land)?mines)?",
    "items": r"\s*(?:land)?mines and (?:(?:pieces|items) of )?(?:unexploded \w+|uxos?\b|"
             r"explosive (?:objects|devices|remnants|items))"}


def _count_nouns(quantities: dict[str, str]) -> list[tuple[str, str]]:
    """The nouns a number can count, as (kind, pattern), in the order they are tried."""
    return [*_SPECIAL_NOUNS.items(), *quantities.items()]


def _nouns_after_numbers(quantities: dict[str, str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for the nouns a number can count, the first that matches winning as
    it would if each were tried in turn: alternative ``i`` is the group named ``ni``,
    and the kind it names is ``kinds[i]``. (One match call, not one per kind, for each
    number of a text.)"""
    nouns = _count_nouns(quantities)
    pattern = "|".join(f"(?P<n{i}>{noun})" for i, (_, noun) in enumerate(nouns))
    return _for_lower_case(pattern), tuple(kind for kind, _ in nouns)


def _strings_counting(kind: str, quantities: dict[str, str]) -> frozenset[str] | None:
    r"""Strings every noun of ``kind`` after a number holds one of, in lower case: a text
    holding none has no count of that kind. None when a noun needs no known string.

    >>> sorted(_strings_counting("maps", {"maps": r"^\s*(?:new )?(?:maps?|formulars?)\b"}))
    ['formular', 'map']
    """
    needed: set[str] = set()
    for noun_kind, noun in _count_nouns(quantities):
        if noun_kind == kind:
            strings = required_literals(_for_lower_case(noun))
            if strings is None:
                return None
            needed |= strings
    return fewer_literals(frozenset(needed))


_DIGIT_OR_SEMICOLON = re.compile(r"\d|;")
_AGED_BEFORE_AGES = re.compile(rf"\baged\s+{_AGES}\b")
# a year of birth after a name, which counts no one: "Kamran Huseynov (born 1992)",
# "(b. 1990)", "Gasimov Farid (1988)", "Elvin Aliyev, born in 1985,"
_BIRTH_YEAR_ASIDE = re.compile(rf"\(\s*(?:{_BIRTH_YEAR}|(?:19|20)\d\d)\s*\)|,\s*{_BIRTH_YEAR}(?=,)",
                               _FLAGS)
_AGED = re.compile(r"\b\d{1,3}-years?-old\b")
# the age of who was counted, right after them: ", 37," ("a shepherd, 37, was injured"),
# ", aged 14 and 16,"
_AGE_RIGHT_AFTER = re.compile(rf"^(\s*[\w-]+)?,\s*(?:aged\s+|then\s+|now\s+)?{_AGES},")
_PART_OF = r"\b(?:including|among them|of whom|among whom)"
_PART_OF_BEFORE = re.compile(rf"{_PART_OF}\s+$", _FLAGS)
_PART_BETWEEN_COMMAS = re.compile(rf",\s*{_PART_OF}\s[^,;]*,", _FLAGS)
# who they are, between dashes: "three people - Gasimov Farid (1988), Mammadli Elnur (1992)
# and Huseynli Rasim (1979) - received injuries"
_SET_OFF_BY_DASHES = re.compile(r"\s[-–—]\s[^-–—.;]{1,200}?\s[-–—](?=\s)")
# ... or in a clause set off after them and where they are from: "Three residents of Aghali
# village, who returned to their native land under the Great Return program, were
# injured", "Two residents of Khurvaleti, a village in Gori Municipality adjacent to the
# occupation line, were injured"
_WHO_SET_OFF = re.compile(r"(?:\s+(?:of|from)\s[^,;.]{1,40})?,\s+(?:who|an?|the)\s[^,;.]{1,150},")


def _end_of_set_off(text: str, end: int) -> int:
    """Where what sets off the people counted right before ``end`` ends, between dashes
    (" - brothers Namig and Ramin Jafarov -"), or ``end`` itself."""
    set_off = _SET_OFF_BY_DASHES.match(text, end)
    return set_off.end() if set_off else end


_VERB_ENDING_BEFORE = re.compile(r"(?:ing|ed)(?:\s+of)?\s*(?:(?:the|his|her|their|its)\s+)?$")


def _counted_right_after(text: str, index: int, counts: list[Count]) -> bool:
    """Whether one of ``counts`` begins right after ``index``, with only white space
    between ("killing one")."""
    following = text[index:index + 10]
    if following.lstrip(" ").startswith("\n"):
        return False  # a list's next line: "54 killed\n238 injured"
    start = index + len(following) - len(following.lstrip())
    return any(c.start == start for c in counts)


def _outside_dates(text: str, written: str | None = None) -> str:
    """``text`` without the dates ``written`` (``text`` itself, or the same text as
    written where ``text`` is in lower case: month names count only with a capital)."""
    for date_mention in reversed(find_dates(text if written is None else written)):
        text = text[:date_mention.start] + text[date_mention.end:]
    return text


def _figure_or_break_in(text: str) -> bool:
    """Whether another figure, or a semicolon, stands in ``text``; dates do not count
    ("a shepherd stepped on a mine on 3 August 2022 and was killed"), nor ages ("Mammadov,
    34,", "a 42-year-old"), nor a part set off by commas ("336 Azerbaijanis, including 45
    civilians, have been")."""
    if _DIGIT_OR_SEMICOLON.search(text) is None:
        return False
    text = _outside_dates(_BIRTH_YEAR_ASIDE.sub("", _AGE_RIGHT_AFTER.sub(r"\1,", text)))
    if "aged " in text:  # "two children aged 9 and 11 were killed"
        text = _AGED_BEFORE_AGES.sub("", text)
    if "-year" in text:  # "A resident of Shusha, 42-year-old Elnur Hasanov, was injured"
        text = _AGED.sub("", text)
    return _DIGIT_OR_SEMICOLON.search(text) is not None and (
        "," not in text or _DIGIT_OR_SEMICOLON.search(
            _PART_BETWEEN_COMMAS.sub(",", _AGE_AFTER_NAME.sub(r"\1,", text))) is not None)


# One who tells of a harm is not harmed by it: "a 44-year-old man from Aghdam told Human
# Rights Watch that his brother was killed"
_TOLD_THAT = re.compile(r"\b(?:told|tells|said|says|recalled|recalls|explained)\b[^.;]{0,60}?"
                        r"\bthat\b")


# How far before its figure a toll is named: "The death toll from the mine explosion that
# occurred on the night of 5 to 6 May near the village of Sharifan in Zangilan district
# has risen to three"
_TOLL_REACH = 200
_INCLUDING_AFTER = re.compile(r",?\s+including\s")
_OF_VICTIMS = re.compile(r"\b(?:victims|casualties|killed and injured|dead and injured)\b")
# what brings a toll up to date: "brings the toll of ... to 359"
_BRINGS_THE = r"\b(?:brings?|brought|bringing|raises?|raised|raising|takes|took|taking)\s+the\s+"
_BRINGS_THE_TOLL_TO = re.compile(
    _BRINGS_THE + r"(?:(?:death\s+)?toll|number)\b[^.;:]{0,80}?\bto\s+(?:about |over |more than |"
    r"nearly |almost |some |at least )?$")


def _harm_of(text: str, lowered: str, count: Count, counts: list[Count]) -> str | None:
    """The harm a count of people suffered: the verb after it ("four people were
    injured", "65 of them lost their lives", but not one with a count of its own: "a car
    carrying four people hit a mine, killing one") or right before it ("killing two").
    ``lowered`` is ``text`` put in lower case by :func:`geo.normalise.lower`."""
    if lowered.startswith((" injured ", " wounded "), count.noun_end) and \
            _INJURED_WHO_DIED.match(lowered, count.noun_end) and \
            not lowered.endswith(("of the ", "of "), 0, count.start):
        # "Two people injured in last week's explosion have died" (but "One of the two
        # workers wounded in ... has died": one)
        return "killed"
    inverted = _HARMED_ARE.match(lowered, 0, count.start) \
        if lowered.endswith(("were ", "was ", "are ", "is "), 0, count.start) else None
    if inverted:  # "Killed in the blast were two deminers", "Among the injured are three"
        return inverted.lastgroup
    # (on its own line: not the line before's "Killed" in "Killed\n238 injured")
    reach = max(0, count.start - 30, lowered.rfind("\n", 0, count.start) + 1)
    before = text[reach:count.start]
    previous = list(_HARM_VERB.finditer(lowered, reach, count.start))
    between_before = lowered[previous[-1].end():count.start].split() if previous else None
    if previous and (not between_before or (
            between_before in (["of"], ["of", "the"], ["to"]) and
            previous[-1].group() in _HARM_NOUNS) or
            between_before in (["along", "with"], ["together", "with"])):
        # the count is the verb's object ("killing two"), or the harm's ("resulting in
        # the death of two servicemen", "injuries to three people"), or harmed with those
        # before it ("were killed along with two other people")
        return previous[-1].lastgroup
    # the verb of a whole comes after its part ("397 people, including 71 who died, have
    # fallen victim")
    noun_end = max(count.end, count.noun_end)
    part_after = _PART_BETWEEN_COMMAS.match(text, noun_end) \
        if text.startswith(",", noun_end) else _SET_OFF_BY_DASHES.match(text, noun_end)
    if part_after is None and (who := _WHO_SET_OFF.match(text, noun_end)) is not None and \
            not _harm_in(lowered[who.start():who.end()]):
        part_after = who  # (not "A resident, who lost his leg in a mine explosion, has ...")
    after = part_after.end() if part_after else \
        count.noun_end if _OF_THE_HARMED.match(lowered, count.end) else count.end
    # The verb after them ("68 of the victims were killed"), as far after them as after
    # one more named with them ("two journalists, Siraj Abishov and Maharram Ibrahimov,
    # and the village representative ... were killed"), but not the verb of a part that
    # ends the sentence ("... to 15, including two deminers killed")
    nearest = _HARM_VERB.search(lowered, after, max(after, count.noun_end) + 90) \
        if part_after or not _INCLUDING_AFTER.match(lowered, noun_end) else None
    between = text[count.end:nearest.start()] if nearest else ""
    part = count.kind == "people" and _PART_OF_BEFORE.search(before) is not None
    if part and nearest and "," in between:
        return None  # "including 45 civilians, have been killed": the verb is the whole's
    if nearest and not _figure_or_break_in(between) and \
            not (" that " in between and _TOLD_THAT.search(between)) and \
            (count.kind in ("people", "prisoners") or len(between) < 30 or
             _OF_THEM_NAMED.fullmatch(between)) and \
            not _counted_right_after(text, nearest.end(), counts):
        return nearest.lastgroup
    reach = max(0, count.start - _TOLL_REACH)
    words_before = lowered[reach:count.start]
    total = _NUMBER_OF_HARMED.search(text, reach, count.start) \
        if "number of" in words_before or "toll" in words_before else None
    if total:  # "the number of mine victims ... has reached 361", "the death toll ... 4"
        return total.lastgroup
    if "casualties" in words_before and _CASUALTIES_CAME_TO.search(lowered, reach, count.start):
        return "both"
    if ("toll" in words_before or "number" in words_before) and \
            (brings := _BRINGS_THE_TOLL_TO.search(lowered, reach, count.start)):
        # "brings the toll of mine victims since 2020 to 359"; but "Sahakyan's death brings
        # the toll of the November 1 incident to two": its dead
        return "killed" if "death" in words_before and \
            not _OF_VICTIMS.search(lowered, brings.start(), count.start) else "both"
    if part:
        return None  # a part of a figure already counted ("65 died, including 3 journalists")
    if previous and count.kind == "people" and _VERB_ENDING_BEFORE.search(before):
        return previous[-1].lastgroup
    return None


# A sentence that begins with the harm and ends with the harmed: "Killed in the blast
# were two deminers", "Among the injured in Tuesday's explosion are three children".
_HARMED_ARE = re.compile(r"\s*(?:among the )?(?:(?P<killed>killed|dead)|(?P<injured>injured|"
                         r"wounded))\b[^.;,]{0,80} (?:were|was|are|is) $")
# The injured of an incident who have died: " injured in last week's explosion have died"
_INJURED_WHO_DIED = re.compile(r" (?:injured|wounded) (?:in|by|during|when) [^,.;]{1,80}? "
                               r"(?:have|has|had) (?:since |later |now )?died\b")
# Harms named by a noun, which may come before the harmed and "of" or "to".
_HARM_NOUNS = ("death", "deaths", "injuries", "body", "bodies")
# The field of an event a harm verb's group (see `_HARM_VERB`) fills.
_FIELD_OF_HARM = {"both": "casualties", "killed": "killed", "injured": "injured"}


def _people_harmed(text: str, counts: list[Count]) -> dict[str, tuple[int, str | None]]:
    """killed / injured / casualties from the counts of people in ``text``."""
    harmed: dict[str, list] = {}
    first_at: dict[str, int] = {}  # where the first count of each harm stands
    if "belonging to " in text or "owned by " in text:  # the owner of what hit a mine
        owners = [m.span() for m in _OWNER.finditer(text)]
        text = _OWNER.sub(lambda m: " " * len(m.group()), text)
        counts = [c for c in counts if not any(start <= c.start < end for start, end in owners)]
    lowered = lower(text)
    broken_down = _broken_down(text, counts)
    told_apart = _parts_of_wholes(lowered, counts, harmed, first_at)
    for i, count in enumerate(counts):
        # servicemen and soldiers count as people here, not as prisoners
        if count.kind not in _PEOPLE_KINDS or count.start in broken_down or \
                count.start in told_apart:
            continue
        harm = _own_harm(text, lowered, count, counts)
        if harm is None and count.kind != "bare":
            # one of a list: the harm told after its last ("a father and his son were blown
            # up") or before its first ("wounding the driver and his brother")
            harm = _own_harm(text, lowered, _last_joined(text, counts, i), counts) or \
                _own_harm(text, lowered, _first_joined(text, counts, i), counts)
        if harm is None:
            continue
        field_name = _FIELD_OF_HARM[harm]
        total, qualifier = harmed.get(field_name, (0, None))
        harmed[field_name] = (total + int(count.value),
                              qualifier or count.qualifier or _floor_of_a_group(lowered, count))
        first_at.setdefault(field_name, count.start)
    if harmed and " and " in text:
        _add_names_before_counts(text, harmed, first_at)
    if not harmed or _NAMED_PERSON.search(lowered) or _NAME_HARMED.search(text) or \
            _TITLED_HARMED.search(lowered) or _ROLE_HARMED.search(lowered) or \
            _AGE_AFTER_NAME.search(text) or \
            (" and " in text and (_NAMES_HARMED.search(text) or _NAMES_AFTER_HARM.search(text))):
        # ("The driver died at the scene, while two farm workers were injured", "Mammadli,
        # 52, died at the scene, while ...", "Siraj Abishov and Maharram Ibrahimov were
        # killed and four people were injured")
        _add_named_people(text, lowered, harmed)
    if "injured" in harmed and "killed" in harmed and "casualties" not in harmed and \
            (died := _DIED_OF_THEM.search(lowered)) and \
            first_at.get("injured", len(text)) < died.start() and \
            harmed["killed"][0] < harmed["injured"][0]:
        # "nine servicemen have been injured, one of whom died of his wounds": nine in all
        # (not "Two of them died at the scene, while three others were injured")
        harmed["casualties"] = harmed["injured"]
        harmed["injured"] = (harmed["injured"][0] - harmed["killed"][0], None)
    if " both " in lowered and (both := _BOTH_ARE_HARMED.search(lowered)):
        # "X and his son Kamran were both injured": two, though one was counted
        field_name = _field_of_harm(both.group())
        if harmed.get(field_name, (0, None))[0] == 1:
            harmed[field_name] = (2, harmed[field_name][1])
    if not harmed:
        _add_no_one_harmed(lowered, harmed)
    return {k: (v[0], v[1]) for k, v in harmed.items()}


def _parts_of_wholes(lowered: str, counts: list[Count], harmed: dict[str, list],
                     first_at: dict[str, int]) -> set[int]:
    """Where ``counts`` of a text in lower case count a part of a whole counted right after
    it, the starts of the counts so told apart. A whole harmed as it is named holds the
    part: "One of the two brothers injured ... has died" (one killed, one injured), added
    to ``harmed`` (first counted at ``first_at``); a whole not so harmed is no more than
    where the part belongs: "One of three soldiers was killed" (one)."""
    told_apart: set[int] = set()
    # (its dead among those of a toll told with it: "..., bringing the death toll to two")
    toll = _tells_the_toll_now(lowered)
    for part, whole, died in _injured_wholes(lowered, counts, told_apart):
        told_apart.add(part.start)
        for field_name, value in (("killed", 0 if toll else died),
                                  ("injured", int(whole.value) - died)):
            if value > 0:
                harmed[field_name] = [value, whole.qualifier]
                first_at.setdefault(field_name, whole.start)
    return told_apart


def _injured_wholes(lowered: str, counts: list[Count],
                    wholes: set[int] | None = None) -> Iterator[tuple[Count, Count, int]]:
    """Each part of a whole injured as it is named in ``counts`` of a text in lower case,
    its whole and how many of the part died ("One of the two brothers injured ... has
    died": 1); adds to ``wholes`` the start of every whole a part is counted of."""
    for part, whole in itertools.pairwise(counts):
        # ("One of three soldiers": the part's noun is the whole's)
        if part.kind not in _PEOPLE_KINDS or whole.kind not in _PEOPLE_KINDS or \
                not _OF_THE_WHOLE.fullmatch(lowered, part.end, whole.start):
            continue
        if wholes is not None:
            wholes.add(whole.start)
        if injured := _WHOLE_INJURED.match(lowered, whole.noun_end):
            yield part, whole, \
                int(part.value) if _PART_DIED.search(lowered, injured.end()) else 0


_PEOPLE_KINDS = frozenset(("people", "bare", "prisoners"))
# what joins a part to the whole counted after it: "One| of the |two brothers"
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:(?:the|those|these)\s+)?")
# a whole harmed as it is named: "two deminers| wounded by a landmine", "who were injured"
_WHOLE_INJURED = re.compile(r",?\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+)?"
                            r"(?:[a-z]+ly\s+)?(?:wounded|injured|hurt|maimed)\b")
# ... of whom the part has died since
_PART_DIED = re.compile(r"\b(?:died|succumbed|passed away)\b")


# who a part of the harmed are, where they are no more than people
_ANYONE = frozenset(("people", "persons", "individuals", "of", "them", "whom", "those"))


def _floor_of_a_group(lowered: str, count: Count) -> str | None:
    """"at least" where ``count`` is a group among the harmed ("390 killed or injured,
    including 35 civilians killed": others may have died too), else None."""
    if count.kind != "people" or \
            not _PART_OF_BEFORE.search(lowered, max(0, count.start - 20), count.start):
        return None
    return None if _ANYONE.issuperset(lowered[count.end:count.noun_end].split()) else "at least"


def _add_names_before_counts(text: str, harmed: dict[str, tuple[int, str | None]],
                             first_at: dict[str, int]) -> None:
    """Add to ``harmed`` (first counted at ``first_at``) the people named together as the
    subject of a harm before its first count: "Siraj Abishov and Maharram Ibrahimov, a
    reporter, were killed along with Arif Aliyev, a local official" (three)."""
    together = _NAMES_HARMED.search(text)
    if together is None:
        return
    field_name = _field_of_harm(lower(together.group()))
    if field_name in harmed and first_at[field_name] >= together.end():
        count, qualifier = harmed[field_name]
        harmed[field_name] = (count + len(_NAMES_APART.split(together[1])), qualifier)


# What joins counts of people that one verb tells the harm of: "45 civilians and 39
# servicemen have been killed", "12 soldiers, 5 police officers and 3 civilians"
_AND_JOIN = re.compile(r",?\s+and\s+")
_COMMA_JOIN = re.compile(r",\s+")


def _joined_run(text: str, counts: list[Count]) -> list[Count]:
    """The first of ``counts`` and those joined to it in a list ("A, B and C")."""
    run = counts[:1]
    for following in counts[1:]:
        if not (_AND_JOIN.fullmatch(text, run[-1].noun_end, following.start) or
                _COMMA_JOIN.fullmatch(text, run[-1].noun_end, following.start)):
            break
        run.append(following)
    return run


def _own_harm(text: str, lowered: str, count: Count, counts: list[Count]) -> str | None:
    """The harm a count of people suffered (see :func:`_harm_of`), or a harm not told how
    ("two shepherds were blown up by a mine", "two civilians - brothers Namig and Ramin
    Jafarov - stepped on a mine"); ``lowered`` is ``text`` in lower case."""
    harm = _harm_of(text, lowered, count, counts)
    if harm is None and count.kind == "people" and _BLOWN_UP_AFTER.match(
            lowered, _end_of_set_off(text, count.noun_end)):
        return "both"
    return harm


def _first_joined(text: str, counts: list[Count], i: int) -> Count:
    """The first count of people in the list that ``counts[i]`` ends or goes on ("A, B and
    C"), or ``counts[i]`` itself where none comes before it so joined."""
    while i > 0 and counts[i - 1].kind in ("people", "prisoners") and (
            _AND_JOIN.fullmatch(text, counts[i - 1].noun_end, counts[i].start) or
            _COMMA_JOIN.fullmatch(text, counts[i - 1].noun_end, counts[i].start)):
        i -= 1
    return counts[i]


def _last_joined(text: str, counts: list[Count], i: int) -> Count:
    """The last count of people in the list that ``counts[i]`` begins ("A, B and C"), or
    ``counts[i]`` itself where none follows it so joined."""
    count = counts[i]
    for following in counts[i + 1:]:
        if following.kind not in ("people", "prisoners"):  # soldiers count as prisoners
            break
        if _AND_JOIN.fullmatch(text, count.noun_end, following.start):
            return following
        if not _COMMA_JOIN.fullmatch(text, count.noun_end, following.start):
            break
        count = following
    return counts[i]


# Who owned what hit a mine, up to the verb of the blast: "the MTZ-80 tractor belonging to
# the resident of Goranboy district, born in 1964, Yashar Rustamov, was blown up"
_OWNER = re.compile(r"\b(?:belonging to|owned by)\s[^.;]*?(?=,?\s(?:was|were|hit|struck|ran|"
                    r"drove|exploded|detonated)\b)")
# A breakdown set off after a count of people: "six Azerbaijanis - four police officers and
# two civilian road workers - were killed", "five people (three soldiers and two
# civilians)"
_BREAKDOWN = re.compile(r"\s*(?:\(|[-–—]\s)[^()\n]{1,120}?(?:\)|\s[-–—]\s)")


def _broken_down(text: str, counts: list[Count]) -> set[int]:
    """Where the counts of a breakdown of another count of people begin: they count
    the same people again."""
    starts: set[int] = set()
    for count in counts:
        if count.kind == "people" and text.startswith((" (", " -", " –", " —", "(", "-"),
                                                      count.noun_end):
            breakdown = _BREAKDOWN.match(text, count.noun_end)
            if breakdown:
                starts.update(c.start for c in counts
                              if breakdown.start() <= c.start < breakdown.end())
    return starts


# "No one was hurt", "there were no casualties", "the driver was not hurt" (where no
# count tells of others harmed): a blast that harmed nobody is still an incident (a mine
# that went off where people live, work and drive), with no one harmed.
_NO_ONE_HARMED = prefiltered(_for_lower_case(
    r"\b(?:no one|nobody)\s+(?P<killed>was killed|died|lost (?:his|her|their) li\w+)\b"
    r"|\b(?:no one|nobody|no (?:people|person|civilians?))\s+"
    r"(?:was|were|has been|had been|got)\s+(?P<both>hurt|injured|wounded|harmed)\b"
    r"|\bno (?P<none>casualties|injuries|injury|victims)\b"
    r"|(?<=was |ere )not (?P<not>hurt|injured|wounded|harmed)\b"
    r"|\b(?:escaped|survived|emerged) (?P<escaped>unharmed|unhurt|uninjured|"
    r"without (?:injury|injuries|a scratch))\b"))


def _add_no_one_harmed(lowered: str, harmed: dict[str, tuple[int, str | None]]) -> None:
    """Nobody killed ("no one died"), or nobody harmed at all ("no one was hurt", "there
    were no casualties"), as ``lowered`` (a text in lower case) says."""
    said = _NO_ONE_HARMED.search(lowered)
    if said:
        for field_name in ("killed",) if said.lastgroup == "killed" else ("killed", "injured"):
            harmed[field_name] = (0, None)


def _field_of_harm(lowered: str) -> str:
    """The field of an event the first harm in ``lowered`` fills ("was blown up" tells not
    which: casualties)."""
    verb = _harm_in(lowered)
    return _FIELD_OF_HARM[verb.lastgroup or "injured"] if verb else "casualties"


def _named_persons(lowered: str) -> list[str]:
    """The persons a text in lower case names by a patronymic or a year of birth, each
    once ("Huseynov Elvin Rasim oglu, born in 1985," is one)."""
    marks = _NAMED_PERSON.findall(lowered)
    births = [m for m in marks if m[-1].isdigit()]
    return births if len(births) >= len(marks) - len(births) else \
        [m for m in marks if not m[-1].isdigit()]


def _add_named_people(text: str, lowered: str,
                      harmed: dict[str, tuple[int, str | None]]) -> None:
    """The people ``text`` (``lowered`` in lower case) names, as harmed by its first verb
    of harm when no count tells of that harm ("Ali Huseyn oglu was killed and his son
    injured"): "Ali Huseyn oglu", "born in 1990", "Ramil Guliyev, 52,", "journalist Siraj
    Abishov"."""
    # "was blown up by a mine" says someone was harmed, not how: what follows may tell
    field_name = _field_of_harm(lowered) \
        if _harm_in(lowered) or _BLOWN_UP.search(lowered) or \
        _SET_OFF_A_MINE.search(lowered) else None
    if field_name is None or field_name in harmed:
        return
    named = list(_NAME_HARMED.finditer(text))
    each = Counter(_field_of_harm(lower(said.group())) for said in named)
    for together in _NAMES_HARMED.finditer(text):
        each[_field_of_harm(lower(together.group()))] += len(_NAMES_APART.split(together[1]))
    for role in _ROLE_HARMED.finditer(lowered):  # (not one named in it: "the driver, X,")
        if not any(role.start() <= said.start() < role.end() for said in named):
            each[_field_of_harm(role.group())] += 1
    if len(each) > 1:
        # "Nizami Abbasov died on the spot, and Fikrat Abbasov was injured", "Drivers Elvin
        # Mammadli and Tural Hasanov were killed, and worker Nijat Aliyev was injured",
        # "the driver was killed and the passenger was injured": each his own
        harmed.update({name: (count, None) for name, count in each.items()
                       if name not in harmed})
        return
    # (those named together may be more than those named with a title: "AzTV cameraman
    # Siraj Abishov and Maharram Ibrahimov, a reporter, were killed")
    together = _people_named_together(text)
    names = _named_persons(lowered) or _AGE_AFTER_NAME.findall(text) or \
        max(_titled_people(text), together, _named_after_harm(text), key=len) or \
        _NAME_HARMED.findall(text) or _PRONOUN_HARMED.findall(text) or \
        _ROLE_HARMED.findall(lowered) or _NAME_SET_OFF.findall(text)
    if len(together) > len(names):  # "Rustamov and passenger Sabuhi Nasirov died": two
        names = together
    count = len(names) or (2 if _BOTH_HARMED.match(text) or _BOTH_ARE_HARMED.search(lowered)
                           else 0)
    if count and " with " in text and (along := _HARMED_ALONG_WITH.search(text)):
        count += len(_NAMES_APART.split(along[1]))  # "were killed along with Arif Aliyev"
    if count:
        harmed[field_name] = (count, None)


# A name of two or three words. It begins with the capital, the look-behind after it: the
# engine skips to capitals.
_PERSONS_NAME = (r"[A-Z](?<![\w'’-].)[a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
                 # the father's name after it, as Azerbaijani reports write it: "Ibrahimov
                 # Rasim Vagif oglu"
                 r"(?: (?:oglu|oğlu|ogly|qizi|qızı|gizi|kizi))?")
# one more named with those counted, set off after them: ", together with Susuzlug village
# administrative representative Arif Aliyev,", ", as well as driver Elvin Hasanov,"
_WITH_ONE_NAMED = re.compile(rf",\s+(?:together with|along with|as well as)\s+(?:the\s+)?"
                             rf"(?:[\w-]+\s+){{0,5}}?{_PERSONS_NAME},")
# the names of people counted, set off after them: ", Siraj Abishov and Maharram Ibrahimov,"
_NAMES_SET_OFF = re.compile(rf",\s+(?:{_PERSONS_NAME}(?:,\s+|,?\s+and\s+))*{_PERSONS_NAME},")
# The verb and the harm of a person (or of people) harmed: "was killed", "got blown up"
_HE_WAS = r"(?:was|has been|had been|got)"
_THEY_WERE = r"(?:were|have been|had been|got)"
_HARMED = r"(?:killed|injured|wounded|hurt|martyred|blown up)"
# A name as the subject of a harm: "Ramin Mammadov was martyred", "Elshan Huseynov, a
# resident of Tartar, received various bodily injuries".
# A word between "was" and the harm ("was seriously injured"), but no "not"
_NOT_NEGATED = r"(?:(?!not\b|never\b)\w+\s+)?"
# ... and the year of birth Azerbaijani reports give after it: "Gasimov Farid (1988)"
_PERSONS_NAME_AND_YEAR = rf"{_PERSONS_NAME}(?: \((?:born |b\. )?\d{{4}}\))?"
_NAME_HARMED = re.compile(
    # ("Elvin Aliyev, who was injured by a mine in March, remains in hospital")
    rf"{_PERSONS_NAME_AND_YEAR}(?:,[^,.;]{{1,60}},|,(?:\s+who)?)?\s+"
    rf"(?:{_HE_WAS}\s+(?:(?:seriously|severely|badly|slightly|fatally|critically|also)\s+)?"
    rf"(?:{_HARMED}|hospitali[sz]ed)\b|"
    r"(?:received|sustained|suffered)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,4}injur(?:y|ies)\b|died\b|"
    r"lost (?:his|her) life\b|"
    # "Ramil Aliyev lost his leg in a landmine blast"
    rf"lost {_LIMB}|"
    # "Ilgar Ismayilov stepped on a mine near Khidirli and died"
    rf"(?:stepped on|hit|triggered)\s[^.;]{{0,80}}?\band\s+(?:{_HE_WAS}\s+{_NOT_NEGATED}"
    rf"{_HARMED}|died)\b)")
# A surname alone, by the endings of the region's: "Huseynov died on the spot"
_SURNAME = r"[A-Z][a-z]+(?:ov|ova|ev|eva|yan|ian|li|lu|zade|zada|dze|shvili)"
# Names joined as the subject of a harm: "Orkhan Aliyev and Farid Aliyev, residents of
# Gubadli, were injured"; each a name, after a role or alone a surname ("Rustamov and
# passenger Sabuhi Nasirov died at the scene")
# ... after a role and whom for ("Azertac correspondent Maharram Ibrahimov")
_JOINED_NAME = (r"(?:(?:(?:[A-Z][\w-]* )?[a-z]+ (?:[a-z]+ ){0,3})?"
                rf"{_PERSONS_NAME_AND_YEAR}|{_SURNAME}\b)")
# (the first of them without its role, which counts no one more: the search begins at a
# name, not at every word)
_NAMES_HARMED = prefiltered(re.compile(
    rf"((?:{_PERSONS_NAME_AND_YEAR}|{_SURNAME}\b)(?:, {_JOINED_NAME})*,? and {_JOINED_NAME})"
    rf"(?:,[^,.;]{{1,80}},|,)?\s+(?:{_THEY_WERE}\s+{_NOT_NEGATED}(?:{_HARMED}|hospitali[sz]ed)|"
    r"(?:received|sustained|suffered)\s+(?:[a-z-]+\s+){0,4}injuries|died|lost their lives)\b"))
_NAMES_APART = re.compile(r",? and |, ")
# ... and those named after the harm of others: "were killed along with Arif Aliyev"
_HARMED_ALONG_WITH = re.compile(rf"\b{_HARMED} (?:along|together) with ((?:{_PERSONS_NAME}, )*"
                                rf"{_PERSONS_NAME}(?:,? and {_PERSONS_NAME})?)")


def _people_named_together(text: str) -> list[str]:
    """Each name of names joined as the subject of a harm.

    >>> _people_named_together("Orkhan Aliyev and Farid Aliyev, residents of Gubadli, "
    ...                        "were injured")
    ['Orkhan Aliyev', 'Farid Aliyev']
    """
    return [name for names in _NAMES_HARMED.findall(text) for name in _NAMES_APART.split(names)]


# "He was killed instantly", "He lost his left leg", "He was hospitalized with injuries",
# "As a result, his left foot was amputated", "The driver of the tractor was injured":
# one person, told of in the sentence before or known by a role; after an opening phrase
# ("As a result of the explosion, he lost his right foot", "On Monday, she died")
_PRONOUN_HARMED = re.compile(
    rf"^(?:[A-Z][\w '’-]{{0,60}}?,\s+)?"
    rf"(?:(?:He|he|She|she|{_SURNAME})\s+(?:{_HE_WAS}\s+{_NOT_NEGATED}{_HARMED}|died|"
    rf"lost {_LIMB}|had (?:his|her) {_LIMB_NOUN} amputated|{_IN_A_CONDITION}|"
    rf"(?:(?:{_HE_WAS}\s+(?:hospitali[sz]ed|taken to (?:a |the )?hospital)\s+with|"
    r"received|sustained|suffered)\s+(?:[\w-]+\s+){0,3}?(?:injur(?:y|ies)|wounds)))"
    rf"|(?:His|his|Her|her) {_LIMB_NOUN}\s+(?:was|were|had to be|has been|"
    r"had been)\s+(?:amputated|torn off|blown off|ripped off))\b")
_ROLE_HARMED = _for_lower_case(
    rf"\bthe (?:[\w-]++ ){{0,2}}?(?:{_PERSON_NOUNS})(?: of the [\w-]++)?(?:,[^.;]{{1,60}}?,)?\s+"
    rf"(?:{_HE_WAS}\s+{_NOT_NEGATED}(?:{_HARMED}|hospitali[sz]ed|{_TAKEN_TO_HOSPITAL})|died|"
    # "The driver received injuries of varying degrees of severity", "received an injury"
    r"(?:received|sustained|suffered)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,4}(?:injur(?:y|ies)|wounds?))\b")
# "Both were hospitalized with injuries": the two the sentence before told of
_BOTH_HARMED = re.compile(rf"(?:Both|Both of them|The two)\s+{_THEY_WERE}\s+{_NOT_NEGATED}"
                          rf"(?:{_HARMED}|hospitali[sz]ed)\b")
# Those of the injured who died: "one of whom died of his wounds", "six of them fatally"
_DIED_OF_THEM = re.compile(r"\b(?:[\w-]+ of (?:them|whom)|of whom [\w-]+)\b[^.;]{0,30}?"
                           r"\b(?:died|fatally|fatal|succumbed)\b")
# "Vugar Gasimov and his son Kamran were both injured"
_BOTH_ARE_HARMED = re.compile(rf"\b(?:{_THEY_WERE}\s+)?both\s+(?:[a-z]+ly\s+)?{_HARMED}\b")
_BLOWN_UP = re.compile(r"\b(?:was|were|been|got) blown up\b")
# "Rahimov Vusal Hikmet oglu, born in 1987, detonated an anti-personnel mine": a person
# named who set off a mine was harmed, as "blown up" tells (a mine, not mines destroyed)
_SETS_OFF_A_MINE = (r"(?:detonated|stepped on|trod on|triggered) an? (?:[\w-]+ ){0,2}?"
                    r"(?:land ?)?mine")
_SET_OFF_A_MINE = re.compile(rf"\b{_SETS_OFF_A_MINE}\b")
# ... by a plain name: "Elvin Mammadov stepped on a mine", "a resident of Tartar, Elvin
# Mammadov, stepped on a mine"
_NAME_SET_OFF = re.compile(rf"{_PERSONS_NAME_AND_YEAR},?\s+{_SETS_OFF_A_MINE}\b")
# (after where they are from: "a resident of aghdam district stepped on a mine", told down
# to the village: "of khanabad village of khojaly district")
_BLOWN_UP_AFTER = re.compile(rf"(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)"
                             r"{0,2}"
                             rf"\s+(?:(?:was|has been|{_THEY_WERE}) blown up|{_SETS_OFF_A_MINE})\b")


# A harm, then a person named after a noun: "killing Azerbaijani soldier Rustam Aliyev"
_TITLED_HARMED = _for_lower_case(
    rf"\b(?:killing|injuring|wounding) (?:[\w-]+ )?(?:{_PERSON_NOUNS}) [a-z]+ [a-z]+")


# Names right after the harm: "killing Elnur Huseynov", "injuring Elnur Huseynov and Rashad
# Aliyev"
_NAMES_AFTER_HARM = re.compile(rf"\b(?:killing|injuring|wounding) ((?:{_JOINED_NAME}, )*"
                               rf"{_JOINED_NAME}(?:,? and {_JOINED_NAME})?)")


def _named_after_harm(text: str) -> list[str]:
    """The people named right after the word of their harm.

    >>> _named_after_harm("A mine exploded, injuring Elnur Huseynov and Rashad Aliyev.")
    ['Elnur Huseynov', 'Rashad Aliyev']
    """
    return [name for names in _NAMES_AFTER_HARM.findall(text)
            for name in _NAMES_APART.split(names)]


def _titled_people(text: str) -> list[str]:
    """"journalist Siraj Abishov", "Private Ali Aliyev": the names after a title.

    >>> _titled_people("Journalist Maharram Ibrahimov and cameraman Siraj Abishov died")
    ['Maharram Ibrahimov', 'Siraj Abishov']
    """
    names = []
    for words in _CAPITALISED_WORDS.finditer(text):
        first, _, rest = words.group().partition(" ")
        if first.lower() in _TITLES and " " in rest:  # "Journalist Siraj Abishov"
            names.append(rest)
            continue
        before = _WORD_BEFORE_NAME.search(text, max(0, words.start() - 20), words.start())
        if before and before.group(1).lower() in _TITLES:  # "cameraman Siraj Abishov"
            names.append(words.group())
    return names


# --- places and speakers -----------------------------------------------------------------

def _places_in(text: str, start: int, end: int, mentions: InTextOrder[Mention],
               areas: InTextOrder[Area], rules: EventRules, meeting: bool = False,
               handover: bool = False) -> list[Place]:
    """Places named between ``start`` and ``end``: the most specific level only,
    leaving out countries and capitals named as actors, names used as modifiers ("the
    second Karabakh war"), unless the event is a ``meeting`` where people met, and for a
    ``handover`` who mediated it ("via Tbilisi")."""
    found = [(m.start, m.place) for m in mentions.within(start, end)
             if m.resolved and m.place
             and m.reason not in ("metonymic", "dateline")
             and not _abroad_by_another_name(m)
             and not _modifies(text, m, rules)
             and not _where_said(text, m.start, m.end, rules)
             and (meeting or not _where_met(text, m.start))
             and (meeting or not _BODY_IN.search(text, max(0, m.start - 40), m.start))
             and not _where_elsewhere(text, m.start, rules)
             and not _holds_the_area_before(text, m.start)
             and not _holds_the_area_after(text, m.end)
             and not (handover and _MEDIATOR_BEFORE.search(text, max(0, m.start - 90),
                                                            m.start))]
    found += [(a.start, a.place) for a in areas.within(start, end)]
    if not found:
        return []
    if holds_one_of(text[start:end], _ROAD_HINTS):
        found = _without_road_ends(found, {m.start for m in mentions.within(start, end)
                                           if ends_a_road(text, m.start, m.end)})
    found = _without_homes_elsewhere(text, found)
    # this map's events lie in the region: a place abroad named beside one of its own is
    # a name misread ("his son Kamran" is no Cam Ranh) or where something else happened
    home = place_rules().home_countries
    if any(p.country in home for _, p in found):
        found = [(s, p) for s, p in found if p.country in home]
    found.sort(key=lambda sp: sp[0])
    best = min(_KIND_RANK.get(p.kind, 4) for _, p in found)
    finest = [p for _, p in found if _KIND_RANK.get(p.kind, 4) == best]
    # (and a district beside towns known to lie in other districts: "in Khankendi and
    # Khojaly", "in Tartar and Aghdam districts, as well as in the city of Shusha")
    beside = best == _KIND_RANK["town"] and all(f.district for f in finest)
    # (and for maps, which may cover both sides of a border, an area of another country
    # than theirs, which holds none of them: "in the Tavush and Gazakh border areas")
    countries = {f.country for f in finest} if handover else {p.country for _, p in found}
    unique: dict[str, Place] = {}
    for _, p in found:
        if _KIND_RANK.get(p.kind, 4) == best or (
                beside and p.kind == "district" and not any(_lies_in(f, p) for f in finest)) \
                or (p.kind in ("district", "region") and p.country not in countries):
            unique.setdefault(p.id, p)
    return list(unique.values())


# Figures of the whole world ("4,710 casualties worldwide in 2022"): none of this map's
# (not "one of the highest tolls in the world", a comparison)
_WORLDWIDE = re.compile(r"\b(?:worldwide|globally|around the world|across the world)\b", _FLAGS)


def _abroad_by_another_name(mention: Mention) -> bool:
    """Whether a mention is a town abroad that the text names by one of its other names
    only ("near Zar" is no Zaria, Nigeria, which GeoNames also calls so): too weak to place
    an event of this map, or to take it abroad."""
    place = mention.place
    return place is not None and place.country not in place_rules().home_countries and \
        place.kind != "country" and normalise_name(mention.text) != normalise_name(place.name)


def _abroad(places: list[Place], mentions: list[Mention]) -> bool:
    """Whether an event's ``places`` and the places its clause names (``mentions``) all
    lie outside the countries this tool maps (the place rules' ``home_countries``): a
    comparison with another country's mines ("Ukraine recorded 608 casualties", "In
    Bosnia, more than 600 have died there since 1996")."""
    home = place_rules().home_countries
    if any(p.country in home for p in places):
        return False  # (the quick answer, for most events)
    named = [*places, *(m.place for m in mentions if m.resolved and m.place
                        and not _abroad_by_another_name(m))]
    return bool(named) and all(p.country not in home for p in named)


def _modifies(text: str, mention: Mention, rules: EventRules) -> bool:
    """Whether the name is a modifier ("the Karabakh settlement", "the Karabakh war"), not
    a place; a word that names a village's or town's kind after one ("the Istisu
    settlement") says it is a place."""
    if text.endswith(_WAR_OVER, max(0, mention.start - 14), mention.start):
        return True  # "since the end of last year's war over Nagorno-Karabakh"
    noun = rules.modifier_nouns.match(text, mention.end)
    return noun is not None and not (
        mention.kind in ("village", "town", "city") and
        place_rules().cues_after.get(noun.group().strip()) in ("village", "town"))


# What names a war by what it was fought over
_WAR_OVER = ("war over ", "conflict over ", "war over the ", "conflict over the ")


# What a clause naming a road by its ends holds ("the Horadiz-Aghband road")
_ROAD_HINTS = (" road", " highway", " motorway")


def _without_road_ends(found: list[tuple[int, Place]],
                       road_ends: set[int]) -> list[tuple[int, Place]]:
    """``found`` (places by where they begin) without the ends of roads (where
    ``road_ends`` begin), when the clause names another place: "on the Horadiz-Aghband
    road in Zangilan district" is in Zangilan, not in the town of Horadiz."""
    off_road = [(s, p) for s, p in found if s not in road_ends]
    return off_road if road_ends and off_road else found


_HOME_BEFORE = re.compile(r"\b(?:(?:residents?|natives?|inhabitants?) of|who (?:lives|lived) in|"
                          # "a farmer from Tartar"
                          rf"(?:(?:{_PERSON_NOUNS})s?|men|women|people|famil(?:y|ies)|children)"
                          r" from) "
                          r"(?:the )?(?:(?:village|town|settlement|city) of )?"
                          r"(?:[A-Z][\w'’-]*(?: (?:district|region|province))?['’]s )?$", _FLAGS)


def _without_homes_elsewhere(text: str, found: list[tuple[int, Place]]
                             ) -> list[tuple[int, Place]]:
    """``found`` (places by where they begin) without the places where the people lived
    when the clause names another place: "a resident of Tartar district ... in Aghdara
    district" is in Aghdara, "a resident of Khanlig village ... near Muradkhanli village"
    in Muradkhanli; "a resident of the Sus village of Lachin district ... near the
    village" stays in Sus."""
    at_home = [_is_home(text, s) for s, _ in found]
    if not any(at_home):
        return found
    homes = [p for (_, p), home in zip(found, at_home, strict=True) if home]
    away = [(s, p) for (s, p), home in zip(found, at_home, strict=True) if not home]
    # a place elsewhere: not the district of a home ("the Sus village of Lachin district"),
    # nor a country or region
    if all(p.kind in _COARSE or any(_lies_in(home, p) for home in homes) for _, p in away):
        return found
    return away


# ... or a place and the word for those who live there: "Khidirli village resident
# Mubariz Quliyev"
_HOME_AFTER = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?(?: (?:village|district|city|town|"
                         r"settlement|region))? (?:residents?|natives?|inhabitants?)\b")


def _is_home(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where someone lives ("a resident of Tartar", "a
    resident of Aghdam district's Shelli village", "a native of the village of Alkhanli",
    "who lives in Alkhanli", "a farmer from Tartar", "Khidirli village resident")."""
    return (text.endswith((" of ", " of the ", "'s ", "’s ", " in ", " from "), 0, start) and
            _HOME_BEFORE.search(text, max(0, start - 56), start) is not None) or \
        _HOME_AFTER.match(text, start) is not None


@cache
def _area_words() -> tuple[str, ...]:
    """Words that name an area: the place rules' cues for districts and regions
    ("district", "province" ...)."""
    return tuple(sorted(word for word, kind in place_rules().cues_after.items()
                        if kind in ("district", "region")))


@cache
def _area_in() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A name, a word that names an area and "in" or "of", ending a text; and what its
    matches end with, the quick test before it."""
    areas = _area_words()
    pattern = re.compile(rf"[A-Z][\w'’-]* (?:{'|'.join(map(re.escape, areas))}) (?:in|of) $")
    return pattern, tuple(f" {area} {word} " for area in areas for word in ("in", "of"))


@cache
def _area_named() -> re.Pattern[str]:
    """A name of one to three words and a word that names an area: "Sharur district"."""
    return re.compile(rf"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,2}} "
                      rf"(?:{'|'.join(map(re.escape, _area_words()))})\b")


def _holds_the_area_after(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` holds the area its possessive names
    ("Nakhchivan's Sharur district"): the area is the place."""
    return text.startswith(("'s ", "’s "), end) and \
        _area_named().match(text, end + 3) is not None


def _holds_the_area_before(text: str, start: int) -> bool:
    """Whether the place at ``start`` holds the area named right before it ("Sadarak
    district in Nakhchivan", "Gegharkunik province of Armenia"): the area is the place."""
    if not text.endswith((" in ", " of "), 0, start):
        return False
    pattern, endings = _area_in()
    return text.endswith(endings, max(0, start - 25), start) and \
        pattern.search(text, max(0, start - 60), start) is not None


_SAID_IN = re.compile(r"\b(?:said|says|told \w+|announced|stated|declared|noted|wrote|spoke|"
                      # (and who, after the verb: "said Vugar Suleymanov at a conference";
                      # to whom: "Speaking to journalists in Almaty")
                      r"[Ss]peaking)(?: to (?:journalists|reporters|the (?:press|media)))?"
                      r"(?: [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})?"
                      r"(?: at (?:an?|the) (?:[\w-]+ ){0,3}?(?:conference|meeting|"
                      r"briefing|forum|event|ceremony|session|summit|round ?table))? in $|"
                      # "... told a press conference in Yerevan"
                      r"\btold (?:an?|the) (?:[\w-]+ ){0,2}?(?:conference|briefing|meeting|"
                      r"forum|session) in $")


# who mediated a handover, before its name: "via Tbilisi", "with the mediation of Georgia,
# the United States and"
_MEDIATOR_BEFORE = re.compile(r"\b(?:via|through|mediation (?:efforts )?of|mediated by|brokered by|"
                              r"intermediary mission of|with the (?:help|assistance|"
                              r"participation|support) of)\s+(?:the\s+)?(?:(?:[Gg]overnment|"
                              r"President|Prime Minister|[Ll]eaders?) of\s+(?:the\s+)?)?"
                              r"(?:[A-Z][\w’'.-]*,?\s+(?:and\s+)?(?:the\s+)?){0,6}$")
_MET_IN = prefiltered(re.compile(r"\b(?:met|meeting|talks|negotiations)(?: [\w-]+){0,2}? in $"))


def _where_met(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where people met ("a day after the foreign
    ministers met in Geneva"), not where the mines or the maps were (but the place of a
    meeting itself)."""
    # (the words before the place in lower case: the quick look for the pattern's words
    # sees them only there, not in the whole text)
    return text.endswith(" in ", 0, start) and \
        _MET_IN.search(text[max(0, start - 40):start].lower()) is not None


def _where_elsewhere(text: str, start: int, rules: EventRules) -> bool:
    """Whether the place at ``start`` is where the harmed were treated, taken or buried
    ("has received a prosthesis in Minsk"), the mines made ("produced in Armenia"), who
    is blamed ("landmines laid by Armenia") or a neighbour ("that borders Azerbaijan's
    Gazakh district"), not where the event was."""
    return (text.endswith((" in ", " to "), 0, start) and
            rules.elsewhere_in.search(text[max(0, start - 60):start].lower()) is not None) or \
        text.endswith(rules.blamed_before, 0, start) or \
        rules.bordering_before.search(text, max(0, start - 50), start) is not None


# Where a body sits, as in a speaker's description ("communications coordinator of the
# ICRC delegation in Baku, told APA"): no place of the event, but of a meeting with it
_BODY_IN = re.compile(r"\b(?:delegation|office|mission|embassy|bureau|representation|branch|"
                      r"headquarters|headquartered|based)\s+in\s+$")


def _where_said(text: str, start: int, end: int, rules: EventRules) -> bool:
    """Whether the place at ``start``-``end`` is where a speaker spoke ("the ICRC said in
    Geneva", "the Defence Ministry in Baku reported"), not where the event was."""
    return text.endswith(" in ", 0, start) and (
        _SAID_IN.search(text, max(0, start - 80), start) is not None or
        (text.startswith(" ", end) and rules.reporting_verb.match(text, end + 1) is not None))


# Where an event is told as "near the village", "east of the town": the one named before
_THE_VILLAGE = re.compile(r"\b(?:in|near|around|outside|of) the (village|town)\b(?! of\b)")


def _village_named_before(start: int, mentions: InTextOrder[Mention], kind: str) -> list[Place]:
    """The village (or town) the text named last before ``start``, its dateline's too
    ("TEGH, Armenia — ... a neighbour stepped on a mine near the village"), if any."""
    kinds = ("village",) if kind == "village" else ("town", "city")
    home = place_rules().home_countries
    named = [m.place for m in mentions.within(0, start)
             if m.resolved and m.place and m.place.kind in kinds and m.place.country in home]
    return named[-1:]


def _actor_countries(text: str, start: int, end: int, mentions: InTextOrder[Mention],
                     rules: EventRules,
                     countries: Callable[[str], Place | None] | None = None) -> list[Place]:
    """The countries a clause names as actors ("Azerbaijan has cleared ..."), not where
    the report was filed ("YEREVAN, Armenia -"), nor one things came from ("the
    territories it regained from Armenia"), a foe ("since the war with Armenia") nor one
    blamed ("blames Armenia for ...", "the maps provided by Armenia", "as Armenia has
    refused to hand over maps"); else those it names by a capital or its people (see
    :func:`_countries_by_capital_or_people`)."""
    acting = [m for m in mentions.within(start, end)
              if m.resolved and m.place and m.reason != "dateline" and
              not text.endswith(("from ", "with ", "against "), 0, m.start) and
              not text.endswith(rules.blamed_before, 0, m.start) and
              not text.startswith(rules.blamed_after, m.end)]
    found = {m.place.id: m.place for m in acting if m.place and m.place.kind == "country"}
    return list(found.values()) or \
        _countries_by_capital_or_people(text, start, end, acting, mentions, countries)


def _countries_by_capital_or_people(text: str, start: int, end: int, acting: list[Mention],
                                    mentions: InTextOrder[Mention],
                                    countries: Callable[[str], Place | None] | None
                                    ) -> list[Place]:
    """The countries a clause names by a capital of the ``acting`` mentions ("Baku
    says") or by its people ("330 Azerbaijanis", "45 Azerbaijani citizens"): those the
    document names, or else those ``countries`` gives."""
    demonyms = place_rules().demonym_countries
    codes = {m.place.country for m in acting
             if m.reason == "metonymic" and m.place and m.place.kind == "city"}
    codes |= {demonyms[word.group()] for word in _CAPITALISED_WORD.finditer(text, start, end)
              if word.group() in demonyms and (word.group().endswith("s") or
                                               _PEOPLE_AFTER.match(text, word.end()))}
    if not codes:
        return []
    named = {m.place.country: m.place for m in mentions.within(0, len(text))
             if m.resolved and m.place and m.place.kind == "country"}
    found = [named.get(code) or (countries(code) if countries else None)
             for code in sorted(codes)]
    return [place for place in found if place is not None]


_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")
# A country's people told by its adjective, or those who speak for it: "45 Azerbaijani
# citizens", "Azerbaijani officials say"
# (not "thanked the Japanese side", a donor)
_PEOPLE_AFTER = re.compile(r" (?:citizens|civilians|nationals|people|officials|authorities)\b")


_Found = TypeVar("_Found", Mention, Area)


class InTextOrder(Generic[_Found]):
    """A document's mentions (or areas) by where they begin, those of a clause found by
    bisection: a long report names thousands of places, a clause a few.

    >>> found = InTextOrder([Area(30, 35, None), Area(2, 9, None)])
    >>> [a.start for a in found.within(0, 30)]
    [2]
    """

    __slots__ = ("_found", "_starts")

    def __init__(self, found: Iterable[_Found]) -> None:
        self._found = sorted(found, key=lambda f: f.start)
        self._starts = [f.start for f in self._found]

    def within(self, start: int, end: int) -> list[_Found]:
        """Those that begin at ``start`` or after, and before ``end``."""
        first = bisect_left(self._starts, start)
        return self._found[first:bisect_left(self._starts, end, first)]


# A descriptive area ("the liberated territories") is where mines lie and are cleared,
# not where ministers meet or talk about them: context events are placed without them.
_NO_AREAS: InTextOrder[Area] = InTextOrder(())


# How far before its verb a speaker can begin: six words, a head and ", a clause,".
_SPEAKER_REACH = 300
_PERSONAL = r"it|she|he|they|him|her|them"
_PRONOUN = re.compile(rf"^(?:{_PERSONAL}|the agency|the ministry|the service|"
                      r"the report|the department|the embassy|the chairman|the chairwoman|"
                      r"the minister|the ombudsman|the mp|the deputy|the governor|"
                      r"the mayor|the official)$", _FLAGS)
_PERSONAL_PRONOUN = re.compile(_PERSONAL, _FLAGS)
_BY_PRONOUN = re.compile(rf"(?:{_PERSONAL})\b", _FLAGS)  # a text that begins with one


# A person named alone: "Samir Poladov", "Poladov"
_NAME_ALONE = re.compile(r"(?:[A-Z][a-z’'-]+\s?){1,3}")


def _person_titled_in(text: str, rules: EventRules) -> str | None:
    """The last person ``text`` names after a title ("Deputy Foreign Minister Elnur
    Mammadov"), if any."""
    names = rules.titled_person.findall(text)
    return names[-1] if names else None


def _may_stand_for(pronoun: str | None, speaker: str, writings: Collection[str]) -> bool:
    """Whether ``pronoun`` ("he", "the agency") may stand for an earlier ``speaker``: "the
    agency" not for a person named alone ("Samir Poladov"), nor for a writing named by
    its kind alone (one of ``writings``: "the statement", "the report")."""
    if pronoun is None or not pronoun.lower().startswith("the "):
        return True
    words = speaker.lower().split()
    return not _NAME_ALONE.fullmatch(speaker) and \
        not (len(words) == 2 and words[0] == "the" and words[1] in writings)


_ACCORDING_TO = re.compile(r"[Aa]ccording to (the )?(.+?)(?:[,;:\n]|\.(?!\w)|$)")
# Words that begin what a source says, where no comma sets it off: "According to ANAMA 361
# people have been killed", "According to the ministry two soldiers were injured"
_SAYING_STARTS = frozenset(["the", "a", "an", "two", "three", "four", "five", "six", "seven",
                            "eight", "nine", "ten", "some", "more", "over", "about", "nearly",
                            "at", "least", "was", "were", "is", "are", "has", "have", "had"])


# (but "the" after these is of the name: "data collected by the ICRC")
_NAME_JOINERS = frozenset(["of", "for", "on", "and", "by", "from", "with", "in", "at", "to"])


def _source_alone(source: str) -> str:
    """The source an "according to" names, without what it says where no comma sets that
    off: "ANAMA" of "ANAMA 361 people have been killed ...", "Azerbaijan's National Agency
    for Mine Action (ANAMA)" of "... (ANAMA) the mines killed ..."."""
    words = source.split()
    if len(words) <= _NAME_WORDS:
        return source
    kept: list[str] = []
    for word in words:
        if word[0].isdigit() or (kept and word.lower() in _SAYING_STARTS and
                                 kept[-1].lower() not in _NAME_JOINERS):
            break
        kept.append(word)
    return " ".join(kept) or source


# "Trend reports citing the Ministry of Defense": the claim is the ministry's
_CITING = re.compile(r",?\s+(?:citing|quoting|with reference to(?=\s+(?:the\s+)?(?:[A-Z]|press "
                     r"service|agency|ministry)))\s+"
                     # "citing the joint information of the Prosecutor General's Office,
                     # the Ministry of Internal Affairs and ANAMA": the bodies, all of them
                     r"(?:(?:the\s+|an?\s+)?(?:(?:joint|official)\s+)?(?:information|data|"
                     r"statement|press release)\s+(?:of|by|from)\s+)?"
                     r"(?:the\s+(?=[A-Z]))?"
                     r"((?:the\s+)?[^,.;:()]{3,120}?"
                     r"(?:(?:,\s+(?:the\s+)?[A-Z][^,.;:()]{1,80}?)*,?\s+and\s+(?:the\s+)?"
                     r"[A-Z][^,.;:()]{1,80}?)?)"
                     r"(?=\s*(?:[,.;:(]|$)|\s+(?:as|that|which|who|on|in an?|in its)\s)")
_MONTH_NAME = ("(?:January|February|March|April|May|June|July|August|September|October|"
               "November|December)")
_STATEMENT_OF = re.compile(r"(?:statement|announcement|report|commentary) (?:of|by) (?:the )?"
                           # (not "the trilateral statement of November 10, 2020")
                           rf"(?!{_MONTH_NAME}\b)"
                           r"((?:[A-Z][\w’'.-]*\s?){1,6}"
                           # (a full stop ending the sentence is no part of the name)
                           r"(?:and (?:the )?(?:[A-Z](?:[\w’'.-]*[\w’'-])?\s?){1,6})?)")
# Whose figures a sentence gives: "ANAMA's figures show", "Data of the Armenian Center for
# Humanitarian Demining and Expertise show"
_FIGURES_OF = re.compile(
    r"((?:[A-Z][\w’'.-]*\s?){1,6})['’]s (?:figures|data|statistics|records) (?:show|indicate)|"
    r"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics) (?:of|from) (?:the )?((?:[A-Z][\w’'.-]*\s?|(?:for|of|"
    r"and) ){1,10}?)\s*(?:\([A-Z]+\)\s*)?(?:show|indicate)")
# "the Foreign Ministry" is named "Foreign Ministry", but "the Armenian side" and "the
# agency" keep their article: "according to the Armenian side"
_LEADING_WORD_OF_SPEAKER = re.compile(
    r"^(?:[Aa]nd|[Tt]hat|[Aa]s|[Ww]hile|[Ww]hereas|[Bb]ut)\s+|^[Tt]he\s+(?=[A-Z].*[A-Z]\S*$)|"
    # a time before the speaker, no comma between: "in February 2023 the agency reported",
    # "Last year the ministry reported", "She said that in 2022 the ICRC registered"
    # "On Friday the Defence Ministry said", "In a statement on Monday the Foreign Ministry
    # said", "Earlier today the agency reported"
    r"^(?:.*\bthat\s+)?(?:(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring|[Ss]ince)\s+(?:[A-Z][a-z]+\s+)?\d[\d,]*|"
    r"(?:[Ll]ast|[Tt]his)\s+(?:year|month|week)|"
    r"(?:(?:[Ii]n\s+)?an?\s+(?:statement|interview|briefing|press release)\s+)?"
    r"(?:(?:[Oo]n|[Ll]ast|[Ee]arly|[Ll]ate)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:[Ee]arlier\s+)?(?:[Tt]oday|[Yy]esterday))\s+(?=\S)")
_LEADING_THE = re.compile(r"^The\s+")
_GLUED_DATELINE = re.compile(r"^\S+?--\s*")  # "TBILISI, DFWatch--A British organization"
_ACRONYM_WITHIN = re.compile(r"\s\([A-Z]{2,8}\)(?=\s)")  # "Ministry ... (MIA) of Georgia"


# What "according to" names before its source, if it names one: "according to the
# information" (a stock phrase of agency reports), "according to data from ANAMA"
_INFORMATION_FROM = re.compile(r"^(?:the |a )?(?:preliminary |initial |available |latest |"
                               r"joint |official )?(?:information|data|"
                               # (but "according to official figures": whose, untold)
                               r"(?:figures|statistics)(?= (?:[a-z]+ )?(?:from|of|by) )|"
                               # (the statement of a body, not "the statement of November 10")
                               r"(?:statement|press release)(?= (?:of|by) (?:the )?"
                               rf"(?!{_MONTH_NAME}\b)[A-Z]))"
                               r"(?: (?:(?:received|obtained|released|compiled|published|"
                               r"provided) )?(?:from|of|by) (?:the )?|$)")


# A body's data, after its name: "ANAMA's data", "the agency's cumulative figures"
_ITS_DATA = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:data|figures|statistics|information|records)$")


def named_speaker(text: str, rules: EventRules,
                  places: frozenset[str] = frozenset()) -> tuple[str | None, bool]:
    """Who the sentence says states it ("according to ANAMA", "the Foreign Ministry
    said"), and whether it names them by a pronoun ("it said", "they reported"), which
    stands for the speaker of the sentence before; never one of ``places`` ("a man from
    Aghdam, told ...")."""
    lowered = text.lower()
    if not holds_one_of(lowered, rules.attribution_hints):
        return None, False  # no reporting verb, no "according to": nobody is cited here
    according = _ACCORDING_TO.search(text)
    # "according to information from the Prosecutor General's Office": the office
    source = _INFORMATION_FROM.sub("", according.group(2)) if according else ""
    if source and not source.lower().startswith(("preliminary", "initial")):
        # ("according to ANAMA's data", "the agency's cumulative data": the body)
        who = _ITS_DATA.sub("", _source_alone(source.strip(" ,\"”")))
        # "According to him, 16 of them died", "according to the ministry"
        return who, bool(_PRONOUN.match((according.group(1) or "") + who))
    of_statement = _STATEMENT_OF.search(text)
    if of_statement:
        return of_statement.group(1).strip(), False
    figures = _FIGURES_OF.search(text) if "show" in text or "indicate" in text else None
    if figures:  # "ANAMA's figures show", "Data of the Armenian Center ... show"
        return (figures.group(1) or figures.group(2)).strip(), False
    citing = _cited(text, rules)
    if citing:
        return citing, bool(_PRONOUN.match(citing))
    said = _speaker_before_verb(text, rules, places)
    if said:
        who = _speaker_matched(text, said, rules)
        if who.rsplit(maxsplit=1)[-1].lower() in rules.writings and \
                (author := _WRITTEN_BY.search(text, said.start(), said.end())):
            return author.group(1).strip(), False  # "The report, published by the ICBL, ..."
        return who, bool(_PRONOUN.match(who))
    after = _SAID_THEN_SPEAKER.search(text) if "said " in text else None
    if after:  # '"...," said Vugar Suleymanov, chairman of ANAMA'
        who = after.group(1).strip().rstrip(".")
        return _person_after_a_title(who, rules) or who, bool(_PRONOUN.match(who))
    return None, rules.pronoun_said.search(text) is not None


# A quote, then "said" and who: '"...," said the ministry', "..., said Vugar Suleymanov",
# "..., said UNDP Resident Representative in Azerbaijan Alessandro Fracassetti"
_SAID_THEN_SPEAKER = re.compile(
    r"[,”\"]\s*said\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s(?:(?:of|in|for|on|and|the)\s)*"
    r"[A-Z][\w’'.-]*){0,11}|the\s+(?:[a-z]+\s){0,2}"
    r"(?:ministry|agency|ombudsman|chairman|chairwoman|minister|official|spokes\w+|office|"
    r"service|department|governor|mayor))")
# The person a title ends with: "... Representative in Azerbaijan Alessandro Fracassetti"
_NAME_ENDING_A_TITLE = re.compile(r"\s([A-Z][a-z’'-]+\s[A-Z][a-z’'-]+)$")


def _person_after_a_title(who: str, rules: EventRules) -> str | None:
    """The person named at the end of a speaker that begins with a title ("Head of the
    Press Service of the Ministry of Defense Anar Eyvazov": Anar Eyvazov), if any."""
    if len(who.split()) < 4 or not rules.a_title.search(who):
        return None
    person = _NAME_ENDING_A_TITLE.search(who)
    return person.group(1) if person and not set(person.group(1).split()) & rules.body_words \
        else None


def _cited(text: str, rules: EventRules) -> str | None:
    """Who a report cites ("Trend reports citing the Ministry of Defense", "This was
    reported by Sputnik Azerbaijan, citing the local prosecutor's office", "Day.Az reports
    with reference to the Ministry of Defense"): the claim is theirs. Not a reason cited
    ("Citing security concerns, the ministry ...")."""
    if "citing" not in text and "quoting" not in text and "reference to" not in text:
        return None
    citing = _CITING.search(text)
    # (the report's verb before it, or right after it set off: "Local media, quoting the
    # prosecutor's office, reported")
    return citing.group(1) if citing and (
        rules.reporting_verb.search(text, 0, citing.start()) or
        rules.reporting_verb.match(text, citing.end() + 2)) else None


def _speaker_before_verb(text: str, rules: EventRules,
                         places: frozenset[str]) -> re.Match[str] | None:
    """"the Foreign Ministry said": the speaker pattern, tried only in the stretch of text
    before each reporting verb (a speaker is a few words long), not from every word; a
    place before a verb ("a man from Aghdam, told") is no speaker."""
    for verb in rules.reporting_verb.finditer(text):
        said = rules.speaker_said.search(text, max(0, verb.start() - _SPEAKER_REACH),
                                         verb.end() + 1)
        if said and (said.group(1) or said.group(2)).strip(" ,") not in places:
            return said
    return None


# who put out a writing that speaks: "The annual report, published on November 20 by the
# International Campaign to Ban Landmines, recorded ..."
_WRITTEN_BY = re.compile(r",\s+(?:published|released|issued|prepared|compiled|produced)\b"
                         r"[^.;,]{0,40}?\bby\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:(?:of|for|to|the|and)\s+)*"
                         r"[A-Z][\w’'-]*){0,8})")


def _speaker_matched(text: str, said: re.Match[str], rules: EventRules) -> str:
    """The speaker a match of the speaker pattern names: without a word before it ("and",
    "the" of a name), a dateline glued to it ("DFWatch--A British ...") or an acronym
    within ("the Ministry ... (MIA) of Georgia"); the person, if the match begins within a
    long title ("Head of the Foreign Policy Affairs Department of the Presidential
    Administration Hikmet Hajiyev"): what the pattern cut off is no part of the name."""
    group = 1 if said.group(1) else 2
    who = _GLUED_DATELINE.sub("", said.group(group).strip(" ,“”\""))
    who = _LEADING_WORD_OF_SPEAKER.sub("", who)
    who = _ACRONYM_WITHIN.sub("", _LEADING_THE.sub("the ", who))
    cut = rules.cut_title.search(text, max(0, said.start(group) - 40), said.start(group))
    person = rules.person_after_title.search(who) if cut else None
    if person is None and rules.ends_in_title.search(who):
        person = _PERSON_SET_OFF.match(text, said.end(group))
    if person is None and cut and _ONE_OF_A_BODY.match(who):
        # ("Armen Tevosyan of the emergency service's demining department said": the
        # pattern's reach ends within the name)
        return f"{cut.group().strip()} {who}"
    return person.group(1) if person else who


# A name and the body it is of: "Tevosyan of the emergency service's demining department"
_ONE_OF_A_BODY = re.compile(r"[A-Z][\w’'-]+ of ")


# A person set off after their title: "the agency's chairman, Vugar Suleymanov, told"
_PERSON_SET_OFF = re.compile(rf",\s({_NAME_WORD}(?:\s{_NAME_WORD}){{1,3}}),")


# --- sentences ---------------------------------------------------------------------------

# a count, in digits or words ("some fifty mines", "killed two and injured five")
_A_COUNT = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                      r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                      r"thousand|million|dozen)\b")
_HECTARES = re.compile(r"hectare|\bha\b|square[- ]kilomet|square km\b|square[- ]met|\bkm[2²]|"
                       r"\bsq\.? ?km\b")


# What a text that the rules' ``still_to_clear`` matches holds
_STILL_TO_CLEAR_HINTS = (" to ", " will ", " would ", " still ", " may ", " might ", " could ")


def classify(text: str, rules: EventRules, *,
             lowered: str | None = None) -> tuple[str, str | None] | None:
    """The event type (and subtype) a sentence triggers, or None; ``lowered`` is the
    sentence put in lower case by :func:`geo.normalise.lower`, when the caller has it.

    >>> classify("Armenia submitted maps of 92,000 mines in Fuzuli.", event_rules())
    ('map_handover', None)
    >>> classify("Over 140 were killed or injured by mines since November 10.", event_rules())
    ('casualty_total', None)
    """
    # the rules' patterns are compiled for lower-case text
    sentence, text = text, lower(text) if lowered is None else lowered
    p = rules.patterns
    mines = rules.mine_words.search(text)
    if mines and holds_one_of(text, _NEGATION_HINTS):
        mines = _mine_not_denied(text, rules)  # "was not caused by a landmine, but ..."
    if mines and " mine" in text and (rules.industrial_mines.search(text) or
                                      _NAMED_MINE.search(sentence)):
        # "an explosion at the Zod gold mine", "at the Gedabek mine" say nothing about
        # landmines
        mines = rules.mine_words.search(rules.industrial_mines.sub(
            lambda m: " " * len(m.group()), _NAMED_MINE.sub(
                lambda m: " " * len(m.group()), sentence).lower()))
    handover = p["map_handover"]
    claim = None
    # maps given for prisoners are minefield maps, whether or not the sentence says so
    # ("gave Azerbaijan the maps of the Aghdam district in exchange for 15 detainees")
    if handover["maps"].search(text) and handover["handover"].search(text) and \
            (mines or handover["prisoners"].search(text)):
        doubt = handover["not_handover"].search(text)
        if doubt is None or _where_doubt_begins(text, doubt.start(), handover) is not None:
            return "map_handover", "announced" if handover["announced"].search(text) else None
        # a claim about maps, unless the sentence tells a count or an incident too ("200
        # people have been killed ..., and has demanded that Armenia hand over all maps")
        claim = ("other", "claim")
    total = p["casualty_total"]
    if mines and (_cumulative(text, total["cumulative"]) or total["mines_did"].search(text)) and \
            total["harm"].search(_without_war_dead(text)) and _has_a_count(sentence, text) and \
            not _of_one_day(sentence, text, total["a_few_incidents"]) and \
            not _of_one_day(sentence, text, total["one_blast"]) and \
            not total["anniversary"].search(text) and not total["assisted"].search(text):
        return "casualty_total", None
    incident = p["mine_incident"]
    if mines and incident["blast"].search(text) and \
            not (incident["controlled"].search(text) and not incident["harm"].search(text)):
        return "mine_incident", None
    if claim:
        return claim
    clearance = p["clearance_report"]
    if clearance["cleared"].search(text) and clearance["items"].search(text) and \
            _A_COUNT.search(text) and (mines or _HECTARES.search(text)) and \
            (not holds_one_of(text, _STILL_TO_CLEAR_HINTS) or
             clearance["cleared"].search(rules.still_to_clear.sub(
                lambda m: " " * len(m.group()), text))):
        return "clearance_report", None
    for subtype, pattern in rules.other.items():
        need = rules.other_needs.get(subtype)
        if (need is None or need.search(text)) and pattern.search(text):
            return "other", subtype
    return None


# A mine denied: "not caused by a landmine", "a gas cylinder, not a landmine", "rather
# than a mine"
_DENIED_BEFORE = re.compile(r"\b(?:not|rather than|instead of)\s+(?:caused by\s+|due to\s+|"
                            r"from\s+)?(?:an?\s+)?$")
_NEGATION_HINTS = ("not ", "rather than ", "instead of ")


def _mine_not_denied(lowered: str, rules: EventRules) -> re.Match[str] | None:
    """The first word of mines in a text in lower case that the text does not deny."""
    return next((m for m in rules.mine_words.finditer(lowered)
                 if not _DENIED_BEFORE.search(lowered, max(0, m.start() - 30), m.start())),
                None)


def _cumulative(lowered: str, cumulative: re.Pattern[str]) -> bool:
    """Whether a text in lower case tells of a count over time (``cumulative``: the
    rules' pattern), not by a "since" that only compares ("days after the worst clashes
    with Azerbaijan since 2020")."""
    return any(not _compares(lowered, m) for m in cumulative.finditer(lowered))


def _compares(lowered: str, cumulative: re.Match[str]) -> bool:
    """Whether a match of the rules' ``cumulative`` is a "since" that compares ("the worst
    clashes since 2020")."""
    if cumulative.group() != "since":
        return False
    before = max(0, cumulative.start() - _COMPARED_REACH)
    return holds_one_of(lowered[before:cumulative.start()], _COMPARING_WORDS) and \
        _FIRST_SINCE.search(lowered, before, cumulative.end()) is not None


# A mine of the mining industry by its name: "at the Gedabek mine" (not "the TM-62 mine")
_NAMED_MINE = re.compile(r"\bthe [A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)? mines?\b")


def _has_a_count(sentence: str, lowered: str) -> bool:
    """Whether a sentence (``lowered``: in lower case) counts something: a number in words,
    or digits that are no part of a date ("on June 18, a resident was injured" counts
    nobody)."""
    return _A_COUNT.search(lowered) is not None and \
        _A_COUNT.search(_outside_dates(lowered, sentence)) is not None


# A dateline with its day at the head of a report: "Jabrayil, June 22, AZERTAC", "BAKU,
# Azerbaijan, June 5 (Trend)", "YEREVAN, OCTOBER 11, ARMENPRESS."
_DATELINE_WITH_DAY = re.compile(r"\s*[A-Z][A-Za-z'’ -]{1,30},(?:\s*[A-Z][A-Za-z ]{1,20},)?\s*"
                                r"(?=[A-Z][A-Za-z]{2,8}\.? \d{1,2}\b|\d{1,2} [A-Z][a-z]{2,8}\b)")
# How far from the date a report is stamped with its dateline's day may be, and still be
# the day the report was written (a report filed late at night, a page stamped in UTC)
_DATELINE_REACH = timedelta(days=2)


def _as_of_its_dateline(doc: Document, body_start: int) -> Document:
    """``doc`` dated by the day of its dateline where that differs a little from its
    publication date: "yesterday" in a report datelined "Jabrayil, June 22" is June 21,
    whatever day the page was stamped with."""
    if doc.published is None:
        return doc
    # (on the first line after the headline, or the one after it)
    dateline = _DATELINE_WITH_DAY.match(doc.text, body_start) or \
        _DATELINE_WITH_DAY.match(doc.text, doc.text.find("\n", body_start) + 1)
    if dateline is None:
        return doc
    mentions = find_dates(doc.text[dateline.end():dateline.end() + 20])
    day = resolve_date(mentions[0], doc.published + _DATELINE_REACH) \
        if mentions and mentions[0].start == 0 and mentions[0].day else None
    if day is None or day[0] == doc.published or abs(day[0] - doc.published) > _DATELINE_REACH:
        return doc
    return replace(doc, published=day[0])


def _headline_end(text: str) -> int:
    """End of a headline line (short, no final stop) at the top of the text, else 0."""
    first = text.split("\n", 1)[0]
    words = first.split()
    if 0 < len(words) <= 25 and not first.rstrip().endswith((".", "!", "?", "\"", "”")):
        return len(first)
    return 0


_JOIN_BEFORE_DATE = re.compile(r"(?:,\s*|\s)(?:and|while|whereas)\s+(?:(?:another|a second|"
                               r"a further)\s+[\w-]+\s+)?(?:on|in)\s+$", _FLAGS)
# What joins a date that ends its clause to the next clause: "... in June and of 92,000
# mines in Fuzuli in July"; and a list of places each with its date in brackets: "in
# Aghdam (June 2021), in Fuzuli and Zangilan (July 2021) and ..."
_JOIN_AFTER_DATE = re.compile(r"\)?,?\s+(?:and|while|whereas)\s+|\),\s+(?=in\s)")
# How far before a date the words joining it to the clause before are looked for: ", and
# on " is a few characters long. (Searching the whole text before each date would take
# a time that grows with the square of a sentence's length.)
_JOIN_REACH = 100


def _clauses(sentence: Sentence, lowered: str, kind: tuple[str, str | None],
             rules: EventRules, shares: Iterable[int] = (), years: Iterable[int] = ()
             ) -> list[tuple[int, int, bool, tuple[str, str | None]]]:
    """Split a sentence that reports two dated events ("On June 12, ... Aghdam and on
    July 3 maps for Fuzuli", "... last Friday, and another blast on Saturday ...") at the
    conjunction before the second date; one that tells incidents apart (see
    :func:`_separate_incidents`); a total that tells one of its incidents ("17
    casualties, including a family of three who were injured when their car hit an
    anti-tank mine"); and one at ``shares``, where another place's figures begin (see
    :func:`_shares`), or at ``years``, another year's (see :func:`_year_shares`). The
    third of each: whether the clause takes the date of the sentence, having none of its
    own; the fourth, what it tells."""
    dates = [m for m in find_dates(sentence.text)
             if m.day or m.month or m.weekday is not None]
    cuts = {}
    for m in dates[1:]:
        join = _JOIN_BEFORE_DATE.search(sentence.text, max(0, m.start - _JOIN_REACH), m.start)
        if join:
            cuts[join.start()] = False
    for m, following in zip(dates, dates[1:], strict=False):
        # "... in Aghdam in June and of 92,000 mines in Fuzuli in July": the date ends its
        # clause; not "between June and July" nor "November 2020 and the end of March
        # 2022", a period
        join = _JOIN_AFTER_DATE.match(sentence.text, m.end)
        if join and not _RANGE_JOIN.match(sentence.text[m.end:following.start]) and \
                not any(m.end <= cut < following.start for cut in cuts):
            cuts[join.start()] = False
    if kind[0] == "mine_incident" and len(dates) <= 1:
        cuts.update(dict.fromkeys(_separate_incidents(lowered, rules), True))
    incident = _INCIDENT_OF_A_TOTAL.search(lowered) \
        if kind[0] == "casualty_total" and " who " in lowered else None
    if incident:
        cuts[incident.start()] = True
    cuts.update(dict.fromkeys(shares, True))
    cuts.update(dict.fromkeys(years, False))
    bounds = [0, *sorted(cuts), len(sentence.text)]
    return [(sentence.start + a, sentence.start + b, cuts.get(a, False),
             ("mine_incident", None) if incident and a == incident.start() else kind)
            for a, b in zip(bounds, bounds[1:], strict=False)]


# One incident a total counts: ", including a family of three who were injured when their
# car hit an anti-tank mine"
_INCIDENT_OF_A_TOTAL = re.compile(r",\s+(?:including|among them)\s+[^,;]{0,80}?\bwho\s+"
                                  r"(?:was|were)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt)"
                                  r"\s+when\b")


def _shares(sentence: Sentence, lowered: str, mentions: InTextOrder[Mention],
            kinds: Collection[str]) -> list[int]:
    """Where, in a sentence (``lowered``: in lower case) of counts over a period, the
    figures of one place of ``kinds`` give way to another's ("Azerbaijan recorded 101
    casualties in 2023, while Armenia recorded 12"; "101 people in Azerbaijan and 12 in
    Armenia"; "412 mines in Aghdam and 188 mines in Fuzuli"): offsets in the sentence."""
    places = [(m.start - sentence.start, m.end - sentence.start, m.place.id)
              for m in mentions.within(sentence.start, sentence.end)
              if m.resolved and m.place and m.place.kind in kinds]
    if len({place for _, _, place in places}) < 2:
        return []
    # (districts only at a join of clauses: "12 shells and 3 cluster bombs in the Askeran
    # region" after a body "of Artsakh" are one find)
    joins = [j for j in _JOIN_OF_SHARES.finditer(lowered)
             if "district" not in kinds or not j.group().lstrip().startswith("and")]
    return _cuts_between(lowered, places, joins, _date_spans(sentence.text))


def _year_shares(text: str, lowered: str) -> list[int]:
    """Where, in a sentence (``lowered``: in lower case) of counts over a period, the
    figures of one year give way to another's ("145 people in 2021, 85 in 2022 and 54 in
    2023"): offsets in the sentence."""
    dates = find_dates(text)
    years = [(d.start, d.end, d.year) for d in dates if d.year and not d.month]
    if len({year for _, _, year in years}) < 2:
        return []
    return _cuts_between(lowered, years, list(_JOIN_OF_YEARS.finditer(lowered)),
                         [(d.start, d.end) for d in dates])


def _cuts_between(lowered: str, marks: list[tuple[int, int, object]], joins: list[re.Match[str]],
                  dates: list[tuple[int, int]]) -> list[int]:
    """The joins (their starts) with a count and a mark (a place, a year: ``(start, end,
    what)``) on both sides of them, up to the joins beside them, the marks different."""
    cuts, start = [], 0
    for i, join in enumerate(joins):
        stop = joins[i + 1].start() if i + 1 < len(joins) else len(lowered)
        before = [what for a, b, what in marks if start <= a <= b <= join.start()]
        then = [what for a, b, what in marks if join.end() <= a <= b <= stop]
        if before and then and before[-1] != then[0] and \
                _a_count_in(lowered, start, join.start(), dates) and \
                _a_count_in(lowered, join.end(), stop, dates):
            cuts.append(join.start())
            start = join.end()
    return cuts


def _a_count_in(lowered: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """Whether ``lowered[start:end]`` holds a count: not a date of ``dates`` (spans) or
    the end of its range ("from February 21 to 26"), nor one in brackets after a name
    ("the most mines were found in Aghdam (188) and Tartar (143)", a breakdown)."""
    return any(not (m.start() and lowered[m.start() - 1] in "(0123456789,.") and
               not any(a <= m.start() <= b or _ends_a_range(lowered, a, b, m.start())
                       for a, b in dates)
               for m in _A_COUNT.finditer(lowered, start, end))


def _ends_a_range(lowered: str, start: int, end: int, at: int) -> bool:
    """Whether a count at ``at`` ends the range a date (``start``-``end``) begins ("from
    February 21 to 26", "between June 12 and 15"; not "145 in 2021, 85 in 2022 and 54")."""
    if not end <= at <= end + _RANGE_END_REACH:
        return False
    words = lowered[end:at].strip()
    return words in _RANGE_WORDS or (words == "and" and lowered.endswith("between ", 0, start))


# How far after a date the other end of its range may be: " to 26", " - 26", and the words
# between
_RANGE_END_REACH = 6
_RANGE_WORDS = frozenset(("", "to", "-", "–", "—", "through", "till", "until"))


# The places whose figures one sentence may tell apart, by the kind of its counts: the
# casualties of countries; the clearance of countries or districts
_SHARED_BY = {"casualty_total": ("country",),
              "clearance_report": ("country", "district", "region")}
# What joins one place's figures to another's: ", while", ", and", ";", or "and" right
# before the other figure ("101 in Azerbaijan and 12 in Armenia")
_JOIN_OF_SHARES = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+|\s+and\s+(?=(?:about |some |"
                             r"over |more than |nearly |almost )?\d)")
# ... and one year's figures to another's: also a comma alone before the figure ("145 in
# 2021, 85 in 2022 and 54 in 2023")
_JOIN_OF_YEARS = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+|(?:,\s+|\s+and\s+)(?=(?:about |"
                            r"some |over |more than |nearly |almost )?\d)")


def _count_as_before(draft: Draft, before: Draft, clause: str, rules: EventRules) -> None:
    """Give another place's figure told without its noun ("..., while Armenia recorded
    12") the kind of the one before it in the sentence ("101 mine casualties"), where that
    one counts one kind and the clause one bare number."""
    e, b = draft.event, before.event
    fields = [f for f in _FIGURES if getattr(e, f) is None and getattr(b, f) is not None]
    if any(getattr(e, f) is not None for f in _FIGURES) or len(fields) != 1:
        return
    bare = [c for c in _counts(clause, rules, _date_spans(clause)) if c.kind == "bare"]
    if len(bare) == 1:
        value = bare[0].value if fields[0] == "hectares" else int(bare[0].value)
        _set(e, fields[0], value, bare[0].qualifier)


# The figures of an event, one of which a bare number may count
_FIGURES = ("killed", "injured", "casualties", "mines", "uxo", "hectares")
# What joins the clauses of incidents told apart: ", and", ", while", ";"
_JOIN_OF_CLAUSES = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+")


def _separate_incidents(lowered: str, rules: EventRules) -> list[int]:
    """Where a sentence in lower case that tells incidents apart ("In separate incidents
    on August 2, a resident of Tartar was injured near Sugovushan, and a shepherd was
    killed near the village of Sos") joins the clause of one incident's harm to the next
    one's: at each join with harm told on both sides of it."""
    incidents = rules.patterns["mine_incident"]
    announced = incidents["announced"].search(lowered) if ": " in lowered else None
    if not (" separate " in lowered and incidents["separate"].search(lowered)) and \
            (announced is None or ": " not in lowered[announced.end():]):
        return []  # (told apart after a colon: "Two mine incidents were recorded: ...")
    cuts, start = [], 0
    for join in _JOIN_OF_CLAUSES.finditer(lowered):
        if _HARM_VERB.search(lowered, start, join.start()) and \
                _HARM_VERB.search(lowered, join.end()):
            cuts.append(join.start())
            start = join.end()
    return cuts


def extract_events(doc: Document, mentions: list[Mention], areas: list[Area],
                   rules: EventRules | None = None,
                   countries: Callable[[str], Place | None] | None = None) -> list[Event]:
    """Events of one document, each with its quote, source and speaker.

    ``areas`` are descriptive areas the text names ("the liberated territories"), which
    locate events but are not toponyms; ``countries`` gives the country of an ISO code
    (:meth:`geo.gazetteer.Gazetteer.country`), for a total that names its country only by
    its people or its capital ("45 Azerbaijani citizens", "Baku says")."""
    rules = rules or event_rules()
    drafts: list[Draft] = []
    skip_until = _headline_end(doc.text)
    doc = _as_of_its_dateline(doc, skip_until)
    sentences = split_sentences(doc.text)

    places = _places_by_name(mentions)

    @cache
    def named_in(index: int) -> tuple[str | None, bool]:  # asked again for the next one
        return named_speaker(sentences[index].text, rules, places)

    def speaker_of_kind_before(index: int, generic: re.Match[str]) -> str | None:
        # the last speaker of that kind in the sentences before (not a body merely named:
        # "Azerbaijan's Defence Ministry did not respond. ..., according to the ministry")
        of_kind = rules.named_of_kind[generic.group(1).lower()]
        for back in range(index - 1, max(-1, index - _SPEAKERS_REACH), -1):
            before, pronoun = named_in(back)
            if before and not pronoun and before[0].isupper() and \
                    len(before.split()) <= _NAME_WORDS and of_kind.search(before):
                return before  # (a name, not "information compiled by Trend from ...")
        return None

    def speaker_of(index: int) -> str | None:
        own, pronoun = named_in(index)
        generic = rules.by_kind.fullmatch(own) if own else None
        if generic and ((named := speaker_of_kind_before(index, generic) or
                         _named_by_kind(doc.text, sentences[index], generic, rules))
                        or generic.group(1).lower() in rules.writings):
            # "the agency": the one that spoke before, or else the one named before;
            # "the report": its author
            return named
        # a speaker holds for its own sentence and for pronouns after it ("it said"), up
        # to three sentences on ("..., he said." "He noted that ...")
        back = index
        while pronoun and back and index - back < 3:
            back -= 1
            previous, pronoun = named_in(back)
            if previous and not pronoun:  # past "According to him" to who he is
                if (said := rules.pronoun_said.search(sentences[index].text)) and \
                        said.group().lower().startswith(("he ", "she ")) and \
                        _the_publisher(previous, doc.author or "") and \
                        (person := _person_titled_in(sentences[back].text, rules)):
                    # ("Deputy Foreign Minister Elnur Mammadov spoke, Trend reports. He
                    # said that ...": the minister, not the outlet)
                    return person
                return previous if _may_stand_for(own, previous, rules.writings) else own
        # ("According to him" with no one named before: nobody a reader could check)
        if own and _PERSONAL_PRONOUN.fullmatch(own):
            return None
        # ("..., he noted" after the sentence of one titled: "ANAMA Chairman Vugar
        # Suleymanov spoke at the event": that person)
        return own or _issuer_of_quote(doc.text, sentences, index) or \
            speaker_of_quotation(index) or \
            (_person_titled_in(sentences[index - 1].text, rules)
             if index and named_in(index)[1] else None)

    def speaker_of_quotation(index: int) -> str | None:
        # a sentence of a quotation that names nobody speaks with the voice of whoever the
        # quotation is attributed to ("A. B," he said; She said: "A. B."), or else of
        # whoever was quoted right before it ("A," X said. "B.")
        quotation = _quotation_of(doc.text, sentences, index)
        if quotation is None:
            return None
        first, last = quotation
        for told in (last, first, first - 1):
            if told != index and told >= 0 and named_in(told)[0] and \
                    (told != first - 1 or _QUOTE_MARK.search(sentences[told].text)):
                return speaker_of(told)
        return None

    reading = _Reading(doc, sentences, drafts, InTextOrder(mentions), InTextOrder(areas), rules,
                       skip_until, countries)
    for index, sentence in enumerate(sentences):
        if sentence.end <= skip_until:
            continue
        # most sentences say nothing about mines, harm or maps: no rule runs on them
        lowered = lower(sentence.text)
        if rules.link_line.match(lowered):
            continue  # another report's headline
        if drafts and _UPDATE_LINE.fullmatch(lowered):
            drafts[-1].retold_in = index  # what follows an "UPDATED" line tells more of it
            continue
        if " and that " in lowered:  # "X said that the maps ..., and that 298 people ..."
            for part in _propositions(sentence, lowered):
                _read_sentence(reading, part, lower(part.text), index,
                               sentence if part is not sentence else None)
        else:
            _read_sentence(reading, sentence, lowered, index)
    def told_by_others(a: Draft, b: Draft) -> bool:
        # totals two sources give ("..., Stepanyan said. ANAMA says 200 people ..."): two
        # claims, whose figures no reader should see mixed in one
        if a.event.event_type != "casualty_total":
            return False
        said_a, said_b = named_in(a.sentence), named_in(b.sentence)
        return bool(said_a[0] and said_b[0]) and not said_a[1] and not said_b[1] and \
            said_a[0].lower() != said_b[0].lower()

    drafts = _without_totals_told_again(_fold_within(_without_announcements(drafts, rules),
                                                     told_by_others))
    lead = _lead_citing(sentences, skip_until, rules)

    def source_of_report(draft: Draft) -> str | None:
        # whom the lead cites tells the news after it, not the past it recalls
        return speaker_of(lead) if lead is not None and draft.sentence > lead and \
            not rules.background_start.match(lower(sentences[draft.sentence].text)) else None

    return [_finish(d, speaker_of, source_of_report, doc.author or "")
            for d in drafts if _is_event(d)]


def _issuer_of_quote(text: str, sentences: list[Sentence], index: int) -> str | None:
    """Who issued the statement that sentence ``index`` quotes, in a paragraph that opens
    with quotation marks after the sentence that says so ("The Ministry of Foreign Affairs
    issued a statement on Thursday. ... "Since November 2020, 361 citizens ..."")."""
    start = sentences[index].start
    paragraph = text.rfind("\n", 0, start) + 1
    for back in range(index - 1, max(-1, index - _QUOTE_REACH), -1):
        issued = _ISSUED_STATEMENT.search(sentences[back].text)
        if issued is None:
            continue
        # quoted: its paragraph opens with quotation marks, or marks opened since the
        # statement was announced are not closed yet
        since = sentences[back].end
        quoted = text.startswith(_OPENING_QUOTE_MARKS, paragraph) or \
            text.count('"', since, start) % 2 == 1 or \
            text.count("“", since, start) > text.count("”", since, start)
        return _LEADING_THE.sub("the ", issued.group(1)) if quoted else None
    return None


def _quotation_of(text: str, sentences: list[Sentence], index: int) -> tuple[int, int] | None:
    """The sentences (first, last) of the quotation within its paragraph that sentence
    ``index`` of ``text`` begins in or opens, if it stands in one; a quotation left open
    runs to the end of its paragraph."""
    sentence = sentences[index]
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    paragraph_end = text.find("\n", sentence.start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    inside = sentence.start + 1 if sentence.text.startswith(_OPENING_QUOTE_MARKS) \
        else sentence.start
    marks = [found.start() for found in _QUOTE_MARK.finditer(text, paragraph, paragraph_end)]
    before = [at for at in marks if at < inside]
    straight = sum(text[at] == '"' for at in before) % 2 == 1
    curly = sum(text[at] in "“«" for at in before) > sum(text[at] in "”»" for at in before)
    if not (straight or curly):
        return None
    opened = before[-1]
    closed = next((at for at in marks if at >= inside and text[at] in '"”»'), paragraph_end)
    first = next(at for at in range(index, -1, -1) if sentences[at].start <= opened)
    last = next((at for at in range(index, len(sentences)) if sentences[at].end > closed),
                len(sentences) - 1)
    return first, last


_QUOTE_MARK = re.compile('["“”«»]')
_OPENING_QUOTE_MARKS = ('"', "“", "«")
# How many sentences a statement quoted after the one announcing it may run to
_QUOTE_REACH = 15
# "The Ministry of Foreign Affairs of Azerbaijan has issued a statement": who issued it
_ISSUED_STATEMENT = prefiltered(re.compile(
    r"(?:^|,\s)((?:[Tt]he\s)?[A-Z][\w'’.-]*(?:\s(?:of\s|the\s|and\s)*[A-Z][\w'’.-]*){0,8})\s+"
    r"(?:has\s+|have\s+)?(?:issued|released|published|circulated|adopted)\s+(?:a|an|the|its)\s+"
    r"(?:[\w-]+\s+)?(?:statement|press release|appeal|communiqué)\b"))
# How many sentences back a speaker named by its kind is looked for among those that spoke
_SPEAKERS_REACH = 20
_NAME_WORDS = 8  # the most words a body's name has


def _places_by_name(mentions: list[Mention]) -> frozenset[str]:
    """The names of places below a country a document names, none of them ever as an
    actor ("Baku said"): names no speaker has."""
    actors = {m.text for m in mentions if m.reason == "metonymic"}
    return frozenset(m.text for m in mentions if m.resolved and m.place and
                     m.place.kind != "country" and m.text not in actors)


def _named_by_kind(text: str, sentence: Sentence, generic: re.Match[str],
                   rules: EventRules) -> str | None:
    """The body (or person) a speaker named by its kind alone (``generic``: "the agency",
    "the minister", "a British demining organization") stands for: the last of that kind
    named in ``text`` before it, its own sentence too ("The HALO Trust cleared ..., the
    organisation announced"); None if none was."""
    kind = generic.group(1).lower()
    end = sentence.start + max(sentence.text.lower().find(generic.group(0).lower()), 0)
    if kind in rules.writings:
        # ('"... HALO teams have released 120 hectares ...," the statement reads': what a
        # writing says names no author of it)
        quoted = [at for at in (sentence.text.find('"'), sentence.text.find("“")) if at >= 0]
        end = min(end, sentence.start + min(quoted)) if quoted else end
    names = [m.group(1) for m in rules.named_of_kind[kind].finditer(text, 0, end)
             if m.group(1).lower() != kind]
    return names[-1] if names else None


def _lead_citing(sentences: list[Sentence], body_start: int, rules: EventRules) -> int | None:
    """The sentence of a report's lead that names whom the whole report cites ("...,
    Report informs, citing ANAMA."), if one of its first two sentences does."""
    body = next((i for i, s in enumerate(sentences) if s.end > body_start), len(sentences))
    return next((i for i in range(body, min(body + 2, len(sentences)))
                 if _cited(sentences[i].text, rules)), None)


@dataclass
class _Reading:
    """What reading the sentences of one document shares: the document, its sentences,
    the drafts read so far, its places and areas in text order, the rules."""

    doc: Document
    sentences: list[Sentence]
    drafts: list[Draft]
    mentions: InTextOrder[Mention]
    areas: InTextOrder[Area]
    rules: EventRules
    body_start: int  # where the text after the headline begins
    countries: Callable[[str], Place | None] | None  # the country of an ISO code


def _read_sentence(reading: _Reading, sentence: Sentence, lowered: str, index: int,
                   whole: Sentence | None = None) -> None:
    """Read sentence ``index`` (``lowered``: in lower case), or a statement of it
    (``whole``: the sentence), into the drafts: the events it tells, or what it adds to
    the event told right before it."""
    doc, drafts, rules, in_order = reading.doc, reading.drafts, reading.rules, reading.mentions
    relevant = rules.relevant.search(lowered) is not None
    if relevant and holds_one_of(lowered, rules.disowned_hints) and \
            rules.disowned.search(lowered):
        return  # what others reported wrongly or unconfirmed
    kind = classify(sentence.text, rules, lowered=lowered) if relevant else None
    retold = kind == ("mine_incident", None) and _retells_incident(drafts, index,
                                                                    sentence.text, lowered)
    if retold:
        kind = None  # what it adds goes to the incident before it
    if kind is None and relevant:
        if _a_total_of_its_own(reading, index, sentence, lowered):
            kind = ("casualty_total", None)
        elif not rules.harm_of_another_cause.search(lowered) and (
                _an_incident_of_its_own(reading, index, sentence.text, lowered)
                or _an_incident_elsewhere(reading, sentence, lowered, index) or
                _another_incident_told(drafts, index, sentence.text, lowered)):
            # (not one of another cause: "another soldier was wounded by Azerbaijani fire")
            kind = ("mine_incident", None)
        elif _figures_of_another_period(drafts, index, sentence.text, lowered):
            kind = ("clearance_report", None)
    if (kind is None and relevant or kind and kind[0] in _COUNTS_OVER_A_PERIOD) and \
            _of_another_period(reading, index, sentence.text, lowered, kind):
        # "For comparison, in the previous week ...", "Of this area, ...": more of the
        # report's telling
        drafts[-1].retold_in = index
        return
    if kind is None:
        if drafts and index - drafts[-1].told_last <= 2:
            if relevant:
                _add_to_previous(drafts, index, sentence, lowered, doc, in_order, rules,
                                 retold)
            _add_districts_to_previous(drafts, index, sentence, in_order)
            _add_mediator_to_previous(drafts[-1].event, sentence.text, lowered, rules)
            _date_handover_by(drafts[-1], sentence.text, doc.published)
            if _SOURCE_OF_PREVIOUS.match(lowered) or _tells_more_of_harmed(drafts[-1], index,
                                                                            lowered, rules):
                drafts[-1].speakers.append(index)
        return
    if kind[0] in _COUNTS_OVER_A_PERIOD and whole is None and \
            (compared := _comparison_after_figures(sentence.text, lowered, rules)):
        # "13,240 hectares, up from 9,100 hectares in 2022": its own figures and period only
        sentence, whole = Sentence(sentence.start, sentence.start + compared,
                                   sentence.text[:compared]), sentence
        lowered = lowered[:compared]
    if kind == ("other", "prisoner_transfer") and \
            _exchange_for_previous(drafts, index, sentence.text, rules):
        # the handover's other half, which it now counts: no transfer of its own
        drafts[-1].speakers.append(index)
        drafts[-1].retold_in = index
        return
    lead = _lead_of_incident(reading, index, sentence.text, lowered) \
        if kind == ("mine_incident", None) and whole is None else None
    if lead is not None:  # one incident told over both sentences, quoted with both
        sentence = Sentence(lead.start, sentence.end, doc.text[lead.start:sentence.end])
        lowered = lower(sentence.text)
    shares = _shares(sentence, lowered, in_order, _SHARED_BY[kind[0]]) \
        if kind[0] in _SHARED_BY else []
    years = _year_shares(sentence.text, lowered) \
        if kind[0] in _SHARED_BY and not shares and whole is None else []
    first_of_sentence = len(drafts)
    for start, end, dated_by_sentence, told in _clauses(sentence, lowered, kind, rules,
                                                        shares, years):
        draft = _read_clause(doc, told, sentence, index, start, end, in_order,
                             reading.areas if told[0] != "other" else _NO_AREAS,
                             rules, dated_by_sentence, whole, reading.countries)
        if draft and start - sentence.start in (*shares, *years) and \
                len(drafts) > first_of_sentence:
            _count_as_before(draft, drafts[-1], doc.text[start:end], rules)
            if not draft.event.places:  # ("..., 85 in 2022": where the year before was)
                draft.take_places(drafts[-1].event)
        if draft:
            if kind[0] == "map_handover" and whole is None:
                _teller_before_doubt(draft, lowered, rules)
            _date_by_previous(draft, drafts, rules, doc.text, sentence.start)
            _place_by_previous(draft, drafts)
            _by_sentence_before(draft, drafts, reading.sentences, doc, in_order, rules)
            if lead is not None:
                draft.speakers.append(index - 1)
            if told[0] == "mine_incident" and draft.event.killed and \
                    draft.event.injured is None and _tells_a_later_death(lowered):
                # "One of the people injured in Monday's explosion has died": one of its
                # injured, whom the figures told after it may still count
                draft.died_since = draft.event.killed
            drafts.append(draft)
    if shares:
        _dated_alike(drafts[first_of_sentence:])


def _dated_alike(shares: list[Draft]) -> None:
    """The shares of one sentence told without a date of their own dated as the one told
    with it ("Deminers found 412 mines in Aghdam and 188 mines in Fuzuli in February")."""
    dated = next((d for d in shares if d.dated), None)
    for draft in shares if dated else ():
        if not draft.dated:
            draft.take_period(dated.period)


def _comparison_after_figures(text: str, lowered: str, rules: EventRules) -> int | None:
    """Where the figures a sentence compares its own with begin, after its own ("fell in
    2024 compared with the previous year: 41 people were killed or injured in 2024, against
    76 in 2023": at "against"), if they do."""
    for compared in rules.comparison_tail.finditer(lowered):
        if _has_a_count(text[:compared.start()], lowered[:compared.start()]):
            return compared.start()
    return None


def _of_another_period(reading: _Reading, index: int, text: str, lowered: str,
                       kind: tuple[str, str | None] | None) -> bool:
    """Whether a sentence (``lowered``: in lower case) after a report gives figures it is
    compared with ("For comparison, in the previous week ANAMA reported 1,105 hectares
    cleared"), with no days of their own, or a share of a clearance report just before it
    ("Of this area, 612.4 hectares were cleared by technical means")."""
    drafts, rules = reading.drafts, reading.rules
    if not drafts:
        return False
    if rules.comparison_start.search(lowered):
        compared = any(d.event.event_type in _COUNTS_OVER_A_PERIOD for d in drafts)
    elif kind == ("clearance_report", None) and rules.share_of_report.search(lowered) and \
            any(d.event.event_type == "clearance_report" for d in _drafts_since(drafts, index - 4)):
        # (but the report's mines by type, where it names no place: "Of these, 31 were
        # anti-personnel and 12 anti-tank mines")
        sentence = reading.sentences[index]
        compared = not ("anti-personnel" in lowered and "anti-tank" in lowered) or \
            any(m.resolved for m in reading.mentions.within(sentence.start, sentence.end))
    else:
        return False
    if not compared:
        return False
    # ("For comparison, in 2023 ANAMA cleared 43,300 hectares in total", "in the first nine
    # months of this year alone, more than 48,000 hectares were cleared": their own; but
    # "In October, the largest area was cleared in Aghdam" after October's report is its)
    if not any(m.day or m.month or m.year for m in find_dates(text)) and \
            not _search_if(_PART_OF_YEAR, text, lowered, "half", "quarter", "months"):
        return True
    period = read_period(text, reading.doc.published)
    return kind == ("clearance_report", None) and period is not None and \
        any(d.period == period for d in _drafts_since(drafts, index - 4)
            if d.event.event_type == "clearance_report")


def _lead_of_incident(reading: _Reading, index: int, text: str,
                      lowered: str) -> Sentence | None:
    """The sentence before a blast's (sentence ``index``, ``text``; ``lowered``: in lower
    case) that begins the telling of it, as a news lead does: one that tells its harm,
    which the blast's sentence does not ("A resident of Sarijali village was seriously
    injured on Tuesday. He stepped on an anti-personnel mine while grazing cattle."), with
    at most a sentence of neither between them; or one that tells an incident took place,
    when and where ("The third incident occurred on Saturday in Khojaly district.").

    None where the blast's sentence tells another incident, or a day of its own other
    than the lead's; or where the sentence before tells a harm of its own (the war's
    dead, one told before, one of another cause), or may belong to an event told just
    before it."""
    rules = reading.rules
    if index == 0 or _tells_of_another(text) or rules.apart_from_before.match(lowered) or \
            _search_if(_DAYS_APART, text, lowered, " earlier", " later", " day"):
        return None  # ("Two days earlier, a cow was blown up by a mine")
    lead = _told_before(reading, index, lowered)
    if lead is None:
        return None
    published = reading.doc.published
    own_day = read_period(text, published)
    return lead if own_day is None or own_day == read_period(lead.text, published) else None


def _told_before(reading: _Reading, index: int, lowered: str) -> Sentence | None:
    """The lead of :func:`_lead_of_incident`, before the blast's sentence ``index``
    (``lowered``: in lower case), whatever day each tells."""
    drafts, rules, sentences = reading.drafts, reading.rules, reading.sentences
    last_draft = drafts[-1].sentence if drafts else -9
    for back in (1, 2):
        if index - back < 0:
            return None
        lead = sentences[index - back]
        lead_lowered = lower(lead.text)
        if lead.start < reading.body_start or rules.mine_words.search(lead_lowered):
            return None
        if back == 1 and _TOOK_PLACE.search(lead_lowered) and \
                (last_draft < index - 3 or _tells_of_another(lead_lowered)):
            return lead  # "The third incident occurred on Saturday in ..."
        if last_draft >= index - back - 2 or _HARM_VERB.search(lowered):
            return None
        if _HARM_VERB.search(lead_lowered):
            # (one told of before: "He lost his left foot and was taken to hospital.")
            return None if _BY_PRONOUN.match(lead_lowered) or \
                not _a_harm_of_its_own(lead_lowered) or \
                rules.harm_of_another_cause.search(lead_lowered) else lead
        if _names_a_day(lead.text):
            return None  # (a sentence between them with a day of its own)
    return None


# Where a reported statement goes on to another ("Azerbaijan said that the maps covered
# only a fraction of the territory, and that 298 people had been killed ...")
_AND_THAT = re.compile(r",?\s+and that\s+")


def _propositions(sentence: Sentence, lowered: str) -> list[Sentence]:
    """The parts of a sentence that reports statements one after another ("... said that
    A, and that B"), each read on its own: A and B may tell events of different kinds."""
    if " that " not in lowered[:lowered.index(" and that ")]:
        return [sentence]
    parts, start = [], 0
    for join in _AND_THAT.finditer(sentence.text):
        parts.append(Sentence(sentence.start + start, sentence.start + join.start(),
                              sentence.text[start:join.start()]))
        start = join.start()
    parts.append(Sentence(sentence.start + start, sentence.end, sentence.text[start:]))
    return parts


def _retells_incident(drafts: list[Draft], index: int, text: str, lowered: str) -> bool:
    """Whether a sentence telling of a blast, with no harm nor day of its own, right after
    a dated incident, tells more of it: "On November 6, three servicemen were injured near
    Khankendi. The servicemen were carrying out engineering work on the territory of
    Khojaly district when their vehicle hit an anti-tank mine." """
    return _right_after(drafts, index, "mine_incident") and drafts[-1].dated and \
        not _names_a_day(text) and \
        not _tells_of_another(text) and not _HARM_VERB.search(lowered) and \
        not _BLOWN_UP.search(lowered) and \
        not _search_if(_DAYS_APART, text, lowered, " earlier", " later", " day")


def _names_a_day(text: str) -> bool:
    """Whether ``text`` names a day, a month or a weekday, not a year alone."""
    return any(m.day or m.month or m.weekday is not None for m in find_dates(text))


def _right_after(drafts: list[Draft], index: int, event_type: str) -> bool:
    """Whether the event told last, at most two sentences before sentence ``index``, is
    of ``event_type``."""
    return bool(drafts) and drafts[-1].event.event_type == event_type and \
        index - drafts[-1].sentence <= 2


# The dead of the war, not of mines: "More than 6,500 people were killed before a
# Russian-brokered ceasefire in November", "80 servicemen were killed during the
# large-scale provocation"
_WAR_WORDS_OF_DEAD = ("war", "fighting", "ceasefire", "truce", "hostilities", "clashes",
                      "provocation", "attack", "shelling", "battle", "offensive", "combat",
                      "escalation", "aggression", "incursion", "invasion")
# (a few words between, none of a blast: "in those two days of hostilities", "in the 44
# days of fighting")
_WAR_DEAD = re.compile(r"\b(?:before|during|in) (?:the |a |an |those |these |that |this )?"
                       r"(?:(?!mines?\b|blasts?\b|explosions?\b)[\w.-]+ ){0,4}?(?:war|fighting|"
                       r"ceasefire|truce|hostilities|clashes|provocations?|attacks?|shelling|"
                       r"battles?|offensive|combat|escalation|aggression|incursion|invasion)\b")


# "... left from the August 2008 war, in which 228 Georgian civilians were killed"
_WAR_DEAD_CLAUSE = re.compile(r"\b(?:war|fighting|hostilities|conflict|clashes|escalation|"
                              r"aggression|offensive|attacks?|invasion)\b(?:"
                              r",? (?:in|during) which\b[^.;]*|"
                              # "the fighting on 13-14 September, which killed 200 soldiers"
                              r"[^.;,]{0,40}, which (?:killed|claimed)\b[^.;,]*)")


def _harm_of_war_not_mines(lowered: str, rules: EventRules) -> bool:
    """Whether a text in lower case with no word of mines tells the harm of a war or of
    fighting: "The six-week war killed more than 6,500 people", "Armenian shelling left
    two Azerbaijani soldiers dead"."""
    return holds_one_of(lowered, _WAR_WORDS_OF_DEAD) and \
        (rules.harm_of_another_cause.search(lowered) is not None or
         _WAR_AS_CAUSE.search(lowered) is not None) and not rules.mine_words.search(lowered)


# a war or fighting that harmed: "The six-week war killed", "the 44-day war in 2020 left"
_WAR_AS_CAUSE = re.compile(r"\b(?:war|fighting|hostilities|clashes|conflict|escalation)\b")


def _without_war_dead(lowered: str) -> str:
    """A text in lower case without the clauses that tell of the dead of a war."""
    return _WAR_DEAD_CLAUSE.sub("", lowered) if " which " in lowered else lowered


def _of_the_war(lowered: str) -> bool:
    """Whether a sentence in lower case tells of the dead of the war (see `_WAR_DEAD`)."""
    return _search_if(_WAR_DEAD, lowered, lowered, *_WAR_WORDS_OF_DEAD) is not None


def _a_total_of_its_own(reading: _Reading, index: int, sentence: Sentence,
                        lowered: str) -> bool:
    """Whether a sentence with no word of mines, right after a running total, gives the
    total of a period it names ("In 2023 alone, there were 58 casualties"), or of another
    country ("In Armenia, the Monitor recorded 11 casualties in the same year"); not the
    dead of the war."""
    drafts, rules = reading.drafts, reading.rules
    if not _right_after(drafts, index, "casualty_total") or _of_the_war(lowered) or \
            rules.industrial_mines.search(lowered):
        return False  # (nor miners killed in a mine of the industry)
    if rules.patterns["casualty_total"]["harm"].search(lowered) is None or \
            _A_COUNT.search(lowered) is None:
        return False
    dates = find_dates(sentence.text)  # a period, not a day ("... occurred on June 4, ...")
    if any(m.day for m in dates):
        return False
    if any(m.year is not None or m.month is not None for m in dates):
        return True
    # (not one person's harm: "Last month, a boy was injured in Machkalashen")
    period = _search_if(_CALENDAR_UNIT, sentence.text, lowered, "last ", "this ") and \
        not _ONE_PERSON.search(lowered) and read_period(sentence.text, reading.doc.published)
    if period and (period[0], period[1]) != (drafts[-1].event.date_start,
                                             drafts[-1].event.date_end):
        return True  # "Last year, we recorded 34 victims": its own year
    total_countries = {p.country for p in drafts[-1].event.places}
    return bool(total_countries) and any(
        m.resolved and m.place and m.place.kind == "country" and
        m.place.country not in total_countries
        for m in reading.mentions.within(sentence.start, sentence.end))


_THESE_FIGURES = re.compile(r"\b(?:these|the|those|similar|the same) figures (?:were|stood at|"
                            r"amounted to|was|are)\b")


def _figures_of_another_period(drafts: list[Draft], index: int, text: str,
                               lowered: str) -> bool:
    """Whether a sentence right after a clearance report gives its figures for another
    period it names: "In 2022, these figures were 28,436 hectares, 6,231 anti-personnel
    mines, ..."."""
    if " figures " not in lowered or not _right_after(drafts, index, "clearance_report"):
        return False
    return _THESE_FIGURES.search(lowered) is not None and \
        any(m.year is not None or m.month is not None for m in find_dates(text))


# What turns a sentence from a handover to a doubt about it: "..., but Azerbaijan said
# they were only 25% accurate"
_BUT = re.compile(r",?\s(?:but|however|although|though|while|whereas|and that)\s|;\s")
_BUT_HINTS = (" but ", " however ", "though ", "; ", " while ", " whereas ", " and that ")


def _where_doubt_begins(text: str, doubt: int, handover: dict[str, Searchable]) -> int | None:
    """Where the doubt begins, if ``text`` (in lower case) tells of a handover first and
    doubts the maps only after a "but" (``doubt``: the doubting words): a handover all the
    same, which who doubts it did not tell ("..., but Baku says their accuracy is only
    25%")."""
    given = handover["handover"].search(text, 0, doubt)
    but = _BUT.search(text, given.end(), doubt) if given else None
    return but.start() if but else None


def _teller_before_doubt(draft: Draft, lowered: str, rules: EventRules) -> None:
    """A handover doubted after a "but" is told by the speaker before it, if any: not by
    who doubts it."""
    if not holds_one_of(lowered, _BUT_HINTS):
        return
    handover = rules.patterns["map_handover"]
    doubt = handover["not_handover"].search(lowered)
    begins = _where_doubt_begins(lowered, doubt.start(), handover) if doubt else None
    if begins is not None:
        draft.teller = named_speaker(draft.event.quote[:begins], rules)[0]
        draft.speakers = []


def _of_one_day(text: str, lowered: str, incidents: re.Pattern[str]) -> bool:
    """Whether ``text`` (``lowered`` in lower case) tells of the ``incidents`` (the rules'
    ``a_few_incidents`` or ``one_blast``) on one day ("Two residents were injured in two
    separate mine explosions on August 20")."""
    return incidents.search(lowered) is not None and \
        not holds_one_of(lowered, _OVER_TIME_HINTS) and \
        any(m.day or m.weekday is not None for m in find_dates(text))


# Words of a count over time, which a day does not end ("As of May 1, 350 people had been
# killed or injured in mine explosions")
_OVER_TIME_HINTS = (" since ", "as of ", "so far", "to date", "in total", "total of ", "overall",
                    " until ")


# What a text that names a day holds: a digit ("August 29") or a weekday ("on Monday")
_A_DAY_HINT = re.compile(r"\d|day\b")


def _an_incident_of_its_own(reading: _Reading, index: int, text: str, lowered: str) -> bool:
    """Whether a sentence with no word of mines, right after incidents or their
    announcement, tells another one on a day of its own: "On August 29, two brothers were
    injured in the same area"; or, right after other events, an incident it names so:
    "The deadliest incident of the year occurred on June 4 in Kalbajar, when two
    journalists ... were killed"."""
    if _A_DAY_HINT.search(text) is None:
        return False
    near = _drafts_since(reading.drafts, index - 4)
    recent = [d for d in near if d.event.event_type == "mine_incident" and d.dated]
    if not (recent or (near and _RETOLD_INCIDENT.search(text))) and \
            not _incidents_announced(reading, index):
        return False
    if not any(m.day or m.weekday is not None for m in find_dates(text)) or \
            not _a_harm_of_its_own(lowered):
        return False
    period = read_period(text, reading.doc.published)
    if period is None or period[2] != "day" or period[0] != period[1]:
        return False
    return all(d.event.date_start != period[0] for d in recent)


def _incidents_announced(reading: _Reading, index: int) -> bool:
    """Whether one of the three sentences before sentence ``index`` announces incidents of
    mines that those after it tell one by one ("Two mine incidents were recorded over the
    past week. On Monday, ...")."""
    announced = reading.rules.patterns["mine_incident"]["announced"]
    for sentence in reading.sentences[max(0, index - 3):index]:
        lowered = lower(sentence.text)
        if announced.search(lowered) and reading.rules.mine_words.search(lowered):
            return True
    return False


def _another_incident_told(drafts: list[Draft], index: int, text: str, lowered: str) -> bool:
    """Whether a sentence with no word of mines, right after an incident, tells the harm of
    another it names so: "In the second incident, which occurred in the evening near
    Juvarli village, two construction workers were injured"."""
    return _right_after(drafts, index, "mine_incident") and _tells_of_another(text) and \
        _a_harm_of_its_own(lowered)


# Words for people told of before: "one of them", "the injured"
_REFERS_BACK = re.compile(r"\b(?:of them|of whom|one of the|the (?:injured|wounded|victims?|"
                          r"brothers|two|three|four))\b")


def _a_harm_of_its_own(lowered: str) -> bool:
    """Whether a text in lower case tells of a harm, and not of one told before ("he died
    on October 7", "On March 5, one of them died") nor of the war's dead; bodies found
    are no harm of their own ("Search groups recovered the bodies of 11 servicemen")."""
    return any(not harm.group().startswith("bod") for harm in _HARM_VERB.finditer(lowered)) \
        and not (_DIED_LATER.search(lowered) or _REFERS_BACK.search(lowered) or
                 _of_the_war(lowered))


# A time of its own, counted from the event before: "three months later"
_TIME_APART = re.compile(r"\b(?:days?|weeks?|months?|years?) (?:later|earlier|after)\b")


def _an_incident_elsewhere(reading: _Reading, sentence: Sentence, lowered: str,
                           index: int) -> bool:
    """Whether a sentence with no word of mines, right after an incident, tells another
    one, at a place of its own and in a period of its own ("In mid-March, two brothers were
    killed by a mine in the Tartar region. Last week, a boy was injured in the Khojaly
    district") or told apart ("Another resident was injured in Fuzuli district on the same
    day", "Also on Tuesday, a shepherd was injured in Fuzuli district")."""
    drafts = reading.drafts
    if not _right_after(drafts, index, "mine_incident") or not drafts[-1].dated or \
            not drafts[-1].event.places or not _a_harm_of_its_own(lowered):
        return False
    previous = drafts[-1].event
    period = read_period(sentence.text, reading.doc.published)
    told_apart = reading.rules.apart_from_before.match(lowered) or \
        _search_if(_ANOTHER_PERSON, lowered, lowered, "another ")
    if not told_apart and (
            (period is None and not _TIME_APART.search(lowered)) or
            (period and (period[0], period[1]) == (previous.date_start, previous.date_end))):
        return False  # (its own time: a period, or "three months later")
    named = _places_in(reading.doc.text, sentence.start, sentence.end, reading.mentions,
                       _NO_AREAS, reading.rules)
    return bool(named) and all(p.kind not in _COARSE for p in named) and \
        not any(p.id == q.id or _lies_in(p, q) or _lies_in(q, p)
                for p in named for q in previous.places)


# Another person harmed, before the words of the harm: "Another resident was injured"
_ANOTHER_PERSON = re.compile(r"\banother (?:[\w-]+ ){0,2}?(?:was|were|got|has been|had been)\b")


# What a text that `_SAME_PERIOD` matches holds, whatever the case of its first letter
_SAME_PERIOD_HINTS = ("period", "same day", "that day", "the year", "the month", "the week",
                      "same year", "same month", "same week", "second ", "other ", "hours ",
                      "evening", "afterwards", "shortly after")
_SAME_PERIOD = re.compile(r"\b(?:this|that|the same) period\b|\b(?:the|that) same day\b|"
                          r"\b(?:later|earlier) that day\b|"
                          # "Several hours later", "That evening", "Shortly afterwards"
                          r"\b(?:(?:several|a few|two|three|\w+) )?hours (?:later|earlier)\b|"
                          r"\b(?:later )?that (?:evening|morning|afternoon|night)\b|"
                          r"\bshortly (?:afterwards|after that|afterward)\b|"
                          r"\b(?:during|over|in|throughout) the (?:same )?(?:year|month|week)\b|"
                          r"\bin the (?:second|other) (?:incident|case|explosion|blast)\b",
                          _FLAGS)


# "Two days earlier", "a week later", "the next day": a day counted from the event told
# before
_DAYS_APART = re.compile(r"\b(?P<count>an?|\w+) (?P<unit>days?|weeks?) (?P<way>earlier|later)\b|"
                         r"\bthe (?P<next>next|following|previous) day\b|"
                         r"\bthe day (?P<after>before|after)\b", _FLAGS)


def _date_by_previous(draft: Draft, drafts: list[Draft], rules: EventRules, text: str,
                      start: int) -> None:
    """"During this period, 24 people were injured", "In another incident on the same
    day", "... were neutralized during the year", "In the second incident": an undated
    event takes the period of the dated one right before it, as does an incident after a
    sentence announcing a day's incidents ("... in two separate mine explosions on August
    20. At around 11:30, ..."); "Two days earlier, a boy was wounded": the day that far
    from it. ``text`` is the document's, in which the event's sentence begins at
    ``start``."""
    previous = drafts[-1] if drafts else None
    if draft.dated and previous is not None and previous.dated:
        _in_the_year_before(draft, previous.event.date_start.year
                            if previous.event.date_start else None)
        _in_the_year_apart(draft, previous)
    elif draft.dated and " year" in draft.event.quote and _SAME_YEAR.search(draft.event.quote) \
            and (written := [m.year for m in find_dates(text[max(0, start - 300):start])
                             if m.year]):
        # "... several batches of maps since 2021. In June of that year, ...": the year
        # written last before it, where no event told before gives one
        _in_the_year_before(draft, written[-1])
    if draft.dated or previous is None or draft.sentence - previous.sentence > 2:
        return
    quote = draft.event.quote  # the hints below hold whatever case its first letter has
    same = _search_if(_SAME_PERIOD, quote, quote, *_SAME_PERIOD_HINTS)
    if same and not previous.dated and len(drafts) > 1 and drafts[-2].dated and \
            draft.sentence - drafts[-2].sentence <= 3:
        # "On December 9, two mine explosions took place. In the first incident, ... In
        # the second incident, ...": the day the first takes from the one announcing both
        previous = drafts[-2]
    if not previous.dated:
        return
    if same:
        draft.take_period((_of_the_unit(same.group(), drafts, draft.sentence) or previous).period)
    elif draft.event.event_type == "mine_incident" and \
            (announced := _announcing(drafts, draft.sentence, rules)):
        draft.take_period(announced.period)
    elif draft.event.event_type == previous.event.event_type == "clearance_report" and \
            not _cumulative(lower(quote), rules.patterns["casualty_total"]["cumulative"]):
        # figures by place after a clearance report ("In Fuzuli, 211 UXO were
        # neutralized"): its breakdown, over its period; not a total ("In total, ...")
        draft.take_period(previous.period)
    elif previous.event.time_precision == "day" and previous.event.date_start and \
            (apart := _search_if(_DAYS_APART, quote, quote, " earlier", " later", " day")) and \
            (days := _days_in(apart)):
        day = previous.event.date_start + days
        draft.take_period((day, day, "day"))
    elif previous.event.time_precision in ("day", "month") and previous.event.date_start and \
            (apart := _search_if(_MONTHS_APART, quote, quote, " month")) and \
            (months := _units_apart(apart)):
        # "The following month, maps of 92,000 mines were handed over": the month after
        draft.take_period(month_period(*_month_before(previous.event.date_start, -months)))


# A month from the event told before: "the following month", "a month later", "two months
# earlier"
_MONTHS_APART = re.compile(r"\b(?P<count>an?|\w+) (?:months?) (?P<way>earlier|later)\b|"
                           r"\bthe (?P<next>next|following|previous) month\b", _FLAGS)


def _announcing(drafts: list[Draft], sentence: int, rules: EventRules) -> Draft | None:
    """The draft announcing a day's incidents that an incident of ``sentence`` is one of:
    the last draft, or one at most four sentences before it with only incidents after it
    ("Two mine blasts left one dead and two wounded on Monday. A resident of Fuzuli was
    killed .... In a separate incident, two shepherds were injured ...")."""
    for back in range(len(drafts) - 1, -1, -1):
        draft = drafts[back]
        if sentence - draft.sentence > _ANNOUNCED_REACH:
            return None
        if _announces_incidents(draft, rules):
            return draft
        if draft.event.event_type != "mine_incident":
            return None
    return None


# How many sentences after an announcement of incidents they may be told
_ANNOUNCED_REACH = 4
# What a text that the rules' ``a_few_incidents`` matches holds
_A_FEW_INCIDENTS_HINTS = ("incidents", "explosions", "blasts")


# "In July of the same year", "later that year": the year of the event told before
_SAME_YEAR = re.compile(r"\b(?:(?:of|in) (?:the same|that) year|later that year)\b", _FLAGS)


def _in_the_year_before(draft: Draft, year: int | None) -> None:
    """A month or day "of the same year" is in the ``year`` of the event or of the text
    told before ("in June 2021 ... In July of the same year, maps of 92,000 mines were
    transferred"), not the last such month before the report."""
    e = draft.event
    if year is None or e.date_start is None or e.date_end is None or \
            e.time_precision not in ("month", "day") or e.date_start.year == year or \
            " year" not in e.quote or not _SAME_YEAR.search(e.quote):
        return
    try:
        draft.take_period((e.date_start.replace(year=year),
                           e.date_end.replace(year=year + e.date_end.year - e.date_start.year),
                           e.time_precision))
    except ValueError:  # February 29 of another year
        return


def _in_the_year_apart(draft: Draft, previous: Draft) -> None:
    """A day without its year that the text puts some time after or before the event told
    before ("On June 12, 2021, ... Three weeks later, on July 3, ...") is in the year that
    puts it so, not the last such day before the report."""
    e, before = draft.event, previous.event.date_start
    if before is None or e.date_start is None or e.time_precision != "day" or \
            e.date_start != e.date_end:
        return
    apart = _search_if(_DAYS_APART, e.quote, e.quote, " earlier", " later", " day")
    days = _days_in(apart) if apart else None
    if days is None or any(m.year is not None for m in find_dates(e.quote)):
        return
    near = before + days
    try:
        day = min((e.date_start.replace(year=near.year + k) for k in (-1, 0, 1)),
                  key=lambda d: abs(d - near))
    except ValueError:  # February 29 of another year
        return
    draft.take_period((day, day, "day"))


def _announces_incidents(draft: Draft, rules: EventRules) -> bool:
    """Whether ``draft`` is a day's incidents, or incidents of no day it names, that the
    sentences after it may tell one by one."""
    e, quote = draft.event, draft.event.quote
    if e.event_type not in ("mine_incident", "casualty_total") or \
            not holds_one_of(quote, _A_FEW_INCIDENTS_HINTS):
        return False
    lowered = lower(quote)
    if not draft.dated:  # "Two people have been injured in separate mine incidents in ..."
        return rules.patterns["mine_incident"]["announced"].search(lowered) is not None
    return e.event_type == "mine_incident" and e.time_precision == "day" and \
        _of_one_day(quote, lowered, rules.patterns["casualty_total"]["a_few_incidents"])


def _without_announcements(drafts: list[Draft], rules: EventRules) -> list[Draft]:
    """``drafts`` without those announcing incidents that the next sentences tell one by
    one ("Two residents were injured in two separate mine explosions on August 20. At
    around 11:30, ... Later that day, ..."): counted twice otherwise. The incidents keep
    who announced them."""
    kept = []
    for draft in drafts:
        told = [d for d in _drafts_since(drafts, draft.sentence + 1)
                if d.sentence - draft.sentence <= _ANNOUNCED_REACH and
                d.event.event_type == "mine_incident"
                and (d.period == draft.period or not draft.dated)] \
            if _announces_incidents(draft, rules) else []
        if len(told) < 2:
            kept.append(draft)
        for incident in told:
            incident.speakers.append(draft.sentence)
    return kept


def _of_the_unit(same: str, drafts: list[Draft], sentence: int) -> Draft | None:
    """"Over the year, ANAMA cleared ...": the last dated event of the year (or month) the
    words ``same`` name, within three sentences, not an incident of a day told between."""
    unit = next((u for u in ("year", "month") if same.lower().endswith(u)), None)
    if unit is None:
        return None
    return next((d for d in reversed(_drafts_since(drafts, sentence - 3))
                 if d.dated and d.event.time_precision == unit), None)


def _units_apart(apart: re.Match[str]) -> int | None:
    """How many units (days, weeks or months) from the event before a match of
    `_DAYS_APART` or `_MONTHS_APART` names, those before it below nought: "two days
    earlier" -2, "a week later" 1, "the following month" 1; None for a count that is no
    number."""
    step = apart["next"] or apart.groupdict().get("after")
    if step:
        return 1 if step.lower() in ("next", "following", "after") else -1
    count = _count_of(apart["count"])
    if count is None or count != int(count):
        return None
    return -int(count) if apart["way"].lower() == "earlier" else int(count)


def _days_in(apart: re.Match[str]) -> timedelta | None:
    """The days from the event before that "two days earlier", "a week later", "the next
    day" name; None for a count that is no number."""
    units = _units_apart(apart)
    week = bool(apart["unit"]) and apart["unit"].lower().startswith("week")
    return None if units is None else timedelta(days=units * (7 if week else 1))


_SAME_PLACE = re.compile(r"\b(?:in|near|around|of) the (?:same )?(?:district|area|village|"
                         r"region|place|territory|settlement)\b(?! of\b)|"
                         r"\b(?:these|those|the same) figures\b", _FLAGS)


def _place_by_previous(draft: Draft, drafts: list[Draft]) -> None:
    """"In June, 980 hectares were cleared in the district", "a similar incident occurred
    in the same area": an event that names no place of its own takes the places of the
    event of its type right before it."""
    previous = drafts[-1] if drafts else None
    if draft.event.places or previous is None or not previous.event.places or \
            previous.event.event_type != draft.event.event_type or \
            draft.sentence - previous.sentence > 3:
        return
    # (and the next of a country's yearly totals: "... victims of mines in Azerbaijan.
    # In 2022, 117 people were killed or injured")
    if _SAME_PLACE.search(draft.event.quote) or (
            draft.event.event_type == "casualty_total" and
            draft.sentence - previous.sentence <= 2 and
            all(p.kind == "country" for p in previous.event.places)):
        draft.take_places(previous.event)


_FUTURE = re.compile(r"\b(?:will|plans? to|is to|are to|aims? to|intends? to)\b")
_THESE_PLACES = re.compile(r"\b(?:in|of|from|around) (?:these|those|the same) (?:villages|"
                           r"settlements|areas|places)\b", _FLAGS)


def _by_sentence_before(draft: Draft, drafts: list[Draft], sentences: list[Sentence],
                        doc: Document, mentions: InTextOrder[Mention],
                        rules: EventRules) -> None:
    """"From February 12 to 17, ANAMA continued demining in Fuzuli, Jabrayil and Lachin.
    During the operations, 98 mines were neutralized": an undated clearance or total
    takes the span the sentence before it names, and a clearance placed nowhere the
    districts it lists (or the villages, "In these villages, 1,245 hectares were
    cleared"), when that sentence gave no event of its own (a span only: a day there may
    be another event's). "Two mine incidents were reported on February 2. In the first
    incident, ...": an incident that the sentence before announces takes its day."""
    if not draft.sentence or (drafts and drafts[-1].sentence == draft.sentence - 1):
        return
    before = sentences[draft.sentence - 1]
    event = draft.event
    # (not the districts of an event told just before: "The operations were carried out
    # in Aghdam, ... districts. Since 2020, ANAMA has cleared 140,000 hectares")
    if event.event_type == "clearance_report" and \
            all(p.kind in _COARSE for p in event.places) and \
            (not drafts or drafts[-1].sentence < draft.sentence - 3) and \
            not _FUTURE.search(before.text):  # not where a project "will help clear"
        if _THESE_PLACES.search(event.quote):
            named = [p for p in _places_in(doc.text, before.start, before.end, mentions,
                                           _NO_AREAS, rules) if p.kind not in _COARSE]
            if named:
                event.places, event.place_names = named, [p.name for p in named]
        else:
            _take_listed_districts(event, before, mentions)
    if draft.dated:
        return
    quote = event.quote
    announced = event.event_type == "mine_incident" and \
        _search_if(_FIRST_OF_THEM, quote, quote, " first ", " one ") is not None
    if event.event_type not in _COUNTS_OVER_A_PERIOD and not announced:
        return
    period = read_period(before.text, doc.published)
    if period and (announced or period[0] != period[1]):
        draft.take_period(period)


_FIRST_OF_THEM = re.compile(r"\b(?:in|during) (?:the first|one of the) (?:incidents?|cases?|"
                            r"explosions?|blasts?)\b", _FLAGS)


def _about_who_counts(clause: str) -> tuple[int, int] | None:
    """Where a clause set off about who counts stands in ``clause``, if it holds no figure
    but years: ", which resumed operations in Armenia in 2021,"."""
    if ", wh" not in clause:
        return None
    found = _WHICH_SET_OFF.search(clause)
    if found is None or any(c.isdigit() for c in _A_YEAR.sub("", found.group())):
        return None
    return found.span()


# A relative clause set off after who it tells of
_WHICH_SET_OFF = re.compile(r",\s(?:which|who)\s[^,;.]{1,120},")
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _read_clause(doc: Document, kind: tuple[str, str | None], sentence: Sentence, index: int,
                 start: int, end: int, mentions: InTextOrder[Mention],
                 areas: InTextOrder[Area], rules: EventRules,
                 dated_by_sentence: bool = False, whole: Sentence | None = None,
                 countries: Callable[[str], Place | None] | None = None) -> Draft | None:
    """The draft of the clause ``start``-``end`` of ``sentence``; None for a split-off
    clause with no date of its own. ``whole``: the sentence that ``sentence`` is a
    statement of (see :func:`_propositions`), whose text is the quote and whose places
    serve where the statement names none; ``countries``: as for :func:`extract_events`."""
    event_type, subtype = kind
    clause = doc.text[start:end]
    period = read_period(doc.text[sentence.start:end] if dated_by_sentence else clause,
                         doc.published)
    # (a clause set off about who counts tells when and where only if the rest does not:
    # "The HALO Trust, which has worked in Armenia since 2020 after a long presence in
    # Nagorno-Karabakh, said ... it had cleared 54 hectares in Tavush last year"; but "...,
    # which has worked in Artsakh since 2000, reports that its teams have cleared ...")
    about = _about_who_counts(clause) if event_type in _COUNTS_OVER_A_PERIOD else None
    if about and not dated_by_sentence and (own := read_period(
            clause[:about[0]] + " " * (about[1] - about[0]) + clause[about[1]:],
            doc.published)):
        period = own
    if period is None and ("since then" in clause or "Since then" in clause):
        period = _since_then(doc, sentence.start)
    elif period is not None and period[2] == "day" and period[0] == period[1]:
        period = _in_the_year_told_before(doc, sentence.start, clause, period)
    if period is None and event_type == "casualty_total":
        # (the dead of a war or an occupation, not the mines it left: "mines laid during
        # the occupation" dates no handover of their maps)
        period = _named_span(clause, lower(clause))
    if period is None and start != sentence.start and not dated_by_sentence:
        return None  # a split-off clause without its own date adds nothing
    dated = period is not None
    if not dated and event_type == "map_handover" and \
            rules.background_start.match(lower((whole or sentence).text)):
        return None  # "It should be recalled that Armenia handed over maps ...": not when
    if period is None:
        period = (doc.published, doc.published, "day") if doc.published else (None, None, "day")
    places = _places_in(doc.text, start, end, mentions, areas, rules,
                        meeting=subtype == "diplomatic_meeting",
                        handover=event_type == "map_handover")
    if about:
        aside = {m.place.id for m in mentions.within(start + about[0], start + about[1])
                 if m.place}
        told = {m.place.id for m in mentions.within(start, end) if m.place and
                not start + about[0] <= m.start < start + about[1]}
        places = [p for p in places if p.id not in aside or p.id in told] or places
    if not places and whole is not None:
        places = _places_in(doc.text, whole.start, whole.end, mentions, areas, rules,
                            meeting=subtype == "diplomatic_meeting",
                            handover=event_type == "map_handover")
    if event_type in _COUNTS_OVER_A_PERIOD and " in " in clause and \
            (mostly := _MOSTLY_IN.search(clause)):
        # "In Armenia, 17 people were killed or injured, mostly in Syunik and Tavush": the
        # place of the whole, before its breakdown, where one is named
        places = _places_in(doc.text, start, start + mostly.start(), mentions, areas,
                            rules) or places
    if event_type != "other" and (_abroad(places, [
            m for m in mentions.within(start, end)
            if not _where_said(doc.text, m.start, m.end, rules)]) or
                                  (holds_one_of(clause, ("world", "global")) and
                                   _WORLDWIDE.search(clause))):
        return None  # "In Cambodia, a rat found 71 landmines": not a place of this map
    if not places and event_type in ("clearance_report", "mine_incident") and \
            " the " in clause and (the_village := _THE_VILLAGE.search(clause)):
        places = _village_named_before(sentence.start, mentions, the_village.group(1))
    if not places and event_type in ("clearance_report", "casualty_total", "mine_incident"):
        places = _actor_countries(doc.text, start, end, mentions, rules, countries)
    event = Event(
        event_type=event_type, event_subtype=subtype, date_start=period[0],
        date_end=period[1], time_precision=period[2], quote=(whole or sentence).text,
        sources=[doc.doc_id], places=places, place_names=[p.name for p in places],
    )
    draft = Draft(event, index, dated, [index])
    draft.at_homes = event_type == "mine_incident" and bool(places) and \
        " of " in clause and all(_is_home(doc.text, m.start) for m in mentions.within(start, end)
                                  if m.place in places)
    if event_type == "mine_incident" and dated and \
            " on " in clause and _dated_by_telling(clause):
        draft.told_on = True
    if event_type != "other" or subtype == "prisoner_transfer":
        # context events carry no figures, but for the prisoners a transfer frees
        counts = _read_numbers(draft, clause, rules)
        _read_details(draft, clause, rules, counts)
        if event_type == "clearance_report" and not _is_event(draft) and \
                _STILL_MINED_AFTER.search(clause):
            return None  # land still to clear, which lends no place to a clearance near it
    return draft


# Where most of a count is, after it: "mostly in Syunik", "many of them in Tavush"; or a
# part of it: ", including 300 in the Tartar district"
_MOSTLY_IN = re.compile(r"\b(?:mostly|mainly|largely|primarily|chiefly|(?:most|many|some|"
                        r"the majority) of (?:them|these|which|whom)) in\b|"
                        # "900 mines in the liberated territories, including 300 in Tartar"
                        r",\s+(?:including|of which|of them|among them) (?:about |some |over |"
                        r"more than |nearly )?[\d,.]+ (?:[\w-]+ ){0,3}?(?:in|near|around) ")


# One of the injured died afterwards: "... who was injured on October 5 has died in
# hospital", "Despite the efforts of doctors, he died on October 7"
_DIED_LATER = re.compile(
    r"\b(?:(?:later|subsequently|has|had|have) )?(?:died (?:[^.;,]{0,40}? )?(?:in|at) (?:the |a )?"
    r"(?:[\w-]+ ){0,4}?(?:hospital|clinic|intensive care|icu)|died of (?:his|her|their) "
    r"(?:injuries|wounds)|succumbed to (?:his|her|their) (?:injuries|wounds))\b|"
    r"\b(?:he|she) (?:later |subsequently )?(?:died|passed away)\b|"
    # (not who died in the blast itself: "An employee of ANAMA has died in a mine explosion")
    r"\bhas (?:since )?died\b(?! (?:in|as a result of|after|when) (?:an? |the )?(?:[\w-]+ ){0,2}"
    r"(?:explosion|blast|incident|detonation))|"
    # (two or more: "Three of them later died", "two of the injured died")
    r"\b(?P<some>one|[\w-]+(?<!none)) of (?:them|the \w+),? (?:later |subsequently |then )?"
    r"(?:died|passed away)\b")


# The figures first told of an incident: "Initially, three people were reported injured"
_FIRST_TOLD = re.compile(r"\b(?:initially|originally|at first|first reported|earlier reports?)\b")


def _tells_a_later_death(lowered: str) -> bool:
    """Whether a text in lower case tells that one of the injured died afterwards."""
    return ("died" in lowered or "succumbed" in lowered or "passed away" in lowered) and \
        _DIED_LATER.search(lowered) is not None


def _died_later(draft: Draft, lowered: str) -> None:
    """Count as killed one of an incident's injured whom ``lowered`` (a text in lower
    case) says died afterwards, or the one who died where the incident counts nobody
    ("Anar Safarov, who was injured when a truck hit a mine on May 13, died in hospital")."""
    event = draft.event
    if (event.injured or event.killed is None) and _tells_a_later_death(lowered):
        died = _how_many_died_later(lowered, event.injured)
        if not (event.killed and _tells_the_toll_now(lowered)):
            # (not where the toll counts that death: "..., bringing the death toll to two")
            event.killed = (event.killed or 0) + died
        if event.injured:
            event.injured = event.injured - died or None
        draft.died_since += died


def _how_many_died_later(lowered: str, injured: int | None) -> int:
    """How many of ``injured`` a text in lower case says died afterwards: one, or the
    count of "Three of them later died" where it is no more than the injured."""
    found = _DIED_LATER.search(lowered)
    some = found.group("some") if found else None
    count = parse_number(some) if some else None
    if count is None or count < 1 or count != int(count) or count > (injured or 1):
        return 1
    return int(count)


# A toll that has risen: "The death toll from the mine explosion ... has risen to two"
_TOLL_RISEN = re.compile(r"\b(?:death toll|number of (?:the )?dead)\b[^.;:]{0,160}?"
                         r"\b(?:has |have )?(?:risen|rose|climbed|increased|grown)\b")


# A toll brought up to date: "brings the toll of the incident to two", "the death toll ...
# has risen to three"
_TOLL_NOW = re.compile(_BRINGS_THE + r"(?:death\s+)?toll\b|" + _TOLL_RISEN.pattern)


def _tells_the_toll_now(lowered: str) -> bool:
    """Whether a text in lower case brings a toll up to date (see `_TOLL_NOW`)."""
    return "toll" in lowered and _TOLL_NOW.search(lowered) is not None


def _an_update(event: Event) -> bool:
    """Whether an incident's quote gives its latest figures, of one told before: a toll
    that has risen, or one of the injured who has died since."""
    if event.event_type != "mine_incident":
        return False
    quote = lower(event.quote)
    return ("toll" in quote or "dead" in quote) and _TOLL_RISEN.search(quote) is not None or \
        _tells_a_later_death(quote)


def _take_the_latest_toll(event: Event, latest: int | None, killed: int | None,
                          injured: int | None, casualties: int | None) -> bool:
    """Give ``event`` the figures of an incident as first told (``killed``, ``injured``,
    ``casualties``: "The driver died on the spot, while three passengers were
    hospitalized") with the ``latest`` toll of its dead ("The death toll ... has risen to
    two"): those who died since were among its injured. Whether the toll has risen."""
    if not latest or latest <= (killed or 0):
        return False
    event.killed = latest
    event.injured = max((injured or 0) - (latest - (killed or 0)), 0) or None
    if casualties is not None:
        event.casualties = casualties
    return True


def _figures_first(text: str) -> str:
    """``text`` with each line of a list of figures worded as the figures are read: the
    figure, then what it counts (its unit, where the line gives one).

    >>> _figures_first("Cleared area: 96.5 hectares\\nAnti-tank mines – 108\\nUXO – 541")
    '96.5 hectares\\n108 Anti-tank mines\\n541 UXO'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if (figure := FIGURE_LINE.fullmatch(line.strip())) is not None:
            lines[i] = f"{figure['figure']} {figure['unit'] or figure['noun']}"
    return "\n".join(lines)


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in find_dates(text)]


# "32 Armenian and two Azerbaijani servicemen": the first side's count, then the second's
_SIDE_AND = re.compile(r"\s+[A-Z][a-z]+\s+and\s+")


# land looked at, not cleared: "surveyed 1,100 hectares", "412 hectares have been
# surveyed" (but "were surveyed and cleared")
_SURVEYED_BEFORE = re.compile(r"\b(?:surveyed|assessed|inspected|survey of)\s+(?:about |some |over "
                              r"|more than |nearly |almost |around )?$")
_SURVEYED_AFTER = re.compile(r"(?:\s+of (?:land|territory))?\s+"
                             r"(?:(?:have|has|had) been|were|was)\s+"
                             r"(?:\w+\s+)?(?:surveyed|assessed|inspected)\b"
                             r"(?!\s+and\s+(?:cleared|demined|released))")


def _surveyed(clause: str, land: Count) -> bool:
    """Whether the ``land`` a clause counts was looked at, not cleared."""
    return _SURVEYED_BEFORE.search(clause, max(0, land.start - 30), land.start) is not None or \
        _SURVEYED_AFTER.match(clause, land.noun_end) is not None


def _read_numbers(draft: Draft, clause: str, rules: EventRules) -> list[Count]:
    """The figures of ``clause`` put into the draft's event; the counts read, in text order."""
    event = draft.event
    if "\n" in clause:
        clause = _figures_first(clause)
    for war in _WAR_DEAD_CLAUSE.finditer(lower(clause)) if " which " in clause else ():
        # (not the dead of a war it names: "..., during which 207 soldiers were killed")
        clause = clause[:war.start()] + " " * (war.end() - war.start()) + clause[war.end():]
    counts = _counts(clause, rules, _date_spans(clause))
    by_kind: dict[str, list[Count]] = {}
    for count in counts:
        by_kind.setdefault(count.kind, []).append(count)

    def first(kind: str) -> Count | None:
        return by_kind.get(kind, [None])[0]

    if event.event_type in ("mine_incident", "casualty_total"):
        for name, (value, qualifier) in _people_harmed(clause, counts).items():
            _set(event, name, value, qualifier)
    if event.event_subtype == "prisoner_transfer" and (freed := by_kind.get("prisoners")):
        # both sides' ("Armenia released two Azerbaijani servicemen and Azerbaijan 32
        # Armenian servicemen", "the release of 32 Armenian and two Azerbaijani
        # servicemen"): all the exchange freed
        freed = [*(a for a, b in zip(counts, counts[1:], strict=False)
                   if a.kind == "bare" and b.kind == "prisoners" and
                   _SIDE_AND.fullmatch(clause, a.end, b.start)), *freed]
        _set(event, "prisoners", int(sum(c.value for c in freed)), freed[0].qualifier)
    if event.event_type == "map_handover":
        mines = first("mines") or first("anti_tank") or first("anti_personnel")
        if mines and mines.value >= rules.minimum_mines_on_maps:
            _set(event, "mines", int(mines.value), mines.qualifier)
        prisoners = first("prisoners") or next(
            (c for c in by_kind.get("people", ()) if _FREED_BEFORE.search(clause, 0, c.start)
             or _FREED_AFTER.match(clause, c.noun_end)), None)
        if prisoners:
            _set(event, "prisoners", int(prisoners.value), prisoners.qualifier)
        maps = first("maps")
        if maps:
            event.details["maps"] = int(maps.value)
    if event.event_type == "clearance_report":
        ap, at = first("anti_personnel"), first("anti_tank")
        if ap:
            event.details["anti_personnel"] = int(ap.value)
        if at:
            event.details["anti_tank"] = int(at.value)
        if ap or at:
            _set(event, "mines", int((ap.value if ap else 0) + (at.value if at else 0)), None)
        elif first("mines"):
            _set(event, "mines", int(first("mines").value), first("mines").qualifier)
        if first("uxo"):
            # "40 unexploded cluster submunitions and 12 artillery shells": 52 in all
            joined = _joined_run(clause, by_kind["uxo"])
            _set(event, "uxo", int(sum(c.value for c in joined)), joined[0].qualifier)
        # ("surveyed 1,100 hectares ... and cleared about 56 hectares": the 56 cleared)
        land = by_kind.get("hectares", [])
        cleared = [c for c in land if not _surveyed(clause, c)]
        if cleared:
            _set(event, "hectares", float(cleared[0].value), cleared[0].qualifier)
        elif not land and (area := first("square_km") or first("square_m")):
            # "1,000 square kilometres" is 100,000 ha; the figure as written in details
            event.details[area.kind] = area.value if area.value % 1 else int(area.value)
            _set(event, "hectares", round(area.value * _HECTARES_IN[area.kind], 4),
                 area.qualifier)
        if items := first("items"):
            event.details["mines_and_uxo"] = int(items.value)
            if items.qualifier:  # "more than 1,000 items of explosive ordnance"
                event.qualifiers.setdefault("mines_and_uxo", items.qualifier)
    return counts


# "Baku freed another 15 Armenians": people set free for maps are prisoners, whatever
# the noun
_FREED_BEFORE = re.compile(r"\b(?:freed|released|repatriated|returned)\s+(?:another\s+|a "
                           r"further\s+)?$", _FLAGS)
# ... or after them: "and another 15 Armenians were freed"
_FREED_AFTER = re.compile(r"\s+(?:were|have been|had been)\s+(?:freed|released|repatriated|"
                          r"returned|handed over)\b", _FLAGS)


#: hectares in one unit of land cleared
_HECTARES_IN = {"square_km": 100, "square_m": 0.0001}


def _set(event: Event, name: str, value: float, qualifier: str | None) -> None:
    if getattr(event, name) is None:
        setattr(event, name, value)
        if qualifier:
            event.qualifiers[name] = qualifier


# What is given in exchange when it is the maps: "in exchange for (the) maps of ..."
_MAPS_FIRST = re.compile(r"(?:the )?(?:[\w-]+ )?(?:(?:mine|minefield) )?maps?\b", _FLAGS)
# what the maps were given for, up to the end of the clause or who helped ("in exchange for
# 15 detainees with the participation of Georgia's prime minister")
_IN_EXCHANGE_FOR = re.compile(r"in (?:exchange|return) for (.+?)(?:[,;](?!\d)|\.(?!\d)|$|"
                              r"(?=\s+(?:with|through|via|under) the (?:participation|mediation|"
                              r"help|assistance|support|auspices)\b))", _FLAGS)


def _read_details(draft: Draft, clause: str, rules: EventRules, counts: list[Count]) -> None:
    details, event_type = draft.event.details, draft.event.event_type
    lowered = lower(clause)
    # each pattern runs only for the events whose details it gives
    if event_type == "mine_incident" and draft.event.killed is None:
        # "... who was injured has died in hospital" (but not one the clause counts among
        # its dead: "Two men were wounded ..., one of whom later died in hospital", "One of
        # the two brothers injured ... has died")
        _died_later(draft, lowered)
    _read_victims_and_mines(draft.event, lowered, rules)
    if event_type == "map_handover":
        _read_mediator(draft.event, clause, lowered, rules)
        exchange = _IN_EXCHANGE_FOR.search(clause)
        prisoners = _first_prisoners(counts)
        freed = next((c for c in counts if c.kind in ("prisoners", "people") and
                      c.start < exchange.start()), None) if exchange else None
        if exchange and freed and _MAPS_FIRST.match(exchange.group(1)):
            # "freed 15 Armenians in exchange for maps of minefields": the maps' price is
            # the people before it
            details["exchanged_for"] = clause[freed.start:freed.noun_end].strip()
        elif exchange:
            details["exchanged_for"] = _given_for_maps(clause, exchange.group(1).strip(),
                                                       counts)
        elif prisoners and _EXCHANGE.search(clause, 0, prisoners.start):
            # "... maps of mines in Fuzuli, and Baku in return freed 15 Armenian detainees"
            details["exchanged_for"] = clause[prisoners.start:prisoners.noun_end].strip()


def _read_victims_and_mines(event: Event, lowered: str, rules: EventRules) -> None:
    """Who the victims of an incident were and what mines, as a clause in lower case
    says, where the event has not yet been told."""
    if event.event_type == "mine_incident" and \
            (victims := [name for name, p in rules.victims.items() if p.search(lowered)]):
        event.details.setdefault("victims", ", ".join(victims))
    if event.event_type in ("mine_incident", "map_handover") and \
            (types := [name for name, p in rules.mine_types.items() if p.search(lowered)]):
        event.details.setdefault("mine_type", ", ".join(types))


# "This was reported by Sputnik Azerbaijan, citing ...": who told the event before
_SOURCE_OF_PREVIOUS = re.compile(r"(?:this|that|it) (?:was|has been|is) (?:reported|announced|"
                                 r"stated|said|confirmed)\b")


def _tells_more_of_harmed(draft: Draft, index: int, lowered: str, rules: EventRules) -> bool:
    """Whether sentence ``index`` (``lowered``: in lower case), right after an incident,
    tells more of whom it harmed ("His condition is stable, the agency said")."""
    return draft.event.event_type == "mine_incident" and draft.told_last == index - 1 and \
        rules.harmed_again.match(lowered) is not None


def _add_mediator_to_previous(event: Event, text: str, lowered: str,
                              rules: EventRules) -> None:
    """"The exchange was carried out with the mediation of Georgia": who mediated the
    handover told just before."""
    if event.event_type == "map_handover" and "mediator" not in event.details:
        _read_mediator(event, text, lowered, rules)


def _of_another_time(text: str, draft: Draft, doc: Document) -> bool:
    """Whether ``text`` names a time of its own other than the event's: "Last month, a
    14-year-old boy was injured ..." after a total since 1994 tells of no victims of the
    total's."""
    period = read_period(text, doc.published)
    return period is not None and period[:2] != draft.period[:2]


def _date_handover_by(draft: Draft, text: str, published: date | None) -> None:
    """"The exchange took place on July 3", "the maps had been passed ... on Friday": the
    day of a handover told just before, undated or dated by the day it was told."""
    e = draft.event
    if e.event_type != "map_handover" or \
            not (_HANDOVER_TOOK_PLACE.search(text) or _MAPS_PASSED.search(text)) or \
            _FOLLOWING.search(text):
        return  # (not "following the meeting of the leaders on November 26")
    period = read_period(text, published)
    if period and (not draft.dated or (period[2] == e.time_precision == "day" and
                                       e.date_start and period[0] <= e.date_start)):
        draft.take_period(period)


def _read_mediator(event: Event, text: str, lowered: str, rules: EventRules) -> None:
    """Who mediated a handover, as ``text`` (``lowered`` in lower case) names them."""
    mediator = rules.mediator.search(lowered) \
        if holds_one_of(lowered, rules.mediator_hints) else None
    if mediator:  # the name as written: same offsets in the text
        group = mediator.lastindex or 0  # the one of its alternatives that matched
        # (the pattern runs in lower case: words before the name that it took for part of
        # the name, "was carried out with Russia's mediation", are left out)
        name = _LOWER_CASE_WORDS_BEFORE.sub("", text[mediator.start(group):mediator.end(group)])
        event.details["mediator"] = name.strip()
    elif (" mediation" in lowered or "-brokered" in lowered) and \
            (adjective := rules.mediator_adjective.search(lowered)):  # "with Russian mediation"
        event.details["mediator"] = rules.mediator_of_adjective[adjective.group(
            adjective.lastindex or 0)]


# Words in lower case that begin a name as matched ("was carried out with Russia")
_LOWER_CASE_WORDS_BEFORE = re.compile(r"^(?:[a-z][\w'’-]*\s+)+(?=[A-Z])")


def _given_for_maps(clause: str, exchanged_for: str, counts: list[Count]) -> str:
    """What the maps were given for: what "in exchange for" names, unless that is the maps
    ("handed over 15 prisoners in exchange for a map of 97,000 mines", "in exchange for
    which Armenia provided maps"): then the prisoners among the clause's ``counts``."""
    if not exchanged_for.startswith("which") and "map" not in exchanged_for.lower():
        return exchanged_for
    prisoners = _first_prisoners(counts)
    return clause[prisoners.start:prisoners.noun_end].strip() if prisoners else exchanged_for


def _first_prisoners(counts: list[Count]) -> Count | None:
    """The first count of prisoners among ``counts``, if any."""
    return next((c for c in counts if c.kind == "prisoners"), None)


_NEGATION = re.compile(r"\b(?:not|never|no|yet to)\b|n't\b", _FLAGS)
_EXCHANGE = re.compile(r"\b(?:in exchange|in return|exchanged|in turn|in response)\b", _FLAGS)


def _exchange_for_previous(drafts: list[Draft], index: int, text: str,
                           rules: EventRules) -> bool:
    """"In exchange, Azerbaijan handed over 15 Armenian detainees", "Azerbaijan, in turn,
    handed over 10 Armenian servicemen": the prisoners a map handover right before was
    exchanged for; whether the sentence told them."""
    if not drafts or index - drafts[-1].sentence > 2 or not _EXCHANGE.search(text) or \
            _NEGATION.search(text) or any(m.day or m.month for m in find_dates(text)):
        return False  # "has not released ...", or a release of another day
    event = drafts[-1].event
    prisoners = _first_prisoners(_counts(text, rules, _date_spans(text)))
    if event.event_type != "map_handover" or event.prisoners is not None or not prisoners:
        return False
    _set(event, "prisoners", int(prisoners.value), prisoners.qualifier)
    event.details.setdefault("exchanged_for", text[prisoners.start:prisoners.noun_end].strip())
    return True


def _add_districts_to_previous(drafts: list[Draft], index: int, sentence: Sentence,
                               mentions: InTextOrder[Mention]) -> None:
    """"The operations covered areas such as Tartar, Aghdara, Kalbajar …", "The maps cover
    mines laid in the Fuzuli and Zangilan districts": districts named right after a
    clearance report or a map handover placed only at a region or country, or nowhere,
    say where it was."""
    if not drafts or index - drafts[-1].told_last > 2:
        return
    event = drafts[-1].event
    if event.event_type not in ("clearance_report", "map_handover") or \
            any(p.kind not in _COARSE for p in event.places) or \
            drafts[-1].retold_in == index - 1 or _COUNTRY_WIDE.search(event.quote):
        # (not the rest of a breakdown by place told right before: "By district, the
        # largest area was cleared in Aghdam (...). The remaining operations were
        # conducted in Tartar, Kalbajar ..."; nor the districts of a count told as the
        # whole country's: "... had cleared 155,000 hectares across Azerbaijan since 2020.
        # The agency's teams are currently working in Fuzuli and Zangilan")
        return
    _take_listed_districts(event, sentence, mentions)


_COUNTRY_WIDE = re.compile(r"\b(?:across|throughout|all over) (?:the country|[A-Z][\w'’-]+)\b|"
                           r"\bnationwide\b|\bcountrywide\b")


def _take_listed_districts(event: Event, sentence: Sentence,
                           mentions: InTextOrder[Mention]) -> None:
    """Place ``event`` at the districts ``sentence`` lists, if it lists some."""
    places = list({m.place.id: m.place
                   for m in mentions.within(sentence.start, sentence.end)
                   if m.resolved and m.place
                   and m.place.kind in ("district", "city") and m.place.district}.values())
    if len(places) >= 2:  # a list of districts, not a passing mention of one town
        event.places, event.place_names = places, [p.name for p in places]


_CIVILIANS = re.compile(r"\bcivilians?\b", _FLAGS)
# Those harmed told of again: "The soldier was wounded", "He was injured"
_TOLD_AGAIN = re.compile(r"(?:(?:The|This|That) [a-z]+(?: [a-z]+)?|He|She|They|Both)"
                         r"(?:,[^,]{1,40},)? (?:was|were|had been|has been|have been)\b")
# (but not "The plot was used for years without incident")
_RETOLD_INCIDENT = re.compile(r"\b(?<!without )(?:incident|explosion|blast|exploded|detonated|"
                              r"went off)\b", _FLAGS)
_TOOK_PLACE = re.compile(r"\b(?:incident|explosion|blast)\s+(?:took place|occurred|happened)\b",
                         _FLAGS)
_HANDOVER_TOOK_PLACE = re.compile(r"\b(?:exchange|handover|hand-over|transfer|handing over)\s+"
                                  r"(?:took place|was carried out|happened|occurred|was held)\b",
                                  _FLAGS)
_MAPS_PASSED = re.compile(r"\bmaps?\b[^.;]{0,30}\b(?:had been|have been|were|was)\s+"
                         r"(?:passed|handed over|transferred|delivered|submitted|given)\b", _FLAGS)
_FOLLOWING = re.compile(r"\b(?:following|after) the\b", _FLAGS)
_RETOLD_CLEARANCE = re.compile(r"\b(?:cleared|clearance)\b", _FLAGS)


# A line that marks what follows as news added to a report: "UPDATED", "Update (18:40):"
_UPDATE_LINE = re.compile(r"\s*\(?(?:updated?|added|developing)\b[^a-z]{0,20}")
# Figures that replace those told before: "According to the latest information, two
# people were injured in the explosion"
_LATEST = re.compile(r"\b(?:according to (?:the )?(?:latest|updated|new|later|fresh) "
                     r"(?:information|data|reports?)|(?:latest|updated) "
                     r"(?:information|data|reports?) (?:says?|said|shows?|showed|indicates?)|"
                     r"it (?:later|has since|has now) "
                     r"(?:emerged|become known|turned out))\b")


def _add_harm(draft: Draft, text: str, lowered: str, doc: Document,
              rules: EventRules) -> dict[str, tuple[int, str | None]]:
    """Add to an incident or a total the harm a sentence after it tells (``lowered``: in
    lower case); the harm the sentence counts."""
    event = draft.event
    if event.event_type not in ("mine_incident", "casualty_total") or \
            not (_harm_in(lowered) or _NO_ONE_HARMED.search(lowered)) or _of_the_war(lowered) or \
            _harm_of_war_not_mines(lowered, rules) or \
            (event.event_type == "casualty_total" and (
                _of_another_time(text, draft, doc) or
                # ("Among the injured were three children": some of the total's injured)
                (lowered.startswith("among the ") and event.casualties is not None))):
        return {}
    counts = _counts(text, rules, _date_spans(text))
    # "Of them, 45 were civilians" (but not "32 civilians killed, 7 servicemen killed": the
    # totals)
    civilians = event.event_type == "casualty_total" and \
        _CIVILIANS.search(text) and not rules.victims["servicemen"].search(lowered)
    died_later = event.injured and _DIED_LATER.search(lowered)
    harmed = _people_harmed(text, counts)
    if event.event_type == "mine_incident" and \
            any(value > rules.most_harmed_in_one_incident for value, _ in harmed.values()):
        return {}  # ("Azerbaijan reported 80 dead": not of the incident told before)
    if "killed" in harmed and not civilians and _an_update(event) and \
            _take_the_latest_toll(event, event.killed, *(
                harmed.get(name, (None,))[0] for name in ("killed", "injured", "casualties"))):
        return harmed  # the incident as first told, after its latest toll
    if "killed" in harmed and event.event_type == "mine_incident" and \
            _tells_the_toll_now(lowered) and _take_the_latest_toll(
                event, harmed["killed"][0], event.killed, event.injured, event.casualties):
        return harmed  # "Sahakyan's death brings the toll of the November 1 incident to two"
    latest = _LATEST.search(lowered) if "late" in lowered or "updated" in lowered or \
        "emerged" in lowered or "turned out" in lowered else None
    if latest and harmed and not civilians:
        # the latest figures, not the first told: what they leave out is recounted
        for name in ("killed", "injured", "casualties"):
            setattr(event, name, None)
            event.qualifiers.pop(name, None)
    for name, (value, qualifier) in harmed.items():
        if name == "killed" and died_later:
            continue  # "One of them later died in hospital": one of the injured
        if name == "injured" and draft.died_since and _FIRST_TOLD.search(lowered):
            # "Initially, three people were reported injured": less those who died since
            value = value - draft.died_since
            if value <= 0:
                continue
        if civilians:
            event.details[f"civilians_{name}"] = value
        else:
            _set(event, name, value, qualifier)
    return harmed


def _add_to_previous(drafts: list[Draft], index: int, sentence: Sentence, lowered: str,
                     doc: Document, mentions: InTextOrder[Mention], rules: EventRules,
                     retold: bool = False) -> None:
    """A sentence with no trigger of its own (``lowered``: in lower case), or one that
    tells the incident before it again (``retold``, see :func:`_retells_incident`), may
    finish the event right before it: "A local official also died and four people were
    injured", "In this period, the agency cleared 2,763.5 hectares", "this incident
    occurred on Wednesday"."""
    if not drafts or index - drafts[-1].told_last > 2 or _tells_of_another(sentence.text):
        return  # "In another incident, ...": nothing of the one before
    draft = drafts[-1]
    event = draft.event
    text = sentence.text
    # (harm on a day of its own is another's: "In one of the deadliest, two soldiers were
    # killed ... on December 26" after an incident of June)
    if event.event_type == "mine_incident" and draft.dated and event.date_start and \
            _HARM_VERB.search(lowered) and not _tells_a_later_death(lowered) and \
            (day := read_period(text, doc.published)) and day[2] == "day" and \
            not event.date_start <= day[0] <= (event.date_end or event.date_start):
        return
    # (of a total's injured, counted: "300 people have been injured by mines. Forty of them
    # later died")
    later_death = _tells_a_later_death(lowered) and (
        event.event_type == "mine_incident" or (
            event.event_type == "casualty_total" and event.injured is not None and
            (found := _DIED_LATER.search(lowered)) is not None and found.group("some")))
    # (one who died since, whom a toll that has risen counts, is counted no more)
    update = later_death and event.killed is not None and _an_update(event)
    harmed = {} if update else _add_harm(draft, text, lowered, doc, rules)
    if harmed and event.event_type == "mine_incident":
        # who tells its harm tells of it: "A truck hit an anti-tank mine ... One worker was
        # killed, according to the Prosecutor General's Office"
        draft.speakers.append(index)
    # (not one the sentence counts among its injured: "nine were injured, one of whom died")
    if later_death and not update and not {"killed", "injured"} <= harmed.keys():
        _died_later(draft, lowered)
    if retold:
        _read_victims_and_mines(event, lowered, rules)
        # its telling goes on here: "As reported earlier, a pickup truck ... hit an
        # anti-tank mine. Two of them ... died at the scene, while three others were injured"
        draft.retold_in = index
    if event.event_type == "mine_incident" and not draft.dated and not later_death and \
            _TOLD_AGAIN.match(text) and _HARM_VERB.search(lowered) and \
            (period := read_period(text, doc.published)) and period[2] == "day":
        # "An Armenian conscript has been seriously injured ... The soldier was wounded on
        # Monday evening": the day of the harm told first without one
        draft.take_period(period)
    if event.event_type == "mine_incident" and (retold or _RETOLD_INCIDENT.search(text)):
        # "The incident took place on Thursday" after "... media reported on Friday"; but
        # not the day one of its injured died ("died in hospital last night")
        told_when = _TOOK_PLACE.search(text) is not None
        period = read_period(text, doc.published) \
            if (not draft.dated or told_when) and not later_death else None
        if period and (not draft.dated or (period[2] == "day" and event.date_start and
                                           period[0] <= event.date_start)):
            draft.take_period(period)
        draft.speakers.append(index)  # "The incident took place ..., the ministry said"
        _narrow_places(event, _places_in(doc.text, sentence.start, sentence.end, mentions,
                                         _NO_AREAS, rules), told_where=told_when)
    if event.event_type == "clearance_report" and (
            _RETOLD_CLEARANCE.search(text) or
            # its mines by type: "Of these, 31 were anti-personnel and 12 anti-tank mines"
            "anti-" in lowered and rules.share_of_report.search(lowered)):
        _read_numbers(draft, text, rules)
    if event.event_type == "map_handover" and (rules.mine_count_hints is None or
                                               holds_one_of(lowered, rules.mine_count_hints)):
        recent = [d.event for d in _drafts_since(drafts, index - 2)
                  if d.event.event_type == "map_handover"]
        for count in _counts(text, rules, []):
            if count.kind != "mines" or count.value < rules.minimum_mines_on_maps:
                continue
            # "97,000 mines in Aghdam and 92,000 mines in Fuzuli": the place after the
            # figure says which handover it belongs to.
            after = text[count.noun_end:count.noun_end + 40]
            named = [(after.find(name), e) for e in recent if e.mines is None
                     for name in e.place_names if name in after]
            target = min(named, key=lambda pe: pe[0])[1] if named else None
            if target is None and len(recent) == 1 and recent[0].mines is None:
                target = recent[0]
            if target is not None:
                _set(target, "mines", int(count.value), count.qualifier)


def _narrow_places(event: Event, named: list[Place], told_where: bool = False) -> None:
    """"The incident happened near the village of Sotk": places a sentence retelling an
    incident names inside the incident's own (a village of its province) say where it was;
    for an incident placed nowhere, any but a region or a country does. Where the sentence
    tells where it took place (``told_where``), so does a place of the same district ("...
    a resident of Shelli village, died. The incident occurred in Khidirli village")."""
    inside = [p for p in named if any(_lies_in(p, area) or (
        told_where and p.kind not in _COARSE and area.kind not in _COARSE and
        p.district is not None and p.district == area.district) for area in event.places)] \
        if event.places else [p for p in named if p.kind not in _COARSE]
    if inside:
        event.places, event.place_names = inside, [p.name for p in inside]


def _lies_in(place: Place, area: Place) -> bool:
    """Whether ``place`` is a smaller place inside ``area``, as far as the gazetteer says:
    in its country, its district, or its province (for a region, the seat's unit)."""
    if _KIND_RANK.get(place.kind, 4) >= _KIND_RANK.get(area.kind, 4):
        return False
    if area.kind == "country":
        return place.country == area.country
    if area.kind == "district":
        return place.district is not None and place.district == area.district
    return place.country == area.country and place.admin1 == area.admin1


def _drafts_since(drafts: list[Draft], sentence: int) -> list[Draft]:
    """The drafts of ``sentence`` and later ones: the end of ``drafts``, which are in the
    order of their sentences, looked for from the end (a long report has thousands)."""
    first = len(drafts)
    while first and drafts[first - 1].sentence >= sentence:
        first -= 1
    return drafts[first:]


def _compatible(a: Draft, b: Draft) -> bool:
    ea, eb = a.event, b.event
    if ea.event_type != eb.event_type:
        return False
    if ea.event_subtype != eb.event_subtype:
        return False
    if a.dated and b.dated and (ea.date_start, ea.date_end) != (eb.date_start, eb.date_end) \
            and not _nearly_the_same_span(ea, eb) and not _told_after(a, b) \
            and not _told_after(b, a) \
            and (ea.event_type in _COUNTS_OVER_A_PERIOD or not (_holds(a, b) or _holds(b, a))):
        return False  # December's clearance is a part of the year's, not the year's report
    # Places decide only when both sides name districts or finer places: a region or a
    # country ("the liberated territories") may hold the other side's districts.
    districts_a = {p.district or p.id for p in ea.places if p.kind not in _COARSE}
    districts_b = {p.district or p.id for p in eb.places if p.kind not in _COARSE}
    # (but where one of them is told right after the other, with no day of its own, placed
    # only where the harmed live: "... died in Khojavend district. Deminer ..., a resident
    # of Barda district, sustained fatal injuries")
    told_again_at_home = any(after.at_homes and not after.dated and
                             0 < after.sentence - before.sentence <= 2
                             for before, after in ((a, b), (b, a)))
    if districts_a and districts_b and not districts_a & districts_b and not told_again_at_home:
        return False
    if ea.event_type == "mine_incident" and not districts_a and not districts_b and \
            _in_other_regions(ea.places, eb.places):
        return False  # "... in Tavush province. A soldier was wounded ... in Syunik province"
    if ea.event_type in _COUNTS_OVER_A_PERIOD and ea.places and eb.places and (
            not {p.country for p in ea.places} & {p.country for p in eb.places} or
            (ea.event_type == "clearance_report" and
             _one_district_beside_an_area(ea.places, eb.places))):
        # (Armenia's clearance and Georgia's survey told one after the other, Azerbaijan's
        # casualties and Armenia's; the whole region's report and one district's share of
        # it, "In Fuzuli district, 23 anti-tank mines were defused", though the districts it
        # lists are the report's)
        return False
    if a.sentence != b.sentence and (_tells_of_another(ea.quote) or
                                     _tells_of_another(eb.quote)):
        return False  # "In another incident on the same day, ...": not the one before
    if ea.event_type == "mine_incident" and not b.dated:
        # an undated sentence right after an incident retells it ("A cameraman … and a
        # correspondent … were killed"): it only fills in what the first one lacks
        return True
    if _an_update(ea) != _an_update(eb):
        # "The death toll ... has risen to two. ... As previously reported, on June 2,
        # ... The driver died on the spot": the incident's latest toll and its first
        update, told = (ea, eb) if _an_update(ea) else (eb, ea)
        return told.killed is None or (update.killed or 0) >= told.killed
    for name in ("killed", "injured", "casualties", "mines", "uxo", "hectares", "prisoners"):
        va, vb = getattr(ea, name), getattr(eb, name)
        if va is not None and vb is not None and va != vb:
            return False
    # mines and UXO counted together hold no fewer than those counted apart: "found another
    # three items of ordnance" is no part of "9,700 mines and 47,000 items of unexploded
    # ordnance", though "1,356 explosive items" may hold "412 anti-personnel mines"
    together_a, together_b = ea.details.get("mines_and_uxo"), eb.details.get("mines_and_uxo")
    if together_a is not None and together_b is not None:
        return together_a == together_b
    (together, told), apart = ((together_a, ea), eb) if together_a is not None \
        else ((together_b, eb), ea)
    # (a hedged count, "over 7,000", as near as it says)
    return together is None or "mines_and_uxo" in told.qualifiers or \
        together >= (apart.mines or 0) + (apart.uxo or 0)


def _in_other_regions(places_a: list[Place], places_b: list[Place]) -> bool:
    """Whether both sides are placed only in regions of a country whose regions hold none
    of each other (the place rules' ``disjoint_regions_in``), none of them the same."""
    disjoint_in = place_rules().disjoint_regions_in
    regions_a, regions_b = ({p.id for p in places if p.kind == "region"}
                            for places in (places_a, places_b))
    return bool(regions_a and regions_b) and not regions_a & regions_b and all(
        p.kind == "region" and p.country in disjoint_in for p in (*places_a, *places_b))


def _one_district_beside_an_area(places_a: list[Place], places_b: list[Place]) -> bool:
    """Whether one side names one district alone and the other only wider areas."""
    return any(len(one) == 1 and one[0].kind == "district" and
               all(p.kind in _COARSE for p in other)
               for one, other in ((places_a, places_b), (places_b, places_a)))


_ANOTHER_ONE = re.compile(r"\b(?:another|a separate|a second|a further|a different|"
                          r"the (?:second|third|fourth|fifth|next|latest)) "
                          r"(?:incident|explosion|blast|case)\b", _FLAGS)
# What a text that tells of another incident holds, whatever the case of its first letter
_ANOTHER_HINTS = ("nother ", " separate ", " second ", " further ", " different ", " third ",
                  " fourth ", " fifth ", " next ", " latest ")


# a blast of the same incident, harming those who came to help: "Two rescuers were
# injured by a second explosion"
_A_SECOND_BLAST_OF_IT = re.compile(r"\b(?:by|in|from) a (?:second|further) (?:explosion|blast)\b",
                                   _FLAGS)


def _tells_of_another(text: str) -> bool:
    """Whether ``text`` tells of an incident other than the one before ("In a separate
    incident, ..."), not of one more blast of it on no day of its own ("Two rescuers were
    injured by a second explosion")."""
    another = _search_if(_ANOTHER_ONE, text, text, *_ANOTHER_HINTS)
    return another is not None and not (
        _A_SECOND_BLAST_OF_IT.search(text, max(0, another.start() - 6), another.end()) and
        not _names_a_day(text))


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# Events whose figures are counted over their period: two periods, two counts.
_COUNTS_OVER_A_PERIOD = ("clearance_report", "casualty_total")
_COARSE = ("country", "region")


def _nearly_the_same_span(a: Event, b: Event) -> bool:
    """Whether two spans of days tell one week or so: "last week" (Monday to Sunday) and
    "from March 10 to 15" (Monday to Saturday)."""
    if not (a.date_start and a.date_end and b.date_start and b.date_end) or \
            a.date_start == a.date_end or b.date_start == b.date_end:
        return False
    return abs((a.date_start - b.date_start).days) <= 1 and \
        abs((a.date_end - b.date_end).days) <= 2


def _narrower(a: Event, b: Event) -> bool:
    """Whether ``a`` tells nearly the span of ``b`` (see :func:`_nearly_the_same_span`),
    but shorter: "from May 16 to 21" rather than "over the past week"."""
    return _nearly_the_same_span(a, b) and a.date_end - a.date_start < b.date_end - b.date_start


def _within(coarse: Event, fine: Event) -> bool:
    """Whether an event's period holds a finer one's: a year or a month ("in 2020" and
    "from February 21 to 26" may tell the same thing), or days ("last week" and "on May
    9")."""
    if not (coarse.date_start and coarse.date_end and fine.date_start and fine.date_end
            and coarse.date_start <= fine.date_start and fine.date_end <= coarse.date_end):
        return False
    rank, fine_rank = (_PRECISION_RANK.get(e.time_precision, 0) for e in (coarse, fine))
    return rank > fine_rank or (rank == fine_rank and coarse.date_end - coarse.date_start >
                                fine.date_end - fine.date_start)


def _without_totals_told_again(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without a casualty total told again further on, over the same period
    with the same count ("The number of victims ... has reached 300, officials reported",
    then "In total, since 10 November 2020, 300 people have become victims of mines,
    including 59 killed, ANAMA stated"): folded into the first telling."""
    kept: list[Draft] = []
    totals: dict[tuple, Draft] = {}  # the totals kept, by period and count
    for draft in drafts:
        e = draft.event
        key = (draft.period, e.casualties)
        first = totals.get(key) if e.event_type == "casualty_total" and e.casualties else None
        if first is not None and _compatible(first, draft):
            _absorb(first, draft)
            continue
        kept.append(draft)
        if e.event_type == "casualty_total" and e.casualties:
            totals.setdefault(key, draft)
    return kept


def _holds(coarse: Draft, fine: Draft) -> bool:
    """Whether the period of ``coarse`` holds that of ``fine`` as the same event's may: a
    year or a month a finer one, days a day only as a lead and the account after it ("who
    was injured in a landmine explosion last week, has died ... Mammadov was injured on
    May 9"), not another told as well ("Last week, ... was also injured")."""
    c, f = coarse.event, fine.event
    return _within(c, f) and (c.time_precision != f.time_precision or (
        coarse.sentence < fine.sentence and " also " not in c.quote + f.quote))


# How long after an incident the day it was told may be
_TOLD_WITHIN = timedelta(days=7)


def _told_after(told: Draft, dated: Draft) -> bool:
    """Whether an incident dated only by the day it was told may be one the other, dated by
    its own day, tells: a day at most a week before ("... told Trend on Monday" and "at
    about 16:40 on 7 May, soldier Elvin Mammadli was injured")."""
    day, other = told.event.date_start, dated.event.date_start
    return told.told_on and not dated.told_on and day is not None and other is not None and \
        timedelta(0) <= day - other <= _TOLD_WITHIN


def _fold_within(drafts: list[Draft],
                 told_by_others: Callable[[Draft, Draft], bool]) -> list[Draft]:
    """Fold drafts of one document that tell the same event: an undated or less
    specific one into the nearest compatible one (within three sentences), unless the
    two are claims of different sources (``told_by_others``)."""
    # The drafts kept, in the order of their sentences (those of one sentence in the
    # order they were kept): the ones near a draft are found by bisection, since a long
    # report has thousands of drafts.
    kept: list[Draft] = []
    sentences: list[int] = []
    for draft in sorted(drafts, key=lambda d: (not d.dated, d.sentence)):
        near = kept[bisect_left(sentences, draft.sentence - 3):
                    bisect_right(sentences, draft.sentence + 3)]
        partners = [k for k in near if _compatible(k, draft) and not told_by_others(k, draft)]
        if partners:
            target = min(partners, key=lambda k: (abs(k.sentence - draft.sentence),
                                                  k.sentence > draft.sentence))
            _absorb(target, draft)
        else:
            at = bisect_right(sentences, draft.sentence)
            sentences.insert(at, draft.sentence)
            kept.insert(at, draft)
    return kept


def _absorb(target: Draft, other: Draft) -> None:
    t, o = target.event, other.event
    # ("casualties" alone: harmed, not told how, as "was blown up" or "stepped on a mine")
    told_how = t.killed is not None or t.injured is not None
    harmed = told_how or t.casualties is not None
    # an incident told before and an update of it, in either order
    update = (o if _an_update(o) else t) if _an_update(o) != _an_update(t) else None
    told = (t if update is o else o) if update else None
    first_toll = (told.killed, told.injured, told.casualties) if told else None
    for name in ("killed", "injured", "casualties", "mines", "uxo", "hectares", "prisoners"):
        if getattr(t, name) is None and getattr(o, name) is not None:
            value = getattr(o, name)
            if name == "injured" and target.died_since:
                # (less those of its injured it has counted as dead since)
                value = max(value - target.died_since, 0) or None
            _set(t, name, value, o.qualifiers.get(name))
    if target.died_since and o.killed is not None and t.killed is not None:
        # the dead the other was first told with, and those who died since
        t.killed = max(t.killed, o.killed - other.died_since + target.died_since)
    if update is not None and first_toll is not None:
        _take_the_latest_toll(t, update.killed, *first_toll)
    if o.places and (not t.places or _specificity(o.places) < _specificity(t.places)):
        t.places, t.place_names = o.places, o.place_names
    if other.dated and (not target.dated or _within(t, o) or _narrower(o, t) or
                        _told_after(target, other)):
        target.take_period(other.period)
    for key, value in o.details.items():
        t.details.setdefault(key, value)
    target.speakers += other.speakers
    target.teller = target.teller or other.teller
    if (not harmed and (o.killed or o.injured or o.casualties)) or \
            (not told_how and t.event_type == "mine_incident" and (o.killed or o.injured)):
        t.quote = o.quote  # the words that say who was harmed, and how


def _specificity(places: list[Place]) -> int:
    return min(_KIND_RANK.get(p.kind, 4) + (1 if p.point_basis == "district" else 0)
               for p in places)


def _is_event(draft: Draft) -> bool:
    e = draft.event
    if e.event_type == "mine_incident":
        return e.killed is not None or e.injured is not None or e.casualties is not None
    if e.event_type == "casualty_total":
        return e.casualties is not None or e.killed is not None or e.injured is not None
    if e.event_type == "clearance_report":
        return any(v is not None for v in (e.mines, e.uxo, e.hectares)) or \
            "mines_and_uxo" in e.details
    if e.event_type == "map_handover":
        return draft.dated or bool(e.places) or e.prisoners is not None or e.mines is not None
    return draft.dated  # context events are kept only with a date of their own


def _the_publisher(who: str, publisher: str) -> bool:
    """Whether a speaker is the outlet that published the report (``publisher``: its byline,
    "Akbar Novruz, Azernews"), or its bureau or correspondent ("APA's Karabakh bureau")."""
    said = who.lower()
    return any(said == name or said.startswith((f"{name}'s ", f"{name}’s "))
               for name in (part.strip() for part in publisher.lower().split(",")) if name)


def _finish(draft: Draft, speaker_of: Callable[[int], str | None],
            source_of_report: Callable[[Draft], str | None], publisher: str) -> Event:
    """The event of ``draft``, its speaker read: that of the sentences that tell it, or
    else whom the report's lead cites for it, if anyone; the ``publisher`` itself ("...,
    Oxu.az reports") only where its sentences cite nobody else ("According to the Ministry
    of Internal Affairs, the incident took place ...")."""
    e = draft.event
    if e.attributed_to is None:
        told = (who for who in map(speaker_of, draft.speakers) if who)
        first = None  # (the speakers are read only up to the first that is not the publisher)
        for who in told:
            first = first or who
            if not _the_publisher(who, publisher):
                first = who
                break
        e.attributed_to = first or draft.teller or source_of_report(draft)
    if e.casualties is None and (e.killed is not None or e.injured is not None):
        e.casualties = (e.killed or 0) + (e.injured or 0)
        # "killed 27 and wounded more than 100": more than 127 in all
        hedges = {e.qualifiers[name] for name in ("killed", "injured") if name in e.qualifiers}
        if len(hedges) == 1:
            e.qualifiers["casualties"] = hedges.pop()
    elif e.event_type == "mine_incident" and e.casualties is not None and \
            (e.killed or 0) + (e.injured or 0) > e.casualties:
        # (an incident harmed no fewer in all than its killed and injured, whichever
        # sentence told fewer; a total keeps the figures its source gives)
        e.casualties = (e.killed or 0) + (e.injured or 0)
    if e.places:
        # (places of several kinds, as districts and a city beside them: the coarsest)
        e.geo_precision = "district" if any(p.point_basis == "district" for p in e.places) \
            else max(e.places, key=lambda p: _KIND_RANK.get(p.kind, 4)).geo_precision
    e.confidence = _confidence(draft)
    e.summary = summarise(e)
    e.event_id = event_id(e)
    return e


def _confidence(draft: Draft) -> float:
    score = 0.5 + (0.15 if draft.dated else 0) + (0.15 if draft.event.places else 0)
    score += 0.1 if draft.event.attributed_to else 0
    return round(min(score, 0.95), 2)


def _number(value: float | None, qualifier: str | None = None) -> str:
    if value is None:
        return "?"
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) and \
        not float(value).is_integer() else f"{int(value):,}"
    return f"{qualifier} {text}" if qualifier else text


def _period(e: Event) -> str:
    if e.date_start is None:
        return "undated"
    if e.date_start == e.date_end:
        return e.date_start.isoformat()
    return f"{e.date_start.isoformat()} to {e.date_end.isoformat() if e.date_end else '?'}"


def _killed_and_injured(e: Event) -> list[str]:
    """"2 killed", "about 5 injured": the figures an event gives, hedged as written."""
    if e.killed == 0 and e.injured == 0:
        return ["no one hurt"]
    return [f"{_number(value, e.qualifiers.get(name))} {name}"
            for name, value in (("killed", e.killed), ("injured", e.injured))
            if value is not None]


def summarise(e: Event) -> str:
    """One line a person can read, wording the figures as the source's claim."""
    where = ", ".join(e.place_names) or "place not stated"
    q = e.qualifiers
    if e.event_type == "mine_incident":
        # harmed, but not told how ("was blown up by a mine")
        harmed = _killed_and_injured(e) or \
            [f"{_number(e.casualties, q.get('casualties'))} killed or injured"]
        what = f"Mine explosion in {where}: " + ", ".join(harmed)
    elif e.event_type == "map_handover":
        verb = "Announced handover of" if e.event_subtype == "announced" else "Handover of"
        maps = f"{e.details['maps']} " if "maps" in e.details else ""
        what = f"{verb} {maps}minefield maps ({where})"
        if e.mines is not None:
            what += f" showing {_number(e.mines, q.get('mines'))} mines"
        if e.prisoners is not None:
            exchange = " in exchange" if "exchanged_for" in e.details else ""
            what += f", {e.prisoners} prisoners handed over{exchange}"
    elif e.event_type == "clearance_report":
        together = e.details.get("mines_and_uxo") if e.mines is None and e.uxo is None else None
        parts = [f"{_number(e.mines, q.get('mines'))} mines" if e.mines is not None else "",
                 f"{_number(e.uxo, q.get('uxo'))} UXO" if e.uxo is not None else "",
                 f"{_number(together, q.get('mines_and_uxo'))} mines and UXO"
                 if together is not None else "",
                 f"{_number(e.hectares, q.get('hectares'))} ha cleared"
                 if e.hectares is not None else ""]
        what = f"Clearance ({where}): " + ", ".join(p for p in parts if p)
    elif e.event_type == "casualty_total":
        harmed = _killed_and_injured(e)
        # "7 injured", not "7 killed or injured, 7 injured"
        alone = len(harmed) == 1 and e.casualties in (e.killed, e.injured)
        parts = [f"{_number(e.casualties, q.get('casualties'))} killed or injured"
                 if e.casualties is not None and not alone else "", *harmed]
        what = "Mine casualties in total: " + ", ".join(p for p in parts if p)
    else:
        what = f"{(e.event_subtype or 'other').replace('_', ' ').capitalize()} ({where})"
        if e.prisoners is not None:
            what += f": {_number(e.prisoners, q.get('prisoners'))} prisoners"
    who = f"according to {e.attributed_to}" if e.attributed_to else "as the article reports"
    return f"{what}, {_period(e)}, {who}"


def event_id(e: Event) -> str:
    """An id that depends on what the event is, not on the order documents came in."""
    key = "|".join([e.event_type, str(e.date_start), str(e.date_end),
                    ";".join(sorted(p.id for p in e.places)), ";".join(sorted(e.sources)),
                    e.quote])
    return f"{e.event_type.split('_')[0]}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"
