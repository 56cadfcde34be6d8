from __future__ import annotations

import pytest

from geo.model import Document
from geo.pipeline import parse_places


def mentions(gazetteer, text: str, doc_id: str = "t"):
    return parse_places(Document(doc_id, f"{doc_id}.txt", text=text), gazetteer)


def resolved(gazetteer, text: str) -> dict[str, object]:
    return {m.text: m for m in mentions(gazetteer, text) if m.resolved}


def test_longest_match_wins(gazetteer):
    found = resolved(gazetteer, "Talks were held in New York about Nagorno-Karabakh.")
    assert set(found) == {"New York", "Nagorno-Karabakh"}
    assert found["New York"].place.country == "US"


@pytest.mark.parametrize(("text", "name", "reason"), [
    ("The co-chairs of the OSCE Minsk Group met.", "Minsk", "longer name"),
    ("It violates the 1949 Geneva Convention.", "Geneva", "longer name"),
    ("He spoke to CNN Turk channel.", "Turk", "demonym"),
    ("The Azerbaijan National Agency for Mine Action said.", "Azerbaijan", "longer name"),
    ("Mine Action Agency of the Republic of Azerbaijan (ANAMA) said.",
     "Republic of Azerbaijan", "organisation"),
    ("Azerbaijan and Armenia signed a Russia-brokered agreement.", "Russia",
     "adjectival compound"),
    # the second word of a name that begins a sentence is part of the name too
    ("Jordan Henderson, a HALO Trust adviser, said the road is mined.", "Henderson",
     "longer name"),
])
def test_names_inside_other_names_are_rejected_with_a_reason(gazetteer, text, name, reason):
    found = {m.text: m for m in mentions(gazetteer, text)}
    assert found[name].status == "rejected"
    assert reason in found[name].reason


def test_a_name_after_the_end_of_a_sentence_begins_no_longer_name(gazetteer):
    found = resolved(gazetteer, "It was signed by Alessandra Roccasalvo. Japan and the "
                                "Netherlands fund the project.")
    assert {"Japan", "Netherlands"} <= set(found)


@pytest.mark.parametrize(("name", "region"), [("Zangezur", "Zangezur"),
                                             ("Karabagh", "Karabakh")])
def test_a_region_is_not_a_town_that_geonames_also_calls_so(gazetteer, name, region):
    found = resolved(gazetteer, f"Mines were found in {name} on Monday.")
    assert (found[name].place.name, found[name].place.kind) == (region, "region")


def test_demonyms_are_not_places(gazetteer):
    found = mentions(gazetteer, "The Polish minister met his Armenian counterpart.")
    assert not [m for m in found if m.resolved]


@pytest.mark.parametrize("text", [
    "Boy killed by cluster bomblet\n\nA boy was killed.",  # Bobo-Dioulasso's other name
    "Two soldiers were injured, the Russian MoD said.",  # Modesto's
    # words of English after a capital (GeoNames: "The City", Oakville)
    "Rebuilt: The city named after a poet\n\nThe city is ringed by mines.",
    # a place likened to
    "Locals call the town the Hiroshima of the Caucasus.",
])
def test_a_common_word_that_is_only_another_name_of_a_place_is_none(gazetteer, text):
    assert not [m for m in mentions(gazetteer, text) if m.resolved]


def test_a_person_named_like_a_place_is_not_the_place(gazetteer):
    text = "Reporting by Nailia Bagirova; Writing by Polina Ivanova."
    assert not [m for m in mentions(gazetteer, text) if m.resolved]


def test_a_surname_or_a_town_that_speaks_is_a_person(gazetteer):
    text = ("A cowherd was injured near Chinari, community head Arsen Tumanyan told News.am. "
            "\"The area had not been cleared,\" Tumanyan said. Abovyan added that the man was "
            "taken to hospital. The de facto Interior Ministry in Sokhumi said so too.")
    found = mentions(gazetteer, text)
    assert [m.text for m in found if m.resolved] == ["Chinari", "Sokhumi"]
    assert [m.reason for m in found if m.text in ("Tumanyan", "Abovyan")][-2:] == [
        "person's name", "person's name"]


