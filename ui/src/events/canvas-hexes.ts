/**
 * The density view drawn on a 2D canvas, for pages that are not composited
 * (the desktop app's WebKitGTK). There a WebGL canvas is read back and
 * painted in software at every frame, whatever it shows, while a 2D canvas
 * is already a bitmap in memory: counting the events in view per hexagon in
 * JavaScript and filling a few hundred hexagons, one path a class, costs
 * less (docs/benchmarks.md). Same grid, classes, colours and gap as the
 * GPU's pass and the export (`hexbin.ts`, `marks.ts`), so all three draw
 * the same picture.
 */
import { DENSITY_COLORS, densityClass, hexCenter } from "./hexbin";
import { hexCorners, hexCounts } from "./marks";

/** A hexagon's corners as offsets from its centre. */
const CORNERS = hexCorners(0, 0);

export class CanvasHexes {
  private counts: Uint32Array = new Uint32Array(0);

  /**
   * Count the first `n` points (screen CSS px in `x`, `y`) per hexagon of a
   * w × h view panned by (tx, ty), and fill the hexagons in their classes'
   * colours. Returns the box of the hexagons' centres (CSS px), or null for none.
   */
  draw(ctx: CanvasRenderingContext2D, x: Float64Array, y: Float64Array, n: number, w: number, h: number, tx: number, ty: number): [number, number, number, number] | null {
    const { grid: g, counts } = hexCounts(x, y, n, w, h, tx, ty, this.counts);
    if (counts.buffer !== this.counts.buffer) this.counts = counts;
    let box: [number, number, number, number] | null = null;
    ctx.globalAlpha = 0.85;
    for (let cls = 0; cls < DENSITY_COLORS.length; cls++) {
      ctx.fillStyle = DENSITY_COLORS[cls]!;
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < counts.length; i++) {
        const count = counts[i]!;
        if (count === 0 || densityClass(count) !== cls) continue;
        const [cx0, cy0] = hexCenter(g.col0 + (i % g.cols), g.row0 + Math.floor(i / g.cols));
        const cx = cx0 + tx;
        const cy = cy0 + ty;
        ctx.moveTo(cx + CORNERS[0]![0], cy + CORNERS[0]![1]);
        for (let k = 1; k < 6; k++) ctx.lineTo(cx + CORNERS[k]![0], cy + CORNERS[k]![1]);
        ctx.closePath();
        any = true;
        if (!box) box = [cx, cy, cx, cy];
        else {
          if (cx < box[0]) box[0] = cx;
          if (cy < box[1]) box[1] = cy;
          if (cx > box[2]) box[2] = cx;
          if (cy > box[3]) box[3] = cy;
        }
      }
      if (any) ctx.fill();
    }
    ctx.globalAlpha = 1;
    return box;
  }
}
