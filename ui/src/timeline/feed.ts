/**
 * Keeps the core's answers in step with the slider without making the
 * slider wait for them.
 *
 * When the page's own index of the event columns has already drawn a move,
 * the core is asked after that frame is painted (starting a request costs
 * about a millisecond, which the input's frame should not pay), and while the
 * slider is being moved only for memberships and disputes, a few hundred
 * bytes. Once the slider rests for {@link REST_MS}, or while it plays, the
 * full state follows, with every active event's details. Only the latest
 * date is ever asked (answers for dates left behind are dropped), and answers
 * are drawn at the next animation frame, with that frame's other DOM writes.
 */
import type { State, StateEvents } from "../api/bindings";

/** How long the slider must stay still before the full state is asked. */
export const REST_MS = 150;

export interface FeedOptions {
  fetch: (day: number, events: StateEvents) => Promise<State>;
  /** Draw a full state (events with their details). `inputAt`: when the move that asked for it happened. */
  full: (state: State, inputAt: number) => void;
  /** Draw what an events-less state brings: memberships and disputes. */
  overview: (state: State) => void;
  playing: () => boolean;
  onError: (e: unknown) => void;
  /** The slider started (true) or stopped (false) being moved by hand. */
  moving?: (moving: boolean) => void;
}

interface Want {
  day: number;
  at: number;
  events: StateEvents;
}

export class StateFeed {
  /** The last full state received. */
  latest: State | null = null;
  private wanted: Want | null = null;
  private inflight = false;
  private scheduled = false;
  private pending: { state: State; at: number; events: StateEvents } | null = null;
  private restTimer = 0;
  private isMoving = false;

  constructor(private readonly o: FeedOptions) {}

  /** The slider moved to `day`; `drawnLocally` when the page's index has already drawn it. */
  moved(day: number, drawnLocally: boolean): void {
    clearTimeout(this.restTimer);
    if (!drawnLocally) {
      void this.refresh(day);
      return;
    }
    const playing = this.o.playing();
    this.want(day, playing ? "all" : "none");
    this.startAfterPaint();
    if (!playing) {
      if (!this.isMoving) this.o.moving?.((this.isMoving = true));
      this.restTimer = window.setTimeout(() => this.rested(day), REST_MS);
    }
  }


  /** Ask at once for the full state at `day`; resolves when it has been received. */
  async refresh(day: number): Promise<void> {
    this.want(day, "all");
    if (this.inflight) return;
    this.inflight = true;
    await this.loop();
  }

  /** Draw now what is waiting for the next frame (e.g. before the app says it is ready). */
  flush(): void {
    const p = this.pending;
    this.pending = null;
    if (p) this.draw(p);
  }

  private rested(day: number): void {
    this.o.moving?.((this.isMoving = false));
    const s = this.latest;
    if (s && s.day === day) this.drawAtFrame(s, performance.now(), "all");
    else {
      this.want(day, "all");
      this.startAfterPaint();
    }
  }

  private want(day: number, events: StateEvents): void {
    this.wanted = { day, at: performance.now(), events };
  }

  private startAfterPaint(): void {
    if (this.scheduled || this.inflight) return;
    this.scheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.scheduled = false;
        if (!this.wanted || this.inflight) return;
        this.inflight = true;
        void this.loop();
      }),
    );
  }

  private async loop(): Promise<void> {
    try {
      while (this.wanted) {
        const w = this.wanted;
        this.wanted = null;
        const state = await this.o.fetch(w.day, w.events);
        // A newer date was asked meanwhile: skip this answer, fetch that one.
        if (this.wanted) continue;
        if (w.events === "all") this.latest = state;
        this.drawAtFrame(state, w.at, w.events);
      }
    } catch (e) {
      this.o.onError(e);
    } finally {
      this.inflight = false;
    }
  }

  private drawAtFrame(state: State, at: number, events: StateEvents): void {
    const first = this.pending === null;
    this.pending = { state, at, events };
    if (first) requestAnimationFrame(() => this.flush());
  }

  private draw(p: { state: State; at: number; events: StateEvents }): void {
    if (p.events === "all") this.o.full(p.state, p.at);
    else this.o.overview(p.state);
  }
}
