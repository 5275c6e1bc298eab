/**
 * What the events' layers draw, as data, for the export (`export/compose.ts`)
 * to draw the same as SVG: each dot's place on screen, colour and alpha, or
 * each hexagon of the density view with its class's colour. The rules are
 * the layers' own: the alpha of a dot by how certain its date is (the
 * canvas dots and the GPU's shader use `dotAlpha`'s numbers), and the
 * hexagons counted on the grid of `hexbin.ts`, as both renderers count them.
 */
import { DENSITY_COLORS, HEX_R, densityClass, hexCenter, hexGrid, hexOf, type HexGrid } from "./hexbin";

export interface Dot {
  x: number;
  y: number;
  color: string;
  alpha: number;
}

export interface Hex {
  x: number;
  y: number;
  color: string;
}

/** The layer's drawing now, in screen CSS px of the map. */
export interface EventMarks {
  dots: Dot[];
  hexes: Hex[];
  /** A dot's radius, CSS px. */
  r: number;
}

export const NO_MARKS: EventMarks = { dots: [], hexes: [], r: 0 };

/** A dot's alpha: 0.8 when its date is certain, fading to 0.25 as it is not (the shader's rule too). */
export function dotAlpha(certainty: number): number {
  return certainty >= 1 ? 0.8 : 0.25 + 0.55 * certainty;
}

/** Whether a screen point is within the view (with the layers' 5 px margin). */
export function inView(x: number, y: number, w: number, h: number): boolean {
  return x >= -5 && y >= -5 && x <= w + 5 && y <= h + 5;
}

/** Events per hexagon of the grid of a w × h view panned by (tx, ty), for `n` screen points (row-major, `grid.cols` a row). */
export function hexCounts(sx: ArrayLike<number>, sy: ArrayLike<number>, n: number, w: number, h: number, tx: number, ty: number, into?: Uint32Array): { grid: HexGrid; counts: Uint32Array } {
  const grid = hexGrid(w, h, tx, ty);
  const size = grid.cols * grid.rows;
  const counts = into && into.length >= size ? into.subarray(0, size).fill(0) : new Uint32Array(size);
  for (let j = 0; j < n; j++) {
    const [c, r] = hexOf(sx[j]! - tx, sy[j]! - ty);
    const cc = c - grid.col0;
    const rr = r - grid.row0;
    if (cc >= 0 && rr >= 0 && cc < grid.cols && rr < grid.rows) counts[rr * grid.cols + cc]!++;
  }
  return { grid, counts };
}

/** The hexagons of the density view for `n` screen points of a w × h view panned by (tx, ty). */
export function hexMarks(sx: ArrayLike<number>, sy: ArrayLike<number>, n: number, w: number, h: number, tx: number, ty: number): Hex[] {
  const { grid: g, counts } = hexCounts(sx, sy, n, w, h, tx, ty);
  const out: Hex[] = [];
  counts.forEach((count, i) => {
    const cls = densityClass(count);
    if (cls < 0) return;
    const [x, y] = hexCenter(g.col0 + (i % g.cols), g.row0 + Math.floor(i / g.cols));
    out.push({ x: x + tx, y: y + ty, color: DENSITY_COLORS[cls]! });
  });
  return out;
}

/** Pixels left clear between hexagons, as both renderers leave them. */
export const HEX_GAP = 0.8;

/** A hexagon's corners (pointy top) around (x, y), pulled in by the gap. */
export function hexCorners(x: number, y: number): [number, number][] {
  const r = HEX_R - (2 * HEX_GAP) / Math.sqrt(3);
  return [-90, -30, 30, 90, 150, 210].map((deg) => [x + r * Math.cos((deg * Math.PI) / 180), y + r * Math.sin((deg * Math.PI) / 180)]);
}
