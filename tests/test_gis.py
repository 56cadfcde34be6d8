"""The GIS outputs checked with the real tools: the GeoJSON against the official schema
and RFC 7946, the GeoPackage with GDAL (pyogrio and ``ogrinfo``), the project and the
styles with QGIS itself, and ``events_acled.csv`` against ACLED's columns and codes.

GDAL's ``ogrinfo`` and QGIS are Debian packages (``gdal-bin``, ``python3-qgis``,
``qgis-providers``); without them these tests skip, and fail when ``CI=true``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import jsonschema
import pyogrio
import pytest
import shapely
from pyproj import Transformer

from geo.acled import ACLED_COLUMNS, event_rows, time_precision, write_acled
from geo.build import build_into, run
from geo.export import document_record, mention_record, write_events, write_places
from geo.gpkg import GeoPackageWriter, write_geopackage
from geo.model import Event, Place
from geo.qgis_project import write_qgis_project
from geo.qgis_style import STYLED_LAYERS, style_rules

from .conftest import ROOT, SEEDS

QGIS_PYTHON = "/usr/bin/python3"
SCHEMA = json.loads((Path(__file__).parent / "data" / "FeatureCollection.json")
                    .read_text(encoding="utf-8"))
#: The properties the output contract names (adding is fine, these must be there).
EVENT_PROPERTIES = {
    "event_id", "event_type", "event_subtype", "date_start", "date_end", "time_precision",
    "place_names", "place_ids", "district", "country", "geo_precision", "killed", "injured",
    "casualties", "mines", "uxo", "prisoners", "hectares", "summary", "attributed_to",
    "sources", "source_count", "quote", "confidence",
}
PLACE_PROPERTIES = {"place_id", "name", "kind", "country", "district", "mentions",
                    "documents", "doc_ids", "source"}
#: The columns QGIS gives the layer_styles table it creates in a GeoPackage.
STYLE_COLUMNS = ["id", "f_table_catalog", "f_table_schema", "f_table_name",
                 "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault",
                 "description", "owner", "ui", "update_time"]
#: ACLED's event types and sub-event types (ACLED Codebook 2023/2024).
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack",
                                   "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence":
            "Political violence", "Violence against civilians": "Political violence",
            "Protests": "Demonstrations", "Riots": "Demonstrations",
            "Strategic developments": "Strategic developments"}


def require(available: bool, tool: str) -> None:
    """Skip without ``tool``; on CI (``CI=true``) a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is missing on CI: run scripts/install-system-deps.sh")
    pytest.skip(f"{tool} is not installed")


