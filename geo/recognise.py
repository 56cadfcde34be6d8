"""Recognise place names in a document: gazetteer names, and names the text itself marks
as places ("the village of Mukhtar", "Suarasi village of Lachin district").

Each candidate comes with the cue words around it and, when it is not a place reference
here, the reason it is rejected (an organisation's name, a demonym, a person).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from geo.dates import find_dates
from geo.gazetteer import Gazetteer, is_descriptive
from geo.model import Document, Place
from geo.normalise import ends_with_words, normalise_name
from geo.rules import PlaceRules

# A capitalised name of one to three words ("Ashagi Abdurahmanli").
_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"
# Words that mark the name before them as a place ("Chiragli village", "Kut, a village
# in Gegharkunik"); the first two also the name after them ("the village of Mukhtar").
_AREA_CUES = "district|rayon|region"
_CUES = f"village|settlement|{_AREA_CUES}"
_MARKED_PLACE = re.compile(
    rf"\b(?:(?P<cue_before>village|settlement)s? of (?:the )?(?P<before>{_NAME})"
    rf"(?:,? (?:in )?(?:the )?(?P<district_after>{_NAME}) (?:{_AREA_CUES}|District|Rayon|Region)"
    # "the village of Tsakhkashen, Martakert": a district named after a comma alone, but
    # not the first of a list after the village ("the village of Samuxlu, Aghdam and Fuzuli")
    rf"|, (?P<district_bare>{_NAME})(?![\w'’-]|,| and\b| or\b| (?:{_CUES})))?"
    rf"|(?P<name>{_NAME})(?: |, an? )(?P<cue>{_CUES})s?"
    rf"(?: (?:of|in) (?:liberated |the )?(?P<district>{_NAME})(?: (?:{_AREA_CUES}))?)?"
    # ... and a name near which something happened, placed in a district: "near Sarijali in
    # Aghdam district", "near Gapanli, Tartar district"
    rf"|(?:(?<=near )|(?<=outside ))(?P<near>{_NAME})(?:,| in) (?:the )?"
    rf"(?P<district_near>{_NAME}) (?:district|rayon)\b)"
)
# Candidates considered per name, best first by prior: "San José" has hundreds, and
# the place meant is among the first few (a curated or big place, or a home country one).
_MAX_CANDIDATES = 12

# Where the marked-place pattern is tried: next to a cue word, at a capital at most
# _NAME_REACH characters before it (a name of three words is far shorter).
_CUE_WORDS = tuple(_CUES.split("|"))
_NAME_START = re.compile(r"(?<!\w)[A-Z]")
_NAME_REACH = 200
_WORD_CHAR = re.compile(r"\w")

# The words around a name, read by the context checks.
_WORD_CHARS = r"[\w'’.-]"
_WORD = re.compile(f"{_WORD_CHARS}+")
# Tried only where a word begins (the look-behind), not at every letter of the window.
_WORD_BEFORE = re.compile(f"(?<!{_WORD_CHARS})({_WORD_CHARS}+)$")
_WORDS = re.compile(r"[\w’'-]+")


# Signs that a name is an adjective, an actor or a dateline.
_ADJECTIVAL_SUFFIX = re.compile(r"-[a-z]")        # "Russia-brokered"
_PAIRED_NAME_AFTER = re.compile(r"-[A-Z]")        # "Azerbaijan-Armenia relations"
_PAIRED_NAME_BEFORE = re.compile(r"[A-Z]\w+-$")
_BORDER_AFTER = re.compile(r"(?:-[A-Z][\w'’]*)?\s+(?:state\s+)?(?:border|frontier|boundary)\b")
_LAND_OF = re.compile(r"\b(?:territor(?:y|ies)|lands?|soil|regions?|parts?) of (?:the )?$")
_POSSESSED = re.compile(r"['’]s ([\w-]+)")
_LIST_JOINER = re.compile(r",? (?:and )?|, ")
_LIST_TAIL = re.compile(r"((?:,? (?:and )?[A-Z][\w'’-]+)*) ([a-z]+(?: [a-z]+)?)")
_DATELINE_LEAD = re.compile(r"[A-Z][A-Za-z .'’-]*,\s*")
# "BAKU/YEREVAN, July 3 (Reuters)": the second of two places a report was filed from
_DATELINE_PAIR_LEAD = re.compile(r"[A-Z][A-Za-z.'’-]*/")
# "(Berlin) – Azerbaijan should ...": a dateline in brackets, as Human Rights Watch writes
_PARENTHESISED_TAIL = re.compile(r"\)\s*[—–-]")
_DATELINE_TAIL = re.compile(r"(?:/[A-Z][A-Za-z.'’-]*)?(?:\s*(?:\(\w+\)\s*)?[—–-]|,\s*"
                            r"(?:[A-Z][a-z]+,\s*)?(?:\d{1,2}\s+)?(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                            r"Aug|Sep|Oct|Nov|Dec)[a-zA-Z]*(?:\.? \d|,)|"
                            r"(?:/|,\s*)\d{1,2}\.\d{1,2}\.\d{2,4}\b)")
# "Baku/23.11.22/Turan:": the news agency after the date of a dateline
_AGENCY_AFTER_DATE = re.compile(r"[A-Z][A-Za-z.'’-]*/\d{1,2}\.\d{1,2}\.\d{2,4}/$")
_LEADING_WORD = re.compile(r"[\w'’-]+ ?")
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Area:
    """A descriptive area the text names in lower case ("the liberated territories"):
    it can locate an event, but it is no toponym."""

    start: int
    end: int
    place: Place


def descriptive_areas(doc: Document, gazetteer: Gazetteer) -> list[Area]:
    """Curated areas whose names are common nouns, found where the text uses them."""
    return [Area(start, end, place) for start, end, place in
            gazetteer.scan_descriptive(doc.text)]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    key: str
    places: tuple[Place, ...]
    cue: str | None = None          # kind named by a cue word: district, town, village ...
    district_hint: str | None = None  # "X village of Y district": Y
    rejected: str | None = None     # why this is not a place reference here
    actor: bool = False
    dateline: bool = False


def recognise(doc: Document, gazetteer: Gazetteer, rules: PlaceRules) -> list[Candidate]:
    """Candidates in ``doc.text``, in text order, overlaps resolved for the longest."""
    text = doc.text
    persons = _person_words(text, rules)
    candidates = [
        _classify(Candidate(m.start, m.end, text[m.start:m.end], m.key,
                            gazetteer.places_named(m.key, 1)), text, rules, persons, gazetteer)
        for m in gazetteer.scan(text, _CUE_WORDS)
    ]
    candidates = [c for c in candidates if c is not None]
    _reject_the_rest_of_names(candidates, text)
    _reject_surnames_told_again(candidates, text)
    _spread_actors(candidates, text)
    candidates = _add_marked_places(candidates, text, rules)
    if "sky " in text:
        _name_russian_districts(candidates, gazetteer)
    _tie_to_the_area_after(candidates, text, rules)
    return _area_before_its_village(candidates, text, rules)


# "the Syunik village of Nerkin Hand": a name, then its village named after "of" (and no
# district word after that name, as in "the Aghdaban village of Kalbajar district")
_AREAS_VILLAGE_OF = re.compile(r" (?:village|settlement) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                               r"(?! (?:[Dd]istrict|[Rr]egion|[Rr]ayon|[Pp]rovince|[Mm]arz))\b")


def _area_before_its_village(candidates: list[Candidate], text: str,
                             rules: PlaceRules) -> list[Candidate]:
    """"the Syunik village of Nerkin Hand", "the Tavush village of Aygehovit": the first
    name is the province (or district) the village lies in, as Armenian news writes it,
    where the gazetteer has a province or district of the region by that name; the name
    after "of" is the village (one the gazetteer lacks is added as such), not the district
    it would be in "Khanlig village of Gubadli"."""
    by_start = {c.start: c for c in candidates}
    added = []
    for c in candidates:
        if c.cue != "village" or c.rejected or not text.endswith("the ", 0, c.start):
            continue
        village = _AREAS_VILLAGE_OF.match(text, c.end)
        area = next((p for p in c.places if p.kind in ("region", "district") and
                     p.country in rules.home_countries), None) if village else None
        if area is None:
            continue
        c.cue, c.district_hint = area.kind, None
        named = by_start.get(village.start(1))
        if named is None:
            name = village.group(1)
            added.append(Candidate(village.start(1), village.end(1), name, normalise_name(name),
                                   (), cue="village", district_hint=c.text))
        elif named.cue == "district":
            named.cue, named.district_hint = "village", c.text
    return sorted([*candidates, *added], key=lambda c: c.start) if added else candidates


# ", in " between a name and the area it lies in: "in Kut, in Gegharkunik"
_IN_AFTER_COMMA = re.compile(r",\s+in\s+(?:the\s+)?")


def _tie_to_the_area_after(candidates: list[Candidate], text: str, rules: PlaceRules) -> None:
    """A name set off before a district or province of the region ("in Kut, in
    Gegharkunik") lies there: where the gazetteer has it only in another country (GeoNames
    gives "Kut" as a name of Kutaisi, Georgia), it is a village of that area that the
    gazetteer lacks."""
    for left, right in zip(candidates, candidates[1:], strict=False):
        if left.cue is None and not left.rejected and left.places and not right.rejected \
                and right.places and right.places[0].kind in ("district", "region") \
                and right.places[0].country in rules.home_countries \
                and left.places[0].country != right.places[0].country \
                and _IN_AFTER_COMMA.fullmatch(text, left.end, right.start):
            left.cue, left.district_hint = "village", right.text


def _classify(c: Candidate, text: str, rules: PlaceRules, persons: set[str],
              gazetteer: Gazetteer) -> Candidate | None:
    """Decide whether a gazetteer match is a name here at all, and read its cues.

    Returns None for matches that are no name (common words, acronyms). The
    first checks need only the best candidate place; the others are loaded after them."""
    if c.text.isupper() and not _all_caps_ok(c, text):
        return None
    if text.startswith("$", c.end) or c.key in rules.not_place_names:
        return None  # "US$ 6.8 million": a currency; "the White House": an institution
    if _is_common_word(c, rules, text):
        return None
    if (c.text[-1].isdigit() or _DAY_AFTER.match(text, c.end)) and _begins_date(text, c):
        # "On October 6": a date, not Egypt's 6th of October City; "BAKU, Nov. 2": a
        # month, not a city that GeoNames also calls "Nov"
        return None
    if c.places and is_descriptive(c.places[0]):
        return None  # "Liberated Territories" in a headline: an area, not a toponym
    if text.startswith(":", c.end) and \
            _AGENCY_AFTER_DATE.match(text, _line_start(text, c.start), c.start):
        c.rejected = "news agency of a dateline"
        return c
    c.places = gazetteer.places_named(c.key, _MAX_CANDIDATES)
    if c.key in persons and not _is_major(c.places[0]):
        c.rejected = "person's name"
        return c
    if c.key in rules.demonyms:
        c.rejected = "demonym or adjective"
        return c
    if text.startswith("-", c.end) and _ADJECTIVAL_SUFFIX.match(text, c.end):
        c.rejected = "adjectival compound (\"Russia-brokered\")"
        return c
    before, after = _word_before(text, c.start), _word_after(text, c.end)
    kin = before if before is not None or not text.endswith(", ", 0, c.start) else \
        text[max(0, c.start - 20):c.start - 2].rpartition(" ")[2]  # "her grandson, Lachin"
    if (kin in rules.kin_words and _KIN_OF.search(text, max(0, c.start - 30), c.start)) or \
            (before == "of" and _CHILD_OF.search(text, max(0, c.start - 15), c.start)):
        # "his son Kamran" (GeoNames: Cam Ranh); a father's name, as reports name victims:
        # "Ramin Huseynov, son of Nizami, born in 1991"
        c.rejected = "person's name"
        return c
    if (after in rules.feature_words and c.places[0].country not in rules.home_countries) or \
            (c.key in rules.feature_names and
             (after is None or after.lower() not in rules.cues_after)):
        # "along the Enguri river": a river, not Ankara (once called Engüri); in the
        # region, the place it is named after is near enough, but for the rivers and
        # mountains named alone ("on the banks of the Enguri")
        c.rejected = "a river or other natural feature"
        return c
    if (before == "the" or text[c.start - 1:c.start] in _OPENING_QUOTES) and \
            _OF_A_PLACE_AFTER.match(text, c.end) and \
            c.places[0].country not in rules.home_countries:
        # "Aghdam, the Hiroshima of the Caucasus", 'the nickname "Hiroshima of the Caucasus"'
        c.rejected = "a figure of speech"
        return c
    if _after_of(text, c.start) and rules.organisation_of.search(text, max(0, c.start - 40),
                                                                  c.start):
        c.rejected = "part of an organisation's name"
        return c
    if _continues_proper_name(text, c, before, after, rules) and \
            not _in_title_case_line(text, c.start):
        c.rejected = _PART_OF_A_NAME
        return c
    if text[c.start - 1:c.start] in ("-", "–") and c.key.endswith(_ROAD_WORDS):
        _the_road_end_named(c, gazetteer)
    if after is not None and after.lower() in rules.cues_after:
        _take_the_cue_word_named(c, after, gazetteer)
    c.cue = _cue(text, c, rules)
    if c.cue is None and (district := _district_right_after(text, c, gazetteer)):
        c.cue, c.district_hint = "village", district
    c.dateline = _is_dateline(text, c)
    # "YEREVAN, MAY 2": the place a report was filed from, not an actor ("Yerevan may")
    c.actor = not c.dateline and _is_actor(text, c, before, rules)
    return c


# A district right after a name where something happened: "near Zar in Kalbajar district",
# "near Gapanli, Tartar district"
_IN_DISTRICT_AFTER = re.compile(r"(?:,|\s+in|\s+of)\s+(?:the\s+)?([A-Z][\w'’-]+)\s+"
                                r"(?:district|region|rayon)\b")
_WHERE_BEFORE = ("near", "in", "at", "outside", "around", "of", "from")


def _district_right_after(text: str, c: Candidate, gazetteer: Gazetteer) -> str | None:
    """The district named right after a place named where something happened, if the name
    has no place in that district's country: a village the gazetteer lacks ("near Zar in
    Kalbajar district" is no Zaria, Nigeria)."""
    after = _IN_DISTRICT_AFTER.match(text, c.end) if text[c.end:c.end + 1] in " ," else None
    if after is None or not ends_with_words(text[:c.start], _WHERE_BEFORE, spaces=True):
        return None
    district = next((p for p in gazetteer.lookup(after.group(1)) if p.kind == "district"), None)
    if district is None or any(p.country == district.country for p in c.places):
        return None
    return after.group(1)


