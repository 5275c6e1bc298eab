import { describe, expect, it } from "vitest";
import { CanvasHexes } from "./canvas-hexes";
import { DENSITY_COLORS, densityClass, HEX_R, hexCenter, hexGrid, hexbin } from "./hexbin";

function rng(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** A 2D context that records each hexagon's first corner under the fill colour in use when it is filled. */
function recorder() {
  const filled = new Map<string, [number, number][]>();
  let path: [number, number][] = [];
  const ctx = {
    globalAlpha: 1,
    fillStyle: "",
    beginPath: () => (path = []),
    moveTo: (x: number, y: number) => path.push([x, y]),
    lineTo: () => {},
    closePath: () => {},
    fill: () => filled.set(String(ctx.fillStyle), [...(filled.get(String(ctx.fillStyle)) ?? []), ...path]),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, filled };
}

describe("the density view on a 2D canvas", () => {
  it("fills each hexagon in the colour of its class, as the shared hexbin counts them", () => {
    const rnd = rng(11);
    const [w, h, k, tx, ty] = [900, 600, 1.3, -70, 25];
    const n = 6000;
    // Base places: clusters of three spreads and a uniform scatter, so that every class occurs.
    const spread = [2, 40, 100, 700];
    const bx = Float64Array.from({ length: n }, (_, i) => (i % 4 === 3 ? 0 : 300) + rnd() * spread[i % 4]!);
    const by = Float64Array.from({ length: n }, (_, i) => (i % 4 === 3 ? 0 : 200) + rnd() * Math.min(480, spread[i % 4]!));
    const sx = bx.map((v) => v * k + tx);
    const sy = by.map((v) => v * k + ty);
    const { ctx, filled } = recorder();
    const box = new CanvasHexes().draw(ctx, sx, sy, n, w, h, tx, ty);
    const grid = hexGrid(w, h, tx, ty);
    const counts = hexbin(bx, by, () => true, k, grid);
    const want = new Map<string, Set<string>>();
    counts.forEach((count, i) => {
      const cls = densityClass(count);
      if (cls < 0) return;
      const [cx, cy] = hexCenter(grid.col0 + (i % grid.cols), grid.row0 + Math.floor(i / grid.cols));
      const colour = DENSITY_COLORS[cls]!;
      want.set(colour, (want.get(colour) ?? new Set()).add(`${Math.round(cx + tx)},${Math.round(cy + ty)}`));
    });
    expect(want.size).toBe(DENSITY_COLORS.length);
    for (const [colour, centres] of want) {
      // The first corner of a pointy-top hexagon is straight above its centre.
      const got = new Set((filled.get(colour) ?? []).map(([x, y]) => `${Math.round(x)},${Math.round(y + HEX_R - 1.6 / Math.sqrt(3) * 1)}`));
      expect(got, colour).toEqual(centres);
    }
    expect(box).not.toBeNull();
  });

  it("draws nothing and reports no box when no point falls in the view", () => {
    const { ctx, filled } = recorder();
    const far = Float64Array.of(-5000, 9000);
    expect(new CanvasHexes().draw(ctx, far, far, 2, 800, 600, 0, 0)).toBeNull();
    expect([...filled.values()].flat()).toEqual([]);
  });
});
