"""`geo join`: users' tables (district reports, village spreadsheets) on the map."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import geopandas as gpd
import pyogrio
import pytest
import shapely
from click.testing import CliRunner
from openpyxl import Workbook

from geo.cli import main
from geo.data import data_file
from geo.errors import InputError
from geo.gazetteer import Gazetteer
from geo.gazetteer.sources import read_places_csv
from geo.join import join_table, write_joined_layer
from geo.model import Place

HEADER = ("district", "month", "mines", "uxo", "hectares")
# A mine-action agency's monthly report, every district in two spellings, and the
# district each spelling means.
REPORT = [
    ("Kəlbəcər", "2023-01", 120, 14, 35.5, "Kalbajar"),
    ("Kelbajar", "2023-02", 98, 9, 28.25, "Kalbajar"),
    ("Agdam", "2023-01", 310, 40, 112.0, "Aghdam"),
    ("Ağdam", "2023-02", 255, 31, 97.75, "Aghdam"),
    ("Fizuli", "2023-01", 87, 12, 40.5, "Fuzuli"),
    ("Füzuli", "2023-02", 91, 8, 44.0, "Fuzuli"),
    ("Zengilan", "2023-01", 45, 3, 12.5, "Zangilan"),
    ("Laçın", "2023-01", 66, 5, 19.0, "Lachin"),
    ("Shushi", "2023-01", 12, 2, 3.5, "Shusha"),
    ("Khojavend", "2023-01", 23, 6, 8.0, "Khojavend"),
    ("Jabrayil", "2023-01", 140, 22, 51.0, "Jabrayil"),
    ("Jebrail", "2023-02", 133, 19, 49.5, "Jabrayil"),
    ("Jabrayil/Jebrail", "2023-03", 128, 17, 47.0, "Jabrayil"),
    ("Gubadli", "2023-01", 54, 7, 15.0, "Gubadli"),
    ("Kubatly", "2023-02", 49, 4, 14.5, "Gubadli"),
    ("Tartar", "2023-01", 30, 11, 9.5, "Tartar"),
    ("Terter", "2023-02", 27, 10, 9.0, "Tartar"),
]
# Letters Windows-1252 lacks, as a user saving such a file would write them.
CP1252 = str.maketrans("əğışƏĞİŞ", "egisEGIS")


def write_csv_utf8(path):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(row[:5] for row in REPORT)


def write_csv_cp1252(path):
    lines = [";".join(HEADER)]
    for district, month, mines, uxo, hectares, _ in REPORT:
        decimal = f"{hectares:g}".replace(".", ",")  # Excel where the comma is decimal
        lines.append(f"{district.translate(CP1252)};{month};{mines};{uxo};{decimal}")
    path.write_bytes("\r\n".join(lines).encode("cp1252"))


def write_xlsx(path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for district, month, mines, uxo, hectares, _ in REPORT:
        sheet.append([district, datetime.strptime(month, "%Y-%m"), mines, uxo, hectares])
    workbook.save(path)


def run(*args):
    return CliRunner().invoke(main, ["join", *map(str, args)])


def read_output(out):
    geojson = json.loads((out / "joined.geojson").read_text(encoding="utf-8"))
    with (out / "joined.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return geojson, rows


@pytest.mark.parametrize("name, writer", [("report.csv", write_csv_utf8),
                                          ("report-cp1252.csv", write_csv_cp1252),
                                          ("report.xlsx", write_xlsx)])
def test_district_report_joins_every_row_to_its_district(tmp_path, name, writer):
    table, out = tmp_path / name, tmp_path / "out"
    writer(table)
    result = run(table, "--place", "district", "--date", "month", "-o", out)
    assert result.exit_code == 0, result.output
    assert f"{len(REPORT)} rows: {len(REPORT)} resolved" in result.output
    geojson, rows = read_output(out)
    features = geojson["features"]
    assert len(features) == len(rows) == len(REPORT)
    for feature, row, expected in zip(features, rows, REPORT, strict=True):
        props = feature["properties"]
        assert props["status"] == "resolved", props
        # The table's own "district" column is kept; the resolved one is added beside it.
        assert props["geo_district"] == expected[5] and props["kind"] == "district"
        assert props["district"] in (expected[0], expected[0].translate(CP1252))
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (props["lon"], props["lat"]) == (lon, lat)
        assert props["mines"] == expected[2] and isinstance(props["mines"], int)
        assert props["hectares"] == pytest.approx(expected[4])
        assert isinstance(props["hectares"], float | int)
        assert props["date_start"].startswith(expected[1])
        assert list(row)[:5] == list(HEADER)
        assert row["mines"] == str(expected[2])


def test_village_table_narrows_by_district_and_places_unknown_villages_there(tmp_path):
    table, out = tmp_path / "incidents.csv", tmp_path / "out"
    table.write_text("village,district,killed\n"
                     "Füzuli,Shamkir,1\n"      # the village of that name in Shamkir
                     "Füzuli,Fizuli,2\n"       # the town, seat of Fuzuli district
                     "Suarasi,Laçın,1\n"       # not in the gazetteer: Lachin's point
                     ",Agdam,3\n", encoding="utf-8")   # no village: the district itself
    result = run(table, "--place", "village", "--district", "district", "-o", out)
    assert result.exit_code == 0, result.output
    assert "4 rows: 4 resolved (2 at district level), 0 unresolved" in result.output
    assert "names to add to your gazetteer (--gazetteer FILE.csv): Suarasi (Lachin, 1)" \
        in result.output
    geojson, _ = read_output(out)
    props = [f["properties"] for f in geojson["features"]]
    assert props[0]["place_id"] == "geonames:8630550" and props[0]["geo_district"] == "Shamkir"
    assert props[1]["place_id"] == "geonames:148106" and props[1]["geo_district"] == "Fuzuli"
    assert props[1]["geo_precision"] == "locality"
    suarasi = props[2]
    assert suarasi["geo_precision"] == "district" and suarasi["geo_district"] == "Lachin"
    assert suarasi["reason"] == "located at district level"
    assert suarasi["place_name"] == "Suarasi" and suarasi["kind"] == "village"
    assert geojson["features"][2]["geometry"]["coordinates"] == [46.54977, 39.63742]
    assert props[3]["place_id"] == "curated:az-district-aghdam"
    assert props[3]["reason"].startswith("located at district level")


def test_a_village_name_in_several_districts_takes_the_one_in_the_row_s_district(tmp_path):
    districts = read_places_csv(data_file("gazetteer", "curated.csv"))
    # The larger village would win on its own; the district column must decide.
    villages = [Place("test:1", "Mammadli", "village", "AZ", 40.3, 46.9, population=3000,
                      district="Tartar"),
                Place("test:2", "Mammadli", "village", "AZ", 39.4, 47.0, population=600,
                      district="Jabrayil")]
    gazetteer = Gazetteer([*districts, *villages], {})
    table = tmp_path / "v.csv"
    table.write_text("village;district\nMammadli;Cəbrayıl\nMammadli;Terter\nMammadli;\n",
                     encoding="utf-8")
    joined = join_table(table, "village", "district", gazetteer=gazetteer)
    assert [r.mention.place.id for r in joined.rows] == ["test:2", "test:1", "test:1"]
    assert joined.rows[0].mention.confidence > joined.rows[2].mention.confidence


def test_unknown_places_keep_their_rows_and_are_reported(tmp_path):
    table, out = tmp_path / "t.csv", tmp_path / "out"
    table.write_text("district\tmines\nKelbajr\t3\nAtlantis\t1\nKelbajr\t2\nAgdam\t5\n",
                     encoding="utf-8")
    result = run(table, "--place", "district", "-o", out)
    assert result.exit_code == 0, result.output
    assert "4 rows: 1 resolved (0 at district level), 3 unresolved" in result.output
    assert "unresolved: Kelbajr (2), Atlantis (1)" in result.output
    geojson, rows = read_output(out)
    assert [f["geometry"] is None for f in geojson["features"]] == [True, True, True, False]
    lost = geojson["features"][0]["properties"]
    assert lost["status"] == "unresolved" and lost["mines"] == 3 and lost["lat"] is None
    assert [r["status"] for r in rows] == ["unresolved"] * 3 + ["resolved"]


def test_country_narrows_the_candidates(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("place,n\nParis,1\nKelbajar,2\n", encoding="utf-8")
    joined = join_table(table, "place", country="FR")
    assert joined.rows[0].mention.place.country == "FR"
    assert not joined.rows[1].resolved
    assert "only in Kalbajar (AZ)" in joined.rows[1].mention.reason
    assert joined.size_column("N") == "n"
    with pytest.raises(InputError, match="not numeric"):
        joined.size_column("place")


def broken_xlsx(path):
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)


def png(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(64))


@pytest.mark.parametrize("content, message", [
    (b"", "empty table"),
    ("district,mines\n", "empty table"),
    ("village,mines\nAgdam,3\n", "no column 'district'; the columns are: village, mines"),
    (png, "not a table: a binary file"),
    ("Mines were found near the road, and the team\ncleared them over three weeks of "
     "work.\nNobody was hurt. The area\nis now open to farmers, officials said.\n",
     "not a table"),
    (broken_xlsx, "cannot open as XLSX"),
    ("district,month\nAgdam,2023-01\nLaçın,next spring\n", ":3: column 'month'"),
])
def test_bad_tables_are_one_line_errors_and_write_nothing(tmp_path, content, message):
    table, out = tmp_path / "t.csv", tmp_path / "out"
    if callable(content):
        content(table)
    else:
        table.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run(table, "--place", "district", "--date", "month", "-o", out)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"geo: error: {table}"), lines
    assert message in lines[0]
    assert not out.exists()


def write_gpkg_with_events(path):
    events = gpd.GeoDataFrame({"event_id": ["e1", "e2"]},
                              geometry=[shapely.Point(46.5, 39.6), shapely.Point(47.0, 40.0)],
                              crs="EPSG:4326")
    events.to_file(path, layer="events", driver="GPKG", engine="pyogrio")


def test_joined_layer_is_added_to_a_geopackage_keeping_its_other_layers(tmp_path):
    gpkg, table = tmp_path / "mines.gpkg", tmp_path / "t.csv"
    write_gpkg_with_events(gpkg)
    table.write_text("district,mines,hectares\nAgdam,3,1.5\nAtlantis,,2\n", encoding="utf-8")
    joined = join_table(table, "district")
    for _ in range(2):  # a second run replaces the layer, not appends to it
        write_joined_layer(joined, gpkg)
    assert sorted(pyogrio.list_layers(gpkg)[:, 0]) == ["events", "joined"]
    assert list(gpd.read_file(gpkg, layer="events")["event_id"]) == ["e1", "e2"]
    layer = gpd.read_file(gpkg, layer="joined")
    assert len(layer) == 2 and layer.crs.to_epsg() == 4326
    assert layer.geometry[0].x == pytest.approx(46.92736) and layer.geometry[1] is None
    types = dict(zip(*(pyogrio.read_info(gpkg, layer="joined")[k] for k in ("fields", "dtypes")),
                     strict=True))
    assert types["mines"] == "int64" and types["hectares"] == "float64"  # stored as numbers
    assert layer["mines"][0] == 3
    assert list(layer["status"]) == ["resolved", "unresolved"]
    assert list(layer["geo_district"][:1]) == ["Aghdam"]


def test_geo_join_writes_its_layer_into_the_build_s_geopackage(tmp_path):
    out, table = tmp_path / "out", tmp_path / "t.csv"
    out.mkdir()
    write_gpkg_with_events(out / "mines.gpkg")
    table.write_text("district,mines\nKelbajar,3\n", encoding="utf-8")
    result = run(table, "--place", "district", "-o", out)
    assert result.exit_code == 0, result.output
    assert "mines.gpkg" in result.output
    assert sorted(pyogrio.list_layers(out / "mines.gpkg")[:, 0]) == ["events", "joined"]
    assert sorted(p.name for p in out.iterdir()) == ["joined.csv", "joined.geojson",
                                                     "mines.gpkg"]