_PART_OF_A_NAME = "part of a longer name (organisation, person or title)"
_OPENING_QUOTES = ("'", '"', "‘", "“")
# "the Hiroshima of the Caucasus": a place likened to, after "the" and before "of" a place
_OF_A_PLACE_AFTER = re.compile(r" of (?:the )?[A-Z]")


# A district named by its Russian adjective: "Shushinsky", "Agdamsky"
_RUSSIAN_ADJECTIVE = re.compile(r"([A-Z][a-z]+?)(n?)sk(?:y|iy|ii)")


def _name_russian_districts(candidates: list[Candidate], gazetteer: Gazetteer) -> None:
    """Give the districts Russian-language reports name by adjectives, which the text marks
    as districts ("Shushinsky district" is Shusha, "Fizulinsky" Fuzuli, "Lachinsky"
    Lachin), their places: those of the stem before "sky", with its "n" or without (the
    gazetteer knows "Shushi", "Fizuli", "Lachin")."""
    for c in candidates:
        adjective = _RUSSIAN_ADJECTIVE.fullmatch(c.text) if not c.places else None
        if adjective is None:
            continue
        for stem in (adjective[1] + adjective[2], adjective[1]):
            places = gazetteer.places_named(normalise_name(stem), _MAX_CANDIDATES)
            if any(p.kind == "district" for p in places):
                c.key, c.places, c.cue = normalise_name(stem), places, "district"
                break


