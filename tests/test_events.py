from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.build import run
from geo.events import _for_lower_case, read_period
from geo.model import Document
from geo.normalise import lower
from geo.pipeline import process_document
from geo.rules import load_yaml

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seed_build(gazetteer):
    return run([SEEDS], gazetteer)


def events_of(gazetteer, text: str, published: date = date(2021, 12, 5)):
    doc = Document("t", "t.txt", text=text, published=published)
    return process_document(doc, gazetteer).events


def find(events, event_type, start):
    matches = [e for e in events if e.event_type == event_type and e.date_start == start]
    assert len(matches) == 1, [e.summary for e in events]
    return matches[0]


def test_kalbajar_incident_three_killed(seed_build):
    e = find(seed_build.events, "mine_incident", date(2021, 6, 4))
    assert e.killed == 3
    assert [p.district for p in e.places] == ["Kalbajar"]
    assert "journalists" in e.details["victims"]
    assert "Kalbajar" in e.quote and e.sources == ["001_0123ef06a2ce0fd4"]


def test_aghdam_handover_is_one_event_with_two_sources(seed_build):
    e = find(seed_build.events, "map_handover", date(2021, 6, 12))
    assert (e.mines, e.prisoners) == (97_000, 15)
    assert e.sources == ["002_0b785539a485eca4", "004_e054b449c2aa7ef3"]
    assert e.source_count == 2
    assert [p.district for p in e.places] == ["Aghdam"]


def test_fuzuli_zangilan_handover_is_one_event_with_two_places(seed_build):
    e = find(seed_build.events, "map_handover", date(2021, 7, 3))
    assert e.mines == 92_000 and e.qualifiers["mines"] == "about"
    assert sorted(p.district for p in e.places) == ["Fuzuli", "Zangilan"]
    assert "about 92,000" in e.summary


def test_december_handover_and_the_announced_one(seed_build):
    december = find(seed_build.events, "map_handover", date(2021, 12, 4))
    assert december.place_names == ["liberated territories"]
    assert "Russian Defence Ministry" in december.details.get("mediator", "")
    announced = find(seed_build.events, "map_handover", date(2024, 1, 25))
    assert announced.event_subtype == "announced"
    assert announced.details["maps"] == 8


def test_clearance_report_of_2020_2021(seed_build):
    e = find(seed_build.events, "clearance_report", date(2020, 11, 10))
    assert e.date_end == date(2021, 5, 31)
    assert (e.mines, e.uxo, e.hectares) == (7_449 + 3_643, 9_033, 2_763.5)
    assert (e.details["anti_personnel"], e.details["anti_tank"]) == (7_449, 3_643)


@pytest.mark.parametrize(("start", "end", "casualties", "killed"), [
    (date(2020, 11, 10), date(2021, 6, 11), 140, None),
    (date(2020, 11, 1), date(2021, 12, 6), 180, None),
    (None, date(2024, 1, 26), 342, 65),
])
def test_casualty_totals(seed_build, start, end, casualties, killed):
    totals = [e for e in seed_build.events if e.event_type == "casualty_total"
              and e.date_end == end]
    assert len(totals) == 1
    assert (totals[0].casualties, totals[0].killed) == (casualties, killed)
    if start:
        assert totals[0].date_start == start


def test_one_incident_in_three_reports_is_one_event_naming_every_speaker(gazetteer,
                                                                         tmp_path):
    reports = {
        "r1": (" date 2024-06-11\nTwo shepherds were injured on Monday when an anti-personnel "
               "mine exploded near Sarijali village of Aghdam district, ANAMA said."),
        "r2": (" date 2024-06-10\nA mine exploded in the Aghdam district on June 10, injuring "
               "two residents, the Interior Ministry reported."),
        "r3": (" date 2024-06-12\nTwo civilians were wounded by a landmine in the Aghdam "
               "region on Monday, the prosecutor's office said on Wednesday."),
    }
    for name, text in reports.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    [e] = run([tmp_path], gazetteer).events
    assert (e.sources, e.injured, e.date_start) == (["r1", "r2", "r3"], 2, date(2024, 6, 10))
    assert e.attributed_to == "ANAMA; Interior Ministry; the prosecutor's office"
    assert e.summary.endswith("according to ANAMA; Interior Ministry; the prosecutor's office")


def test_every_event_has_a_quote_a_source_and_a_summary(seed_build):
    for e in seed_build.events:
        assert e.quote and e.sources and e.summary and e.event_id
        assert 0 <= e.confidence <= 1


def test_summaries_word_claims_as_claims(seed_build):
    e = find(seed_build.events, "map_handover", date(2021, 12, 4))
    assert e.summary.endswith("according to State Security Service")
    unattributed = [e for e in seed_build.events if not e.attributed_to]
    assert all(e.summary.endswith("as the article reports") for e in unattributed)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on June 12", date(2021, 12, 5), (date(2021, 6, 12), date(2021, 6, 12), "day")),
    ("Last Friday's [June 4] event", date(2021, 6, 11),
     (date(2021, 6, 4), date(2021, 6, 4), "day")),
    ("since November 10", date(2021, 6, 11), (date(2020, 11, 10), date(2021, 6, 11), "day")),
    ("from November 10, 2020, to May 31, 2021", date(2021, 6, 11),
     (date(2020, 11, 10), date(2021, 5, 31), "day")),
    ("from February 21 to 26", date(2022, 2, 28),
     (date(2022, 2, 21), date(2022, 2, 26), "day")),
    ("between 10 and 15 June 2024", date(2024, 6, 17),
     (date(2024, 6, 10), date(2024, 6, 15), "day")),
    ("from 3 to 7 March", date(2024, 6, 17), (date(2024, 3, 3), date(2024, 3, 7), "day")),
    ("during the week of 6–11 May 2024", date(2024, 5, 13),
     (date(2024, 5, 6), date(2024, 5, 11), "day")),
    # a part of a month
    ("over the last week of January", date(2022, 2, 7),
     (date(2022, 1, 25), date(2022, 1, 31), "day")),
    ("in the second half of April 2023", date(2023, 6, 1),
     (date(2023, 4, 16), date(2023, 4, 30), "day")),
    # a range of months as written, and one to the end of a month
    ("In the January-April period, 18,420 hectares were cleared", date(2024, 5, 2),
     (date(2024, 1, 1), date(2024, 4, 30), "month")),
    ("In December 2023–January 2024", date(2024, 5, 2),
     (date(2023, 12, 1), date(2024, 1, 31), "month")),
    ("between November 2020 and the end of March 2022", date(2024, 5, 2),
     (date(2020, 11, 1), date(2022, 3, 31), "month")),
    ("in the third quarter of 2024", date(2024, 12, 1),
     (date(2024, 7, 1), date(2024, 9, 30), "month")),
    ("Over the past week, ANAMA defused 178 mines", date(2024, 6, 12),
     (date(2024, 6, 5), date(2024, 6, 12), "day")),
    ("over the last two months", date(2024, 6, 12),
     (date(2024, 4, 12), date(2024, 6, 12), "day")),
    ("last month", date(2024, 6, 12), (date(2024, 5, 1), date(2024, 5, 31), "month")),
    ("From 1992 to 2020, 2,837 people", date(2024, 6, 12),
     (date(1992, 1, 1), date(2020, 12, 31), "year")),
    ("a short war last year", date(2024, 6, 12), None),
    ("Armenia handed over maps of 400,000 mines to Azerbaijan last year.", date(2024, 6, 12),
     (date(2023, 1, 1), date(2023, 12, 31), "year")),
    ("This year, 25 people have been injured", date(2024, 6, 12),
     (date(2024, 1, 1), date(2024, 6, 12), "year")),
    ("a ceasefire that halted six weeks of fighting between the two armies last year",
     date(2021, 6, 4), None),
    ("last year's war", date(2021, 6, 4), None),
    # days counted back from the report
    ("A car hit a mine in Khojavend the night before last.", date(2022, 11, 5),
     (date(2022, 11, 3), date(2022, 11, 3), "day")),
    ("Last night, a mine exploded in Aghdam.", date(2022, 11, 5),
     (date(2022, 11, 4), date(2022, 11, 4), "day")),
    ("On the eve, a serviceman was injured.", date(2022, 11, 5),
     (date(2022, 11, 4), date(2022, 11, 4), "day")),
    # the day it was told is no start of the period ("told reporters on April 4")
    ("Over 100,000 hectares have been cleared since the end of the war, he told reporters on "
     "April 4.", date(2023, 4, 4), (date(2020, 11, 10), date(2023, 4, 4), "day")),
    # periods named by an event
    ("at least 380 people have been killed or injured since the 1994 ceasefire",
     date(2019, 4, 11), (date(1994, 5, 12), date(2019, 4, 11), "day")),
    ("since the end of the Second Nagorno-Karabakh War.", date(2021, 6, 5),
     (date(2020, 11, 10), date(2021, 6, 5), "day")),
    # a year, and what has happened since
    ("The center was founded in 2002 and has since returned over 6,000 hectares to safe use.",
     date(2023, 9, 14), (date(2002, 1, 1), date(2023, 9, 14), "year")),
    ("since the six-week war ended a year ago", date(2021, 11, 10),
     (date(2020, 11, 10), date(2021, 11, 10), "day")),
    # the war of 2008 in Georgia, by its year or by its name
    ("18 people have been killed since the end of the 2008 war.", date(2014, 5, 7),
     (date(2008, 8, 12), date(2014, 5, 7), "day")),
    ("since the five-day war with Russia", date(2014, 5, 7),
     (date(2008, 8, 12), date(2014, 5, 7), "day")),
    ("since the Russia-Georgia war", date(2014, 5, 7),
     (date(2008, 8, 12), date(2014, 5, 7), "day")),
    ("Russian peacekeepers have neutralized 26,000 explosive objects since the start of the "
     "peacekeeping mission.", date(2021, 1, 26), (date(2020, 11, 10), date(2021, 1, 26), "day")),
    # a period that lasts until the report
    ("Recall that from 1991 to date, 3,400 Azerbaijanis", date(2022, 9, 14),
     (date(1991, 1, 1), date(2022, 9, 14), "year")),
    ("From November 10, 2020 until now, 300 people", date(2022, 9, 14),
     (date(2020, 11, 10), date(2022, 9, 14), "day")),
    # a time to compare with dates nothing
    ("The blast was the first since 2023.", date(2025, 1, 6), None),
    ("Last year, ANAMA cleared 33,000 hectares, a record since demining began in 2020.",
     date(2025, 1, 6), (date(2024, 1, 1), date(2024, 12, 31), "year")),
    # a clause with no date of its own is dated by when it was said, where that is sure
    ("Yerevan has passed on information on 400,000 mines, the Armenian Foreign Ministry said "
     "on 3 July 2021.", date(2024, 1, 30), (date(2021, 7, 3), date(2021, 7, 3), "day")),
    ("Two soldiers were wounded, the ministry said on Tuesday.", date(2024, 1, 27),
     (date(2024, 1, 23), date(2024, 1, 23), "day")),
    ("Two civilians were injured, the Interior Ministry reported on August 8.",
     date(2021, 7, 8), None),
    ("in the last days of the war", date(2024, 6, 12), None),
    ("the talks later this month", date(2024, 6, 12), None),
    ("In the First Half of 2023", date(2023, 7, 5),
     (date(2023, 1, 1), date(2023, 6, 30), "month")),
    ("Since the 2020 ceasefire, more than 300 Azerbaijanis", date(2023, 11, 8),
     (date(2020, 11, 10), date(2023, 11, 8), "day")),
    ("Over the first five months of 2023", date(2023, 7, 5),
     (date(2023, 1, 1), date(2023, 5, 31), "month")),
    # from a start named by an event to a date
    ("12 people were killed and 33 injured by mines between the end of the 2020 conflict "
     "and the end of 2022", date(2023, 4, 4), (date(2020, 11, 10), date(2022, 12, 31), "day")),
    # a period from the end of a year, and one up to the day a count is given as of
    ("Since the end of 2020, 300 people", date(2023, 6, 10),
     (date(2020, 12, 31), date(2023, 6, 10), "year")),
    ("As of 31 March 2023, 300 people had been killed or injured since November 2020",
     date(2023, 6, 10), (date(2020, 11, 1), date(2023, 3, 31), "month")),
    ("on 12 March 2024, the first since the first half of 2023", date(2024, 6, 12),
     (date(2024, 3, 12), date(2024, 3, 12), "day")),
    ("A mine exploded in Fuzuli on 3 June – two shepherds were injured.", date(2024, 7, 12),
     (date(2024, 6, 3), date(2024, 6, 3), "day")),
    # the date of a dateline is the report's
    ("Aug 12 (Interfax) - One person was killed in a mine explosion in Kubatly district on "
     "Wednesday.", date(2021, 8, 12), (date(2021, 8, 11), date(2021, 8, 11), "day")),
    # the dateline of a release from several offices
    ("GENEVA/BAKU/YEREVAN, 3 June 2022 – On Sunday, two brothers were injured by a mine.",
     date(2022, 6, 3), (date(2022, 5, 29), date(2022, 5, 29), "day")),
    ("Nakhchivan, 6.09.2020 - A resident was injured in a mine explosion on Saturday.",
     date(2020, 9, 7), (date(2020, 9, 5), date(2020, 9, 5), "day")),
    ("1,400 mines produced in Armenia in 2021 were found in the area.", date(2022, 6, 1),
     None),
    ("Between 0 and 15 June, 40 mines were defused.", date(2024, 7, 12),
     (date(2024, 6, 15), date(2024, 6, 15), "day")),
    ("Since the end of the 44-day war", date(2023, 4, 4),
     (date(2020, 11, 10), date(2023, 4, 4), "day")),
    ("since the war", date(2023, 4, 4), (date(2020, 11, 10), date(2023, 4, 4), "day")),
    # the war by two of its names, as Azerbaijani state media call it
    ("Since the end of the 44-day Patriotic War in November 2020", date(2023, 4, 18),
     (date(2020, 11, 10), date(2023, 4, 18), "day")),
    ("since the 44-day Second Karabakh War", date(2023, 4, 18),
     (date(2020, 11, 10), date(2023, 4, 18), "day")),
    ("Since the war ended, mines have killed 65 people", date(2023, 6, 20),
     (date(2020, 11, 10), date(2023, 6, 20), "day")),
    ("since the end of the war", date(2023, 6, 20),
     (date(2020, 11, 10), date(2023, 6, 20), "day")),
    ("since the war's end", date(2023, 6, 20), (date(2020, 11, 10), date(2023, 6, 20), "day")),
    ("since the war ended", date(2019, 6, 20), None),  # before 2020: another war
    ("since the war in Ukraine began", date(2023, 6, 20), None),
    ("Since 2020, 2,000 square kilometres were cleared", None, None),  # till when, unsaid
    # a season without its year: the last one begun by the report's day
    ("Deminers have surveyed 38 hectares since the spring", date(2023, 10, 12),
     (date(2023, 3, 1), date(2023, 10, 12), "day")),
    ("This summer, deminers found 26 mines", date(2023, 10, 12),
     (date(2023, 6, 1), date(2023, 8, 31), "month")),
    ("Last winter, deminers found 26 mines", date(2023, 10, 12),
     (date(2022, 12, 1), date(2023, 2, 28), "month")),
    ("Casualties fall to 12 this year", date(2023, 10, 12),  # (no autumn)
     (date(2023, 1, 1), date(2023, 10, 12), "year")),
    # the day a writing came out is not its figures'
    ("The annual report, published on November 20 by the International Campaign to Ban "
     "Landmines, recorded 58 mine casualties in Azerbaijan in 2023.", date(2024, 11, 21),
     (date(2023, 1, 1), date(2023, 12, 31), "year")),
    ("The report, released on Wednesday, recorded 58 mine casualties in 2023.",
     date(2024, 11, 21), (date(2023, 1, 1), date(2023, 12, 31), "year")),
    ("As of the end of 2023, ANAMA had cleared 100,000 hectares", date(2024, 3, 10),
     (date(2023, 12, 31), date(2023, 12, 31), "day")),
    ("By the end of 2023, ANAMA had cleared 100,000 hectares", date(2024, 3, 10),
     (date(2023, 12, 31), date(2023, 12, 31), "day")),
    ("from January through December 2022", date(2023, 1, 2),
     (date(2022, 1, 1), date(2022, 12, 31), "month")),
    ("the ministry reported on August 8", date(2021, 7, 8), None),
    ("Yesterday a mine exploded", date(2023, 6, 20),
     (date(2023, 6, 19), date(2023, 6, 19), "day")),
    ("Two days ago, a civilian was injured", date(2023, 6, 20),
     (date(2023, 6, 18), date(2023, 6, 18), "day")),
    ("During 2021-2023, ANAMA cleared 120,000 hectares", date(2023, 6, 20),
     (date(2021, 1, 1), date(2023, 6, 20), "year")),
    ("During the week of April 15-20, 41 mines were neutralized", date(2024, 4, 22),
     (date(2024, 4, 15), date(2024, 4, 20), "day")),
    ("Since the end of the 2020 conflict, the agency said Saturday.", date(2024, 11, 2),
     (date(2020, 11, 10), date(2024, 11, 2), "day")),
    # a month of the year named after it; a range that ends in May; a year so far
    ("In April last year, a boy was injured.", date(2024, 8, 7),
     (date(2023, 4, 1), date(2023, 4, 30), "month")),
    ("On June 5 of the previous year, a boy was injured.", date(2024, 8, 7),
     (date(2023, 6, 5), date(2023, 6, 5), "day")),
    ("The mines were neutralised between January and May.", date(2024, 8, 7),
     (date(2024, 1, 1), date(2024, 5, 31), "month")),
    ("So far in 2025, 19 people have been injured and 3 killed.", date(2025, 6, 12),
     (date(2025, 1, 1), date(2025, 6, 12), "year")),
    # explosive remnants of war are no war a year is the background of
    ("32 casualties from mines and explosive remnants of war in Azerbaijan in 2022",
     date(2023, 11, 16), (date(2022, 1, 1), date(2022, 12, 31), "year")),
])
def test_dates_relative_to_publication(text, published, expected):
    assert read_period(text, published) == expected


def test_numbers_in_words_and_with_qualifiers(gazetteer):
    [e] = [e for e in events_of(gazetteer, "On June 4, two Azerbaijani journalists and a "
                                           "local official were killed in a mine blast in "
                                           "Kalbajar district.") if e.event_type != "other"]
    assert e.killed == 3
    [total] = events_of(gazetteer, "Over 140 Azerbaijan citizens have been killed or injured "
                                   "in mine explosions since November 10.", date(2021, 6, 11))
    assert (total.casualties, total.qualifiers["casualties"]) == (140, "over")
    assert "over 140" in total.summary


@pytest.mark.parametrize("text, killed", [
    # a group among the whole: more were killed than the group's
    ("Since the end of the war, 390 people have been killed or injured by mines in "
     "Azerbaijan, including 35 civilians killed, ANAMA said.", (35, "at least")),
    ("Mines have killed or injured 390 people since November 2020, including 65 killed, "
     "ANAMA said.", (65, None)),
])
def test_the_killed_of_a_group_in_a_total_are_a_floor(gazetteer, text, killed):
    [total] = events_of(gazetteer, text, date(2022, 3, 15))
    assert total.casualties == 390
    assert (total.killed, total.qualifiers.get("killed")) == killed


def test_some_of_a_totals_injured_are_not_its_injured(gazetteer):
    [total] = events_of(gazetteer, "In 2024, 35 people were injured or killed by mines in "
                                   "Azerbaijan, ANAMA said. Among the injured were three "
                                   "children.", date(2025, 2, 1))
    assert (total.casualties, total.injured) == (35, None)


@pytest.mark.parametrize("more", [
    "The truck hit the mine near the village of Zar.",
    "The KamAZ truck drove over the mine near the village of Zar.",
])
def test_the_mine_told_again_places_the_incident_finer(gazetteer, more):
    [e] = events_of(gazetteer, "On Monday, two deminers were injured when their truck hit an "
                               f"anti-tank mine in Kalbajar district. {more}", date(2024, 5, 1))
    assert (e.place_names, e.injured) == (["Zar"], 2)


@pytest.mark.parametrize("after", [
    "The six-week war killed more than 6,500 people on both sides.",
    "The 44-day war in 2020 left nearly 3,000 Azerbaijani soldiers dead.",
    "Armenian shelling left two Azerbaijani soldiers dead.",
    # more than any one incident has harmed, its cause untold
    "Armenia said 207 of its servicemen were killed or went missing, while Azerbaijan "
    "reported 80 dead.",
])
def test_the_dead_of_a_war_told_after_an_incident_are_none_of_its(gazetteer, after):
    [e] = events_of(gazetteer, f"A civilian was injured by a mine in Aghdam on Wednesday, the "
                               f"ministry said. {after}", date(2024, 5, 3))
    assert (e.killed, e.injured) == (None, 1)


def test_a_second_blast_on_no_day_of_its_own_is_the_same_incident(gazetteer):
    [e] = events_of(gazetteer, "A shepherd was killed by a mine near Aghdam on Monday. Two "
                               "rescuers who came to help him were injured by a second "
                               "explosion.", date(2024, 5, 1))
    assert (e.killed, e.injured, e.date_start) == (1, 2, date(2024, 4, 29))
    apart = events_of(gazetteer, "A shepherd was killed by a mine near Aghdam on Monday. On "
                                 "Tuesday, two deminers were injured in a second explosion "
                                 "near Fuzuli.", date(2024, 5, 1))
    assert [(e.place_names, e.killed, e.injured) for e in apart] == \
        [(["Aghdam"], 1, None), (["Fuzuli"], None, 2)]


def test_follow_up_sentences_complete_an_incident(gazetteer):
    text = ("BAKU — Two journalists and a local official were killed on Friday in a landmine "
            "explosion in Azerbaijan's Kalbajar district, the prosecutor's office said. "
            "A local official also died and four people were injured.")
    [e] = events_of(gazetteer, text, date(2021, 6, 4))
    assert (e.killed, e.injured, e.casualties) == (3, 4, 7)
    assert e.date_start == date(2021, 6, 4)
    assert [p.district for p in e.places] == ["Kalbajar"]  # not the dateline's Baku


@pytest.mark.parametrize(("text", "kinds"), [
    ("On March 11 Armenia still refuses to provide mine maps.", [("other", "claim")]),
    ("On March 11 Azerbaijan accused Armenia of failing to hand over maps of minefields in "
     "Kalbajar.", [("other", "claim")]),
    # that all the maps it has were handed over is what a side says, no handover
    ("On Tuesday, Mirzoyan noted that Armenia had handed over to Azerbaijan all the minefield "
     "maps in its possession and called on Baku to stop using the issue as a pretext.",
     [("other", "claim")]),
    ("On Monday, Armenia's Foreign Ministry said it has handed over all the maps of "
     "minefields in its possession.", [("other", "claim")]),
    ("Armenia has handed over all the maps of minefields it had for Agdam district, "
     "Armenia's Foreign Ministry spokeswoman said on Monday.", [("other", "claim")]),
    # maps not given, or that must be, are no handover
    ("Armenia has still not provided maps of the minefields laid in Kalbajar and Lachin, the "
     "ministry said on Monday.", [("other", "claim")]),
    ("On Monday, Hajiyev said Armenia must provide the maps of more than one million mines.",
     [("other", "claim")]),
    # ... but one given, then others not, is a handover of those given
    ("On Monday he recalled that Armenia handed over maps of 97,000 mines in Aghdam in June "
     "2021, and that the maps of Kalbajar and Lachin had never been provided.",
     [("map_handover", None)]),
])
def test_a_refusal_to_hand_over_maps_is_a_claim_not_a_handover(gazetteer, text, kinds):
    events = events_of(gazetteer, text, date(2024, 2, 21))
    assert [(e.event_type, e.event_subtype) for e in events] == kinds


def test_different_events_on_one_day_stay_apart(gazetteer):
    text = ("On June 12, two civilians were injured in a mine explosion in Fuzuli district. "
            "On June 12, a deminer was killed in a mine explosion in Lachin district.")
    incidents = [e for e in events_of(gazetteer, text) if e.event_type == "mine_incident"]
    assert sorted((e.places[0].district, e.killed, e.injured) for e in incidents) == [
        ("Fuzuli", None, 2), ("Lachin", 1, None)]


@pytest.mark.parametrize("joiner", ["\n\n", " "])
def test_a_long_report_gives_each_incident_its_own_event(gazetteer, joiner):
    # an annual report pasted into one file, in paragraphs or on one line
    districts = ["Aghdam", "Fuzuli", "Lachin", "Kalbajar", "Zangilan", "Tartar"]
    days = [date(2021, 1, 1) + timedelta(days=i) for i in range(365)]
    text = joiner.join(f"On {day:%B} {day.day}, 2021, {i % 4 + 1} people were killed in a mine "
                       f"explosion in {districts[i % 6]} district."
                       for i, day in enumerate(days))
    incidents = [e for e in events_of(gazetteer, text, date(2022, 1, 15))
                 if e.event_type == "mine_incident"]
    assert sorted((e.date_start, e.places[0].district, e.killed) for e in incidents) == [
        (day, districts[i % 6], i % 4 + 1) for i, day in enumerate(days)]


@pytest.mark.parametrize("munitions", ["cluster munitions", "cluster submunitions"])
def test_cluster_munitions_destroyed_are_counted_as_uxo(gazetteer, munitions):
    [e] = events_of(gazetteer, "The HALO Trust said its teams had cleared 1,200 hectares in "
                               f"Aghdam since 2021 and destroyed 4,500 {munitions}.")
    assert (e.event_type, e.hectares, e.uxo) == ("clearance_report", 1200, 4500)


def test_a_total_says_how_many_were_killed_and_how_many_injured(gazetteer):
    [e] = events_of(gazetteer, "Since November 2020 a total of 345 people, including 68 "
                               "civilians, have become victims of landmines. Of them, 65 were "
                               "killed and 280 were severely injured.", date(2024, 2, 20))
    assert (e.casualties, e.killed, e.injured) == (345, 65, 280)
    assert "345 killed or injured, 65 killed, 280 injured" in e.summary


def test_a_total_of_injured_alone_is_not_repeated_as_killed_or_injured(gazetteer):
    [e] = events_of(gazetteer, "In October alone, 7 people were injured in mine incidents in "
                               "Aghdam, Fuzuli and Tartar districts.", date(2022, 11, 9))
    assert (e.event_type, e.injured, e.casualties) == ("casualty_total", 7, 7)
    assert e.summary.startswith("Mine casualties in total: 7 injured, 2022-10-01 to ")


def test_a_clearance_counted_in_words_is_a_clearance(gazetteer):
    [e] = events_of(gazetteer, "Some fifty mines and nearly a hundred unexploded shells were "
                               "neutralized in Fuzuli in March.", date(2023, 6, 20))
    assert (e.event_type, e.mines, e.uxo, e.place_names) == ("clearance_report", 50, 100,
                                                             ["Fuzuli"])
    assert "about 50 mines, nearly 100 UXO" in e.summary


@pytest.mark.parametrize(("text", "hectares", "square_km"), [
    ("Turkish military engineers cleared 1,000 square kilometres in Karabakh in 2022.",
     100_000, 1000),
    ("The HALO Trust cleared about 2.5 km2 of land and destroyed 40 mines in Lachin in 2023.",
     250, 2.5),
    ("A total of 95,000 square meters of area were cleared of mines in Jabrayil last month.",
     9.5, None),
    # "helped clear" has cleared, where "plans to clear" has not (below)
    ("The UN Development Programme has helped clear 1,000 square kilometres of land in the "
     "Fuzuli district.", 100_000, 1000),
    # an area before what it measures, and its clearance finished
    ("The HALO Trust completed clearance of a 38,000-square-metre minefield near Chinari in "
     "November.", 3.8, None),
    ("The HALO Trust has finished clearing a 4.2-hectare minefield in Tavush.", 4.2, None),
])
def test_land_cleared_in_square_kilometres_or_metres_is_given_in_hectares(gazetteer, text,
                                                                           hectares, square_km):
    [e] = events_of(gazetteer, text, date(2024, 1, 10))
    assert (e.event_type, e.hectares, e.details.get("square_km")) == ("clearance_report",
                                                                      hectares, square_km)


def test_items_of_explosive_ordnance_are_mines_and_uxo_as_hedged(gazetteer):
    [e] = events_of(gazetteer, "The HALO Trust said its teams had destroyed more than 1,000 "
                               "items of explosive ordnance in Nagorno-Karabakh in 2022.",
                    date(2023, 2, 1))
    assert (e.event_type, e.details["mines_and_uxo"]) == ("clearance_report", 1000)
    assert "over 1,000 mines and UXO" in e.summary


@pytest.mark.parametrize("text", [
    "HALO said its teams had removed 1,238 items of ordnance near Gori since 2019.",
    "Deminers destroyed 1,238 pieces of ordnance in Aghdam last month.",
])
def test_items_of_ordnance_are_mines_and_uxo(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 5, 1))
    assert (e.event_type, e.details["mines_and_uxo"]) == ("clearance_report", 1238)


def test_fewer_items_than_a_clearance_counts_are_no_part_of_it(gazetteer):
    events = events_of(gazetteer, "Experts examined the area and found another three items of "
                                  "ordnance. Abkhazia was declared free of known minefields in "
                                  "November 2011, when the HALO Trust completed its clearance "
                                  "programme. In that period, HALO deminers removed 9,700 mines "
                                  "and 47,000 items of unexploded ordnance.", date(2024, 4, 11))
    assert [(e.mines, e.uxo, e.details.get("mines_and_uxo")) for e in events] == [
        (None, None, 3), (9700, 47000, None)]


@pytest.mark.parametrize("text", [
    "The Government of Japan provided $3.5 million for mine clearance in Azerbaijan.",
    "Japan allocated 2 million dollars for mine clearance in Fuzuli.",
    "The EU allocated AZN 5 million for mine clearance in Fuzuli.",
])
def test_money_for_demining_counts_no_mines(gazetteer, text):
    assert events_of(gazetteer, text, date(2022, 11, 23)) == []


@pytest.mark.parametrize(("text", "mines"), [
    ("Together with about 30 mine detection dogs, the teams cleared 500 hectares in Aghdam.",
     None),
    ("The agency's 12 mine clearance teams found 300 mines in Aghdam.", 300),
])
def test_mine_before_a_noun_counts_no_mines(gazetteer, text, mines):
    [e] = events_of(gazetteer, text, date(2022, 10, 10))
    assert (e.event_type, e.mines) == ("clearance_report", mines)


