/**
 * How one of the map's SVG elements is painted (fill, stroke, dashes,
 * opacity), for drawing it on a canvas in its place.
 *
 * Why a cache keyed by the element's own state: the map's look is decided by
 * the style sheet from an element's classes and `data-*` attributes (and its
 * region group's), so two elements with the same tag, classes and data paint
 * alike. Reading the computed style forces WebKit to resolve styles; here it
 * is read once per new combination, and a step of the slider that recolours
 * a country finds its colours in the cache without asking the engine. A
 * state held back from the SVG while the slider is dragged (data and
 * classes, `map/held-data.ts`) is read from a copy of the element in that state,
 * put beside it for an instant.
 */
import { CLASS, type Held } from "../map/held-data";

export interface PaintStyle {
  /** A CSS colour, the hatch pattern ("hatch"), or null for none. */
  fill: string | null;
  fillAlpha: number;
  fillRule: CanvasFillRule;
  stroke: string | null;
  strokeAlpha: number;
  /** Width in the units given by `nonScaling`: screen px if true, the element's user units if not. */
  width: number;
  dash: number[];
  join: CanvasLineJoin;
  cap: CanvasLineCap;
  nonScaling: boolean;
  /** Not drawn at all (hidden, not displayed, fully transparent). */
  hidden: boolean;
  /** For text: the canvas font. */
  font: string;
}

/** Whether a computed colour paints nothing. */
function none(c: string): boolean {
  return c === "none" || c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
}

/** A number from a computed style's value, or `d`. */
export const num = (s: string, d = 0): number => {
  const v = parseFloat(s);
  return Number.isFinite(v) ? v : d;
};

/** The parent group of a region drawn as several children (a line, a place), or null. */
export function regionGroup(e: Element): Element | null {
  const p = e.parentElement;
  return p && p.tagName === "g" && p.classList.contains("region") ? p : null;
}


const IGNORED = new Set(["id", "feature", "country"]);

/** An element's classes and data (the held values over the written ones), the data in the order of their names. */
function stateOf(e: Element, held?: Held): string {
  const ds = (e as SVGElement).dataset;
  const h = held?.(e);
  const keys: string[] = [];
  for (const k in ds) if (!IGNORED.has(k) && !(h && k in h)) keys.push(k);
  if (h) for (const k in h) if (h[k] !== undefined && k !== CLASS) keys.push(k);
  keys.sort();
  let s = h && CLASS in h ? (h[CLASS] ?? "") : (e.getAttribute("class") ?? "");
  for (const k of keys) s += `|${k}=${h && k in h ? h[k] : ds[k]}`;
  return s;
}

/** The key: tag, state and the state of the parent (region group, or the plain group it is in), with the data held back. */
export function signature(e: Element, held?: Held): string {
  const p = e.parentElement;
  return `${e.tagName}#${stateOf(e, held)}#${p ? stateOf(p, held) : ""}`;
}

/** Probes are copies of map elements put in the SVG for an instant, to read the style of a state held back. */
const probes = new WeakSet<Node>();
export const isProbe = (n: Node): boolean => probes.has(n);

/** `src`'s copy, without children, with the data held back for it written. */
function copyWithHeld(src: Element, held: Held): Element {
  const c = src.cloneNode(false) as SVGElement;
  c.removeAttribute("id");
  c.setAttribute("aria-hidden", "true");
  const h = held(src) ?? {};
  for (const k in h) {
    if (k === CLASS) c.setAttribute("class", h[k] ?? "");
    else if (h[k] === undefined) delete c.dataset[k];
    else c.dataset[k] = h[k];
  }
  probes.add(c);
  return c;
}

/**
 * Read the paint of `e` in the state held back for it or its group: a copy
 * of it (in a copy of its group, if the group's data is held) is put beside
 * it for the read, so the same rules of the style sheet apply, and removed.
 * Only the copy's style is resolved, not the SVG's.
 */
function readHeld(e: Element, held: Held): PaintStyle {
  const parent = e.parentElement;
  const probe = copyWithHeld(e, held);
  let placed: Element = probe;
  if (parent && held(parent)) {
    placed = copyWithHeld(parent, held);
    placed.append(probe);
    parent.after(placed);
  } else e.after(probe);
  try {
    return read(probe);
  } finally {
    placed.remove();
  }
}

export class StyleCache {
  private readonly styles = new Map<string, PaintStyle>();

  /** `held`: the data held back from the SVG, painted as if written. */
  constructor(private readonly held?: Held) {}

  clear(): void {
    this.styles.clear();
  }

  /** The element's paint, from the cache or read once from the engine. */
  of(e: Element): PaintStyle {
    const held = this.held;
    const key = signature(e, held);
    let st = this.styles.get(key);
    if (!st) {
      const parent = e.parentElement;
      st = held && (held(e) || (parent && held(parent))) ? readHeld(e, held) : read(e);
      this.styles.set(key, st);
    }
    return st;
  }
}

/** Read an element's paint from its computed style (and its region group's opacity). */
function read(e: Element): PaintStyle {
  const cs = getComputedStyle(e);
  const g = regionGroup(e);
  const gs = g ? getComputedStyle(g) : null;
  const opacity = num(cs.opacity, 1) * (gs ? num(gs.opacity, 1) : 1);
  const fillC = cs.getPropertyValue("fill").trim();
  const strokeC = cs.getPropertyValue("stroke").trim();
  const fill = none(fillC) ? null : fillC.startsWith("url(") ? "hatch" : fillC;
  const stroke = none(strokeC) || strokeC.startsWith("url(") ? null : strokeC;
  const dashS = cs.getPropertyValue("stroke-dasharray");
  const dash = dashS === "none" ? [] : (dashS.match(/-?[\d.]+/g) ?? []).map(Number);
  const width = num(cs.getPropertyValue("stroke-width"), 1);
  return {
    fill,
    fillAlpha: opacity * num(cs.getPropertyValue("fill-opacity"), 1),
    fillRule: cs.getPropertyValue("fill-rule") === "evenodd" ? "evenodd" : "nonzero",
    stroke: width > 0 ? stroke : null,
    strokeAlpha: opacity * num(cs.getPropertyValue("stroke-opacity"), 1),
    width,
    dash: dash.length % 2 ? [...dash, ...dash] : dash,
    join: (cs.getPropertyValue("stroke-linejoin") || "miter") as CanvasLineJoin,
    cap: (cs.getPropertyValue("stroke-linecap") || "butt") as CanvasLineCap,
    nonScaling: cs.getPropertyValue("vector-effect") === "non-scaling-stroke",
    hidden: cs.visibility !== "visible" || cs.display === "none" || opacity === 0,
    font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
  };
}