def _take_the_cue_word_named(c: Candidate, cue_word: str, gazetteer: Gazetteer) -> None:
    """Make ``c`` the longer name it begins where the gazetteer has its name and the cue
    word after it as one, for another place than the name alone ("the Tskhinvali region"
    is South Ossetia, not the town; "Khojaly district", as GeoNames also calls the town,
    stays a name and its cue)."""
    text = f"{c.text} {cue_word}"
    key = normalise_name(text)
    places = gazetteer.places_named(key, _MAX_CANDIDATES)
    if places and not {p.id for p in places} & {p.id for p in c.places}:
        c.end, c.text, c.key, c.places = c.start + len(text), text, key, places


_ROAD_WORDS = (" road", " highway")


def _the_road_end_named(c: Candidate, gazetteer: Gazetteer) -> None:
    """Make ``c`` the second end of a road named by its ends ("the Kalbajar-Lachin road":
    Lachin), not the road the gazetteer calls by that end and the word "road" (the Lachin
    corridor)."""
    name = c.text[:c.text.rindex(" ")]
    key = normalise_name(name)
    places = gazetteer.places_named(key, _MAX_CANDIDATES)
    if places:
        c.end, c.text, c.key, c.places = c.start + len(name), name, key, places


def _begins_date(text: str, c: Candidate) -> bool:
    """Whether a date as written begins with the name and takes it whole ("October 6",
    "9 May", "Nov. 2").

    >>> at_start = lambda text, name: Candidate(0, len(name), name, "", ())
    >>> _begins_date("Nov. 2 (Xinhua)", at_start("Nov. 2 (Xinhua)", "Nov"))
    True
    >>> _begins_date("6th of October City", at_start("6th of October City", "6th of October City"))
    False
    """
    dates = find_dates(text[c.start:c.start + _LONGEST_DATE])
    return bool(dates) and dates[0].start == 0 and dates[0].end >= c.end - c.start