def test_figures_by_place_after_a_clearance_report_are_of_its_period(gazetteer):
    events = events_of(gazetteer, "From March 11 to 16, ANAMA deminers found 26 mines and 112 "
                                  "unexploded ordnance in the liberated territories. In "
                                  "Fuzuli, 211 unexploded ordnance were neutralized.",
                       date(2024, 3, 18))
    assert [(e.place_names, e.uxo, e.date_start, e.date_end) for e in events] == [
        (["liberated territories"], 112, date(2024, 3, 11), date(2024, 3, 16)),
        (["Fuzuli"], 211, date(2024, 3, 11), date(2024, 3, 16))]


@pytest.mark.parametrize("text", [
    "In Cambodia, a rat called Magawa found 71 landmines before he died in 2022.",
    "Ukraine, where Russian forces have used anti-personnel mines since the February 2022 "
    "invasion, recorded 608 casualties.",
    "In Bosnia, mines still kill people; more than 600 have died there since 1996.",
    "The Landmine Monitor records at least 4,710 casualties from mines worldwide in 2022.",
])
def test_mines_of_another_part_of_the_world_are_no_events_of_this_map(gazetteer, text):
    assert events_of(gazetteer, text, date(2023, 11, 14)) == []


def test_land_that_remains_contaminated_is_no_clearance_and_places_none(gazetteer):
    [e] = events_of(gazetteer, "ANAMA says that by the end of February 2024, around 148,000 "
                               "hectares had been cleared. In Armenia, the Center for "
                               "Humanitarian Demining and Expertise says that about 70 square "
                               "kilometres remain contaminated, mostly in Tavush and Syunik "
                               "provinces.", date(2024, 3, 5))
    assert (e.hectares, e.place_names) == (148_000, [])


def test_people_living_in_affected_places_are_no_victims(gazetteer):
    [e] = events_of(gazetteer, "In Syunik province, two residents of Tegh village were killed "
                               "on August 17, 2023, when their tractor hit an anti-tank mine. "
                               "Around 47,000 people live in the affected border communities, "
                               "the organization estimates.", date(2024, 3, 5))
    assert (e.killed, e.casualties) == (2, 2)


@pytest.mark.parametrize("text", [
    "The agency plans to clear 5,000 hectares in Aghdam next year.",
    "Some 12,000 square kilometres of land need to be surveyed and cleared, the agency "
    "estimates.",
    # (a clearing word in a name says nothing of land cleared)
    "According to Armenia's Centre for Humanitarian Demining and Expertise, around 60 square "
    "kilometres of Armenian territory are suspected to be contaminated.",
    "Around 60 square kilometres of land along the border are suspected to be contaminated.",
    "The ministry said its engineers had surveyed 150 hectares around Sotk, but that clearance "
    "could not begin until the spring.",
])
def test_land_still_to_clear_is_no_clearance(gazetteer, text):
    assert events_of(gazetteer, text, date(2024, 1, 10)) == []


@pytest.mark.parametrize(("text", "hectares"), [
    ("About 412 hectares have been surveyed and 96 hectares cleared in Aghdam, ANAMA said.", 96),
    ("In Aghdam, 1,100 hectares were surveyed and cleared, ANAMA said.", 1100),
])
def test_land_surveyed_is_not_land_cleared(gazetteer, text, hectares):
    [e] = events_of(gazetteer, text, date(2024, 1, 10))
    assert (e.event_type, e.hectares) == ("clearance_report", hectares)


def test_two_blasts_on_two_days_in_one_sentence_are_two_incidents(gazetteer):
    events = events_of(gazetteer, "A mine exploded in Shusha last Friday, wounding one person, "
                                  "and another blast on Saturday in Lachin injured two.",
                       date(2023, 6, 20))
    assert sorted((e.date_start, e.place_names, e.injured) for e in events) == [
        (date(2023, 6, 16), ["Shusha"], 1), (date(2023, 6, 17), ["Lachin"], 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia handed over maps of 97,000 mines in Aghdam in June and of 92,000 mines in Fuzuli "
     "and Zangilan in July.",
     [("map_handover", date(2021, 6, 1), ["Aghdam"], 97000),
      ("map_handover", date(2021, 7, 1), ["Fuzuli", "Zangilan"], 92000)]),
    ("Deminers found 120 mines in Aghdam in March and 85 mines in Fuzuli in April.",
     [("clearance_report", date(2021, 3, 1), ["Aghdam"], 120),
      ("clearance_report", date(2021, 4, 1), ["Fuzuli"], 85)]),
    ("Between June and July, 30 mines were found in Aghdam.",
     [("clearance_report", date(2021, 6, 1), ["Aghdam"], 30)]),
    # dates in brackets after each place
    ("Yerevan had handed over maps of minefields in Agdam (June 12), and Fizuli and Zangelan "
     "(July 3).", [("map_handover", date(2021, 6, 12), ["Aghdam"], None),
                   ("map_handover", date(2021, 7, 3), ["Fuzuli", "Zangilan"], None)]),
    ("Armenia gave Azerbaijan maps of minefields in Aghdam (June 2021), in Fuzuli and "
     "Zangilan (July 2021) and in several sectors along the line of contact (December 2021).",
     [("map_handover", date(2021, 6, 1), ["Aghdam"], None),
      ("map_handover", date(2021, 7, 1), ["Fuzuli", "Zangilan"], None),
      ("map_handover", date(2021, 12, 1), [], None)]),
    ("Between November 2020 and the end of March 2021, 30 mines were found in Aghdam.",
     [("clearance_report", date(2020, 11, 1), ["Aghdam"], 30)]),
])
def test_a_date_ending_its_clause_before_and_parts_two_events(gazetteer, text, expected):
    events = events_of(gazetteer, text, date(2021, 12, 15))
    assert sorted((e.event_type, e.date_start, e.place_names, e.mines) for e in events) == \
        expected


def test_unexploded_shells_are_uxo_and_in_may_is_a_month(gazetteer):
    [e] = events_of(gazetteer, "In Jabrayil, sappers defused 140 mines and 75 unexploded "
                               "shells during the month of May.", date(2023, 6, 20))
    assert (e.event_type, e.mines, e.uxo) == ("clearance_report", 140, 75)
    assert (e.date_start, e.date_end) == (date(2023, 5, 1), date(2023, 5, 31))


@pytest.mark.parametrize(("text", "place"), [
    ("Mine explosions have killed 3 people and injured 11 this year in Nagorno-Karabakh, the "
     "ICRC said in Geneva.", "Nagorno-Karabakh"),
    ("An Azerbaijani soldier was injured in a mine blast in the Karvachar region, the Defence "
     "Ministry in Baku reported.", "Kalbajar"),
    ("CHDE cleared 121 hectares in Tavush in 2024 and destroyed 1,356 mines, its director "
     "told a press conference in Yerevan.", "Tavush"),
    ("Two Armenian soldiers were killed by a mine in Nagorno-Karabakh on Friday, the Karabakh "
     "defence army said.", "Nagorno-Karabakh"),
])
def test_where_a_speaker_spoke_does_not_place_the_event(gazetteer, text, place):
    [e] = events_of(gazetteer, text)
    assert e.place_names == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("A passenger was hospitalized after a mine blast in Khojavend district.", "Khojavend"),
    ("Armenia transferred maps of minefields in Fuzuli.", "Fuzuli"),
])
def test_what_a_blast_or_maps_put_in_a_place_is_placed_there(gazetteer, text, place):
    [e] = events_of(gazetteer, text, date(2024, 2, 19))
    assert e.place_names == [place]


def test_what_a_war_was_fought_over_does_not_place_a_count_since_it(gazetteer):
    [e] = events_of(gazetteer, "Since the end of last year's war over Nagorno-Karabakh, more "
                               "than 100 Azerbaijanis have been killed or wounded by mines.",
                    date(2021, 11, 1))
    assert (e.place_names, e.date_start) == (["Azerbaijan"], date(2020, 11, 10))


def test_a_place_holding_the_district_named_before_it_does_not_place_the_event(gazetteer):
    [e] = events_of(gazetteer, "A mine injured a resident of Sadarak district in Nakhchivan "
                               "on Monday.")
    assert e.place_names == ["Sadarak"]


def test_a_deminer_hurt_while_demining_is_an_incident_in_the_district(gazetteer):
    [e] = events_of(gazetteer, "In Gubatly district, an ANAMA employee was injured while "
                               "demining an area.")
    assert (e.event_type, e.injured, e.place_names) == ("mine_incident", 1, ["Gubadli"])


def test_event_ids_do_not_depend_on_input_order(gazetteer):
    files = sorted(SEEDS.glob("*.txt"))
    forward = {e.event_id for e in run(files, gazetteer).events}
    backward = {e.event_id for e in run(list(reversed(files)), gazetteer).events}
    assert forward == backward


@pytest.mark.parametrize(("text", "expected"), [
    ("A resident of Aghdam district was killed on Monday after stepping on a landmine.",
     ("mine_incident", 1, None, None)),
    ("Three Azerbaijani servicemen were wounded when their vehicle hit an anti-tank mine in "
     "the Kalbajar district on May 5.", ("mine_incident", None, 3, None)),
    ("Since November 2020, 385 people have fallen victim to mines, including 69 killed.",
     ("casualty_total", 69, None, 385)),
    ("A 45-year-old shepherd lost his leg when an anti-personnel mine exploded near "
     "Sugovushan village of Tartar district on Tuesday.", ("mine_incident", None, 1, None)),
    ("In total, 3,412 people have been affected by mines since 1991, the agency said.",
     ("casualty_total", None, None, 3412)),
    ("Two civilians were killed by a landmine near Aghdam on Monday.",
     ("mine_incident", 2, None, None)),
    ("A soldier was wounded by an anti-personnel mine in Lachin on Friday.",
     ("mine_incident", None, 1, None)),
    ("A 63-year-old farmer was killed when his tractor struck a landmine in Tartar.",
     ("mine_incident", 1, None, None)),
    ("On 5 March, a demining specialist of ANAMA was injured when an anti-personnel mine "
     "exploded in the Fuzuli district.", ("mine_incident", None, 1, None)),
    ("A truck ran over an anti-tank mine in the Aghdam district on Sunday, killing the "
     "driver and wounding four passengers.", ("mine_incident", 1, 4, None)),
    ("A mine exploded near a local school in Aghdam on Sunday, injuring two shepherds.",
     ("mine_incident", None, 2, None)),
    ("A mine exploded in Aghdam on Sunday, killing 3 and injuring the driver.",
     ("mine_incident", 3, 1, None)),
    ("The mine blast injured two shepherds and killed one in Tartar on Monday.",
     ("mine_incident", 1, 2, None)),
    ("A child was hurt by unexploded ordnance in Gadrut on Tuesday.",
     ("mine_incident", None, 1, None)),
    ("Two people were injured when an unexploded artillery shell went off in a field near "
     "Tartar on Monday.", ("mine_incident", None, 2, None)),
    ("A boy was killed when a cluster bomb exploded in his hands in Aghdam on 2 May.",
     ("mine_incident", 1, None, None)),
    ("Landmines have killed or maimed 45 people in Armenia since 2020, the UN said.",
     ("casualty_total", None, None, 45)),
    ("The number of mine victims since the end of the 44-day war has reached 361.",
     ("casualty_total", None, None, 361)),
    ("Number of mine victims since the end of the 44-day war has reached 361.",
     ("casualty_total", None, None, 361)),
    # one of the injured, who died since: one of them, not one more
    ("One of the two brothers injured in yesterday's mine explosion in Fuzuli has died in "
     "hospital.", ("mine_incident", 1, 1, None)),
    ("One of the two workers wounded in a landmine explosion in Jabrayil district on Friday "
     "has died in hospital, bringing the death toll from the blast to two.",
     ("mine_incident", 2, 1, None)),
    # incidents involving mines: a count's cause, or one incident's
    ("From November 10, 2020 to April 1, 2022, sixteen people were killed and 47 injured in "
     "incidents involving mines and explosive remnants of war.", ("casualty_total", 16, 47, None)),
    ("Two people were injured on Monday in an incident involving a mine in Aghdam.",
     ("mine_incident", None, 2, None)),
    # one of the injured who died, told in the same sentence: counted once
    ("Two men were wounded in a landmine explosion in Fuzuli district, one of whom later died "
     "in hospital.", ("mine_incident", 1, 1, None)),
    # people blown up by mines are a total's casualties; one hospitalised after a blast
    # in a place was harmed there
    ("In 2022, 118 people were blown up by mines in Azerbaijan.",
     ("casualty_total", None, None, 118)),
    # a mine that has done harm, as reported speech tells it
    ("The ministry said an anti-tank mine had killed two soldiers in the Kalbajar district.",
     ("mine_incident", 2, None, None)),
    # a year of birth set off after a name counts no one
    ("Kamran Ismayilov, 1980, died after his car hit a mine in Khojavend district.",
     ("mine_incident", 1, None, None)),
    # harmed trying to open what was found
    ("In Aghdam, a man was killed in March 2022 trying to cut open an artillery shell he had "
     "found in a ruined house.", ("mine_incident", 1, None, None)),
    # one harmed told of after whose kin they were
    ("Nigar Jafarova, whose husband was killed by an anti-tank mine near Aghdam in 2021, now "
     "raises three children alone.", ("mine_incident", 1, None, None)),
    # one blown up, after where the one lives told down to the village
    ("On June 4, a resident of Sirkhavand village of Aghdara district was blown up by a mine.",
     ("mine_incident", None, None, 1)),
    # people named with their harm, and others counted with another
    ("AZTV cameraman Siraj Abishov, AZERTAC correspondent Maharram Ibrahimov and local "
     "official Arif Aliyev were killed, and four other people were injured when a truck hit "
     "a mine in Kalbajar.", ("mine_incident", 3, 4, None)),
    ("A truck hit a mine in Kalbajar, killing Siraj Abishov and Maharram Ibrahimov and "
     "injuring four others.", ("mine_incident", 2, 4, None)),
    ("A truck hit a mine in Kalbajar, killing AzTV cameraman Siraj Abishov, state news agency "
     "reporter Maharram Ibrahimov and local official Arif Aliyev.",
     ("mine_incident", 3, None, None)),
    ("A truck hit a mine in Kalbajar. Cameraman Siraj Abishov, Azertac correspondent Maharram "
     "Ibrahimov and Arif Aliyev, a deputy representative of the district's executive "
     "authority, were killed, and four other people were injured.",
     ("mine_incident", 3, 4, None)),
    # a part of a whole injured as it is named: as many of them died, the rest injured
    ("One of two deminers wounded by a landmine in the Fuzuli district on Friday has died in "
     "hospital.", ("mine_incident", 1, 1, None)),
    ("Two of the five soldiers wounded by a mine in Fuzuli on Friday have died.",
     ("mine_incident", 2, 3, None)),
    ("One of three soldiers wounded by a mine in Fuzuli on Friday died.",
     ("mine_incident", 1, 2, None)),
    # a part of a whole harmed after it: the whole is where it belongs, no more
    ("One of three soldiers was killed and two were wounded by a mine in Fuzuli on Friday.",
     ("mine_incident", 1, 2, None)),
    ("One of the two brothers was injured by a mine in Fuzuli on Friday.",
     ("mine_incident", None, 1, None)),
    # where and when between the harm and what harmed
    ("A shepherd was injured near Tartar on Monday by an unexploded cluster bomblet.",
     ("mine_incident", None, 1, None)),
    ("A boy was injured in Tartar on Monday by an explosive object.",
     ("mine_incident", None, 1, None)),
    # a person named, then harmed in a clause set off by commas
    ("Elvin Aliyev, who was injured by an anti-personnel mine near Tartar in March, "
     "remains in hospital.", ("mine_incident", None, 1, None)),
    # a yearly figure that went down or up, and the year before's is no more harm
    ("The number of mine victims in Azerbaijan fell to 28 in 2023, from 44 a year earlier, "
     "ANAMA said.", ("casualty_total", None, None, 28)),
    ("Mine casualties in Armenia dropped to 12 last year, the ICRC said.",
     ("casualty_total", None, None, 12)),
    ("Mine casualties in Armenia totalled 12 last year, the ICRC said.",
     ("casualty_total", None, None, 12)),
    # a count with a verb of its own: "carrying four people ..., killing one"
    ("A car carrying four people hit a mine on the Lachin-Khankendi road on Wednesday, "
     "killing one and injuring three.", ("mine_incident", 1, 3, None)),
    # ages set off by commas count no one
    ("A resident of Shusha, Elvin Mammadov, 34, lost his leg in a mine blast near Lachin on "
     "Sunday.", ("mine_incident", None, 1, None)),
    ("Two shepherds, Ali Aliyev, 45, and Vugar Mammadov, 51, were injured when a mine "
     "exploded in Fuzuli on Monday.", ("mine_incident", None, 2, None)),
    ("Since November 2020, 336 Azerbaijanis, including 45 civilians, have been killed or "
     "injured by mines.", ("casualty_total", None, None, 336)),
    ("Two deminers were injured on Thursday while clearing mines in the Khojavend "
     "district, ANAMA said.", ("mine_incident", None, 2, None)),
    # ... but a name with an age is a person
    ("Local resident Ramil Guliyev, 52, was killed when his truck hit an anti-tank mine "
     "near Jabrayil on December 2.", ("mine_incident", 1, None, None)),
    ("According to ANAMA, 2 people died and 9 were injured in mine incidents in 2023.",
     ("casualty_total", 2, 9, None)),
    ("From 1992 to 2020, 2,837 people were killed or injured by landmines in Azerbaijan.",
     ("casualty_total", None, None, 2837)),
    # "another" and "its driver" are people; so is a person named after a title
    ("One person died on the spot and another was hospitalized after a mine exploded near "
     "the village of Sarijali in Aghdam district on Tuesday.", ("mine_incident", 1, 1, None)),
    ("A mine exploded in Tartar on Monday, killing one shepherd and wounding another.",
     ("mine_incident", 1, 1, None)),
    ("A KAMAZ truck ran over an anti-tank mine on the Fuzuli-Shusha road on 12 March, "
     "injuring its driver.", ("mine_incident", None, 1, None)),
    ("A Karabakh Defense Army soldier was killed by a landmine near Martuni on Monday.",
     ("mine_incident", 1, None, None)),
    ("Journalist Maharram Ibrahimov and cameraman Siraj Abishov were killed when their "
     "vehicle struck an anti-tank mine in Kalbajar on June 4, 2021.",
     ("mine_incident", 2, None, None)),
    ("Ali Huseyn oglu was killed and his son was injured when their car hit a mine in "
     "Aghdam on Monday.", ("mine_incident", 1, 1, None)),
    # a year of birth counts no one
    ("A resident of Horadiz settlement of Fuzuli district, born in 1985, was seriously "
     "injured when he stepped on a mine.", ("mine_incident", None, 1, None)),
    ("On 14 June, two deminers of ANAMA, Kamran Huseynov (born 1992) and Ramil Guliyev "
     "(born 1990), were injured in a mine explosion in Aghdam district.",
     ("mine_incident", None, 2, None)),
    ("On 14 June, Kamran Huseynov (b. 1992) was injured in a mine explosion in Aghdam "
     "district.", ("mine_incident", None, 1, None)),
    ("On 14 June, two deminers, Kamran Huseynov, born 1992, and Ramil Guliyev, born 1990, "
     "were injured in a mine explosion in Aghdam district.", ("mine_incident", None, 2, None)),
    ("On July 24, three people - Gasimov Farid (1988), Mammadli Elnur (1992) and Huseynli "
     "Rasim (1979) - received injuries when their car hit a mine in Fuzuli district.",
     ("mine_incident", None, 3, None)),
    ("On July 24, Gasimov Farid (1988) and Mammadli Elnur (1992) received injuries when "
     "their car hit a mine in Fuzuli district.", ("mine_incident", None, 2, None)),
    # names set off after a count, and one more after them; names harmed together, and
    # another harmed otherwise
    ("On June 4, two journalists, Siraj Abishov and Maharram Ibrahimov, and the Susuzlug "
     "village representative Arif Aliyev were killed when their car hit a mine in "
     "Kalbajar.", ("mine_incident", 3, None, None)),
    ("On Monday, a truck hit a mine near Aghdam. Drivers Elvin Mammadli and Tural Hasanov "
     "were killed, and worker Nijat Aliyev was injured.", ("mine_incident", 2, 1, None)),
    # a bomblet, a grenade picked up, a mine come across, then the harm
    ("On Monday, a 63-year-old Jermuk resident was wounded by a bomblet.",
     ("mine_incident", None, 1, None)),
    ("On Monday, an 11-year-old girl was injured in the village of Tegh when she picked up a "
     "grenade.", ("mine_incident", None, 1, None)),
    ("On November 1, servicemen near Tegh came across an anti-personnel mine. Private Arman "
     "Grigoryan, 19, was killed on the spot, and two other soldiers were hospitalized.",
     ("mine_incident", 1, 2, None)),
    # a count in words of the teens
    ("In 2023 alone, seventeen people were killed or injured by mines in Armenia, the ICRC "
     "said.", ("casualty_total", None, None, 17)),
    # nor do the people who live or have come back where it happened
    ("In Aghdam, where 1,000 residents have returned, two people were killed by mines last "
     "year, the district administration said.", ("casualty_total", 2, None, None)),
    ("A mine killed a shepherd on Monday near Talish, a village where some 40 families now "
     "live.", ("mine_incident", 1, None, None)),
    # nor do a victim's children
    ("Armen Petrosyan, a 42-year-old father of three, lost his leg when he stepped on a "
     "mine near Tegh on Monday.", ("mine_incident", None, 1, None)),
    # a person set off by commas after another is the same person
    ("A truck driver, a resident of Barda, was killed in a mine explosion in Aghdam district "
     "on June 14.", ("mine_incident", 1, None, None)),
    ("A shepherd, a farmer, and a driver were injured in a mine explosion in Aghdam "
     "district on June 14.", ("mine_incident", None, 3, None)),
    ("A land mine explosion on Sunday killed two civilians and wounded a third in the "
     "Kalbajar region.", ("mine_incident", 2, 1, None)),
    # ages, a device told of in a clause between, a bomblet, a leg blown off
    ("In Martakert, two children aged 9 and 11 were killed on 14 February 2021 when a "
     "submunition they were playing with exploded.", ("mine_incident", 2, None, None)),
    ("On 2 March, a man in the village of Taghavard was seriously injured by an unexploded "
     "bomblet.", ("mine_incident", None, 1, None)),
    ("On July 27, a shepherd was hurt when a mine blew off his right leg near Sos.",
     ("mine_incident", None, 1, None)),
    ("Officials put the number of their citizens killed or wounded by mines between 1991 and "
     "2020 at more than 3,300.", ("casualty_total", None, None, 3300)),
    # killed, named after the noun of the person; wounded, another
    ("One of those mines exploded on December 4, 2022, killing Azerbaijani soldier Rustam "
     "Aliyev and wounding another serviceman.", ("mine_incident", 1, 1, None)),
    # two named, then "both"; a date between the harm and the mine
    ("Vugar Gasimov, 45, and his son Kamran Gasimov, 16, both injured on December 11, 2023 "
     "by an anti-personnel mine near Aghdam.", ("mine_incident", None, 2, None)),
    ("A shepherd and his son were both killed by a mine on December 11 near Aghdam.",
     ("mine_incident", 2, None, None)),
    # as translated reports write it
    ("On March 5, a resident of Fuzuli district, Elshan Mammadov, was blown up on an "
     "anti-personnel mine near the Garakhanbayli village.", ("mine_incident", None, None, 1)),
    ("On November 7, Ilgar Ismayilov stepped on a mine near the Khidirli village of Agdam "
     "district and died.", ("mine_incident", 1, None, None)),
    ("On November 9, a car hit an anti-tank mine near Ahmadalilar. The driver received "
     "injuries of varying degrees of severity.", ("mine_incident", None, 1, None)),
    ("On November 9, a tractor hit an anti-tank mine near Ahmadalilar. The tractor driver, "
     "born in 1975, Elchin Gasimov, received an injury.", ("mine_incident", None, 1, None)),
    # those of the injured who died are a part of them
    ("Since 2020, a total of nine servicemen have been injured by mines in Syunik, one of "
     "whom died of his wounds.", ("casualty_total", 1, 8, 9)),
    ("Since 2020, 28 civilians have been injured by mines in Tavush, six of them fatally.",
     ("casualty_total", 6, 22, 28)),
    # one person named by a patronymic and a year of birth; an age after "then"; each
    # named person's own harm
    ("On June 3, Huseynov Elvin Rasim oglu, born in 1985, was blown up by an anti-personnel "
     "mine near Talish.", ("mine_incident", None, None, 1)),
    ("On June 3, his neighbour's son, then 17, lost his left leg when a mine exploded near "
     "Movses.", ("mine_incident", None, 1, None)),
    ("On June 3, two shepherds were blown up by an anti-personnel mine near Aghdam. As a "
     "result, Nizami Abbasov died on the spot, and Fikrat Abbasov was injured.",
     ("mine_incident", 1, 1, None)),
    # a bomblet picked up; fingers lost to a submunition that went off
    ("A 12-year-old boy was injured on Saturday after picking up an unexploded cluster "
     "bomblet in a gorge outside Jermuk.", ("mine_incident", None, 1, None)),
    ("On Saturday, a 27-year-old man lost two fingers when an unexploded submunition he found "
     "near a hiking trail went off.", ("mine_incident", None, 1, None)),
    # counts of people joined before one verb of harm
    ("Since November 2020, 45 civilians and 39 servicemen have been killed by mines and "
     "another 180 people injured.", ("casualty_total", 84, 180, None)),
    ("Since November 2020, 12 soldiers, 5 police officers and 3 civilians have been killed "
     "by mines.", ("casualty_total", 20, None, None)),
    # a "since" that compares tells no total
    ("An Armenian soldier was killed and two others were wounded on Monday when a landmine "
     "exploded near the village of Sotk, days after the worst clashes with Azerbaijan since "
     "2020.", ("mine_incident", 1, 2, None)),
    ("The death toll from the mine blast in Kalbajar has risen to four, the Prosecutor "
     "General's Office said.", ("mine_incident", 4, None, None)),
    # a mine as the subject; a date between the victim and the verb
    ("A landmine injured a farmer in the Berdzor area on Wednesday.",
     ("mine_incident", None, 1, None)),
    ("A shepherd stepped on a mine near Jabrail on 3 August 2022 and was killed.",
     ("mine_incident", 1, None, None)),
    ("A Russian peacekeeper was injured when an anti-personnel mine went off near Khankendi.",
     ("mine_incident", None, 1, None)),
    ("Two employees of the agency were killed and a third was seriously wounded when an "
     "anti-tank mine exploded in the Khojavend district on Tuesday.",
     ("mine_incident", 2, 1, None)),
    ("In 2022, 47 people fell victim to mines in Azerbaijan, 13 of them died.",
     ("casualty_total", 13, None, 47)),
    # ... or in the sentence after it, of its injured; and hit by mines are its casualties
    ("In 2022, 300 people were injured by mines in Azerbaijan. Forty of them later died.",
     ("casualty_total", 40, 260, 300)),
    ("In 2022, 12 people were hit by mines in Azerbaijan. Three of them died.",
     ("casualty_total", 3, None, 12)),
    ("In the first half of 2023, 24 people were injured by mines in Azerbaijan.",
     ("casualty_total", None, 24, None)),
    # the harm first, the harmed after it
    ("Killed in the blast were two deminers of the agency, while a third was injured, in "
     "Fuzuli on Monday.", ("mine_incident", 2, 1, None)),
    ("Among the injured in Tuesday's mine explosion in Aghdam are three children.",
     ("mine_incident", None, 3, None)),
    # deminers and demining are about mines
    ("Two deminers were injured in an explosion in Fuzuli on Monday.",
     ("mine_incident", None, 2, None)),
    # what mines did over a year is a total; what two mines did is one incident
    ("In 2021, mines killed 28 people and injured 72 in Azerbaijan, the agency said.",
     ("casualty_total", 28, 72, 100)),
    ("Landmines have killed 12 civilians in Karabakh this year, ANAMA said.",
     ("casualty_total", 12, None, None)),
    ("Two mines killed three soldiers near Aghdam on Monday.",
     ("mine_incident", 3, None, None)),
    # a shell someone found, or an old one, is ordnance left behind
    ("A shell that children found near their home in Tartar exploded on Monday, injuring "
     "two of them.", ("mine_incident", None, 2, None)),
    ("An old artillery shell exploded in a field near Aghdam on Sunday, killing a shepherd.",
     ("mine_incident", 1, None, None)),
    # as Azerbaijani outlets write it: soldiers killed are "martyred", and people are
    # named as the subject of their harm
    ("Two soldiers were martyred and three others were wounded when a mine exploded in "
     "Lachin on Tuesday.", ("mine_incident", 2, 3, None)),
    ("As a result of the explosion of an anti-personnel mine in the Kalbajar district, "
     "serviceman of the Azerbaijani Army Ramin Mammadov was martyred.",
     ("mine_incident", 1, None, None)),
    ("Resident of Aghdam district Elshan Huseynov received various bodily injuries as a "
     "result of a mine explosion on March 3.", ("mine_incident", None, 1, None)),
    ("Ramil Guliyev was injured and his son was killed when their car hit a mine in Tartar "
     "on Friday.", ("mine_incident", 1, 1, None)),
    ("AZTV cameraman Siraj Abishov, AZERTAC correspondent Maharram Ibrahimov and Susuzlug "
     "village deputy representative Arif Aliyev were killed when their car hit an "
     "anti-tank mine in Kalbajar.", ("mine_incident", 3, None, None)),
    ("Hikmet Hajiyev said two deminers were injured in a mine explosion in Aghdam.",
     ("mine_incident", None, 2, None)),
    ("A man was killed by a cluster bomb remnant near Askeran on Monday.",
     ("mine_incident", 1, None, None)),
    ("The explosion of an anti-personnel mine left a 16-year-old boy without a leg in "
     "Terter.", ("mine_incident", None, 1, None)),
    ("As of October 2023, 340 people had been killed or injured by mines in Azerbaijan.",
     ("casualty_total", None, None, 340)),
    ("Earlier, on August 15, a tractor driver was killed in a similar blast in the same "
     "village.", ("mine_incident", 1, None, None)),
    # the harm before the harmed, by a noun; "the other" for a person
    ("A military truck hit an anti-tank mine near Shusha, resulting in the death of two "
     "servicemen.", ("mine_incident", 2, None, None)),
    ("One person died on the spot, and the other was hospitalized with injuries after "
     "their car hit a mine in Fuzuli.", ("mine_incident", 1, 1, None)),
    # deminers hurt at their work, with no word of a blast
    ("A deminer was injured in Jabrayil on Tuesday.", ("mine_incident", None, 1, None)),
    ("An ANAMA employee was seriously injured in Zangilan district on Monday.",
     ("mine_incident", None, 1, None)),
    ("Two employees of the Azerbaijan Mine Action Agency were injured on Monday while "
     "carrying out clearance works in Khojavand.", ("mine_incident", None, 2, None)),
    # an age between the harmed and the harm is no other figure
    ("A resident of Shusha, 42-year-old Elnur Hasanov, was injured when a mine exploded in "
     "his garden.", ("mine_incident", None, 1, None)),
    ("The car of a family hit a mine in Lachin, killing a woman and injuring her two "
     "children.", ("mine_incident", 1, 2, None)),
    # harm by mines (plural) is a running total
    ("This year, 25 people have been killed or injured by mines in Azerbaijan.",
     ("casualty_total", None, None, 25)),
    ("Since 1992, Armenia has recorded more than 600 mine casualties, according to the "
     "ICRC.", ("casualty_total", None, None, 600)),
    # the verb of a whole after its part between commas
    ("A total of 397 people, including 71 who died, have fallen victim to landmines in "
     "Azerbaijan since November 2020.", ("casualty_total", 71, None, 397)),
    ("In 2023, 29 people were victims of mine explosions, 7 of whom died.",
     ("casualty_total", 7, None, 29)),
    ("Mine-related incidents have killed two and injured five people in Azerbaijan this "
     "month.", ("casualty_total", 2, 5, 7)),
    # the harmed named, or told of in the sentence before
    ("As a result of the explosion of an anti-tank mine, the driver of the tractor, Ilgar "
     "Mammadov, died on the spot.", ("mine_incident", 1, None, None)),
    ("A civilian stepped on a mine in Kalbajar. He was killed instantly.",
     ("mine_incident", 1, None, None)),
    ("A car carrying two people hit a mine in Lachin. The driver of the vehicle was seriously "
     "injured.", ("mine_incident", None, 1, None)),
    ("A mine exploded under a car in Aghdam; the driver was injured.",
     ("mine_incident", None, 1, None)),
    ("A mine blast in Khojavend claimed the life of a shepherd.",
     ("mine_incident", 1, None, None)),
    ("A landmine claimed the life of a shepherd in Kalbajar on Monday.",
     ("mine_incident", 1, None, None)),
    # a mine described by more than one word, hit, struck or driven over
    ("Two workers were injured when a vehicle hit an unmarked anti-tank mine in Jabrayil.",
     ("mine_incident", None, 2, None)),
    ("A truck struck a TM-62 anti-tank mine in Kalbajar, injuring the driver.",
     ("mine_incident", None, 1, None)),
    ("A tractor drove over an unexploded anti-tank mine in Aghdam, injuring the driver.",
     ("mine_incident", None, 1, None)),
    # one person told by what they are or by an age alone
    ("A Patriotic War veteran was injured in a mine explosion in Khojavand.",
     ("mine_incident", None, 1, None)),
    ("A lieutenant was injured in a mine explosion in Khojavand.",
     ("mine_incident", None, 1, None)),
    ("A mine blast in Khojavand killed a cattle breeder.", ("mine_incident", 1, None, None)),
    ("A HALO Trust staff member was injured in a mine explosion in Khojavand.",
     ("mine_incident", None, 1, None)),
    ("A 14-year-old was injured in a mine explosion in Khojavand.",
     ("mine_incident", None, 1, None)),
    # a limb lost to a mine, by one named or not
    ("A shepherd lost both legs to a landmine in Fuzuli on Monday.",
     ("mine_incident", None, 1, None)),
    ("Ramil Aliyev lost his leg in a landmine blast in Fuzuli on Monday.",
     ("mine_incident", None, 1, None)),
    ("A boy lost his leg in Aghdam when he picked up an explosive device near his house.",
     ("mine_incident", None, 1, None)),
    # an explosive object, known or not
    ("A shepherd was injured by an explosive object near Gori on Monday.",
     ("mine_incident", None, 1, None)),
    ("In April, a boy was injured by an unidentified explosive object near Gori.",
     ("mine_incident", None, 1, None)),
    # hit by a mine or by mines
    ("A truck was hit by a mine in Aghdam on Monday, injuring the driver.",
     ("mine_incident", None, 1, None)),
    ("Since the beginning of 2025, 14 people have been hit by mines, two of whom died.",
     ("casualty_total", 2, None, 14)),
    # "one" that counts no one, or the same one
    ("In one case, a shepherd was killed in a mine blast near Lachin on Monday.",
     ("mine_incident", 1, None, None)),
    ("At one point, three deminers were wounded by a mine near Lachin on Monday.",
     ("mine_incident", None, 3, None)),
    ("One of them, a shepherd, was killed by a mine near Lachin on Monday.",
     ("mine_incident", 1, None, None)),
    # whose people they are, and a calibre, count no one
    ("Two employees of a contractor company were injured in a mine explosion in Aghdam.",
     ("mine_incident", None, 2, None)),
    ("A driver of a construction firm was killed in a mine explosion in Aghdam.",
     ("mine_incident", 1, None, None)),
    ("The son of a farmer was injured by a mine in Aghdam.", ("mine_incident", None, 1, None)),
    # a season's year is no one harmed
    ("In spring 2022, a shepherd was killed by a mine in Lachin district.",
     ("mine_incident", 1, None, None)),
    ("Mines and unexploded ordnance have claimed the lives of at least 60 people in "
     "Azerbaijan since November 2020, ANAMA says.", ("casualty_total", 60, None, 60)),
    ("Three deminers of the Mine Action Agency lost their lives and two were injured in "
     "Fuzuli on 12 May.", ("mine_incident", 3, 2, None)),
    ("Since 2020, 386 people have fallen victim to mines in Azerbaijan, 71 of them fatally.",
     ("casualty_total", 71, None, 386)),
    ("In 2023, 57 mine incidents occurred in the liberated territories, killing 21 people and "
     "injuring 47.", ("casualty_total", 21, 47, None)),
])
def test_other_wordings_of_incidents_and_totals(gazetteer, text, expected):
    [e] = [e for e in events_of(gazetteer, text, date(2024, 6, 10))
           if e.event_type != "other"]
    assert (e.event_type, e.killed, e.injured, e.casualties if expected[3] else None) == \
        expected


