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

  it("avoids obstacles such as place symbols", () => {
    const placed = placeLabels([{ id: "a", text: "AAAA", x: 100, y: 100, priority: 1, size: 11 }], 400, 300, 2, [{ x0: 95, y0: 95, x1: 105, y1: 105 }]);
    expect(placed).toEqual([]);
  });

  it("keeps the more important of two colliding labels and moves a point label aside", () => {
    const placed = placeLabels(
      [
        { id: "minor", text: "Minor", x: 100, y: 100, priority: 5, size: 11 },
        { id: "major", text: "Major", x: 105, y: 100, priority: 1, size: 11 },
      ],
      400, 300,
    );
    expect(placed.map((p) => p.id)).toEqual(["major"]);
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
