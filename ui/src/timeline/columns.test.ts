import { describe, expect, it } from "vitest";
import { decodeColumns, LocalIndex, timesAt } from "./columns";

function encode(events: { lo: number; hi: number; sure?: number; endFrom?: number; flags?: number; kind?: number; lon?: number; lat?: number }[]): ArrayBuffer {
  const buf = new ArrayBuffer(8 + events.length * 28);
  const v = new DataView(buf);
  v.setUint32(0, 0x464c4331, false);
  v.setUint32(4, events.length, true);
  events.forEach((e, i) => {
    const o = 8 + i * 28;
    v.setInt32(o, e.lo, true);
    v.setInt32(o + 4, e.hi, true);
    v.setInt32(o + 8, e.sure ?? e.lo, true);
    v.setInt32(o + 12, e.endFrom ?? e.hi, true);
    v.setUint8(o + 16, e.flags ?? 0);
    v.setUint8(o + 17, e.kind ?? 0);
    v.setFloat32(o + 20, e.lon ?? 0, true);
    v.setFloat32(o + 24, e.lat ?? 0, true);
  });
  return buf;
}

describe("the local index", () => {
  it("finds exactly the events a scan finds, whatever the durations", () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const events = Array.from({ length: 2000 }, () => {
      const lo = Math.floor(rnd() * 20000) - 5000;
      const r = rnd();
      const len = r < 0.5 ? 0 : r < 0.8 ? Math.floor(rnd() * 30) : r < 0.98 ? Math.floor(rnd() * 3000) : 2932896 - lo;
      return { lo, hi: lo + len, kind: Math.floor(rnd() * 11) };
    });
    const cols = decodeColumns(encode(events));
    const index = new LocalIndex(cols);
    for (let k = 0; k < 200; k++) {
      const t = Math.floor(rnd() * 26000) - 6000;
      const mask = k % 3 === 0 ? 0x7ff : 1 | (1 << 3);
      const got = [...index.activeAt(t, mask)].sort((a, b) => a - b);
      const want = events.map((e, i) => [e, i] as const).filter(([e]) => e.lo <= t && t <= e.hi && mask & (1 << e.kind)).map(([, i]) => i);
      expect(got).toEqual(want);
    }
  });

  it("computes phase, progress and certainty like the core", () => {
    // A year-precise start (fuzzy) and a day-precise end.
    const cols = decodeColumns(encode([{ lo: 0, hi: 999, sure: 364, endFrom: 999, flags: 2 }, { lo: 10, hi: 10 }, { lo: 5, hi: 2932896, sure: 5, endFrom: 2932896, flags: 1 }]));
    expect(timesAt(cols, 0, 0)).toEqual({ phase: "starting", progress: 0, certainty: 1 / 365 });
    expect(timesAt(cols, 0, 500).phase).toBe("ongoing");
    expect(timesAt(cols, 0, 999)).toEqual({ phase: "ending", progress: 1, certainty: 1 });
    expect(timesAt(cols, 1, 10)).toEqual({ phase: "starting", progress: 1, certainty: 1 });
    expect(timesAt(cols, 2, 100)).toEqual({ phase: "ongoing", progress: null, certainty: 1 });
  });

  it("rejects a truncated file", () => {
    expect(() => decodeColumns(encode([{ lo: 0, hi: 1 }]).slice(0, 20))).toThrow(/expected 36 bytes/);
  });
});
