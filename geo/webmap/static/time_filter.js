/* The date range: two date inputs; the map and the list keep the events whose period
 * overlaps the range. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element } = geoMap;

  function dateInput(label, value, first, last) {
    const wrap = element("label", "geo-date", label);
    const input = element("input");
    input.type = "date";
    input.value = value || "";
    if (first) input.min = first;
    if (last) input.max = last;
    wrap.append(input);
    return [wrap, input];
  }

  geoMap.timeFilter = function () {
    const { first, last } = geoMap.config.summary;
    const section = geoMap.panelSection("Dates", "geo-time");
    const [fromLabel, from] = dateInput("From", first, first, last);
    const [toLabel, to] = dateInput("to", last, first, last);
    from.classList.add("geo-from");
    to.classList.add("geo-to");
    const reset = element("button", "geo-reset", "All dates");
    reset.type = "button";
    const note = element("p", "geo-hint",
                         "Shows the events whose date or period overlaps this range.");
    note.setAttribute("role", "status");
    const row = element("div", "geo-range");
    row.append(fromLabel, toLabel, reset);
    section.append(row, note);

    function apply() {
      // The full range is no range: undated events stay listed.
      const f = from.value && from.value !== first ? from.value : null;
      const t = to.value && to.value !== last ? to.value : null;
      note.textContent = f && t && f > t
        ? "The start date is after the end date: no event can match."
        : "Shows the events whose date or period overlaps this range.";
      geoMap.setRange(f, t);
    }
    from.addEventListener("change", apply);
    to.addEventListener("change", apply);
    reset.addEventListener("click", () => {
      from.value = first || "";
      to.value = last || "";
      apply();
    });
  };
})();
