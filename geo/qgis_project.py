"""``mines.qgz``: a QGIS project over ``mines.gpkg``, generated without QGIS.

The project (a zip holding one ``.qgs`` XML document, as QGIS writes it) shows, top to
bottom: ``events``, ``mentions``, ``places``, the ``documents`` table and an
OpenStreetMap basemap, in Web Mercator. Layers point at the GeoPackage by a relative
path (``./mines.gpkg|layername=events``), so the two files can be moved together, and
carry the same styles as the GeoPackage's ``layer_styles`` (:mod:`geo.qgis_style`).
The map opens on the events inside the Caucasus box of ``data/rules/qgis.yaml``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pyogrio
import shapely
from pyproj import CRS, Transformer

from geo.atomic import atomic_path
from geo.qgis_style import DOCTYPE, QGIS_VERSION, labels_enabled, style_elements, style_rules

PROJECT_CRS = "EPSG:3857"  # the basemap's tiles; anything else would resample them
#: GeoPackage layers, top of the legend first.
PROJECT_LAYERS = ("events", "mentions", "places", "documents")
BASEMAP_ID = "openstreetmap_basemap"


def layer_id(name: str) -> str:
    """A layer's id in the project; QGIS replaces ids of 10 characters or fewer."""
    return f"geo_{name}_layer"