def test_a_controlled_explosion_is_no_incident(gazetteer):
    assert events_of(gazetteer, "An unexploded artillery shell was found in Nikozi. A bomb "
                                "disposal team destroyed the munition in a controlled explosion. "
                                "No one was hurt.", date(2024, 5, 1)) == []
    [e] = events_of(gazetteer, "A sapper was injured during a controlled explosion of a mine in "
                               "Aghdam on Monday.", date(2024, 5, 1))
    assert (e.event_type, e.injured) == ("mine_incident", 1)


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("A cow stepped on an anti-tank mine near Horadiz in Fuzuli district on Friday. No one "
     "was hurt.", 0, 0),
    ("A KamAZ truck hit a mine on the Kalbajar-Lachin road on Wednesday; there were no "
     "casualties.", 0, 0),
    ("A mine exploded near a school in Fuzuli on Friday. Nobody died.", 0, None),
    ("On Friday, a KamAZ truck was blown up by an anti-tank mine in Aghdam district. The "
     "driver was not hurt.", 0, 0),
    ("On Friday, a bulldozer hit an anti-tank mine in Jabrayil district, but the operator "
     "escaped unharmed.", 0, 0),
    # ... told in a sentence of its own, with no word of harm
    ("On Friday, a truck hit an anti-tank mine in Fuzuli district. The driver escaped "
     "unhurt.", 0, 0),
    ("On Friday, a truck hit an anti-tank mine in Fuzuli district. The driver survived "
     "without injuries.", 0, 0),
])
def test_a_blast_that_harmed_no_one_is_an_incident_with_no_one_hurt(gazetteer, text, killed,
                                                                    injured):
    [e] = events_of(gazetteer, text, date(2023, 11, 15))
    assert (e.event_type, e.killed, e.injured) == ("mine_incident", killed, injured)
    assert ("no one hurt" in e.summary) == (injured == 0)


def test_a_report_in_the_agency_style_gives_one_incident_dated_by_its_retelling(gazetteer):
    # the blast, then when and where, then who was hurt (born in 1990: no date of the blast)
    text = ("A landmine explosion occurred in the Khojavand district of Azerbaijan, AZERTAC "
            "reports. According to the information, the incident took place on March 11 near "
            "the village of Hadrut. Resident of Hadrut settlement Tural Aliyev, born in 1990, "
            "stepped on an anti-personnel mine and was injured.")
    [e] = events_of(gazetteer, text, date(2024, 3, 12))
    assert (e.event_type, e.injured, e.date_start, e.place_names, e.attributed_to) == \
        ("mine_incident", 1, date(2024, 3, 11), ["Hadrut"], "AZERTAC")
    assert [p.district for p in e.places] == ["Khojavend"]  # the village, at its district
    assert e.quote.startswith("Resident of Hadrut")  # the words that say who was hurt


def test_a_retold_incident_names_the_village_inside_its_province(gazetteer):
    text = ("Two servicemen were wounded on Tuesday when a mine went off in the Gegharkunik "
            "province, the Defence Ministry of Armenia said. The incident happened near the "
            "village of Sotk during engineering works, the ministry said.")
    [e] = events_of(gazetteer, text, date(2023, 8, 2))
    assert (e.place_names, e.injured, e.date_start) == (["Sotk"], 2, date(2023, 8, 1))


def test_a_speech_at_a_conference_is_not_where_the_land_was_cleared_and_he_is_its_speaker(
        gazetteer):
    text = ("Azerbaijan has cleared 114,000 hectares of land from mines in the liberated "
            "territories, Vugar Suleymanov, chairman of the Board of ANAMA, said at a "
            "conference in Baku. \"The work goes on,\" he said. He noted that 351 Azerbaijani "
            "citizens have become victims of mines since the end of the war.")
    clearance, total = events_of(gazetteer, text, date(2024, 6, 21))
    assert clearance.place_names == ["liberated territories"]
    assert clearance.attributed_to == total.attributed_to == "Vugar Suleymanov"


def test_a_shell_fired_is_shelling_not_ordnance_left_behind(gazetteer):
    assert events_of(gazetteer, "Armenian forces shelled Tartar on Monday; a shell exploded "
                                "near a school, injuring two.", date(2023, 6, 20)) == []


def test_another_victim_in_the_next_sentence_is_counted(gazetteer):
    [e] = events_of(gazetteer, "A shepherd was killed on Sunday after stepping on a landmine "
                               "in the Tartar district. Another man was seriously injured.",
                    date(2023, 5, 15))
    assert (e.killed, e.injured, e.casualties) == (1, 1, 2)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Two soldiers were wounded on Tuesday when their vehicle hit a mine near Martakert, "
     "the Nagorno-Karabakh defence army said.", "the Nagorno-Karabakh defence army"),
    ("A Karabakh Defense Army soldier was killed by a landmine near Martuni on Monday, the "
     "Armenian side reported.", "the Armenian side"),
    ("Baku received maps covering 400,000 mines from Yerevan, the Azerbaijani presidential "
     "aide said.", "the Azerbaijani presidential aide"),
    ("Deminers cleared about 2 hectares near Jermuk in April, finding 3 anti-tank mines, the "
     "center said.", "the center"),
    ("Two civilians were killed in a mine blast in Fuzuli on Sunday, local media reported, "
     "citing the district police.", "the district police"),
    ("Two construction workers have been injured in a mine explosion in Khojaly. This was "
     "reported by Sputnik Azerbaijan, citing the local prosecutor's office.",
     "the local prosecutor's office"),
    ("A serviceman was wounded in a mine explosion in Kalbajar district, Trend reports citing "
     "the Ministry of Defense. According to the ministry, he stepped on an anti-personnel mine "
     "near the Istisu settlement on March 13.", "Ministry of Defense"),
    ("The HALO Trust said on Monday that its teams had cleared more than 1,200 hectares "
     "and destroyed 340 anti-personnel mines in Lachin district.", "HALO Trust"),
    ("A deminer was injured by a mine in Fuzuli on Monday, the Interior Ministry said.",
     "Interior Ministry"),
    ("Two servicemen were injured as a result of a mine explosion in the Kalbajar district "
     "on May 16, the Ministry of Defense said.", "Ministry of Defense"),
    ("According to ANAMA, 2,864 anti-personnel mines have been neutralized in Fuzuli since "
     "November 10, 2020.", "ANAMA"),
    ("Azerbaijan said on Saturday it had handed over 15 Armenian prisoners in exchange for a "
     "map of 97,000 mines in Aghdam.", "Azerbaijan"),
    ("A deminer was injured by a mine in Fuzuli on Monday, it said.", None),
    ("A deminer was injured by a mine in Fuzuli on Monday, the agency said.", "the agency"),
    ("ANAMA said on Tuesday that its teams were at work. A deminer was injured by a mine in "
     "Fuzuli on Monday, the agency said.", "ANAMA"),
    ("On November 6, three servicemen were injured in a mine explosion near Khankendi, Day.Az "
     "reports with reference to the Ministry of Defense.", "Ministry of Defense"),
    # a title set off, then an adverb; another verb of the speaker's first; a name after
    # the title; a body that counts
    ("Hikmet Hajiyev, assistant to the President, recently noted that since November 2020, "
     "292 people have become victims of mines.", "Hikmet Hajiyev"),
    ("ANAMA Chairman Vugar Suleymanov thanked the Japanese side and said that 18,000 hectares "
     "had been cleared in Aghdam since 2021.", "ANAMA Chairman Vugar Suleymanov"),
    ("A man was injured by an unexploded shell near Talish on Monday, the Nagorno-Karabakh "
     "Ombudsman Gegham Stepanyan reported.", "Nagorno-Karabakh Ombudsman Gegham Stepanyan"),
    ("The ICRC has recorded 92 mine casualties in Armenia since 2020.", "ICRC"),
    # the joint information of several bodies is theirs, all of them
    ("A resident of Talish village has been injured by a mine, Trend reports citing the joint "
     "information of the Prosecutor General's Office, the Ministry of Internal Affairs and "
     "ANAMA.", "Prosecutor General's Office, the Ministry of Internal Affairs and ANAMA"),
    ("Two deminers were injured in Fuzuli, APA reports citing the joint statement by the "
     "Interior Ministry and ANAMA.", "Interior Ministry and ANAMA"),
    ("Two deminers were injured in Fuzuli, according to a joint statement by the Interior "
     "Ministry and ANAMA.", "Interior Ministry and ANAMA"),
    # who doubts a handover after a "but" did not tell of it
    ("Armenia handed over maps of some 400,000 mines in the Karabakh region in 2021, but "
     "Baku says their accuracy is only about 25%.", None),
    ("Armenia handed over maps of 400,000 mines in 2021, the ministry said, but Baku says "
     "their accuracy is only about 25%.", "the ministry"),
    # "the agency" stands for no person named before it
    ("\"Our teams find hundreds of mines,\" Poladov said in Aghdam. A deminer was injured by "
     "a mine in Fuzuli on Monday, the agency said.", "the agency"),
    # whose figures
    ("ANAMA's figures show that in the first quarter of 2024, 4,917 hectares were cleared in "
     "Aghdam.", "ANAMA"),
    ("Data of the Armenian Center for Humanitarian Demining and Expertise show that 14 "
     "civilians have been killed or injured by mines in Tavush since 2020.",
     "Armenian Center for Humanitarian Demining and Expertise"),
    # who a report quotes; a channel; kin
    ("Local media, quoting the prosecutor's office, reported that a resident, Vagif "
     "Ismayilov, was killed by a mine on March 11.", "the prosecutor's office"),
    ("The peacekeepers cleared 12 hectares in Aghdam in May, the Russian Defense Ministry's "
     "Telegram channel said.", "the Russian Defense Ministry's Telegram channel"),
    ("On October 12, a shepherd was killed by a mine near Chinari, his brother said.",
     "his brother"),
    # the speaker after "said", not a name before it
    ("In Tartar, two farmers were injured by a mine on Monday, said ANAMA.", "ANAMA"),
    ("\"Since 2020, 386 people have become victims of mines,\" said Vugar Suleymanov, chairman "
     "of ANAMA.", "Vugar Suleymanov"),
    # verbs of stress and memory; "him" with no one named before is nobody
    ("Suleymanov emphasized that in April 2024 alone, 1,211 mines were found in Aghdam.",
     "Suleymanov"),
    ("The agency recalled that 387 people have been killed or injured by mines since the "
     "44-day war.", "the agency"),
    ("\"It is a huge task,\" the chairman stressed. According to him, 386 people have become "
     "victims of mines since 2020.", None),
    ("Local reports said two shepherds were wounded by a mine in Aghdam on Monday.", None),
    ("Two shepherds were injured by a mine in Aghdam, the Interior Ministry on Monday said.",
     "Interior Ministry"),
    ("A mine exploded in Aghdam on Monday, injuring two, the Azerbaijan National Agency for "
     "Mine Action (ANAMA) said.", "Azerbaijan National Agency for Mine Action"),
    ("A civilian was injured by a mine in the Aghdara district on Sunday, Report informs.",
     "Report"),
    ("Azerbaijan has cleared 114,000 hectares of land from mines in Aghdam, Vugar "
     "Suleymanov, chairman of the Board of ANAMA, said.", "Vugar Suleymanov"),
    ("RFE/RL reported that three deminers died on Thursday in an explosion near Sugovushan.",
     "RFE/RL"),
    ("The International Committee of the Red Cross (ICRC) said that since the end of the 2020 "
     "conflict, at least 30 people have been killed and 120 injured by mines in Karabakh.",
     "International Committee of the Red Cross"),
    # "the information" is no source; information from an office is the office's
    ("According to the information, a resident of Aghdam was injured by a mine on June 3.",
     None),
    ("According to information from the Prosecutor General's Office, a resident of Aghdam "
     "was injured by a mine on June 3.", "Prosecutor General's Office"),
    # a statement of a date is no one's
    ("Since the signing of the trilateral statement of November 10, 2020, the number of "
     "victims of mine explosions reached 361, Ombudsman Sabina Aliyeva said.",
     "Ombudsman Sabina Aliyeva"),
    # a name with a clause about him; a company; prosecutors; a branch of an agency
    ("ANAMA chairman Vugar Suleymanov, who also attended, said that since the end of the war "
     "361 people had been injured or killed by mines.", "Vugar Suleymanov"),
    ("ANAMA cleared 850 hectares in Zangilan last year, finding 210 mines, the company said.",
     "the company"),
    ("A mine exploded near Lachin on December 4, 2022, killing a soldier, prosecutors said.",
     "prosecutors"),
    ("ANAMA's Nakhchivan branch said its teams had cleared 117.4 ha in Sadarak last month.",
     "ANAMA's Nakhchivan branch"),
    # a plural speaker; a name set off after its title
    ("The Karabakh authorities say that since the ceasefire, 11 civilians have been killed "
     "by mines.", "the Karabakh authorities"),
    ("The centre's director, Ara Karapetyan, told Eurasianet that his teams cleared 320 "
     "hectares in Tavush in the first five months of 2024.", "Ara Karapetyan"),
    # more outlets, and more verbs
    ("A resident of Aghdam was injured by a mine on June 10, Caliber reports.", "Caliber"),
    ("A resident of Aghdam was injured by a mine on June 10, APA's local bureau reports.",
     "APA's local bureau"),
    ("The Artsakh Emergency Service confirms that a resident of Martuni was injured by a mine "
     "on June 10.", "Artsakh Emergency Service"),
    ("Armen Avanesyan tells CivilNet that a resident of Martuni was injured by a mine on June "
     "10.", "Armen Avanesyan"),
    # a district's executive authority, as Azerbaijani reports name it; an outlet's name
    # as it writes it
    ("A resident of Aghdam was injured by a mine on June 10, the district executive "
     "authority said.", "the district executive authority"),
    ("A resident of Aghdam was injured by a mine on June 10, News.az reports.", "News.az"),
    # a body's data are the body's
    ("According to ANAMA's data, a resident of Aghdam was injured by a mine on June 10.",
     "ANAMA"),
    # a report that speaks is its publisher's
    ("The annual report, published on June 11 by the International Campaign to Ban "
     "Landmines, recorded 58 mine casualties in Azerbaijan in 2023.",
     "International Campaign to Ban Landmines"),
    ("The report, released by HALO Trust on Tuesday, said 58 people were hurt by mines in "
     "Azerbaijan in 2023.", "HALO Trust"),
    # the body the information came from
    ("According to information received from the Mine Action Agency, a resident of Aghdam "
     "was injured by a mine on June 10.", "Mine Action Agency"),
    ("In 2023, 45 people were killed by mines in Azerbaijan, according to figures from the "
     "Landmine Monitor.", "Landmine Monitor"),
    # services, a body in a place with a hyphen, one of a body named in full
    ("A resident of Aghdam was injured by a mine on June 10, emergency services said.",
     "emergency services"),
    ("Two servicemen were injured by a mine near Shusha on June 10, the press service of the "
     "peacekeeping contingent in Nagorno-Karabakh reported.",
     "the press service of the peacekeeping contingent"),
    ("Armen Tevosyan of the emergency service's demining department said two deminers were "
     "injured near Martuni on June 10.",
     "Armen Tevosyan of the emergency service's demining department"),
    # not who tells that a place was safe before it
    ("A man was injured on June 10 when a mine exploded under his tractor near Aghdam. "
     "Residents said the plot was used for years without incident.", None),
    # who tells the harm of an incident told before
    ("A truck hit a mine near Lachin on June 10. One worker was killed, according to the "
     "Prosecutor General's Office.", "Prosecutor General's Office"),
])
def test_the_speaker_is_who_the_sentence_cites(gazetteer, text, speaker):
    [e] = [e for e in events_of(gazetteer, text, date(2024, 6, 12)) if e.event_type != "other"]
    assert e.attributed_to == speaker
    assert e.summary.endswith(f"according to {speaker}" if speaker else "as the article reports")


@pytest.mark.parametrize("first_speaker", ["", ", ANAMA said"])
def test_a_sentence_retelling_an_incident_gives_its_speaker_only_if_the_first_has_none(
        gazetteer, first_speaker):
    [e] = events_of(gazetteer, f"A mine exploded in Aghdam on Monday, injuring two shepherds"
                               f"{first_speaker}. The two shepherds were injured by an anti-tank "
                               "mine, the Interior Ministry said.", date(2024, 6, 12))
    assert e.injured == 2
    assert e.attributed_to == ("ANAMA" if first_speaker else "Interior Ministry")


def test_prisoners_exchanged_in_the_next_sentence_join_the_handover(gazetteer):
    [e] = [e for e in events_of(
        gazetteer, "Armenia has handed over to Azerbaijan maps of 1,410 mines planted in the "
                   "Zangilan and Gubadli districts, the Foreign Ministry said on Saturday. In "
                   "exchange, Azerbaijan handed over 15 Armenian detainees to Armenia.",
        date(2021, 7, 3)) if e.event_type == "map_handover"]
    assert (e.mines, e.prisoners) == (1410, 15)
    assert e.details["exchanged_for"] == "15 Armenian detainees"
    assert "prisoners" not in e.qualifiers  # "handed over 15" is no "over 15"


@pytest.mark.parametrize("follow_up", ["They show 400 mines.",
                                       "They show 400 anti-tank and anti-personnel."])
def test_a_count_of_mines_in_the_next_sentence_joins_the_handover(gazetteer, follow_up):
    [e] = [e for e in events_of(
        gazetteer, "Armenia handed over to Azerbaijan maps of minefields in Aghdam. " + follow_up)
        if e.event_type == "map_handover"]
    assert e.mines == 400


@pytest.mark.parametrize(("text", "harmed"), [
    # the harm, not told how, and the outcome in the next sentence
    ("A resident of Tartar district, Ramil Hasanov, was blown up by an anti-personnel mine "
     "in Aghdara district on June 4. He lost his left leg.", (None, 1, 1)),
    ("On June 4, Ramil Hasanov, born in 1975, was blown up by an anti-personnel mine in "
     "Aghdara district. As a result, his left foot was amputated.", (None, 1, 1)),
    ("On June 4, Elvin Huseynov, born in 1985, was blown up by an anti-personnel mine in "
     "Aghdara district. As a result of the explosion, he lost his right foot.", (None, 1, 1)),
    ("On June 4, a shepherd was blown up by a mine in Aghdara district. Two hours later, he "
     "died in hospital.", (1, None, 1)),
    ("On June 4, Rahimov Vusal Hikmet oglu, born in 1987, detonated an anti-personnel mine "
     "in Aghdara district. As a result, his right leg was torn off below the knee.",
     (None, 1, 1)),
    ("On June 4, a citizen has been blown up on a mine in Aghdara district.", (None, None, 1)),
    # one of the injured who died later is one of them, not one more
    ("On June 4, two brothers were injured when a mine exploded in Aghdara district. One of "
     "the brothers later died in hospital.", (1, 1, 2)),
    # two or more of them: as many, of the injured
    ("On June 4, four deminers were injured when a mine exploded in Aghdara district. Two of "
     "them later died in hospital.", (2, 2, 4)),
    ("On June 4, four deminers were injured when a mine exploded in Aghdara district. None of "
     "them died.", (None, 4, 4)),
    ("Two shepherds were blown up by a mine in Aghdara district on June 4.", (None, None, 2)),
    ("On June 4, two civilians - brothers Namig and Ramin Jafarov, born in 1994 and 1998 - "
     "stepped on a mine while collecting mushrooms in Aghdara district.", (None, None, 2)),
    # a person named by a plain name who set off a mine, whether or not where they live
    # is set off after it
    ("On June 4, Elvin Mammadov stepped on an anti-personnel mine in Aghdara district.",
     (None, None, 1)),
    ("On June 4, a resident of Tartar, Elvin Mammadov, stepped on an anti-personnel mine in "
     "Aghdara district.", (None, None, 1)),
    ("On June 4, Elvin Mammadov stepped on an anti-personnel mine in Aghdara district and "
     "lost his leg.", (None, 1, 1)),
    # taken to hospital: hurt
    ("On June 4, a truck hit an anti-tank mine in Aghdara district. The driver was taken to "
     "hospital.", (None, 1, 1)),
    ("On June 4, a shepherd stepped on a mine in Aghdara district and was rushed to the "
     "hospital.", (None, 1, 1)),
])
def test_blown_up_by_a_mine_is_harm_the_next_sentence_may_tell(gazetteer, text, harmed):
    [e] = events_of(gazetteer, text, date(2024, 6, 5))
    assert (e.killed, e.injured, e.casualties) == harmed
    # where the blast was, not where the resident lives
    assert (e.event_type, e.place_names) == ("mine_incident", ["Aghdara"])
    assert e.summary.startswith(f"Mine explosion in Aghdara: {harmed[1] or harmed[2]} ")


@pytest.mark.parametrize("outcome", [
    "The driver died at the scene, while two farm workers were injured.",
    "The driver died on the spot, and two passengers were injured.",
    "Huseynov died on the spot. His two passengers were injured.",
    "Mammadli, 52, died at the scene, while two farm workers were injured.",
])
def test_each_outcome_of_an_incident_told_after_it_counts(gazetteer, outcome):
    [e] = events_of(gazetteer, "On Monday, a tractor hit an anti-tank mine in Aghdam district. "
                    + outcome, date(2024, 5, 14))
    assert (e.killed, e.injured, e.casualties) == (1, 2, 3)


@pytest.mark.parametrize(("text", "killed"), [
    ("AzTV cameraman Siraj Abishov and Maharram Ibrahimov, a reporter for the state news agency "
     "AZERTAC, were killed along with Arif Aliyev, a local government official, when their "
     "truck hit a mine in Kalbajar on June 4.", 3),
    ("On June 4, Siraj Abishov and Maharram Ibrahimov were killed along with two other people "
     "when their truck hit a mine in Kalbajar.", 4),
    ("On June 4, two soldiers were killed along with a civilian when their truck hit a mine in "
     "Kalbajar.", 3),
])
def test_those_harmed_along_with_others_count_too(gazetteer, text, killed):
    [e] = events_of(gazetteer, text, date(2021, 6, 6))
    assert (e.killed, e.casualties) == (killed, killed)


def test_a_place_the_event_borders_is_not_its_place(gazetteer):
    [e] = events_of(gazetteer, "A boy was injured on Sunday when he stepped on a mine on the "
                               "outskirts of Berkaber, a village in Armenia's Tavush Province "
                               "that borders Azerbaijan's Gazakh district.", date(2019, 8, 21))
    assert e.place_names == ["Tavush"]


def test_a_total_is_of_the_place_named_before_its_breakdown(gazetteer):
    [e] = events_of(gazetteer, "In neighbouring Armenia, 17 people were killed or injured by "
                               "mines in 2023, mostly in Syunik and Tavush.", date(2024, 6, 6))
    assert (e.casualties, e.place_names) == (17, ["Armenia"])


def test_victims_helped_and_countries_ranked_are_no_casualties(gazetteer):
    assert events_of(gazetteer, "Since 2021, the ICRC has supported more than 500 mine victims "
                                "and their families with economic assistance.",
                     date(2024, 6, 6)) == []
    [e] = events_of(gazetteer, "Azerbaijan recorded 125 mine casualties in 2023, making it one "
                               "of the ten countries with the most casualties.", date(2024, 6, 6))
    assert e.casualties == 125


