// The core encodes a feature of every geometry type as the map build does,
// with its own decoding beside it (`tests/layer_golden.rs`); decoded here,
// the same file must give the same features, so `layer.ts` and the core's
// `layer.rs` cannot drift.
import { describe, expect, it } from "vitest";
import golden from "./layer-golden.json";
import { decodeLayer } from "./layer";

function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v as number];
}

describe("the layer file the core writes", () => {
  const layer = decodeLayer(new TextEncoder().encode(golden.file).buffer as ArrayBuffer);

  it("decodes to the core's features, in order, every geometry type among them", () => {
    expect(layer.features.map((f) => f.id)).toEqual(golden.decoded.map((d) => d.id));
    const types = new Set(layer.features.map((f) => f.geometry.type));
    expect(types.size).toBe(6);
    layer.features.forEach((f, i) => {
      const want = golden.decoded[i]!;
      expect(f.kind, f.id).toBe(want.kind);
      expect(f.geometry.type, f.id).toBe(want.geometry.type);
      const got = flat(f.geometry.coordinates);
      const exp = flat(want.geometry.coordinates);
      expect(got.length, f.id).toBe(exp.length);
      got.forEach((x, j) => expect(x, `${f.id} #${j}`).toBeCloseTo(exp[j]!, 9));
    });
  });
});