def test_a_place_abroad_in_a_quoted_likeness_is_a_figure_of_speech(gazetteer):
    text = ("In Azerbaijan's 'Hiroshima of the Caucasus', mines remain. Aghdam earned the "
            "nickname \"Hiroshima of the Caucasus\".")
    assert [m.reason for m in mentions(gazetteer, text) if m.text == "Hiroshima"] == [
        "a figure of speech", "a figure of speech"]


def test_countries_and_capitals_as_actors_stay_resolved_and_say_metonymic(gazetteer):
    found = resolved(gazetteer, "Yerevan refuses to provide maps. Armenia submitted maps "
                                "to Baku. Two men were injured in Armenia.")
    assert found["Yerevan"].reason == "metonymic"
    metonymic = [m for m in mentions(gazetteer, "Armenia submitted maps.") if m.resolved]
    assert metonymic[0].reason == "metonymic" and metonymic[0].place.country == "AM"
    located = [m for m in mentions(gazetteer, "Two men were injured in Armenia.")
               if m.resolved]
    assert located[0].reason == ""


@pytest.mark.parametrize("text", [
    "Armenia's National Security Service announced its readiness to hand over maps.",
    "Azerbaijan's Interior Ministry said two people were injured.",
    "Armenia's Deputy Prime Minister Mher Grigoryan said the maps were handed over.",
    # a capital acting after a phrase ("in return") before its verb
    "Maps were handed over, and Baku in return freed 15 Armenian detainees.",
    "Armenia fought a six-week war last autumn.",
    "Baku also expressed its gratitude.",
    "Mirzoyan called on Baku to stop using the issue as a pretext.",
    # after a word of place too, and its representative
    "Turkish sappers cleared 500 mines at Baku's request.",
    "Baku's representative told the judges that mines had been laid.",
    "The war saw Baku retake the territories.",
])
def test_a_country_whose_office_or_official_acts_is_an_actor(gazetteer, text):
    [country] = [m for m in mentions(gazetteer, text) if m.resolved]
    assert country.reason == "metonymic"


@pytest.mark.parametrize(("text", "name", "status"), [
    # "Kut" is also Kutaisi's: a village named so lies in no city of Georgia
    ("Two shepherds were injured in pastures above Kut, a village in Gegharkunik province, "
     "Armenia said.", "Kut", "unresolved"),
    ("Residents of Talish, a village in Tartar district, returned.", "Talish", "resolved"),
    # ... nor does one set off before the province it lies in
    ("On August 15, two brothers were injured by a cluster bomblet in Kut, in Gegharkunik.",
     "Kut", "unresolved"),
])
def test_a_name_set_off_as_a_village_is_a_village(gazetteer, text, name, status):
    found = {m.text: m for m in mentions(gazetteer, text)}
    assert (found[name].kind, found[name].status) == ("village", status)


def test_a_place_of_the_region_of_the_names_own_wins_over_another_name_abroad(gazetteer):
    # GeoNames also gives "Koti" to Kochi, Japan, a country the report names
    text = "Japan funded the work. A shepherd from Koti, in Tavush, lost a leg."
    place = resolved(gazetteer, text)["Koti"].place
    assert (place.name, place.country) == ("Koti", "AM")


def test_a_town_the_text_calls_so_is_a_town_and_no_village_of_another_name(gazetteer):
    # GeoNames gives Jermuk 4,095 people (a village by size alone), and "Jermuk" as another
    # name of Mets Sepasar, a smaller village of Armenia
    text = "Bomblets were found in the spa town of Jermuk. Jermuk, in Vayots Dzor, is empty."
    found = [m for m in mentions(gazetteer, text) if m.text == "Jermuk"]
    assert [(m.place.name, m.kind) for m in found] == [("Jermuk", "town")] * 2
    assert min(m.confidence for m in found) > 0.9


