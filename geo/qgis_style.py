"""QGIS styles (QML) for the GeoPackage layers, written without QGIS.

Users open ``mines.gpkg`` in QGIS, but neither ``geo`` nor the machine that runs it has
QGIS, so the QML is generated here, shaped like what QGIS 3.22 itself writes: each
symbol layer carries its properties twice, as ``<Option>`` (read by QGIS ≥ 3.18) and as
``<prop>`` (read by older versions). Colours, sizes and labels come from
``data/rules/qgis.yaml``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from typing import Any

from geo.rules import load_yaml

#: The layers that get a style; ``documents`` is a table without geometry.
STYLED_LAYERS = ("events", "places", "mentions")
#: The QGIS version the QML is written for; QGIS upgrades older documents when reading.
QGIS_VERSION = "3.22.0-Białowieża"
DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"

_OUTLINE = "255,255,255,255"  # a white ring keeps touching markers apart
_FILL_ALPHA = 230             # slightly see-through, so markers on one place all show


@cache
def style_rules() -> dict[str, Any]:
    return load_yaml("qgis.yaml")


def rgba(colour: str, alpha: int = 255) -> str:
    """A ``#RRGGBB`` colour as QGIS writes it.

    >>> rgba("#D55E00")
    '213,94,0,255'
    """
    value = colour.lstrip("#")
    return ",".join(str(int(value[i:i + 2], 16)) for i in (0, 2, 4)) + f",{alpha}"


def _options(parent: ET.Element, values: dict[str, str]) -> None:
    """Symbol layer properties, in both the new and the old form."""
    options = ET.SubElement(parent, "Option", type="Map")
    for key, value in values.items():
        ET.SubElement(options, "Option", type="QString", name=key, value=value)
    for key, value in values.items():
        ET.SubElement(parent, "prop", k=key, v=value)


def _data_defined(parent: ET.Element, expressions: dict[str, str],
                  tag: str = "data_defined_properties") -> None:
    """Data-defined properties (symbols' ``<data_defined_properties>``, labels'
    ``<dd_properties>``): property name -> QGIS expression."""
    collection = ET.SubElement(ET.SubElement(parent, tag), "Option", type="Map")
    ET.SubElement(collection, "Option", type="QString", name="name", value="")
    properties = ET.SubElement(collection, "Option", name="properties")
    if expressions:
        properties.set("type", "Map")
    for name, expression in expressions.items():
        prop = ET.SubElement(properties, "Option", type="Map", name=name)
        ET.SubElement(prop, "Option", type="bool", name="active", value="true")
        ET.SubElement(prop, "Option", type="QString", name="expression", value=expression)
        ET.SubElement(prop, "Option", type="int", name="type", value="3")  # expression
    ET.SubElement(collection, "Option", type="QString", name="type", value="collection")


def marker(name: str, look: dict[str, Any], size: str) -> ET.Element:
    """A marker in the ``look`` of the rules (``colour``, optional ``shape``, ``angle``,
    ``ring`` for an outline only); ``size`` is millimetres or a QGIS expression."""
    fixed = size.replace(".", "", 1).isdigit()
    colour = look["colour"]
    symbol = ET.Element("symbol", type="marker", name=name, alpha="1", clip_to_extent="1",
                        force_rhr="0")
    _data_defined(symbol, {})
    layer = ET.SubElement(symbol, "layer", {"class": "SimpleMarker", "enabled": "1",
                                            "pass": "0", "locked": "0"})
    _options(layer, {
        "angle": str(look.get("angle", 0)), "name": look.get("shape", "circle"),
        "horizontal_anchor_point": "1", "vertical_anchor_point": "1", "joinstyle": "bevel",
        "offset": "0,0", "offset_unit": "MM", "outline_style": "solid",
        "outline_width_unit": "MM", "scale_method": "diameter",
        "size": size if fixed else "4", "size_unit": "MM",
        **({"color": rgba(colour, 0), "outline_color": rgba(colour), "outline_width": "0.6"}
           if look.get("ring") else
           {"color": rgba(colour, _FILL_ALPHA), "outline_color": _OUTLINE,
            "outline_width": "0.3"}),
    })
    _data_defined(layer, {} if fixed else {"size": _one_line(size)})
    return symbol


def _one_line(expression: str) -> str:
    return " ".join(expression.split())


def event_size(kinds: dict[str, dict[str, str]], size: str) -> str:
    """The marker size of an event as one expression: a type's own size, else ``size``.

    >>> print(event_size({"a": {}, "other": {"size": "2"}}, '"mines"'))
    CASE WHEN "event_type" = 'other' THEN 2 ELSE "mines" END
    """
    own = [f"WHEN \"event_type\" = '{value}' THEN {kind['size']}"
           for value, kind in kinds.items() if "size" in kind]
    return f"CASE {' '.join(own)} ELSE {_one_line(size)} END" if own else _one_line(size)


def size_expression(layer: str) -> str:
    """The marker size of a layer's features, as one QGIS expression."""
    rules = style_rules()
    size = rules["layers"][layer]["size"]
    return event_size(rules["event_types"], size) if layer == "events" else _one_line(size)


