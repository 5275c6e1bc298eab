/**
 * The hatch of disputed areas (the SVG's `#hatch` pattern) for a canvas:
 * read from the style it has now, then drawn as a canvas pattern on a tile,
 * on the page or in the painting worker.
 */

import { num } from "./paint-style";

/** What the hatch of disputed areas looks like now: its line's colour, opacity and width, and pixels per map unit. */
export interface Hatch { colour: string; alpha: number; width: number; res: number }

/** The SVG's `#hatch` as it is styled now, at `res` pixels per unit (null: the map has none). */
export function hatchOf(svg: SVGSVGElement, res: number): Hatch | null {
  const line = svg.querySelector("#hatch line");
  if (!line) return null;
  const cs = getComputedStyle(line);
  return { colour: cs.getPropertyValue("stroke"), alpha: num(cs.opacity, 1) * num(cs.getPropertyValue("stroke-opacity"), 1), width: num(cs.getPropertyValue("stroke-width"), 1), res };
}

/**
 * The hatch as a canvas pattern: a line every 6 units, turned 45°, in the
 * map's units, drawn on a tile from `tile` (a canvas, or an offscreen one
 * in a worker).
 */
export function hatchPattern(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  h: Hatch | null,
  tile: (side: number) => HTMLCanvasElement | OffscreenCanvas,
): CanvasPattern | null {
  if (!h) return null;
  const side = Math.max(2, Math.round(6 * h.res));
  const c = tile(side);
  const t = c.getContext("2d") as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!t) return null;
  t.globalAlpha = h.alpha;
  t.fillStyle = h.colour;
  const half = (h.width / 2) * (side / 6);
  t.fillRect(0, 0, half, side);
  t.fillRect(side - half, 0, half, side);
  const p = ctx.createPattern(c, "repeat");
  p?.setTransform(new DOMMatrix().rotate(45).scale(6 / side));
  return p;
}
