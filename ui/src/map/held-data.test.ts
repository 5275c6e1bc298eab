import { describe, expect, it } from "vitest";
import { HeldData } from "./held-data";

const node = () => document.createElementNS("http://www.w3.org/2000/svg", "path");

describe("story data held back from the SVG", () => {
  it("is written at once while nothing holds it", () => {
    const d = new HeldData();
    const n = node();
    d.set([[n, "member", "member"]]);
    expect(n.dataset.member).toBe("member");
  });

  it("while held, leaves the SVG as it was, says which elements changed, and answers with the held values", () => {
    const d = new HeldData();
    const a = node(), b = node();
    a.dataset.member = "member";
    const told: SVGElement[][] = [];
    d.hold((nodes) => told.push(nodes));
    d.set([[a, "member", undefined], [a, "member", "frozen"], [b, "dispute", "fighting"]]);
    expect(a.dataset.member).toBe("member");
    expect(b.dataset.dispute).toBeUndefined();
    expect(told).toEqual([[a, b]]);
    expect(d.value(a, "member")).toBe("frozen");
    expect(d.of(b)).toEqual({ dispute: "fighting" });
  });

  it("writes the last held value of each key when released, removals included, and holds no more", () => {
    const d = new HeldData();
    const a = node();
    a.dataset.member = "member";
    a.dataset.role = "absent";
    d.hold(() => {});
    d.set([[a, "member", "frozen"], [a, "role", undefined]]);
    d.release();
    expect(a.dataset.member).toBe("frozen");
    expect(a.dataset.role).toBeUndefined();
    d.set([[a, "member", "member"]]);
    expect(a.dataset.member).toBe("member");
    expect(d.of(a)).toBeUndefined();
  });

  it("drops what it holds for an element whose data were written whole meanwhile (a border's version shown again)", () => {
    const d = new HeldData();
    const a = node();
    d.hold(() => {});
    d.set([[a, "member", "member"]]);
    a.dataset.member = "frozen"; // written whole by the map
    d.forget(a);
    d.release();
    expect(a.dataset.member).toBe("frozen");
  });
});
