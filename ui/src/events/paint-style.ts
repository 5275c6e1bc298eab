/**
 * How one of the map's SVG elements is painted (fill, stroke, dashes,
 * opacity), for drawing it on a canvas in its place.
 *
 * Why a cache keyed by the element's own state: the map's look is decided by
 * the style sheet from an element's classes and `data-*` attributes (and its
 * region group's), so two elements with the same tag, classes and data paint
 * alike. Reading the computed style forces WebKit to resolve styles; here it
 * is read once per new combination, and a step of the slider that recolours
 * a country finds its colours in the cache without asking the engine.
 */

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

const num = (s: string, d = 0): number => {
  const v = parseFloat(s);
  return Number.isFinite(v) ? v : d;
};

/** The parent group of a region drawn as several children (a line, a place), or null. */
export function regionGroup(e: Element): Element | null {
  const p = e.parentElement;
  return p && p.tagName === "g" && p.classList.contains("region") ? p : null;
}

function stateOf(e: Element): string {
  let s = `${e.getAttribute("class") ?? ""}`;
  const ds = (e as SVGElement).dataset;
  for (const k in ds) if (k !== "id" && k !== "feature" && k !== "country") s += `|${k}=${ds[k]}`;
  return s;
}

/** The key: tag, state and the state of the parent (region group, or the plain group it is in). */
export function signature(e: Element): string {
  const p = e.parentElement;
  return `${e.tagName}#${stateOf(e)}#${p ? stateOf(p) : ""}`;
}

export class StyleCache {
  private readonly styles = new Map<string, PaintStyle>();

  clear(): void {
    this.styles.clear();
  }

  /** The element's paint, from the cache or read once from the engine. */
  of(e: Element): PaintStyle {
    const key = signature(e);
    let st = this.styles.get(key);
    if (!st) {
      st = read(e);
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

/**
 * The hatch of disputed areas as a canvas pattern: the SVG's `#hatch`
 * (a line every 6 units, turned 45°, in the map's units) drawn at `res`
 * pixels per unit, in the colour and opacity its line has now.
 */
export function hatchPattern(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, res: number): CanvasPattern | null {
  const line = svg.querySelector("#hatch line");
  if (!line) return null;
  const cs = getComputedStyle(line);
  const w = num(cs.getPropertyValue("stroke-width"), 1);
  const side = Math.max(2, Math.round(6 * res));
  const tile = document.createElement("canvas");
  tile.width = tile.height = side;
  const t = tile.getContext("2d");
  if (!t) return null;
  t.globalAlpha = num(cs.opacity, 1) * num(cs.getPropertyValue("stroke-opacity"), 1);
  t.fillStyle = cs.getPropertyValue("stroke");
  const half = (w / 2) * (side / 6);
  t.fillRect(0, 0, half, side);
  t.fillRect(side - half, 0, half, side);
  const p = ctx.createPattern(tile, "repeat");
  p?.setTransform(new DOMMatrix().rotate(45).scale(6 / side));
  return p;
}
