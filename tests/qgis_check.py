"""Open the QGIS project and the GeoPackage with QGIS itself and render the map.

Run by ``tests/test_gis.py`` with the interpreter QGIS is installed for
(``/usr/bin/python3``, not the project's venv)::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_check.py mines.qgz mines.gpkg out.png

Prints what QGIS found as one JSON object.
"""

import json
import sys
from collections import Counter

from qgis.core import (
    QgsApplication,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def describe(layer):
    """A layer's validity, and for a vector layer its renderer and categories."""
    found = {"valid": layer.isValid(), "source": layer.source(), "provider":
             layer.providerType()}
    if isinstance(layer, QgsVectorLayer):
        renderer = layer.renderer()
        categories = renderer.categories() if hasattr(renderer, "categories") else []
        found.update(
            features=layer.featureCount(),
            renderer=type(renderer).__name__ if renderer else None,
            attribute=renderer.classAttribute() if categories else None,
            # a category's symbol must be read while the list is alive (PyQGIS ownership)
            colours={c.value(): c.symbol().color().name() for c in categories},
            alpha={c.value(): c.symbol().color().alpha() for c in categories},
            labels=layer.labelsEnabled())
    return found


def colour_pixels(image, colours, background):
    """How many pixels of ``image`` show each of ``colours`` (QColor, with alpha) as
    drawn over ``background``, give or take a little antialiasing."""
    image = image.convertToFormat(image.Format_ARGB32)
    data = image.constBits().asstring(image.sizeInBytes())
    # ARGB32 lies in memory as B, G, R, A
    seen = Counter(zip(data[2::4], data[1::4], data[0::4], strict=True))
    found = {}
    for name, colour in colours.items():
        a = colour.alphaF()
        want = [a * c + (1 - a) * b for c, b in zip(colour.getRgb()[:3],
                                                     background.getRgb()[:3], strict=True)]
        found[name] = sum(n for rgb, n in seen.items()
                          if max(abs(x - y) for x, y in zip(rgb, want, strict=True)) <= 12)
    return found


def main(project_path, gpkg, png):
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    report = {"read": project.read(project_path), "crs": project.crs().authid()}
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    report["layers"] = {name: describe(layer) for name, layer in layers.items()}
    report["order"] = [layer.name() for layer in project.layerTreeRoot().layerOrder()]
    # The GeoPackage alone, as a user drags it into QGIS: the default style must apply.
    report["direct"] = {name: describe(QgsVectorLayer(f"{gpkg}|layername={name}", name,
                                                      "ogr"))
                        for name in ("events", "places", "mentions")}

    view = project.viewSettings().defaultViewExtent()
    report["extent"] = [view.xMinimum(), view.yMinimum(), view.xMaximum(), view.yMaximum()]
    settings = QgsMapSettings()
    # No basemap: tiles need the network, which tests do not have.
    settings.setLayers([layers[name] for name in report["order"]
                        if name in ("events", "mentions", "places")])
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(1200, 900))
    settings.setExtent(view)
    background = QColor("#f2efe9")  # OpenStreetMap's land colour
    settings.setBackgroundColor(background)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    report["rendered"] = image.save(png, "png")
    events = report["layers"]["events"]
    colours = {}
    for name, colour in events["colours"].items():
        colours[name] = QColor(colour)
        colours[name].setAlpha(events["alpha"][name])
    report["pixels"] = colour_pixels(image, colours, background)
    print(json.dumps(report))
    app.exitQgis()


if __name__ == "__main__":
    main(*sys.argv[1:4])
