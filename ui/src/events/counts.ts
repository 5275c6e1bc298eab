/**
 * How many events of the local columns are on at a day, for a set of kinds,
 * without visiting them: per kind, the start days and the end days sorted
 * once, so "on at t" is (starts ≤ t) − (ends < t), two binary searches a
 * kind. The GPU layer decides per event what is drawn; this count is what
 * the page knows of it (the density switch and the tests' `data-dots`) while
 * the slider moves, at a cost that does not grow with the events on screen.
 */
import type { Columns } from "../timeline/columns";
import { DENSITY_OFF, DENSITY_ON } from "./hexbin";

export class OnCounts {
  private readonly starts: Int32Array[] = [];
  private readonly ends: Int32Array[] = [];

  constructor(cols: Columns) {
    const perKind: number[] = [];
    for (let i = 0; i < cols.n; i++) perKind[cols.kind[i]!] = (perKind[cols.kind[i]!] ?? 0) + 1;
    const fill: number[] = [];
    for (let k = 0; k < perKind.length; k++) {
      this.starts[k] = new Int32Array(perKind[k] ?? 0);
      this.ends[k] = new Int32Array(perKind[k] ?? 0);
      fill[k] = 0;
    }
    for (let i = 0; i < cols.n; i++) {
      const k = cols.kind[i]!;
      const j = fill[k]!++;
      this.starts[k]![j] = cols.lo[i]!;
      this.ends[k]![j] = cols.hi[i]!;
    }
    for (const a of this.starts) a?.sort();
    for (const a of this.ends) a?.sort();
  }

  /** The events on at day `t` (lo ≤ t ≤ hi) whose kind bit is set in `kindMask`. */
  at(t: number, kindMask = 0x7ff): number {
    let n = 0;
    for (let k = 0; k < this.starts.length; k++) {
      const s = this.starts[k];
      if (!s || !(kindMask & (1 << k))) continue;
      n += upperBound(s, t) - upperBound(this.ends[k]!, t - 1);
    }
    return n;
  }
}

/**
 * The GPU layer from this many events on at the day; the canvas dots again
 * below `GPU_OFF` (measured: docs/benchmarks.md). Not above the density
 * thresholds, so that density, which needs that many on in the view, is
 * always drawn by the GPU.
 */
export const GPU_ON = DENSITY_ON;
export const GPU_OFF = DENSITY_OFF;

/** Whether `n` events on are drawn by the GPU, given whether it draws them now (the margin between the two thresholds). */
export function wantsGpu(onGpu: boolean, n: number): boolean {
  return onGpu ? n >= GPU_OFF : n >= GPU_ON;
}

const cache = new WeakMap<Columns, OnCounts>();

/** The counts of these columns, built once and shared (the chooser of the renderer and the GPU layer both ask). */
export function onCounts(cols: Columns): OnCounts {
  let c = cache.get(cols);
  if (!c) cache.set(cols, (c = new OnCounts(cols)));
  return c;
}

/** The number of values ≤ v in sorted `xs`. */
export function upperBound(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (xs[m]! <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
