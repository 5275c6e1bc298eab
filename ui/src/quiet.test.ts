import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Quiet } from "./quiet";

describe("Quiet", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] }));
  afterEach(() => vi.useRealTimers());

  it("runs once, the given time after the last poke", () => {
    let runs = 0;
    const q = new Quiet(100, () => runs++);
    q.poke();
    vi.advanceTimersByTime(60);
    q.poke();
    vi.advanceTimersByTime(60);
    q.poke();
    vi.advanceTimersByTime(99);
    expect(runs).toBe(0);
    expect(q.pending).toBe(true);
    vi.advanceTimersByTime(2);
    expect(runs).toBe(1);
    expect(q.pending).toBe(false);
    vi.advanceTimersByTime(500);
    expect(runs).toBe(1);
  });

  it("keeps one timer however often it is poked", () => {
    const q = new Quiet(100, () => undefined);
    for (let i = 0; i < 50; i++) {
      q.poke();
      vi.advanceTimersByTime(1);
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it("can be cancelled", () => {
    let runs = 0;
    const q = new Quiet(100, () => runs++);
    q.poke();
    q.cancel();
    vi.advanceTimersByTime(200);
    expect(runs).toBe(0);
  });
});
