/* A table of the user's, joined to the gazetteer: one circle per resolved row, sized by
   a numeric column when one is chosen (square root, so areas follow the numbers). Rows
   placed only at a district are drawn hollow and dashed. Every text goes in as text. */
(function () {
  "use strict";

  const APPROXIMATE = new Set(["district", "region", "country"]);

  function details(name, props) {
    const box = document.createElement("div");
    box.className = "geo-details";
    const head = document.createElement("p");
    head.className = "geo-details-summary";
    head.textContent = `Table: ${name}`;
    const list = document.createElement("dl");
    list.className = "geo-details-list";
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === "") continue;
      const term = document.createElement("dt");
      term.textContent = key;
      const text = document.createElement("dd");
      text.textContent = String(value);
      list.append(term, text);
    }
    box.append(head, list);
    return box;
  }

  geoMap.tableLayer = function (data) {
    const size = (p) => Number(p[data.size_by]);
    const largest = data.size_by ? Math.max(0, ...data.features
      .map((f) => size(f.properties)).filter((v) => Number.isFinite(v))) : 0;
    const radius = (p) => (largest > 0 && size(p) > 0 ? 4 + 14 * Math.sqrt(size(p) / largest)
                                                         : 6);
    return L.featureGroup(data.features.filter((f) => f.geometry).map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const approximate = APPROXIMATE.has(f.properties.geo_precision);
      const marker = L.circleMarker([lat, lon], {
        radius: radius(f.properties), color: data.colour, weight: 2,
        fillColor: data.colour, fillOpacity: approximate ? 0.1 : 0.55,
        dashArray: approximate ? "4 3" : null,
      });
      marker.bindTooltip(String(f.properties.place_name || f.properties.place || ""));
      marker.bindPopup(() => details(data.name, f.properties), { maxWidth: 360 });
      return marker;
    }));
  };
})();
