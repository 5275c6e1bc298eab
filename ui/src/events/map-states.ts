/**
 * The base map's pictures of states already drawn, found again by the
 * state's fingerprint: when the slider comes back to a state of the map
 * (the same borders, memberships and disputes, in the same view), the
 * changed boxes are copied from the picture kept for it instead of being
 * painted again.
 *
 * Why: a change of borders while the slider is dragged (the USSR's end,
 * Crimea in 1954 or 2014) redraws boxes as wide as the map, 10 ms of the
 * step's frame in WebKit's software canvas; scrubbing goes back and forth
 * over the same few years, and a copy costs well under a millisecond.
 *
 * The fingerprint is a sum over the drawables of a hash of (position in
 * the paint list, paint signature), kept up to date as elements change,
 * so a step costs a hash per changed element, not one per element. Two
 * 32-bit sums with different seeds make a collision as unlikely as a
 * 64-bit hash's. Kept pictures are bounded in bytes; the oldest used goes
 * first.
 *
 * The canvases for pictures are made ahead, while the page is idle
 * (`warm`): the first copy into a new canvas costs 1.5 ms more than into
 * one already written (the system hands its memory over page by page as it
 * is first written), and a first sweep over new states keeps one at most
 * of its steps (docs/benchmarks.md).
 */
import { copyCanvas } from "./canvas-copy";

/** FNV-1a of `s`, from `seed`, as an unsigned 32-bit integer. */
function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A map state's fingerprint: the sum of its elements' hashes, updated one element at a time. */
export class Fingerprint {
  private a = 0;
  private b = 0;

  /** Count element `i` with paint signature `sig` in (sign 1) or out (sign -1). */
  add(i: number, sig: string, sign: 1 | -1 = 1): void {
    const s = `${i}|${sig}`;
    this.a = (this.a + sign * fnv(s, 0x811c9dc5)) >>> 0;
    this.b = (this.b + sign * fnv(s, 0x9747b28c)) >>> 0;
  }

  get key(): string {
    return `${this.a.toString(36)}.${this.b.toString(36)}`;
  }
}

/** The fingerprint of the elements' paint signatures, followed element by element (null once a change it cannot follow came). */
export class StateTracker {
  private at = new Map<Element, number>();
  private sigs = new Map<Element, string>();
  private print: Fingerprint | null = null;

  constructor(private readonly signature: (e: Element) => string) {}

  /** Start from `els` as they are now, in painting order. */
  start(els: readonly Element[]): void {
    const print = new Fingerprint();
    this.at = new Map();
    this.sigs = new Map();
    els.forEach((e, i) => {
      const sig = this.signature(e);
      this.at.set(e, i);
      this.sigs.set(e, sig);
      print.add(i, sig);
    });
    this.print = print;
  }

  /** `els` may have changed. */
  change(els: Iterable<Element>): void {
    const print = this.print;
    if (!print) return;
    for (const e of els) {
      const i = this.at.get(e), was = this.sigs.get(e), now = this.signature(e);
      if (i === undefined || was === undefined || was === now) continue;
      print.add(i, was, -1);
      print.add(i, now);
      this.sigs.set(e, now);
    }
  }

  /**
   * `e`'s paint signature as followed (elements not told as changed keep the
   * one they had: the fingerprint rests on that too), or read anew once a
   * change could not be followed. Reading it costs a walk over the
   * element's and its group's data; a change of borders paints hundreds.
   */
  signatureOf(e: Element): string {
    return (this.print && this.sigs.get(e)) ?? this.signature(e);
  }

  /** A change the signatures do not show came: no key until the next start. */
  lose(): void {
    this.print = null;
  }

  get key(): string | null {
    return this.print?.key ?? null;
  }
}

/** Run `f` when the page is idle (or soon, where it cannot say). */
const whenIdle = (f: () => void): void => {
  if (typeof requestIdleCallback === "function") requestIdleCallback(f, { timeout: 1000 });
  else setTimeout(f, 30);
};

/** Pictures by (view, fingerprint), at most `budget` bytes of them, least recently used dropped first. */
export class MapStates {
  private readonly kept = new Map<string, HTMLCanvasElement>();
  /** Canvases made and written once ahead of need, of the size `target` the last `warm` asked. */
  private spare: HTMLCanvasElement[] = [];
  private target: [number, number] = [0, 0];
  private warming = false;
  private view = "";

  constructor(
    private readonly budget: number,
    private readonly make: () => HTMLCanvasElement = () => document.createElement("canvas"),
  ) {}

  /** The view the pictures are for (zoom, offset, size, theme): another view forgets them all. */
  setView(view: string): void {
    if (view === this.view) return;
    this.view = view;
    this.kept.clear();
  }

  forget(): void {
    this.kept.clear();
    this.view = "";
  }

  /**
   * Make canvases of `w` × `h` for pictures to come, one per idle moment,
   * until they and the pictures kept fill the budget.
   */
  warm(w: number, h: number): void {
    if (this.target[0] !== w || this.target[1] !== h) {
      this.target = [w, h];
      this.spare = [];
    }
    if (this.warming) return;
    this.warming = true;
    const one = () => {
      const [w, h] = this.target;
      const c = this.spare.length + this.kept.size < Math.floor(this.budget / Math.max(1, w * h * 4)) ? Object.assign(this.make(), { width: w, height: h }) : null;
      const ctx = c?.getContext("2d");
      if (!c || !ctx) return void (this.warming = false);
      ctx.fillRect(0, 0, w, h); // every page of its memory written once
      this.spare.push(c);
      whenIdle(one);
    };
    whenIdle(one);
  }

  get(key: string): HTMLCanvasElement | null {
    const c = this.kept.get(key);
    if (!c) return null;
    this.kept.delete(key); // most recently used last
    this.kept.set(key, c);
    return c;
  }

  /** Keep a copy of `from` as the picture of state `key`. */
  put(key: string, from: HTMLCanvasElement): void {
    const bytes = from.width * from.height * 4;
    const room = Math.floor(this.budget / Math.max(1, bytes));
    if (room < 1) return;
    let c = this.kept.get(key) ?? null;
    this.kept.delete(key);
    while (this.kept.size >= room) {
      const [oldest, old] = this.kept.entries().next().value as [string, HTMLCanvasElement];
      this.kept.delete(oldest);
      c ??= old; // reuse its bitmap
    }
    c ??= this.spare.pop() ?? this.make();
    if (copyCanvas(from, c)) this.kept.set(key, c);
  }

  get size(): number {
    return this.kept.size;
  }
}
