// Computed colours, in each form a browser gives them, as SVG 1.1 paint.
import { describe, expect, it } from "vitest";
import { paint } from "./colors";

describe("a computed colour as SVG paint", () => {
  it("reads rgb and rgba, with or without commas", () => {
    expect(paint("rgb(31, 42, 51)")).toEqual({ color: "#1f2a33", opacity: 1 });
    expect(paint("rgba(31, 42, 51, 0.5)", 0.5)).toEqual({ color: "#1f2a33", opacity: 0.25 });
    expect(paint("rgb(31 42 51 / 50%)")).toEqual({ color: "#1f2a33", opacity: 0.5 });
  });

  it("reads what color-mix() computes to", () => {
    expect(paint("color(srgb 1 0.5 0)")).toEqual({ color: "#ff8000", opacity: 1 });
    const p = paint("color(srgb 0.1 0.2 0.3 / 0.85)");
    expect(p.color).toBe("#1a334d");
    expect(p.opacity).toBeCloseTo(0.85);
  });

  it("takes none, transparent and a fully transparent colour as no paint", () => {
    for (const v of ["none", "transparent", "rgba(0, 0, 0, 0)", "", "color(srgb 0 0 0 / 0)"]) expect(paint(v).color).toBe("none");
  });
});
