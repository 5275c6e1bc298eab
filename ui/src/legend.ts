/** The legend: every symbol of the map, drawn with the map's own classes, each named by its message. */
import { densityLegendItem } from "./events/density-legend";
import { label } from "./i18n/i18n";
import { h } from "./panel/dom";

const SVG = "http://www.w3.org/2000/svg";

function swatch(build: (g: SVGGElement) => void): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "-12 -12 24 24");
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "24");
  svg.setAttribute("aria-hidden", "true");
  const g = document.createElementNS(SVG, "g");
  build(g);
  svg.append(g);
  return svg;
}

function el(tag: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Each symbol's message and its drawing. */
const ITEMS: [string, (g: SVGGElement) => void][] = [
  ["legend-exercise", (g) => { g.setAttribute("class", "sym-event kind-exercise"); g.append(el("circle", { r: "5", class: "ring" }), el("circle", { r: "3.5", class: "core" })); }],
  ["legend-exercise-cancelled", (g) => { g.setAttribute("class", "sym-event kind-exercise"); g.append(el("circle", { r: "3.5", class: "core" }), el("path", { d: "M -6 -6 L 6 6 M 6 -6 L -6 6", class: "cancel" })); }],
  ["legend-deployment", (g) => { g.setAttribute("class", "sym-event kind-deployment"); g.append(el("path", { d: "M -10 4 L 4 -2", class: "move-path" }), el("path", { d: "M 0 -5 L 10 -1 L 2 3 Z", class: "arrow" })); }],
  ["legend-conflict", (g) => { g.setAttribute("class", "sym-event kind-conflict"); g.append(el("circle", { r: "9", class: "glow" }), el("circle", { r: "3.5", class: "core" })); }],
  ["legend-blockade", (g) => { g.setAttribute("class", "sym-event kind-blockade"); g.append(el("circle", { r: "6", class: "block-bg" }), el("path", { d: "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5", class: "block-x" })); }],
  ["legend-summit", (g) => { g.setAttribute("class", "sym-event kind-summit"); g.append(el("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" })); }],
  ["legend-member", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-member" }))],
  ["legend-frozen", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-frozen" }))],
  ["legend-participant", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-participant" }))],
  ["legend-absent", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-absent" }))],
  ["legend-disputed", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-disputed" }))],
  ["legend-dot", (g) => g.append(el("circle", { r: "2.6", class: "legend-dot" }))],
  ["legend-faded", (g) => { g.setAttribute("class", "sym-event kind-summit"); g.setAttribute("opacity", "0.4"); g.append(el("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" })); }],
];

export function legend(): HTMLDetailsElement {
  const list = h("ul", { className: "legend-list" });
  for (const [id, build] of ITEMS) list.append(h("li", {}, swatch(build), label(h("span"), id)));
  list.append(densityLegendItem());
  return h("details", { className: "legend" }, label(h("summary"), "legend"), list);
}
