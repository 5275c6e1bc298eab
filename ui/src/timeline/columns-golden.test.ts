// The core writes the shipped story's columns and its own answers for them
// (`tests/columns_golden.rs`); decoded here, the same bytes must give the same
// phase, progress, certainty and kind, so the UI's decoder and its copy of
// `Times::at` cannot drift from the core.
import { describe, expect, it } from "vitest";
import golden from "./columns-golden.json";
import { decodeColumns, KIND_ORDER, timesAt } from "./columns";

function bytes(hex: string): ArrayBuffer {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out.buffer;
}

describe("the columns the core writes", () => {
  const c = decodeColumns(bytes(golden.columns));

  it("decode to the core's answers at every probed day", () => {
    expect(golden.answers.length).toBeGreaterThan(100);
    for (const a of golden.answers) {
      const got = timesAt(c, a.i, a.day);
      const where = `event ${a.i} on day ${a.day}`;
      expect(got.phase, where).toBe(a.phase);
      if (a.progress === null) expect(got.progress, where).toBeNull();
      else expect(got.progress, where).toBeCloseTo(a.progress, 5);
      expect(got.certainty, where).toBeCloseTo(a.certainty, 5);
      expect(KIND_ORDER[c.kind[a.i]!], where).toBe(a.kind);
    }
  });
});
