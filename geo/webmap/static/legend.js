/* The legend: colour and shape per type with how many events show, what size means,
 * solid against hollow (exact against approximate places), and clusters. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element, number } = geoMap;

  function typeTable(style) {
    const table = element("table", "geo-legend-types");
    const cells = {};
    for (const [type, s] of Object.entries(style.types)) {
      const tr = element("tr");
      const swatch = element("td");
      swatch.append(geoMap.swatch(type));
      cells[type] = element("td", "geo-count");
      tr.append(swatch, element("td", null, s.plural), cells[type]);
      table.append(tr);
    }
    const tr = element("tr");
    const swatch = element("td");
    swatch.append(geoMap.swatch("place"));
    tr.append(swatch, element("td", null, style.place.plural),
              element("td", "geo-count", number(geoMap.places.getLayers().length)));
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
      item.append(geoMap.shapeImage(style.types[type].shape, r, geoMap.paint(type, false),
                                    `${number(value)} ${scale.label}`),
                  element("span", null, number(value)));
      samples.append(item);
    }
    box.append(samples);
    return box;
  }

  function precisionRow(approximate, text) {
    const paint = approximate
      ? { fill: "#666666", fillOpacity: 0.18, stroke: "#666666", weight: 2, dash: "4 3" }
      : { fill: "#666666", fillOpacity: 0.9, stroke: "#ffffff", weight: 1.5, dash: null };
    const box = element("div", "geo-legend-row geo-sample");
    box.append(geoMap.shapeImage("circle", 7, paint, ""), element("span", null, text));
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
