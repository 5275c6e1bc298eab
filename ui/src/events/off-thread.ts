/**
 * The page's side of the base map's painting worker (`patch-worker.ts`):
 * sends it the map's shapes once per list, asks for boxes and answers with
 * their bitmaps. Null where workers or offscreen canvases are missing; once
 * the worker fails, it is not asked again and the page paints itself.
 */
import type { Box, Drawable } from "./paint-list";
import type { Hatch } from "./hatch";
import type { PaintStyle } from "./paint-style";
import type { FromWorker, PatchView, ToWorker } from "./patch-worker";

export type Part = { box: Box; bitmap: ImageBitmap };

export class OffThread {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (p: Part[]) => void; reject: (e: Error) => void }>();
  private sent: readonly Drawable[] | null = null;
  private broken = false;

  static create(): OffThread | null {
    if (typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined" || !("transferToImageBitmap" in OffscreenCanvas.prototype)) return null;
    try {
      return new OffThread(new Worker(new URL("./patch-worker.ts", import.meta.url)));
    } catch (e) {
      console.warn("The base map paints on the page's thread:", e);
      return null;
    }
  }

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const w = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      if ("error" in e.data) {
        this.fail(new Error(e.data.error));
        w?.reject(new Error(e.data.error));
      } else w?.resolve(e.data.parts);
    };
    worker.onerror = (e) => this.fail(new Error(e.message || "the painting worker failed"));
  }

  /** Whether boxes can be asked for. */
  get usable(): boolean {
    return !this.broken;
  }

  private fail(e: Error): void {
    if (!this.broken) console.warn("The base map paints on the page's thread from now on:", e.message);
    this.broken = true;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  /** The map's drawables, in painting order (sent only when the list is another). */
  shapes(list: readonly Drawable[]): void {
    // A path's Path2D is kept per element and `d` (paint-list.ts): the same object, the same shape.
    const alike = (a: Drawable, b: Drawable) => a.el === b.el && (a.path === b.path || (!("d" in a.shape) && JSON.stringify(a.shape) === JSON.stringify(b.shape)));
    const same = this.sent !== null && this.sent.length === list.length && this.sent.every((d, i) => alike(d, list[i]!));
    if (same) return;
    this.sent = list;
    this.post({ type: "shapes", shapes: list.map((d) => ({ shape: d.shape, scale: d.scale, zoomed: d.zoomed })) });
  }

  /** Paint `boxes` (device px) with the drawables `paints` names, in the given styles. */
  patch(view: PatchView, hatch: Hatch | null, boxes: Box[], paints: [number, PaintStyle][]): Promise<Part[]> {
    if (this.broken) return Promise.reject(new Error("the painting worker failed"));
    const id = this.next++;
    return new Promise<Part[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: "patch", id, view, hatch, boxes, paints });
    });
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }
}
