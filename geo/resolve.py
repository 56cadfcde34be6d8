"""Resolve recognised names to one gazetteer place each, using the document as context.

The score of a candidate place adds to its prior (kind, population, curation): the cue
word next to the name, the countries the document is about, and the districts other
names in the document resolved to. ``confidence`` is the winner's share of the margin.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import cache

from geo.gazetteer import Gazetteer, prior
from geo.model import PLACE_KINDS, Document, Mention, Place
from geo.normalise import normalise_name
from geo.recognise import Candidate, ends_a_road
from geo.rules import PlaceRules

_LOCALITY = ("city", "town", "village")
_TOWN_WORDS = ("city", "town")
#: The reason a mention placed at its district's point starts with.
DISTRICT_LEVEL = "located at district level"


def resolve(doc: Document, candidates: list[Candidate], gazetteer: Gazetteer,
            rules: PlaceRules) -> list[Mention]:
    """One :class:`Mention` per candidate: resolved, unresolved or rejected."""
    named = _document_countries(candidates)
    focus = named | rules.home_countries
    # a village lies in one of the home countries the report names places of, if it names
    # any: "near the village of Zar" in a report on Kalbajar is no village of Armenia's
    # that GeoNames knows
    has_villages = any(c.cue == "village" for c in candidates)
    village_focus = _village_countries(candidates, named, rules) if has_villages else focus
    named_districts = _named_districts(candidates) if has_villages else {}
    meant = _places_meant(candidates, named, focus, rules)
    districts: Counter[str] = Counter()
    towns: dict[str, str] = {}  # the villages by GeoNames' count the text calls towns
    mentions = []
    for c in candidates:
        if meant and c.places and c.key in meant:
            c = dataclasses.replace(c, places=meant[c.key])
        c = _in_named_district(c, gazetteer)
        mention = _resolve_one(doc, _village_in_focus(c, village_focus, named_districts),
                               focus, districts, rules)
        if mention.resolved and mention.place:
            if mention.place.district:
                districts[mention.place.district] += 1
            if c.cue in _TOWN_WORDS and mention.kind == "village":
                towns.setdefault(mention.place.id, c.cue)
        mentions.append(mention)
    mentions = [_place_marked_village(m, c.district_hint, districts, gazetteer,
                                      *_sentence_context(doc.text, mentions, i, rules))
                if m.status == "unresolved" and m.kind == "village" else m
                for i, (c, m) in enumerate(zip(candidates, mentions, strict=True))]
    if has_villages:
        _as_named_before(candidates, mentions)
    if towns:
        _as_the_text_calls_them(mentions, towns)
    return mentions


def _as_the_text_calls_them(mentions: list[Mention], towns: dict[str, str]) -> None:
    """A village by GeoNames' count of its people that the text calls a town or a city
    ("the spa town of Jermuk", 4,095 people) is one in all its mentions: ``towns`` gives
    the word by the place's id. (Not the other way: "the villages of Berd, Chinari and
    Aygepar" lumps a town with its villages.)"""
    for m in mentions:
        if m.resolved and m.place and m.place.id in towns:
            m.kind = towns[m.place.id]


def _as_named_before(candidates: list[Candidate], mentions: list[Mention]) -> None:
    """A name that a cue made a village earlier in the document stays that village when
    it comes again bare, taken for a place of another country or for none: "... near Sus
    village ... Sus was among the first villages to be resettled" is not Sousse, Tunisia."""
    villages: dict[str, Mention] = {}
    for c, m in zip(candidates, mentions, strict=True):
        if c.cue == "village" and m.resolved and m.place:
            villages.setdefault(m.text, m)
        elif c.cue is None and not c.rejected and (earlier := villages.get(m.text)) and \
                earlier.place and (m.place is None or m.place.country != earlier.place.country):
            m.status, m.place, m.kind = earlier.status, earlier.place, earlier.kind
            m.geo_precision, m.confidence = earlier.geo_precision, earlier.confidence
            m.reason = "the village the document named before"


def _sentence_context(text: str, mentions: list[Mention], at: int,
                      rules: PlaceRules) -> tuple[str | None, str | None]:
    """The district the sentence of ``mentions[at]`` names for it and the country it puts
    it in.

    Returns
    -------
    tuple
        The district (see :func:`_district_in_sentence`), None if the sentence names none
        of that country, and the country of the place of the region named nearest to the
        village ("Berkaber, a village in Armenia's Tavush Province that borders Azerbaijan's
        Gazakh district" is Armenia's), None if it names none.
    """
    near = _in_sentence(text, mentions, at)
    country = _country_nearest(mentions[at], near, rules)
    return _district_in_sentence(text, near, country), country


