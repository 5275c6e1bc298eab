/**
 * One standalone SVG document of the view as the reader sees it: a title
 * block (the story's title and the date as the slider says it), the map
 * exactly as drawn (the base map, the events' dots or hexagons, the labels
 * and the story's symbols, each copied from the page with its computed
 * styles, `inline.ts`), the legend and the attribution line. It is the
 * export's one picture: the SVG file is this document, and the PNG and the
 * animation's frames are it drawn by resvg in the core's process, so the
 * export cannot drift from the screen: there is no second renderer.
 *
 * The map keeps the size it has on screen; a picture of another shape gets
 * the document centred on the page's paper colour. The map's place in the
 * document is written on its root (`data-map-box`), for the tests.
 */
import type { EventMarks } from "../events/marks";
import { hexCorners } from "../events/marks";
import { paint } from "./colors";
import { inlineChildren } from "./inline";
import { legendBand, textLines, type Band } from "./legend-band";

const NS = "http://www.w3.org/2000/svg";
const PAD = 12;
const HEADER = 48;

export interface ViewParts {
  /** The map's container, holding the map's stacked SVGs and canvases. */
  container: HTMLElement;
  /** The events' layer's drawing now. */
  marks: EventMarks;
  title: string;
  /** The date as the slider says it. */
  date: string;
  attribution: string;
  /** The legend's list, whose items (in the reader's language) are drawn in. */
  legend: HTMLElement | null;
}

export interface Composed {
  svg: string;
  width: number;
  height: number;
  /** Where the map lies in the document: x, y, width, height (CSS px). */
  mapBox: [number, number, number, number];
}

function el(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The events as the layer draws them: dots of a colour and alpha in one path each, hexagons by class. */
function eventsGroup(m: EventMarks): SVGGElement {
  const g = el("g") as SVGGElement;
  const groups = new Map<string, string[]>();
  const r = m.r;
  for (const d of m.dots) {
    const key = `${d.color} ${fmt(d.alpha)}`;
    const circle = `M${fmt(d.x + r)} ${fmt(d.y)}a${r} ${r} 0 1 0 ${-2 * r} 0a${r} ${r} 0 1 0 ${2 * r} 0Z`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(circle);
  }
  for (const h of m.hexes) {
    const key = `${h.color} 0.85`;
    const corners = hexCorners(h.x, h.y).map(([x, y]) => `${fmt(x)} ${fmt(y)}`);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(`M${corners.join("L")}Z`);
  }
  for (const [key, parts] of groups) {
    const [fill, opacity] = key.split(" ");
    g.append(el("path", { d: parts.join(""), fill: fill!, "fill-opacity": opacity! }));
  }
  return g;
}


function header(parts: ViewParts, width: number, ink: string, muted: string, font: string): SVGGElement {
  const g = el("g", { "font-family": font }) as SVGGElement;
  const [title] = textLines(parts.title, width - 2 * PAD, `600 15px ${font}`);
  g.append(el("text", { x: PAD, y: 21, "font-size": 15, "font-weight": 600, fill: ink }, title ?? ""));
  g.append(el("text", { x: PAD, y: 39, "font-size": 13, fill: muted, "data-role": "date" }, parts.date));
  return g;
}

/** The map's size on screen, in whole CSS px. */
export function mapSize(c: HTMLElement): [number, number] {
  const r = c.getBoundingClientRect();
  return [Math.round(r.width), Math.round(r.height)];
}

/** Compose the view. `aspect` (width / height) centres it on a page of that shape. */
export function composeView(parts: ViewParts, aspect?: number): Composed {
  const c = parts.container;
  const [w, h] = mapSize(c);
  const page = getComputedStyle(document.body);
  const font = page.fontFamily;
  const solid = (v: string) => paint(v).color;
  const ink = solid(page.color);
  const muted = solid(getComputedStyle(document.documentElement).getPropertyValue("--muted").trim() || page.color);
  const band: Band = legendBand(parts.legend, parts.attribution, w, font, ink, muted);
  const natural = [w, HEADER + h + band.height] as const;
  let [W, H] = natural;
  if (aspect && Math.abs(W / H - aspect) > 1e-3) [W, H] = W / H < aspect ? [H * aspect, H] : [W, W / aspect];
  const [ox, oy] = [(W - natural[0]) / 2, (H - natural[1]) / 2];

  const root = el("svg", { xmlns: NS, width: fmt(W), height: fmt(H), viewBox: `0 0 ${fmt(W)} ${fmt(H)}` });
  root.setAttribute("data-map-box", [ox, oy + HEADER, w, h].map(fmt).join(" "));
  root.append(el("rect", { width: "100%", height: "100%", fill: solid(page.backgroundColor) }));
  const body = el("g", { transform: `translate(${fmt(ox)} ${fmt(oy)})` });
  body.append(header(parts, w, ink, muted, font));
  // The map, clipped to its box as on screen.
  const map = el("svg", { x: 0, y: HEADER, width: w, height: h, viewBox: `0 0 ${w} ${h}`, overflow: "hidden" });
  map.append(el("rect", { width: w, height: h, fill: solid(getComputedStyle(c).backgroundColor) }));
  inlineChildren(c.querySelector("svg.atlas"), map);
  map.append(eventsGroup(parts.marks));
  inlineChildren(c.querySelector("svg.atlas-labels"), map);
  inlineChildren(c.querySelector("svg.atlas-overlay"), map);
  body.append(map);
  band.group.setAttribute("transform", `translate(0 ${HEADER + h})`);
  body.append(band.group);
  root.append(body);
  const svg = new XMLSerializer().serializeToString(root);
  return { svg, width: W, height: H, mapBox: [ox, oy + HEADER, w, h] };
}
