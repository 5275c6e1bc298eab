/** The legend: every symbol of the map, drawn with the map's own classes. */
import { densityLegendItem } from "./events/density-legend";
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

const ITEMS: [string, (g: SVGGElement) => void][] = [
  ["Exercise (its rings pulse as it begins)", (g) => { g.setAttribute("class", "sym-event kind-exercise"); g.append(el("circle", { r: "5", class: "ring" }), el("circle", { r: "3.5", class: "core" })); }],
  ["Exercise cancelled", (g) => { g.setAttribute("class", "sym-event kind-exercise"); g.append(el("circle", { r: "3.5", class: "core" }), el("path", { d: "M -6 -6 L 6 6 M 6 -6 L -6 6", class: "cancel" })); }],
  ["Deployment or withdrawal (arrow travels origin → destination)", (g) => { g.setAttribute("class", "sym-event kind-deployment"); g.append(el("path", { d: "M -10 4 L 4 -2", class: "move-path" }), el("path", { d: "M 0 -5 L 10 -1 L 2 3 Z", class: "arrow" })); }],
  ["Conflict (glows as it begins)", (g) => { g.setAttribute("class", "sym-event kind-conflict"); g.append(el("circle", { r: "9", class: "glow" }), el("circle", { r: "3.5", class: "core" })); }],
  ["Blockade", (g) => { g.setAttribute("class", "sym-event kind-blockade"); g.append(el("circle", { r: "6", class: "block-bg" }), el("path", { d: "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5", class: "block-x" })); }],
  ["Summit, treaty or statement", (g) => { g.setAttribute("class", "sym-event kind-summit"); g.append(el("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" })); }],
  ["Member of the chosen organization", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-member" }))],
  ["Member, participation frozen or suspended", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-frozen" }))],
  ["Took part in the exercise or summit", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-participant" }))],
  ["Stayed away or refused", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-absent" }))],
  ["Disputed area (hatched); fighting glows, blockade in red", (g) => g.append(el("rect", { x: "-9", y: "-7", width: "18", height: "14", class: "legend-disputed" }))],
  ["One of many events on at once (a dot in its kind's colour)", (g) => g.append(el("circle", { r: "2.6", class: "legend-dot" }))],
  ["Faded symbol: the date is known only roughly", (g) => { g.setAttribute("class", "sym-event kind-summit"); g.setAttribute("opacity", "0.4"); g.append(el("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" })); }],
];

export function legend(): HTMLDetailsElement {
  const list = h("ul", { className: "legend-list" });
  for (const [label, build] of ITEMS) list.append(h("li", {}, swatch(build), h("span", { textContent: label })));
  list.append(densityLegendItem());
  return h("details", { className: "legend" }, h("summary", { textContent: "Legend" }), list);
}
