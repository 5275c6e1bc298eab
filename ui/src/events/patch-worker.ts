/**
 * A worker that paints boxes of the base map (`basemap.ts`) off the page's
 * thread: it holds the map's shapes, and for each change paints the boxes
 * asked, with the styles the page resolved, each on an offscreen canvas
 * handed back as a bitmap.
 *
 * Why: a change of borders while the slider is dragged redraws boxes as
 * wide as the map (10 ms in WebKit's software canvas), and on the page's
 * thread that time comes before the step's frame. Here it runs beside it;
 * the page copies the bitmaps in when they come, a frame or two later.
 */
import { paint, pathOf, type Box, type Paintable, type Shape } from "./paint-list";
import { hatchPattern, type Hatch } from "./hatch";
import type { PaintStyle } from "./paint-style";

/** The view's zoom and offset (screen = unit × k + t) and device pixels per CSS px. */
export interface PatchView { k: number; tx: number; ty: number; dpr: number }

export type ToWorker =
  | { type: "shapes"; shapes: { shape: Shape; scale: number; zoomed: boolean }[] }
  | { type: "patch"; id: number; view: PatchView; hatch: Hatch | null; boxes: Box[]; paints: [number, PaintStyle][] };

export type FromWorker = { id: number; parts: { box: Box; bitmap: ImageBitmap }[] } | { id: number; error: string };

/** The worker's side of messaging (the DOM's types describe a window's). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker, transfer: Transferable[]): void;
};

let items: Paintable[] = [];

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "shapes") {
    items = m.shapes.map((s) => ({ ...s, path: pathOf(s.shape) }));
    return;
  }
  try {
    const parts = m.boxes.map((box) => {
      const c = new OffscreenCanvas(box.x1 - box.x0, box.y1 - box.y0);
      const ctx = c.getContext("2d");
      if (!ctx) throw new Error("no 2D context on an offscreen canvas");
      const view = { ...m.view, hatch: hatchPattern(ctx, m.hatch, (side) => new OffscreenCanvas(side, side)) };
      for (const [i, st] of m.paints) {
        const d = items[i];
        if (d) paint(ctx, d, st, view, box.x0, box.y0);
      }
      return { box, bitmap: c.transferToImageBitmap() };
    });
    scope.postMessage({ id: m.id, parts }, parts.map((p) => p.bitmap));
  } catch (err) {
    scope.postMessage({ id: m.id, error: String(err) }, []);
  }
};