@pytest.mark.parametrize(("text", "name"), [
    # "Nikozi" is a name of Nicosia, Cyprus, and "Kut" of Kutaisi, Georgia, in GeoNames:
    # places of countries the report does not name, known here by no name of their own
    ("Residents of villages along the line with South Ossetia, such as Ergneti and Nikozi, "
     "have complained about borderization, Georgia's ministry said.", "Nikozi"),
    ("Sappers removed an artillery round from a garden in neighboring Nikozi, near Gori.",
     "Nikozi"),
    ("In Armenia, the communities of Jermuk, Sotk, Kut and Tegh are especially affected.",
     "Kut"),
    ("A 47-year-old man from Kut was killed by a bomblet, Armenia's ministry said.", "Kut"),
])
def test_a_name_that_is_only_another_name_of_a_city_elsewhere_is_not_that_city(
        gazetteer, text, name):
    assert name not in resolved(gazetteer, text)


@pytest.mark.parametrize(("text", "name", "place"), [
    # names GeoNames gives as other names only, of a city of a million or of a country the
    # report names
    ("Deminers from Armenia's Tavush province trained in Kharkov.", "Kharkov", "Kharkiv"),
    ("A conference on mine action in Armenia was held in Lefkosia, Cyprus.", "Lefkosia",
     "Nicosia"),
])
def test_a_city_known_by_another_name_is_that_city(gazetteer, text, name, place):
    assert resolved(gazetteer, text)[name].place.name == place


@pytest.mark.parametrize(("text", "name"), [
    # GeoNames gives "Kamran" as a name of Cam Ranh, Vietnam
    ("Vugar Gasimov and his son Kamran were injured near Aghdam.", "Kamran"),
    ("Her son Ararat, 34, was injured near Aghdam.", "Ararat"),
    ("Her grandson, Lachin, who is nine, was not hurt.", "Lachin"),
    # a father's name, as reports name the harmed
    ("Ramin Huseynov, son of Nizami, born in 1991, was injured near Aghdam.", "Nizami"),
])
def test_a_name_after_a_kinship_word_is_a_persons(gazetteer, text, name):
    found = {m.text: m for m in mentions(gazetteer, text)}
    assert (found[name].status, found[name].reason) == ("rejected", "person's name")


def test_the_place_a_son_of_someone_is_of_stays_a_place(gazetteer):
    assert resolved(gazetteer, "The son of Shusha's mayor was injured.")["Shusha"].resolved


def test_a_name_the_gazetteer_has_with_its_cue_word_is_that_place(gazetteer):
    found = resolved(gazetteer, "Mines remain along the occupation line with the Tskhinvali "
                                "region, near Gori.")
    assert found["Tskhinvali region"].place.name == "South Ossetia"


def test_a_river_abroad_is_no_place_of_its_name(gazetteer):
    # GeoNames gives "Enguri" (Engüri) as an old name of Ankara
    found = {m.text: m for m in mentions(gazetteer, "HALO cleared minefields along the Enguri "
                                                    "river. Mines lie near the Tartar river.")}
    assert (found["Enguri"].status, found["Tartar"].status) == ("rejected", "resolved")


@pytest.mark.parametrize(("text", "name", "status"), [
    ("Farmers on the banks of the Enguri still find shells.", "Enguri", "rejected"),
    ("The Araks river marks the border.", "Araks", "rejected"),  # not the village
    ("Residents of Araks village were evacuated.", "Araks", "resolved"),
])
def test_a_river_of_the_region_named_alone_is_the_river(gazetteer, text, name, status):
    found = {m.text: m for m in mentions(gazetteer, text)}
    assert found[name].status == status


@pytest.mark.parametrize(("text", "name", "kind"), [
    # a capitalised word of a kind; "villages" after one name: its villages
    ("A mine exploded in Ararat Province.", "Ararat", "region"),
    ("Three men from Syunik villages were injured.", "Syunik", "region"),
    ("Mines were found in Aghdam and Fuzuli districts.", "Fuzuli", "district"),
    # "the <province> village of <name>": the province, then its village
    ("Two soldiers were injured near the Syunik village of Nerkin Hand.", "Syunik", "region"),
    ("A mine was found near the Tavush village of Aygehovit.", "Tavush", "region"),
    ("A mine was found near the Tavush village of Aygehovit.", "Aygehovit", "village"),
    # ... but "the <village> village of <district> district" is the village
    ("A truck hit a mine near the Aghdaban village of Kalbajar district.", "Aghdaban",
     "village"),
])
def test_the_kind_a_word_beside_a_name_gives(gazetteer, text, name, kind):
    assert resolved(gazetteer, text)[name].kind == kind