def qgis_installed() -> bool:
    return Path(QGIS_PYTHON).is_file() and subprocess.run(
        [QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def build(gazetteer):
    return run([SEEDS], gazetteer)


@pytest.fixture(scope="module")
def out(build, tmp_path_factory):
    """Every GIS output of the seed build, in one folder."""
    folder = tmp_path_factory.mktemp("gis")
    write_events(folder / "events.geojson", folder / "events.csv", build.events)
    write_places(folder / "places.geojson", build.places)
    write_geopackage(build, folder / "mines.gpkg")
    write_qgis_project(folder / "mines.gpkg", folder / "mines.qgz")
    (folder / "left_out").write_text(str(write_acled(build.events,
                                                     folder / "events_acled.csv")))
    return folder


def load_json(path: Path) -> dict:
    def no_constants(name: str) -> None:
        raise ValueError(f"{path.name}: {name} is not JSON")
    return json.loads(path.read_text(encoding="utf-8"), parse_constant=no_constants)


def positions(geometry: dict | None) -> list[list[float]]:
    if geometry is None:
        return []
    coordinates = geometry["coordinates"]
    return [coordinates] if geometry["type"] == "Point" else coordinates


# -- GeoJSON ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["events.geojson", "places.geojson"])
def test_geojson_is_a_valid_feature_collection(out, name):
    collection = load_json(out / name)
    jsonschema.Draft7Validator(SCHEMA).validate(collection)
    assert collection["features"]


@pytest.mark.parametrize("name", ["events.geojson", "places.geojson"])
def test_geojson_follows_rfc_7946(out, name):
    collection = load_json(out / name)
    assert "crs" not in collection  # RFC 7946 §4: WGS 84 only, no crs member
    for feature in collection["features"]:
        assert "crs" not in feature and "crs" not in (feature["geometry"] or {})
        for lon, lat, *rest in positions(feature["geometry"]):
            assert not rest
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 6) == lon and round(lat, 6) == lat


def test_geojson_puts_longitude_first(out, build):
    features = {f["properties"]["place_id"]: f for f in
                load_json(out / "places.geojson")["features"]}
    for summary in build.places:
        place = summary.place
        assert features[place.id]["geometry"]["coordinates"] == \
            [round(place.lon, 6), round(place.lat, 6)]
    kalbajar = next(f for f in load_json(out / "events.geojson")["features"]
                    if f["properties"]["place_names"] == "Kalbajar")
    lon, lat = kalbajar["geometry"]["coordinates"]
    assert 45.5 < lon < 46.5 and 39.5 < lat < 40.5  # Kalbajar: 46.0° E, 40.1° N


@pytest.mark.parametrize("name, contract", [("events.geojson", EVENT_PROPERTIES),
                                            ("places.geojson", PLACE_PROPERTIES)])
def test_geojson_properties_are_flat_and_named_as_the_contract_says(out, name, contract):
    for feature in load_json(out / name)["features"]:
        properties = feature["properties"]
        assert contract <= set(properties)
        for key, value in properties.items():
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
            assert value is None or isinstance(value, str | int | float), (key, value)
            # a missing value is JSON null, never an empty or spelled-out string
            assert value not in ("", "None", "null", "nan", "NaN"), (key, value)


def test_event_properties_have_their_types_and_nulls(out, build):
    features = load_json(out / "events.geojson")["features"]
    assert len(features) == len(build.events)
    for feature, event in zip(features, build.events, strict=True):
        p = feature["properties"]
        for key in ("killed", "injured", "casualties", "mines", "uxo", "prisoners"):
            assert p[key] == getattr(event, key)  # None stays null, 0 stays 0
            assert p[key] is None or type(p[key]) is int
        assert p["hectares"] is None or isinstance(p["hectares"], int | float)
        assert date.fromisoformat(p["date_start"]) <= date.fromisoformat(p["date_end"])
        geometry = feature["geometry"]
        if p["place_ids"] is None:
            assert geometry is None  # null only when the text names no place
        else:
            assert geometry["type"] == ("Point" if len(event.places) == 1 else "MultiPoint")


# -- GeoPackage with GDAL -----------------------------------------------------------------

def expected_counts(build) -> dict[str, int]:
    return {"events": len(build.events), "places": len(build.places),
            "mentions": build.mentions, "documents": len(build.documents)}


def test_geopackage_layers_with_gdal(out, build):
    gpkg = out / "mines.gpkg"
    layers = dict(pyogrio.list_layers(gpkg).tolist())
    assert layers == {"events": "MultiPoint", "places": "Point", "mentions": "Point",
                      "documents": None, "layer_styles": None}
    for layer, count in expected_counts(build).items():
        info = pyogrio.read_info(gpkg, layer=layer)
        assert info["features"] == count, layer
        assert info["crs"] == ("EPSG:4326" if layers[layer] else None), layer


@pytest.mark.parametrize("layer, field, ogr_type", [
    ("events", "killed", "OFTInteger"), ("events", "prisoners", "OFTInteger"),
    ("events", "source_count", "OFTInteger"), ("events", "date_start", "OFTDate"),
    ("events", "date_end", "OFTDate"), ("events", "hectares", "OFTReal"),
    ("events", "confidence", "OFTReal"), ("events", "event_type", "OFTString"),
    ("places", "mentions", "OFTInteger"), ("mentions", "start", "OFTInteger"),
    ("mentions", "lat", "OFTReal"), ("documents", "published", "OFTDate"),
    ("documents", "date_inferred", "OFTInteger"), ("documents", "mentions", "OFTInteger"),
])
def test_geopackage_field_types(out, layer, field, ogr_type):
    info = pyogrio.read_info(out / "mines.gpkg", layer=layer)
    fields = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert fields[field] == ogr_type
    if field == "date_inferred":
        subtypes = dict(zip(info["fields"], info["ogr_subtypes"], strict=True))
        assert subtypes[field] == "OFSTBoolean"


def test_a_build_writes_the_geopackage_with_its_types_and_nulls(out, gazetteer, tmp_path):
    build_into(tmp_path, [SEEDS], gazetteer)  # rows streamed as the documents are done
    for layer in ("documents", "mentions", "events", "places"):
        frames = [pyogrio.read_dataframe(folder / "mines.gpkg", layer=layer)
                  for folder in (tmp_path, out)]
        assert frames[0].equals(frames[1]), layer


def test_geopackage_keeps_nulls_and_placeless_events(out, build):
    events = pyogrio.read_dataframe(out / "mines.gpkg", layer="events")
    assert events["killed"].isna().sum() == sum(e.killed is None for e in build.events)
    assert events.geometry.isna().sum() == sum(not e.places for e in build.events)
    kalbajar = events[events["place_names"] == "Kalbajar"]
    incident = kalbajar[kalbajar["event_type"] == "mine_incident"].iloc[0]
    assert incident["killed"] == 3 and str(incident["date_start"])[:10] == "2021-06-04"


def test_ogrinfo_reads_the_geopackage(out, build):
    require(shutil.which("ogrinfo") is not None, "ogrinfo (Debian package gdal-bin)")
    done = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(out / "mines.gpkg")],
                          capture_output=True, text=True, check=True)
    layers = dict(block.split("\n", 1) for block in done.stdout.split("Layer name: ")[1:])
    geometry = {"events": "Multi Point", "places": "Point", "mentions": "Point",
                "documents": "None"}
    for layer, count in expected_counts(build).items():
        text = layers[layer]
        assert f"Feature Count: {count}" in text, layer
        assert f"Geometry: {geometry[layer]}" in text, layer
        assert ('ID["EPSG",4326]' in text) == (layer != "documents"), layer
    for layer, line in [("events", "killed: Integer "), ("events", "date_start: Date "),
                        ("events", "hectares: Real "), ("places", "mentions: Integer "),
                        ("mentions", "lon: Real "), ("documents", "published: Date "),
                        ("documents", "date_inferred: Integer(Boolean) ")]:
        assert line in layers[layer], (layer, line)
    assert "partially supported" not in done.stderr  # a GeoPackage version old GDAL reads