# A date is far shorter ("Wednesday, 12 September 2023"); a name can be as long.
_LONGEST_DATE = 40
# A day after a name: "Nov. 2", "Aug 5".
_DAY_AFTER = re.compile(r"\.? \d")


def _is_dateline(text: str, c: Candidate) -> bool:
    """"BAKU —", "MOSCOW (Reuters) –", "BAKU, Azerbaijan, April 12.": where the report
    was filed, not where its events happened."""
    last = _last_on_line(text, c.start)
    # Before a dateline name stands nothing, "KHANKENDI, " (a place and a comma) or
    # "BAKU/": the comma or the slash is the quick test, before the pattern reads the line.
    if last is not None and text[last] == "(" and _last_on_line(text, last) is None:
        return _PARENTHESISED_TAIL.match(text, c.end) is not None  # "(Berlin) –"
    if last is not None and not (
            (text[last] == "," and _DATELINE_LEAD.fullmatch(text, _line_start(text, c.start),
                                                             c.start)) or
            (text[last] == "/" and _second_of_a_pair(text, c))):
        return False
    return bool(_DATELINE_TAIL.match(text, c.end, c.end + 30) or c.text.isupper())


def _is_actor(text: str, c: Candidate, before: str | None, rules: PlaceRules) -> bool:
    """A country or capital standing for its government or people: "Yerevan refuses",
    "Armenia still refuses", "planted by Armenia", "thanked the UK", "Armenia's refusal",
    "the leaders of Azerbaijan", "Azerbaijan citizens". "in Armenia" and "Azerbaijan's
    Kalbajar district" stay plain references to the place."""
    if not c.places or c.places[0].kind not in ("country", "city"):
        return False
    head = text[max(0, c.start - 40):c.start]
    possessed = _POSSESSED.match(text, c.end, c.end + 40) \
        if text.startswith(("'s ", "’s "), c.end) else None
    if possessed and possessed.group(1).lower() in rules.actor_possessions:
        return True  # (after "at" too: "at Baku's request")
    if before and before.lower() in rules.locative_words:
        return False
    after_of = _after_of(text, c.start)
    if after_of and _LAND_OF.search(head):
        return False
    next_words = _WORDS.findall(text, c.end, c.end + 40)[:3]
    while next_words:  # "Armenia still refuses", "Armenia deliberately planted"
        if next_words[0] == "in" and " ".join(next_words[:2]).lower() in rules.adverbs:
            del next_words[:2]  # "Baku in return freed"
        elif next_words[0].lower() in rules.adverbs or \
                next_words[0].lower() in ("and", "or") or next_words[0].lower().endswith("ly"):
            next_words.pop(0)
        else:
            break
    if next_words and next_words[0].lower() in rules.actor_words_after:
        return True
    # a hyphen next to a name is rare: the quick tests first ("$" also matches before a
    # final line break)
    if ((text.startswith("-", c.end) and _PAIRED_NAME_AFTER.match(text, c.end)) or
            (head.endswith(("-", "-\n")) and _PAIRED_NAME_BEFORE.search(head))) and \
            not _BORDER_AFTER.match(text, c.end):
        return True  # "Azerbaijan-Armenia relations", but "the Azerbaijan-Georgia border"
    previous = _WORDS.findall(head)[-2:]
    if previous and previous[-1].lower() == "the":
        previous = previous[:-1]
    if previous and (previous[-1].lower() in rules.actor_before or (
            previous[-1] in ("on", "to") and " ".join(previous).lower() in rules.actor_before)):
        return True  # "planted by Armenia", "called on Baku"
    return bool(after_of and rules.actor_of.search(head))


