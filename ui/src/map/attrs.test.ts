import { describe, expect, it } from "vitest";
import { setAttr } from "./attrs";

describe("an attribute written only when it changes", () => {
  it("writes a new value, removes on null, and leaves an equal value untouched", async () => {
    const el = document.createElement("div");
    const seen: (string | null)[] = [];
    new MutationObserver((rs) => rs.forEach((r) => seen.push(r.attributeName))).observe(el, { attributes: true });
    setAttr(el, "aria-pressed", "false");
    setAttr(el, "aria-pressed", "false");
    setAttr(el, "aria-label", null); // absent already
    setAttr(el, "aria-pressed", "true");
    setAttr(el, "aria-pressed", null);
    await Promise.resolve();
    expect(seen).toEqual(["aria-pressed", "aria-pressed", "aria-pressed"]);
    expect(el.hasAttribute("aria-pressed")).toBe(false);
  });
});
