/**
 * The map's SVG as a list of things to paint on a canvas, in the SVG's
 * order: each path from its own `d` (a `Path2D`), each place's dot, the sea
 * and the scale bar, with the box each covers so that a change can be
 * redrawn in its box only.
 *
 * Why: the canvas stands for the SVG (`basemap.ts`) and must paint exactly
 * what the SVG paints, in the same z-order, without asking the engine for
 * layout; the geometry here is read from attributes the map wrote itself.
 */
import { regionGroup, type PaintStyle, type StyleCache } from "./paint-style";

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** How to make a drawable's path again where its element is not at hand (a worker). */
export type Shape = { d: string } | { arc: [number, number, number] } | { rect: [number, number, number, number] } | { text: [string, number, number] };

/** What painting needs of a drawable, without its element. */
export interface Paintable {
  /** A path, a circle or a rectangle; null for a text. */
  path: Path2D | null;
  shape: Shape;
  /** The scale of its region group (a place's dot keeps its size on screen), or 1. */
  scale: number;
  /** In the zoomed viewport's units (true) or on screen (the scale bar). */
  zoomed: boolean;
}

export interface Drawable extends Paintable {
  el: SVGElement;
  /** Its box in its own units (before the view's zoom), without stroke. */
  box: Box;
}

const EVERYWHERE: Box = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };

/** The box of an absolute M/L/Z path (what the map's projection writes); anything else: everywhere. */
function pathBox(d: string): Box {
  if (/[a-ln-yA-KN-Y]/.test(d.replace(/e[-+]?\d/g, ""))) return EVERYWHERE;
  const n = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/g);
  if (!n || n.length < 2) return EVERYWHERE;
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let i = 0; i + 1 < n.length; i += 2) {
    const x = Number(n[i]), y = Number(n[i + 1]);
    if (x < b.x0) b.x0 = x;
    if (x > b.x1) b.x1 = x;
    if (y < b.y0) b.y0 = y;
    if (y > b.y1) b.y1 = y;
  }
  return b;
}

const attr = (e: Element, a: string): number => parseFloat(e.getAttribute(a) ?? "0") || 0;
const paths = new WeakMap<Element, [string, Path2D]>();

/** One element as a drawable (null: nothing to paint, like a hit area). */
function drawable(e: SVGElement, viewport: Element): Drawable | null {
  const cls = e.getAttribute("class") ?? "";
  if (/(^| )(line-hit|place-hit)( |$)/.test(cls)) return null;
  const zoomed = viewport.contains(e);
  const tag = e.tagName;
  if (tag === "path") {
    const d = e.getAttribute("d") ?? "";
    let p = paths.get(e);
    if (!p || p[0] !== d) paths.set(e, (p = [d, new Path2D(d)]));
    return { el: e, path: p[1], shape: { d }, scale: 1, zoomed, box: pathBox(d) };
  }
  if (tag === "circle") {
    const g = regionGroup(e);
    const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)(?:\s*scale\(([-\d.e]+)\))?/.exec(g?.getAttribute("transform") ?? "");
    const x = Number(m?.[1] ?? 0), y = Number(m?.[2] ?? 0), s = Number(m?.[3] ?? 1);
    const r = attr(e, "r") * s;
    const shape: Shape = { arc: [x + attr(e, "cx") * s, y + attr(e, "cy") * s, r] };
    return { el: e, path: pathOf(shape), shape, scale: s, zoomed, box: { x0: x - r, y0: y - r, x1: x + r, y1: y + r } };
  }
  if (tag === "rect") {
    const x = attr(e, "x"), y = attr(e, "y"), w = attr(e, "width"), h = attr(e, "height");
    const shape: Shape = { rect: [x, y, w, h] };
    return { el: e, path: pathOf(shape), shape, scale: 1, zoomed, box: { x0: x, y0: y, x1: x + w, y1: y + h } };
  }
  if (tag === "text") return { el: e, path: null, shape: { text: [e.textContent ?? "", attr(e, "x"), attr(e, "y")] }, scale: 1, zoomed, box: EVERYWHERE };
  return null;
}

