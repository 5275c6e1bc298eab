import { describe, expect, it } from "vitest";
import { anyOverlap, placeLabels, type LabelCandidate } from "./labels";

describe("label placement", () => {
  it("never places two overlapping labels", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const cands: LabelCandidate[] = Array.from({ length: 120 }, (_, i) => ({
        id: String(i), text: "Label " + i, x: rnd() * 800, y: rnd() * 600, priority: Math.floor(rnd() * 5), size: 11, beside: rnd() < 0.5,
      }));
      const placed = placeLabels(cands, 800, 600);
      expect(placed.length).toBeGreaterThan(10);
      expect(anyOverlap(placed)).toBe(false);
    }
  });

  it("moves an area's name a line off its anchor to clear a place symbol, and drops it when boxed in", () => {
    const dot = { x0: 95, y0: 95, x1: 105, y1: 105 };
    const placed = placeLabels([{ id: "a", text: "AAAA", x: 100, y: 100, priority: 1, size: 11 }], 400, 300, 2, [dot]);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.box.y1 + 2 <= dot.y0 || placed[0]!.box.y0 >= dot.y1 + 2).toBe(true);
    const wall = { x0: 0, y0: 40, x1: 400, y1: 160 };
    expect(placeLabels([{ id: "a", text: "AAAA", x: 100, y: 100, priority: 1, size: 11 }], 400, 300, 2, [wall])).toEqual([]);
  });

  it("gives the more important of two colliding labels its place and moves the other aside", () => {
    const placed = placeLabels(
      [
        { id: "minor", text: "Minor", x: 100, y: 100, priority: 5, size: 11 },
        { id: "major", text: "Major", x: 105, y: 100, priority: 1, size: 11 },
      ],
      400, 300,
    );
    // The major one keeps its anchor; the minor one gives way, a line up.
    expect(placed.map((p) => p.id)).toEqual(["major", "minor"]);
    expect(placed[0]!.box.y0).toBeCloseTo(100 - 6.6);
    expect(placed[1]!.box.y1).toBeLessThanOrEqual(placed[0]!.box.y0);
    const beside = placeLabels(
      [
        { id: "country", text: "COUNTRY", x: 130, y: 100, priority: 1, size: 11 },
        { id: "city", text: "City", x: 100, y: 100, priority: 2, size: 11, beside: true },
      ],
      400, 300,
    );
    expect(beside.map((p) => p.id).sort()).toEqual(["city", "country"]);
  });
});
