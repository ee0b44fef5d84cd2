// multipolar web UI. Every piece of article text is inserted with textContent (never as
// HTML): the text is untrusted. Charts: Chart.js; network: Cytoscape (both vendored).
"use strict";

const QUAD = { AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };
const QUAD_COLOUR = { 1: "#2e8b57", 2: "#1f77b4", 3: "#ff8c00", 4: "#c0392b" };
const QUAD_NAME = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const STATUS_MARKER = { asserted: "circle", reported: "triangle", negated: "crossRot", hypothetical: "rectRot" };
const KIND_COLOUR = { recognizes: "#6a1b9a", cooperates: "#2e8b57", hostile: "#c0392b" };
const view = document.getElementById("view");
let chart = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  const response = await fetch(`/api/${path}${query.toString() ? "?" + query : ""}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  const total = response.headers.get("X-Total-Count");  // paged lists say how many there are in all
  if (Array.isArray(body) && total !== null) body.total = Number(total);
  return body;
}

function link(href, text) { return el("a", { href, text }); }
function actorLink(id, name) { return id ? link(`#/actor/${encodeURIComponent(id)}`, name || id) : el("span", { text: "—" }); }
function statusPill(status) { return el("span", { class: `pill status-${status}`, text: status }); }

function eventItem(e) {
  return el("li", { class: `quad-${QUAD[e.type]}`, "data-event": e.id },
    el("span", { class: "muted", text: `${e.date_iso || "undated"} · ` }),
    actorLink(e.source_id, e.source_name), " ", link(`#/event/${encodeURIComponent(e.id)}`, e.type), " ",
    actorLink(e.target_id, e.target_name), " ", statusPill(e.status),
    el("div", { class: "muted", text: e.sentence || "" }));
}

// -- search --------------------------------------------------------------------------------
const search = document.getElementById("search");
const results = document.getElementById("search-results");
let searchToken = 0;
search.addEventListener("input", async () => {
  const mine = ++searchToken;
  const q = search.value.trim();
  results.replaceChildren();
  if (q.length < 2) return;
  const found = await api("actors", { q, limit: 12 });
  if (mine !== searchToken) return;
  for (const a of found) {
    results.append(el("li", {}, el("a", { href: `#/actor/${encodeURIComponent(a.id)}`, text: `${a.name} (${a.kind})` })));
  }
});
results.addEventListener("click", () => { results.replaceChildren(); search.value = ""; });

// -- pages ---------------------------------------------------------------------------------
async function home() {
  const docs = await api("documents");
  const list = el("ul", { class: "events" });
  for (const d of docs) {
    list.append(el("li", {}, link(`#/doc/${encodeURIComponent(d.id)}`, d.title || d.id),
      el("span", { class: "muted", text: ` · ${d.published || "date unknown"} · ${d.events} events` })));
  }
  view.replaceChildren(el("h1", { text: "Documents" }), el("section", {}, list));
}

async function actorPage(id) {
  const actor = await api(`actors/${encodeURIComponent(id)}`);
  const timeline = await api(`timeline/${encodeURIComponent(id)}`);
  const all = [...timeline.dated, ...timeline.undated];
  const latest = timeline.dated.length ? timeline.dated[timeline.dated.length - 1].date_end : null;
  const asOf = el("input", { id: "as-of", type: "date", value: (latest || new Date().toISOString()).slice(0, 10) });
  const relations = el("div", { id: "relations" });
  const canvas = el("canvas", { id: "timeline-chart" });
  const legend = el("div", { class: "legend" },
    ...Object.entries(QUAD_NAME).map(([q, name]) => el("span", { style: `color:${QUAD_COLOUR[q]}`, text: `■ ${name}` })),
    ...Object.entries(STATUS_MARKER).map(([s, m]) => el("span", { text: `${m === "circle" ? "●" : m === "triangle" ? "▲" : m === "crossRot" ? "✕" : "◆"} ${s}` })));
  const list = el("ul", { class: "events", id: "actor-events" }, ...all.map(eventItem));
  const total = timeline.total_dated + timeline.total_undated;
  const shown = el("p", { class: "muted", id: "events-shown", text: total > all.length ? `the first ${all.length} of ${total} events` : "" });
  view.replaceChildren(
    el("h1", { id: "actor-name", text: actor.name || id }),
    el("p", { class: "muted", text: `${actor.kind || ""} ${actor.country ? "· " + actor.country : ""} · also: ${(actor.aliases || []).join(", ")}` }),
    el("section", {}, el("label", { for: "as-of", text: "Relations as of " }), asOf, relations),
    el("section", {}, el("h2", { text: "Timeline" }), el("div", { id: "chart-box" }, canvas), legend),
    el("section", {}, el("h2", { text: "Events" }), shown, list));
  const refresh = async () => renderRelations(relations, id, asOf.value);
  asOf.addEventListener("change", refresh);
  asOf.addEventListener("input", refresh);
  await refresh();
  drawTimeline(canvas, timeline.dated);
}

async function renderRelations(box, id, asOf) {
  const rows = await api("relations", { actor: id, as_of: asOf });
  const byKind = {};
  for (const r of rows) {
    const outgoing = r.source === id;
    const label = r.kind === "recognizes" ? (outgoing ? "Recognizes" : "Recognized by")
      : r.kind === "cooperates" ? "Cooperates with" : "Hostile with";
    (byKind[label] ||= []).push({ other: outgoing ? r.target : r.source, since: r.since, event: r.events[0],
      name: outgoing ? r.target_name : r.source_name });
  }
  const sections = Object.entries(byKind).map(([label, items]) =>
    el("div", { class: "relation", "data-kind": label },
      el("strong", { text: `${label}: ` }),
      ...items.map((it, i) => el("span", { class: "relation-actor" }, i ? ", " : "", actorLink(it.other, it.name || it.other),
        el("span", { class: "muted", text: it.since ? ` (since ${it.since})` : "" }), " ",
        link(`#/event/${encodeURIComponent(it.event)}`, "evidence")))));
  box.replaceChildren(...(sections.length ? sections : [el("p", { class: "muted", text: "No relation holds on this date." })]));
  box.setAttribute("data-as-of", asOf);
}

function drawTimeline(canvas, events) {
  if (chart) chart.destroy();
  if (!window.Chart || !events.length) return;
  const points = events.map((e) => ({ x: Date.parse(e.date_start), y: QUAD[e.type], e }));
  chart = new Chart(canvas, {
    type: "scatter",
    data: { datasets: [{ data: points, pointRadius: 7,
      pointBackgroundColor: points.map((p) => QUAD_COLOUR[p.y]),
      pointStyle: points.map((p) => STATUS_MARKER[p.e.status]) }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false },
      tooltip: { callbacks: { label: (ctx) => `${ctx.raw.e.date_iso} ${ctx.raw.e.source_name} ${ctx.raw.e.type} ${ctx.raw.e.target_name || ""} (${ctx.raw.e.status})` } } },
      scales: { x: { type: "linear", ticks: { callback: (v) => new Date(v).toISOString().slice(0, 7) } },
        y: { min: 0.5, max: 4.5, ticks: { stepSize: 1, callback: (v) => QUAD_NAME[v] || "" } } },
      onClick: (_, items) => { if (items.length) location.hash = `#/event/${encodeURIComponent(points[items[0].index].e.id)}`; } },
  });
}