def test_a_georgian_municipality_is_a_place(gazetteer):
    found = resolved(gazetteer, "Sappers worked near Ergneti in Gori Municipality, Shida Kartli.")
    assert (found["Gori"].place.name, found["Shida Kartli"].kind) == ("Gori", "region")


def test_a_village_named_again_bare_is_the_same_village(gazetteer):
    first, _, again = mentions(gazetteer, "A shepherd was injured near Sus village of Lachin "
                                          "district. Sus was among the first villages to be "
                                          "resettled.")
    assert (again.place, again.reason) == (first.place, "the village the document named before")


def test_a_village_of_a_province_is_no_village_of_a_district_named_elsewhere(gazetteer):
    found = {m.text: m for m in mentions(gazetteer, "A resident of Nerkin Hand village in Syunik "
                                                    "Province was injured. Azerbaijan's "
                                                    "Zangilan district lies across the border.")}
    assert (found["Nerkin Hand"].status, found["Syunik"].place.country) == ("unresolved", "AM")


def test_a_border_between_two_countries_is_where_it_is(gazetteer):
    found = resolved(gazetteer, "The detainees were handed over on the Azerbaijan-Georgia "
                                "border.")
    assert (found["Azerbaijan"].reason, found["Georgia"].reason) == ("", "")


@pytest.mark.parametrize(("text", "kind"), [
    ("A mine exploded in Aghdam district.", "district"),
    ("A mine exploded in the town of Aghdam.", "town"),
    ("Before the deal the army liberated historic Shusha city.", "town"),
    ("Maps of Fuzuli and Zangilan regions were handed over.", "district"),
    # GeoNames calls the town "Khojaly District" too: in lower case, the word is a cue
    ("A car ran over a mine in Azerbaijan's Khojaly district.", "district"),
    # "X village of Y": Y is the village's district
    ("Two civilians stepped on a mine in Khanlig village of Gubadli.", "district"),
    # a district's seat is a town, however few live there in GeoNames
    ("The company was building a road to the city of Lachin.", "town"),
])
def test_cue_words_choose_district_or_town(gazetteer, text, kind):
    place_kinds = {m.place.kind for m in mentions(gazetteer, text) if m.resolved}
    assert kind in place_kinds


def test_bare_district_name_in_this_field_is_the_district(gazetteer):
    [m] = [m for m in mentions(gazetteer, "Three men were killed in Kalbajar.") if m.resolved]
    assert (m.place.kind, m.place.district) == ("district", "Kalbajar")


def test_village_missing_from_gazetteer_is_placed_at_its_district(gazetteer):
    text = "An anti-personnel mine exploded in Suarasi village of Lachin district."
    found = {m.text: m for m in mentions(gazetteer, text)}
    village = found["Suarasi"]
    assert (village.status, village.kind, village.geo_precision) == (
        "resolved", "village", "district")
    assert village.reason == "located at district level"
    assert village.place.district == "Lachin"
    lachin = next(p for p in gazetteer.lookup("Lachin") if p.kind == "district")
    assert (village.place.lat, village.place.lon) == (lachin.lat, lachin.lon)


def test_a_village_named_like_one_abroad_stays_in_the_district_the_text_gives(gazetteer):
    # the gazetteer's only Sarıcalı-like names are villages in Turkey
    text = "Two residents of Sarıcalı village of Ağdam district were injured by a mine."
    village = resolved(gazetteer, text)["Sarıcalı"]
    assert (village.place.country, village.place.district) == ("AZ", "Aghdam")
    assert village.reason == "located at district level"


