import { describe, expect, it } from "vitest";
import { certaintyAt, LocalIndex, type Columns } from "../timeline/columns";
import { GPU_OFF, GPU_ON, OnCounts, wantsGpu } from "./counts";
import { DENSITY_OFF, DENSITY_ON } from "./hexbin";
import { gpuOrder, runsAt } from "./order";
import { shaderRule } from "./visibility";
import { ViewShare } from "./view-share";

function rng(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** Random columns: instants, short and long events, fuzzy starts and ends, every kind. */
function columns(n: number, seed: number): Columns {
  const rnd = rng(seed);
  const c: Columns = {
    n, lo: new Int32Array(n), hi: new Int32Array(n), startSure: new Int32Array(n), endFrom: new Int32Array(n),
    flags: new Uint8Array(n), kind: new Uint8Array(n), lon: new Float32Array(n), lat: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lo = Math.floor(rnd() * 20000) - 5000;
    const r = rnd();
    const len = r < 0.4 ? 0 : r < 0.8 ? Math.floor(rnd() * 40) : Math.floor(rnd() * 5000);
    const hi = lo + len;
    const fuzzyStart = rnd() < 0.3;
    const fuzzyEnd = rnd() < 0.3;
    c.lo[i] = lo;
    c.hi[i] = hi;
    c.startSure[i] = fuzzyStart ? lo + Math.floor(rnd() * (len + 1)) : lo;
    c.endFrom[i] = fuzzyEnd ? hi - Math.floor(rnd() * (len + 1)) : hi;
    c.flags[i] = (rnd() < 0.1 ? 1 : 0) | (fuzzyStart ? 2 : 0) | (fuzzyEnd ? 4 : 0);
    c.kind[i] = Math.floor(rnd() * 11);
    c.lon[i] = 40 + rnd() * 40;
    c.lat[i] = 35 + rnd() * 15;
  }
  return c;
}

describe("the GPU layer's rules", () => {
  const cols = columns(3000, 17);
  const local = new LocalIndex(cols);
  const g = gpuOrder(local);
  const counts = new OnCounts(cols);
  const days = [-5001, -4000, 0, 777, 5000, 12345, 15000, 20001, 30000];
  const masks = [0x7ff, 0b101, 1 << 10, 0];

  it("draws at each day exactly the events the local index finds on, with the local index's certainty", () => {
    const out = new Int32Array(256);
    for (const t of days)
      for (const mask of masks) {
        const want = new Map<number, number>();
        for (const i of local.activeAt(t, mask)) want.set(i, certaintyAt(cols, i, t));
        const got = new Map<number, number>();
        // Only the runs drawn at t are looked at: an event outside them must never be on.
        const runs = runsAt(g.runs, t, out);
        for (let r = 0; r < runs; r++)
          for (let j = out[2 * r]!; j < out[2 * r]! + out[2 * r + 1]!; j++) {
            const c = shaderRule(g.days, g.meta, j, t, mask);
            if (c >= 0) got.set(g.order[j]!, c);
          }
        expect(got.size, `day ${t}, mask ${mask}`).toBe(want.size);
        for (const [i, c] of want) expect(got.get(i)).toBeCloseTo(c, 6);
      }
  });

  it("leaves out an event whose hidden byte is set (it is drawn as a symbol)", () => {
    const i = local.activeAt(777)[0]!;
    const j = g.slotOf[i]!;
    expect(shaderRule(g.days, g.meta, j, 777, 0x7ff)).toBeGreaterThanOrEqual(0);
    g.meta[4 * j + 2] = 1;
    expect(shaderRule(g.days, g.meta, j, 777, 0x7ff)).toBe(-1);
    g.meta[4 * j + 2] = 0;
  });

  it("counts the events on at a day as the local index finds them, for any kinds", () => {
    for (const t of days) for (const mask of masks) expect(counts.at(t, mask), `day ${t}`).toBe(local.activeAt(t, mask).length);
  });

  it("picks the GPU from GPU_ON events on and keeps it down to GPU_OFF, never below density's own thresholds", () => {
    expect(wantsGpu(false, GPU_ON - 1)).toBe(false);
    expect(wantsGpu(false, GPU_ON)).toBe(true);
    expect(wantsGpu(true, GPU_OFF)).toBe(true);
    expect(wantsGpu(true, GPU_OFF - 1)).toBe(false);
    expect(GPU_OFF).toBeLessThan(GPU_ON);
    // Density needs DENSITY_ON on in the view (DENSITY_OFF to stay), never more than are on: the GPU is in use.
    expect(GPU_ON).toBeLessThanOrEqual(DENSITY_ON);
    expect(GPU_OFF).toBeLessThanOrEqual(DENSITY_OFF);
  });

  it("keeps each event's slot and index the two ways round", () => {
    for (let i = 0; i < cols.n; i++) expect(g.order[g.slotOf[i]!]).toBe(i);
  });

  it("estimates the share of places in a view: all, none, and about a quarter of a uniform spread", () => {
    const rnd = rng(4);
    const xy = Float32Array.from({ length: 40000 }, () => rnd() * 1000);
    const share = new ViewShare(xy);
    expect(share.inside(-1, -1, 1001, 1001)).toBeCloseTo(1, 6);
    expect(share.inside(2000, 2000, 3000, 3000)).toBe(0);
    expect(share.inside(0, 0, 500, 500)).toBeGreaterThan(0.23);
    expect(share.inside(0, 0, 500, 500)).toBeLessThan(0.27);
  });
});
