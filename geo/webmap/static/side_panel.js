/* The panel beside the map: the title, what the page holds, and room for the sections
 * (dates, legend, event list) the other controls add. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element, number } = geoMap;

  geoMap.sidePanel = function () {
    const config = geoMap.config;
    const s = config.summary;
    const panel = element("aside", "geo-panel");
    panel.setAttribute("aria-label", "About this map");
    panel.append(element("h1", null, config.title),
                 element("p", "geo-lede", "What news reports say about landmines, who says " +
                         "it, and where. Every event links to the sentence it was read from " +
                         "and to its documents."));
    const stats = element("dl", "geo-stats");
    const add = (term, value) => stats.append(element("dt", null, term),
                                              element("dd", null, value));
    const day = (iso) => geoMap.formatDate(iso, "day");
    add("Dates", s.first ? `${day(s.first)} – ${day(s.last)}` : "none stated");
    const placed = geoMap.events.filter((ev) => ev.markers.length).length;
    add("Events", `${number(geoMap.events.length)} (${number(placed)} with a place on the map)`);
    add("Documents", number(s.documents) + (s.skipped ? ` (${number(s.skipped)} skipped)` : ""));
    add("Place names", `${number(s.mentions)} mentions, ${number(s.unresolved)} unresolved`);
    const status = element("p", "geo-status");
    status.setAttribute("role", "status");
    geoMap.on("progress", (e) => {
      status.textContent = e.done < e.total
        ? `Drawing ${number(e.total)} markers… ${Math.round((100 * e.done) / e.total)}%` : "";
    });
    panel.append(stats, status);
    document.body.insertBefore(panel, document.body.firstChild);
    geoMap.panel = panel;
  };

  /** A new section at the end of the panel. */
  geoMap.panelSection = function (heading, className) {
    const section = element("section", `geo-section ${className || ""}`);
    section.append(element("h2", null, heading));
    geoMap.panel.append(section);
    return section;
  };
})();
