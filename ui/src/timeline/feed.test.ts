import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { State, StateEvents } from "../api/bindings";
import { REST_MS, StateFeed } from "./feed";

function stateAt(day: number): State {
  return { at: "2022-01-08", day, events: [], memberships: [], disputes: [] };
}

describe("StateFeed", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame", "performance"] });
  });
  afterEach(() => vi.useRealTimers());

  function setup(playing = false) {
    const asked: [number, StateEvents][] = [];
    const full: number[] = [];
    const overview: number[] = [];
    const moving: boolean[] = [];
    const feed = new StateFeed({
      fetch: (day, events) => {
        asked.push([day, events]);
        return Promise.resolve(stateAt(day));
      },
      full: (s) => full.push(s.day),
      overview: (s) => overview.push(s.day),
      playing: () => playing,
      onError: (e) => {
        throw e;
      },
      moving: (m) => moving.push(m),
    });
    return { feed, asked, full, overview, moving };
  }

  /** A feed whose answer for `slowDay` waits until `release` is called. */
  function slowFeed(slowDay: number) {
    const asked: number[] = [];
    const full: number[] = [];
    let released: () => void = () => undefined;
    const wait = new Promise<void>((r) => (released = r));
    const feed = new StateFeed({
      fetch: async (day) => {
        asked.push(day);
        if (day === slowDay) await wait;
        return stateAt(day);
      },
      full: (s) => full.push(s.day),
      overview: () => undefined,
      playing: () => false,
      onError: () => undefined,
    });
    return { feed, asked, full, release: () => released() };
  }

  it("asks for memberships only while the slider moves, once per frame, and for the full state when it rests", async () => {
    const { feed, asked, full, overview, moving } = setup();
    feed.moved(100, true);
    feed.moved(101, true);
    feed.moved(102, true);
    expect(asked).toEqual([]); // nothing is asked within the input's own frame
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual([[102, "none"]]);
    await vi.advanceTimersByTimeAsync(20);
    expect(overview).toEqual([102]);
    expect(full).toEqual([]);
    expect(moving).toEqual([true]);
    await vi.advanceTimersByTimeAsync(REST_MS + 40);
    expect(asked).toEqual([[102, "none"], [102, "all"]]);
    expect(full).toEqual([102]);
    expect(moving).toEqual([true, false]);
    expect(feed.latest?.day).toBe(102);
  });

  it("asks nothing while the slider moves when the page drew the memberships too", async () => {
    const { feed, asked, full, overview, moving } = setup();
    feed.moved(100, true, true);
    await vi.advanceTimersByTimeAsync(20);
    feed.moved(101, true, true);
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual([]);
    expect(overview).toEqual([]);
    expect(moving).toEqual([true]);
    await vi.advanceTimersByTimeAsync(REST_MS + 40);
    expect(asked).toEqual([[101, "all"]]);
    expect(full).toEqual([101]);
    expect(moving).toEqual([true, false]);
  });

  it("does not draw memberships asked before a move the page drew itself", async () => {
    const { feed, asked, overview } = setup();
    feed.moved(100, true);
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual([[100, "none"]]);
    feed.moved(101, true, true); // the answer for 100 is on its way
    await vi.advanceTimersByTimeAsync(40);
    expect(overview).toEqual([]);
  });

  it("asks for the full state at once when the page could not draw the move itself", async () => {
    const { feed, asked, full } = setup();
    feed.moved(7, false);
    expect(asked).toEqual([[7, "all"]]);
    await vi.advanceTimersByTimeAsync(20);
    expect(full).toEqual([7]);
  });

  it("asks for the full state while playing", async () => {
    const { feed, asked, moving } = setup(true);
    feed.moved(5, true);
    await vi.advanceTimersByTimeAsync(40);
    expect(asked).toEqual([[5, "all"]]);
    expect(moving).toEqual([]);
  });

  it("does not draw a full state whose date the slider left before it came, and draws the new date once the slider rests", async () => {
    const { feed, full, release } = slowFeed(200);
    feed.moved(100, true, true);
    await vi.advanceTimersByTimeAsync(REST_MS + 40);
    expect(full).toEqual([100]);
    feed.moved(200, true, true);
    await vi.advanceTimersByTimeAsync(REST_MS + 20); // 200 is asked, its answer on its way
    feed.moved(300, true, true); // the page draws 300 itself
    release();
    await vi.advanceTimersByTimeAsync(20);
    expect(full).toEqual([100]); // 200's answer is not drawn over 300
    await vi.advanceTimersByTimeAsync(REST_MS + 40);
    expect(full).toEqual([100, 300]);
  });

  it("drops an answer for a date left behind", async () => {
    const { feed, asked, full, release } = slowFeed(1);
    const first = feed.refresh(1);
    void feed.refresh(2);
    release();
    await first;
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual([1, 2]);
    expect(full).toEqual([2]);
  });
});
