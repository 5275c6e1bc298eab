import { describe, expect, it, vi } from "vitest";
import { Fingerprint, MapStates, StateTracker } from "./map-states";

/** A canvas stand-in: its size, and the source of its last copy. */
function fakeCanvas(w = 100, h = 50, name = ""): HTMLCanvasElement {
  const c = { width: w, height: h, name, copiedFrom: "" } as unknown as HTMLCanvasElement & { copiedFrom: string; name: string };
  (c as unknown as { getContext: () => unknown }).getContext = () => ({
    globalCompositeOperation: "source-over",
    drawImage: (from: { name: string }) => (c.copiedFrom = from.name),
    fillRect: () => (c.copiedFrom = "filled"),
  });
  return c;
}

describe("a map state's fingerprint", () => {
  it("is the same for the same elements whatever order they were counted in", () => {
    const a = new Fingerprint(), b = new Fingerprint();
    a.add(0, "path#area countries|member=member#");
    a.add(1, "path#area countries#");
    b.add(1, "path#area countries#");
    b.add(0, "path#area countries|member=member#");
    expect(a.key).toBe(b.key);
  });

  it("comes back to the same key when a change is undone, and differs while it holds", () => {
    const f = new Fingerprint();
    f.add(0, "x");
    f.add(1, "y");
    const before = f.key;
    f.add(1, "y", -1);
    f.add(1, "z");
    expect(f.key).not.toBe(before);
    f.add(1, "z", -1);
    f.add(1, "y");
    expect(f.key).toBe(before);
  });

  it("tells apart two elements swapping their states", () => {
    const a = new Fingerprint(), b = new Fingerprint();
    a.add(0, "member");
    a.add(1, "none");
    b.add(0, "none");
    b.add(1, "member");
    expect(a.key).not.toBe(b.key);
  });
});

describe("following the state element by element", () => {
  it("gives the key a fresh count of the changed state would give", () => {
    const sig = new Map<Element, string>();
    const els = [0, 1, 2].map(() => ({}) as Element);
    els.forEach((e, i) => sig.set(e, `s${i}`));
    const t = new StateTracker((e) => sig.get(e)!);
    t.start(els);
    sig.set(els[1]!, "changed");
    t.change([els[1]!]);
    const fresh = new StateTracker((e) => sig.get(e)!);
    fresh.start(els);
    expect(t.key).toBe(fresh.key);
  });

  it("hands out the signatures it follows without reading them again, and reads them anew once it has lost the state", () => {
    const sig = new Map<Element, string>();
    const els = [0, 1].map(() => ({}) as Element);
    els.forEach((e, i) => sig.set(e, `s${i}`));
    let reads = 0;
    const t = new StateTracker((e) => (reads++, sig.get(e)!));
    t.start(els);
    sig.set(els[1]!, "changed");
    t.change([els[1]!]);
    reads = 0;
    expect(els.map((e) => t.signatureOf(e))).toEqual(["s0", "changed"]);
    expect(reads).toBe(0);
    sig.set(els[0]!, "unseen");
    t.lose();
    expect(t.signatureOf(els[0]!)).toBe("unseen");
    expect(reads).toBe(1);
  });

  it("has no key after a change it cannot follow, until it starts again", () => {
    const t = new StateTracker(() => "s");
    t.start([{} as Element]);
    t.lose();
    expect(t.key).toBeNull();
    t.start([{} as Element]);
    expect(t.key).not.toBeNull();
  });
});

describe("pictures of states drawn before", () => {
  it("keeps no more than its budget allows, dropping the least recently used", () => {
    const made: HTMLCanvasElement[] = [];
    const states = new MapStates(3 * 100 * 50 * 4, () => {
      const c = fakeCanvas();
      made.push(c);
      return c;
    });
    states.setView("v");
    for (const k of ["a", "b", "c"]) states.put(k, fakeCanvas(100, 50, k));
    expect(states.get("a")).not.toBeNull(); // "a" is now the most recently used
    states.put("d", fakeCanvas(100, 50, "d"));
    expect(states.size).toBe(3);
    expect(states.get("b")).toBeNull();
    expect((states.get("a") as unknown as { copiedFrom: string }).copiedFrom).toBe("a");
    expect((states.get("d") as unknown as { copiedFrom: string }).copiedFrom).toBe("d");
    expect(made.length).toBe(3); // the dropped picture's bitmap was used again
  });

  it("forgets every picture when the view changes", () => {
    const states = new MapStates(1e9, () => fakeCanvas());
    states.setView("zoom 1");
    states.put("a", fakeCanvas(100, 50, "a"));
    states.setView("zoom 1");
    expect(states.get("a")).not.toBeNull();
    states.setView("zoom 2");
    expect(states.get("a")).toBeNull();
  });

  it("makes canvases ahead while the page is idle, no more than the budget holds, and keeps pictures in them first", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestIdleCallback", undefined);
    try {
      const made: (HTMLCanvasElement & { copiedFrom: string })[] = [];
      const states = new MapStates(3 * 100 * 50 * 4, () => {
        const c = fakeCanvas(1, 1) as HTMLCanvasElement & { copiedFrom: string };
        made.push(c);
        return c;
      });
      states.setView("v");
      states.put("a", fakeCanvas(100, 50, "a"));
      states.warm(100, 50);
      states.warm(100, 50); // asked again while warming: no second round
      vi.runAllTimers();
      expect(made.length).toBe(3); // room for three: one picture kept, two canvases ahead
      expect(made.slice(1).map((c) => [c.width, c.height, c.copiedFrom])).toEqual([
        [100, 50, "filled"],
        [100, 50, "filled"],
      ]);
      states.put("b", fakeCanvas(100, 50, "b"));
      states.put("c", fakeCanvas(100, 50, "c"));
      expect(made.length).toBe(3); // the canvases made ahead took them
      expect(states.size).toBe(3);
      expect((states.get("c") as unknown as { copiedFrom: string }).copiedFrom).toBe("c");
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it("keeps nothing when one picture is larger than the budget", () => {
    const states = new MapStates(10, () => fakeCanvas());
    states.put("a", fakeCanvas());
    expect(states.size).toBe(0);
  });
});