def _text(parent: ET.Element, tag: str, text: object, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    element.text = str(text)
    return element


def spatialrefsys(authid: str) -> ET.Element:
    """A ``<spatialrefsys>`` QGIS recognises by its authority id (WKT as a fallback)."""
    crs = CRS.from_user_input(authid)
    srs = ET.Element("spatialrefsys", nativeFormat="Wkt")
    _text(srs, "wkt", crs.to_wkt())
    _text(srs, "srid", crs.to_epsg())
    _text(srs, "authid", authid)
    _text(srs, "description", crs.name)
    _text(srs, "geographicflag", str(crs.is_geographic).lower())
    return srs


def caucasus_extent(gpkg: Path) -> tuple[float, float, float, float]:
    """The extent (EPSG:3857) of the GeoPackage's events inside the Caucasus box, with a
    margin; the box itself when no event falls inside."""
    box = style_rules()["extent"]
    _, _, wkb, _ = pyogrio.raw.read(gpkg, layer="events", columns=[])
    geometries = shapely.from_wkb(np.asarray(wkb if wkb is not None else [], dtype=object))
    points = shapely.get_parts(geometries[~shapely.is_missing(geometries)])
    inside = points[shapely.contains(
        shapely.box(box["west"], box["south"], box["east"], box["north"]), points)]
    west, south, east, north = (shapely.total_bounds(inside) if len(inside) else
                                (box["west"], box["south"], box["east"], box["north"]))
    margin = max(east - west, north - south) * 0.15 + 0.3  # degrees; labels need room
    to_mercator = Transformer.from_crs("EPSG:4326", PROJECT_CRS, always_xy=True)
    xmin, ymin = to_mercator.transform(west - margin, south - margin)
    xmax, ymax = to_mercator.transform(east + margin, north + margin)
    return xmin, ymin, xmax, ymax


def _vector_layer(name: str, source: str, geometry_type: str | None) -> ET.Element:
    layer = ET.Element("maplayer", type="vector", autoRefreshEnabled="0",
                       autoRefreshTime="0", readOnly="0", hasScaleBasedVisibilityFlag="0",
                       geometry="Point" if geometry_type else "No geometry",
                       wkbType=geometry_type or "NoGeometry")
    _text(layer, "id", layer_id(name))
    _text(layer, "datasource", source)
    _text(layer, "layername", name)
    ET.SubElement(layer, "srs").append(spatialrefsys("EPSG:4326"))
    _text(layer, "provider", "ogr", encoding="UTF-8")
    if geometry_type:
        layer.set("labelsEnabled", str(int(labels_enabled(name))))
        layer.extend(style_elements(name))
    return layer


def _basemap_layer() -> ET.Element:
    basemap = style_rules()["basemap"]
    layer = ET.Element("maplayer", type="raster", autoRefreshEnabled="0",
                       hasScaleBasedVisibilityFlag="0")
    _text(layer, "id", BASEMAP_ID)
    _text(layer, "datasource", f"type=xyz&url={quote(basemap['url'], safe=':/')}"
                               f"&zmax={basemap['zmax']}&zmin=0")
    _text(layer, "layername", basemap["title"])
    ET.SubElement(layer, "srs").append(spatialrefsys(PROJECT_CRS))
    _text(layer, "provider", "wms")
    _text(layer, "attribution", basemap["attribution"], href=basemap["attribution_url"])
    return layer


def project_xml(gpkg: Path, project: Path) -> str:
    """The ``.qgs`` document of a project at ``project`` over ``gpkg``."""
    relative = Path(os.path.relpath(gpkg, project.parent)).as_posix()
    root = ET.Element("qgis", projectname="Landmine events", version=QGIS_VERSION)
    ET.SubElement(root, "homePath", path="")
    _text(root, "title", "Landmine events in the South Caucasus")
    ET.SubElement(root, "projectCrs").append(spatialrefsys(PROJECT_CRS))

    tree = ET.SubElement(root, "layer-tree-group")
    ET.SubElement(tree, "customproperties")
    layers = ET.SubElement(root, "projectlayers")
    for name in PROJECT_LAYERS:
        source = f"./{relative}|layername={name}"
        info = pyogrio.read_info(gpkg, layer=name)
        ET.SubElement(tree, "layer-tree-layer", id=layer_id(name), name=name, source=source,
                      providerKey="ogr", checked="Qt::Checked", expanded="1")
        layers.append(_vector_layer(name, source, info["geometry_type"]))
    basemap = _basemap_layer()
    ET.SubElement(tree, "layer-tree-layer", id=BASEMAP_ID,
                  name=basemap.findtext("layername"), providerKey="wms",
                  source=basemap.findtext("datasource"), checked="Qt::Checked",
                  expanded="0")
    layers.append(basemap)

    # The desktop restores the canvas; QGIS Server, QField and scripts read the view.
    bounds = dict(zip(("xmin", "ymin", "xmax", "ymax"),
                      (str(round(v, 2)) for v in caucasus_extent(gpkg)), strict=True))
    canvas = ET.SubElement(root, "mapcanvas", name="theMapCanvas", annotationsVisible="1")
    _text(canvas, "units", "meters")
    extent = ET.SubElement(canvas, "extent")
    for tag, value in bounds.items():
        _text(extent, tag, value)
    _text(canvas, "rotation", 0)
    ET.SubElement(canvas, "destinationsrs").append(spatialrefsys(PROJECT_CRS))
    view = ET.SubElement(root, "ProjectViewSettings", UseProjectScales="0")
    ET.SubElement(view, "DefaultViewExtent", bounds).append(spatialrefsys(PROJECT_CRS))

    properties = ET.SubElement(root, "properties")
    # Without it QGIS ignores <projectCrs> and the project has no CRS.
    _text(ET.SubElement(properties, "SpatialRefSys"), "ProjectionsEnabled", 1, type="int")
    # Keep ./mines.gpkg relative when the user saves the project again.
    _text(ET.SubElement(properties, "Paths"), "Absolute", "false", type="bool")
    ET.indent(root, space=" ")
    return f"{DOCTYPE}\n{ET.tostring(root, encoding='unicode')}\n"


def write_qgis_project(gpkg: Path, path: Path) -> None:
    """Write the QGIS project ``path`` (``.qgz``) over the GeoPackage ``gpkg``.

    >>> import tempfile, zipfile
    >>> from geo.gpkg import write_geopackage
    >>> from geo.build import BuildResult
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_geopackage(BuildResult([], [], []), folder / "mines.gpkg")
    >>> write_qgis_project(folder / "mines.gpkg", folder / "mines.qgz")
    >>> zipfile.ZipFile(folder / "mines.qgz").namelist()
    ['mines.qgs']
    """
    document = project_xml(gpkg, path)
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as qgz:
        # a fixed time stamp in the archive: the same build writes the same bytes
        entry = zipfile.ZipInfo(f"{path.stem}.qgs", date_time=(1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        qgz.writestr(entry, document)
