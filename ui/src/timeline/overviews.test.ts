import { describe, expect, it } from "vitest";
import type { State } from "../api/bindings";
import { Overviews } from "./overviews";

const st = (day: number): State => ({ at: String(day), day, events: [], memberships: [], disputes: [] });

describe("Overviews", () => {
  const ov = new Overviews([st(-10), st(0), st(5), st(100)]);
  it("finds the state holding on a day, the first also before its own", () => {
    expect(ov.at(-500).day).toBe(-10);
    expect(ov.at(-10).day).toBe(-10);
    expect(ov.at(-1).day).toBe(-10);
    expect(ov.at(0).day).toBe(0);
    expect(ov.at(4).day).toBe(0);
    expect(ov.at(5).day).toBe(5);
    expect(ov.at(99).day).toBe(5);
    expect(ov.at(100).day).toBe(100);
    expect(ov.at(1e6).day).toBe(100);
  });
  it("agrees with a scan", () => {
    for (let d = -20; d < 120; d++) {
      const want = [-10, 0, 5, 100].filter((x) => x <= d).pop() ?? -10;
      expect(ov.at(d).day).toBe(want);
    }
  });
  it("rejects an empty list and days out of order", () => {
    expect(() => new Overviews([])).toThrow(/no states/);
    expect(() => new Overviews([st(3), st(3)])).toThrow(/out of order at 1/);
  });
});