def _reject_the_rest_of_names(candidates: list[Candidate], text: str) -> None:
    """The name right after a match that is part of a longer name is part of it too:
    "Jordan Henderson" at the start of a sentence is no visit to Henderson."""
    for left, right in zip(candidates, candidates[1:], strict=False):
        if left.rejected == _PART_OF_A_NAME and right.start == left.end + 1 and \
                text[left.end] == " " and not right.rejected:
            right.rejected = _PART_OF_A_NAME


def _reject_surnames_told_again(candidates: list[Candidate], text: str) -> None:
    """A person's surname, once the last word of a name ("community head Arsen Tumanyan
    told News.am"), is the person again where it speaks alone ("Tumanyan said",
    "according to Tumanyan"), not the village of that name; so is a town or village that
    speaks ("Abovyan added"), as only a country or its capital does ("Yerevan said").
    A country or a curated unit stays a place."""
    surnames = {c.key for c in candidates if c.rejected == _PART_OF_A_NAME and
                _NAME_WORD_BEFORE.search(text, max(0, c.start - 30), c.start) and
                not _NAME_WORD_AFTER.match(text, c.end)}
    for c in candidates:
        if c.rejected or c.cue is not None or not c.places or _is_major(c.places[0]):
            continue
        speaks = _SPEAKS_AFTER.match(text, c.end) and \
            _WORD_BEFORE_A_SPEAKER.search(text, max(0, c.start - 20), c.start) is None
        if (speaks and (c.key in surnames or c.places[0].kind in ("town", "village"))) or \
                (c.key in surnames and text.endswith(_ACCORDING_TO, 0, c.start)):
            c.rejected = "person's name"


_ACCORDING_TO = ("according to ", "According to ")


# A capitalised word right before a name (its first name), or after it
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]+ $")
_NAME_WORD_AFTER = re.compile(r" [A-Z]")
# A reporting verb right after a name: "Tumanyan said"; not after a place's preposition
# or in a list ("the ministry in Sokhumi said", "a farmer from Chinari said")
_SPEAKS_AFTER = re.compile(r" (?:said|says|told|tells|added|noted|stressed|explained|stated|"
                           r"recalled|reported|confirmed|warned)\b")
_WORD_BEFORE_A_SPEAKER = re.compile(r"\b(?:in|at|from|of|near|to|by|and|or)\s+$|,\s*$",
                                    re.IGNORECASE)


def _spread_actors(candidates: list[Candidate], text: str) -> None:
    """Names in one list share their role: "signed by Azerbaijan, Armenia, and Russia"."""
    for left, right in zip(candidates, candidates[1:], strict=False):
        # the pattern last: names are seldom joined, and a joiner is at most ", and "
        if (left.actor or right.actor) and not left.rejected and not right.rejected and \
                right.start - left.end <= 6 and left.places and right.places and \
                left.places[0].kind in ("country", "city") and \
                right.places[0].kind in ("country", "city") and \
                _LIST_JOINER.fullmatch(text, left.end, right.start):
            # (a district before "and Baku freed" is no list of actors with it)
            left.actor = right.actor = True


def _after_of(text: str, start: int) -> bool:
    """Whether "of " or "of the " stands right before ``start``: the quick test before the
    patterns that end so ("Agency of the ", "the leaders of ")."""
    return text.endswith(("of ", "of the "), max(0, start - 7), start)


def _all_caps_ok(c: Candidate, text: str) -> bool:
    """An all-capitals name is a place in a dateline ("BAKU —") or when it is a country's
    own short form ("UK"); other capitals are mostly acronyms of organisations."""
    if any(p.kind == "country" and c.text in (p.name, *p.alternate_names) for p in c.places):
        return True
    return (_last_on_line(text, c.start) is None or _second_of_a_pair(text, c)) and \
        len(c.text) > 3


def _second_of_a_pair(text: str, c: Candidate) -> bool:
    """Whether the name is the second of two at the start of a line ("BAKU/YEREVAN")."""
    return text.startswith("/", c.start - 1) and \
        _DATELINE_PAIR_LEAD.fullmatch(text, _line_start(text, c.start), c.start) is not None


def _last_on_line(text: str, index: int) -> int | None:
    """Where the last character other than white space stands before ``index`` on its
    line; None when there is none."""
    last = index - 1
    while last >= 0 and text[last] != "\n" and text[last].isspace():
        last -= 1
    return None if last < 0 or text[last] == "\n" else last