@pytest.mark.parametrize(("text", "figures"), [
    # each of two joined after the harm, or before it
    ("On Monday, a tractor hit an anti-tank mine near Aghdam, injuring its driver and a "
     "farmhand.", (None, 2, 2)),
    ("On Monday, a car hit a mine near Aghdam, wounding the driver and his brother.",
     (None, 2, 2)),
    ("On Monday, a father and his son were blown up by a mine near Aghdam.", (None, None, 2)),
    # how one blown up was hurt, told after
    ("On Monday, a resident was blown up by a mine near Aghdam. He received shrapnel wounds.",
     (None, 1, 1)),
    ("On Monday, a resident was blown up by a mine near Aghdam. He had his leg amputated.",
     (None, 1, 1)),
    ("On Monday, a resident was blown up by a mine near Aghdam. He is in serious condition.",
     (None, 1, 1)),
    # the owner of what was blown up was not
    ("On Monday, two cows belonging to a resident of Aghdam were blown up by a mine. No people "
     "were injured.", (0, 0, 0)),
    # bodies found; an old shell
    ("The bodies of two men who had stepped on a mine were found near Aghdam on Monday.",
     (2, None, 2)),
    ("A boy was injured by an old shell near Aghdam on Monday.", (None, 1, 1)),
    # no fewer in all than the killed and injured
    ("A woman was killed and her daughter injured when a car hit a mine near Aghdam on Monday. "
     "The victims, Sevinj Abbasova, 41, and her 17-year-old daughter Aysel, were returning "
     "home.", (1, 1, 2)),
])
def test_the_people_an_incident_harmed(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2024, 5, 17))
    assert (e.killed, e.injured, e.casualties) == figures


@pytest.mark.parametrize(("byline", "speaker"), [
    # the publisher reporting itself yields to the body it cites
    ("Oxu.az", "Ministry of Internal Affairs"),
    # ... but is the speaker of a report of another
    ("Trend", "Oxu.az"),
])
def test_the_publisher_of_a_report_yields_to_whom_it_cites(gazetteer, byline, speaker):
    text = ("Two workers were injured when a truck hit a mine in Lachin district, Oxu.az "
            "reports. According to the Ministry of Internal Affairs, the incident took place on "
            "Wednesday near the village of Zabukh.")
    doc = Document("t", "t.txt", text=text, published=date(2025, 6, 12), author=byline)
    [e] = process_document(doc, gazetteer).events
    assert (e.injured, e.attributed_to) == (2, speaker)


def test_an_incident_told_on_a_day_is_the_one_its_details_date_before(gazetteer):
    [e] = events_of(gazetteer, "An Azerbaijani serviceman was injured as a result of a mine "
                               "explosion, the Ministry of Defense told Trend on Monday. "
                               "According to the ministry, at about 16:40 on 7 May, soldier "
                               "Elvin Mammadli was injured by a mine near the village of "
                               "Sarybaba in Lachin district.", date(2023, 5, 10))
    assert (e.injured, e.date_start, e.attributed_to) == (1, date(2023, 5, 7),
                                                          "Ministry of Defense")


def test_who_tells_of_a_harm_is_not_harmed_by_it(gazetteer):
    [e] = events_of(gazetteer, "A 44-year-old man from Aghdam told reporters that his brother "
                               "was killed on February 25, 2021, when their car hit an "
                               "anti-tank mine.", date(2024, 6, 6))
    assert (e.killed, e.injured, e.date_start) == (1, None, date(2021, 2, 25))


def test_who_a_victim_works_for_is_no_victim(gazetteer):
    [e] = events_of(gazetteer, "On Monday, a deminer working for a Turkish contractor was killed "
                               "in Aghdam district when a mine exploded.", date(2024, 5, 14))
    assert (e.killed, e.casualties) == (1, 1)


def test_land_returned_to_safe_use_is_land_cleared(gazetteer):
    [e] = events_of(gazetteer, "Since 2002, the centre has returned over 6,000 hectares of land "
                               "to safe use.", date(2024, 5, 14))
    assert (e.event_type, e.hectares, e.date_start) == ("clearance_report", 6000, date(2002, 1, 1))
    assert events_of(gazetteer, "Azerbaijan returned 300 hectares to farmers.",
                     date(2024, 5, 14)) == []


def test_a_role_killed_and_a_role_injured_are_two_people(gazetteer):
    [e] = events_of(gazetteer, "On Monday, a car hit an anti-tank mine in Aghdam district; the "
                               "driver was killed and the passenger was injured.",
                    date(2024, 5, 14))
    assert (e.killed, e.injured) == (1, 1)


def test_the_quote_of_an_incident_says_how_its_victims_were_harmed(gazetteer):
    lede = ("A serviceman was wounded as a result of a mine explosion in Kalbajar district, "
            "Trend reports citing the Ministry of Defense.")
    [e] = events_of(gazetteer, lede + " According to the ministry, on March 13, Private Rasul "
                    "Mammadov stepped on an anti-personnel mine near the Istisu settlement.",
                    date(2024, 3, 14))
    assert (e.injured, e.date_start, e.quote) == (1, date(2024, 3, 13), lede)


def test_an_incident_near_the_village_is_near_the_village_named_before(gazetteer):
    [e] = events_of(gazetteer, "TEGH, Armenia — Farmers here still avoid the eastern fields. "
                               "In March 2023, a neighbour lost his leg when he stepped on a "
                               "mine near the village.", date(2024, 6, 10))
    assert (e.place_names, e.injured) == (["Tegh"], 1)


def test_a_residents_home_in_the_district_of_the_blast_stays_its_place(gazetteer):
    [e] = events_of(gazetteer, "On September 7, Ramiz Mammadov, a resident of the Sus "
                               "village of Lachin district, was killed by a mine in the area "
                               "of the village.", date(2023, 9, 8))
    assert e.place_names == ["Sus"]


def test_a_since_date_is_not_the_day_it_was_said(gazetteer):
    [e] = events_of(gazetteer, "BAKU, Nov. 2 (Xinhua) -- Azerbaijan has cleared mines from "
                               "about 150,000 hectares of land in the territories it regained "
                               "from Armenia since the end of the 2020 conflict, the agency "
                               "said Saturday.", date(2024, 11, 2))
    assert (e.date_start, e.date_end) == (date(2020, 11, 10), date(2024, 11, 2))
    assert e.place_names == ["Azerbaijan"]  # not Armenia, where the land came from


@pytest.mark.parametrize(("text", "published", "figures"), [
    ("During January 2025, ANAMA cleared 8,541 hectares of territory in the liberated areas."
     "\n\nOver this period, the following were found and neutralized:\n\n- 1,203 "
     "anti-personnel mines;\n- 401 anti-tank mines;\n- 2,118 unexploded ordnance.",
     date(2025, 2, 10), (8541, 1604, 2118, date(2025, 1, 1))),
    # the figures after what they count
    ("From May 15 to 20, ANAMA cleared 612 hectares of land in Tartar.\n\nDuring the "
     "operations, the following explosive ordnance was found and neutralized:\n\n"
     "Anti-personnel mines – 212\nAnti-tank mines – 108\nUnexploded ordnance – 541",
     date(2023, 5, 22), (612, 320, 541, date(2023, 5, 15))),
    # a list with no colon before it, its first line a figure with its unit
    ("ANAMA has released the results of demining operations carried out in February 2024 "
     "in the liberated territories.\n\nCleared area: 3,214.6 hectares\nAnti-personnel "
     "mines: 412\nAnti-tank mines: 176\nUnexploded ordnance: 1,895", date(2024, 3, 4),
     (3214.6, 588, 1895, date(2024, 2, 1))),
])
def test_a_list_of_figures_after_a_colon_joins_the_clearance_before(gazetteer, text, published,
                                                                    figures):
    [e] = events_of(gazetteer, text, published)
    assert (e.hectares, e.mines, e.uxo, e.date_start) == figures


@pytest.mark.parametrize("text", [
    "Mine casualties since November 2020, according to ANAMA:\n- Killed: 54\n- Injured: "
    "238\n- Total: 292",
    "Mine casualties since November 2020, according to ANAMA:\nKilled – 54\nInjured – 238",
])
def test_a_list_of_the_harmed_gives_each_line_its_own_harm(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2023, 4, 4))
    assert (e.killed, e.injured, e.casualties) == (54, 238, 292)
    assert e.attributed_to == "ANAMA"


@pytest.mark.parametrize(("text", "harmed"), [
    ("On October 29, brothers Orkhan Aliyev and Farid Aliyev, residents of Gubadli, were "
     "injured when an anti-personnel mine exploded near Khanlig village of Gubadli district.",
     (None, 2)),
    ("A soldier was wounded by a mine in Kalbajar on April 11. On April 9, two soldiers were "
     "injured in a similar incident in the Lachin district.", (None, 2)),
    ("An anti-tank mine exploded under a car in Aghdam district on October 31. The driver, "
     "Vusal Aliyev, died at the scene, and his passenger was seriously injured.", (1, 1)),
    # the harm only in the sentence after the blast
    ("On March 13, a tractor hit an anti-tank mine near the village of Alkhanli in Fuzuli "
     "district. The driver, 41-year-old Elvin Mammadov, was hospitalised with shrapnel wounds "
     "and concussion.", (None, 1)),
    ("On Friday, two civilians stepped on a mine while collecting mushrooms in Khanlig village "
     "of Gubadli. Both were hospitalized in Gubadli with moderate injuries.", (None, 2)),
    ("Two journalists and a local official have been killed and four others injured after "
     "their vehicle drove over an anti-tank mine in Azerbaijan's Kalbajar District.", (3, 4)),
    # an age counts nobody
    ("On Saturday, a shepherd, 37, was injured in a mine explosion in Jabrayil.", (None, 1)),
    ("Two brothers, aged 14 and 16, were injured when a mine exploded in Fuzuli on Sunday.",
     (None, 2)),
    ("Two civilians were killed and another seriously injured when their car hit a mine in "
     "Khojavend on Thursday.", (2, 1)),
    ("The driver, Samir Guliyev, died on the spot after his truck hit a mine in Zangilan on "
     "Sunday, and his assistant was injured.", (1, 1)),
    # a breakdown counts the same people again
    ("On September 19, six Azerbaijanis - four police officers and two civilian road workers "
     "- were killed in two mine explosions.", (6, None)),
    ("Five people (three soldiers and two civilians) were injured by a mine in Aghdam on "
     "Monday.", (None, 5)),
])
def test_more_ways_people_harmed_are_told(gazetteer, text, harmed):
    e = events_of(gazetteer, text, date(2023, 10, 30))[-1]
    assert (e.event_type, e.killed, e.injured) == ("mine_incident", *harmed)


def test_casualties_from_landmines_in_a_year_are_a_total(gazetteer):
    [e] = events_of(gazetteer, "In 2022, Azerbaijan recorded 87 casualties from landmines and "
                               "explosive remnants of war, of which 27 were killed and 60 "
                               "injured, according to the Landmine Monitor.", date(2023, 1, 27))
    assert (e.event_type, e.casualties, e.killed, e.injured) == ("casualty_total", 87, 27, 60)
    assert (e.date_start, e.date_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_the_day_maps_were_passed_dates_the_handover_told_on_a_later_day(gazetteer):
    [e] = events_of(gazetteer, "Armenia has handed Azerbaijan maps of minefields in the "
                               "Kalbajar and Aghdara districts, the Russian Defence Ministry "
                               "said on Saturday. The ministry said the maps had been passed "
                               "through the commander of the peacekeeping contingent on "
                               "Friday.", date(2021, 11, 27))
    assert (e.event_type, e.date_start, e.date_end) == (
        "map_handover", date(2021, 11, 26), date(2021, 11, 26))
    # (not the day of what it followed)
    [e] = events_of(gazetteer, "Armenia has handed over to Azerbaijan maps of minefields in the "
                               "Aghdam district, the Foreign Ministry said on November 27. The "
                               "maps were handed over following the meeting of the leaders in "
                               "Sochi on November 26.", date(2021, 11, 27))
    assert e.date_start == date(2021, 11, 27)


@pytest.mark.parametrize(("text", "published", "figures", "details"), [
    ("Armenia handed over to Azerbaijan maps of 92,000 mines in the Fuzuli and Zangilan "
     "districts on Saturday. In return, Azerbaijan freed 15 Armenian detainees, it added.",
     date(2021, 7, 3), (92_000, 15, date(2021, 7, 3)),
     {"exchanged_for": "15 Armenian detainees"}),
    ("Armenia has handed over to Azerbaijan the maps of about 92,000 mines in the Fuzuli and "
     "Zangilan districts, AZERTAC reports. In return, Azerbaijan handed over 15 Armenian "
     "detainees to Armenia, Hikmet Hajiyev said on Saturday. The process was carried out with "
     "the mediation of the President of the European Council.", date(2021, 7, 3),
     (92_000, 15, date(2021, 7, 3)),
     {"exchanged_for": "15 Armenian detainees", "mediator": "European Council"}),
    # prisoners handed over "in turn", and a head of state as the mediator
    ("Armenia has handed over to Azerbaijan maps of minefields in the Aghdam and Fuzuli "
     "districts, the Azerbaijani Foreign Ministry said on November 27. The maps were handed "
     "over through the mediation of the President of the Russian Federation. Azerbaijan, in "
     "turn, handed over 10 Armenian servicemen to Armenia.", date(2021, 11, 27),
     (None, 10, date(2021, 11, 27)),
     {"exchanged_for": "10 Armenian servicemen", "mediator": "Russian Federation"}),
    # the day the next sentence gives; a mediator "with the participation of"
    ("Azerbaijan has received from Armenia maps of some 92,000 mines in the Fuzuli and "
     "Zangilan districts, in exchange for 15 Armenian detainees with the participation of "
     "Georgia. The exchange took place on July 3.", date(2021, 7, 4),
     (92_000, 15, date(2021, 7, 3)),
     {"exchanged_for": "15 Armenian detainees", "mediator": "Georgia"}),
    ("In December, Yerevan handed over maps of minefields in the Aghdam and Tartar districts, "
     "with Russia acting as intermediary.", date(2021, 12, 20), (None, None, date(2021, 12, 1)),
     {"mediator": "Russia"}),
    # freed "in return" in the sentence of the handover, brokered "with the help of"
    ("Armenia handed over to Azerbaijan on Saturday maps of mines laid in the Fuzuli and "
     "Zangilan districts, and Baku in return freed 15 Armenian detainees, both sides said, "
     "in a deal brokered with the help of Georgia and the United States.", date(2021, 7, 3),
     (None, 15, date(2021, 7, 3)), {"exchanged_for": "15 Armenian detainees",
                  "mediator": "Georgia and the United States"}),
    # handed (or sent) over to the other side, the verb apart
    ("On July 3, Armenia handed over maps of 92,000 mines in Fuzuli and Zangilan. In return, "
     "Baku handed 15 Armenian detainees over to Yerevan.", date(2021, 7, 4),
     (92_000, 15, date(2021, 7, 3)), {"exchanged_for": "15 Armenian detainees"}),
    ("On July 3, Armenia handed over maps of 92,000 mines in Fuzuli and Zangilan. Baku handed "
     "over 15 Armenian servicemen to Yerevan in response.", date(2021, 7, 4),
     (92_000, 15, date(2021, 7, 3)), {"exchanged_for": "15 Armenian servicemen"}),
    # detained people are prisoners
    ("On June 12, Armenia handed over maps of 97,000 mines in Aghdam in exchange for 15 "
     "detained Armenians.", date(2021, 6, 13), (97_000, 15, date(2021, 6, 12)),
     {"exchanged_for": "15 detained Armenians"}),
])
def test_prisoners_freed_in_return_for_maps_join_the_handover(gazetteer, text, published,
                                                              figures, details):
    events = events_of(gazetteer, text, published)
    [e] = [e for e in events if e.event_type == "map_handover"]
    assert (e.mines, e.prisoners, e.date_start) == figures
    assert {key: e.details.get(key) for key in details} == details
    # the prisoners freed are the handover's other half, no transfer of their own
    assert [e.event_subtype for e in events if e.event_type == "other"] == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the second day has no year: three weeks after the first, not the last July 3 before
    # the report; the people Baku freed for the maps are prisoners, and Baku, acting, is
    # no place of the handover
    ("On June 12, 2021, Armenia handed over maps of 97,000 mines in Aghdam in exchange for "
     "15 detainees. Three weeks later, on July 3, Yerevan passed on maps of about 92,000 "
     "mines in Fuzuli and Zangilan and Baku freed another 15 Armenians.", date(2023, 6, 20),
     [(date(2021, 6, 12), ["Aghdam"], 97_000, 15),
      (date(2021, 7, 3), ["Fuzuli", "Zangilan"], 92_000, 15)]),
    # a victim blown up two days after an incident: another incident, not the same told again
    ("On August 26, a combine harvester hit an anti-tank mine near Karkijahan village of "
     "Jabrayil district, injuring its driver. Two days later, a resident of Horadiz city, "
     "Babayev Aydin, was blown up by an anti-personnel mine near Kangarli village.",
     date(2024, 8, 29), [(date(2024, 8, 26), ["Karkijahan"], None, None),
                         (date(2024, 8, 28), ["Kangarli"], None, None)]),
])
def test_an_event_told_some_time_after_the_one_before_is_dated_from_it(gazetteer, text,
                                                                       published, expected):
    assert [(e.date_start, e.place_names, e.mines, e.prisoners)
            for e in events_of(gazetteer, text, published)] == expected


@pytest.mark.parametrize(("text", "figures"), [
    ("A second handover, in July 2021, covered about 92,000 mines in Fuzuli and Zangilan and "
     "secured the release of another fifteen prisoners.", (92_000, 15, ["Fuzuli", "Zangilan"])),
    ("On December 4, a further batch covering Agdam, Fizuli, Kelbajar and Lachin was handed "
     "over, and Baku released 10 Armenian servicemen.",
     (None, 10, ["Aghdam", "Fuzuli", "Kalbajar", "Lachin"])),
    # prisoners freed, told after them
    ("On July 3, Yerevan passed on maps of about 92,000 mines in Fuzuli and Zangilan, and "
     "another 15 Armenians were freed.", (92_000, 15, ["Fuzuli", "Zangilan"])),
    # maps of districts, for detainees, though no mine is named
    ("Armenia handed over maps covering the Aghdam, Fuzuli and Zangilan districts in 2021 in "
     "exchange for the release of 30 detainees.", (None, 30, ["Aghdam", "Fuzuli", "Zangilan"])),
])
def test_a_handover_told_back_without_the_word_maps(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2023, 6, 20))
    assert (e.event_type, (e.mines, e.prisoners, e.place_names)) == ("map_handover", figures)


@pytest.mark.parametrize(("text", "prisoners"), [
    ("On December 13, Azerbaijan freed 32 Armenian servicemen in exchange for two "
     "Azerbaijani soldiers held in Armenia.", 34),
    ("On December 13, Armenia released two Azerbaijani servicemen.", 2),
    ("On December 13, Azerbaijan transferred to Armenia 15 detained Armenian military "
     "servicemen.", 15),
    ("Thirty-two Armenian servicemen held in Azerbaijan returned home on December 13 in "
     "exchange for two Azerbaijani soldiers.", 34),
    ("Azerbaijan handed 32 Armenian soldiers back to Armenia on December 13 in exchange for "
     "two Azerbaijani servicemen.", 34),
    ("The talks led to the release of 32 Armenian and two Azerbaijani servicemen on December "
     "13.", 34),
])
def test_a_prisoner_transfer_counts_the_prisoners_it_freed(gazetteer, text, prisoners):
    [e] = events_of(gazetteer, text, date(2023, 12, 14))
    assert (e.event_subtype, e.prisoners) == ("prisoner_transfer", prisoners)
    assert f": {prisoners} prisoners, 2023-12-13" in e.summary


def test_a_timeline_of_handovers_in_the_present_tense(gazetteer):
    events = events_of(gazetteer, "Timeline:\n\nJuly 3, 2021 — Armenia hands over maps of "
                                  "92,000 mines in the Fuzuli and Zangilan districts; Azerbaijan "
                                  "releases 15 more detainees.\n\n2022 – Azerbaijan receives "
                                  "maps of 8 minefields in Lachin.", date(2024, 1, 20))
    assert [(e.event_type, e.date_start, e.date_end, e.place_names) for e in events] == [
        ("map_handover", date(2021, 7, 3), date(2021, 7, 3), ["Fuzuli", "Zangilan"]),
        ("map_handover", date(2022, 1, 1), date(2022, 12, 31), ["Lachin"])]


def test_a_total_and_the_incident_it_tells_of_are_two_events(gazetteer):
    total, incident = events_of(gazetteer, "In February alone, the ICRC recorded 17 mine "
                                           "casualties, including a family of three who were "
                                           "injured when their car hit an anti-tank mine on a "
                                           "road in the Tartar district.", date(2021, 4, 4))
    assert (total.event_type, total.casualties, total.place_names) == (
        "casualty_total", 17, [])
    assert (incident.event_type, incident.injured, incident.place_names) == (
        "mine_incident", 3, ["Tartar"])
    assert incident.date_start == total.date_start == date(2021, 2, 1)


def test_victims_counted_of_a_total_told_after_it_are_its_killed(gazetteer):
    [e] = events_of(gazetteer, "Since November 10, 2020, the number of victims of mine "
                               "explosions reached 361. 68 of the victims were killed. Among "
                               "the dead there are 3 journalists.", date(2024, 4, 4))
    assert (e.casualties, e.killed) == (361, 68)


def test_the_owner_of_what_hit_a_mine_is_no_victim(gazetteer):
    [e] = events_of(gazetteer, "On June 3, the MTZ-80 tractor belonging to the resident of "
                               "Goranboy district, born in 1964, Yashar Rustamov, was blown up "
                               "by an anti-tank mine near Talish. The driver was not injured.",
                    date(2024, 6, 10))
    assert (e.killed, e.injured, e.casualties) == (0, 0, 0)


def test_cattle_killed_by_a_mine_are_no_people(gazetteer):
    assert events_of(gazetteer, "On June 3, two cows belonging to residents of Khnatsakh were "
                                "killed by a mine.", date(2024, 6, 10)) == []


def test_a_town_abroad_named_by_another_of_its_names_does_not_place_the_event(gazetteer):
    # GeoNames also calls Zaria, Nigeria, "Zar"
    [e] = events_of(gazetteer, "On June 3, two shepherds were blown up by an anti-personnel "
                               "mine near Zar.", date(2024, 6, 10))
    assert (e.casualties, e.place_names) == (2, [])


def test_a_place_abroad_beside_one_of_the_region_does_not_place_the_event(gazetteer):
    [e] = events_of(gazetteer, "A Bosnian deminer who had worked in Mostar was injured by a "
                               "mine near Aghdam on Monday.", date(2024, 1, 10))
    assert (e.event_type, e.place_names) == ("mine_incident", ["Aghdam"])


@pytest.mark.parametrize(("text", "figures"), [
    ("According to Landmine Monitor, Azerbaijan recorded 139 casualties in 2022, including "
     "32 killed.", (139, 32)),
    ("Armenia recorded 9 mine casualties in 2022.", (9, None)),
    # as other sources word it, and Landmine Monitor's "explosive remnants of war"
    ("ANAMA reported 37 mine casualties in Azerbaijan in 2022.", (37, None)),
    ("There were 37 mine casualties in Azerbaijan in 2022, according to ANAMA.", (37, None)),
    ("37 mine casualties were registered in Azerbaijan in 2022.", (37, None)),
    ("In 2022, 34 people became mine victims, 7 of whom died.", (34, 7)),
    ("Azerbaijan recorded 54 casualties from mines and explosive remnants of war in 2022.",
     (54, None)),
])
def test_casualties_a_country_recorded_in_a_year_are_a_total(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2023, 11, 14))
    assert (e.event_type, (e.casualties, e.killed), e.date_start) == (
        "casualty_total", figures, date(2022, 1, 1))


def test_another_incident_on_the_same_day_is_its_own_in_the_district_named_before_it(gazetteer):
    text = ("An anti-tank mine exploded under a tractor in Aghdam district on June 27. The "
            "driver of the tractor, Vusal Hasanov, died at the scene. In another incident on "
            "the same day, a resident of Fuzuli was wounded by an unexploded mortar shell in "
            "the village of Alkhanli.")
    tractor, shell = events_of(gazetteer, text, date(2023, 6, 28))
    assert (tractor.killed, tractor.injured, tractor.place_names) == (1, None, ["Aghdam"])
    assert (shell.killed, shell.injured, shell.place_names) == (None, 1, ["Alkhanli"])
    assert shell.places[0].district == "Fuzuli"  # named before it, not the document's first
    assert tractor.date_start == shell.date_start == date(2023, 6, 27)


@pytest.mark.parametrize(("text", "published", "speaker"), [
    # "according to him" is the speaker named before
    ("Since the beginning of 2022, 73 people have fallen victim to mines, ANAMA chairman Vugar "
     "Suleymanov told reporters. According to him, 16 of them died. \"In total, since the end "
     "of the war, 282 people became victims of mines,\" he said.", date(2022, 12, 9),
     "Vugar Suleymanov"),
    # a speaker named by its kind is the last of that kind who spoke, not one merely named
    ("A soldier was injured by a mine near Sotk on Tuesday, the Armenian Defence Ministry "
     "said. Azerbaijan's Defence Ministry did not respond to the claim. In March, a contract "
     "soldier was killed when a mine exploded near Jermuk, according to the ministry.",
     date(2023, 9, 20), "Armenian Defence Ministry"),
])
def test_a_speaker_told_again_is_the_one_who_spoke_before(gazetteer, text, published, speaker):
    assert [e.attributed_to for e in events_of(gazetteer, text, published)] == [speaker] * 2


@pytest.mark.parametrize(("text", "place"), [
    ("In July, 1,050 hectares were cleared in Kalbajar district, ANAMA said. In June, 980 "
     "hectares were cleared in the district.", "Kalbajar"),
    ("On June 4, a shepherd was injured by a mine near Sirkhavand village of Aghdara district. "
     "He was taken to hospital. Last year, a similar incident occurred in the same area, in "
     "which a shepherd lost both legs.", "Sirkhavand"),
])
def test_the_same_area_is_the_place_of_the_event_before(gazetteer, text, place):
    first, second = events_of(gazetteer, text, date(2024, 8, 2))
    assert first.place_names == second.place_names == [place]
    assert first.date_start != second.date_start


def test_a_years_clearance_and_its_last_months_are_two_reports(gazetteer):
    text = ("In 2023, a total of 20,574 mines and unexploded ordnance were found and "
            "neutralized in the liberated territories. According to the agency, 5,432 "
            "anti-personnel mines, 3,210 anti-tank mines and 11,932 unexploded ordnance were "
            "neutralized during the year. In December alone, the agency cleared 4,118.6 "
            "hectares, neutralizing 402 anti-personnel mines, 155 anti-tank mines and 986 "
            "unexploded ordnance.")
    year, december = events_of(gazetteer, text, date(2024, 1, 9))
    assert (year.date_start, year.date_end, year.mines, year.uxo) == (
        date(2023, 1, 1), date(2023, 12, 31), 8642, 11932)
    assert (december.date_start, december.mines, december.uxo, december.hectares) == (
        date(2023, 12, 1), 557, 986, 4118.6)


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the districts the maps cover place the handover
    ("Armenia has handed over to Azerbaijan maps showing the locations of about 92,000 "
     "landmines in territories Baku regained in last year's war, Azerbaijan's foreign ministry "
     "said on Saturday. The maps cover mines laid in the Fuzuli and Zangilan districts, the "
     "ministry said.", date(2021, 7, 3),
     {"event_type": "map_handover", "mines": 92_000, "place_names": ["Fuzuli", "Zangilan"]}),
    # a blast told again without harm or a day of its own is the incident before
    ("On the morning of November 6, a mine exploded near the city of Khankendi, as a result of "
     "which three servicemen were injured. The servicemen were carrying out engineering work on "
     "the territory of Khojaly district when a vehicle of the Armed Forces hit an anti-tank "
     "mine.", date(2023, 11, 7),
     {"injured": 3, "date_start": date(2023, 11, 6), "place_names": ["Khankendi"],
      "details": {"victims": "servicemen", "mine_type": "anti-tank"}}),
])
def test_a_sentence_telling_more_of_the_event_before_adds_to_it(gazetteer, text, published,
                                                                expected):
    [e] = events_of(gazetteer, text, published)
    assert {name: getattr(e, name) for name in expected} == expected


def test_a_total_of_a_year_after_the_running_total_is_its_own(gazetteer):
    total, year = events_of(gazetteer, "336 Azerbaijanis have been killed or wounded by mines "
                                       "since November 2020, including 64 who died. In 2022 "
                                       "alone, there were 58 casualties.", date(2023, 11, 10))
    assert (total.casualties, total.killed, total.date_start) == (336, 64, date(2020, 11, 1))
    assert (year.event_type, year.casualties, year.date_start, year.date_end) == (
        "casualty_total", 58, date(2022, 1, 1), date(2022, 12, 31))


def test_incidents_a_sentence_announces_take_its_day(gazetteer):
    text = ("Two separate mine incidents were reported on February 2. In the first incident, "
            "a truck driver was injured when his vehicle hit an anti-tank mine in Fuzuli. In "
            "the second incident, two deminers were wounded in Tartar district.")
    events = events_of(gazetteer, text, date(2022, 2, 3))
    assert [(e.injured, e.place_names, e.date_start) for e in events] == [
        (1, ["Fuzuli"], date(2022, 2, 2)), (2, ["Tartar"], date(2022, 2, 2))]


@pytest.mark.parametrize(("apart", "day"), [("Two days earlier", date(2020, 12, 13)),
                                            ("A week later", date(2020, 12, 22)),
                                            ("The next day", date(2020, 12, 16)),
                                            ("The day before", date(2020, 12, 14))])
def test_a_day_counted_from_the_incident_before_dates_another(gazetteer, apart, day):
    first, second = events_of(gazetteer, "On December 15, a shepherd was killed by a mine near "
                                         f"Martuni. {apart}, a boy was wounded by a cluster "
                                         "bomblet in Hadrut.", date(2020, 12, 30))
    assert (first.killed, first.injured, first.date_start) == (1, None, date(2020, 12, 15))
    assert (second.killed, second.injured, second.date_start) == (None, 1, day)