def styles(gpkg: Path) -> list[dict]:
    with sqlite3.connect(gpkg) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM layer_styles")]


def test_layer_styles_table_as_qgis_writes_it(out):
    gpkg = out / "mines.gpkg"
    with sqlite3.connect(gpkg) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(layer_styles)")]
        contents = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert columns == STYLE_COLUMNS
    assert contents["layer_styles"] == "attributes"  # registered, as OGR does
    rows = styles(gpkg)
    assert sorted(r["f_table_name"] for r in rows) == sorted(STYLED_LAYERS)
    for row in rows:
        info = pyogrio.read_info(gpkg, layer=row["f_table_name"])
        assert row["f_geometry_column"] == info["geometry_name"] == "geom"
        assert row["f_table_schema"] == "" and row["useAsDefault"] == 1
        qml = ET.fromstring(row["styleQML"].split("\n", 1)[1])  # after the DOCTYPE
        assert qml.tag == "qgis" and qml.find("renderer-v2") is not None
    events = next(r for r in rows if r["f_table_name"] == "events")
    renderer = ET.fromstring(events["styleQML"].split("\n", 1)[1]).find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol"
    assert renderer.get("attr") == "event_type"


def test_rewriting_the_geopackage_replaces_it(out, build, tmp_path):
    gpkg = tmp_path / "mines.gpkg"
    shutil.copy(out / "mines.gpkg", gpkg)
    write_geopackage(build, gpkg)
    write_geopackage(build, gpkg)
    assert sorted(pyogrio.list_layers(gpkg)[:, 0]) == \
        ["documents", "events", "layer_styles", "mentions", "places"]
    rows = styles(gpkg)
    assert len(rows) == len(STYLED_LAYERS)
    for layer in STYLED_LAYERS:
        assert [r["useAsDefault"] for r in rows if r["f_table_name"] == layer] == [1]
    for layer, count in expected_counts(build).items():
        assert pyogrio.read_info(gpkg, layer=layer)["features"] == count
    assert [p.name for p in tmp_path.iterdir()] == ["mines.gpkg"]  # no temporary files


