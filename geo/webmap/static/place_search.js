/* Find a referenced place by name: a search box in the side panel with the places'
 * names as suggestions; the place found is centred on the map with its popup open. */
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

  geoMap.placeSearch = function () {
    const section = geoMap.panelSection("Find a place", "geo-search");
    const input = element("input");
    input.type = "search";
    input.placeholder = "A place the documents name…";
    input.setAttribute("aria-label", "Find a place the documents name");
    const names = element("datalist");
    names.id = "geo-place-names";
    input.setAttribute("list", names.id);
    for (const m of geoMap.places.getLayers()) {
      const option = element("option");
      option.value = m.geoPlace.label;
      names.append(option);
    }
    const note = element("p", "geo-search-note");
    note.setAttribute("role", "status");
    section.append(input, names, note);
    const go = () => {
      const marker = find(input.value);
      note.textContent = marker || !input.value.trim() ? ""
        : `No referenced place matches “${input.value.trim()}”.`;
      if (marker) geoMap.showPlace(marker);
    };
    // A name picked from the suggestions is complete: go at once; else on Enter.
    input.addEventListener("input", () => names.querySelector(
      `option[value="${CSS.escape(input.value)}"]`) && go());
    input.addEventListener("keydown", (e) => e.key === "Enter" && go());
  };
})();