def test_a_months_clearance_told_in_parts_and_an_incident_after_it(gazetteer):
    text = ("In June 2024, ANAMA neutralized 1,046 mines and unexploded ordnance in the "
            "liberated territories. Of the neutralized items, 388 were anti-personnel mines, "
            "102 anti-tank mines and 556 unexploded ordnance. ANAMA noted that mine incidents "
            "are still recorded: on June 18, a resident of Aghdam was injured when he stepped "
            "on a mine.")
    clearance, incident = events_of(gazetteer, text, date(2024, 7, 1))
    assert (clearance.mines, clearance.uxo, clearance.details["anti_personnel"]) == (
        490, 556, 388)
    # the digits of a date count nobody: one person harmed on a day, no running total
    assert (incident.event_type, incident.injured, incident.date_start) == (
        "mine_incident", 1, date(2024, 6, 18))


def test_maps_that_showed_mines_and_last_november(gazetteer):
    handover, total = events_of(gazetteer, "Armenia handed over maps that showed the "
                                           "locations of 97,000 mines in Aghdam on Saturday. "
                                           "About 170 people have been killed or injured by "
                                           "mines since the end of the fighting last "
                                           "November.", date(2021, 11, 17))
    assert (handover.event_type, handover.mines) == ("map_handover", 97_000)
    assert total.date_start == date(2020, 11, 1)  # not this November


def test_each_line_of_a_list_of_incidents_is_its_own(gazetteer):
    text = ("News in brief:\n\n- On August 7, a resident of Aghdam was injured by an "
            "anti-personnel mine in Khidirli village.\n- On August 8, two deminers were injured "
            "in Fuzuli while clearing a field near Horadiz.\n- On August 8, a cow was killed by "
            "a mine in Lachin; no people were harmed.")
    events = events_of(gazetteer, text, date(2023, 8, 9))
    assert [(e.date_start.day, e.injured, e.place_names) for e in events] == [
        (7, 1, ["Khidirli"]), (8, 2, ["Horadiz"]), (8, 0, ["Lachin"])]


def test_a_regional_administration_is_a_speaker(gazetteer):
    [e] = events_of(gazetteer, "Two residents of the village of Baghanis were injured on May 16 "
                               "when a mine exploded, the Tavush regional administration "
                               "said.", date(2023, 5, 17))
    assert e.attributed_to == "the Tavush regional administration"


def test_a_speakers_title_may_be_capitalised(gazetteer):
    [e] = events_of(gazetteer, "The number of mine victims has reached 360 since the end of "
                               "the 44-day war, Vugar Suleymanov, Chairman of the Board of "
                               "ANAMA, told a press conference.", date(2024, 4, 4))
    assert e.attributed_to == "Vugar Suleymanov"


def test_the_date_of_a_dateline_is_the_reports_not_the_events(gazetteer):
    [e] = events_of(gazetteer, "YEREVAN, August 14, 2023 (Armenpress) — A farmer was killed "
                               "when his tractor struck a landmine near Berkaber in Tavush "
                               "province on Sunday.", date(2023, 8, 14))
    assert e.date_start == e.date_end == date(2023, 8, 13)


def test_this_period_is_the_period_of_the_event_before(gazetteer):
    events = events_of(gazetteer, "In the first half of 2023, ANAMA cleared 12,450 hectares "
                                  "and neutralized 8,612 mines in Aghdam. During this period, "
                                  "24 people were injured and 6 killed in mine incidents.",
                       date(2023, 7, 5))
    total = next(e for e in events if e.event_type == "casualty_total")
    assert (total.date_start, total.date_end) == (date(2023, 1, 1), date(2023, 6, 30))
    assert (total.killed, total.injured, total.mines) == (6, 24, None)


@pytest.mark.parametrize(("text", "place", "mines"), [
    ("Armenia has provided Azerbaijan with the formulars of 8,000 mines planted in the "
     "Tartar district on 5 May 2023.", "Tartar", 8000),
    ("Armenia passed minefield records covering 400 hectares of Aghdara to Azerbaijan on "
     "5 May 2023.", "Aghdara", None),
    ("The Armenian side has provided information on the location of minefields in "
     "Kalbajar.", "Kalbajar", None),
    ("Azerbaijan has received information from Armenia on eight minefields in the "
     "Khojavend area, the foreign ministry said.", "Khojavend", None),
])
def test_minefield_formulars_and_records_are_maps(gazetteer, text, place, mines):
    [e] = events_of(gazetteer, text, date(2023, 5, 8))
    assert (e.event_type, e.place_names, e.mines) == ("map_handover", [place], mines)


def test_maps_of_a_district_given_for_prisoners_are_minefield_maps(gazetteer):
    [e] = events_of(gazetteer, "Armenia gave Azerbaijan the maps of the Aghdam district in "
                               "exchange for 15 detainees.", date(2021, 6, 12))
    assert (e.event_type, e.place_names, e.prisoners) == ("map_handover", ["Aghdam"], 15)


@pytest.mark.parametrize("follow_up", [
    "Azerbaijan has not released 23 Armenian detainees in return.",
    "In exchange, Azerbaijan released 23 Armenian detainees on 5 May 2021.",
])
def test_a_release_denied_or_of_another_day_stays_apart_from_the_handover(gazetteer,
                                                                          follow_up):
    [e] = [e for e in events_of(gazetteer, "Armenia handed over maps of 1,410 mines in "
                                           f"Zangilan on 3 July 2024. {follow_up}",
                                date(2024, 7, 4)) if e.event_type == "map_handover"]
    assert e.prisoners is None


def test_this_time_is_no_period(gazetteer):
    events = events_of(gazetteer, "On 3 May, two shepherds were injured by a mine in Aghdam. "
                                  "This time, a farmer was killed by a mine in Tartar.",
                       date(2024, 6, 12))
    assert date(2024, 5, 3) not in [e.date_start for e in events if e.killed]


@pytest.mark.parametrize("text", [
    "An explosion at the Zod gold mine in Kalbajar injured two workers on Monday.",
    "A gas explosion at a coal mine in Tkvarcheli killed three miners on Tuesday.",
    "Two workers were injured on Monday when a charge detonated prematurely at the Gedabek "
    "mine.",
    "Armenian forces shelled Azerbaijani positions in Kalbajar on Monday, injuring two "
    "soldiers.",
    # a rate is no count of victims
    "HALO says around 15 people a year are killed or injured by mines in Armenia.",
])
def test_mining_and_shelling_are_no_landmine_incidents(gazetteer, text):
    assert [e.event_type for e in events_of(gazetteer, text, date(2024, 6, 12))] == []


def test_miners_killed_told_after_a_total_of_mine_victims_are_none_of_it(gazetteer):
    [e] = events_of(gazetteer, "Since 2020, 300 people have been killed by mines in Azerbaijan. "
                               "In 2019, two miners were killed when part of a tunnel collapsed "
                               "at the Chovdar gold mine in Dashkasan district.",
                    date(2024, 6, 12))
    assert (e.event_type, e.killed, e.place_names) == ("casualty_total", 300, ["Azerbaijan"])


@pytest.mark.parametrize("background", [
    "The incident was the third deadly mine explosion involving Armenian troops since the "
    "September 13-14 fighting, in which Azerbaijani forces seized hilltops around Sotk and "
    "Jermuk. Yerevan says that 207 Armenian soldiers were killed or went missing in those two "
    "days of hostilities.",
    "Mine explosions have become frequent since the September escalation. About 3,800 "
    "Armenian soldiers were killed in the 44 days of fighting in 2020.",
    "It was the second mine blast since the September escalation, during which 207 Armenian "
    "soldiers were killed.",
])
def test_the_dead_of_a_war_told_after_an_incident_are_no_harm_of_mines(gazetteer, background):
    events = events_of(gazetteer, "A soldier was killed by a mine near Sotk on Wednesday. "
                                  f"{background}", date(2022, 11, 17))
    assert [(e.event_type, e.killed) for e in events] == [("mine_incident", 1)]


def test_the_dead_of_a_war_told_in_a_clause_make_no_total(gazetteer):
    [e] = events_of(gazetteer, "Sappers have neutralised 1,200 explosive items in Shida Kartli "
                               "since January, most of them cluster munitions left from the "
                               "August 2008 war, in which 228 Georgian civilians were killed.",
                    date(2019, 6, 18))
    assert (e.event_type, e.details["mines_and_uxo"], e.killed) == (
        "clearance_report", 1200, None)


def test_the_next_of_a_countrys_yearly_totals_is_of_that_country(gazetteer):
    events = events_of(gazetteer, "Since 2020, 349 people have become victims of mines in "
                                  "Azerbaijan, ANAMA said. In 2022, 117 people were killed or "
                                  "injured, 21 of whom died.", date(2024, 4, 4))
    assert [(e.place_names, e.casualties) for e in events] == [(["Azerbaijan"], 349),
                                                                (["Azerbaijan"], 117)]


def test_a_clause_about_who_counts_tells_when_and_where_only_where_the_rest_does_not(
        gazetteer):
    told, untold = (events_of(gazetteer, f"The HALO Trust, which has worked in Armenia since "
                                         f"2020 after a long presence in Nagorno-Karabakh, said "
                                         f"its teams had cleared 54 hectares{rest}.",
                              date(2025, 1, 28))[0]
                    for rest in (" in Tavush last year", ""))
    assert (told.place_names, told.date_start, told.date_end) == (
        ["Tavush"], date(2024, 1, 1), date(2024, 12, 31))
    assert (untold.date_start, untold.date_end) == (date(2020, 1, 1), date(2025, 1, 28))


@pytest.mark.parametrize("area", ["territories freed from occupation",
                                  "de-occupied territories"])
def test_the_liberated_territories_by_other_names_place_a_clearance(gazetteer, area):
    [e] = events_of(gazetteer, f"In January, deminers cleared 3,912 hectares in the {area}.",
                    date(2024, 2, 1))
    assert e.place_names == ["liberated territories"]


@pytest.mark.parametrize(("scope", "places"), [
    ("", ["Fuzuli", "Zangilan"]),
    (" across Azerbaijan", ["Azerbaijan"]),
])
def test_districts_told_after_a_clearance_place_it_unless_it_was_the_whole_country(
        gazetteer, scope, places):
    [e] = events_of(gazetteer, f"ANAMA said deminers had cleared 155,000 hectares{scope} since "
                               "2020. The agency's teams worked in Fuzuli and Zangilan.",
                    date(2024, 11, 10))
    assert e.place_names == places


def test_incidents_of_one_day_in_two_provinces_are_two(gazetteer):
    events = events_of(gazetteer, "A shepherd was wounded on July 13 in a mine blast in Tavush "
                                  "province. A soldier was wounded on July 13 by a mine in Syunik "
                                  "province.", date(2023, 7, 14))
    assert [(e.place_names, e.injured) for e in events] == [(["Tavush"], 1), (["Syunik"], 1)]


def test_harm_on_a_day_of_its_own_after_an_incident_is_none_of_its(gazetteer):
    [e] = events_of(gazetteer, "In June 2021, a truck hit an anti-tank mine in Kalbajar, killing "
                               "three people. In one of the deadliest cases, two soldiers were "
                               "killed and one was injured on December 26 while clearing a road "
                               "near Lachin, the Defense Ministry said.", date(2024, 4, 4))
    assert (e.killed, e.injured, e.attributed_to) == (3, None, None)


def test_the_dead_of_fighting_a_count_runs_since_are_none_of_it_nor_its_end(gazetteer):
    [e] = events_of(gazetteer, "At least 11 civilians have been wounded by unexploded ordnance "
                               "in Syunik since the fighting on 13-14 September, which killed "
                               "more than 200 soldiers on both sides.", date(2022, 11, 1))
    assert (e.event_type, e.killed, e.injured, e.date_start, e.date_end) == (
        "casualty_total", None, 11, date(2022, 9, 13), date(2022, 11, 1))


def test_explosive_objects_are_mines_and_uxo_counted_together(gazetteer):
    [e] = events_of(gazetteer, "Since the beginning of the year, deminers have detected and "
                               "destroyed 12,500 explosive objects in the liberated "
                               "territories.", date(2024, 6, 10))
    assert (e.event_type, e.details["mines_and_uxo"]) == ("clearance_report", 12500)
    assert (e.date_start, e.date_end) == (date(2024, 1, 1), date(2024, 6, 10))
    assert e.summary.startswith("Clearance (liberated territories): 12,500 mines and UXO, ")


@pytest.mark.parametrize("text", [
    "Deminers found more than 96,000 mines and pieces of unexploded ordnance in Aghdam.",
    "Deminers found more than 96,000 mines and UXOs in Aghdam.",
    "Deminers found more than 96,000 mines and explosive devices in Aghdam.",
])
def test_mines_and_ordnance_counted_together_are_no_count_of_mines(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 3, 5))
    assert (e.mines, e.details["mines_and_uxo"]) == (None, 96_000)


def test_a_capital_receiving_maps_is_an_actor_not_the_place(gazetteer):
    [e] = events_of(gazetteer, "Yerevan handed Baku minefield maps for the Kalbajar region "
                               "last month, the Armenian government said.", date(2024, 6, 12))
    assert e.event_type == "map_handover" and e.place_names == ["Kalbajar"]
    assert (e.date_start, e.date_end) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_place_holding_the_district_its_possessive_names_does_not_place_it(gazetteer):
    [e] = events_of(gazetteer, "A mine injured a resident of Nakhchivan's Sharur district on "
                               "Friday.", date(2023, 6, 20))
    assert e.place_names == ["Sharur"]


def test_information_on_mines_passed_for_prisoners_is_a_handover(gazetteer):
    [e] = events_of(gazetteer, "Yerevan passed Baku information on 400,000 mines in Aghdam, "
                               "Fuzuli and Zangilan in exchange for the release of 15 Armenian "
                               "prisoners.", date(2021, 7, 10))
    assert (e.event_type, e.place_names, e.mines, e.prisoners) == (
        "map_handover", ["Aghdam", "Fuzuli", "Zangilan"], 400_000, 15)
    assert e.details["exchanged_for"] == "the release of 15 Armenian prisoners"


def test_what_maps_were_given_in_return_for(gazetteer):
    [e] = events_of(gazetteer, "In return for the handover of 15 Armenian prisoners, Armenia "
                               "submitted maps of about 92,000 mines in Fuzuli.",
                    date(2021, 7, 10))
    assert e.details["exchanged_for"] == "the handover of 15 Armenian prisoners"


@pytest.mark.parametrize("text", [
    "Azerbaijan handed over 15 Armenian prisoners in exchange for a map of 97,000 mines in "
    "Aghdam.",
    "Azerbaijan handed over 15 Armenian prisoners to Armenia, in exchange for which Armenia "
    "provided maps of minefields in Aghdam.",
    "In June, Azerbaijan released 15 Armenian prisoners in return for maps of 97,000 mines in "
    "Aghdam.",
])
def test_maps_given_for_prisoners_handed_over_are_exchanged_for_the_prisoners(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2021, 7, 10))
    assert (e.event_type, e.prisoners, e.details["exchanged_for"]) == (
        "map_handover", 15, "15 Armenian prisoners")


def test_a_weekly_clearance_takes_the_span_of_the_sentence_before(gazetteer):
    text = ("From February 12 to 17, ANAMA continued humanitarian demining operations in the "
            "liberated territories.\n\nDuring the operations:\n- 98 anti-personnel mines,\n- "
            "21 anti-tank mines,\n- 302 unexploded ordnance were detected and neutralized.")
    [e] = events_of(gazetteer, text, date(2024, 2, 19))
    assert (e.event_type, e.mines, e.uxo, e.date_start, e.date_end) == (
        "clearance_report", 119, 302, date(2024, 2, 12), date(2024, 2, 17))


def test_more_maps_are_counted(gazetteer):
    [e] = events_of(gazetteer, "Armenia has handed over to Azerbaijan eight more maps of "
                               "minefields in the Kalbajar district.", date(2024, 1, 30))
    assert (e.event_type, e.details["maps"], e.place_names) == (
        "map_handover", 8, ["Kalbajar"])


def test_wounds_received_in_the_incident_are_injuries(gazetteer):
    [e] = events_of(gazetteer, "Private Elvin Mammadov was martyred as a result of a mine "
                               "explosion on May 28 in the Kalbajar district. In addition, two "
                               "other servicemen received shrapnel wounds in the incident.",
                    date(2023, 5, 29))
    assert (e.killed, e.injured) == (1, 2)


def test_a_village_after_a_possessive_district_is_the_village(gazetteer):
    [e] = events_of(gazetteer, "Two deminers were injured in a mine blast in Gubadli's "
                               "Khanlig village on 12 March 2024.", date(2024, 3, 13))
    assert e.place_names == ["Khanlig"] and e.places[0].district == "Gubadli"
    assert e.geo_precision == "district"


def _rule_patterns() -> list[str]:
    raw = load_yaml("events.yaml")
    groups = [raw[k] for k in ("map_handover", "casualty_total", "mine_incident",
                               "clearance_report", "quantities", "victims", "mine_types",
                               "other")]
    return [raw["mine_words"], *(p for group in groups for p in group.values())]


_WORDS = st.sampled_from(["Mine", "MINES", "landmine", "Anti-Tank", "AP", "UXO", "ANAMA",
                          "employees", "killed", "Injured", "maps", "Maps of", "the",
                          "Fuzuli", "TM-62", "handed over", "İstanbul", "ẞ", "Ⅻ", "K",
                          "since", "hectares", "Ha", "Red Cross", "mediation of the",
                          "Ministry", "92,000", "prisoners", "POWs", ",", "."])


@settings(max_examples=300)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_rules_match_the_same_on_lower_cased_text(text):
    """The event rules are compiled for lower-cased text: they find what the patterns as
    written find regardless of case, at the same offsets."""
    lowered = lower(text)
    assert len(lowered) == len(text)
    for pattern in _rule_patterns():
        written = re.compile(pattern, re.IGNORECASE).search(text)
        fast = _for_lower_case(pattern).search(lowered)
        assert (written and written.span()) == (fast and fast.span()), pattern


def test_a_settlement_named_by_its_kind_places_the_incident(gazetteer):
    # "settlement" after a name is a place ("the Istisu settlement"), not a peace deal's
    # ("the Karabakh settlement")
    [e] = events_of(gazetteer, "A serviceman was wounded in a mine explosion in Kalbajar "
                               "district. On March 13, he stepped on an anti-personnel mine "
                               "near the Istisu settlement of the district.", date(2024, 3, 14))
    assert (e.place_names, e.places[0].district, e.date_start) == (
        ["İstisu"], "Kalbajar", date(2024, 3, 13))


def test_incidents_a_sentence_announces_for_a_day_take_its_day_and_are_counted_once(gazetteer):
    text = ("Two residents were injured in two separate landmine explosions on August 20, "
            "Report informs, citing the Interior Ministry.\n\nAt around 11:30, Ruslan Aliyev "
            "was injured when he stepped on an anti-personnel mine in Aghdam district.\n\n"
            "Later that day, Vusal Gasimov was seriously wounded after his tractor ran over an "
            "anti-tank mine in Fuzuli district.")
    events = events_of(gazetteer, text, date(2023, 8, 21))
    assert [(e.event_type, e.place_names, e.injured, e.date_start, e.attributed_to)
            for e in events] == [
        ("mine_incident", ["Aghdam"], 1, date(2023, 8, 20), "Interior Ministry"),
        ("mine_incident", ["Fuzuli"], 1, date(2023, 8, 20), "Interior Ministry")]


@pytest.mark.parametrize("blasts", ["New mine blasts", "Two mine blasts"])
def test_a_lead_summing_a_days_blasts_is_no_total_beside_the_incidents_it_sums(gazetteer,
                                                                              blasts):
    text = (f"{blasts} in Azerbaijan's liberated territories left one dead and two wounded "
            "on Monday, ANAMA said. A resident of Fuzuli district, Elvin Mammadov, was killed "
            "when he stepped on an anti-personnel mine. In a separate incident, two shepherds "
            "were injured by a mine explosion in Aghdam district.")
    assert [(e.event_type, e.place_names, e.killed, e.injured, e.date_start, e.attributed_to)
            for e in events_of(gazetteer, text, date(2024, 5, 14))] == [
        ("mine_incident", ["Fuzuli"], 1, None, date(2024, 5, 13), "ANAMA"),
        ("mine_incident", ["Aghdam"], None, 2, date(2024, 5, 13), "ANAMA")]


@pytest.mark.parametrize("announcement", [
    # incidents counted, then told one by one with no word of mines of their own
    "Two mine incidents were recorded over the past week, ANAMA said.",
    # a harm announced with no day of its own: no total besides its incidents
    "Two people have been injured in separate mine incidents in Aghdam and Fuzuli districts.",
])
def test_incidents_announced_then_told_one_by_one(gazetteer, announcement):
    text = (announcement + " On Monday, a tractor driver was injured in Aghdam district. On "
            "Tuesday, a shepherd was injured in Fuzuli district.")
    assert [(e.event_type, e.place_names, e.date_start, e.injured)
            for e in events_of(gazetteer, text, date(2022, 9, 7))] == [
        ("mine_incident", ["Aghdam"], date(2022, 9, 5), 1),
        ("mine_incident", ["Fuzuli"], date(2022, 9, 6), 1)]


def test_a_few_incidents_told_only_together_are_one_event_of_that_day(gazetteer):
    [e] = events_of(gazetteer, "Two residents were injured in two separate landmine "
                               "explosions in Aghdam and Fuzuli on August 20.", date(2023, 8, 21))
    assert (e.event_type, e.injured, e.date_start) == ("mine_incident", 2, date(2023, 8, 20))


def test_one_blast_of_a_day_is_an_incident_whatever_war_its_place_is_told_with(gazetteer):
    [e] = events_of(gazetteer, "BAKU, Azerbaijan (AP) — A land mine explosion on Sunday killed "
                               "two civilians and wounded a third in the Kalbajar region, which "
                               "Azerbaijan regained control of after the 2020 war with Armenia, "
                               "Azerbaijani authorities said. The three men were driving a truck "
                               "when the vehicle struck an anti-tank mine. The wounded man was "
                               "taken to a hospital in Ganja.", date(2022, 9, 19))
    assert (e.event_type, e.killed, e.injured, e.date_start, e.place_names) == (
        "mine_incident", 2, 1, date(2022, 9, 18), ["Kalbajar"])


def test_an_age_ending_the_sentence_counts_nobody(gazetteer):
    [e] = events_of(gazetteer, "Two residents were killed when their car hit a mine near "
                               "Aghdam on Monday. The victims were identified as Artur "
                               "Grigoryan, 48, and Hayk Sargsyan, 52.", date(2022, 3, 15))
    assert (e.killed, e.casualties) == (2, 2)


@pytest.mark.parametrize(("text", "place"), [
    ("A deminer of the Center for Humanitarian Demining and Expertise was injured today in "
     "Tavush Province of Armenia.", "Tavush"),
    # hurt during demining, and employed by the "Agency for Mine Action"
    ("An employee of the Azerbaijan National Agency for Mine Action (ANAMA) has been injured "
     "during demining operations in the Jabrayil district, APA reports.", "Jabrayil"),
])
def test_a_deminer_named_with_a_long_employer_is_an_incident(gazetteer, text, place):
    [e] = events_of(gazetteer, text, date(2023, 11, 2))
    assert (e.event_type, e.injured, e.place_names) == ("mine_incident", 1, [place])


def test_since_last_years_war_with_a_foe_is_a_period_from_its_end_where_it_was(gazetteer):
    [e] = events_of(gazetteer, "Since the end of last year's war with Armenia, at least 30 "
                               "people have been killed and more than 100 wounded by land "
                               "mines in the territories Azerbaijan regained.", date(2021, 11, 28))
    assert (e.event_type, e.date_start, [p.country for p in e.places]) == (
        "casualty_total", date(2020, 11, 10), ["AZ"])


def test_totals_split_by_civilians_and_servicemen_add_up(gazetteer):
    [e] = events_of(gazetteer, "Since November 10, 2020, 186 Azerbaijani citizens have become "
                               "victims of mine explosions. Of these, 32 were civilians killed, "
                               "7 servicemen killed, 100 civilians injured and 47 servicemen "
                               "injured.", date(2022, 6, 1))
    assert (e.killed, e.injured, e.casualties) == (39, 147, 186)


def test_when_the_incident_took_place_beats_when_it_was_reported(gazetteer):
    [e] = events_of(gazetteer, "Two servicemen were killed after their vehicle hit a mine in "
                               "the Kalbajar region, Azerbaijani media reported on Friday. The "
                               "incident took place near Istisu on Thursday.", date(2021, 5, 28))
    assert (e.date_start, e.place_names) == (date(2021, 5, 27), ["İstisu"])


def test_a_clearance_takes_the_span_and_districts_of_the_sentence_before(gazetteer):
    text = ("Between June 7 and 12, ANAMA continued humanitarian demining operations in "
            "Tartar, Aghdam and Fuzuli districts.\n\nDuring the operations, 63 anti-personnel "
            "mines were detected and neutralized.")
    [e] = events_of(gazetteer, text, date(2021, 6, 14))
    assert (e.date_start, e.date_end, e.place_names) == (
        date(2021, 6, 7), date(2021, 6, 12), ["Tartar", "Aghdam", "Fuzuli"])


def test_a_total_takes_the_span_of_the_sentence_before(gazetteer):
    text = ("This is the third ANAMA employee killed since the end of the war. In total, 9 "
            "employees of the agency have been injured by mines.")
    [e] = events_of(gazetteer, text, date(2022, 8, 16))
    assert (e.event_type, e.injured, e.date_start) == ("casualty_total", 9, date(2020, 11, 10))


def test_the_districts_of_a_report_are_not_those_of_the_total_after_it(gazetteer):
    text = ("In January 2024, ANAMA neutralized 1,018 anti-personnel mines.\n\nThe operations "
            "were carried out in Aghdam, Fuzuli and Jabrayil districts.\n\nSince the end of the "
            "war, ANAMA has cleared more than 140,000 hectares of land.")
    month, total = events_of(gazetteer, text, date(2024, 2, 5))
    assert (month.place_names, total.place_names) == (["Aghdam", "Fuzuli", "Jabrayil"], [])


def test_a_later_sentence_with_a_day_of_its_own_is_another_incident(gazetteer):
    text = ("A mine explosion occurred in Azerbaijan's Gubadli district on September 6.\n\n"
            "Bahruz Mammadov, resident of Khanlig village of Gubadli district, stepped on an "
            "anti-personnel mine while grazing cattle near Muradkhanli village. He was "
            "hospitalized with injuries to his leg.\n\nCases of landmine explosions in the "
            "Gubadli district have become frequent recently. On August 29, two brothers were "
            "injured in the same area.")
    events = events_of(gazetteer, text, date(2021, 9, 7))
    assert [(e.date_start, e.place_names, e.injured) for e in events] == [
        (date(2021, 9, 6), ["Muradkhanli"], 1), (date(2021, 8, 29), ["Gubadli"], 2)]


def test_where_ministers_met_is_not_where_the_maps_are(gazetteer):
    [e] = events_of(gazetteer, "Armenia has handed over to Azerbaijan minefield maps for the "
                               "Kalbajar and Lachin regions, the presidential administration "
                               "said on Friday, a day after the two countries' foreign ministers "
                               "met in Geneva.", date(2022, 9, 30))
    assert (e.event_type, e.place_names) == ("map_handover", ["Kalbajar", "Lachin"])


@pytest.mark.parametrize(("text", "places"), [
    ("On Monday, a farmer from Tartar was injured by a mine in Kalbajar district.",
     ["Kalbajar"]),
    # (where no other place is named, where they are from)
    ("On Monday, a farmer from Tartar was injured by a mine.", ["Tartar"]),
])
def test_where_the_harmed_are_from_yields_to_where_it_happened(gazetteer, text, places):
    [e] = events_of(gazetteer, text, date(2024, 5, 1))
    assert e.place_names == places


def test_where_the_incident_occurred_beats_the_victims_home_village(gazetteer):
    [e] = events_of(gazetteer, "A tractor hit an anti-tank mine in the Aghdam district. As a "
                               "result of the explosion, the tractor driver, a resident of Aghdam "
                               "district's Shelli village, died on the spot. The incident "
                               "occurred on May 19 in the territory of Khidirli village.",
                    date(2025, 5, 20))
    assert (e.killed, e.place_names, e.date_start) == (1, ["Khidirli"], date(2025, 5, 19))


@pytest.mark.parametrize(("text", "figures"), [
    # a total of its citizens, with its killed set off
    ("Azerbaijan says 276 of its citizens, including 45 killed, have fallen victim to mines "
     "since November 2020.", (45, 276)),
    # a toll brought to a figure
    ("The explosion brings the toll of mine victims since 2020 to 359, including 69 killed.",
     (69, 359)),
    # a number brought to a figure, then its killed
    ("The incident brought the number of ANAMA employees injured in mine explosions since "
     "2020 to 15, including two deminers killed.", (2, 15)),
    # casualties of mines and ordnance together
    ("The ICRC has recorded 54 mine and unexploded ordnance casualties in Armenia in 2022 "
     "alone.", (None, 54)),
    ("In 2022, the ICRC recorded 73 mine and explosive remnants of war casualties in "
     "Azerbaijan, 19 of whom died.", (19, 73)),
    ("Armenia recorded 22 mine and explosive remnants casualties in 2022.", (None, 22)),
])
def test_the_whole_of_a_total_and_its_part(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2024, 7, 8))
    assert (e.event_type, e.killed, e.casualties) == ("casualty_total", *figures)


def test_what_some_media_reported_wrongly_is_no_event(gazetteer):
    [e] = events_of(gazetteer, "Two ANAMA deminers were injured by a mine in Jabrayil district "
                               "yesterday. Earlier, some media outlets reported, citing local "
                               "sources, that an ANAMA employee had been killed in a mine "
                               "explosion in Zangilan district.", date(2022, 5, 18))
    assert (e.place_names, e.killed, e.injured) == (["Jabrayil"], None, 2)


@pytest.mark.parametrize(("text", "places"), [
    ("Azerbaijan says more than 400 people have been killed or injured by mines since 2020 "
     "and blames Armenia for handing over inaccurate maps.", ["Azerbaijan"]),
    ("Since November 2020, 212 citizens have become victims of landmines laid by Armenia.",
     []),
])
def test_a_country_blamed_is_not_where_the_harm_was(gazetteer, text, places):
    [e] = events_of(gazetteer, text, date(2024, 5, 8))
    assert e.place_names == places


def test_land_still_suspected_is_not_cleared(gazetteer):
    assert events_of(gazetteer, "The Armenian Center for Humanitarian Demining and Expertise "
                                "says some 50 square kilometres of the country remain "
                                "suspected of contamination.", date(2024, 7, 8)) == []


