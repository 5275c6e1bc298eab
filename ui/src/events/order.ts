/**
 * The GPU buffers' order: the events of the local index's duration classes
 * one after the other, each class sorted by start (as `LocalIndex` holds
 * them). Then the events that can be on at day t are, in every class, one
 * run of the buffer (those starting in [t − the class's longest, t]), and a
 * step draws only those runs: the vertex shader runs over the candidates,
 * not over a million events, which matters where the GPU is emulated on the
 * CPU (SwiftShader, llvmpipe).
 */
import { lowerBound, type LocalIndex } from "../timeline/columns";

export interface Run {
  /** The first slot of the class. */
  offset: number;
  maxLen: number;
  /** The class's start days, sorted. */
  lo: Int32Array;
}

export interface GpuOrder {
  /** Event index of each slot. */
  order: Int32Array;
  /** Slot of each event index. */
  slotOf: Int32Array;
  runs: Run[];
  /** Per slot: lo, hi, start sure, end from. */
  days: Int32Array;
  /** Per slot: kind, flags, hidden (0), unused. */
  meta: Uint8Array;
}

export function gpuOrder(local: LocalIndex): GpuOrder {
  const c = local.cols;
  const order = new Int32Array(c.n);
  const slotOf = new Int32Array(c.n);
  const runs: Run[] = [];
  let s = 0;
  for (const cl of local.classes) {
    runs.push({ offset: s, maxLen: cl.maxLen, lo: cl.lo });
    for (const i of cl.idx) order[s++] = i;
  }
  const days = new Int32Array(4 * c.n);
  const meta = new Uint8Array(4 * c.n);
  for (let j = 0; j < c.n; j++) {
    const i = order[j]!;
    slotOf[i] = j;
    days[4 * j] = c.lo[i]!;
    days[4 * j + 1] = c.hi[i]!;
    days[4 * j + 2] = c.startSure[i]!;
    days[4 * j + 3] = c.endFrom[i]!;
    meta[4 * j] = c.kind[i]!;
    meta[4 * j + 1] = c.flags[i]!;
  }
  return { order, slotOf, runs, days, meta };
}

/** The runs of slots ([first, count] pairs into `out`) whose events may be on at day t; returns how many pairs. */
export function runsAt(runs: readonly Run[], t: number, out: Int32Array): number {
  let n = 0;
  for (const r of runs) {
    const a = lowerBound(r.lo, t - r.maxLen);
    const b = lowerBound(r.lo, t + 1);
    if (b > a) {
      out[2 * n] = r.offset + a;
      out[2 * n + 1] = b - a;
      n++;
    }
  }
  return n;
}
