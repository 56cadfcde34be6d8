/* Find a referenced place by name: a search box on the map with the places' names as
 * suggestions; the place found is centred with its popup open. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element } = geoMap;

  function find(text) {
    const q = text.trim().toLowerCase();
    const markers = geoMap.places.getLayers();
    const by = (test) => markers.find((m) => test(m.geoPlace));
    return q && (by((p) => p.label.toLowerCase() === q) || by((p) => p.name.toLowerCase() === q)
                 || by((p) => p.label.toLowerCase().includes(q)));
  }

  const PlaceSearch = L.Control.extend({
    onAdd() {
      const box = L.DomUtil.create("div", "leaflet-bar geo-search");
      const input = element("input");
      input.type = "search";
      input.placeholder = "Find a place…";
      input.setAttribute("aria-label", "Find a referenced place");
      const names = element("datalist");
      names.id = `${L.stamp(this)}-geo-place-names`;
      input.setAttribute("list", names.id);
      for (const m of geoMap.places.getLayers()) {
        const option = element("option");
        option.value = m.geoPlace.label;
        names.append(option);
      }
      const note = element("div", "geo-search-note");
      note.setAttribute("role", "status");
      box.append(input, names, note);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      const go = () => {
        const marker = find(input.value);
        note.textContent = marker || !input.value.trim() ? ""
          : `No referenced place matches “${input.value.trim()}”.`;
        if (marker) geoMap.showPlace(marker);
      };
      input.addEventListener("change", go);
      input.addEventListener("keydown", (e) => e.key === "Enter" && go());
      return box;
    },
  });

  geoMap.placeSearch = (map, options) => new PlaceSearch(options).addTo(map);
})();