def test_a_weekday_a_total_was_told_on_is_not_its_period(gazetteer):
    [e] = events_of(gazetteer, "\"Since the end of the war, our teams have cleared 160,342 "
                               "hectares,\" said Vugar Suleymanov at an international "
                               "conference in Baku on Tuesday.", date(2024, 7, 8))
    assert (e.date_start, e.date_end, e.place_names) == (date(2020, 11, 10), date(2024, 7, 8),
                                                         [])


@pytest.mark.parametrize(("text", "period"), [
    ("On Monday last week, a shepherd was injured by a mine in Aghdam.",
     (date(2024, 7, 1), date(2024, 7, 1))),
    ("In the first half of the year, mines killed four people in Azerbaijan.",
     (date(2024, 1, 1), date(2024, 6, 30))),
    ("In the first quarter of last year, 120 mines were found in Fuzuli.",
     (date(2023, 1, 1), date(2023, 3, 31))),
    ("Two weeks ago, a shepherd was injured by a mine in Aghdam.",
     (date(2024, 6, 26), date(2024, 6, 26))),
    ("On 05/07/2024, a shepherd was injured by a mine in Aghdam.",
     (date(2024, 7, 5), date(2024, 7, 5))),
    # a month named after "last", and two months joined: both, of the year told after them
    ("Last May, a shepherd was injured by a mine in Aghdam.",
     (date(2024, 5, 1), date(2024, 5, 31))),
    ("Deminers cleared 300 hectares in Fuzuli in April and May.",
     (date(2024, 4, 1), date(2024, 5, 31))),
    ("Deminers cleared 300 hectares in Fuzuli in May and June of 2022.",
     (date(2022, 5, 1), date(2022, 6, 30))),
    # a year a figure is given for
    ("For 2023, the Monitor recorded 39 mine casualties in Azerbaijan.",
     (date(2023, 1, 1), date(2023, 12, 31))),
    ("Deminers cleared 300 hectares in Fuzuli in 2023, twice the figure for 2022.",
     (date(2023, 1, 1), date(2023, 12, 31))),
    # the month it was said in, of a year told
    ("ANAMA said in March that 64 people had been killed or injured by mines in Azerbaijan "
     "during 2023.", (date(2023, 1, 1), date(2023, 12, 31))),
    # a year a sentence tells of, as its subject
    ("The agency said 2023 was the deadliest year, with 146 people killed or injured by mines "
     "in Azerbaijan.", (date(2023, 1, 1), date(2023, 12, 31))),
    # the start of a count, not of a clause set off about who counts
    ("The HALO Trust, which has been working in Karabakh since 2000, says its teams have "
     "destroyed 3,800 submunitions in Aghdam since December 2023.",
     (date(2023, 12, 1), date(2024, 7, 10))),
])
def test_periods_told_by_the_report_s_week_and_year(gazetteer, text, period):
    [e] = events_of(gazetteer, text, date(2024, 7, 10))
    assert (e.date_start, e.date_end) == period


def test_an_incident_in_a_period_and_place_of_its_own_is_another(gazetteer):
    events = events_of(gazetteer, "In mid-March, two brothers were killed by a mine in the "
                                  "Tartar region. Last week, a 15-year-old boy was injured in "
                                  "the Khojaly district.", date(2024, 4, 2))
    assert sorted((e.place_names[0], e.killed, e.injured) for e in events) == [
        ("Khojaly", None, 1), ("Tartar", 2, None)]


def test_an_incident_months_later_elsewhere_is_another(gazetteer):
    events = events_of(gazetteer, "On October 12, a shepherd was killed by a mine near Chinari. "
                                  "Three months later a shepherd was injured near Movses.",
                       date(2024, 6, 10))
    assert sorted((e.place_names[0], e.killed, e.injured) for e in events) == [
        ("Chinari", 1, None), ("Movses", None, 1)]


@pytest.mark.parametrize("second", [
    "Another resident was injured in Fuzuli district on the same day.",
    "Also on Tuesday, a shepherd was injured in Fuzuli district.",
    "Later that day, a shepherd was injured in Fuzuli district.",
    "On the same day, a shepherd was injured in Fuzuli district.",
    # hours later, or that evening
    "Several hours later, in Fuzuli district, a shepherd was injured when he stepped on a "
    "mine.",
    "That evening, a shepherd was injured when he stepped on a mine in Fuzuli district.",
])
def test_another_person_harmed_elsewhere_on_the_day_is_another_incident(gazetteer, second):
    events = events_of(gazetteer, "A civilian was injured in a mine explosion in Aghdam on "
                                  f"Tuesday, ANAMA said. {second}", date(2024, 5, 10))
    assert [(e.place_names, e.injured, e.date_start) for e in events] == [
        (["Aghdam"], 1, date(2024, 5, 7)), (["Fuzuli"], 1, date(2024, 5, 7))]


def test_another_person_harmed_in_the_same_place_is_one_more_victim(gazetteer):
    [e] = events_of(gazetteer, "A man was killed in a mine explosion in Aghdam district on "
                               "Tuesday. Another man was injured near Shikhbabali village.",
                    date(2024, 5, 10))
    assert (e.killed, e.injured) == (1, 1)


def test_one_of_them_who_died_on_another_day_is_one_of_them(gazetteer):
    [e] = events_of(gazetteer, "On March 3, two brothers were injured by a mine in Aghdam. On "
                               "March 5, one of them died in Barda.", date(2024, 4, 2))
    assert (e.place_names, e.killed, e.injured) == (["Aghdam"], 1, 1)


def test_a_resident_who_stepped_on_a_mine_was_harmed(gazetteer):
    [e] = events_of(gazetteer, "A resident of Aghdam district stepped on an anti-personnel mine "
                               "on June 3.", date(2024, 7, 8))
    assert (e.event_type, e.casualties, e.date_start) == ("mine_incident", 1, date(2024, 6, 3))


def test_a_sum_with_a_hedged_part_is_hedged(gazetteer):
    [e] = events_of(gazetteer, "Mines have killed 27 civilians and wounded more than 100 in "
                               "Azerbaijan since November 2020.", date(2024, 5, 12))
    assert (e.casualties, e.qualifiers.get("casualties")) == (127, "over")
    assert "over 127 killed or injured" in e.summary


@pytest.mark.parametrize(("text", "figures"), [
    # land surveyed is not land cleared
    ("HALO teams surveyed 1,100 hectares in Tavush this year and cleared about 56 hectares.",
     (None, 56.0)),
    # land released, as mine action says
    ("Between January and September, HALO released 41.7 hectares of land in Tavush.",
     (None, 41.7)),
    ("In August 2022, the Azerbaijani side reported finding more than 1,400 mines in the "
     "Lachin and Kalbajar directions.", (1400, None)),
])
def test_other_words_of_clearance(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2024, 5, 12))
    assert (e.event_type, e.mines, e.hectares) == ("clearance_report", *figures)


def test_since_the_truce_is_since_the_2020_ceasefire(gazetteer):
    [e] = events_of(gazetteer, "More than 120 people have been killed or injured by mines in "
                               "Azerbaijan since the truce.", date(2021, 6, 12))
    assert (e.event_type, e.date_start, e.casualties) == (
        "casualty_total", date(2020, 11, 10), 120)


def test_since_the_1990s_is_a_period_from_1990(gazetteer):
    [e] = events_of(gazetteer, "Since the 1990s, more than 3,400 Azerbaijanis have become "
                               "victims of mines.", date(2024, 6, 5))
    assert (e.event_type, e.date_start, e.casualties) == (
        "casualty_total", date(1990, 1, 1), 3400)


def test_a_meeting_is_where_people_met(gazetteer):
    [e] = events_of(gazetteer, "President Aliyev held talks with Prime Minister Pashinyan in "
                               "Brussels on Thursday, discussing mine maps.", date(2022, 3, 11))
    assert (e.event_subtype, e.place_names) == ("diplomatic_meeting", ["Brussels"])


@pytest.mark.parametrize(("text", "subtypes"), [
    ("The airport, whose foundation stone was laid in April 2021, can receive all types of "
     "aircraft, and is capable of receiving 300 passengers an hour.", []),
    ("Major General Muradov visited the Stepanakert maternity hospital on Sunday.", []),
    ("Foreign Minister Mirzoyan on Tuesday received the head of the ICRC delegation in "
     "Armenia.", ["diplomatic_meeting"]),
    ("The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday.",
     ["diplomatic_meeting"]),
    # one leader met the other there
    ("Armenian Prime Minister Nikol Pashinyan met Aliyev in Brussels on 15 February.",
     ["diplomatic_meeting"]),
    ("JAMnews correspondents in Yerevan and Baku visited communities near the border on "
     "Tuesday.", []),
    # a meeting is in a city, not "at the invitation" with another time after it
    ("Mirzoyan and Bayramov met at the invitation of Kazakh Foreign Minister Murat Nurtleu, "
     "in a process that has taken them to Washington and, in February, to Munich.", []),
])
def test_a_meeting_is_one_of_officials(gazetteer, text, subtypes):
    assert [e.event_subtype for e in events_of(gazetteer, text, date(2024, 2, 21))] == subtypes


@pytest.mark.parametrize(("text", "mediator"), [
    ("On June 13, Armenia handed over maps of minefields in Lachin; the handover was carried "
     "out with Russia's mediation.", "Russia"),
    ("On July 3, Armenia passed on maps of 92,000 mines in Fuzuli, with Russian mediation.",
     "Russia"),
    ("On June 12, Armenia handed over maps of 97,000 mines in Aghdam in a US-brokered deal.",
     "United States"),
    ("On December 4, as a result of talks through the mediation of the Russian Defence "
     "Ministry Azerbaijan received from Armenia the mine maps of the Aghdam district.",
     "Russian Defence Ministry"),
    # a capital standing for its government
    ("On July 3, in a deal mediated by Moscow, Yerevan passed on maps of about 92,000 mines "
     "in Fuzuli and Zangilan.", "Moscow"),
    # the ceasefire's mediator is not the handover's
    ("On June 12, Armenia handed over maps of 97,000 mines in Aghdam. A Russian-brokered "
     "ceasefire halted six weeks of fighting.", None),
])
def test_the_mediator_of_a_handover_as_the_text_names_it(gazetteer, text, mediator):
    [e] = events_of(gazetteer, text, date(2023, 6, 14))
    assert e.details.get("mediator") == mediator


@pytest.mark.parametrize("text, places", [
    ("On Tuesday, Armenia handed over maps of 400 anti-tank mines in Aghdam via Tbilisi.",
     ["Aghdam"]),
    ("On Tuesday, Armenia handed over maps of minefields in Aghdam with the mediation of "
     "Georgia, the United States and the EU.", ["Aghdam"]),
    ("On Tuesday, Armenia handed over to Azerbaijan maps of 400 anti-tank mines with the "
     "mediation of Georgia.", []),
])
def test_a_mediator_is_not_the_place_of_a_handover(gazetteer, text, places):
    [e] = events_of(gazetteer, text, date(2024, 5, 1))
    assert e.place_names == places


def test_maps_of_both_sides_of_a_border_are_placed_on_both(gazetteer):
    [e] = events_of(gazetteer, "On Monday, Armenia handed over to Azerbaijan formulars of 112 "
                               "minefields in the Tavush and Gazakh border areas.",
                    date(2024, 5, 1))
    assert e.place_names == ["Tavush", "Gazakh"]


def test_a_mediator_is_not_the_speaker_after_it(gazetteer):
    [e] = events_of(gazetteer, "Armenia handed over maps of minefields in the Fuzuli and "
                               "Zangilan districts in exchange for the release of 15 Armenian "
                               "detainees, in a deal brokered by Georgia, the Georgian prime "
                               "minister's office said.", date(2021, 7, 3))
    assert e.details["mediator"] == "Georgia"


def test_mediators_named_in_the_sentence_after_a_handover_are_its_own(gazetteer):
    [e] = events_of(gazetteer, "Azerbaijan has handed over 15 detainees to Armenia in exchange "
                               "for maps of 97,000 mines in Aghdam district. The exchange was "
                               "carried out with the mediation of Georgia, the United States, "
                               "the European Union and the OSCE chairmanship.", date(2021, 6, 12))
    assert e.details["mediator"] == ("Georgia, the United States, the European Union and the "
                                     "OSCE chairmanship")


def test_a_clearance_in_these_villages_is_where_the_sentence_before_names(gazetteer):
    [e] = events_of(gazetteer, "ANAMA's teams have completed clearance in the villages of "
                               "Talish and Sugovushan of the Tartar district.\n\nIn these "
                               "villages, 1,245 hectares of land were cleared.", date(2023, 3, 6))
    assert (e.hectares, e.place_names, {p.district for p in e.places}) == (
        1245.0, ["Talish", "Sugovushan"], {"Tartar"})


def test_the_day_a_found_object_exploded_dates_the_incident(gazetteer):
    [e] = events_of(gazetteer, "A child was injured as a result of the explosion of an "
                               "unexploded ordnance in Tartar district. The boy found an unknown "
                               "object near his house on July 2 and it exploded when he tried to "
                               "open it.", date(2023, 7, 3))
    assert (e.injured, e.date_start) == (1, date(2023, 7, 2))


def test_maps_handed_over_and_doubted_after_a_but_are_a_handover(gazetteer):
    [e] = events_of(gazetteer, "Armenia handed over maps of 189,000 mines in Aghdam, Fuzuli and "
                               "Zangilan earlier this year, but Azerbaijan said they were only "
                               "25% accurate.", date(2021, 12, 10))
    assert (e.event_type, e.mines) == ("map_handover", 189_000)


def test_the_speaker_of_the_sentence_retelling_an_incident_is_its_own(gazetteer):
    [e] = events_of(gazetteer, "On the night of 4 July, a mine exploded under a car in Lachin "
                               "district, killing the driver. The incident took place on the "
                               "Lachin–Kalbajar road, the Ministry of Internal Affairs said.",
                    date(2022, 7, 5))
    assert (e.killed, e.attributed_to) == (1, "Ministry of Internal Affairs")


@pytest.mark.parametrize(("text", "figures"), [
    ("More than 200,000 hectares of land have been cleared of mines in the liberated "
     "territories, the minister said on July 12. According to him, 130,000 mines remain to be "
     "found in the mined areas.", (200_000.0, None)),
    # what a project aims to clear, beside what it has helped to clear
    ("The project aims to help clear 1,000 hectares of land in the Fuzuli and Jabrayil "
     "districts by 2024. Since 2020, UNDP has supported ANAMA in clearing more than 20,000 "
     "hectares.", (20_000.0, None)),
    ("Under the grant, some 270 hectares in the Aghdam and Fuzuli districts will be surveyed "
     "and cleared. Since 2020, UNDP has supported ANAMA in clearing more than 20,000 "
     "hectares.", (20_000.0, None)),
])
def test_mines_still_to_be_found_are_not_cleared(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2024, 7, 15))
    assert (e.hectares, e.mines) == figures


def test_a_plan_with_demining_teams_clears_nothing(gazetteer):
    assert events_of(gazetteer, "Vugar Suleymanov said that the agency planned to clear 50,000 "
                                "hectares in 2024 with the involvement of new demining teams "
                                "and machines.", date(2024, 3, 1)) == []



@pytest.mark.parametrize(("text", "places"), [
    # a line linking to another report gives no event
    ("A resident of Fuzuli district was injured in a landmine explosion on September 11.\n\n"
     "READ ALSO: Two ANAMA deminers injured in mine explosion in Aghdam\n\nHe was "
     "hospitalized in serious condition.", ["Fuzuli"]),
    # where a victim was treated is not where the blast was
    ("A resident of Aghdam, who lost his leg in a mine explosion in May, has received a "
     "prosthesis in Minsk, Belarus.", ["Aghdam"]),
    # nor where the dead were mourned
    ("On June 4, two journalists were killed when their vehicle hit an anti-tank mine in "
     "Kalbajar district. The funeral ceremony of the journalists, who were killed in a mine "
     "explosion in Kalbajar district on June 4, was held in Baku on Saturday.", ["Kalbajar"]),
    # a clearance a donor helped is where its own sentence says, not where a project will be
    ("The project will help ANAMA survey and clear 2,000 hectares of land in Fuzuli and Aghdam "
     "districts. Since 2020, UNDP has helped ANAMA to clear more than 20,000 hectares in the "
     "liberated territories.", ["liberated territories"]),
    # a road named by its ends is where the clause places it, or along it
    ("A truck hit an anti-tank mine on the Horadiz-Aghband road in Zangilan district on "
     "Sunday, injuring its driver.", ["Zangilan"]),
    ("A car hit a mine on the Lachin-Kalbajar road on Sunday, injuring its driver.",
     ["Lachin", "Kalbajar"]),
    # (its second end, though the Lachin corridor is also called "the Lachin road")
    ("A car hit a mine on the Kalbajar-Lachin road on Sunday, injuring its driver.",
     ["Kalbajar", "Lachin"]),
])
def test_the_one_event_is_where_the_text_places_it(gazetteer, text, places):
    [e] = events_of(gazetteer, text, date(2023, 9, 12))
    assert e.place_names == places


def test_grenades_and_shells_found_are_unexploded_ordnance(gazetteer):
    [e] = events_of(gazetteer, "Deminers have found and neutralized 11 hand grenades in the city "
                               "of Shusha over the past two days.", date(2021, 2, 3))
    assert (e.event_type, e.uxo) == ("clearance_report", 11)


@pytest.mark.parametrize(("text", "published", "figures"), [
    ("Last week, ANAMA neutralized 187 anti-personnel mines in the liberated territories.\n\n"
     "Over the period from March 10 to 15, a total of 2,310.4 hectares of land were cleared.",
     date(2025, 3, 17), (187, 2310.4, date(2025, 3, 10), date(2025, 3, 15))),
    ("Some 412 mines and unexploded ordnance were defused over the past week, ANAMA reported. "
     "ANAMA found 58 anti-personnel mines in Tartar from May 16 to 21, the report added.",
     date(2022, 5, 23), (58, None, date(2022, 5, 16), date(2022, 5, 21))),
])
def test_last_week_and_the_days_it_names_are_one_clearance_of_those_days(gazetteer, text,
                                                                          published, figures):
    [e] = events_of(gazetteer, text, published)
    assert (e.mines, e.hectares, e.date_start, e.date_end) == figures


def test_a_years_review_keeps_its_incident_and_its_clearance_apart(gazetteer):
    text = ("In 2022, 53 people fell victim to mines in Azerbaijan: 12 of them died and 41 were "
            "injured. The deadliest incident of the year occurred on June 4 in Kalbajar, when "
            "two journalists and a local official were killed. Over the year, ANAMA cleared "
            "26,500 hectares and neutralized 14,900 mines.")
    total, incident, clearance = events_of(gazetteer, text, date(2022, 12, 30))
    assert (incident.event_type, incident.killed, incident.date_start) == (
        "mine_incident", 3, date(2022, 6, 4))
    assert (clearance.hectares, clearance.date_start, clearance.date_end) == (
        26_500.0, date(2022, 1, 1), date(2022, 12, 31))
    assert (total.casualties, total.time_precision) == (53, "year")


@pytest.mark.parametrize(("text", "published", "read"), [
    # since an event last month: a period from that month to the report
    ("Four Azerbaijani soldiers and a civilian have been killed by landmines since Azerbaijan "
     "took control of territory around Nagorno-Karabakh under a ceasefire deal last month, "
     "officials said on Wednesday.", date(2020, 12, 16),
     ("casualty_total", date(2020, 11, 1), date(2020, 12, 16), 5, None)),
    # an anniversary: the incident that long before the report
    ("Today marks two years since a cameraman, a correspondent and a district official were "
     "killed in a landmine explosion in Kalbajar. Four other people were injured.",
     date(2023, 6, 4), ("mine_incident", date(2021, 6, 4), date(2021, 6, 4), 3, 4)),
    # ... counted back from the day it was marked on, where it was not
    ("Journalists gathered on Saturday in Baku to mark one year since two of their colleagues "
     "were killed by a land mine in the Kalbajar district.", date(2022, 6, 6),
     ("mine_incident", date(2021, 6, 4), date(2021, 6, 4), 2, None)),
])
def test_a_time_counted_back_from_the_report_dates_the_event(gazetteer, text, published, read):
    [e] = events_of(gazetteer, text, published)
    assert (e.event_type, e.date_start, e.date_end, e.killed, e.injured) == read
    assert "Baku" not in e.place_names


@pytest.mark.parametrize("before", [
    # the year of the event told before
    "In June 2021, Armenia handed over maps of 97,000 mines in Aghdam.",
    # ... or written before, where no event gives it
    "Armenia has handed over several batches of maps since 2021.",
])
def test_a_month_of_that_year_is_in_the_year_told_before(gazetteer, before):
    [handover] = [e for e in events_of(gazetteer, before + " In July of that year, Yerevan "
                                       "gave Baku maps of 92,000 mines in Fuzuli and Zangilan.",
                                       date(2024, 6, 6)) if "Fuzuli" in e.place_names]
    assert (handover.date_start, handover.date_end) == (date(2021, 7, 1), date(2021, 7, 31))


def test_in_the_same_month_is_the_month_of_the_report_before(gazetteer):
    clearance, total = events_of(gazetteer, "In October, ANAMA cleared 8,412 hectares and found "
                                            "1,987 anti-personnel mines. In the same month, four "
                                            "people were injured and one was killed in mine "
                                            "incidents.", date(2024, 11, 4))
    assert (total.event_type, total.casualties, total.date_start, total.date_end) == (
        "casualty_total", 5, date(2024, 10, 1), date(2024, 10, 31))


def test_the_figures_of_another_year_are_a_clearance_of_their_own(gazetteer):
    this_year, last_year = events_of(
        gazetteer, "In 2023, ANAMA cleared 37,285 hectares of land in the liberated "
                   "territories. In 2022, these figures were 28,436 hectares, 6,231 "
                   "anti-personnel mines and 18,204 unexploded ordnance.", date(2024, 1, 9))
    assert (last_year.event_type, last_year.hectares, last_year.mines, last_year.uxo) == (
        "clearance_report", 28_436.0, 6_231, 18_204)
    assert (last_year.date_start, last_year.place_names) == (
        date(2022, 1, 1), this_year.place_names)


def test_one_injured_who_died_afterwards_is_killed(gazetteer):
    in_one_sentence = ("A resident of Fuzuli district who was injured in a mine explosion on "
                       "October 5 has died in hospital.")
    told_after = ("A resident of Fuzuli district was injured in a mine explosion on October 5. "
                  "Despite the efforts of doctors, he died on October 7.")
    for text in (in_one_sentence, told_after):
        [e] = events_of(gazetteer, text, date(2024, 10, 8))
        assert (e.killed, e.injured, e.casualties, e.date_start) == (1, None, 1,
                                                                     date(2024, 10, 5)), text


def test_incidents_told_apart_in_one_sentence_are_one_each(gazetteer):
    events = events_of(gazetteer, "In separate mine explosions on August 2, a resident of "
                                  "Tartar was injured near Sugovushan, and a shepherd was "
                                  "killed near the village of Sos in the Khojavend district, "
                                  "the Prosecutor General's Office reported.", date(2021, 8, 3))
    assert [(e.place_names, e.killed, e.injured, e.date_start, e.attributed_to)
            for e in events] == [
        (["Tartar"], None, 1, date(2021, 8, 2), "Prosecutor General's Office"),
        (["Sos"], 1, None, date(2021, 8, 2), "Prosecutor General's Office")]


def test_incidents_announced_before_a_colon_are_one_each(gazetteer):
    events = events_of(gazetteer, "Two mine incidents were recorded on Tuesday: a resident of "
                                  "Aghdam was injured near Shikhbabali, and a shepherd was "
                                  "killed in Fuzuli district.", date(2024, 5, 10))
    assert [(e.event_type, e.place_names, e.killed, e.injured, e.date_start)
            for e in events] == [
        ("mine_incident", ["Aghdam"], None, 1, date(2024, 5, 7)),
        ("mine_incident", ["Fuzuli"], 1, None, date(2024, 5, 7))]


@pytest.mark.parametrize(("text", "victims"), [
    ("AZERTAC's local correspondent reports that on October 21 Ramil Aliyev, a resident of "
     "the Sarov village, hit an anti-tank mine while driving a tractor. He died on the spot.",
     "civilians"),
    ("Two rescuers were injured by a mine explosion near Martuni while searching for the "
     "bodies of fallen soldiers.", None),
    ("Two soldiers were killed by a mine in Kalbajar, the ministry told reporters.",
     "servicemen"),
])
def test_who_tells_of_an_incident_and_the_dead_of_the_war_are_no_victims(gazetteer, text,
                                                                          victims):
    [e] = events_of(gazetteer, text, date(2024, 10, 22))
    assert e.details.get("victims") == victims


def test_statements_reported_one_after_another_are_read_apart(gazetteer):
    text = ("BAKU, June 13 (Reuters) - Azerbaijan said on Tuesday that the minefield maps "
            "Armenia had handed over covered only a fraction of the territory, and that 298 "
            "people had been killed or wounded by landmines since the 2020 war.")
    claim, total = events_of(gazetteer, text, date(2023, 6, 13))
    assert (claim.event_type, claim.event_subtype) == ("other", "claim")
    assert (total.event_type, total.casualties, total.date_start) == (
        "casualty_total", 298, date(2020, 11, 10))
    assert {claim.attributed_to, total.attributed_to} == {"Azerbaijan"}
    assert claim.quote == total.quote == text  # the whole sentence, with who said it


@pytest.mark.parametrize(("text", "published", "period", "figures"), [
    # the dead of the war are no victims of mines
    ("Since the end of the war, more than 150 Azerbaijanis have been killed or wounded by "
     "mines, officials say. Armenia and Azerbaijan fought a six-week war last autumn. More "
     "than 6,500 people were killed before a Russian-brokered ceasefire in November.",
     date(2021, 7, 3), (date(2020, 11, 10), date(2021, 7, 3)), (150, None, None)),
    ("Azerbaijan says more than 280 people have been killed or wounded by mines since the end "
     "of the fighting.", date(2022, 10, 12), (date(2020, 11, 10), date(2022, 10, 12)),
     (280, None, None)),
    ("Since the end of the war, 303 people have become victims of mines, 58 of them fatal.",
     date(2022, 11, 5), (date(2020, 11, 10), date(2022, 11, 5)), (303, 58, None)),
    # "the war in 2020" names the war, not the start of the period
    ("More than 200 people have been injured or killed by mines since the end of the 44-day "
     "war in 2020.", date(2022, 11, 5), (date(2020, 11, 10), date(2022, 11, 5)),
     (200, None, None)),
    # a victim of another time is none of the total's
    ("According to HALO, at least 380 people have been killed or injured by mines in Artsakh "
     "since the 1994 ceasefire. Last month, a 14-year-old boy was injured in Martuni region's "
     "Machkalashen village after picking up an unexploded cluster bomblet.", date(2019, 4, 11),
     (date(1994, 5, 12), date(2019, 4, 11)), (380, None, None)),
])
def test_a_running_total_since_the_war_counts_the_victims_of_mines(gazetteer, text, published,
                                                                    period, figures):
    # (the victim of another time is an incident of its own, if any)
    [e] = [e for e in events_of(gazetteer, text, published) if e.event_type != "mine_incident"]
    assert (e.event_type, (e.date_start, e.date_end), (e.casualties, e.killed, e.injured)) == (
        "casualty_total", period, figures)


def test_the_dead_of_fighting_told_after_an_incident_are_no_incident(gazetteer):
    [e] = events_of(gazetteer, "On September 26, a serviceman was killed as a result of a "
                               "landmine explosion in the Lachin direction, the Ministry of "
                               "Defense said. Earlier, on September 13, 80 Azerbaijani "
                               "servicemen were killed during the large-scale provocation "
                               "committed by the Armenian armed forces on the border.",
                    date(2022, 9, 27))
    assert (e.event_type, e.killed, e.date_start) == ("mine_incident", 1, date(2022, 9, 26))


def test_where_mines_were_made_is_not_where_they_were_found(gazetteer):
    events = events_of(gazetteer, "Azerbaijan's Foreign Ministry has claimed that Armenia "
                                  "planted new mines in the Lachin district after the 2020 "
                                  "war, and that 1,400 mines produced in Armenia in 2021 were "
                                  "found near Galaboyun and Sarybaba.", date(2022, 6, 10))
    [found] = [e for e in events if e.event_type == "clearance_report"]
    assert (found.mines, found.place_names) == (1400, ["Lachin"])


def test_the_number_of_victims_that_exceeded_a_figure_is_a_total(gazetteer):
    [e] = events_of(gazetteer, "Since 1991, the total number of mine victims in the country has "
                               "exceeded 3,400.", date(2023, 3, 18))
    assert (e.event_type, e.casualties, e.date_start) == ("casualty_total", 3400,
                                                          date(1991, 1, 1))


def test_a_month_of_the_same_year_is_in_the_year_told_before(gazetteer):
    events = events_of(gazetteer, "In June 2021, Armenia handed over maps of 97,000 mines in "
                                  "Aghdam in exchange for 15 detainees. In July of the same "
                                  "year, maps covering 92,000 mines in the Fuzuli and Zangilan "
                                  "districts were transferred.", date(2022, 8, 1))
    assert [(e.mines, e.date_start) for e in events] == [(97_000, date(2021, 6, 1)),
                                                         (92_000, date(2021, 7, 1))]


@pytest.mark.parametrize(("text", "figures"), [
    # the harm and its day in the lead, the mine in the next sentence
    ("A resident of Tartar district was injured on Tuesday near the "
     "village of Sugovushan. He stepped on an anti-personnel mine while collecting firewood, "
     "the police said.", (None, 1, date(2024, 6, 4), ["Sugovushan"])),
    ("A civilian was killed in Fuzuli on Monday. The man's car ran over an anti-tank mine near "
     "the village of Horadiz, police said.", (1, None, date(2024, 6, 3), ["Horadiz"])),
    # with a sentence of neither between them
    ("A 14-year-old boy was injured in Fuzuli district's Horadiz settlement on Sunday. The "
     "child was playing near an abandoned building with two friends. The explosive device, a "
     "PMN anti-personnel mine, detonated when he picked it up.",
     (None, 1, date(2024, 6, 2), ["Horadiz"])),
])
def test_an_incident_told_over_a_lead_and_the_sentence_of_its_mine(gazetteer, text, figures):
    [e] = events_of(gazetteer, text, date(2024, 6, 5))
    assert (e.killed, e.injured, e.date_start, e.place_names) == figures
    assert e.quote.startswith(text.split(". ", 1)[0])  # quoted with the lead


