"""Rules kept in data files (``data/rules/*.yaml``, ``data/gazetteer/demonyms.csv``),
loaded once and handed to the stages that use them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from geo.data import data_file
from geo.errors import InputError
from geo.normalise import normalise_name
from geo.patterns import by_first_letter


def load_yaml(name: str) -> dict[str, Any]:
    path = data_file("rules", name)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path,
                         None if line is None else line + 1) from None
    if not isinstance(content, dict):
        raise InputError("expected a mapping at the top level", path)
    return content


@dataclass(frozen=True)
class PlaceRules:
    home_countries: frozenset[str]
    #: countries none of whose regions holds another
    disjoint_regions_in: frozenset[str]
    cues_after: dict[str, str]      # normalised cue word -> kind
    cues_before: dict[str, str]
    name_continuations: frozenset[str]
    actor_before: frozenset[str]
    #: words after a name that make it an actor: the verbs and nouns of places.yaml
    actor_words_after: frozenset[str]
    actor_of_heads: tuple[str, ...]
    adverbs: frozenset[str]
    #: "Agency of the " right before a name
    organisation_of: re.Pattern[str]
    #: " & Development Office" right after a name
    organisation_after_and: re.Pattern[str]
    #: "the leaders of " right before a name
    actor_of: re.Pattern[str]
    #: a title and the capitalised words after it ("Minister Zbigniew Rau"); with no
    #: leading word boundary, which makes a search slow: callers check it
    person_after_title: re.Pattern[str]
    actor_possessions: frozenset[str]
    locative_words: frozenset[str]
    person_titles: frozenset[str]
    #: words of kin before a name ("his son Kamran")
    kin_words: frozenset[str]
    #: words after a name that make it a river or a mountain ("the Enguri river")
    feature_words: frozenset[str]
    #: rivers and mountains of the region named alone ("the banks of the Enguri"); normalised
    feature_names: frozenset[str]
    demonyms: frozenset[str]        # normalised
    demonym_countries: dict[str, str]  # each demonym as written: its country's code
    not_place_names: frozenset[str]  # normalised
    common_word_zipf: float
    common_marked_word_zipf: float
    function_word_zipf: float
    common_word_min_population: int
    far_small_place_population: int


def _alternation(words: list[str]) -> str:
    r"""A regular expression matching any of ``words``, the longest first, grouped by
    first letter: ``re`` then tests one letter for each group, not each word, at every
    position it tries.

    >>> print(_alternation(["Minister", "Mayor", "Prime Minister", "Mr"]))
    P(?:rime\ Minister)|M(?:inister|ayor|r)
    """
    return by_first_letter([re.escape(w) for w in sorted(words, key=len, reverse=True)])


def _by_word(groups: dict[str, list[str]]) -> dict[str, str]:
    return {normalise_name(word): kind for kind, ws in groups.items() for word in ws}


@cache
def place_rules() -> PlaceRules:
    raw = load_yaml("places.yaml")
    demonym_path = data_file("gazetteer", "demonyms.csv")
    with demonym_path.open(encoding="utf-8") as handle:
        demonym_countries = {row["demonym"]: row["country"] for row in csv.DictReader(handle)}
    demonyms = frozenset(normalise_name(name) for name in demonym_countries)
    return PlaceRules(
        home_countries=frozenset(raw["home_countries"]),
        disjoint_regions_in=frozenset(raw["disjoint_regions_in"]),
        cues_after=_by_word(raw["cues_after"]),
        cues_before=_by_word(raw["cues_before"]),
        name_continuations=frozenset(raw["name_continuations"]),
        actor_before=frozenset(raw["actor_before"]),
        actor_possessions=frozenset(raw["actor_possessions"]),
        locative_words=frozenset(raw["locative_words"]),
        actor_words_after=frozenset(raw["actor_verbs"]) | frozenset(raw["actor_nouns"]),
        actor_of_heads=tuple(raw["actor_of_heads"]),
        adverbs=frozenset(raw["adverbs"]),
        organisation_of=re.compile(rf"\b(?:{_alternation(raw['organisation_heads'])}) of "
                                   r"(?:the )?$"),
        organisation_after_and=re.compile(
            rf" (?:&|and) (?:[A-Z][\w'’-]* ){{0,3}}?(?:{_alternation(raw['organisation_heads'])})"
            r"\b"),
        actor_of=re.compile(rf"\b(?:{_alternation(raw['actor_of_heads'])}) of (?:the )?$",
                            re.IGNORECASE),
        person_after_title=re.compile(rf"(?:{_alternation(raw['person_titles'])})\.? "
                                      r"((?:[A-Z][a-z][\w'’-]* ?){1,3})"),
        person_titles=frozenset(raw["person_titles"]),
        kin_words=frozenset(raw["kin_words"]),
        feature_words=frozenset(raw["feature_words"]),
        feature_names=frozenset(normalise_name(n) for n in raw["feature_names"]),
        demonyms=demonyms,
        demonym_countries=demonym_countries,
        not_place_names=frozenset(normalise_name(n) for n in raw["not_place_names"]),
        common_word_zipf=float(raw["common_word_zipf"]),
        common_marked_word_zipf=float(raw["common_marked_word_zipf"]),
        function_word_zipf=float(raw["function_word_zipf"]),
        common_word_min_population=int(raw["common_word_min_population"]),
        far_small_place_population=int(raw["far_small_place_population"]),
    )