def test_geopackage_written_in_chunks_holds_every_row(build, tmp_path, monkeypatch):
    import geo.gpkg

    whole, chunked = tmp_path / "whole.gpkg", tmp_path / "chunked.gpkg"
    write_geopackage(build, whole)
    monkeypatch.setattr(geo.gpkg, "EVENT_CHUNK_ROWS", 3)
    with GeoPackageWriter(chunked, chunk_rows=7) as writer:  # many appends per layer
        for r in build.results:
            writer.add([mention_record(m) for m in r.mentions],
                       document_record(r.document, len(r.mentions), len(r.events)))
        writer.finish(build)
    for layer in ("mentions", "documents", "events", "places"):
        frames = [pyogrio.read_dataframe(path, layer=layer) for path in (chunked, whole)]
        assert frames[0].equals(frames[1])
    assert pyogrio.read_info(chunked, layer="mentions")["features"] == build.mentions > 7
    assert pyogrio.read_info(chunked, layer="events")["features"] == len(build.events) > 3


def test_a_re_run_keeps_the_event_rows_of_events_it_did_not_merge_again(build, out,
                                                                        tmp_path):
    """Events a re-run did not merge anew keep their rows (and feature ids); the others
    are dropped and written again. Where the previous rows are not exactly the kept
    events, the layer is written whole: its rows are never some other build's."""
    def rows(path):
        frame = pyogrio.read_dataframe(path, layer="events", fid_as_index=True)
        return frame.sort_values("event_id")

    def rewrite(path, events, merged_again):
        again = dataclasses.replace(build, events=events, merged_again=merged_again)
        with GeoPackageWriter(path, previous=out / "mines.gpkg") as writer:
            writer.finish(again)
        return rows(path)

    before = rows(out / "mines.gpkg")
    last = build.events[-1]
    # the last event merged anew: its row goes to the end, the others stay as they were
    kept = rewrite(tmp_path / "kept.gpkg", build.events, [last])
    assert kept.drop(columns="geometry").reset_index(drop=True).equals(
        before.drop(columns="geometry").reset_index(drop=True))
    moved = kept.event_id == last.event_id
    assert list(kept.index[~moved]) == list(before.index[before.event_id != last.event_id])
    assert kept.index[moved].tolist() == [len(build.events) + 1]
    # a kept event the previous rows lack: the layer is written whole
    stranger = dataclasses.replace(build.events[0], event_id="not-in-the-previous-file")
    events = [stranger, *build.events[1:]]
    whole = rewrite(tmp_path / "whole.gpkg", events, [])
    assert sorted(whole.event_id) == sorted(e.event_id for e in events)
    assert sorted(whole.index) == list(range(1, len(events) + 1))