def _line_start(text: str, index: int) -> int:
    """Where the line holding ``index`` begins: ``text.rfind("\\n", 0, index) + 1``."""
    starts = _line_starts(text)
    return starts[bisect_right(starts, index) - 1]


@lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    """Where the lines of ``text`` begin, found once: a name's line is then found by
    bisection, not by reading back to the line break before it, which in a long text
    with few line breaks would take a time in proportion to the text's length for each
    name."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def _is_major(place: Place) -> bool:
    return place.kind == "country" or place.id.startswith("curated:")


def _is_common_word(c: Candidate, rules: PlaceRules, text: str) -> bool:
    """"The", "She", "Security": words of ordinary English, not names, unless the name is
    a country or a large or curated place by its own name (never for the commonest words,
    and at the start of a sentence, where every word has a capital, only a larger place
    still: "Reading the report, ..." is no visit to Reading)."""
    if not c.places:
        return False
    if " " in c.key:  # "The city", "New town": words of English after a capital
        words = c.text.split()
        return all(w.islower() for w in words[1:]) and \
            all(_zipf(w.lower()) >= rules.common_word_zipf for w in words)
    frequency = _zipf(c.key)
    if frequency < rules.common_word_zipf:
        return False
    best = c.places[0]
    if frequency >= rules.function_word_zipf:
        return best.kind != "country"
    if best.kind != "country" and best.name.lower() != c.text.lower() and \
            normalise_name(best.name) != c.key and \
            c.key not in rules.demonyms:  # (a demonym is rejected as one, below)
        return True  # only another name of the place: "Boy" (Bobo-Dioulasso), "Mod"
    least = rules.common_word_min_population * (3 if _sentence_start(text, c.start) else 1)
    return not (_is_major(best) or best.population >= least)


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # slow to import; needed only once names are found

    return zipf_frequency(word, "en")


def _word_before(text: str, start: int) -> str | None:
    """The word right before ``start`` when only a space separates them."""
    if start < 2 or text[start - 1] != " ":
        return None
    # Mostly the word runs back to the space before it: one look for that space, and
    # the pattern only when something else stands there ("(Armenia", a line break).
    window = max(0, start - 40)
    chunk = text[text.rfind(" ", window, start - 1) + 1 or window:start - 1]
    if _WORD.fullmatch(chunk):
        return chunk
    match = _WORD_BEFORE.search(chunk)
    return match.group(1) if match else None


def _word_after(text: str, end: int) -> str | None:
    if end >= len(text) or text[end] != " ":
        return None
    match = _WORD.match(text, end + 1)
    return match.group().rstrip(".") if match else None


def _sentence_start(text: str, index: int) -> bool:
    """Whether only a sentence boundary stands before ``index``."""
    head = text[max(0, index - 3):index].rstrip(" \"'“‘(")
    return not head or head[-1] in ".!?\n:;—–"


def _continues_proper_name(text: str, c: Candidate, before: str | None, after: str | None,
                           rules: PlaceRules) -> bool:
    """"OSCE Minsk Group", "Geneva Convention", "UNICEF Azerbaijan", "Karen Donfried":
    a capitalised word glued to the name makes it part of another proper name."""
    if after in rules.name_continuations:
        return False  # "Second Karabakh War", "Kalbajar District"
    if after and after[0].isupper():
        return True
    if text.startswith((" &", " and "), c.end) and rules.organisation_after_and.match(text, c.end):
        return True  # "Foreign, Commonwealth & Development Office"
    if not before or not before[0].isupper() or "-" in before:
        return False  # "Armenian-occupied Kalbajar" is an adjective, not a name
    # "... Roccasalvo. Japan funds": a sentence ends there (not after "Gen." or "U.S.")
    if before.endswith(".") and len(before) > 4 and "." not in before[:-1]:
        return False
    if before.endswith(("'s", "’s")) or normalise_name(before) in rules.demonyms:
        return False  # "Nagorno-Karabakh’s Khojalu region"
    return not _sentence_start(text, c.start - len(before) - 1)


def _in_title_case_line(text: str, index: int) -> bool:
    """Headlines capitalise every word, so capitals there say nothing about names."""
    return _title_case(text, _line_start(text, index))


@lru_cache(maxsize=256)
def _title_case(text: str, start: int) -> bool:
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    if line.endswith((".", "!", "?")):
        return False  # a sentence, not a headline
    words = _LINE_WORD.findall(line)
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.8


def _cue(text: str, c: Candidate, rules: PlaceRules) -> str | None:
    """The kind a neighbouring word names: "Aghdam district", "the town of Aghdam";
    also across a list: "Kalbajar, Aghdam and Lachin regions"."""
    capitalised = _CAPITALISED_CUE.match(text, c.end) if text.startswith(" ", c.end) else None
    if capitalised and (kind := rules.cues_after.get(capitalised.group(1).lower())):
        return kind  # "Ararat Province", "Kalbajar District"
    list_tail = _LIST_TAIL.match(text, c.end, c.end + 80) if text[c.end:c.end + 1] in " ," \
        else None
    if list_tail:
        words = list_tail.group(2).split()
        for size in (2, 1):
            cue = " ".join(words[:size])
            kind = rules.cues_after.get(cue)
            if kind and cue.endswith("s") and not list_tail.group(1) and \
                    not _LIST_BEFORE.search(text, max(0, c.start - 40), c.start):
                break  # "men from Syunik villages": villages of Syunik, no village Syunik
            if kind:
                return kind
    last_words = text[max(0, c.start - 30):c.start].lower().split()[-2:]
    kind = rules.cues_before.get(" ".join(last_words)) or \
        (rules.cues_before.get(last_words[-1]) if last_words else None)
    if kind == "village" and last_words[-1] == "of" and \
            _VILLAGE_OF_DISTRICT.search(text, max(0, c.start - 60), c.start):
        return "district"  # "Khanlig village of Gubadli": the village's district
    if kind == "village" and last_words[0] == "villages" and \
            not _LISTED_AFTER.match(text, c.end):
        return None  # "villages of Armenia": the villages' land, no village of that name
    return kind


_CAPITALISED_CUE = re.compile(r" ([A-Z][a-z]+)\b")
# "his son " before a name
_KIN_OF = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur) [a-z]+,? $")
# set off after the child's name: "Ramin Huseynov, son of Nizami," (not "the son of X")
_CHILD_OF = re.compile(r"(?:,|\()\s*(?:son|daughter) of $")
# The end of a list before a name: "Aghdam and " in "Aghdam and Fuzuli districts"
_LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:,|,? and| &) $")
# A road named by its ends: "the Horadiz-Aghband road", "the Lachin–Kalbajar highway"
_ROAD = re.compile(r" (?:road|highway|motorway)\b")
_ROAD_AFTER = re.compile(r"[-–][A-Z][\w'’-]*(?:[-–][A-Z][\w'’-]*)? (?:road|highway|motorway)\b")


def ends_a_road(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is an end of a road's name: no district of the
    places along the road, nor the place of what happened on it.

    >>> text = "on the Kalbajar-Lachin highway"
    >>> ends_a_road(text, 7, 15), ends_a_road(text, 16, 22), ends_a_road("in Lachin", 3, 9)
    (True, True, False)
    """
    if text.startswith(("-", "–"), end):
        return _ROAD_AFTER.match(text, end) is not None
    return text.endswith(("-", "–"), 0, start) and _ROAD.match(text, end) is not None