@pytest.mark.parametrize(("text", "name", "district"), [
    # GeoNames' only Gorgan is Gorgān, a city of Iran, a country the report never names
    ("A mine exploded in the Fuzuli district. Two workers were injured in the territory of "
     "Gorgan village of the district.", "Gorgan", "Fuzuli"),
    # GeoNames' only Zar is a village of Armenia; this report names only Azerbaijan's places
    ("Two servicemen were killed after their vehicle hit a mine in the Kalbajar region. The "
     "incident took place near the village of Zar on Thursday.", "Zar", "Kalbajar"),
    # ... nor does Armenia that the report names as an actor
    ("Kalbajar is heavily mined. Baku has accused Armenia of planting new mines. A shepherd "
     "was killed by a mine near the village of Zar.", "Zar", "Kalbajar"),
    ("A shepherd was killed by a mine near the village of Zar in Kalbajar. Armenia bears full "
     "responsibility for these crimes, the statement said.", "Zar", "Kalbajar"),
    ("A shepherd was killed by a mine near the village of Zar in Kalbajar. Baku blames "
     "Armenia.", "Zar", "Kalbajar"),
    # a village is no district of the same name: Nakhchivan's Kangarli district
    ("A deminer was killed in a mine explosion in Aghdam district. The explosion occurred "
     "near the village of Kangarli.", "Kangarli", "Aghdam"),
    # GeoNames' only Chaykend is Armenia's Dprabak: a village is no sign of its country
    ("A resident of Kalbajar district has been injured. He stepped on a mine near the "
     "village of Chaykend.", "Chaykend", "Kalbajar"),
    # "in X District" after the village; GeoNames' only Shikhlar is Armenia's Lusarat
    ("Two deminers were injured near the village of Shikhlar in Aghdam District. Armenia "
     "denies it.", "Shikhlar", "Aghdam"),
    # a road's end is no district of the places along it
    ("A truck hit a mine in Kalbajar district. The incident took place on the Kalbajar-Lachin "
     "highway near the village of Tutgun.", "Tutgun", "Kalbajar"),
    # GeoNames' only Mahmudlu lies in Shamkir, a district the report does not name
    ("A deminer was injured in the Jabrayil district. The incident took place in the "
     "territory of the village of Mahmudlu.", "Mahmudlu", "Jabrayil"),
])
def test_a_village_lies_in_the_countries_and_districts_the_report_names(gazetteer, text,
                                                                       name, district):
    village = resolved(gazetteer, text)[name]
    assert (village.place.country, village.place.district, village.kind) == (
        "AZ", district, "village")


@pytest.mark.parametrize(("text", "district"), [
    ("Residents returned to Jojug Marjanli and Boyuk Marjanli villages in Jabrayil district.",
     "Jabrayil"),
    ("Mines were found near Talish, Sugovushan and Gulustan villages of Tartar district.",
     "Tartar"),
    ("ANAMA completed clearance in the villages of Talish, Sugovushan and Madagiz of the "
     "Tartar district.", "Tartar"),
    # after the district's name, as its own
    ("Mines were found near Tartar's Talish and Sugovushan villages.", "Tartar"),
])
def test_each_name_of_a_list_of_villages_is_a_village_of_the_district(gazetteer, text,
                                                                      district):
    villages = [m for m in mentions(gazetteer, text) if m.kind == "village"]
    assert len(villages) == text.count(" and ") + text.count(", ") + 1
    assert {(m.status, m.place.district) for m in villages} == {("resolved", district)}


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("Farmers in several villages of Armenia's Gegharkunik province fear mines.",
     "Gegharkunik", "region", "AM"),
    ("Residents of border villages of the Tavush region fear mines.", "Tavush", "region", "AM"),
    ("Mines remain near villages of Armenia.", "Armenia", "country", "AM"),
    ("Mines remain in villages of the Fuzuli district.", "Fuzuli", "district", "AZ"),
])
def test_villages_of_a_land_are_no_village_of_its_name(gazetteer, text, name, kind, country):
    land = resolved(gazetteer, text)[name]
    assert (land.kind, land.place.country) == (kind, country)


