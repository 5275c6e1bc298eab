import { describe, expect, it } from "vitest";
import { parseShadow } from "./thumb-picture";

describe("the thumb's shadow, read from the style sheet", () => {
  it("takes the offsets, the blur and the colour of one shadow", () => {
    expect(parseShadow(" 0 1px 3px rgb(0 0 0 / 0.18)")).toEqual({ dx: 0, dy: 1, blur: 3, colour: "rgb(0 0 0 / 0.18)" });
    expect(parseShadow("-2px 0 4.5px #000")).toEqual({ dx: -2, dy: 0, blur: 4.5, colour: "#000" });
  });

  it("paints no shadow for what it cannot read, rather than a wrong one", () => {
    expect(parseShadow("none")).toBeNull();
    expect(parseShadow("")).toBeNull();
  });
});