# A named village and "of" before a name: the name is its district
_VILLAGE_OF_DISTRICT = re.compile(r"[A-Z][\w'’-]+ (?:village|settlement) of (?:the )?$")


def _person_words(text: str, rules: PlaceRules) -> set[str]:
    """Words of persons' names: the capitalised words after a title ("Minister Zbigniew
    Rau"), so that a later bare "Rau" is not taken for a place."""
    names: set[str] = set()
    # The pattern has no leading word boundary, which would make the engine try it at
    # every character: a match inside a word is skipped here instead.
    at = 0
    while (match := rules.person_after_title.search(text, at)) is not None:
        if match.start() and _WORD_CHAR.match(text, match.start() - 1):
            at = match.start() + 1
            continue
        names.update(normalise_name(w) for w in match.group(1).split())
        at = match.end()
    return names


def _add_marked_places(candidates: list[Candidate], text: str,
                       rules: PlaceRules) -> list[Candidate]:
    """Add names the text marks as places ("Suarasi village of Lachin district") that the
    gazetteer lacks, and give gazetteer matches inside such phrases their cue."""
    by_start = {c.start: c for c in candidates}
    ends = [c.end for c in candidates]  # in order: gazetteer matches do not overlap
    added: list[Candidate] = []
    replaced: set[int] = set()
    for start, end, kind, district, outright in _marked_spans(text, rules):
        existing = by_start.get(start)
        if existing is not None and existing.end == end:
            if kind == "village" and outright:  # a gazetteer name marked as a village
                existing.cue, existing.district_hint = kind, district
            continue
        inside = _within(candidates, ends, start, end)
        if inside and any(c.rejected != _PART_OF_A_NAME for c in inside):
            continue  # part of a name already found (e.g. a district in the phrase)
        name = text[start:end]
        key = normalise_name(name)
        if any(w in rules.demonyms for w in key.split()):
            continue  # "the Azerbaijani-Armenian border region": an adjective
        if " " not in key and _zipf(key) >= rules.common_marked_word_zipf:
            continue  # "Border village resident injured": a word of the headline, no name
        # matches rejected as part of a longer name give way to the name ("the village
        # of Mets Shen")
        replaced.update(map(id, inside))
        added.append(Candidate(start, end, name, key, (), cue=kind,
                               district_hint=district))
    if replaced:
        candidates = [c for c in candidates if id(c) not in replaced]
    return sorted([*candidates, *added], key=lambda c: c.start)