@pytest.mark.parametrize(("text", "name", "district"), [
    # GeoNames knows a Zar in Armenia and gives the name to Zaria, Nigeria; Karin to Erzurum
    ("A truck hit an anti-tank mine near Zar in Kalbajar district on Monday.", "Zar",
     "Kalbajar"),
    ("A man from Karin in Lachin district was hurt.", "Karin", "Lachin"),
    # ... and names the gazetteer lacks, near which something happened
    ("A shepherd was injured near Sarijali in Aghdam district.", "Sarijali", "Aghdam"),
    ("A shepherd was injured near Gapanli, Tartar district.", "Gapanli", "Tartar"),
    ("A shepherd was injured near Ashaghi Seyidahmadli in Fuzuli district.",
     "Ashaghi Seyidahmadli", "Fuzuli"),
])
def test_a_name_right_before_a_district_it_lies_in_is_a_village_there(gazetteer, text, name,
                                                                      district):
    village = resolved(gazetteer, text)[name]
    assert (village.kind, village.place.country, village.place.district) == \
        ("village", "AZ", district)
    assert resolved(gazetteer, "A truck hit a mine near Horadiz in Fuzuli district.")[
        "Horadiz"].kind == "town"


def test_the_villages_of_a_list_are_villages(gazetteer):
    found = resolved(gazetteer, "Mines were found near the villages of Tegh and Kornidzor.")
    assert {(found[name].kind, found[name].place.country) for name in ("Tegh", "Kornidzor")} \
        == {("village", "AM")}


@pytest.mark.parametrize("text", [
    "An ANAMA employee was wounded in the village of Shikhlar, Aghdam district.",
    "An ANAMA employee was wounded in the village of Shikhlar in Aghdam district.",
    # the district after a comma alone, as Armenian sources write it
    "An ANAMA employee was wounded in the village of Shikhlar, Aghdam on Monday.",
])
def test_the_village_of_a_name_then_its_district(gazetteer, text):
    # the gazetteer's Shikhlar is a name of Lusarat, a village in Armenia
    village = resolved(gazetteer, text)["Shikhlar"]
    assert (village.place.country, village.place.district) == ("AZ", "Aghdam")


def test_a_district_after_a_comma_alone_places_a_village_the_gazetteer_lacks(gazetteer):
    # "Tsakhkashen" is also a name of Tsaghkaber, a village in Armenia
    text = "Two residents of the village of Tsakhkashen, Martakert were wounded by a mine."
    village = resolved(gazetteer, text)["Tsakhkashen"]
    assert (village.place.country, village.place.district) == ("AZ", "Aghdara")
    assert village.reason == "located at district level"


def test_the_village_of_a_name_of_two_words_is_the_whole_name(gazetteer):
    # "Mets" is an English word too (the baseball team), and "Shen" a gazetteer name
    found = [(m.text, m.kind) for m in mentions(
        gazetteer, "Two sappers were wounded near the village of Mets Shen on Thursday.")]
    assert found == [("Mets Shen", "village")]


def test_a_name_that_is_a_places_own_wins_over_another_places_other_name(gazetteer):
    # GeoNames also gives "Goris" to Gori, a larger town in Georgia
    goris = resolved(gazetteer, "Sappers defused 35 mines near Goris last week.")["Goris"]
    assert (goris.place.name, goris.place.country) == ("Goris", "AM")


def test_a_list_of_names_after_a_village_is_no_district_of_it(gazetteer):
    text = "Mines were found near the village of Samuxlu, Aghdam and Fuzuli on Monday."
    assert resolved(gazetteer, text)["Samuxlu"].place.district == "Barda"


def test_a_village_whose_district_the_gazetteer_misses_is_still_a_candidate(gazetteer):
    village = resolved(gazetteer, "A mine exploded near Qaramanlı village of Yevlakh "
                                  "district.")["Qaramanlı"]
    assert village.place.id.startswith("geonames:") and village.place.country == "AZ"


def test_village_without_a_district_in_the_phrase_takes_the_documents_district(gazetteer):
    # the district named far before the village: the document's, not one named next to it
    text = ("A mine exploded in Azerbaijan's Aghdam district, the agency said in a statement "
            "on its website. Deminers and police went to the area at once. The blast happened "
            "in the district's Aliaghali village area.")
    found = {m.text: m for m in mentions(gazetteer, text)}
    assert found["Aliaghali"].place.district == "Aghdam"
    assert "district the document is about" in found["Aliaghali"].reason