function highlighted(text, marks) {
  // marks: [{start, end, cls}] relative to text; non-overlapping after sorting
  const out = el("span", { class: "evidence" });
  let pos = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < pos || m.end > text.length) continue;
    out.append(document.createTextNode(text.slice(pos, m.start)));
    const node = el(m.href ? "a" : "mark", { class: m.cls, text: text.slice(m.start, m.end) });
    if (m.href) node.setAttribute("href", m.href);
    out.append(node);
    pos = m.end;
  }
  out.append(document.createTextNode(text.slice(pos)));
  return out;
}

async function eventPage(id) {
  const e = await api(`events/${encodeURIComponent(id)}`);
  const evidence = e.evidence.map((ev) => el("section", { class: "evidence-item" },
    el("p", { class: "muted" }, "From ", link(`#/doc/${encodeURIComponent(ev.doc_id)}`, ev.title || ev.doc_id),
      ` (${ev.published_iso || "date unknown"}), characters ${ev.start_char}–${ev.end_char}`),
    highlighted(ev.sentence, [
      { start: ev.trigger_offset[0], end: ev.trigger_offset[1], cls: "trigger" },
      ...ev.actors.map((a) => ({ start: a.start, end: a.end, cls: "actor" }))])));
  view.replaceChildren(
    el("h1", { id: "event-title" }, actorLink(e.source_id, e.source_name), ` ${e.type} `, actorLink(e.target_id, e.target_name)),
    el("section", {},
      el("p", {}, statusPill(e.status), el("span", { text: e.status_cue ? `cue: ${e.status_cue}` : "" })),
      el("p", { text: `When: ${e.date_iso || "unknown"}${e.date_reason ? " — " + e.date_reason : ""}` }),
      el("p", { text: `CAMEO ${e.cameo || "—"}` }),
      e.attributed_to.length ? el("p", { id: "reported-by", text: `Reported by: ${e.attributed_to.join(", ")}` }) : "",
      e.denied_by.length ? el("p", { id: "denied-by", text: `Denied by: ${e.denied_by.join(", ")}` }) : ""),
    el("h2", { text: "Evidence" }), ...evidence);
}

