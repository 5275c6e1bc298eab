/**
 * One event's symbol on the story layer, built once and updated in place as
 * the date moves: arrows travelling origin → destination for deployments and
 * withdrawals, pulsing rings for exercises, a glow for conflicts, a cross for
 * blockades and labelled markers for summits and statements. The story layer
 * decides which events get one; this file how each looks.
 */
import { geoPath } from "d3-geo";
import type { ActiveEvent, EventKind } from "../api/bindings";
import { titleOf } from "../i18n/data";
import type { AtlasMap } from "../map/map";

const SVG = "http://www.w3.org/2000/svg";

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export type LonLat = [number, number];

export function points(e: ActiveEvent): LonLat[] {
  const g = e.geometry;
  switch (g.type) {
    case "Point":
      return [g.coordinates];
    case "MultiPoint":
    case "LineString":
      return g.coordinates;
    case "MultiLineString":
      return g.coordinates.flat();
    default:
      return [];
  }
}

/** One arrow of a movement: troops from one place (an event may have several). */
interface Move {
  path: SVGPathElement;
  head: SVGGElement;
  length?: number;
}

export interface Symbol {
  g: SVGGElement;
  index: number;
  kind: EventKind;
  moves: Move[];
}

function isLong(e: ActiveEvent): boolean {
  if (e.end.type !== "at") return true;
  const a = Date.parse(e.start.replace("~", "").padEnd(10, "-01").slice(0, 10));
  const b = Date.parse(e.end.date.replace("~", "").padEnd(10, "-01").slice(0, 10));
  return b - a > 120 * 86400000;
}

/** Kinds whose symbol carries a label with the place and the title. */
const LABELLED: readonly EventKind[] = ["summit", "treaty", "statement", "diplomacy", "membership", "other"];

export function createSymbol(e: ActiveEvent, map: AtlasMap): Symbol {
  const g = s("g", { class: `sym-event kind-${e.kind}`, "data-event": e.id });
  const sym: Symbol = { g, index: e.index, kind: e.kind, moves: [] };
  const pts = points(e);
  const base = (p: LonLat) => map.projectBase(p) ?? [0, 0];
  const geom = e.geometry;
  const lines = geom.type === "LineString" ? [geom.coordinates] : geom.type === "MultiLineString" ? geom.coordinates : [];
  if ((e.kind === "deployment" || e.kind === "withdrawal") && lines.length) {
    // One arrow per line: troops that came from several places.
    const draw = geoPath(map.projectionForOverlay());
    for (const coordinates of lines) {
      const d = draw({ type: "LineString", coordinates }) ?? "";
      const track = s("path", { d, class: "move-track" });
      const path = s("path", { d, class: "move-path", pathLength: "1" });
      const head = s("g", { class: "move-head" });
      const inner = s("g", { class: "sym" });
      inner.append(s("path", { d: "M -6 -5 L 7 0 L -6 5 Z", class: "arrow" }));
      head.append(inner);
      g.append(track, path, head);
      sym.moves.push({ path, head });
    }
  } else {
    for (const p of pts) g.append(pointSymbol(e, base(p)));
    if (LABELLED.includes(e.kind) && pts[0]) g.append(labelSymbol(e, base(pts[0]), (p) => map.placeName(p)));
  }
  return sym;
}

function at(x: number, y: number): SVGGElement {
  return s("g", { transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
}

/** The mark at one of the event's points. */
function pointSymbol(e: ActiveEvent, [x, y]: [number, number]): SVGGElement {
  const g = at(x, y);
  const inner = s("g", { class: "sym" });
  switch (e.kind) {
    case "exercise":
      inner.append(s("circle", { r: "5", class: "ring ring-1" }), s("circle", { r: "5", class: "ring ring-2" }), s("circle", { r: "3.5", class: "core" }));
      if (e.cancelled) inner.append(s("path", { d: "M -6 -6 L 6 6 M 6 -6 L -6 6", class: "cancel" }));
      break;
    case "conflict":
      inner.append(s("circle", { r: "9", class: "glow" }), s("circle", { r: "3.5", class: "core" }));
      break;
    case "blockade":
      inner.append(s("circle", { r: "6", class: "block-bg" }), s("path", { d: "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5", class: "block-x" }));
      break;
    default:
      inner.append(s("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" }));
  }
  g.append(inner);
  return g;
}

/** The label beside the event's first point: "Place: title" (the place named as on the map). */
function labelSymbol(e: ActiveEvent, [x, y]: [number, number], placeName: (name: string) => string): SVGGElement {
  const g = at(x, y);
  const inner = s("g", { class: "sym" });
  const t = s("text", { x: "9", y: "0", class: "marker-label", "dominant-baseline": "central" });
  t.textContent = e.places[0] ? `${placeName(e.places[0])}: ${titleOf(e)}` : titleOf(e);
  inner.append(t);
  g.append(inner);
  return g;
}

/** The symbol at the event's state now: certainty, phase, and how far its arrows have come. */
export function updateSymbol(sym: Symbol, e: ActiveEvent): void {
  sym.g.style.opacity = e.certainty.toFixed(2);
  sym.g.dataset.phase = e.phase;
  // A long or open-ended presence (a base abroad) is drawn quietly once it has arrived.
  if (e.progress === null || (e.phase === "ongoing" && e.end.type === "at" && isLong(e))) sym.g.dataset.settled = "true";
  else delete sym.g.dataset.settled;
  const p = e.progress ?? 1;
  for (const m of sym.moves) {
    m.path.style.strokeDasharray = `${p.toFixed(3)} 1`;
    m.length ??= m.path.getTotalLength();
    const len = m.length * p;
    const a = m.path.getPointAtLength(len);
    const b = m.path.getPointAtLength(Math.min(m.length, len + 0.5));
    const c = m.path.getPointAtLength(Math.max(0, len - 0.5));
    const angle = (Math.atan2(b.y - c.y, b.x - c.x) * 180) / Math.PI;
    m.head.setAttribute("transform", `translate(${a.x.toFixed(2)},${a.y.toFixed(2)}) rotate(${angle.toFixed(1)})`);
  }
}