def _marked_spans(text: str, rules: PlaceRules
                  ) -> Iterator[tuple[int, int, str, str | None, bool]]:
    """Where the names the text marks as places stand, with the kind of place, the
    district the text puts them in, and whether a cue word marks them outright: "Suarasi
    village of Lachin district", and each name of a list before a plural cue ("Jojug
    Marjanli and Boyuk Marjanli villages"); not outright, a name placed in a district
    ("near Sarijali in Aghdam district"), a village only where the gazetteer lacks it."""
    for match in _marked_places(text):
        if match.group("near"):
            yield match.start("near"), match.end("near"), "village", \
                match.group("district_near"), False
            continue
        group = "before" if match.group("before") else "name"
        kind = rules.cues_after.get(match.group("cue") or match.group("cue_before"), "village")
        start, end = match.start(group), match.end(group)
        start = _after_possessive(text, start, end)
        if group == "name":  # "In Chiragli village": the name is read back from its cue
            start, end = _trim_leading_common(text, start, end)
        if start >= end:
            continue
        district = (match.group("district") or match.group("district_after")
                    or match.group("district_bare")) if kind == "village" else None
        if district:  # "Nerkin Hand village in Syunik Province": Syunik
            district = _UNIT_AFTER_NAME.sub("", district)
        # "the villages of Talish, Sugovushan and Madagiz of the Tartar district"
        more = _LISTED_AFTER.match(text, end) if group == "before" and \
            text.startswith("s", match.end("cue_before")) else None
        if group == "name" and text.startswith("s", match.end("cue")) and \
                not _LIST_BEFORE.search(text, max(0, start - 40), start):
            continue  # "men from Syunik villages": villages of Syunik, none of that name
        if group == "before" and text.startswith("s", match.end("cue_before")) and not more:
            continue  # "villages of the Tavush region": the villages' land, no village
        if more:
            district = district or more.group("district")
            for name in _LISTED_NAME.finditer(text, more.start(), more.end("names")):
                yield name.start(), name.end(), kind, district, True
        # (a list of districts names districts the gazetteer has: nothing to add)
        listed = _LISTED_BEFORE.search(text, max(0, start - _NAME_REACH), start) \
            if kind == "village" and group == "name" and \
            text.startswith("s", match.end("cue")) and text.endswith(" and ", 0, start) \
            else None
        if listed:
            for name in _LISTED_NAME.finditer(text, listed.start(), listed.end()):
                first, last = _trim_leading_common(
                    text, _after_possessive(text, name.start(), name.end()), name.end())
                if first < last:
                    yield first, last, kind, district, True
        yield start, end, kind, district, True


def _after_possessive(text: str, start: int, end: int) -> int:
    """Where a name between ``start`` and ``end`` begins after an owner's name: "Gubadli's
    Khanlig village" is Khanlig, "Syunik's Tegh and Kornidzor villages" Tegh and
    Kornidzor."""
    possessive = max(text.rfind("'s ", start, end), text.rfind("’s ", start, end))
    return possessive + 3 if possessive >= 0 else start


_UNIT_AFTER_NAME = re.compile(r" (?:Province|Region|District|Rayon|Marz)$")
# "Jojug Marjanli and " or "Talish, Sugovushan and " before a last name and a plural cue
_LISTED_NAME = re.compile(_NAME)
# ", Sugovushan and Madagiz of the Tartar district" after the first name of a list
_LISTED_AFTER = re.compile(rf"(?P<names>(?:, {_NAME})*,? and {_NAME})"
                           rf"(?: (?:of|in) (?:the )?(?P<district>{_NAME}) (?:{_AREA_CUES}))?")
_LISTED_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_NAME}, )*{_NAME},? and $")


def _within(candidates: list[Candidate], ends: list[int], start: int,
            end: int) -> list[Candidate]:
    """The candidates (in text order, ending at ``ends``) that overlap [start, end)."""
    i = bisect_right(ends, start)  # the first candidate ending after ``start``
    inside = []
    while i < len(candidates) and candidates[i].start < end:
        inside.append(candidates[i])
        i += 1
    return inside


def _marked_places(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_MARKED_PLACE.finditer(text)`` gives, found faster: the pattern is
    tried only at the capitalised words just before a cue word ("village") and at the cue
    word itself, since a marked name is at most three words long (four, with the district
    after it: "Ashaghi Seyidahmadli in Fuzuli district")."""
    at = 0  # where the previous match ended
    for cue in _cue_starts(text):
        if cue < at:
            continue
        # back over four space-separated chunks, the longest name, but not beyond
        # _NAME_REACH: a text without spaces is not read back to its start from each cue
        reach, window = max(0, cue - _NAME_REACH) - 1, cue - 1
        for _ in range(4):
            window = max(text.rfind(" ", reach + 1, window), reach) if window > reach else reach
        starts = [m.start() for m in _NAME_START.finditer(text, max(at, window + 1), cue)]
        for start in [*starts, cue]:
            match = _MARKED_PLACE.match(text, start)
            if match is not None:
                yield match
                at = match.end()
                break


def _cue_starts(text: str) -> list[int]:
    """Where the cue words stand in ``text``, in order. No cue word overlaps another, so
    these are the starts a search for any of them would find; ``str.find`` finds them
    faster than the engine, which stops at every letter a cue word begins with."""
    starts = []
    for word in _CUE_WORDS:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + len(word))
    return sorted(starts)


def _trim_leading_common(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence words caught by a capitalised-name pattern ("In Chiragli" -> "Chiragli")."""
    while start < end:
        match = _LEADING_WORD.match(text, start, end)
        if not match or match.end() >= end:
            break
        if _zipf(normalise_name(match.group())) < 3.0:
            break
        start = match.end()
    return start, end
