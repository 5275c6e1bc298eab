import { describe, expect, it } from "vitest";
import { separate } from "./base-patches";

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe("the boxes a change of the map redraws", () => {
  it("keeps boxes far apart separate, so that the map between them is not drawn again", () => {
    const far = [box(0, 0, 10, 10), box(500, 300, 520, 320)];
    expect(separate(far, 24)).toEqual(far);
  });

  it("merges boxes that overlap, including through a box grown by an earlier merge", () => {
    // a meets neither b nor c; b and c meet; the box round them meets a.
    const a = box(0, 0, 10, 10), b = box(20, 5, 30, 15), c = box(5, 12, 25, 20);
    expect(separate([a, b, c], 24)).toEqual([box(0, 0, 30, 20)]);
  });

  it("draws one box round them all beyond the limit", () => {
    const many = Array.from({ length: 5 }, (_, i) => box(i * 100, 0, i * 100 + 10, 10));
    expect(separate(many, 4)).toEqual([box(0, 0, 410, 10)]);
    expect(separate(many, 5)).toHaveLength(5);
  });
});