def test_mentions_have_a_spatial_index_that_gdal_uses_and_keeps(build, tmp_path):
    gpkg = tmp_path / "mines.gpkg"
    with GeoPackageWriter(gpkg, chunk_rows=7) as writer:
        for r in build.results:
            writer.add([mention_record(m) for m in r.mentions],
                       document_record(r.document, len(r.mentions), len(r.events)))
        writer.finish(build)
    assert pyogrio.read_info(gpkg, layer="mentions")["capabilities"]["fast_spatial_filter"]
    box = (46.0, 39.0, 47.5, 40.5)  # Karabakh: Aghdam, Fuzuli, Shusha, Lachin ...
    everything = pyogrio.read_dataframe(gpkg, layer="mentions", fid_as_index=True)
    located = everything[everything.geometry.notna()]
    inside = located[located.geometry.within(shapely.box(*box))]
    found = pyogrio.read_dataframe(gpkg, layer="mentions", bbox=box, fid_as_index=True)
    assert sorted(found.index) == sorted(inside.index) and len(found) > 0
    # A row GDAL adds later (as QGIS does when editing) is indexed by the triggers.
    extra = everything.iloc[[0]].copy()
    extra["geometry"] = shapely.points([[46.5, 39.2]])
    pyogrio.write_dataframe(extra, gpkg, layer="mentions", append=True)
    again = pyogrio.read_dataframe(gpkg, layer="mentions", bbox=(46.4, 39.1, 46.6, 39.3))
    assert (again.geometry.x == 46.5).any()


def test_streamed_build_needs_the_writer(build, tmp_path):
    streamed = dataclasses.replace(build, results=[])  # as build_into keeps it
    with pytest.raises(ValueError, match="GeoPackageWriter"):
        write_geopackage(streamed, tmp_path / "mines.gpkg")
    assert not (tmp_path / "mines.gpkg").exists()


# -- QGIS ---------------------------------------------------------------------------------

def test_project_refers_to_the_geopackage_by_a_relative_path(out):
    with zipfile.ZipFile(out / "mines.qgz") as qgz:
        assert qgz.namelist() == ["mines.qgs"]
        project = ET.fromstring(qgz.read("mines.qgs").decode("utf-8").split("\n", 1)[1])
    sources = {layer.findtext("layername"): layer.findtext("datasource")
               for layer in project.iter("maplayer")}
    for name in ("events", "places", "mentions", "documents"):
        assert sources[name] == f"./mines.gpkg|layername={name}"
    assert sources["OpenStreetMap"].startswith("type=xyz&url=https://tile.openstreetmap.org/")
    events = next(layer for layer in project.iter("maplayer")
                  if layer.findtext("layername") == "events")
    assert events.find("renderer-v2").get("type") == "categorizedSymbol"  # styled inline


