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

  it("while held, leaves the SVG as it was, says once at the end of the task which elements changed, and answers with the held values", async () => {
    const d = new HeldData();
    const a = node(), b = node();
    a.dataset.member = "member";
    const told: SVGElement[][] = [];
    d.hold((nodes) => told.push(nodes));
    d.set([[a, "member", undefined], [a, "member", "frozen"]]);
    d.set([[b, "dispute", "fighting"]]);
    expect(told).toEqual([]);
    await Promise.resolve();
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

  it("holds classes as classList would change them, and writes the class attribute when released", () => {
    const d = new HeldData();
    const a = node();
    a.setAttribute("class", "region area off");
    d.hold(() => {});
    d.toggle(a, { approximate: true, off: false, "fade-out": false });
    expect(a.getAttribute("class")).toBe("region area off");
    expect(d.value(a, "class")).toBe("region area approximate");
    d.toggle(a, { approximate: true, off: true }); // a class already there stays where it is
    expect(d.value(a, "class")).toBe("region area approximate off");
    d.release();
    expect(a.getAttribute("class")).toBe("region area approximate off");
    // Not held: written at once; no change, no write.
    d.toggle(a, { off: false });
    expect(a.getAttribute("class")).toBe("region area approximate");
  });

  it("tells nothing once released before the end of the task", async () => {
    const d = new HeldData();
    const told: SVGElement[][] = [];
    d.hold((nodes) => told.push(nodes));
    d.set([[node(), "member", "member"]]);
    d.release();
    await Promise.resolve();
    expect(told).toEqual([]);
  });
});