/** A shape's path (null for a text). */
export function pathOf(shape: Shape): Path2D | null {
  if ("d" in shape) return new Path2D(shape.d);
  const p = new Path2D();
  if ("arc" in shape) p.arc(shape.arc[0], shape.arc[1], shape.arc[2], 0, 2 * Math.PI);
  else if ("rect" in shape) p.rect(...shape.rect);
  else return null;
  return p;
}

/** Every drawable of the map, in painting order. */
export function paintList(svg: SVGSVGElement): Drawable[] {
  const viewport = svg.querySelector(".viewport");
  const out: Drawable[] = [];
  if (!viewport) return out;
  for (const e of svg.querySelectorAll<SVGElement>(".viewport path, .viewport circle, .viewport rect, .scalebar rect, .scalebar text")) {
    const d = drawable(e, viewport);
    if (d) out.push(d);
  }
  return out;
}

/** The view: screen = unit × k + t, times the canvas's pixels per CSS px. */
export interface View { k: number; tx: number; ty: number; dpr: number; hatch: CanvasPattern | null }

/** A 2D context on a canvas or an offscreen one (a worker's). */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A drawable's box on the canvas (device px), with room for its stroke. */
export function screenBox(d: Drawable, v: Pick<View, "k" | "tx" | "ty" | "dpr">, pad = 8): Box {
  const k = d.zoomed ? v.k : 1, tx = d.zoomed ? v.tx : 0, ty = d.zoomed ? v.ty : 0;
  const b = d.box;
  return { x0: (b.x0 * k + tx - pad) * v.dpr, y0: (b.y0 * k + ty - pad) * v.dpr, x1: (b.x1 * k + tx + pad) * v.dpr, y1: (b.y1 * k + ty + pad) * v.dpr };
}

export const meets = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Paint one drawable as its SVG element would be painted now, the canvas's
 * origin at device pixel (`ox`, `oy`) of the map (a box drawn apart).
 */
export function paint(ctx: Context2D, d: Paintable, st: PaintStyle, v: View, ox = 0, oy = 0): void {
  if (st.hidden) return;
  const k = d.zoomed ? v.k : 1;
  ctx.setTransform(v.dpr * k, 0, 0, v.dpr * k, v.dpr * (d.zoomed ? v.tx : 0) - ox, v.dpr * (d.zoomed ? v.ty : 0) - oy);
  if (!d.path) {
    if (!("text" in d.shape) || !st.fill || st.fill === "hatch") return;
    const [t, x, y] = d.shape.text;
    ctx.font = st.font;
    ctx.globalAlpha = st.fillAlpha;
    ctx.fillStyle = st.fill;
    ctx.fillText(t, x, y);
    return;
  }
  if (st.fill) {
    const f = st.fill === "hatch" ? v.hatch : st.fill;
    if (f) {
      ctx.globalAlpha = st.fillAlpha;
      ctx.fillStyle = f;
      ctx.fill(d.path, st.fillRule);
    }
  }
  if (st.stroke) {
    // A non-scaling stroke is as wide on screen at every zoom; a place's dot is scaled by its group.
    const unit = st.nonScaling ? 1 / k : d.scale;
    ctx.globalAlpha = st.strokeAlpha;
    ctx.strokeStyle = st.stroke;
    ctx.lineWidth = st.width * unit;
    ctx.lineJoin = st.join;
    ctx.lineCap = st.cap;
    ctx.miterLimit = 4;
    ctx.setLineDash(st.dash.length ? st.dash.map((x) => x * unit) : []);
    ctx.stroke(d.path);
  }
}

/**
 * Paint every drawable of `list` that meets one of the boxes of `clip`
 * (device px), in order, each once however many boxes it meets: a change
 * far apart in a few places redraws a country's long border once, not once
 * a box.
 */
export function paintAll(ctx: CanvasRenderingContext2D, list: readonly Drawable[], styles: StyleCache, v: View, clip: readonly Box[] | null): void {
  for (const d of list) {
    if (clip) {
      const b = screenBox(d, v, 8);
      if (!clip.some((c) => meets(b, c))) continue;
    }
    paint(ctx, d, styles.of(d.el), v);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
}