@pytest.fixture(scope="module")
def qgis(out):
    """What QGIS finds in the project and the GeoPackage; renders output/qgis.png."""
    require(qgis_installed(), f"QGIS for {QGIS_PYTHON} (Debian packages python3-qgis, "
                              "qgis-providers)")
    png = ROOT / "output" / "qgis.png"
    png.parent.mkdir(exist_ok=True)
    done = subprocess.run(
        [QGIS_PYTHON, str(Path(__file__).parent / "qgis_check.py"), str(out / "mines.qgz"),
         str(out / "mines.gpkg"), str(png)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_qgis_opens_the_project_with_every_layer_valid(qgis, build):
    assert qgis["read"] and qgis["crs"] == "EPSG:3857"
    layers = qgis["layers"]
    assert set(layers) == {"events", "mentions", "places", "documents", "OpenStreetMap"}
    assert all(layer["valid"] for layer in layers.values())
    for name, count in expected_counts(build).items():
        assert layers[name]["features"] == count
        assert layers[name]["source"].endswith(f"mines.gpkg|layername={name}")
    assert qgis["order"] == ["events", "mentions", "places", "OpenStreetMap"]  # basemap below
    assert layers["OpenStreetMap"]["provider"] == "wms"


def test_qgis_styles_the_events_by_type(qgis):
    palette = {name: kind["colour"].lower() for name, kind in
               style_rules()["event_types"].items()}
    for events in (qgis["layers"]["events"], qgis["direct"]["events"]):
        assert events["renderer"] == "QgsCategorizedSymbolRenderer"
        assert events["attribute"] == "event_type"
        assert events["colours"] == palette
        assert events["labels"]
    for layer in ("places", "mentions"):
        assert qgis["direct"][layer]["renderer"] == "QgsSingleSymbolRenderer"


def test_qgis_project_opens_on_the_caucasus(qgis):
    to_degrees = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    west, south = to_degrees.transform(*qgis["extent"][:2])
    east, north = to_degrees.transform(*qgis["extent"][2:])
    assert 38 < west < 46 and 48 < east < 53 and 36 < south < 40 and 40 < north < 45
    assert not math.isclose(west, east)


def test_qgis_renders_the_events_in_their_colours(qgis):
    assert qgis["rendered"] and (ROOT / "output" / "qgis.png").stat().st_size > 10_000
    # every type of the seeds shows somewhere on the map, not hidden under another
    assert all(count > 20 for count in qgis["pixels"].values()), qgis["pixels"]


# -- ACLED --------------------------------------------------------------------------------

def acled_rows(out: Path) -> list[dict[str, str]]:
    with (out / "events_acled.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_acled_columns_and_codes(out):
    rows = acled_rows(out)
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert list(ACLED_COLUMNS[:7]) == ["event_id_cnty", "event_date", "year",
                                       "time_precision", "disorder_type", "event_type",
                                       "sub_event_type"]
    for row in rows:
        assert row["sub_event_type"] in ACLED_TYPES[row["event_type"]]
        assert row["disorder_type"] == DISORDER[row["event_type"]]
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["geo_precision"] in {"1", "2", "3"}
        assert date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert re.fullmatch(r"[A-Z]{3}\d+", row["event_id_cnty"])
        assert len(row["country"]) > 3 and int(row["iso"]) > 0
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert int(row["fatalities"]) >= 0 and row["notes"] and row["source"]
    assert len({row["event_id_cnty"] for row in rows}) == len(rows)


def test_acled_kalbajar_incident(out):
    row = next(r for r in acled_rows(out) if r["location"] == "Kalbajar"
               and r["event_type"] == "Explosions/Remote violence")
    assert row["event_date"] == "2021-06-04" and row["time_precision"] == "1"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert row["disorder_type"] == "Political violence"
    assert row["fatalities"] == "3" and row["country"] == "Azerbaijan"
    assert row["admin1"] == "Kalbajar" and row["geo_precision"] == "2"
    assert row["actor2"] == "Civilians (Azerbaijan)"  # the journalists killed
    assert "geo_event_id=mine-" in row["tags"]


def test_acled_leaves_out_what_acled_would_not_record(out, build):
    def recordable(e: Event) -> bool:
        return e.date_start is not None and any(p.kind != "country" for p in e.places)

    left_out = int((out / "left_out").read_text())
    assert left_out == sum(not recordable(e) for e in build.events) > 0
    tagged = {re.search(r"geo_event_id=([\w-]+)", r["tags"]).group(1)
              for r in acled_rows(out)}
    assert tagged == {e.event_id for e in build.events if recordable(e)}
    handover = next(e for e in build.events if len(e.places) == 2)
    assert len(event_rows(handover)) == 2  # one row per place, as ACLED records them


def test_acled_time_precision_and_date_of_periods():
    place = Place("curated:az-district-aghdam", "Aghdam", "district", "AZ", 39.99, 46.93,
                  district="Aghdam", point_basis="seat")

    def event(start: date, end: date, precision: str = "day") -> Event:
        return Event("clearance_report", start, end, precision, "q", ["d"],
                     places=[place], event_id="clearance-x")

    week = event(date(2021, 6, 1), date(2021, 6, 7))
    month = event(date(2021, 6, 1), date(2021, 6, 30), "month")
    months = event(date(2020, 11, 10), date(2021, 5, 31))
    assert [time_precision(e) for e in (week, month, months)] == [2, 3, 3]
    assert event_rows(month)[0]["event_date"] == date(2021, 6, 15)  # the middle day
    assert event_rows(month)[0]["sub_event_type"] == "Disrupted weapons use"


def test_qgis_and_the_web_map_use_the_same_colours():
    from geo.qgis_style import style_rules
    from geo.webmap.style import EVENT_STYLES, PLACE_STYLE

    qgis = style_rules()
    assert {t: s["colour"] for t, s in qgis["event_types"].items()} == {
        t: s.colour for t, s in EVENT_STYLES.items()}
    assert qgis["layers"]["places"]["colour"] == PLACE_STYLE.colour
