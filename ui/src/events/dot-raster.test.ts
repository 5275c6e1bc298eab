import { describe, expect, it } from "vitest";
import { coverage, DotRaster } from "./dot-raster";

const at = (r: DotRaster, x: number, y: number) => Array.from(r.px.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4));

describe("dots written as pixels", () => {
  it("covers a circle's area at every sub-pixel offset", () => {
    for (const r of [2.6, 5.2]) {
      const side = Math.ceil(2 * r) + 2;
      for (const [ox, oy] of [[0, 0], [0.25, 0.75], [0.5, 0.5]] as const) {
        const sum = coverage(r, side, ox, oy).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - Math.PI * r * r) / (Math.PI * r * r)).toBeLessThan(0.02);
      }
    }
  });

  it("paints a dot's centre in its colour at its alpha, and nothing far from it", () => {
    const r = new DotRaster(2.6);
    r.resize(20, 20);
    r.dot(10, 10, [194, 65, 42], 0.8);
    expect(at(r, 9, 9)).toEqual([194, 65, 42, 204]);
    expect(at(r, 10, 10)).toEqual([194, 65, 42, 204]);
    expect(at(r, 2, 2)).toEqual([0, 0, 0, 0]);
    expect(at(r, 10, 14)[3]).toBe(0);
  });

  it("blends a dot over another as the canvas does: alpha 1 − (1 − a)², colour weighted by what each leaves", () => {
    const r = new DotRaster(2.6);
    r.resize(20, 20);
    r.dot(10, 10, [255, 0, 0], 0.8);
    r.dot(10, 10, [0, 0, 255], 0.8);
    const [red, , blue, a] = at(r, 10, 10);
    expect(a).toBe(Math.round(255 * 0.96));
    // Over: blue brings 0.8 of 0.96, red keeps 0.8 × 0.2 of it.
    expect(blue).toBeCloseTo((255 * 0.8) / 0.96, -0.5);
    expect(red).toBeCloseTo((255 * 0.16) / 0.96, -0.5);
  });

  it("fills dots gathered as one union once, so that they do not darken where they overlap (as one path on the canvas)", () => {
    const r = new DotRaster(2.6);
    r.resize(20, 20);
    r.cover(10, 10);
    r.cover(10, 10);
    r.cover(11, 10);
    r.fill([194, 65, 42], 0.8);
    expect(at(r, 10, 10)).toEqual([194, 65, 42, 204]);
    expect(at(r, 11, 10)).toEqual([194, 65, 42, 204]);
    // A new union starts empty: a second fill adds nothing.
    r.fill([0, 0, 255], 0.8);
    expect(at(r, 10, 10)).toEqual([194, 65, 42, 204]);
    // The next union blends over the first.
    r.cover(10, 10);
    r.fill([0, 0, 255], 0.8);
    expect(at(r, 10, 10)[3]).toBe(Math.round(255 * 0.96));
  });

  it("keeps a dot cut by the edge of the buffer inside it", () => {
    const r = new DotRaster(2.6);
    r.resize(8, 8);
    r.dot(0, 0, [10, 20, 30], 1);
    r.dot(8, 8, [10, 20, 30], 1);
    expect(at(r, 0, 0)).toEqual([10, 20, 30, 255]);
    expect(at(r, 7, 7)).toEqual([10, 20, 30, 255]);
    expect(r.px.length).toBe(8 * 8 * 4);
  });

  it("clears a box and clamps boxes to the buffer", () => {
    const r = new DotRaster(2.6);
    r.resize(20, 10);
    r.dot(5, 5, [1, 2, 3], 1);
    r.dot(15, 5, [1, 2, 3], 1);
    const box = r.clamp(-3, -3, 10.2, 40)!;
    expect(box).toEqual([0, 0, 11, 10]);
    r.clear(box);
    expect(at(r, 5, 5)).toEqual([0, 0, 0, 0]);
    expect(at(r, 15, 5)).toEqual([1, 2, 3, 255]);
    expect(r.clamp(30, 0, 40, 5)).toBeNull();
  });
});