def test_a_marked_place_with_no_district_stays_unresolved(gazetteer):
    found = {m.text: m for m in mentions(gazetteer, "They reached Qwertyzz village.")}
    assert found["Qwertyzz"].status == "unresolved"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("BAKU — Two men were injured.", "BAKU", "AZ"),
    ("YEREVAN, MAY 2, ARMENPRESS. Deminers cleared 2 hectares.", "YEREVAN", "AM"),
    # the second of two places a report was filed from
    ("BAKU/YEREVAN, July 3 (Reuters) - Armenia handed over maps.", "YEREVAN", "AM"),
    ("Baku/Yerevan (ICRC) – People are still killed by landmines.", "Baku", "AZ"),
    ("(Berlin) – Azerbaijan should clear mines faster, Human Rights Watch said.", "Berlin",
     "DE"),
    # the day before the month, as press releases write it; a date in figures
    ("Yerevan, 27 February 2024 – The project has cleared 42 hectares in Tavush.", "Yerevan",
     "AM"),
    ("Baku, 12 May, AZERTAC. A mine injured a shepherd in Fuzuli.", "Baku", "AZ"),
    ("Baku/23.11.22/Turan: ANAMA cleared 300 hectares in Fuzuli last week.", "Baku", "AZ"),
    ("Nakhchivan, 6.09.2020 - A resident was injured in a mine explosion in Sadarak.",
     "Nakhchivan", "AZ"),
])
def test_datelines_are_places_but_say_so(gazetteer, text, name, country):
    found = resolved(gazetteer, text)
    assert found[name].place.country == country and found[name].reason == "dateline"


def test_the_news_agency_of_a_dateline_is_no_place(gazetteer):
    # GeoNames has a village Lenta in Italy; the dateline below a headline
    found = {m.text: m for m in mentions(gazetteer, "Mines cleared\n\nBaku/23.11.22/Lenta: ANAMA "
                                                    "cleared 300 hectares in Fuzuli last week.")}
    assert (found["Lenta"].status, found["Lenta"].reason) == (
        "rejected", "news agency of a dateline")


def test_a_city_named_most_often_is_no_district_for_a_village(gazetteer):
    # Baku, a city with a district of its own, is named three times, Khojavend twice
    text = ("BAKU (Reuters) - Two deminers were killed in the Khojavend district. The blast "
            "happened near the village of Kuropatkino, ANAMA said. A third deminer was flown to "
            "Baku. Baku blames Armenia. Mines remain in Khojavend.")
    village = resolved(gazetteer, text)["Kuropatkino"]
    assert village.place.district == "Khojavend"


def test_a_village_the_gazetteer_lacks_lies_in_the_district_its_sentence_names(gazetteer):
    # Lachin, named in the sentence before, is no district of the village's
    text = ("In Berdzor (Lachin), peacekeepers are deployed. On December 15, a shepherd from "
            "the village of Chartar was killed by a mine near Martuni.")
    village = resolved(gazetteer, text)["Chartar"]
    assert village.place.district == "Khojavend"
    assert village.reason.endswith("(the district its sentence names)")


@pytest.mark.parametrize(("text", "name", "country"), [
    # Aghdam, the only district the document names, is in Azerbaijan
    ("A farmer was injured by a mine near the village of Ditsi in Georgia's Gori "
     "municipality. Separately, Aghdam was mentioned.", "Ditsi", "GE"),
    ("A farmer was injured near the village of Ditsi, close to the boundary line with "
     "Georgia's breakaway region of South Ossetia. Armenia handed Azerbaijan maps of mines "
     "in the Aghdam district.", "Ditsi", "GE"),
    # Gazakh, named in the sentence, lies across the border from the village
    ("A boy was injured on the outskirts of Berkaber, a village in Armenia's Tavush Province "
     "that borders Azerbaijan's Gazakh district.", "Berkaber", "AM"),
    ("Deminers are clearing fields around the villages of Kirants and Voskepar in Armenia's "
     "northern Tavush province. A general was killed near Tovuz in 2020.", "Kirants", "AM"),
    # Baghanis, named with the village, is Armenia's; Tovuz is named the sentence before
    ("Tavush saw heavy fighting in 2020, when a general was killed near Tovuz. Since then, "
     "the frontline villages of Berkaber and Baghanis have lived within sight of Azerbaijani "
     "positions.", "Berkaber", "AM"),
])
def test_a_village_the_gazetteer_lacks_is_placed_in_no_district_of_another_country(
        gazetteer, text, name, country):
    village = {m.text: m for m in mentions(gazetteer, text)}[name]
    assert village.place is None or village.place.country == country


