import { describe, expect, it } from "vitest";
import { HeldData } from "../map/held-data";
import { signature, StyleCache } from "./paint-style";

const NS = "http://www.w3.org/2000/svg";

/** A map's SVG in the page, with the rule that hides a version not in force. */
function mapWith(cls: string): { svg: SVGSVGElement; path: SVGPathElement } {
  // The map's host holds the SVG (and the hidden box where held states are read).
  const host = document.createElement("section");
  const style = document.createElement("style");
  style.textContent = ".region.off { visibility: hidden; } .region[data-dispute] { fill: rgb(200, 0, 0); }";
  document.head.replaceChildren(style);
  const svg = document.createElementNS(NS, "svg");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("class", cls);
  svg.append(path);
  host.append(svg);
  document.body.replaceChildren(host);
  return { svg, path };
}

describe("the paint of a state held back from the SVG", () => {
  it("is read with the held classes, as the element will have them once they are written", () => {
    const { path } = mapWith("region area off");
    const held = new HeldData();
    held.hold(() => {});
    const cache = new StyleCache(held.of);
    expect(cache.of(path).hidden).toBe(true);
    held.toggle(path, { off: false }); // the version comes into force while the slider is dragged
    expect(path.getAttribute("class")).toBe("region area off");
    expect(cache.of(path).hidden).toBe(false);
    held.toggle(path, { off: true });
    expect(cache.of(path).hidden).toBe(true);
  });

  it("is keyed by the held state, and a probe leaves nothing behind", () => {
    const { svg, path } = mapWith("region area");
    const held = new HeldData();
    held.hold(() => {});
    const before = signature(path, held.of);
    held.set([[path, "dispute", "fighting"]]);
    held.toggle(path, { off: true });
    expect(signature(path, held.of)).not.toBe(before);
    expect(signature(path, held.of)).toContain("region area off");
    const touched = new MutationObserver(() => undefined);
    touched.observe(svg, { subtree: true, childList: true, attributes: true });
    expect(new StyleCache(held.of).of(path).fill).toBe("rgb(200, 0, 0)");
    // Read beside the SVG, not in it: the SVG is not touched, and the copies are gone.
    expect(touched.takeRecords()).toEqual([]);
    expect(document.querySelector(".paint-probes")?.childNodes.length).toBe(0);
  });
});
