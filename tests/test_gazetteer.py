from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.cli import main
from geo.errors import InputError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.gazetteer.sources import read_geonames_dump, read_places_csv
from geo.normalise import fold, lower, normalise_name


def first(gazetteer: Gazetteer, name: str):
    candidates = gazetteer.lookup(name)
    assert candidates, f"{name} not found"
    return candidates[0]


@pytest.mark.parametrize("spelling", ["Kelbajar", "Kəlbəcər", "Karvachar", "Kalbajar", "Kalbadjar",
                                      "Kalbacar"])
def test_kalbajar_spellings_put_kalbajar_first(gazetteer, spelling):
    place = first(gazetteer, spelling)
    assert (place.country, place.district) == ("AZ", "Kalbajar")


@pytest.mark.parametrize(("spelling", "district"), [
    ("Agdam", "Aghdam"), ("Akna", "Aghdam"), ("Ağdam", "Aghdam"), ("Shushi", "Shusha"),
    ("Şuşa", "Shusha"), ("Stepanakert", "Khankendi"), ("Fizuli", "Fuzuli"),
    ("Zengilan", "Zangilan"), ("Jebrail", "Jabrayil"), ("Kubatly", "Gubadli"),
    ("Berdzor", "Lachin"), ("Laçın", "Lachin"), ("Martakert", "Aghdara"),
])
def test_alternate_names_reach_the_right_district(gazetteer, spelling, district):
    assert first(gazetteer, spelling).district == district


def test_paris_is_paris_france(gazetteer):
    assert first(gazetteer, "Paris").country == "FR"


@pytest.mark.parametrize(("spelling", "city"), [
    ("Irevan", "curated:am-city-yerevan"), ("Ganca", "curated:az-city-ganja"),
    ("Naxchivan", "curated:az-city-nakhchivan"), ("Nuxa", "curated:az-city-shaki")])
def test_the_geonames_spellings_of_a_corrected_city_reach_it(gazetteer, spelling, city):
    assert first(gazetteer, spelling).id == city


def test_fuzuli_town_comes_before_the_village_of_the_same_name(gazetteer):
    candidates = gazetteer.lookup("Fuzuli")
    towns = [p for p in candidates if p.kind in ("town", "city", "village")]
    assert towns[0].population > 20_000 and towns[0].district == "Fuzuli"
    village = next(p for p in towns if p.population < 1000)
    assert candidates.index(towns[0]) < candidates.index(village)


@pytest.mark.parametrize("name", ["Khankendi", "Stepanakert", "Baku", "Shirvan", "Yerevan"])
def test_a_city_corrected_by_hand_has_no_competing_geonames_copy(gazetteer, name):
    # Khankendi's GeoNames record (population 2,100) makes it a village; the curated row
    # made from that record is the city, and the record itself no longer competes.
    at_its_point = [p for p in gazetteer.lookup(name)
                    if (p.lat, p.lon) == (first(gazetteer, name).lat, first(gazetteer, name).lon)
                    and p.kind in ("city", "town", "village")]
    assert [(p.id.split(":")[0], p.kind) for p in at_its_point] == [("curated", "city")]


@pytest.mark.parametrize(("name", "country"), [
    ("Kalbajar", "AZ"), ("Aghdam", "AZ"), ("Fuzuli", "AZ"), ("Zangilan", "AZ"),
    ("Shusha", "AZ"), ("Lachin", "AZ"), ("Karabakh", "AZ"), ("Nagorno-Karabakh", "AZ"),
    ("Baku", "AZ"), ("Yerevan", "AM"), ("Stockholm", "SE"), ("Paris", "FR"),
    ("New York", "US"), ("Minsk", "BY"),
])
def test_every_seed_place_resolves(gazetteer, name, country):
    assert first(gazetteer, name).country == country


