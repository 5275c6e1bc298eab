/**
 * A local copy of every event's times, kind and place (the core's binary
 * columns, `Api::columns` in `crates/core/src/api/columns.rs`, whose layout
 * comes generated in `COLUMNS`), indexed by duration classes like
 * the core's `TimeIndex`, so that "what is on at t" is answered in the page
 * while the slider is dragged. The core stays the authority: the details of
 * the events on screen still come from its `state_at`.
 */
import { COLUMNS, EVENT_KINDS, type Phase } from "../api/bindings";

/** The kinds in the core's order: a record's kind byte indexes it. */
export const KIND_ORDER = EVENT_KINDS;
const { record: RECORD, header: HEADER, at: AT, flags: FLAG } = COLUMNS;
const MAGIC = [...COLUMNS.magic].reduce((m, ch) => (m << 8) | ch.charCodeAt(0), 0) >>> 0;

export interface Columns {
  n: number;
  lo: Int32Array;
  hi: Int32Array;
  startSure: Int32Array;
  endFrom: Int32Array;
  flags: Uint8Array;
  kind: Uint8Array;
  lon: Float32Array;
  lat: Float32Array;
}

export function decodeColumns(buf: ArrayBuffer): Columns {
  const v = new DataView(buf);
  if (buf.byteLength < HEADER || v.getUint32(0, false) !== MAGIC) throw new Error("not a Faultlines columns file");
  const n = v.getUint32(4, true);
  if (buf.byteLength !== HEADER + n * RECORD) throw new Error(`columns: expected ${HEADER + n * RECORD} bytes, got ${buf.byteLength}`);
  const c: Columns = {
    n,
    lo: new Int32Array(n), hi: new Int32Array(n), startSure: new Int32Array(n), endFrom: new Int32Array(n),
    flags: new Uint8Array(n), kind: new Uint8Array(n), lon: new Float32Array(n), lat: new Float32Array(n),
  };
  for (let i = 0, o = HEADER; i < n; i++, o += RECORD) {
    c.lo[i] = v.getInt32(o + AT.lo, true);
    c.hi[i] = v.getInt32(o + AT.hi, true);
    c.startSure[i] = v.getInt32(o + AT.startSure, true);
    c.endFrom[i] = v.getInt32(o + AT.endFrom, true);
    c.flags[i] = v.getUint8(o + AT.flags);
    c.kind[i] = v.getUint8(o + AT.kind);
    c.lon[i] = v.getFloat32(o + AT.lon, true);
    c.lat[i] = v.getFloat32(o + AT.lat, true);
  }
  return c;
}

/** Phase, progress and certainty of event `i` at day `t` (which it covers): the core's `Times::at`. */
export function timesAt(c: Columns, i: number, t: number): { phase: Phase; progress: number | null; certainty: number } {
  const lo = c.lo[i]!;
  const hi = c.hi[i]!;
  const sure = c.startSure[i]!;
  const endFrom = c.endFrom[i]!;
  const f = c.flags[i]!;
  const open = (f & FLAG.open) !== 0;
  const phase: Phase = t <= sure ? "starting" : !open && t >= endFrom ? "ending" : "ongoing";
  const progress = open ? null : hi > lo ? (t - lo) / (hi - lo) : 1;
  return { phase, progress, certainty: certaintyAt(c, i, t) };
}

/** Certainty (0–1) of event `i` at day `t`: fuzzy dates fade in across the start's uncertainty and out across the end's. */
export function certaintyAt(c: Columns, i: number, t: number): number {
  const lo = c.lo[i]!;
  const sure = c.startSure[i]!;
  const endFrom = c.endFrom[i]!;
  const f = c.flags[i]!;
  const fadeIn = f & FLAG.fuzzyStart && sure > lo ? (t - lo + 1) / (sure - lo + 1) : 1;
  const fadeOut = f & FLAG.fuzzyEnd && t >= endFrom ? 1 - (t - endFrom) / (c.hi[i]! - endFrom + 1) : 1;
  return Math.max(0, Math.min(1, Math.min(fadeIn, fadeOut)));
}

/** Events of one duration class, sorted by start: `idx` are their indices in the columns. */
export interface DurationClass {
  maxLen: number;
  lo: Int32Array;
  hi: Int32Array;
  idx: Int32Array;
}

/** Duration classes: an event of class k lasts at most 2^(k+1) − 2 days. */
export class LocalIndex {
  /** Read by the GPU layer, which orders its buffers the same way. */
  readonly classes: DurationClass[] = [];
  /** The answer's buffer, reused: the slider's hot path allocates nothing. */
  private out = new Int32Array(1024);

  constructor(readonly cols: Columns) {
    const buckets: number[][] = [];
    for (let i = 0; i < cols.n; i++) {
      const d = Math.max(0, cols.hi[i]! - cols.lo[i]!);
      const k = Math.floor(Math.log2(d + 1));
      (buckets[k] ??= []).push(i);
    }
    buckets.forEach((ids, k) => {
      if (!ids) return;
      ids.sort((a, b) => cols.lo[a]! - cols.lo[b]! || a - b);
      this.classes.push({
        maxLen: 2 ** (k + 1) - 2,
        lo: Int32Array.from(ids, (i) => cols.lo[i]!),
        hi: Int32Array.from(ids, (i) => cols.hi[i]!),
        idx: Int32Array.from(ids),
      });
    });
  }

  /**
   * Indices of the events covering day `t` whose kind bit is set in
   * `kindMask` (unordered), in a view of a buffer that the next call reuses.
   */
  activeAt(t: number, kindMask = 0x7ff): Int32Array {
    let out = this.out;
    let n = 0;
    const kind = this.cols.kind;
    for (const c of this.classes) {
      let a = lowerBound(c.lo, t - c.maxLen);
      const b = lowerBound(c.lo, t + 1);
      for (; a < b; a++) {
        if (c.hi[a]! >= t) {
          const i = c.idx[a]!;
          if (kindMask & (1 << kind[i]!)) {
            if (n === out.length) {
              const bigger = new Int32Array(out.length * 2);
              bigger.set(out);
              this.out = out = bigger;
            }
            out[n++] = i;
          }
        }
      }
    }
    return out.subarray(0, n);
  }
}

/** The first position in sorted `xs` whose value is not below `v`. */
export function lowerBound(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (xs[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