def _in_sentence(text: str, mentions: list[Mention], at: int) -> list[Mention]:
    """The mentions in the sentence of ``mentions[at]``: those before it, nearest first,
    then those after it."""
    village = mentions[at]
    before = ((m, m.end, village.start) for m in reversed(mentions[:at]))
    after = ((m, village.end, m.start) for m in mentions[at + 1:])
    found = []
    for side in (before, after):
        for m, gap_start, gap_end in side:  # the words between the village and ``m``
            # (and the capital after them, which may begin the next sentence)
            if _SENTENCE_BREAK.search(text, gap_start, gap_end + 1):
                break
            found.append(m)
    return found


def _district_in_sentence(text: str, near: list[Mention], country: str | None) -> str | None:
    """Of the mentions ``near`` a village (those before it first), the first district of
    ``country`` (of any, if None): "a resident of Fuzuli was wounded in the village of
    Alkhanli", "a shepherd from the village of Chartar was killed near Martuni"."""
    for m in near:
        if m.resolved and m.place and m.place.kind == "district" and \
                country in (None, m.place.country) and not ends_a_road(text, m.start, m.end):
            return m.place.district
    return None


def _country_nearest(village: Mention, near: list[Mention], rules: PlaceRules) -> str | None:
    """The country of the place of the region named nearest to ``village`` of those
    ``near`` it. A country's own name is not read: "near the border with Armenia" puts no
    village in Armenia; nor is a dateline, where the report was filed, or an actor."""
    places = [m for m in near if m.resolved and m.place and m.place.kind != "country"
              and m.place.country in rules.home_countries
              and m.reason not in ("dateline", "metonymic")]
    if not places:
        return None
    return min(places, key=lambda m: abs(m.start - village.start)).place.country


# Where one sentence ends and another begins, near enough for the words between names.
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]|\n")


def resolve_name(name: str, gazetteer: Gazetteer, rules: PlaceRules, *,
                 cue: str | None = None, district: str | None = None,
                 country: str | None = None, doc_id: str = "") -> Mention:
    """Resolve one name given on its own (a cell of a table), scored as :func:`resolve`
    scores a name in a text whose only context is ``cue``, ``district`` and ``country``.

    Parameters
    ----------
    name : str
        The name as written, in any spelling the gazetteer knows.
    gazetteer, rules
        As for :func:`resolve`.
    cue : str, optional
        The kind the name is said to be, like a cue word beside it in a text ("village").
    district : str, optional
        The district the place lies in, in any spelling: only its places are candidates,
        and a village the gazetteer lacks there is placed at the district's point, as
        "Suarasi village of Lachin district" is in a text.
    country : str, optional
        ISO 3166-1 alpha-2 code: only that country's places are candidates.
    doc_id : str
        Copied to the mention.

    Returns
    -------
    Mention
        Resolved, unresolved, or rejected (a small place outside the home countries).

    Examples
    --------
    >>> from geo.gazetteer import load_gazetteer
    >>> from geo.rules import place_rules
    >>> gaz, rules = load_gazetteer(), place_rules()
    >>> resolve_name("Kəlbəcər", gaz, rules).place.id
    'curated:az-district-kalbajar'
    >>> resolve_name("Füzuli", gaz, rules, cue="village", district="Shamkir").place.district
    'Shamkir'
    >>> m = resolve_name("Suarasi", gaz, rules, cue="village", district="Laçın")
    >>> m.place.district, m.geo_precision, m.reason
    ('Lachin', 'district', 'located at district level')
    """
    key = normalise_name(name)
    area = _district_place(district, gazetteer) if district else None
    if area is not None and country and area.country != country:
        area = None
    every = gazetteer.places_named(key)
    places = tuple(p for p in every if (not country or p.country == country)
                   and (area is None or p.district == area.district))
    focus = {country} if country else set(rules.home_countries)
    if area is not None:
        focus.add(area.country)
    candidate = Candidate(0, len(name), name, key, places, cue=cue,
                          district_hint=area.name if area else None)
    mention = _resolve_one(Document(doc_id, ""), candidate, focus, Counter(), rules)
    mention = _place_marked_village(mention, candidate.district_hint, Counter(), gazetteer)
    notes = [mention.reason] if mention.reason else []
    if every and not places:
        # Say where the gazetteer does have the name: a wrong district in the table, or
        # a gazetteer that files the village under a former district.
        elsewhere = sorted({f"{p.district} ({p.country})" if p.district else p.country
                            for p in every[:20]})
        notes.append(f"the gazetteer has {name} only in {', '.join(elsewhere[:3])}")
    if district and area is None:
        notes.append(f"{district!r} is no district the gazetteer knows")
    mention.reason = "; ".join(notes)
    return mention


