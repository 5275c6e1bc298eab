/**
 * A copy of a drawn SVG subtree with the styles the page gives it written
 * onto each element, so that the copy draws the same outside the page (in
 * resvg, or any viewer): the map's look lives in `styles.css` (custom
 * properties, `color-mix()`, states by class and data attribute), which no
 * SVG renderer would resolve as the browser does. The browser's own
 * computed values are read instead, and three things resvg does not do are
 * done here: a non-scaling stroke gets its width and dashes divided by the
 * element's scale, a `pathLength` is turned into the dash lengths it means,
 * and a CSS transform (with its origin and box) becomes a matrix.
 *
 * What is not drawn (display none, hidden, fully transparent) is left out,
 * and so are classes, ids of no use, ARIA and data attributes: the copy is
 * a picture, not the app. Inherited properties are written only where they
 * differ from the parent's, which keeps the document small.
 */
import { paint } from "./colors";

const NS = "http://www.w3.org/2000/svg";
const TAGS = new Set(["g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "text", "tspan", "defs", "pattern", "clipPath", "svg", "use", "linearGradient", "radialGradient", "stop"]);
const TEXT = new Set(["text", "tspan"]);
/** Attributes that are geometry or references, kept as they are. */
const DROP = /^(class|style|role|tabindex|focusable|pathLength|vector-effect|aria-.*|data-.*|transform|fill|stroke.*|opacity|font.*|clip-path)$/;
const INHERITED = ["fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-linejoin", "stroke-linecap", "stroke-miterlimit", "fill-rule"] as const;
const TEXT_PROPS = ["font-family", "font-size", "font-weight", "font-style", "letter-spacing", "text-anchor", "dominant-baseline", "paint-order"] as const;
const TEXT_DEFAULT: Record<string, string> = { "font-style": "normal", "letter-spacing": "normal", "text-anchor": "start", "dominant-baseline": "auto", "paint-order": "normal" };

/** What an element passes down: its inherited properties as written. */
type Inherited = Record<string, string>;

/** The initial values of SVG, what the copy's root starts from. */
export const INITIAL: Inherited = { fill: "#000000", "fill-opacity": "1", stroke: "none", "stroke-opacity": "1", "stroke-width": "1", "stroke-dasharray": "none", "stroke-dashoffset": "0", "stroke-linejoin": "miter", "stroke-linecap": "butt", "stroke-miterlimit": "4", "fill-rule": "nonzero" };

const num = (v: string) => parseFloat(v);
const fmt = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** The uniform scale from an element's user space to its viewport. */
function scaleOf(e: Element): number {
  const m = (e as SVGGraphicsElement).getCTM?.();
  return m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) || 1 : 1;
}

function dashes(v: string, factor: number): string {
  if (!v || v === "none") return "none";
  const parts = v.split(/[\s,]+/).filter(Boolean).map(num);
  return parts.some((n) => !Number.isFinite(n)) ? "none" : parts.map((n) => fmt(n * factor)).join(" ");
}

/** The element's CSS transform as a matrix about its origin, or null for none. */
function transformOf(e: Element, cs: CSSStyleDeclaration): string | null {
  const t = cs.transform;
  if (!t || t === "none") return e.getAttribute("transform");
  const m = new DOMMatrix(t);
  let [ox, oy] = (cs.transformOrigin || "0 0").split(" ").map(num) as [number, number];
  if (cs.transformBox === "fill-box") {
    const b = (e as SVGGraphicsElement).getBBox?.();
    if (b) [ox, oy] = [b.x + ox, b.y + oy];
  }
  const r = new DOMMatrix().translate(ox, oy).multiply(m).translate(-ox, -oy);
  return `matrix(${[r.a, r.b, r.c, r.d, r.e, r.f].map(fmt).join(" ")})`;
}

function refOf(v: string): string | null {
  const m = /url\((["']?)[^#)]*#([^"')]+)\1\)/.exec(v);
  return m ? `url(#${m[2]})` : null;
}

/** Copy `src` (and what it holds) as a standalone picture, or null when nothing of it is drawn. */
export function inline(src: Element, parent: Inherited = INITIAL): Element | null {
  const tag = src.localName;
  if (!TAGS.has(tag)) return null;
  const cs = getComputedStyle(src);
  const inDefs = src.closest("defs") !== null;
  if (!inDefs && (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse" || cs.opacity === "0")) return null;
  const dst = document.createElementNS(NS, tag);
  for (const a of Array.from(src.attributes)) if (!DROP.test(a.name)) dst.setAttribute(a.name, a.value);
  const own: Inherited = { ...parent };
  const set = (name: string, value: string) => {
    own[name] = value;
    if (parent[name] !== value) dst.setAttribute(name, value);
  };
  const scaled = cs.getPropertyValue("vector-effect") === "non-scaling-stroke" ? 1 / scaleOf(src) : 1;
  const length = src.getAttribute("pathLength");
  const perUnit = length && "getTotalLength" in src ? (src as SVGGeometryElement).getTotalLength() / num(length) : 1;
  for (const name of INHERITED) {
    let v = cs.getPropertyValue(name).trim();
    if (name === "fill" || name === "stroke") {
      const p = paint(v, num(cs.getPropertyValue(`${name}-opacity`) || "1"));
      const ref = refOf(v);
      v = ref ?? p.color;
      set(`${name}-opacity`, fmt(ref ? num(cs.getPropertyValue(`${name}-opacity`) || "1") : p.opacity));
    } else if (name === "stroke-width") v = fmt(num(v) * scaled);
    else if (name === "stroke-dasharray") v = dashes(v, scaled * perUnit);
    else if (name === "stroke-dashoffset") v = fmt(num(v) * scaled * perUnit);
    // A non-scaling or pathLength-relative stroke is written on the element itself, whatever its parent has.
    if ((scaled !== 1 || perUnit !== 1) && name.startsWith("stroke-")) {
      own[name] = v;
      dst.setAttribute(name, v);
    } else set(name, v);
  }
  const opacity = num(cs.opacity);
  if (opacity < 1) dst.setAttribute("opacity", fmt(opacity));
  const transform = transformOf(src, cs);
  if (transform) dst.setAttribute("transform", transform);
  const clip = refOf(cs.getPropertyValue("clip-path"));
  if (clip) dst.setAttribute("clip-path", clip);
  if (TEXT.has(tag)) {
    for (const name of TEXT_PROPS) {
      const v = cs.getPropertyValue(name).trim();
      if (v && v !== TEXT_DEFAULT[name]) dst.setAttribute(name, name === "font-size" || name === "letter-spacing" ? fmt(num(v)) : v);
    }
  }
  for (const child of Array.from(src.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (TEXT.has(tag)) dst.append(document.createTextNode(child.textContent ?? ""));
    } else if (child instanceof Element) {
      const c = inline(child, own);
      if (c) dst.append(c);
    }
  }
  return dst;
}

/** The children of one of the map's SVGs, copied with their styles into `into`. */
export function inlineChildren(svg: Element | null, into: Element): void {
  if (!svg) return;
  for (const c of Array.from(svg.children)) {
    const copy = inline(c, INITIAL);
    if (copy) into.append(copy);
  }
}
