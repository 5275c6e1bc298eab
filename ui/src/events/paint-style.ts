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
 * classes, `map/held-data.ts`) is read from a copy of the element in that
 * state, in copies of its ancestors kept in a hidden box beside the SVG.
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

/** `src`'s copy, without children or id, with the data and classes held back for it written. */
function copyWithHeld(src: Element, held: Held): Element {
  const c = src.cloneNode(false) as SVGElement;
  c.removeAttribute("id");
  const h = held(src) ?? {};
  for (const k in h) {
    if (k === CLASS) c.setAttribute("class", h[k] ?? "");
    else if (h[k] === undefined) delete c.dataset[k];
    else c.dataset[k] = h[k];
  }
  return c;
}

/**
 * Read the paint of `e` in the state held back for it or its group: a copy
 * of it is read in copies of its ancestors (its group in the state held for
 * it), up to the SVG's root, in a hidden box beside the SVG, so the same
 * rules of the style sheet apply, and the copies are removed.
 *
 * Why not beside `e` itself: an element put in the SVG and taken out makes
 * WebKit lay the whole SVG out again before the next frame (10 ms, the first
 * time the slider crosses a new state of the map), though the SVG is not
 * painted; a box that is not displayed has its styles resolved and nothing
 * laid out. The style sheet's map rules match on classes and ancestors, not
 * on siblings, so the copies match as the elements do.
 */
function readHeld(e: Element, held: Held): PaintStyle {
  const probe = copyWithHeld(e, held);
  let top: Element = probe;
  let root: Element | null = null;
  for (let a = e.parentElement; a; a = a.parentElement) {
    const copy = copyWithHeld(a, held);
    copy.append(top);
    top = copy;
    if (a.localName === "svg") {
      root = a;
      break;
    }
  }
  const box = root?.parentElement ? hiddenBox(root.parentElement) : null;
  if (!box) return read(e); // not in a map's SVG: as it is
  box.append(top);
  try {
    return read(probe);
  } finally {
    top.remove();
  }
}

/** The hidden box in `host` where probes are read (made once). */
function hiddenBox(host: Element): HTMLElement {
  let box = host.querySelector<HTMLElement>(":scope > .paint-probes");
  if (!box) {
    box = document.createElement("div");
    box.className = "paint-probes";
    box.hidden = true;
    box.setAttribute("aria-hidden", "true");
    host.append(box);
  }
  return box;
}

export class StyleCache {
  private readonly styles = new Map<string, PaintStyle>();

  /** `held`: the data held back from the SVG, painted as if written. */
  constructor(private readonly held?: Held) {}

  clear(): void {
    this.styles.clear();
  }

  /** The element's paint, from the cache or read once from the engine; `key`, its signature if known. */
  of(e: Element, key = signature(e, this.held)): PaintStyle {
    const held = this.held;
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