@pytest.mark.parametrize("text", [
    # a harm of another cause, and a blast told apart from it
    "Two soldiers were killed by sniper fire on Monday. Meanwhile, a truck hit a mine in Aghdam.",
    # one told before, and a blast of another day
    "He lost his left foot and was taken to hospital in Tartar. Two days earlier, a cow was "
    "blown up by a mine in the same area.",
])
def test_a_harm_before_a_blast_of_its_own_is_not_its_lead(gazetteer, text):
    assert [(e.killed, e.injured) for e in events_of(gazetteer, text, date(2024, 6, 5))
            if e.event_type == "mine_incident"] == []


@pytest.mark.parametrize("harm", [
    # the war's dead found
    "Search groups on Sunday recovered the bodies of 11 servicemen in the Jermuk area.",
    "On May 27, another Armenian soldier was wounded by Azerbaijani fire near Sotk.",
    "On May 27, a soldier was shot dead by an Azerbaijani sniper near Sotk.",
    "Last week, a border guard was killed in a shooting in the Sotk area.",
])
def test_a_harm_of_another_cause_after_an_incident_is_no_mine_incident(gazetteer, harm):
    events = events_of(gazetteer, "On May 25, an Armenian soldier was injured when he stepped "
                                  "on a mine near Jermuk. " + harm, date(2021, 6, 2))
    assert [(e.date_start, e.injured) for e in events] == [(date(2021, 5, 25), 1)]


def test_the_third_incident_told_where_and_when_before_its_mine(gazetteer):
    text = ("Three mine incidents were registered over the past week, Report informs.\n\n"
            "On October 14, a resident of Jabrayil district was injured when an explosive "
            "device went off near the village of Mehdili.\n\n"
            "The third incident occurred on Saturday in Khojaly district. Two shepherds "
            "grazing livestock were wounded when one of them stepped on an anti-personnel mine.")
    events = events_of(gazetteer, text, date(2024, 10, 21))
    assert [(e.date_start, e.injured, [p.district for p in e.places]) for e in events] == [
        (date(2024, 10, 14), 1, ["Jabrayil"]), (date(2024, 10, 19), 2, ["Khojaly"])]


def test_the_second_of_two_incidents_announced_is_its_own_on_the_day_announced(gazetteer):
    text = ("On December 9, two mine explosions took place in the liberated territories, the "
            "Prosecutor General's Office said.\n\nIn the first incident, a resident of Zangilan "
            "district was killed when his car hit an anti-tank mine near the village of Bartaz."
            "\n\nIn the second incident, which occurred in the evening in Jabrayil district, two "
            "construction workers were injured.")
    events = events_of(gazetteer, text, date(2021, 12, 10))
    assert [(e.date_start, e.killed, e.injured, [p.district for p in e.places])
            for e in events] == [(date(2021, 12, 9), 1, None, ["Zangilan"]),
                                 (date(2021, 12, 9), None, 2, ["Jabrayil"])]


def test_a_toll_that_has_risen_updates_the_incident_told_before(gazetteer):
    text = ("The death toll from the anti-tank mine explosion in Aghdam district has risen to "
            "two, APA reports.\n\nIlgar Aliyev, who was seriously injured in the incident, died "
            "in hospital last night.\n\nAs previously reported, on June 2, a car carrying four "
            "employees hit an anti-tank mine on the road between the villages of Chiragli and "
            "Boyahmadli. The driver died on the spot, while three passengers were hospitalized "
            "with various injuries.")
    [e] = events_of(gazetteer, text, date(2024, 6, 4))
    assert (e.date_start, e.killed, e.injured, e.casualties) == (date(2024, 6, 2), 2, 2, 4)


def test_a_long_toll_that_has_risen_and_the_incident_retold_after_it(gazetteer):
    text = ("The death toll from the mine explosion that occurred on the night of 5 to 6 May near "
            "the village of Sharifan in Zangilan district has risen to three.\n\nKanan Guliyev, "
            "24, one of the injured, died in the intensive care unit of the district hospital on "
            "Wednesday morning.\n\nAs reported earlier, a pickup truck carrying five workers hit "
            "an anti-tank mine. Two of them, Tamerlan Huseynov and Orkhan Aliyev, died at the "
            "scene, while three others were injured.")
    [e] = events_of(gazetteer, text, date(2025, 5, 7))
    assert (e.date_start, e.killed, e.injured, [p.district for p in e.places]) == (
        date(2025, 5, 6), 3, 2, ["Zangilan"])


@pytest.mark.parametrize(("text", "figures"), [
    # one who died of an incident told no other way
    ("Anar Safarov, who was injured when a truck hit an anti-tank mine in Aghdam district on "
     "May 13, died in hospital on Thursday, APA reports.", (date(2024, 5, 13), 1, None)),
    # a lead told over a week and the account of the day after it
    ("Elshan Mammadov, a resident of Fuzuli district who was seriously injured in a landmine "
     "explosion last week, has died in hospital, Trend reports.\n\nMammadov was injured on May 9 "
     "when he stepped on an anti-personnel mine on the outskirts of Ashaghi Veysalli village.",
     (date(2024, 5, 9), 1, None)),
    # one of the injured who succumbed
    ("Agil Jafarov, 56, who was injured in a mine blast in Kalbajar district on July 3, has "
     "succumbed to his wounds, APA reports. Jafarov was seriously injured when the vehicle he was "
     "driving hit an anti-tank mine.", (date(2024, 7, 3), 1, None)),
])
def test_one_who_died_of_an_incident_told_before_is_counted_once(gazetteer, text, figures):
    [e] = [e for e in events_of(gazetteer, text, date(2024, 7, 25) if "July" in text
                                else date(2024, 5, 17)) if e.event_type == "mine_incident"]
    assert (e.date_start, e.killed, e.injured) == figures


def test_another_told_as_well_within_a_week_is_its_own(gazetteer):
    text = ("According to the ministry, on July 21 two shepherds grazing cattle in Kalbajar "
            "district were blown up by an anti-personnel mine. As a result, one died on the spot "
            "and the other was injured.\n\nLast week, an employee of a road construction company "
            "was also injured on the Kalbajar-Lachin highway after a mine exploded under his "
            "excavator.")
    assert len(events_of(gazetteer, text, date(2024, 7, 22))) == 2


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Two of them, Tamerlan Huseynov and Orkhan Aliyev, died at the scene, while three others "
     "were injured.", 2, 3),
    ("Two of them died at the scene, while three others were injured.", 2, 3),
    ("Nine servicemen have been injured, one of whom died of his wounds.", 1, 8),
])
def test_some_of_them_named_and_the_others(gazetteer, text, killed, injured):
    [e] = events_of(gazetteer, "A truck carrying workers hit an anti-tank mine in Aghdam on "
                               "Monday. " + text, date(2024, 6, 4))
    assert (e.killed, e.injured) == (killed, injured)


@pytest.mark.parametrize(("text", "victims"), [
    ("A police officer was killed when his car hit an anti-tank mine in Lachin.", "police"),
    ("A warrant officer of the State Border Service was injured when he stepped on a mine in "
     "Lachin.", "servicemen"),
    ("Two employees of Azvirt LLC were injured when their truck hit a mine in Lachin.",
     "civilians"),
])
def test_who_the_victims_were(gazetteer, text, victims):
    [e] = events_of(gazetteer, text, date(2025, 6, 7))
    assert e.details["victims"] == victims


@pytest.mark.parametrize(("text", "place"), [
    ("Three residents of Aghali village, who returned to their native land under the Great "
     "Return program, were injured in a mine explosion in Zangilan district on June 6.",
     "Aghali"),
    ("Three residents of Aghali, a village in Zangilan district near the road to the border "
     "with Iran, were injured in a mine explosion on June 6.", "Aghali"),
])
def test_harmed_people_with_a_clause_of_who_they_are_between_them_and_the_harm(gazetteer, text,
                                                                              place):
    [e] = events_of(gazetteer, text, date(2025, 6, 7))
    assert (e.injured, e.date_start, e.place_names) == (3, date(2025, 6, 6), [place])


@pytest.mark.parametrize(("text", "figures"), [
    # news added under an "UPDATED" line: one of the injured died
    ("According to the information, on June 5, warrant officer Rufat Aliyev hit a mine while "
     "carrying out a patrol near the village of Minkend in Lachin district. He was seriously "
     "injured. The serviceman was taken to the Lachin district hospital.\n\nUPDATED\n\nThe "
     "border service has reported that Rufat Aliyev died in hospital on the evening of June 5.",
     (1, None)),
    # ... the latest figures replace the first
    ("According to the information, today a resident of Talish village was injured after "
     "stepping on a mine on the outskirts of the village. The injured was taken to the Tartar "
     "District Central Hospital.\n\nUPDATED\n\nAccording to the latest information, two people "
     "were injured in the explosion.", (None, 2)),
    # the toll of an incident brought up to date by a death since
    ("On November 1, a group of servicemen came across an anti-personnel mine near Nerkin Hand. "
     "Private Arman Grigoryan was killed on the spot, and Sahakyan and another soldier were "
     "hospitalized. Sahakyan's death brings the toll of the November 1 incident to two.",
     (2, 1)),
    # those of the injured who have died, then the figures first told
    ("Two people injured in a mine explosion in Aghdam on November 1 have died in hospital. "
     "Initially, four people were reported injured.", (2, 2)),
    # the one who died first, then the figures first told, which count him
    ("One of the people injured in a mine explosion in Aghdam on November 1 has died in "
     "hospital, the ministry said. Initially, three people were reported injured.", (1, 2)),
])
def test_an_incident_brought_up_to_date_later_in_the_report(gazetteer, text, figures):
    [e] = [e for e in events_of(gazetteer, text, date(2023, 11, 8))
           if e.event_type == "mine_incident"]
    assert (e.killed, e.injured) == figures


@pytest.mark.parametrize("second", [
    # figures it is compared with
    "The area cleared during the year amounted to 13,240 hectares, up from 9,100 hectares in "
    "2022.",
    "For comparison, in the previous week ANAMA reported 1,105 hectares cleared and 702 "
    "explosive items neutralized.",
    "In the same period last year, 29,400 hectares had been cleared.",
    # its shares, by operator and by place
    "ANAMA's own teams accounted for 7,100 hectares, the Ministry of Defence's engineering "
    "units for 3,200 hectares.",
    "The largest areas were cleared in Aghdam (3,870 hectares), Fuzuli (2,960 hectares) and "
    "Jabrayil (2,100 hectares).",
    "Of this area, 612.4 hectares were cleared by technical means, while 407.6 hectares were "
    "released through non-technical survey.",
    # ... by place, in the report's own period
    "In 2023, the largest area was cleared in Aghdam (3,870 hectares), followed by Fuzuli "
    "(2,960 hectares) and Jabrayil (2,100 hectares).",
])
def test_a_clearance_reports_comparisons_and_shares_are_no_reports(gazetteer, second):
    text = "In 2023, ANAMA cleared 13,240 hectares and neutralised 9,450 mines. " + second
    [e] = events_of(gazetteer, text, date(2024, 1, 10))
    assert (e.hectares, e.mines, e.date_start, e.date_end) == (
        13_240, 9450, date(2023, 1, 1), date(2023, 12, 31))


def test_clearances_of_two_countries_told_one_after_the_other_are_two(gazetteer):
    text = ("The Armenian Center for Humanitarian Demining and Expertise said it had cleared 86 "
            "hectares in Syunik province in January, removing 14 anti-tank mines. The Danish "
            "Refugee Council announced the completion of its survey of former military sites "
            "near Tbilisi, which found 230 items of unexploded ordnance.")
    assert [(e.place_names, e.hectares, e.uxo) for e in events_of(gazetteer, text,
                                                                  date(2025, 2, 21))] == [
        (["Syunik"], 86, None), (["Tbilisi"], None, 230)]


def test_the_rest_of_a_breakdown_by_place_is_not_where_the_report_was(gazetteer):
    [e] = events_of(gazetteer, "In October, ANAMA cleared 6,482 hectares in the liberated "
                               "territories. By district, the largest area was cleared in Aghdam "
                               "(1,930 hectares), followed by Fuzuli (1,406 hectares). The "
                               "remaining operations were conducted in Tartar, Kalbajar and "
                               "Lachin districts.", date(2024, 11, 4))
    assert (e.hectares, e.place_names) == (6482, ["liberated territories"])


@pytest.mark.parametrize("second", [
    # a figure of a period of its own
    "For comparison, in 2022 ANAMA cleared 9,100 hectares in total.",
    "In the first nine months of this year alone, more than 48,000 hectares were cleared.",
])
def test_a_figure_of_a_period_of_its_own_after_a_report_is_a_report(gazetteer, second):
    text = "Last month, ANAMA cleared 1,320 hectares and neutralised 450 mines. " + second
    assert len(events_of(gazetteer, text, date(2024, 10, 10))) == 2


def test_a_reports_mines_by_type_are_its_own(gazetteer):
    [e] = events_of(gazetteer, "Last week, ANAMA found 43 mines in Aghdam. Of these, 31 were "
                               "anti-personnel and 12 were anti-tank mines.", date(2024, 3, 18))
    assert (e.mines, e.details["anti_personnel"], e.details["anti_tank"]) == (43, 31, 12)


def test_the_day_of_a_harm_told_first_without_one(gazetteer):
    [e] = events_of(gazetteer, "An Armenian conscript has been seriously injured in a mine blast "
                               "near the village of Sotk, the Defence Ministry said. The soldier "
                               "was wounded on Monday evening while patrolling the border.",
                    date(2023, 9, 20))
    assert (e.injured, e.date_start) == (1, date(2023, 9, 18))


@pytest.mark.parametrize(("text", "uxo"), [
    ("Sappers destroyed 40 unexploded cluster submunitions and 12 artillery shells near Gori "
     "last week.", 52),
    ("ANAMA found 390 unexploded ordnance, 12 grenades and 5 aerial bombs in Aghdam last week.",
     407),
    # the others, after mines; "units of" them
    ("Deminers found 12 anti-personnel mines and 57 other unexploded ordnance in Jermuk in "
     "2023.", 57),
    ("Deminers found 214 anti-personnel mines and 1,947 units of unexploded ordnance in Jermuk "
     "in 2023.", 1947),
])
def test_unexploded_ordnance_listed_by_kind_adds_up(gazetteer, text, uxo):
    [e] = events_of(gazetteer, text, date(2023, 9, 20))
    assert e.uxo == uxo


def test_where_a_minister_spoke_does_not_take_a_total_abroad(gazetteer):
    [e] = events_of(gazetteer, "Speaking to journalists in Almaty, Bayramov said that more than "
                               "360 Azerbaijanis had been killed or injured by mines since 2020.",
                    date(2024, 5, 12))
    assert (e.event_type, e.casualties, e.place_names) == ("casualty_total", 360, ["Azerbaijan"])


def test_maps_a_side_said_showed_mines_are_handed_over(gazetteer):
    [e] = events_of(gazetteer, "In June 2021, Armenia handed over maps it said showed the "
                               "locations of 97,000 mines in Aghdam in exchange for 15 "
                               "detainees.", date(2024, 5, 12))
    assert (e.event_type, e.mines, e.prisoners) == ("map_handover", 97_000, 15)


def test_yesterday_is_the_day_before_the_dateline(gazetteer):
    text = ("Soldier killed in mine explosion in Jabrayil\n\nJabrayil, June 22, AZERTAC\n\n"
            "A soldier of the Azerbaijani Army was killed in a mine explosion in Jabrayil "
            "district yesterday, the Ministry of Defense said.")
    [e] = events_of(gazetteer, text, date(2025, 6, 23))  # the page stamped a day later
    assert e.date_start == date(2025, 6, 21)


def test_a_total_told_again_further_on_is_one(gazetteer):
    text = ("The number of victims of mine explosions since the autumn 2020 war has reached 300, "
            "Azerbaijani officials reported.\n\nAn employee of the Azerbaijan Demining Company "
            "died in an explosion in Jabrayil district on Monday.\n\nHis colleague was "
            "injured.\n\nThe company said work would go on.\n\nIn total, since 10 November 2020, "
            "300 people have become victims of mines, including 59 people killed, ANAMA stated.")
    events = events_of(gazetteer, text, date(2023, 8, 22))
    assert [(e.event_type, e.casualties, e.killed) for e in events
            if e.event_type == "casualty_total"] == [("casualty_total", 300, 59)]
    [incident] = [e for e in events if e.event_type == "mine_incident"]
    assert incident.details["victims"] == "deminers"


def test_a_total_compared_after_its_own_figure_keeps_it(gazetteer):
    [e] = events_of(gazetteer, "The review notes that mine casualties in Azerbaijan fell in 2024 "
                               "compared with the previous year: 41 people were killed or "
                               "injured by mines in 2024, against 76 in 2023.", date(2025, 2, 1))
    assert (e.casualties, e.date_start, e.date_end) == (41, date(2024, 1, 1), date(2024, 12, 31))


def test_a_total_of_another_country_after_a_total_is_its_own(gazetteer):
    events = events_of(gazetteer, "The Monitor recorded 32 casualties from mines in Azerbaijan "
                                  "in 2022. In Armenia, the Monitor recorded 11 casualties in the "
                                  "same year, including 3 deaths.", date(2023, 11, 16))
    assert [(e.place_names, e.casualties, e.killed, e.date_start) for e in events] == [
        (["Azerbaijan"], 32, None, date(2022, 1, 1)), (["Armenia"], 11, 3, date(2022, 1, 1))]


@pytest.mark.parametrize("text", [
    "According to the Landmine Monitor, Azerbaijan recorded 101 mine casualties in 2023, "
    "while Armenia recorded 12.",
    "In 2023, mines killed or injured 101 people in Azerbaijan and 12 in Armenia, the "
    "Landmine Monitor said.",
    "Mines killed or injured 101 people in Azerbaijan in 2023, and Armenia suffered 12 mine "
    "casualties, the Landmine Monitor said.",
])
def test_two_countries_figures_in_one_sentence_are_two_totals(gazetteer, text):
    events = events_of(gazetteer, text, date(2024, 11, 20))
    assert [(e.place_names, e.casualties, e.date_start, e.date_end, e.attributed_to)
            for e in events] == [
        (["Azerbaijan"], 101, date(2023, 1, 1), date(2023, 12, 31), "Landmine Monitor"),
        (["Armenia"], 12, date(2023, 1, 1), date(2023, 12, 31), "Landmine Monitor")]


@pytest.mark.parametrize("text", [
    "In February, in Aghdam, deminers found 412 mines across 1,540 hectares, while in Fuzuli "
    "district 188 mines were detected on an area of 1,208 hectares.",
    "Deminers found 412 mines in Aghdam district, and 188 mines in Fuzuli district in "
    "February.",
])
def test_two_districts_clearance_in_one_sentence_is_two_reports(gazetteer, text):
    events = events_of(gazetteer, text, date(2024, 3, 4))
    assert sorted((e.place_names, e.mines, e.date_start) for e in events) == [
        (["Aghdam"], 412, date(2024, 2, 1)), (["Fuzuli"], 188, date(2024, 2, 1))]


@pytest.mark.parametrize("text", [
    # a list of districts, and a breakdown in brackets, are one report's
    "The agency found 33 anti-personnel mines in Tartar, Aghdam, Jabrayil, and Zangilan "
    "regions from February 21 to 26.",
    "ANAMA found 428 mines in February; the most were found in Aghdam (188), Tartar (143) and "
    "Khojavend (97) districts.",
])
def test_a_list_of_districts_of_one_report_is_not_split(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 3, 4))
    assert e.event_type == "clearance_report"


@pytest.mark.parametrize(("text", "figures"), [
    ("Landmines killed or injured 145 people in Azerbaijan in 2021, 85 in 2022 and 54 in "
     "2023, ANAMA said.", [("casualties", 145, 2021), ("casualties", 85, 2022),
                          ("casualties", 54, 2023)]),
    ("Deminers cleared 31,000 hectares in Aghdam in 2021 and 42,700 hectares in 2024.",
     [("hectares", 31000, 2021), ("hectares", 42700, 2024)]),
])
def test_each_years_figure_of_a_sentence_is_that_years(gazetteer, text, figures):
    events = events_of(gazetteer, text, date(2025, 2, 1))
    assert [(name, getattr(e, name), e.date_start.year) for e, (name, _, _) in
            zip(events, figures, strict=True)] == figures
    assert all(e.date_end.year == e.date_start.year and e.place_names == events[0].place_names
               and e.place_names for e in events)


@pytest.mark.parametrize("text", [
    "Two residents were injured in an explosion in Hadrut on Monday. The Ministry of Internal "
    "Affairs said the explosion was not caused by a landmine, but by a gas cylinder.",
    "The explosion in Hadrut that injured two residents on Monday was caused by a gas cylinder, "
    "not a landmine, the ministry said.",
])
def test_a_blast_the_source_says_no_mine_caused_is_no_mine_incident(gazetteer, text):
    assert events_of(gazetteer, text, date(2024, 8, 7)) == []


@pytest.mark.parametrize("text, speaker", [
    # named two sentences before, with a speaker of another kind in between
    ("The Azerbaijan National Agency for Mine Action (ANAMA) continues demining in Aghdam. "
     "Local residents say the work is slow. On May 15, a resident of Aghdam was injured in a "
     "mine explosion near the village of Khidirli, according to the agency.",
     "Azerbaijan National Agency for Mine Action"),
    ("Two employees of the Mine Action Agency of the Republic of Azerbaijan were killed in a "
     "mine explosion in Aghdara on May 3, the agency said.",
     "Mine Action Agency of the Republic of Azerbaijan"),
    # the kind named, not the speaker before it of another kind
    ("Armenia's Ministry of Defense reported no ceasefire violations. Local officials said the "
     "road was closed. A soldier was killed by a mine blast in Tavush on Tuesday, the ministry "
     "said.", "Armenia's Ministry of Defense"),
    ("Foreign Minister Jeyhun Bayramov met the envoy in Baku on Monday. Two civilians were killed "
     "by a landmine in Fuzuli on May 10, the minister said.", "Jeyhun Bayramov"),
    ("The HALO Trust cleared 178 hectares of land in Nagorno-Karabakh in 2019, destroying 312 "
     "anti-personnel mines, the organisation announced.", "HALO Trust"),
    ("The Landmine Monitor 2023 was released on Tuesday. In Armenia, 11 people were killed or "
     "injured by mines in 2022, the report says.", "Landmine Monitor"),
    # a statement's author, not a body named in what it says
    ("The U.S. Embassy in Yerevan on Tuesday issued a statement on demining in Armenia. "
     "\"Since 2022, with U.S. support, HALO teams have released 120 hectares in Tavush, "
     "destroying 96 anti-personnel mines,\" the statement reads.", "U.S. Embassy"),
])
def test_a_speaker_named_by_its_kind_is_the_one_of_that_kind_named_before(gazetteer, text,
                                                                          speaker):
    [e] = [e for e in events_of(gazetteer, text, date(2024, 5, 17)) if e.event_type != "other"]
    assert e.attributed_to == speaker


def test_a_speaker_named_by_its_kind_alone_is_kept_when_none_of_its_kind_was_named(gazetteer):
    [e] = events_of(gazetteer, "A soldier was killed by a mine blast in Tavush on Tuesday, the "
                               "ministry said.", date(2024, 5, 17))
    assert e.attributed_to == "the ministry"


def test_the_source_a_lead_cites_tells_the_events_after_it_without_a_speaker(gazetteer):
    text = ("ANAMA: mines found in a week\n\n"
            "Baku, May 22. During the week, 97 anti-personnel mines and 204 unexploded ordnance "
            "were found in Tartar and Aghdam, Report informs, citing ANAMA.\n\n"
            "On May 20, a resident of Aghdam was injured by a mine near the village of "
            "Khidirli.\n\n"
            "Since 2020, 361 people have been killed or injured by mines, Ombudsman Sabina "
            "Aliyeva said.")
    events = events_of(gazetteer, text, date(2023, 5, 22))
    assert [(e.event_type, e.attributed_to) for e in events] == [
        ("clearance_report", "ANAMA"), ("mine_incident", "ANAMA"),
        ("casualty_total", "Ombudsman Sabina Aliyeva")]


@pytest.mark.parametrize("more", ["His condition is stable, the Ministry of Health said.",
                                  "He was hospitalized, the Ministry of Health said."])
def test_a_speaker_telling_more_of_an_incident_right_after_it_tells_it(gazetteer, more):
    [e] = events_of(gazetteer, "A resident of Aghdam was injured by a mine near the village of "
                               f"Khidirli on Monday. {more}", date(2024, 5, 17))
    assert (e.injured, e.attributed_to) == (1, "Ministry of Health")


@pytest.mark.parametrize("adverb", ["separately", "additionally", "later"])
def test_an_adverb_between_a_speaker_and_the_verb_keeps_the_speaker(gazetteer, adverb):
    [e] = events_of(gazetteer, f"ANAMA Chairman Vugar Suleymanov {adverb} said that 150 people "
                               "were injured by mines in Aghdam since 2020.", date(2024, 5, 17))
    assert e.attributed_to == "ANAMA Chairman Vugar Suleymanov"


def test_a_dateline_glued_to_the_speaker_is_no_part_of_it(gazetteer):
    [e] = events_of(gazetteer, "HALO Trust: land cleared in Georgia\n\nTBILISI, DFWatch--A "
                               "British demining organization says it has cleared more than "
                               "2,400 hectares of land in Georgia since the end of the 2008 war.",
                    date(2016, 10, 5))
    assert e.attributed_to == "HALO Trust"


@pytest.mark.parametrize("text, speaker", [
    ("A man was injured in a mine explosion near Odzisi on Monday, the Ministry of Internal "
     "Affairs (MIA) of Georgia said.", "Ministry of Internal Affairs of Georgia"),
    ("A man was injured in a mine explosion near Odzisi on Monday, the State Security Service "
     "of Georgia (SSG) said.", "State Security Service of Georgia"),
])
def test_a_speakers_acronym_is_no_end_of_its_name(gazetteer, text, speaker):
    [e] = events_of(gazetteer, text, date(2024, 5, 17))
    assert e.attributed_to == speaker


def test_a_place_is_never_the_speaker(gazetteer):
    [e] = events_of(gazetteer, "One survivor, a 44-year-old man from Aghdam, told Human Rights "
                               "Watch that his brother was killed on February 25, 2021, when the "
                               "car they were in hit an anti-tank mine on the road between Aghdam "
                               "and Shikhbabali.", date(2021, 11, 3))
    assert e.attributed_to is None


def test_a_long_title_set_off_by_commas_gives_the_person(gazetteer):
    [e] = events_of(gazetteer, "Assistant to the President of Azerbaijan, Head of the Foreign "
                               "Policy Affairs Department of the Presidential Administration "
                               "Hikmet Hajiyev said that 350 people were killed or injured by "
                               "mines since 2020.", date(2024, 5, 17))
    assert e.attributed_to == "Hikmet Hajiyev"


@pytest.mark.parametrize("text", [
    "Two soldiers were injured by a mine in Kalbajar, the ministry's spokesman, Vagif "
    "Dargahli, said.",
    "Two soldiers were injured by a mine in Kalbajar, the agency's chairman, Vagif Dargahli, "
    "told reporters.",
])
def test_the_person_set_off_after_a_title_is_the_speaker(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2022, 10, 15))
    assert e.attributed_to == "Vagif Dargahli"


@pytest.mark.parametrize("text", [
    "A deminer sustained fatal injuries in a mine explosion in Aghdam on July 25.",
    "A shepherd received mortal wounds when he stepped on a mine in Aghdam on July 25.",
    "A shepherd was mortally wounded when he stepped on a mine in Aghdam on July 25.",
])
def test_fatal_injuries_are_a_death(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2023, 7, 26))
    assert (e.killed, e.injured) == (1, None)


def test_one_more_harmed_by_a_wound_told_after_a_death_is_injured(gazetteer):
    [e] = events_of(gazetteer, "A serviceman was killed in a mine explosion near Tegh on March "
                               "1. Another serviceman, private Levon Sargsyan, sustained a "
                               "shrapnel wound and was taken to the Goris Medical Center.",
                    date(2024, 3, 3))
    assert (e.killed, e.injured) == (1, 1)


@pytest.mark.parametrize("text", [
    "A man was killed on Tuesday after driving his tractor over a mine near Lachin.",
    "A man was killed on Tuesday while driving over an anti-tank mine near Lachin.",
    "A man was killed on Tuesday after hitting a mine near Lachin.",
    "A man was killed on Tuesday after running over a mine near Lachin.",
    "A man was killed on Tuesday after triggering a mine near Lachin.",
    "A man was killed on Tuesday after treading on a mine near Lachin.",
])
def test_a_blast_told_by_a_gerund_is_an_incident(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 5, 10))
    assert (e.event_type, e.killed, e.date_start) == ("mine_incident", 1, date(2024, 5, 7))


@pytest.mark.parametrize("text", [
    "Hikmet Hajiyev wrote on Twitter, calling on Yerevan to hand over maps of the minefields.",
    "Baku insists Yerevan hand over maps of the minefields.",
    "Baku wants Yerevan to hand over maps of minefields.",
    # a request, an order asked for, maps said to be worthless
    "The International Court of Justice on Wednesday rejected Azerbaijan's request for "
    "provisional measures that would have required Armenia to hand over maps of minefields.",
    "Azerbaijan on Wednesday asked the court to order Armenia to hand over maps of minefields.",
    "Suleymanov said the maps of minefields handed over by Armenia were inaccurate.",
])
def test_a_call_to_hand_over_maps_is_no_handover(gazetteer, text):
    assert not [e for e in events_of(gazetteer, text, date(2021, 6, 5))
                if e.event_type == "map_handover"]


@pytest.mark.parametrize("text", [
    "In September, 2,114 mines were defused in the liberated territories, ANAMA said.",
    "2,114 mines were defused in the liberated territories in September, ANAMA said.",
    "A total of 2,114 mines were defused in Azerbaijan's territories freed from occupation "
    "during September 2024, ANAMA said.",
])
def test_a_month_after_the_liberated_land_dates_the_report(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 10, 2))
    assert (e.date_start, e.date_end) == (date(2024, 9, 1), date(2024, 9, 30))