async function docPage(id) {
  const d = await api(`documents/${encodeURIComponent(id)}`);
  const marks = [];
  for (const t of d.triggers) marks.push({ start: t.start, end: t.end, cls: "trigger", href: `#/event/${encodeURIComponent(t.event_id)}` });
  for (const m of d.mentions) if (!marks.some((x) => m.start < x.end && x.start < m.end)) marks.push({ start: m.start, end: m.end, cls: "actor" });
  view.replaceChildren(
    el("h1", { id: "doc-title", text: d.title || d.id }),
    el("p", { class: "muted", text: `Published ${d.published || "unknown"}${d.published_basis ? " (from " + d.published_basis + ")" : ""}` }),
    el("section", { class: "article", id: "article" }, highlighted(d.text, marks)));
}

async function networkPage() {
  const asOf = el("input", { id: "network-as-of", type: "date" });
  const box = el("div", { id: "network" });
  const note = el("p", { class: "muted", id: "network-shown" });
  view.replaceChildren(el("h1", { text: "Relations network" }),
    el("section", {}, el("label", { text: "As of " }), asOf, note,
      el("div", { class: "legend" }, ...Object.entries(KIND_COLOUR).map(([k, c]) => el("span", { style: `color:${c}`, text: `— ${k}` }))), box));
  const draw = async () => {
    const rows = await api("relations", { as_of: asOf.value || undefined });
    note.textContent = rows.total > rows.length ? `the first ${rows.length} of ${rows.total} relations` : "";
    const nodes = new Set(rows.flatMap((r) => [r.source, r.target]));
    if (!window.cytoscape) return;
    cytoscape({ container: box, layout: { name: "cose", animate: false },
      elements: [...[...nodes].map((n) => ({ data: { id: n, label: n } })),
        ...rows.map((r, i) => ({ data: { id: `e${i}`, source: r.source, target: r.target, kind: r.kind } }))],
      style: [{ selector: "node", style: { label: "data(label)", "background-color": "#1d2330", color: "#1d2330", "font-size": 10 } },
        ...Object.entries(KIND_COLOUR).map(([k, c]) => ({ selector: `edge[kind = "${k}"]`, style: { "line-color": c, "target-arrow-color": c, "target-arrow-shape": k === "recognizes" ? "triangle" : "none", "curve-style": "bezier", width: 2 } }))],
    }).on("tap", "node", (evt) => { location.hash = `#/actor/${encodeURIComponent(evt.target.id())}`; });
  };
  asOf.addEventListener("change", draw);
  await draw();
}

async function route() {
  const [, page, id] = location.hash.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  try {
    if (page === "actor") await actorPage(decodeURIComponent(id));
    else if (page === "event") await eventPage(decodeURIComponent(id));
    else if (page === "doc") await docPage(decodeURIComponent(id));
    else if (page === "network") await networkPage();
    else await home();
  } catch (err) {
    view.replaceChildren(el("section", { class: "error", text: `Error: ${err.message}` }));
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);