def _places_meant(candidates: list[Candidate], named: set[str], focus: set[str],
                  rules: PlaceRules) -> dict[str, tuple[Place, ...]]:
    """The places each name of the document may be, where fewer than the gazetteer gives
    it (see :func:`_by_names_of_their_own`), by the name's key."""
    meant: dict[str, tuple[Place, ...]] = {}
    read: set[str] = set()
    spoken_of: set[str] | None = None  # worked out for the first name that needs it
    for c in candidates:
        places = c.places
        if not places or c.key in read or c.rejected:
            continue
        read.add(c.key)
        if _always_meant(places[0]) or _own_name(places[0].name) == c.key:
            continue  # the likeliest place bears the name: the quick answer, for most names
        if spoken_of is None:
            spoken_of = named | _home_countries_by_own_names(candidates, rules)
        kept = _by_names_of_their_own(c.key, places, spoken_of, focus, rules)
        if len(kept) < len(places):
            meant[c.key] = kept
    return meant


def _by_names_of_their_own(key: str, places: tuple[Place, ...], spoken_of: set[str],
                           focus: set[str], rules: PlaceRules) -> tuple[Place, ...]:
    """The ``places`` a name (its ``key``) may be, of those the gazetteer gives it, in a
    report about the countries ``spoken_of``.

    A place the name is only another name of (GeoNames' other names are of every language
    and script) is none of another country than a place of one of those countries that
    bears the name as its own ("Koti" in Tavush is no Kochi, Japan, though the report names
    Japan), nor a smaller town or village than that place. Where no place of the region
    bears the name, it is a place of those countries or a city of a million ("Kharkov" is
    Kharkiv): "Nikozi", a village by Tskhinvali, is no Nicosia, and "Kut", one of
    Gegharkunik's in a report on Armenia, no Kutaisi. (A small place abroad is left to be
    rejected as a coincidence of names.)
    """
    own = [_own_name(p.name) == key for p in places]
    owners = [p for p, is_own in zip(places, own, strict=True)
              if is_own and p.country in rules.home_countries]
    if not spoken_of or all(own) or owners and not {p.country for p in owners} & spoken_of:
        return places  # "near Zar" in a report on Kalbajar: no sign Armenia's Zar is meant
    return tuple(p for p, is_own in zip(places, own, strict=True)
                 if is_own or _meant_by_another_name(p, owners, spoken_of, focus, rules))


def _meant_by_another_name(place: Place, owners: list[Place], spoken_of: set[str],
                           focus: set[str], rules: PlaceRules) -> bool:
    """Whether a place a name is only another name of may be meant by it, given the
    places of the region that bear the name as their own (``owners``): see
    :func:`_by_names_of_their_own`."""
    if _always_meant(place):
        return True
    if owners:
        # of the country of a place that bears the name, but no smaller town or village
        # than it ("Jermuk" is the spa town, not Mets Sepasar, a village GeoNames also
        # calls so; "Lachin" also the town of Lachin district)
        return any(o.country == place.country and not (
            place.kind in _LOCALITY and o.kind in _LOCALITY and place.population < o.population)
            for o in owners)
    return place.country in spoken_of or place.population >= _BUREAU_CITY or \
        _far_and_small(place, focus, rules)


def _always_meant(place: Place) -> bool:
    """Whether ``place`` is meant by any of its names: a country or a unit of the curated
    gazetteer, whose names are chosen by hand (and which outranks the places named alike)."""
    return place.kind == "country" or place.id.startswith("curated:")


def _home_countries_by_own_names(candidates: list[Candidate], rules: PlaceRules) -> set[str]:
    """The home countries of the places the document names by names of their own."""
    return {c.places[0].country for c in candidates if not c.rejected and c.places
            and c.places[0].country in rules.home_countries
            and _own_name(c.places[0].name) == c.key}


def _in_named_district(c: Candidate, gazetteer: Gazetteer) -> Candidate:
    """"Sarıcalı village of Ağdam district": only places in that district are the name's
    candidates (a Turkish village of the same name is not); with none there, the village
    is one the gazetteer lacks."""
    district = _district_place(c.district_hint, gazetteer) if c.district_hint else None
    if district is None or not c.places:
        return c
    # a place whose district the gazetteer does not know may still lie there
    return dataclasses.replace(c, places=tuple(p for p in c.places
                                               if p.district in (district.district, None)
                                               and p.country == district.country))