def test_a_district_beside_a_town_outside_it_is_a_place_of_the_event_too(gazetteer):
    [e] = events_of(gazetteer, "In Khankendi and Khojaly, deminers cleared 640 hectares and "
                               "defused 142 anti-personnel mines in September.",
                    date(2024, 10, 2))
    assert (e.place_names, e.geo_precision) == (["Khankendi", "Khojaly"], "district")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Foreign Ministry spokesperson Aykhan Hajizada commented on the issue. According to the "
     "spokesperson, more than 290 Azerbaijanis have been killed or injured by mines since the "
     "end of the war.", "Aykhan Hajizada"),
    ("Ombudsman Sabina Aliyeva issued a statement on Thursday. Since the end of the war, 350 "
     "people were killed or injured by mines, the Ombudsman said.", "Sabina Aliyeva"),
])
def test_a_spokesperson_or_ombudsman_named_by_title_is_the_one_named_before(gazetteer, text,
                                                                            speaker):
    [e] = events_of(gazetteer, text, date(2023, 3, 15))
    assert e.attributed_to == speaker


@pytest.mark.parametrize("text", [
    "Twenty-seven people have been killed by landmines in Artsakh since the November 2020 "
    "ceasefire, Stepanyan said. ANAMA says 200 people have been killed or wounded in mine "
    "blasts in Azerbaijan since the war.",
    "Twenty-seven people have been killed by landmines in Karabakh since the ceasefire, "
    "ombudsman Gegham Stepanyan said. Azerbaijan, for its part, says that 200 of its citizens "
    "have been killed or wounded by landmines since the ceasefire.",
])
def test_totals_of_two_sources_are_two_claims(gazetteer, text):
    events = events_of(gazetteer, text, date(2022, 4, 4))
    assert [(e.killed, e.casualties, e.date_start) for e in events] == [
        (27, 27, date(2020, 11, 1) if "November" in text else date(2020, 11, 10)),
        (None, 200, date(2020, 11, 10))]
    assert events[1].attributed_to in ("ANAMA", "Azerbaijan")


def test_since_the_war_counts_from_its_end_but_not_as_a_comparison(gazetteer):
    [total] = events_of(gazetteer, "ANAMA says 200 people have been killed or wounded by "
                                   "mines since the war.", date(2022, 4, 4))
    assert (total.date_start, total.date_end) == (date(2020, 11, 10), date(2022, 4, 4))
    [incident] = events_of(gazetteer, "The deadliest mine incident since the war occurred on "
                                      "June 4, 2021, when three journalists were killed near "
                                      "Susuzlug.", date(2025, 9, 26))
    assert incident.date_start == date(2021, 6, 4)


@pytest.mark.parametrize("second", [
    "Deminer Elvin Huseynov, a resident of Barda district, sustained fatal injuries after an "
    "anti-personnel mine detonated.",
    "Deminer Elvin Huseynov was killed.",
])
def test_the_one_who_died_told_again_by_name_and_home_is_the_same(gazetteer, second):
    [e] = events_of(gazetteer, "An employee of ANAMA has died in a mine explosion in Khojavend "
                               f"district. {second}", date(2023, 7, 26))
    assert (e.place_names, e.killed, e.injured) == (["Khojavend"], 1, None)


@pytest.mark.parametrize(("text", "places"), [
    ("Azerbaijan says nearly 300 of its citizens have been killed or wounded by land mines "
     "since the 2020 war and that the maps provided by Armenia are incomplete.", ["Azerbaijan"]),
    ("Since the war, 300 people have been killed or injured by mines, as Armenia has refused "
     "to hand over accurate maps.", []),
    ("Azerbaijan says 200 people have been killed or wounded in mine blasts since the war, and "
     "has demanded that Armenia hand over all minefield maps.", ["Azerbaijan"]),
])
def test_the_side_that_withholds_the_maps_is_no_place_of_a_total(gazetteer, text, places):
    [e] = events_of(gazetteer, text, date(2023, 5, 4))
    assert (e.event_type, e.place_names) == ("casualty_total", places)


@pytest.mark.parametrize(("text", "figures"), [
    ("HALO destroyed 180 cluster submunitions in Martuni in 2021.", (None, 180, None)),
    ("The HALO Trust returned 18 hectares of land to communities in Tavush in 2022.",
     (None, None, 18)),
])
def test_submunitions_and_land_returned_to_communities_are_a_clearance(gazetteer, text,
                                                                       figures):
    [e] = events_of(gazetteer, text, date(2023, 2, 9))
    assert (e.event_type, e.mines, e.uxo, e.hectares) == ("clearance_report", *figures)


def test_the_day_of_a_press_conference_somewhere_does_not_date_last_year(gazetteer):
    [e] = events_of(gazetteer, "The HALO Trust returned 182,400 square meters of land to "
                               "communities in Armenia's Tavush Province last year, its "
                               "director said at a press conference in Yerevan on Wednesday.",
                    date(2023, 2, 9))
    assert (e.date_start, e.date_end) == (date(2022, 1, 1), date(2022, 12, 31))


@pytest.mark.parametrize(("text", "killed"), [
    ("Three members of a search group were killed by an anti-tank mine near Hadrut on "
     "December 12.", 3),
    ("Three volunteers searching for the bodies of soldiers were killed by a mine near Hadrut "
     "on December 12.", 3),
    ("One of the deadliest incidents occurred on December 12, when a mine exploded near "
     "Hadrut, killing three people.", 3),
    ("Two teenage brothers were killed near Hadrut on December 12 when an object they found "
     "in a field exploded.", 2),
])
def test_who_were_killed_in_a_blast_however_told(gazetteer, text, killed):
    [e] = events_of(gazetteer, text, date(2021, 1, 10))
    assert (e.event_type, e.killed, e.date_start) == ("mine_incident", killed,
                                                      date(2020, 12, 12))


def test_one_districts_share_of_a_weekly_report_is_no_place_of_the_whole(gazetteer):
    events = events_of(gazetteer, "Between October 9 and 14, 1,842 hectares were cleared in "
                                  "the liberated territories, ANAMA said. In Fuzuli district, "
                                  "23 anti-tank mines were defused. Notably, 1,140 hectares of "
                                  "the area cleared over the week were covered by mechanized "
                                  "demining machines.", date(2023, 10, 16))
    assert [(e.place_names, e.mines, e.hectares) for e in events] == [
        (["liberated territories"], None, 1842), (["Fuzuli"], 23, None)]


@pytest.mark.parametrize(("text", "published", "period"), [
    # the month a count since the war was given in ends it
    ("Across the country, 397 people have been killed or injured by mines since the end of "
     "the war, 71 of them fatally, the agency said in January.", date(2025, 3, 18),
     (date(2020, 11, 10), date(2025, 1, 31))),
    # "since then": from the time the sentence before names
    ("The war ended in November 2020. Azerbaijani authorities say mines have killed or maimed "
     "more than 140 people there since then.", date(2021, 7, 3),
     (date(2020, 11, 1), date(2021, 7, 3))),
    ("The war ended in November 2020. Since then, Baku says, more than 200 Azerbaijani "
     "civilians have been killed or wounded by landmines.", date(2021, 7, 3),
     (date(2020, 11, 1), date(2021, 7, 3))),
    # work that began then and goes on
    ("During the clearance, which began in June 2022, deminers destroyed 1,420 mines in "
     "Kakheti.", date(2023, 11, 21), (date(2022, 6, 1), date(2023, 11, 21))),
    # periods named by what happened in them
    ("Aliyeva noted that during the first Karabakh war and the subsequent occupation period, "
     "a total of 3,400 Azerbaijani citizens fell victim to mines.", date(2024, 4, 4),
     (date(1988, 1, 1), date(2020, 12, 31))),
])
def test_periods_told_by_what_came_before_or_was_said_when(gazetteer, text, published,
                                                           period):
    [e] = events_of(gazetteer, text, published)
    assert (e.date_start, e.date_end) == period


def test_mines_laid_during_the_occupation_do_not_date_the_handover_of_their_maps(gazetteer):
    [e] = events_of(gazetteer, "On June 12, 2021, Armenia handed over maps of 97,000 mines "
                               "laid in Aghdam during the occupation.", date(2024, 4, 4))
    assert (e.event_type, e.date_start) == ("map_handover", date(2021, 6, 12))


def test_killed_and_injured_together_are_casualties_not_deaths(gazetteer):
    [e] = events_of(gazetteer, "The number of people killed and injured by mines in Azerbaijan "
                               "since November 2020 has exceeded 300, the ICRC said.",
                    date(2022, 6, 1))
    assert (e.killed, e.injured, e.casualties) == (None, None, 300)


@pytest.mark.parametrize("text", [
    "But the agency estimates that up to 1.5 million mines may still be in the ground, and "
    "officials say full clearance could take decades.",
    "Some 1.5 million mines are still buried in Karabakh, and demining will take 30 years.",
    "There are still about 1.5 million mines in the territories, and demining them could take "
    "decades.",
    "Under the project, ANAMA teams will carry out technical survey and clearance on about "
    "1,500 hectares in the Fuzuli and Aghdam districts over the next 18 months.",
    # land still contaminated, told by a body whose name holds "demining"
    "According to the Armenian Center for Humanitarian Demining and Expertise, more than 2,000 "
    "hectares of land in Gegharkunik, Syunik and Vayots Dzor provinces are contaminated by "
    "cluster munitions after the September 2022 Azerbaijani attacks.",
    "A representative of the Azerbaijan Demining Agency said that 40,000 anti-personnel mines "
    "are believed to be planted in Kalbajar and Lachin districts.",
    "The demining agency says some 700 hectares in Fuzuli are suspected hazardous areas.",
])
def test_mines_still_in_the_ground_and_clearance_to_come_are_no_clearance(gazetteer, text):
    assert events_of(gazetteer, text, date(2022, 6, 1)) == []


def test_mines_still_in_the_ground_are_not_counted_with_the_land_cleared(gazetteer):
    [e] = events_of(gazetteer, "ANAMA cleared 300 hectares last week, but 1.5 million mines may "
                               "still be in the ground.", date(2022, 6, 1))
    assert (e.hectares, e.mines) == (300, None)


@pytest.mark.parametrize("text", [
    "A shepherd was injured when he stepped on a mine in Aghdam on Monday. Two cows were also "
    "killed in the blast.",
    "A shepherd was injured when a mine exploded in Aghdam on Monday, killing three sheep.",
])
def test_animals_killed_are_no_people_killed(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2022, 6, 1))
    assert (e.killed, e.injured) == (None, 1)


@pytest.mark.parametrize(("text", "place"), [
    ("Ilgar Aliyev, a resident of Tartar's Chayli village, was killed by a mine near "
     "Shikhbabali village on Monday.", "Shikhbabali"),
    ("Rashad Aliyev, a resident of the village of Alkhanli, was injured by a mine near Horadiz "
     "on Monday.", "Horadiz"),
    ("Rashad Aliyev, who lives in Alkhanli, was injured by a mine near Horadiz on Monday.",
     "Horadiz"),
])
def test_where_the_harmed_lives_is_no_place_of_the_incident(gazetteer, text, place):
    [e] = events_of(gazetteer, text, date(2024, 4, 6))
    assert e.place_names == [place]


def test_a_handover_doubted_after_its_teller_keeps_its_teller_when_told_again(gazetteer):
    [e] = events_of(gazetteer, "Yerevan provided Baku with maps of minefields in the Kalbajar "
                               "district on Sunday. Azerbaijan's Foreign Ministry said in a "
                               "statement that Armenia had transferred maps of about 1,410 mines "
                               "in Kalbajar, but added that previous maps had proved unreliable.",
                    date(2021, 12, 19))
    assert (e.mines, e.attributed_to) == (1410, "Azerbaijan's Foreign Ministry")


def test_a_calibre_counts_no_mines(gazetteer):
    assert [e.mines for e in events_of(gazetteer, "An 82-mm mortar mine was discovered in Gori "
                                                  "municipality on Monday.",
                                       date(2024, 4, 6))] == []


@pytest.mark.parametrize(("text", "period"), [
    ("Armenia provided maps of about 400,000 mines in 2021 and 2022.",
     (date(2021, 1, 1), date(2022, 12, 31))),
    # (but not the years of another clause, nor those its victims were born in)
    ("Azerbaijan recorded 88 mine casualties in 2023, most of them in areas it retook in 2020 and "
     "2023.", (date(2023, 1, 1), date(2023, 12, 31))),
])
def test_two_years_joined_by_and_are_one_period(gazetteer, text, period):
    [e] = events_of(gazetteer, text, date(2024, 4, 6))
    assert (e.date_start, e.date_end) == period


@pytest.mark.parametrize("quote", [
    # each paragraph of the statement opened by quotation marks
    '"Today Azerbaijan marks the day.\n\n"The most recent tragedy occurred on February 28, 2024, '
    'when a resident of Khanlig village was killed after stepping on an anti-personnel mine."',
    # or the whole statement in one pair of them
    '"Today Azerbaijan marks the day.\n\nThe most recent tragedy occurred on February 28, 2024, '
    'when a resident of Khanlig village was killed after stepping on an anti-personnel mine."',
])
def test_a_statement_quoted_after_its_announcement_is_its_issuers(gazetteer, quote):
    [e] = events_of(gazetteer, "The Ministry of Foreign Affairs has issued a statement on the "
                               f"occasion of the day. AZERTAC presents the statement.\n\n{quote}",
                    date(2024, 3, 1))
    assert (e.event_type, e.attributed_to) == ("mine_incident", "the Ministry of Foreign Affairs")


def test_a_speaker_named_by_its_kind_does_not_stand_for_a_statement_before(gazetteer):
    events = events_of(gazetteer, '"A child was injured by a mine in Aghdam on February 12," the '
                                  "statement said. The Ombudsman said that the total number of "
                                  "mine victims has reached 385.", date(2024, 3, 1))
    assert [e.attributed_to for e in events] == [None, "the Ombudsman"]


@pytest.mark.parametrize("text", [
    "Since the signing of the November 10 statement, 239 people have been killed or wounded by "
    "mines.",
    "After the signing of the trilateral statement ending the 44-day war, 350 people have "
    "become victims of mine explosions.",
    "Following the end of the war in 2020, 350 people have become victims of mines.",
    # as foreign wires name it
    "More than 200 people have been killed or wounded by mines since the end of the "
    "Nagorno-Karabakh war.",
    "More than 200 people have been killed or wounded by mines since the end of the war in "
    "Karabakh.",
])
def test_a_count_since_the_war_named_otherwise_starts_at_its_end(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2022, 9, 6))
    assert (e.date_start, e.date_end) == (date(2020, 11, 10), date(2022, 9, 6))


@pytest.mark.parametrize(("second", "month"), [
    ("The following month, maps covering Fuzuli and Zangilan, with some 92,000 mines, were "
     "handed over.", date(2021, 7, 1)),
    ("Three months later, Armenia handed over maps of 92,000 mines in Fuzuli and Zangilan.",
     date(2021, 9, 1)),
])
def test_a_month_told_from_the_event_before_is_that_far_from_it(gazetteer, second, month):
    events = events_of(gazetteer, "In June 2021, Armenia handed over maps of 97,000 mines in "
                                  f"Aghdam. {second}", date(2025, 3, 18))
    assert [(e.mines, e.date_start, e.time_precision) for e in events] == [
        (97000, date(2021, 6, 1), "month"), (92000, month, "month")]


def test_he_after_a_quote_is_the_one_titled_in_the_sentence_before(gazetteer):
    [e] = events_of(gazetteer, "ANAMA Chairman Vugar Suleymanov spoke at the event. \"Since "
                               "1991, the total number of mine victims in Azerbaijan has "
                               "exceeded 3,400,\" he noted.", date(2024, 4, 4))
    assert e.attributed_to == "Vugar Suleymanov"


def test_a_day_before_the_speaker_is_the_day_it_was_said(gazetteer):
    [e] = events_of(gazetteer, "On Friday the Defence Ministry said a soldier was injured by a "
                               "mine in Kalbajar on Thursday.", date(2024, 4, 6))
    assert (e.date_start, e.attributed_to) == (date(2024, 4, 4), "the Defence Ministry")


@pytest.mark.parametrize("since", [
    "Since the end of the conflict in November 2020", "Since the end of hostilities",
    "Since the liberation of the territories",
])
def test_the_end_of_the_conflict_named_otherwise_starts_a_total(gazetteer, since):
    [e] = events_of(gazetteer, f"{since}, 379 Azerbaijani citizens have fallen victim to "
                               "landmines.", date(2024, 11, 18))
    assert (e.date_start, e.date_end) == (date(2020, 11, 10), date(2024, 11, 18))


@pytest.mark.parametrize(("text", "speaker"), [
    ("By comparison, in February 2023 the agency reported that 312 mines were found in "
     "Aghdam.", "the agency"),
    ("Last year the ministry reported that 312 mines were found in Aghdam.", "the ministry"),
    ("According to ANAMA 361 people have been killed or injured by mines since November 2020.",
     "ANAMA"),
    ("According to Azerbaijan's National Agency for Mine Action (ANAMA) the mines killed 300 "
     "people since 2020.", "Azerbaijan's National Agency for Mine Action (ANAMA)"),
    ("Six people were hurt by mines in July, according to data collected by the ICRC and the "
     "Armenian Red Cross Society.",
     "data collected by the ICRC and the Armenian Red Cross Society"),
    # a day or a statement before it, no comma between
    ("In a statement on Monday the Foreign Ministry said 385 people have been killed or "
     "injured by mines since 2020.", "the Foreign Ministry"),
    ("On Friday the Defence Ministry said 312 mines were found in Aghdam.",
     "the Defence Ministry"),
    # a verb in the present, a speaker in lower case, whom the outlet refers to
    ("The Ministry notes that since 2020, ANAMA has cleared more than 140,000 hectares.",
     "the Ministry"),
    ("Since 2020, 385 people have been killed or injured by mines, the ombudsman said.",
     "the ombudsman"),
    ("A shepherd was injured by a mine in Fuzuli on Monday, Trend reports with reference to "
     "the press service of the Interior Ministry.",
     "the press service of the Interior Ministry"),
])
def test_the_speaker_is_no_more_than_its_name(gazetteer, text, speaker):
    [e] = events_of(gazetteer, text, date(2024, 3, 10))
    assert e.attributed_to == speaker


@pytest.mark.parametrize(("text", "place", "figures"), [
    ("ANAMA neutralized 900 mines in the liberated territories last month, including 300 in "
     "the Tartar district.", "liberated territories", (900, None, None)),
    ("Deminers cleared 5,000 hectares in the liberated territories last month, including "
     "1,200 hectares in Fuzuli.", "liberated territories", (None, None, 5000)),
    ("The centre has cleared 380 hectares in Armenia so far this year, and 1,900 unexploded "
     "items were destroyed, including 1,100 cluster submunitions in the area of Jermuk.",
     "Armenia", (None, 1900, 380)),
])
def test_a_part_of_a_count_told_after_it_is_no_place_of_the_whole(gazetteer, text, place,
                                                                   figures):
    [e] = events_of(gazetteer, text, date(2024, 3, 10))
    assert (e.place_names, (e.mines, e.uxo, e.hectares)) == ([place], figures)


@pytest.mark.parametrize(("text", "end"), [
    ("Since the end of the second Karabakh war, 298 people have become victims of mines, "
     "Vugar Suleymanov said at a press conference held on the occasion of the International "
     "Day for Mine Awareness on April 4.", date(2023, 4, 4)),
    ("As of April 1, 2023, 298 people have become mine victims since the end of the war.",
     date(2023, 4, 1)),
])
def test_a_total_since_the_war_runs_to_the_day_it_was_given(gazetteer, text, end):
    [e] = events_of(gazetteer, text, date(2023, 4, 5))
    assert (e.date_start, e.date_end) == (date(2020, 11, 10), end)


def test_a_handover_recalled_without_a_date_is_no_event_of_the_reports_day(gazetteer):
    assert events_of(gazetteer, "It should be recalled that Armenia handed over maps of 92,000 "
                                "mines in the Aghdam, Fuzuli and Zangilan districts.",
                     date(2024, 1, 9)) == []
    [e] = events_of(gazetteer, "Previously, on June 12, 2021, Armenia handed over the maps of "
                               "97,000 mines in Aghdam district.", date(2024, 1, 9))
    assert (e.event_type, e.date_start) == ("map_handover", date(2021, 6, 12))


@pytest.mark.parametrize(("second", "killed", "injured"), [
    ("As a result, Rustamov and passenger Sabuhi Nasirov, born in 1985, died at the scene.", 2,
     None),
    ("Rustamov and Nasirov died on the spot.", 2, None),
    ("The driver and a passenger were killed.", 2, None),
    ("It exploded, killing Elnur Huseynov.", 1, None),
    ("It exploded, injuring Elnur Huseynov and Rashad Aliyev.", None, 2),
    # one more named with those counted, set off after them
    ("The two journalists, together with Susuzlug village administrative representative "
     "Arif Aliyev, were killed.", 3, None),
    ("Two soldiers, as well as driver Elvin Hasanov, were killed.", 3, None),
    # each by a name with the father's name, as Azerbaijani statements write it
    ("The driver, Ibrahimov Rasim Vagif oglu, died on the spot, and Mammadli Anar Ilgar oglu "
     "was injured.", 1, 1),
    ("Aliyev Samir Rafig oglu was killed and Huseynova Lala Arif qizi was seriously injured.",
     1, 1),
])
def test_each_person_of_a_list_harmed_counts(gazetteer, second, killed, injured):
    [e] = events_of(gazetteer, f"A tractor hit an anti-tank mine in Aghdam on March 28. {second}",
                    date(2024, 3, 29))
    assert (e.killed, e.injured) == (killed, injured)


@pytest.mark.parametrize(("second", "day"), [
    ("Later, on December 4, Armenia handed over mine maps covering the Aghdere and Tartar "
     "districts.", date(2021, 12, 4)),
    # (but a day of the last weeks is the report's own time)
    ("On January 10, Armenia handed over mine maps covering the Aghdere and Tartar "
     "districts.", date(2023, 1, 10)),
])
def test_a_day_without_a_year_is_in_the_year_told_just_before(gazetteer, second, day):
    events = events_of(gazetteer, "On July 3, 2021, Armenia handed over maps of 92,000 mines in "
                                  f"Fuzuli and Zangilan. {second}", date(2023, 1, 20))
    assert [e.date_start for e in events] == [date(2021, 7, 3), day]


@pytest.mark.parametrize("text", [
    "Azerbaijan wants peace. Baku says that more than 330 Azerbaijanis, including 65 civilians, "
    "have been killed or wounded by mines since the war.",
    "Azerbaijan wants peace. Since the war, 361 Azerbaijanis have been killed or wounded by "
    "mines.",
    # where the report never names the country, and names another as the side asked
    "NERKIN HAND, Armenia - Baku says at least 380 of its citizens have been killed or injured "
    "since the 2020 ceasefire, and has demanded more minefield maps from Yerevan.",
    # its people told by the country's adjective, or its officials
    "Since November 10, 2020, 45 Azerbaijani citizens have been killed and 232 injured in mine "
    "explosions, ANAMA says.",
    "Azerbaijani officials say at least 380 people have been killed or injured by mines since "
    "the 2020 ceasefire.",
])
def test_a_total_named_by_a_capital_or_its_people_is_the_countrys(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2023, 4, 4))
    assert e.place_names == ["Azerbaijan"]


@pytest.mark.parametrize(("text", "mine_type"), [
    ("A shepherd was injured after stepping on a PMN-2 mine in Lachin on Saturday.",
     "anti-personnel"),
    ("A truck hit a TM-62 mine in Lachin on Saturday, injuring the driver.", "anti-tank, TM-62"),
])
def test_a_mines_model_tells_its_kind(gazetteer, text, mine_type):
    [e] = events_of(gazetteer, text, date(2021, 6, 14))
    assert e.details["mine_type"] == mine_type


@pytest.mark.parametrize(("text", "exchanged_for"), [
    ("Azerbaijan freed 15 detainees in exchange for the Aghdam maps on Saturday.",
     "15 detainees"),
    ("Azerbaijan freed 15 Armenians in exchange for maps of minefields in Aghdam on Saturday.",
     "15 Armenians"),
])
def test_people_freed_for_maps_are_what_the_maps_were_exchanged_for(gazetteer, text,
                                                                    exchanged_for):
    [e] = events_of(gazetteer, text, date(2021, 6, 14))
    assert (e.event_type, e.place_names, e.prisoners, e.details["exchanged_for"]) == (
        "map_handover", ["Aghdam"], 15, exchanged_for)


@pytest.mark.parametrize(("said", "speaker"), [
    ("said UNDP Resident Representative in Azerbaijan Alessandro Fracassetti",
     "Alessandro Fracassetti"),
    ("said Head of the Press Service of the Ministry of Defense Anar Eyvazov", "Anar Eyvazov"),
    ("said the Ministry of Internal Affairs", "the Ministry of Internal Affairs"),
])
def test_the_person_after_a_long_title_after_said_is_the_speaker(gazetteer, said, speaker):
    [e] = events_of(gazetteer, f"\"We have cleared 5,000 hectares in Fuzuli since 2021,\" {said}.",
                    date(2024, 3, 10))
    assert e.attributed_to == speaker


@pytest.mark.parametrize("text", [
    # the speaker after the quotation's last sentence ...
    'Work goes on. "Two deminers were injured in Aghdam on Tuesday when a mine exploded. Both '
    'are in stable condition. The work will go on," Vusal Aliyev, a spokesman for ANAMA, told '
    "reporters.",
    # ... before its first ...
    'Vusal Aliyev, a spokesman for ANAMA, said: "Work goes on. Two deminers were injured in '
    'Aghdam on Tuesday when a mine exploded."',
    # ... or of the quotation right before it
    '"Work goes on," said Vusal Aliyev, a spokesman for ANAMA. "Two deminers were injured in '
    'Aghdam on Tuesday when a mine exploded. Both are in stable condition."',
])
def test_a_sentence_of_a_quotation_is_said_by_whom_the_quotation_is_attributed_to(gazetteer,
                                                                                   text):
    [e] = events_of(gazetteer, text, date(2023, 5, 1))
    assert (e.injured, e.attributed_to) == (2, "Vusal Aliyev")


def test_a_quotation_attributed_to_nobody_gives_no_speaker(gazetteer):
    [e] = events_of(gazetteer, 'The agency held a briefing. "Two deminers were injured in Aghdam '
                               'on Tuesday when a mine exploded. Both are in stable condition."',
                    date(2023, 5, 1))
    assert (e.injured, e.attributed_to) == (2, None)


def test_he_after_a_person_the_outlet_reports_on_is_that_person(gazetteer):
    doc = Document("t", "t.txt", text="Deputy Foreign Minister Elnur Mammadov addressed the "
                   "meeting in Geneva, Trend reports. He said that since the end of the war, 379 "
                   "people have fallen victim to mines.", published=date(2024, 11, 18),
                   author="Trend")
    [e] = process_document(doc, gazetteer).events
    assert e.attributed_to == "Elnur Mammadov"


def test_land_reported_cleared_in_square_km_is_a_clearance(gazetteer):
    [e] = events_of(gazetteer, "Azerbaijan had reported clearing more than 290 square km of "
                               "land in 2023.", date(2024, 5, 1))
    assert (e.event_type, e.hectares, e.date_start) == ("clearance_report", 29_000,
                                                        date(2023, 1, 1))


@pytest.mark.parametrize("text", [
    "A rescuer was injured by a mine in Kalbajar on Monday.",
    "The driver received shrapnel wounds when his car hit a mine in Kalbajar on Monday.",
])
def test_more_ways_of_telling_one_person_injured(gazetteer, text):
    [e] = events_of(gazetteer, text, date(2024, 5, 1))
    assert (e.event_type, e.injured) == ("mine_incident", 1)


def test_where_a_speakers_body_sits_is_no_place_of_the_count_and_the_person_speaks(gazetteer):
    [e] = events_of(gazetteer, "More than 300 people have been killed or injured by mines since "
                               "2020, Ilaha Huseynova, communications coordinator of the ICRC "
                               "delegation in Baku, told APA.", date(2025, 4, 4))
    assert (e.place_names, e.attributed_to) == ([], "Ilaha Huseynova")


def test_a_person_described_by_an_employers_long_name_is_one_person(gazetteer):
    [e] = events_of(gazetteer, "A Ministry of Emergency Situations employee was seriously "
                               "injured when a mine exploded in Kalbajar on Monday.",
                    date(2025, 4, 4))
    assert (e.event_type, e.injured) == ("mine_incident", 1)


def test_last_years_figure_after_a_running_total_is_a_total_of_its_own(gazetteer):
    events = events_of(gazetteer, "Since November 10, 2020, 397 people have become mine "
                                  "victims. Last year we recorded 34 victims, the lowest number "
                                  "since the war.", date(2025, 4, 4))
    assert [(e.casualties, e.date_start, e.date_end) for e in events] == [
        (397, date(2020, 11, 10), date(2025, 4, 4)), (34, date(2024, 1, 1), date(2024, 12, 31))]


def test_one_hurt_picking_up_a_bomblet_a_while_after_the_place_is_an_incident(gazetteer):
    [e] = events_of(gazetteer, "Last month, a 14-year-old boy was injured in Martuni region's "
                               "Machkalashen village after picking up an unexploded cluster "
                               "bomblet.", date(2019, 4, 10))
    assert (e.event_type, e.injured, e.date_start) == ("mine_incident", 1, date(2019, 3, 1))


def test_the_statement_is_the_one_of_the_body_that_issued_it(gazetteer):
    [e] = events_of(gazetteer, "Ombudsman Sabina Aliyeva issued a statement on Thursday. \"From "
                               "November 10, 2020 to the present day, 350 Azerbaijanis have "
                               "become victims of landmines,\" the statement reads.",
                    date(2024, 4, 4))
    assert e.attributed_to == "Ombudsman"
    [e] = events_of(gazetteer, "\"350 Azerbaijanis have become victims of landmines since the "
                               "war,\" the statement reads.", date(2024, 4, 4))
    assert e.attributed_to is None  # (no one named before: nobody a reader could check)