@pytest.mark.parametrize(("name", "country", "capital"), [
    # the country list writes the capital plainly or by a former name
    ("Colombia", "CO", "Bogotá"), ("Brazil", "BR", "Brasília"), ("Kazakhstan", "KZ", "Astana"),
    # names of countries in English news that are no official name
    ("Bosnia", "BA", "Sarajevo"), ("Burma", "MM", "Nay Pyi Taw"),
])
def test_countries_are_there_placed_at_their_capital(gazetteer, name, country, capital):
    place = first(gazetteer, name)
    assert (place.kind, place.country) == ("country", country)
    assert place.source.endswith(f"capital {capital} ({first(gazetteer, capital).id})")


@pytest.mark.parametrize(("name", "seat"), [
    ("Abkhazia", "Sokhumi"), ("South Ossetia", "Ts’khinvali"), ("Shida Kartli", "Gori"),
    ("Samegrelo", "Zugdidi"), ("Adjara", "Batumi"),
])
def test_georgias_regions_are_regions_placed_at_their_centre(gazetteer, name, seat):
    region, town = first(gazetteer, name), first(gazetteer, seat)
    assert (region.kind, region.country) == ("region", "GE")
    assert (region.lat, region.lon) == (town.lat, town.lon)


@pytest.mark.parametrize("district", ["Kalbajar", "Aghdam", "Fuzuli", "Zangilan", "Shusha",
                                      "Lachin", "Khojaly", "Khojavend", "Jabrayil",
                                      "Gubadli", "Tartar", "Aghdara"])
def test_districts_are_there_as_districts(gazetteer, district):
    kinds = {p.kind for p in gazetteer.lookup(district) if p.district == district}
    assert "district" in kinds


def test_scan_prefers_the_longest_name(gazetteer):
    keys = [m.key for m in gazetteer.scan("talks in New York on Nagorno-Karabakh")]
    assert "new york" in keys and "nagorno karabakh" in keys
    assert "york" not in keys and "karabakh" not in keys


def test_scan_offsets_point_at_the_name(gazetteer):
    text = "A blast in Kəlbəcər’s forest near Ağdam."
    for match in gazetteer.scan(text):
        assert text[match.start:match.end].lower().startswith(match.key[:1])
    spans = {text[m.start:m.end] for m in gazetteer.scan(text)}
    assert {"Kəlbəcər", "Ağdam"} <= spans


@pytest.mark.parametrize(("text", "names"), [
    ("Mines in Nagorno–Karabakh and New\u00a0York", ["Nagorno–Karabakh", "New\u00a0York"]),
    ("KƏLBƏCƏR’S forests; Ağdam’s fields", ["KƏLBƏCƏR", "Ağdam"]),
    ("d’Aghdam and xBaku visited Baku", ["Baku"]),  # no name inside another word
    ("(Shusha) and “Lachin”", ["Shusha", "Lachin"]),
])
def test_scan_finds_names_however_they_are_punctuated(gazetteer, text, names):
    assert [text[m.start:m.end] for m in gazetteer.scan(text)] == names


