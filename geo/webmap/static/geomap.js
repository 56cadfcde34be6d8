/* Core of the landmine map: marker shapes, popups and tooltips, and the event layers,
 * their one marker cluster and the date range they share.
 *
 * Data comes from JSON blocks in the page. Text from the data reaches the page only
 * through textContent and element properties, never through innerHTML. Markup built
 * here as strings (shapes, cluster rings) holds nothing but numbers and the style's
 * own colours.
 *
 * window.__geoMapReady turns true once the markers are drawn and the panel is filled,
 * and false while a change redraws them: tests and bench/bench_map.py wait for it. */
(function () {
  "use strict";

  const geoMap = (window.geoMap = new (L.Evented.extend({}))());
  window.__geoMapReady = false;

  /* ---------- shapes: one geometry for the canvas, the legend and the swatches ------ */

  // Each shape covers about the area of a circle of radius r, so sizes compare fairly.
  const SHAPES = {
    square: [[-0.886, -0.886], [0.886, -0.886], [0.886, 0.886], [-0.886, 0.886]],
    diamond: [[0, -1.253], [1.253, 0], [0, 1.253], [-1.253, 0]],
    triangle: [[0, -1.555], [1.347, 0.778], [-1.347, 0.778]],
    triangle_down: [[0, 1.555], [1.347, -0.778], [-1.347, -0.778]],
  };
  const EXTENT = 1.6; // farthest reach of any shape from its centre, in radii
  // Half the side of the square a shape fits in, in radii.
  const halfSide = (shape) =>
    (SHAPES[shape] ? Math.max(...SHAPES[shape].flat().map(Math.abs)) : 1);

  function shapePoints(shape, x, y, r) {
    const unit = SHAPES[shape];
    return unit ? unit.map(([dx, dy]) => [x + dx * r, y + dy * r]) : null;
  }

  /** A circle marker drawn as another shape on the canvas; hit-testing stays a circle. */
  const ShapeMarker = L.CircleMarker.extend({
    _updateBounds() {
      const r = this._radius * EXTENT + this._clickTolerance();
      this._pxBounds = new L.Bounds(this._point.subtract([r, r]), this._point.add([r, r]));
    },
    _updatePath() {
      const renderer = this._renderer;
      const points = shapePoints(this.options.shape, this._point.x, this._point.y,
                                 this._radius);
      if (!points || !(renderer instanceof L.Canvas)) {
        L.CircleMarker.prototype._updatePath.call(this);
        return;
      }
      if (!renderer._drawing || this._empty()) return;
      const ctx = renderer._ctx;
      ctx.beginPath();
      points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.closePath();
      renderer._fillStroke(ctx, this);
    },
  });

  /** SVG markup of one shape centred in a square of side `size`. */
  function shapeSvg(shape, r, paint, size) {
    const c = size / 2;
    const points = shapePoints(shape, c, c, r);
    const style = `fill="${paint.fill}" fill-opacity="${paint.fillOpacity}" ` +
      `stroke="${paint.stroke}" stroke-width="${paint.weight}"` +
      (paint.dash ? ` stroke-dasharray="${paint.dash}"` : "");
    const body = points
      ? `<polygon points="${points.map((p) => p.join(",")).join(" ")}" ${style}/>`
      : `<circle cx="${c}" cy="${c}" r="${r}" ${style}/>`;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" ` +
      `viewBox="0 0 ${size} ${size}">${body}</svg>`;
  }
  const svgUri = (svg) => "data:image/svg+xml," + encodeURIComponent(svg);

  /** An <img> of a shape, for legends; `label` is its text alternative. */
  geoMap.shapeImage = function (shape, r, paint, label) {
    const size = Math.ceil(2 * r * halfSide(shape) + 2 * paint.weight + 2);
    const img = new Image(size, size);
    img.src = svgUri(shapeSvg(shape, r, paint, size));
    img.alt = label || "";
    img.className = "geo-shape";
    return img;
  };

  /* ---------- the style ---------------------------------------------------------- */

  let STYLE = null;
  const isApproximate = (props) => Boolean(STYLE.approximate[props.geo_precision]);

  /** Radius of an event: a sqrt scale of its number when its type has one. */
  geoMap.radius = function (type, value) {
    const scale = STYLE.sizes[type];
    if (!scale || value == null) return STYLE.radius;
    const r = scale.largest * Math.sqrt(Math.max(value, 0) / scale.full);
    return Math.min(scale.largest, Math.max(STYLE.radius_min, r));
  };

  /** Paint of a marker: solid, or hollow and dashed when its place is approximate. */
  geoMap.paint = function (colour, approximate) {
    return approximate
      ? { fill: colour, fillOpacity: 0.18, stroke: colour, weight: 2, dash: "4 3" }
      : { fill: colour, fillOpacity: 0.9, stroke: "#ffffff", weight: 1.5, dash: null };
  };

  function markerOptions(shape, radius, paint) {
    return {
      shape, radius, fillColor: paint.fill, fillOpacity: paint.fillOpacity,
      color: paint.stroke, weight: paint.weight, dashArray: paint.dash, opacity: 1,
    };
  }

  /** CSS classes geo-swatch-TYPE and geo-swatch-place: a small image of the shape. */
  function addSwatchStyles() {
    const rule = (kind, s, r) => `.geo-swatch-${kind}{background-image:url("${svgUri(
      shapeSvg(s.shape, r, geoMap.paint(s.colour, false), 18))}")}`;
    const rules = Object.entries(STYLE.types).map(([type, s]) => rule(type, s, 5));
    rules.push(rule("place", STYLE.place, 4));
    const sheet = document.createElement("style");
    sheet.textContent = rules.join("\n");
    document.head.appendChild(sheet);
  }

  geoMap.swatch = function (kind) {
    const span = document.createElement("span");
    span.className = `geo-swatch geo-swatch-${kind}`;
    span.setAttribute("aria-hidden", "true");
    return span;
  };

  /* ---------- text ------------------------------------------------------------- */

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec"];

  /** An ISO date as "4 Jun 2021", "Jun 2021" or "2021" by precision. */
  geoMap.formatDate = function (iso, precision) {
    if (!iso) return "";
    const [y, m, d] = iso.split("-");
    if (precision === "year") return y;
    if (precision === "month") return `${MONTHS[Number(m) - 1]} ${y}`;
    return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  };

  /** "4 Jun 2021", or "Nov 2020 – Dec 2021" for a period; "date not stated". */
  geoMap.period = function (props) {
    const start = geoMap.formatDate(props.date_start, props.time_precision);
    const end = geoMap.formatDate(props.date_end, props.time_precision);
    if (!start) return "date not stated";
    return end && end !== start ? `${start} – ${end}` : start;
  };

  const number = (n) => Number(n).toLocaleString("en-US");
  geoMap.number = number;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  geoMap.element = element;

  const NUMBER_LABELS = {
    killed: "killed", injured: "injured", casualties: "killed or injured",
    mines: "mines", uxo: "unexploded ordnance (UXO)", prisoners: "people exchanged",
    hectares: "ha cleared",
  };
  const MINES_LABEL = { map_handover: "mines on the maps", clearance_report: "mines cleared" };

  /** "3 killed", "about 92,000 mines on the maps" ... as the source words them. */
  function figures(type, p) {
    const hedges = p.qualifiers || {};
    const out = [];
    for (const [field, label] of Object.entries(NUMBER_LABELS)) {
      if (p[field] == null) continue;
      if (field === "casualties" && p.casualties === (p.killed || 0) + (p.injured || 0)) {
        continue; // the same number again
      }
      const hedge = hedges[field] ? hedges[field] + " " : "";
      const name = field === "mines" ? MINES_LABEL[type] || label : label;
      out.push(`${hedge}${number(p[field])} ${name}`);
    }
    return out;
  }

  const words = (key) => String(key).replace(/_/g, " ");

  function placeText(p) {
    if (!p.place_names) return "not stated (the event is not on the map)";
    const precision = STYLE.precision[p.geo_precision];
    const where = [p.district && p.district !== p.place_names ? `${p.district} district` : "",
                   p.country].filter(Boolean).join(", ");
    return `${p.place_names}${precision ? ` (${precision})` : ""}${where ? `, ${where}` : ""}`;
  }

  function row(list, term, value, note) {
    if (!value) return;
    list.append(element("dt", null, term));
    const dd = element("dd", null, value);
    if (note) dd.append(element("div", "geo-note", note));
    list.append(dd);
  }

  function documentLinks(ids) {
    const box = element("div", "geo-sources", ids.length > 1 ? "Reported in: " : "Source: ");
    ids.forEach((id, i) => {
      const doc = geoMap.documents[id] || {};
      const link = element("a", null, id);
      if (/^(https?:\/\/|\.\.?\/|file:)/i.test(doc.href || "")) link.href = doc.href;
      if (doc.title) link.title = doc.title;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      if (i) box.append(", ");
      box.append(link);
      if (doc.published) box.append(` (${geoMap.formatDate(doc.published, "day")})`);
    });
    return box;
  }

  /** What the map knows about an event, worded as what a source says. */
  geoMap.eventDetails = function (ev) {
    const p = ev.props;
    const style = STYLE.types[ev.type];
    const box = element("div", "geo-details");
    const head = element("div", "geo-details-type");
    head.append(geoMap.swatch(ev.type),
                element("span", null, style.label +
                        (p.event_subtype ? ` · ${words(p.event_subtype)}` : "")));
    box.append(head, element("p", "geo-details-summary", p.summary || ""));
    const list = element("dl", "geo-details-list");
    const isPeriod = p.date_end && p.date_end !== p.date_start;
    row(list, isPeriod ? "Period" : "Date", geoMap.period(p));
    row(list, "Place", placeText(p), STYLE.approximate[p.geo_precision]);
    row(list, "Reported", figures(ev.type, p).join(" · "));
    if (p.details) {
      row(list, "Details", Object.entries(p.details)
        .map(([k, v]) => `${words(k)}: ${typeof v === "number" ? number(v) : v}`).join("; "));
    }
    row(list, "According to", p.attributed_to || "the article (no source named)");
    box.append(list);
    if (p.quote) box.append(element("blockquote", "geo-quote", p.quote));
    box.append(documentLinks(p.doc_ids || []));
    if (p.confidence != null) {
      box.append(element("div", "geo-confidence",
                         `Extraction confidence: ${Math.round(p.confidence * 100)}%`));
    }
    return box;
  };

  function placeDetails(p) {
    const box = element("div", "geo-details");
    const head = element("div", "geo-details-type");
    head.append(geoMap.swatch("place"), element("span", null, STYLE.place.label));
    box.append(head, element("p", "geo-details-summary", p.name));
    const list = element("dl", "geo-details-list");
    row(list, "Kind", [p.kind, p.district && p.district !== p.name ? `${p.district} district`
                       : "", p.country].filter(Boolean).join(", "));
    row(list, "Point", STYLE.point_basis[p.point_basis] || p.point_basis);
    row(list, "Named", `${number(p.mentions)} time${p.mentions === 1 ? "" : "s"} in ` +
        `${number(p.documents)} document${p.documents === 1 ? "" : "s"}`);
    row(list, "Gazetteer", [p.place_id, p.source].filter(Boolean).join(" — "));
    box.append(list, documentLinks(p.doc_ids || []));
    return box;
  }

  const tooltipText = (ev) =>
    `${STYLE.types[ev.type].label} · ${geoMap.period(ev.props)} · ` +
    (ev.props.place_names || "place not stated");

  /** Tooltips are bound on first hover: binding one per marker would cost too much. */
  function hoverTooltip(layer, text) {
    if (!layer.getTooltip()) {
      // A canvas marker's tooltip sits above it; a cluster's follows the pointer (its
      // icon has no tooltip anchor).
      layer.bindTooltip(text, layer instanceof L.MarkerCluster
        ? { direction: "top", sticky: true, offset: [0, -14] }
        : { direction: "top", offset: [0, -layer._radius] });
    }
    layer.openTooltip();
  }

  function openPopup(layer, content) {
    // The top padding keeps the close button clear of the layer control's icon, the
    // left one the popup clear of the zoom buttons.
    L.popup({ maxWidth: 380, minWidth: 260, offset: [0, -(layer._radius || 0)],
              autoPanPaddingTopLeft: [56, 64], autoPanPaddingBottomRight: [24, 24],
              className: "geo-popup" })
      .setLatLng(layer.getLatLng()).setContent(content).openOn(geoMap.map);
  }
  geoMap.openEventPopup = (marker) => openPopup(marker, geoMap.eventDetails(marker.geoEvent));
  geoMap.openPlacePopup = (marker) => openPopup(marker, placeDetails(marker.geoPlace));

  /* ---------- the map, the cluster and the layers --------------------------------- */

  geoMap.read = (id) => JSON.parse(document.getElementById(id).textContent);

  /** Start: `config` holds the style, the documents and the page's counts. */
  geoMap.init = function (map, config) {
    STYLE = config.style;
    geoMap.map = map;
    geoMap.config = config;
    geoMap.documents = config.documents;
    geoMap.layers = [];
    geoMap.events = [];
    geoMap.range = { from: null, to: null };
    addSwatchStyles();
    map.attributionControl.addAttribution(config.attribution);
    // Frame the events before anything is drawn, without an animation to wait for.
    if (config.bounds) {
      map.fitBounds(config.bounds, { padding: [30, 30], maxZoom: 9, animate: false });
    }
  };

  const CLUSTER_SIZES = [[10, 30], [100, 36], [1000, 42], [Infinity, 48]];

  /** Events per type in a cluster, in the legend's order: [[type, count], ...]. */
  function typeCounts(cluster) {
    const counts = {};
    for (const m of cluster.getAllChildMarkers()) {
      counts[m.geoEvent.type] = (counts[m.geoEvent.type] || 0) + 1;
    }
    return Object.keys(STYLE.types).filter((t) => counts[t]).map((t) => [t, counts[t]]);
  }

  /** A cluster icon: a ring split by event type, and how many events it holds. */
  function clusterIcon(cluster) {
    const n = cluster.getChildCount();
    const size = CLUSTER_SIZES.find(([limit]) => n < limit)[1];
    const c = size / 2, r = c - 4, length = 2 * Math.PI * r;
    let offset = 0;
    const arcs = typeCounts(cluster).map(([t, count]) => {
      const arc = (length * count) / n;
      const svg = `<circle cx="${c}" cy="${c}" r="${r}" fill="none" stroke-width="6" ` +
        `stroke="${STYLE.types[t].colour}" stroke-dasharray="${arc} ${length - arc}" ` +
        `stroke-dashoffset="${-offset}" transform="rotate(-90 ${c} ${c})"/>`;
      offset += arc;
      return svg;
    });
    const img = new Image(size, size);
    img.alt = "";
    img.src = svgUri(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" ` +
      `height="${size}"><circle cx="${c}" cy="${c}" r="${c - 1}" fill="#ffffff" ` +
      `stroke="#555" stroke-width="1"/>${arcs.join("")}</svg>`);
    const box = element("div", "geo-cluster-icon");
    box.append(img, element("span", null, n >= 10000 ? `${Math.round(n / 1000)}k` : number(n)));
    return L.divIcon({ html: box, className: "geo-cluster", iconSize: L.point(size, size) });
  }

  function clusterText(cluster) {
    const parts = typeCounts(cluster).map(([t, count]) =>
      `${number(count)} ${(count === 1 ? STYLE.types[t].label : STYLE.types[t].plural)
        .toLowerCase()}`);
    return `${parts.join(", ")} — click to zoom in or spread them out`;
  }

  /** The one marker cluster every event layer draws into. */
  geoMap.eventClusters = function (options) {
    const cluster = L.markerClusterGroup(Object.assign({}, options, {
      iconCreateFunction: clusterIcon,
      // Also called when the cluster joins the map (with nothing to add): only the end
      // of a refresh counts.
      chunkProgress: (done, total) => {
        if (!loading) return;
        geoMap.fire("progress", { done, total });
        if (done === total) finishRefresh();
      },
    }));
    cluster.on("click", (e) => e.layer.geoEvent && geoMap.openEventPopup(e.layer));
    cluster.on("mouseover", (e) =>
      e.layer.geoEvent && hoverTooltip(e.layer, tooltipText(e.layer.geoEvent)));
    cluster.on("clustermouseover", (e) => hoverTooltip(e.layer, clusterText));
    geoMap.cluster = cluster;
    return cluster;
  };

  /** A layer of the layer control standing for the events of one type; its markers
   *  live in the shared cluster, so events of all types at one place cluster together
   *  and spread out together. */
  const EventLayer = L.Layer.extend({
    initialize(type, events) {
      this.type = type;
      this.events = events;
    },
    onAdd() { scheduleRefresh(); },
    onRemove() { scheduleRefresh(); },
  });

  geoMap.eventLayer = function (type, collection) {
    const style = STYLE.types[type];
    const scale = STYLE.sizes[type];
    const events = collection.features.map((f) => {
      const props = f.properties;
      const ev = { type, props, markers: [] };
      const g = f.geometry;
      if (g) {
        const points = g.type === "MultiPoint" ? g.coordinates : [g.coordinates];
        const radius = geoMap.radius(type, scale ? props[scale.field] : null);
        const options = markerOptions(style.shape, radius,
                                      geoMap.paint(style.colour, isApproximate(props)));
        ev.markers = points.map(([lon, lat]) => {
          const marker = new ShapeMarker([lat, lon], options);
          marker.geoEvent = ev;
          return marker;
        });
      }
      return ev;
    });
    const layer = new EventLayer(type, events);
    geoMap.layers.push(layer);
    geoMap.events = geoMap.events.concat(events).sort(byDate);
    return layer;
  };

  // Date order; undated events last, then the legend's order of types.
  const sortKey = (ev) => (ev.sortKey = ev.sortKey ||
    `${ev.props.date_start || "9999"} ${ev.props.date_end || ""} ` +
    Object.keys(STYLE.types).indexOf(ev.type));
  const byDate = (a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

  /** Referenced places: small dots under the events, never clustered. */
  geoMap.placeLayer = function (features) {
    const place = STYLE.place;
    const options = markerOptions(place.shape, STYLE.place_radius,
                                  geoMap.paint(place.colour, false));
    const group = L.featureGroup(features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const marker = new ShapeMarker([lat, lon], options);
      marker.geoPlace = f.properties;
      return marker;
    }));
    group.on("click", (e) => geoMap.openPlacePopup(e.layer));
    group.on("mouseover", (e) => hoverTooltip(e.layer, e.layer.geoPlace.name));
    // Drawn after the events when switched back on, they would cover them.
    group.on("add", () => group.eachLayer((m) => m.bringToBack()));
    geoMap.places = group;
    return group;
  };

  /* ---------- the date range and redrawing ---------------------------------------- */

  /** Whether an event's period overlaps the chosen range. An undated event cannot be
   *  placed in a range: it shows only while no range is chosen. */
  geoMap.inRange = function (ev) {
    const { from, to } = geoMap.range;
    const start = ev.props.date_start;
    if (!start) return !from && !to;
    const end = ev.props.date_end || start;
    return (!to || start <= to) && (!from || end >= from);
  };

  geoMap.setRange = function (from, to) {
    geoMap.range = { from: from || null, to: to || null };
    scheduleRefresh();
  };

  const shown = (layer) => geoMap.map.hasLayer(layer);

  /** Events listed and drawn now: their layer is on and their period is in range. */
  geoMap.visibleEvents = function () {
    const on = new Set(geoMap.layers.filter(shown).map((l) => l.type));
    return geoMap.events.filter((ev) => on.has(ev.type) && geoMap.inRange(ev));
  };

  let scheduled = false;
  let loading = false;
  let again = false;

  function scheduleRefresh() {
    if (scheduled) return;
    scheduled = true;
    // Once the current script is done: switching several layers redraws once.
    Promise.resolve().then(() => {
      scheduled = false;
      refresh();
    });
  }

  /** Redraw the cluster from scratch; markercluster adds in chunks, so a big page stays
   *  responsive. A change during a redraw waits for it, since chunks cannot be stopped. */
  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    window.__geoMapReady = false;
    geoMap.fire("loading");
    const markers = [];
    for (const ev of geoMap.visibleEvents()) {
      for (const m of ev.markers) markers.push(m);
    }
    geoMap.map.closePopup();
    geoMap.cluster.clearLayers();
    geoMap.cluster.addLayers(markers);
  }

  function finishRefresh() {
    loading = false;
    if (again) {
      again = false;
      refresh();
      return;
    }
    geoMap.fire("refresh");
    window.__geoMapReady = true;
  }

  geoMap.whenIdle = function (fn) {
    if (loading || scheduled) geoMap.once("refresh", fn);
    else fn();
  };

  /* ---------- bringing one marker into view ------------------------------------- */

  /** Zoom and spread clusters until `marker` is drawn, then call `done`. (markercluster's
   *  zoomToShowLayer looks for DOM icons, which canvas markers do not have.) */
  function reveal(marker, done) {
    const map = geoMap.map;
    const cluster = geoMap.cluster;
    if (!cluster.hasLayer(marker)) return;
    const afterAnimation = (fn) => () =>
      (cluster._inZoomAnimation ? cluster.once("animationend", afterAnimation(fn)) : fn());
    if (map._animatingZoom) {  // a view set now would be undone when the zoom ends
      map.once("zoomend", () => reveal(marker, done));
      return;
    }
    const drawn = () => marker._map && map.getBounds().contains(marker.getLatLng());
    if (drawn()) {
      done();
      return;
    }
    // __parent is the deepest cluster holding the marker: one zoom level deeper the
    // marker stands alone, unless it shares its point with others. Those are spread out
    // where they first form a group of their own, as a click on the cluster would.
    let group = marker.__parent;
    let zoom = group._zoom + 1;
    if (group._zoom >= cluster._maxZoom) {
      while (group.__parent && group.__parent._childCount === group._childCount) {
        group = group.__parent;
      }
      zoom = group._zoom;
    }
    zoom = Math.min(Math.max(map.getZoom(), zoom), map.getMaxZoom());
    map.setView(marker.getLatLng(), zoom, { animate: false });
    afterAnimation(() => {
      if (marker._map) {
        done();
        return;
      }
      let visible = marker.__parent;
      while (visible && !visible._icon) visible = visible.__parent;
      if (!visible) return;
      cluster.once("spiderfied", done);
      visible.spiderfy();
    })();
  }

  /** Show an event on the map with its popup open; false when it has no place. */
  geoMap.show = function (ev) {
    if (!ev.markers.length) return false;
    geoMap.whenIdle(() => reveal(ev.markers[0], () => geoMap.openEventPopup(ev.markers[0])));
    return true;
  };

  geoMap.showPlace = function (marker) {
    const map = geoMap.map;
    if (!map.hasLayer(geoMap.places)) map.addLayer(geoMap.places);
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8), { animate: false });
    geoMap.openPlacePopup(marker);
  };
})();
