/**
 * Dots drawn as arcs on a 2D canvas, where the page is composited (the
 * browser) and the canvas is rasterized on the GPU's side of the engine.
 * Dots of one colour and full certainty (most of them) make one path and
 * one fill, so where they overlap they do not darken; the uncertain ones are
 * drawn one by one, fainter. Dots off screen are skipped. Where the page is
 * not composited the dots are written as pixels instead (`pixel-dots.ts`).
 */
import { dotAlpha, inView } from "./marks";

/** The dots' places (base projection), kinds and certainties; the first `n` count. */
export interface ArcDots {
  x: Float64Array;
  y: Float64Array;
  kind: Uint8Array;
  certainty: Float32Array;
  n: number;
}

/** The colours: one per slot, each kind's slot, and each kind's own (for the uncertain ones). */
export interface ArcPalette {
  slots: readonly string[];
  slotOf: readonly number[];
  colors: readonly string[];
}

/**
 * Draw the dots in view at radius `r` (screen = base × k + t, in a view of
 * `w` × `h` CSS px). Returns the box (CSS px: x0, y0, x1, y1) of the dots'
 * centres drawn, or null when none is.
 */
export function drawArcs(
  ctx: CanvasRenderingContext2D,
  dots: ArcDots,
  palette: ArcPalette,
  view: { k: number; tx: number; ty: number; w: number; h: number },
  r: number,
): [number, number, number, number] | null {
  const { x, y, kind, certainty, n } = dots;
  const { k, tx, ty, w, h } = view;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  const grow = (sx: number, sy: number) => {
    if (sx < bx0) bx0 = sx;
    if (sx > bx1) bx1 = sx;
    if (sy < by0) by0 = sy;
    if (sy > by1) by1 = sy;
  };
  ctx.globalAlpha = dotAlpha(1);
  for (let slot = 0; slot < palette.slots.length; slot++) {
    ctx.fillStyle = palette.slots[slot]!;
    ctx.beginPath();
    let any = false;
    for (let j = 0; j < n; j++) {
      if (palette.slotOf[kind[j]!] !== slot || certainty[j]! < 1) continue;
      const sx = x[j]! * k + tx;
      const sy = y[j]! * k + ty;
      if (!inView(sx, sy, w, h)) continue;
      ctx.moveTo(sx + r, sy);
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
      grow(sx, sy);
      any = true;
    }
    if (any) ctx.fill();
  }
  for (let j = 0; j < n; j++) {
    if (certainty[j]! >= 1) continue;
    const sx = x[j]! * k + tx;
    const sy = y[j]! * k + ty;
    if (!inView(sx, sy, w, h)) continue;
    ctx.globalAlpha = dotAlpha(certainty[j]!);
    ctx.fillStyle = palette.colors[kind[j]!] ?? "#5b6872";
    ctx.beginPath();
    ctx.arc(sx, sy, r, 0, Math.PI * 2);
    ctx.fill();
    grow(sx, sy);
  }
  return bx0 <= bx1 ? [bx0, by0, bx1, by1] : null;
}