_PIECES = st.sampled_from(["Baku", "New", "York", "Nagorno", "-", "–", "Karabakh", " ",
                           "’s", "'", "O'", "Ağdam", "ʻ", "ß", ".", "U.S.", "\n", "x",
                           "district", "İstanbul", "_", "Ⓑaku"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_scan_matches_are_names_at_capitalised_word_starts(gazetteer, text):
    previous_end = 0
    for m in gazetteer.scan(text):
        assert m.start >= previous_end  # in order, never overlapping
        assert text[m.start].isupper()
        assert not (m.start and fold(text[m.start - 1]).isalnum())
        assert normalise_name(text[m.start:m.end]) == m.key
        assert gazetteer.places_named(m.key)
        previous_end = m.end


def test_user_gazetteer_adds_a_place(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text(
        "id,name,alternate_names,kind,country,admin1,district,lat,lon,population,"
        "point_basis,source\n"
        "user:chiragli,Chiragli,Çıraqlı,village,AZ,,Aghdam,40.05,46.95,,given,field survey\n",
        encoding="utf-8")
    gazetteer = load_gazetteer([user])
    place = first(gazetteer, "Çıraqlı")
    assert (place.id, place.district, place.source) == ("user:chiragli", "Aghdam",
                                                        "field survey")


@pytest.mark.parametrize(("row", "message"), [
    ("x,,,village,AZ,,,40,46,,given,s", "missing name"),
    ("x,Foo,,village,AZ,,,91,46,,given,s", "latitude 91 outside -90..90"),
    ("x,Foo,,village,AZ,,,forty,46,,given,s", "latitude 'forty' is not a number"),
])
def test_malformed_gazetteer_row_names_file_and_line(tmp_path, row, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,alternate_names,kind,country,admin1,district,lat,lon,"
                   "population,point_basis,source\n"
                   "ok,Fine,,village,AZ,,,40,46,,given,s\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_places_csv(bad)
    assert str(error.value) == f"{bad}:3: {message}"


def test_cli_reports_a_malformed_gazetteer_in_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,kind,country,lat,lon,source\nx,Foo,village,AZ,100,46,s\n",
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "search", "Foo", "--gazetteer", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"geo: error: {bad}:2: latitude 100 outside -90..90"]


GEONAMES_LINE = "\t".join([
    "9999001", "Suarasi", "Suarasi", "Suarasi,Suarası", "39.71", "46.45", "P", "PPL", "AZ", "",
    "28", "", "", "", "0", "", "1500", "Asia/Baku", "2024-01-01"])


def test_geonames_dump_is_read_from_txt_and_zip(tmp_path):
    txt = tmp_path / "AZ.txt"
    txt.write_text(GEONAMES_LINE + "\n", encoding="utf-8")
    archive = tmp_path / "AZ.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(txt, "AZ.txt")
    for path in (txt, archive):
        [place] = read_geonames_dump(path)
        assert (place.id, place.name, place.kind, place.admin1) == (
            "geonames:9999001", "Suarasi", "village", "28")
        assert "Suarası" in place.alternate_names


def test_geonames_dump_with_a_short_line_names_the_line(tmp_path):
    txt = tmp_path / "AZ.txt"
    txt.write_text(GEONAMES_LINE + "\n9999002\tBroken\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"AZ.txt:2: expected 19 tab-separated fields"):
        read_geonames_dump(txt)


def test_imported_villages_are_found_with_their_district(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    txt = tmp_path / "AZ.txt"
    txt.write_text(GEONAMES_LINE + "\n", encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(main, ["gazetteer", "import", str(txt)])
    assert imported.exit_code == 0, imported.output
    assert "imported 1 places" in imported.output
    place = first(load_gazetteer(), "Suarası")
    assert (place.id, place.district) == ("geonames:9999001", "Lachin")


def test_cli_search_prints_the_candidates_table():
    result = CliRunner().invoke(main, ["gazetteer", "search", "Karvachar"])
    assert result.exit_code == 0
    first_row = next(line for line in result.output.splitlines() if "Kalbajar" in line)
    assert "AZ" in first_row


def test_cli_info_counts_sources_and_names_the_cache():
    result = CliRunner().invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 0
    assert "GeoNames" in result.output and "curated.csv" in result.output
    assert "cache:" in result.output


def test_unknown_name_is_a_clear_error():
    result = CliRunner().invoke(main, ["gazetteer", "search", "Xqzzyplace"])
    assert result.exit_code == 2
    assert "no place named 'Xqzzyplace'" in result.output


def test_cache_is_used_on_the_second_start(gazetteer):
    assert gazetteer.cache_path is not None and Path(gazetteer.cache_path).is_file()


@given(st.text(alphabet=st.sampled_from("aZəƏİıIiſSsKkK’'-— .\u00a0") | st.characters(),
               max_size=40))
@example("İstanbul")  # letters IGNORECASE reads as others, each alone in a text
@example("Kırmızı")
@example("ſhepherd")
def test_lower_keeps_offsets_and_matches_as_ignorecase_would(text):
    """The event rules run lower-case patterns over ``lower(text)`` instead of IGNORECASE
    patterns over the text: every character must still match where it did."""
    lowered = lower(text)
    assert len(lowered) == len(text)
    for low, original in zip(lowered, text, strict=True):
        for letter in "abcdefghijklmnopqrstuvwxyz":  # what the rules' patterns are made of
            assert (letter == low) == bool(re.fullmatch(letter, original, re.IGNORECASE)), \
                (letter, low, original)
