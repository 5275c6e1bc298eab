import { describe, expect, it } from "vitest";
import { densityClass, DENSITY_CLASSES, HEX_R, hexbin, hexCenter, hexGrid, hexOf } from "./hexbin";

function rng(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** The naive oracle: the hexagon whose centre is nearest (a hexagonal grid's cells are exactly the nearest-centre regions). */
function nearestHex(x: number, y: number): [number, number] {
  const row = Math.round(y / (1.5 * HEX_R));
  let best: [number, number] = [0, 0];
  let bd = Infinity;
  for (let r = row - 2; r <= row + 2; r++) {
    const odd = ((r % 2) + 2) % 2;
    const col = Math.round(x / (Math.sqrt(3) * HEX_R) - odd / 2);
    for (let c = col - 2; c <= col + 2; c++) {
      const [cx, cy] = hexCenter(c, r);
      const d = (cx - x) ** 2 + (cy - y) ** 2;
      if (d < bd) {
        bd = d;
        best = [c, r];
      }
    }
  }
  return best;
}

describe("the density hexagons", () => {
  it("put every point in the hexagon whose centre is nearest, negative coordinates too", () => {
    const rnd = rng(5);
    for (let i = 0; i < 20000; i++) {
      const x = (rnd() - 0.5) * 4000;
      const y = (rnd() - 0.5) * 4000;
      expect(hexOf(x, y)).toEqual(nearestHex(x, y));
    }
  });

  it("count the same events per hexagon as a naive count over random points", () => {
    const rnd = rng(9);
    const n = 5000;
    const x = Float32Array.from({ length: n }, () => rnd() * 900 - 100);
    const y = Float32Array.from({ length: n }, () => rnd() * 700 - 50);
    const on = (i: number) => i % 3 !== 0;
    const k = 1.7;
    const [tx, ty] = [-120, 35];
    const grid = hexGrid(1000, 700, tx, ty);
    const counts = hexbin(x, y, on, k, grid);
    const naive = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (!on(i)) continue;
      const [c, r] = nearestHex(x[i]! * k, y[i]! * k);
      if (c < grid.col0 || r < grid.row0 || c >= grid.col0 + grid.cols || r >= grid.row0 + grid.rows) continue;
      naive.set(`${c},${r}`, (naive.get(`${c},${r}`) ?? 0) + 1);
    }
    for (let r = 0; r < grid.rows; r++)
      for (let c = 0; c < grid.cols; c++) expect(counts[r * grid.cols + c], `hexagon ${c},${r}`).toBe(naive.get(`${c + grid.col0},${r + grid.row0}`) ?? 0);
    expect([...counts].reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });

  it("cover every pixel of the screen with the grid's hexagons, whatever the pan", () => {
    const rnd = rng(3);
    for (let t = 0; t < 50; t++) {
      const [w, h, tx, ty] = [300 + rnd() * 1500, 200 + rnd() * 900, (rnd() - 0.5) * 5000, (rnd() - 0.5) * 5000];
      const g = hexGrid(w, h, tx, ty);
      for (const [sx, sy] of [[0, 0], [w, 0], [0, h], [w, h], [w / 2, h / 2]] as const) {
        const [c, r] = hexOf(sx - tx, sy - ty);
        expect(c - g.col0).toBeGreaterThanOrEqual(0);
        expect(r - g.row0).toBeGreaterThanOrEqual(0);
        expect(c - g.col0).toBeLessThan(g.cols);
        expect(r - g.row0).toBeLessThan(g.rows);
      }
    }
  });

  it("class counts by the legend's bounds", () => {
    expect(densityClass(0)).toBe(-1);
    DENSITY_CLASSES.forEach((lo, i) => {
      expect(densityClass(lo)).toBe(i);
      expect(densityClass(lo - 1)).toBe(i - 1);
    });
    expect(densityClass(1e6)).toBe(DENSITY_CLASSES.length - 1);
  });
});
