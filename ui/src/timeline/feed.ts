/**
 * Keeps the core's answers in step with the slider without making the
 * slider wait for them.
 *
 * When the page has drawn a move itself, from its own copy of the event
 * columns and of the core's overview states (memberships and disputes),
 * nothing is asked while the slider is dragged. Without the overview states,
 * memberships and disputes are asked after the move's frame is painted
 * (starting a request costs about a millisecond, which the input's frame
 * should not pay). Once the slider rests for {@link REST_MS}, or while it
 * plays, the full state follows, with every active event's details. Only the
 * latest date is ever asked (answers for dates left behind are dropped), and
 * answers are drawn at the next animation frame, with that frame's other DOM
 * writes.
 */
import type { State, StateEvents } from "../api/bindings";
import { Quiet } from "../quiet";

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
  /** The move it was asked for (see `StateFeed.moves`). */
  move: number;
}

interface Pending {
  state: State;
  at: number;
  events: StateEvents;
  move: number;
}

export class StateFeed {
  /** The last full state received. */
  latest: State | null = null;
  private wanted: Want | null = null;
  private inflight = false;
  private scheduled = false;
  private pending: Pending | null = null;
  /** The slider's last date, and what runs once it has rested there for REST_MS. */
  private restDay = 0;
  private readonly rest = new Quiet(REST_MS, () => this.rested(this.restDay));
  private isMoving = false;
  /** Moves of the slider so far, and the last one whose memberships the page drew itself. */
  private moves = 0;
  private drewOverview = 0;

  constructor(private readonly o: FeedOptions) {}

  /**
   * The slider moved to `day`. `drawnLocally`: the page's index has already
   * drawn its events; `overviewLocally`: and its memberships and disputes.
   */
  moved(day: number, drawnLocally: boolean, overviewLocally = false): void {
    this.moves++;
    if (!drawnLocally) {
      this.rest.cancel();
      this.setMoving(false);
      void this.refresh(day);
      return;
    }
    const playing = this.o.playing();
    if (playing || !overviewLocally) {
      this.want(day, playing ? "all" : "none");
      this.startAfterPaint();
    } else {
      this.wanted = null;
      this.drewOverview = this.moves;
    }
    if (!playing) {
      this.setMoving(true);
      this.restDay = day;
      this.rest.poke();
    } else if (this.rest.pending) {
      this.rest.cancel();
      this.setMoving(false);
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
    this.setMoving(false);
    const s = this.latest;
    if (s && s.day === day) this.drawAtFrame(s, performance.now(), "all");
    else {
      this.want(day, "all");
      this.startAfterPaint();
    }
  }

  /** Say once when the slider starts or stops being moved (the flag is kept with or without a listener). */
  private setMoving(m: boolean): void {
    if (m === this.isMoving) return;
    this.isMoving = m;
    this.o.moving?.(m);
  }

  private want(day: number, events: StateEvents): void {
    this.wanted = { day, at: performance.now(), events, move: this.moves };
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
        this.drawAtFrame(state, w.at, w.events, w.move);
      }
    } catch (e) {
      this.o.onError(e);
    } finally {
      this.inflight = false;
    }
  }

  private drawAtFrame(state: State, at: number, events: StateEvents, move = this.moves): void {
    const first = this.pending === null;
    this.pending = { state, at, events, move };
    if (first) requestAnimationFrame(() => this.flush());
  }

  private draw(p: Pending): void {
    // Memberships of a date the slider has left, after the page drew a later one itself.
    if (p.events === "none" && p.move < this.drewOverview) return;
    // A full state asked before the slider moved again by hand (or by a
    // script) would draw a date the page has left: the rest asks for the new
    // one. While playing, the answers trail the steps by design and are drawn.
    if (p.events === "all" && p.move < this.moves && this.isMoving) return;
    if (p.events === "all") this.o.full(p.state, p.at);
    else this.o.overview(p.state);
  }
}