_AREA_KINDS = ("country", "region", "district")


def _village_in_focus(c: Candidate, focus: set[str],
                      named_districts: dict[str, set[str]]) -> Candidate:
    """"Gorgan village of the district": a village a report names lies in the countries
    it is about (Iran's city of Gorgān is not meant), and in a district the report names
    where it names any of that country ("the village of Mahmudlu" in a report on Jabrayil
    is not Shamkir's Mahmudlu, the only one GeoNames has); with none there, the village
    is one the gazetteer lacks."""
    if c.cue != "village" or not c.places:
        return c
    # nor is it a district of the same name ("near the village of Kangarli" in Aghdam is
    # not Nakhchivan's Kangarli district)
    return dataclasses.replace(c, places=tuple(
        p for p in c.places if p.country in focus and p.kind not in _AREA_KINDS and (
            p.district is None or p.district in named_districts.get(p.country, (p.district,)))))


def _named_districts(candidates: list[Candidate]) -> dict[str, set[str]]:
    """The districts the document names, by country."""
    named: dict[str, set[str]] = {}
    for c in candidates:
        if not c.rejected and c.places and c.places[0].district and \
                "district" in (c.cue, c.places[0].kind):
            named.setdefault(c.places[0].country, set()).add(c.places[0].district)
    return named


def _village_countries(candidates: list[Candidate], named: set[str],
                       rules: PlaceRules) -> set[str]:
    """The countries a village of the document may lie in: those it names outright, and
    of the home countries those it names places of other than villages, if any (a
    village named in Armenia only, "Chaykend", is no sign of Armenia, nor is Armenia
    named as an actor: "Baku has accused Armenia of planting new mines")."""
    home_named = {c.places[0].country for c in candidates if not c.rejected and c.places
                  and c.cue != "village" and not c.actor and
                  c.places[0].country in rules.home_countries}
    return (named - rules.home_countries) | (home_named or rules.home_countries)


def _document_countries(candidates: list[Candidate]) -> set[str]:
    """Countries the document names outright, or whose curated places it names."""
    countries = set()
    for c in candidates:
        if not c.rejected and c.places:
            best = c.places[0]
            if best.kind == "country" or best.id.startswith("curated:"):
                countries.add(best.country)
    return countries


def _resolve_one(doc: Document, c: Candidate, focus: set[str], districts: Counter[str],
                 rules: PlaceRules) -> Mention:
    mention = Mention(doc.doc_id, c.start, c.end, c.text, "rejected", reason=c.rejected or "")
    if c.rejected:
        return mention
    if not c.places:
        mention.status, mention.kind = "unresolved", c.cue or "other"
        mention.reason = "not in gazetteer"
        return mention
    # a town of a country the report names is no likelier than a city of another five
    # times its size ("talks in Geneva, Athens and Dublin" in a report naming the United
    # States), unless that country is one of the region's
    abroad = focus - rules.home_countries
    if abroad and any(p.country in abroad for p in c.places):
        namesake_below = max(p.population for p in c.places) / _NAMESAKE_RATIO
        scores = [_score(p, c, _NO_FOCUS if p.country in abroad and
                         p.population < namesake_below else focus, districts)
                  for p in c.places]
    else:
        scores = [_score(p, c, focus, districts) for p in c.places]
    best_score = max(scores)
    first_best = scores.index(best_score)  # of equal scores, the higher prior
    best = c.places[first_best]
    if _far_and_small(best, focus, rules):
        mention.reason = "small place outside the document's countries: a coincidence of names"
        return mention
    others = scores[:first_best] + scores[first_best + 1:]
    runner_up = max(others) if others else best_score - 1.0
    mention.status = "resolved"
    mention.place = best
    mention.kind = best.kind
    mention.geo_precision = best.geo_precision
    mention.confidence = round(min(0.99, 0.5 + (best_score - runner_up) / 2), 2)
    mention.reason = "metonymic" if c.actor else "dateline" if c.dateline else ""
    return mention


def _far_and_small(place: Place, focus: set[str], rules: PlaceRules) -> bool:
    """Whether ``place`` is a small place outside the document's countries: a name that
    means it is a coincidence of names."""
    return place.country not in focus and place.kind not in ("country", "city") and \
        place.population < rules.far_small_place_population