@pytest.mark.parametrize("dateline", ["BAKU, Nov. 2 (Xinhua) --", "BAKU, Aug 2 -"])
def test_a_month_shortened_before_a_day_is_no_place(gazetteer, dateline):
    # GeoNames gives "Nov" as a name of Huambo, Angola
    found = resolved(gazetteer, f"{dateline} Azerbaijan has cleared 150,000 hectares.")
    assert set(found) == {"BAKU", "Azerbaijan"}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("MOSCOW, June 12 (Reuters) - Maps were exchanged with the participation of the United "
     "States.", "MOSCOW", "RU"),
    ("The exchange was mediated by Georgia, with the support of the United States. Talks "
     "will continue at a meeting in Moscow later this month.", "Moscow", "RU"),
    # nor is a city of a few hundred thousand, beside towns a tenth its size
    ("The talks, co-chaired by France, Russia and the United States, moved to Geneva.",
     "Geneva", "CH"),
    ("Diplomats of the United States met their Azerbaijani counterparts in Athens.", "Athens",
     "GR"),
    ("The United States hosted a round in Washington; the next is planned in Lisbon.",
     "Lisbon", "PT"),
])
def test_a_large_city_is_not_a_town_in_a_country_the_report_names(gazetteer, text, name,
                                                                   country):
    # the United States named makes its towns likelier; a bureau, or talks, are still in
    # Moscow, Russia
    assert resolved(gazetteer, text)[name].place.country == country


def test_mention_offsets_point_at_the_text(gazetteer):
    text = "A blast in Kəlbəcər and Ağdam; maps of Füzuli’s fields."
    for m in mentions(gazetteer, text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("adjective", "district"), [
    ("Shushinsky", "Shusha"), ("Agdamsky", "Aghdam"), ("Khodzhavendsky", "Khojavend")])
def test_a_district_named_by_its_russian_adjective(gazetteer, adjective, district):
    found = resolved(gazetteer, f"Two sappers were injured in the {adjective} district.")
    assert (found[adjective].place.name, found[adjective].kind) == (district, "district")


def test_a_common_word_before_a_cue_is_no_village(gazetteer):
    found = {m.text for m in mentions(gazetteer, "Border village resident injured near Tegh\n\n"
                                                 "A shepherd was hurt near Sos village.")}
    assert found == {"Tegh", "Sos"}


def test_common_words_are_not_places(gazetteer):
    text = "The She Of Security Mobile agreement was signed in Paris."
    assert set(resolved(gazetteer, text)) == {"Paris"}


@pytest.mark.parametrize("text", [
    # part of an office's name; a currency; an institution GeoNames calls Casablanca
    "The UK Foreign, Commonwealth & Development Office funded the project in Paris.",
    "The donors gave US$ 6.8 million for demining, the embassy in Paris said.",
    "The deal was signed at the White House, then in Paris.",
    # a news agency, and a charity's initials
    "A mine exploded in Paris, Turan reports.",
    "DRC also announced a survey near Paris.",
])
def test_names_of_offices_currencies_and_institutions_are_no_places(gazetteer, text):
    assert set(resolved(gazetteer, text)) == {"Paris"}


def test_confidence_is_between_0_and_1(gazetteer):
    for m in mentions(gazetteer, "Fuzuli, Paris and Stockholm."):
        assert 0 <= m.confidence <= 1


def test_a_district_the_gazetteer_lacks_is_still_reported(gazetteer):
    found = {m.text: m for m in mentions(gazetteer, "Mines were found in Zyxwabad district "
                                                    "near the Azerbaijani-Armenian region.")}
    assert (found["Zyxwabad"].status, found["Zyxwabad"].kind) == ("unresolved", "district")
    assert "Azerbaijani-Armenian" not in found


def test_common_words_at_a_sentence_start_need_a_bigger_place(gazetteer):
    found = resolved(gazetteer, "Reading the report, Moscow and Washington welcomed it.")
    assert set(found) == {"Moscow", "Washington"}
    assert found["Washington"].place.population > 500_000