def renderer(layer: str) -> ET.Element:
    """The ``<renderer-v2>`` of a layer: events categorised by type, the others single."""
    rules = style_rules()
    look = rules["layers"][layer]
    if layer != "events":
        single = ET.Element("renderer-v2", type="singleSymbol", symbollevels="0",
                            forceraster="0", enableorderby="0", referencescale="-1")
        ET.SubElement(single, "symbols").append(marker("0", look, look["size"]))
        return single
    categorised = ET.Element("renderer-v2", type="categorizedSymbol", attr="event_type",
                             symbollevels="0", forceraster="0", enableorderby="1",
                             referencescale="-1")
    categories = ET.SubElement(categorised, "categories")
    symbols = ET.SubElement(categorised, "symbols")
    for i, (value, kind) in enumerate(rules["event_types"].items()):
        ET.SubElement(categories, "category", value=value, symbol=str(i),
                      label=kind["label"], render="true")
        symbols.append(marker(str(i), kind, kind.get("size", look["size"])))
    # Big markers first, so a smaller one on the same place stays visible on top.
    order = ET.SubElement(categorised, "orderby")
    ET.SubElement(order, "orderByClause", asc="0", nullsFirst="0").text = \
        size_expression(layer)
    return categorised


def labeling(layer: str) -> ET.Element | None:
    """``<labeling>`` for a layer with a ``label`` (a field or an expression) in the
    rules, else None."""
    label = style_rules()["layers"][layer].get("label")
    if not label:
        return None
    labels = ET.Element("labeling", type="simple")
    settings = ET.SubElement(labels, "settings", calloutType="simple")
    text = ET.SubElement(settings, "text-style", fieldName=label,
                         isExpression=str(int(not label.isidentifier())),
                         fontSize="8", fontSizeUnit="Point", textColor="40,40,40,255",
                         textOpacity="1", multilineHeight="1")
    ET.SubElement(text, "text-buffer", bufferDraw="1", bufferSize="0.8",
                  bufferSizeUnits="MM", bufferColor="255,255,255,255", bufferOpacity="0.85",
                  bufferJoinStyle="128", bufferNoFill="1")
    # Cartographic placement: the first free spot around the marker. The distance is
    # from the point and clears a square's corner (0.71 of its size) on the diagonal:
    # QGIS's own "from symbol bounds" measures from all parts of a multi-point event.
    ET.SubElement(settings, "placement", placement="6", offsetType="0", dist="1",
                  distUnits="MM",
                  predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR", priority="5")
    ET.SubElement(settings, "rendering", obstacle="1", obstacleType="1", displayAll="0",
                  labelPerPart="0", drawLabels="1", scaleVisibility="0",
                  upsidedownLabels="0", limitNumLabels="0", maxNumLabels="2000")
    _data_defined(settings, {"LabelDistance": f"({size_expression(layer)}) * 0.75 + 0.5"},
                  tag="dd_properties")
    return labels


def style_elements(layer: str) -> list[ET.Element]:
    """What a style adds inside a ``<maplayer>`` or a QML document's root."""
    elements = [renderer(layer)]
    labels = labeling(layer)
    if labels is not None:
        elements.append(labels)
    geometry_type = ET.Element("layerGeometryType")
    geometry_type.text = "0"  # points
    return [*elements, geometry_type]


def labels_enabled(layer: str) -> bool:
    return labeling(layer) is not None


def qml(layer: str) -> str:
    """The QML document of a layer's style.

    >>> document = qml("events")
    >>> document.startswith("<!DOCTYPE qgis") and 'type="categorizedSymbol"' in document
    True
    """
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="AllStyleCategories",
                      labelsEnabled=str(int(labels_enabled(layer))))
    root.extend(style_elements(layer))
    ET.indent(root, space=" ")
    return f"{DOCTYPE}\n{ET.tostring(root, encoding='unicode')}\n"