# How much larger a city elsewhere makes a namesake in a country the report names no
# likelier than it; the countries a place so outweighed has no bonus from
_NAMESAKE_RATIO = 5
_NO_FOCUS: set[str] = set()


def _cue_bonus(cue: str | None, kind: str) -> float:
    """What a cue word next to a name adds to a place of ``kind``."""
    if cue is None:
        # In this field a bare district name ("a blast in Kalbajar") means the district
        # far more often than its seat town of the same name.
        return 0.2 if kind == "district" else 0.0
    if cue == kind or (cue in _LOCALITY and kind in _LOCALITY):
        return 1.0
    return 0.3 if cue == "district" and kind == "region" else 0.0


# Worked out once for every pair of kinds: a name has up to a dozen candidates.
_CUE_BONUS = {(cue, kind): _cue_bonus(cue, kind)
              for cue in (None, *PLACE_KINDS) for kind in PLACE_KINDS}


def _score(place: Place, c: Candidate, focus: set[str], districts: Counter[str]) -> float:
    return (prior(place) + (0.3 if place.country in focus else 0.0)
            + _CUE_BONUS.get((c.cue, place.kind), 0.0)
            + (0.3 if place.district in districts else 0.0)
            + (_OWN_NAME_BONUS if _own_name(place.name) == c.key else 0.0)
            + (_big_city_bonus(c) if place.population >= _BUREAU_CITY else 0.0))


def _big_city_bonus(c: Candidate) -> float:
    """What a city of a million people gains: much in a dateline (see `_BUREAU_CITY`), a
    little as a bare name, which news uses for the city the world knows ("talks in
    Moscow", though the report names the United States, which has a town of Moscow)."""
    return 0.3 if c.dateline else 0.1 if c.cue is None else 0.0


# A dateline names where a report was filed, mostly a news bureau in a large city: "MOSCOW,
# June 12 (Reuters)" is Moscow, Russia, though the report names the United States and
# GeoNames has a town of Moscow there.
_BUREAU_CITY = 1_000_000


# A name that is a place's own, not only one of its other names (transliterations, names
# in other languages), tells a little more: "Goris" is the Armenian town, though GeoNames
# also gives the name to Gori, a larger town in Georgia.
_OWN_NAME_BONUS = 0.05


@cache
def _own_name(name: str) -> str:
    """A place's own name, normalised as names in the text are; worked out once."""
    return normalise_name(name)


def _place_marked_village(m: Mention, hint: str | None, districts: Counter[str],
                          gazetteer: Gazetteer, near: str | None = None,
                          country: str | None = None) -> Mention:
    """A village the gazetteer lacks, tied to a district ("Suarasi village of Lachin
    district"), in a sentence that names one (``near``), or in a document about one
    district, is placed at that district's point; of the document's districts, only one of
    the ``country`` its sentence puts it in ("near the village of Ditsi, close to South
    Ossetia" is no village of Aghdam, named at the end of the report)."""
    if m.status != "unresolved" or m.kind != "village":
        return m
    district = _district_place(hint, gazetteer) if hint else None
    if district is None and hint and any(p.kind == "region" for p in gazetteer.lookup(hint)):
        return m  # "Nerkin Hand village in Syunik Province": in no district named elsewhere
    reason = DISTRICT_LEVEL
    if district is None and near:
        district = _district_place(near, gazetteer)
        reason = f"{DISTRICT_LEVEL} (the district its sentence names)"
    if district is None and districts:
        # the district named most often; a city with a district of its own (Baku) is none
        district = next((place for name, _ in districts.most_common()
                         if (place := _district_place(name, gazetteer))
                         and country in (None, place.country)), None)
        reason = f"{DISTRICT_LEVEL} (the district the document is about)"
    if district is None:
        return m
    m.status, m.name = "resolved", m.text
    m.place = Place(
        id=f"unlisted:{_slug(district.district or district.name)}/{_slug(m.text)}",
        name=m.text, kind="village", country=district.country, lat=district.lat,
        lon=district.lon, district=district.district,
        source=f"named in the text; placed at the point of {district.name} district "
               f"({district.id})",
        point_basis="district",
    )
    m.geo_precision, m.reason, m.confidence = "district", reason, 0.6
    return m


def _slug(name: str) -> str:
    return "-".join(normalise_name(name).replace("'", "").split())


def _district_place(name: str, gazetteer: Gazetteer) -> Place | None:
    for place in gazetteer.lookup(name):
        if place.kind == "district":
            return place
    return None
