/**
 * The hexagons of the density view, in one place for the GPU and for the
 * tests: pointy-top hexagons of a fixed size on screen, laid on the zoomed
 * map (screen = base × k + t, without the pan t), so panning carries them
 * with the map and zooming bins again. The GPU layer counts events per
 * hexagon in a small texture addressed by `hexTexel`; the shaders repeat
 * this arithmetic in GLSL (`shaders.ts`), and `hexbin` is the same
 * aggregation as one typed-array pass, which the tests hold the hexagon
 * rule to and the fallback could use.
 */

/** Density from this many events estimated on screen; dots again below `DENSITY_OFF`. */
export const DENSITY_ON = 3000;
export const DENSITY_OFF = 2000;

/** A hexagon's radius (centre to corner), in CSS px. */
export const HEX_R = 9;
const SQRT3 = Math.sqrt(3);

/**
 * The density classes: a hexagon holding at least `DENSITY_CLASSES[i]`
 * events (and fewer than the next) is drawn in `DENSITY_COLORS[i]`.
 */
export const DENSITY_CLASSES = [1, 10, 50, 250] as const;
/** Light to dark, a sequential ramp readable without telling hues apart. */
export const DENSITY_COLORS = ["#fde6a8", "#f6a45c", "#d9482b", "#7a0f1d"] as const;

/** The class of a hexagon of `count` events (−1: none). */
export function densityClass(count: number): number {
  let c = -1;
  for (let i = 0; i < DENSITY_CLASSES.length; i++) if (count >= DENSITY_CLASSES[i]!) c = i;
  return c;
}

/** The hexagon (odd-r offset column and row) of a point of the zoomed map, in CSS px. */
export function hexOf(x: number, y: number, r = HEX_R): [number, number] {
  const q = ((SQRT3 / 3) * x - y / 3) / r;
  const s = ((2 / 3) * y) / r;
  // Cube rounding: round all three, fix the one that moved most.
  const cx = q;
  const cz = s;
  const cy = -cx - cz;
  let rx = Math.round(cx);
  const ry = Math.round(cy);
  let rz = Math.round(cz);
  const dx = Math.abs(rx - cx);
  const dy = Math.abs(ry - cy);
  const dz = Math.abs(rz - cz);
  if (dx > dy && dx > dz) rx = -ry - rz;
  else if (!(dy > dz)) rz = -rx - ry; // (else y is the one to fix, and y is not needed)
  const odd = ((rz % 2) + 2) % 2;
  return [rx + (rz - odd) / 2 + 0, rz + 0]; // + 0: no −0
}

/** The hexagons that can show on a screen of w × h CSS px panned by (tx, ty): the first column and row, and how many. */
export interface HexGrid {
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

export function hexGrid(w: number, h: number, tx: number, ty: number, r = HEX_R): HexGrid {
  const dx = SQRT3 * r;
  const dy = 1.5 * r;
  return {
    col0: Math.floor(-tx / dx) - 1,
    row0: Math.floor(-ty / dy) - 1,
    cols: Math.ceil(w / dx) + 3,
    rows: Math.ceil(h / dy) + 3,
  };
}

/**
 * Events per hexagon of the grid, for points at base (x, y) that `on`
 * accepts, at zoom k: the aggregation the GPU does, in one pass over typed
 * arrays (row-major, `grid.cols` a row). Points outside the grid are left out.
 */
export function hexbin(x: ArrayLike<number>, y: ArrayLike<number>, on: (i: number) => boolean, k: number, grid: HexGrid, r = HEX_R): Uint32Array {
  const out = new Uint32Array(grid.cols * grid.rows);
  for (let i = 0; i < x.length; i++) {
    if (!on(i)) continue;
    const [c, rw] = hexOf(x[i]! * k, y[i]! * k, r);
    const cc = c - grid.col0;
    const rr = rw - grid.row0;
    if (cc < 0 || rr < 0 || cc >= grid.cols || rr >= grid.rows) continue;
    out[rr * grid.cols + cc]!++;
  }
  return out;
}

/** The centre of a hexagon (odd-r column, row) on the zoomed map, in CSS px. */
export function hexCenter(col: number, row: number, r = HEX_R): [number, number] {
  const odd = ((row % 2) + 2) % 2;
  return [SQRT3 * r * (col + odd / 2), 1.5 * r * row];
}
