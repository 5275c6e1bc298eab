/**
 * How the base map's canvas follows a change of the map while it stands
 * for the SVG (`basemap.ts`): the changed elements' boxes are copied from
 * the picture of that state if it was drawn before (`map-states.ts`), else
 * painted in a worker (`patch-worker.ts`) and copied in when the bitmaps
 * come, else painted here.
 *
 * Why this order: a copy costs well under a millisecond; painting boxes as
 * wide as the map (a change of borders) costs 10 ms in WebKit's software
 * canvas, which on the page's thread would come before the step's frame.
 * The worker's answers are applied in the order the changes came, so the
 * canvas goes through the same states as the map, a frame or two behind
 * (`data-pending` on the canvas says answers are awaited); a state kept
 * from before, or a whole drawing, drops the answers awaited and replaces
 * the whole canvas.
 */
import { OffThread } from "./off-thread";
import { meets, paintAll, screenBox, type Box, type Drawable, type View } from "./paint-list";
import type { Held } from "../map/held-data";
import type { Hatch } from "./hatch";
import { signature, type PaintStyle, type StyleCache } from "./paint-style";
import { MapStates, StateTracker } from "./map-states";

/** Bytes of pictures of states already drawn, kept for the slider's return. */
const KEPT_BYTES = 64 * 2 ** 20;
/** Beyond this many separate changed boxes, one box round them all. */
const MAX_BOXES = 24;

const around = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/**
 * Boxes that overlap merged into one, so that no pixel is drawn twice; more
 * than `max` left apart become one box round them all. Why not always one:
 * a few disputed areas changing at once lie far apart, and the box round
 * them would redraw most of the map.
 */
export function separate(boxes: readonly Box[], max: number): Box[] {
  const out = [...boxes];
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (!meets(out[i]!, out[j]!)) continue;
        out[i] = around(out[i]!, out[j]!);
        out.splice(j, 1);
        merged = true; // the grown box may meet one already passed: look again
        break;
      }
    }
  }
  return out.length > max ? [out.reduce(around)] : out;
}

export class BasePatches {
  private readonly state: StateTracker;
  private readonly states = new MapStates(KEPT_BYTES);
  private readonly off = OffThread.create();
  private list: readonly Drawable[] = [];
  private view: View = { k: 1, tx: 0, ty: 0, dpr: 1, hatch: null };
  private hatch: Hatch | null = null;
  /** Bumped by a whole drawing or a stale canvas: answers asked before are dropped. */
  private epoch = 0;
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly ctx: CanvasRenderingContext2D,
    private readonly styles: StyleCache,
    /** The story data held back from the SVG, which the state includes. */
    held: Held,
    /** The canvas cannot follow (the worker failed mid-way): stand aside and draw it whole again. */
    private readonly lost: () => void,
  ) {
    this.state = new StateTracker((e) => signature(e, held));
  }

  /** The canvas was just drawn whole from `list` in `view`: the state to follow from, and a picture to keep. */
  drawnWhole(list: readonly Drawable[], view: View, hatch: Hatch | null, viewKey: string): void {
    this.drop();
    this.list = list;
    this.view = view;
    this.hatch = hatch;
    this.off?.shapes(list);
    this.states.setView(viewKey);
    this.state.start(list.map((d) => d.el));
    const key = this.state.key;
    if (key) this.states.put(key, this.canvas);
    this.states.warm(this.canvas.width, this.canvas.height);
  }

  /** What is awaited is not to be applied (the canvas stands aside, or is drawn whole). */
  drop(): void {
    this.epoch++;
  }

  /** The styles changed (a theme): no kept picture is right any more. */
  forget(): void {
    this.states.forget();
  }

  /** A change the state's fingerprint cannot follow came (not a class or data). */
  unknown(): void {
    this.state.lose();
  }

  /** The elements of `dirty` changed: follow them in their boxes (the shapes do not move). */
  patch(dirty: readonly Drawable[]): void {
    if (!dirty.length) return;
    this.state.change(dirty.map((d) => d.el));
    const key = this.state.key;
    const W = this.canvas.width, H = this.canvas.height;
    const boxes: Box[] = [];
    for (const b of separate(dirty.map((d) => screenBox(d, this.view)), MAX_BOXES)) {
      const c: Box = { x0: Math.max(0, Math.floor(b.x0)), y0: Math.max(0, Math.floor(b.y0)), x1: Math.min(W, Math.ceil(b.x1)), y1: Math.min(H, Math.ceil(b.y1)) };
      if (c.x1 > c.x0 && c.y1 > c.y0) boxes.push(c);
    }
    if (!boxes.length) return;
    const kept = key ? this.states.get(key) : null;
    if (kept && !this.pending) return this.copy(kept, boxes);
    if (kept) {
      // Answers still awaited would bring states before this one: drop them and take this state's picture whole.
      this.drop();
      return this.copy(kept, [{ x0: 0, y0: 0, x1: W, y1: H }]);
    }
    if (this.off?.usable) return this.offThread(this.off, boxes, key);
    this.paintHere(boxes);
    if (key) this.states.put(key, this.canvas);
  }

  private copy(from: CanvasImageSource, boxes: readonly Box[]): void {
    for (const c of boxes) {
      this.ctx.clearRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
      this.ctx.drawImage(from, c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0, c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    }
  }

  /** One clip of all the boxes, and each drawable that meets any of them painted once. */
  private paintHere(boxes: readonly Box[]): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const c of boxes) ctx.rect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    ctx.clip();
    for (const c of boxes) ctx.clearRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    paintAll(ctx, this.list, this.styles, this.view, boxes);
    ctx.restore();
  }

  private offThread(off: OffThread, boxes: Box[], key: string | null): void {
    // The styles are the page's to resolve, now; the worker paints with them.
    const paints: [number, PaintStyle][] = [];
    this.list.forEach((d, i) => {
      const b = screenBox(d, this.view, 8);
      if (boxes.some((c) => meets(b, c))) paints.push([i, this.styles.of(d.el, this.state.signatureOf(d.el))]);
    });
    const { k, tx, ty, dpr } = this.view;
    const answer = off.patch({ k, tx, ty, dpr }, this.hatch, boxes, paints);
    const epoch = this.epoch;
    this.pending++;
    this.canvas.dataset.pending = "";
    this.queue = this.queue
      .then(() => answer)
      .then(
        (parts) => {
          if (epoch !== this.epoch) return parts.forEach((p) => p.bitmap.close());
          for (const p of parts) {
            this.ctx.clearRect(p.box.x0, p.box.y0, p.box.x1 - p.box.x0, p.box.y1 - p.box.y0);
            this.ctx.drawImage(p.bitmap, p.box.x0, p.box.y0);
            p.bitmap.close();
          }
          if (key) this.states.put(key, this.canvas);
        },
        () => {
          if (epoch === this.epoch) this.lost();
        },
      )
      .finally(() => {
        if (--this.pending === 0) delete this.canvas.dataset.pending;
      });
  }
}
