/* The events in date order; clicking one opens its popup on the map, or its details in
 * the list when the source names no place. Long lists grow as they are scrolled. */
(function () {
  "use strict";
  const geoMap = window.geoMap;
  const { element, number } = geoMap;
  const BATCH = 100;

  function toggleDetails(li, ev) {
    const open = li.querySelector(".geo-details");
    if (open) open.remove();
    else li.querySelector(".geo-item-body").append(geoMap.eventDetails(ev));
  }

  function item(ev) {
    const li = element("li", "geo-item");
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    li.dataset.eventId = ev.props.event_id || "";
    const body = element("div", "geo-item-body");
    body.append(element("div", "geo-item-date", geoMap.period(ev.props)),
                element("div", "geo-item-summary", ev.props.summary || ""));
    if (!ev.markers.length) {
      body.append(element("div", "geo-note", "No place stated, so not on the map. " +
                          "Click for the details."));
    }
    li.append(geoMap.swatch(ev.type), body);
    const activate = (e) => {
      if (e.target.closest("a") || e.target.closest(".geo-details")) return;
      for (const other of li.parentNode.querySelectorAll(".geo-selected")) {
        other.classList.remove("geo-selected");
      }
      li.classList.add("geo-selected");
      if (!geoMap.show(ev)) toggleDetails(li, ev);
    };
    li.addEventListener("click", activate);
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        activate(e);
      }
    });
    return li;
  }

  geoMap.eventList = function () {
    const section = geoMap.panelSection("Events", "geo-events");
    const count = element("span", "geo-count");
    section.firstChild.append(" ", count);
    const list = element("ol", "geo-list");
    const more = element("li", "geo-more", "More events…");
    section.append(element("p", "geo-hint", "In date order. Click one to show it on the map."),
                   list);
    let events = [];
    let shown = 0;

    function grow() {
      const end = Math.min(events.length, shown + BATCH);
      const items = events.slice(shown, end).map(item);
      more.remove();
      list.append(...items);
      shown = end;
      if (shown < events.length) list.append(more);
    }
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && grow(),
                             { root: geoMap.panel, rootMargin: "400px" }).observe(more);

    geoMap.on("loading", () => {
      events = geoMap.visibleEvents();
      shown = 0;
      list.replaceChildren();
      count.textContent = `(${number(events.length)})`;
      grow();
      if (!events.length) list.append(element("li", "geo-hint", "No event matches."));
    });
  };
})();
