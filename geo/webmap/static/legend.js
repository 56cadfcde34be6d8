/* The legend: colour and shape per type with how many events show and a switch for
 * each layer, what size means, solid against hollow (exact against approximate
 * places), and clusters. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element, number } = geoMap;

  /** A row per layer: a checkbox that switches it (in step with the layer control),
   *  its swatch and name, and a cell for its count. */
  function layerRow(layer, kind, name) {
    const tr = element("tr");
    const label = element("label", "geo-toggle");
    const box = element("input");
    box.type = "checkbox";
    box.checked = geoMap.map.hasLayer(layer);
    box.addEventListener("change", () =>
      (box.checked ? geoMap.map.addLayer(layer) : geoMap.map.removeLayer(layer)));
    layer.on("add remove", () => (box.checked = geoMap.map.hasLayer(layer)));
    label.append(box, geoMap.swatch(kind), name);
    const cell = element("td", null);
    cell.append(label);
    const count = element("td", "geo-count");
    tr.append(cell, count);
    return [tr, count];
  }

  function typeTable(style) {
    const table = element("table", "geo-legend-types");
    const cells = {};
    for (const layer of geoMap.layers) {
      const [tr, count] = layerRow(layer, layer.type, style.types[layer.type].plural);
      cells[layer.type] = count;
      table.append(tr);
    }
    const [tr, count] = layerRow(geoMap.places, "place", style.place.plural);
    count.textContent = number(geoMap.places.getLayers().length);
    table.append(tr);
    return [table, cells];
  }

  function sizeScale(type, scale, style) {
    const box = element("div", "geo-legend-row");
    box.append(element("span", "geo-legend-caption",
                       `${style.types[type].plural}: size shows ${scale.label}`));
    const samples = element("span", "geo-samples");
    for (const value of scale.samples) {
      const r = geoMap.radius(type, value);
      const item = element("span", "geo-sample");
      item.append(geoMap.shapeImage(style.types[type].shape, r,
                                    geoMap.paint(style.types[type].colour, false),
                                    `${number(value)} ${scale.label}`),
                  element("span", null, number(value)));
      samples.append(item);
    }
    box.append(samples);
    return box;
  }

  function precisionRow(approximate, text) {
    const box = element("div", "geo-legend-row geo-sample");
    box.append(geoMap.shapeImage("circle", 7, geoMap.paint("#666666", approximate), ""),
               element("span", null, text));
    return box;
  }

  geoMap.legend = function () {
    const style = geoMap.config.style;
    const section = geoMap.panelSection("Legend", "geo-legend");
    const [table, cells] = typeTable(style);
    section.append(table);
    for (const [type, scale] of Object.entries(style.sizes)) {
      section.append(sizeScale(type, scale, style));
    }
    section.append(
      precisionRow(false, "Solid: placed at the town, village or point the source names"),
      precisionRow(true, "Hollow, dashed: approximate, placed at the seat of the district, " +
                   "region or country the source names"),
      element("p", "geo-hint", "Rings with a number: events close together, coloured by " +
              "type. Click one to zoom in; at one place it spreads the events out."));

    geoMap.on("loading", () => {
      const on = new Set(geoMap.layers.filter((l) => geoMap.map.hasLayer(l)).map((l) => l.type));
      const shown = {}, total = {};
      for (const ev of geoMap.events) {
        total[ev.type] = (total[ev.type] || 0) + 1;
        if (on.has(ev.type) && geoMap.inRange(ev)) shown[ev.type] = (shown[ev.type] || 0) + 1;
      }
      for (const [type, cell] of Object.entries(cells)) {
        cell.textContent = !on.has(type) ? `hidden (${number(total[type] || 0)})`
          : shown[type] === total[type] || !total[type] ? number(total[type] || 0)
          : `${number(shown[type] || 0)} of ${number(total[type])}`;
      }
    });
  };
})();
