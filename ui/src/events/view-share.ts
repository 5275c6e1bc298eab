/**
 * What share of the events lies in the view, from a grid of their places
 * counted once per projection: summing the cells under the view costs the
 * same for a hundred events or a million. The density switch multiplies it
 * by the exact number on at the date (`counts.ts`) to estimate how many are
 * on screen, without visiting the events while the slider or the map moves.
 */

const N = 64;
/** A base coordinate this large stands for a place off the map (the projection has none). */
export const OFF_MAP = 1e6;
const onMap = (a: number, b: number) => Math.abs(a) < OFF_MAP && Math.abs(b) < OFF_MAP;

export class ViewShare {
  private readonly cells = new Float64Array(N * N);
  private x0 = 0;
  private y0 = 0;
  private cw = 1;
  private ch = 1;
  private total = 0;

  /** `xy`: the events' base-projected places, x and y in turn (`OFF_MAP` or more, or not a number: not on the map). */
  constructor(xy: ArrayLike<number>) {
    const n = xy.length >> 1;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = xy[2 * i]!;
      const b = xy[2 * i + 1]!;
      if (!onMap(a, b)) continue;
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
    if (!(x0 <= x1)) return;
    this.x0 = x0;
    this.y0 = y0;
    this.cw = Math.max(1e-9, (x1 - x0) / N) * (1 + 1e-9);
    this.ch = Math.max(1e-9, (y1 - y0) / N) * (1 + 1e-9);
    for (let i = 0; i < n; i++) {
      const a = xy[2 * i]!;
      const b = xy[2 * i + 1]!;
      if (!onMap(a, b)) continue;
      const cx = Math.min(N - 1, Math.floor((a - x0) / this.cw));
      const cy = Math.min(N - 1, Math.floor((b - y0) / this.ch));
      this.cells[cy * N + cx]!++;
      this.total++;
    }
  }

  /** The share (0–1) of the events inside the base rectangle [bx0, bx1] × [by0, by1], cells cut by it counted by the part inside. */
  inside(bx0: number, by0: number, bx1: number, by1: number): number {
    if (!this.total) return 0;
    let sum = 0;
    const c0 = Math.max(0, Math.floor((bx0 - this.x0) / this.cw));
    const c1 = Math.min(N - 1, Math.floor((bx1 - this.x0) / this.cw));
    const r0 = Math.max(0, Math.floor((by0 - this.y0) / this.ch));
    const r1 = Math.min(N - 1, Math.floor((by1 - this.y0) / this.ch));
    for (let r = r0; r <= r1; r++) {
      const top = this.y0 + r * this.ch;
      const fy = (Math.min(by1, top + this.ch) - Math.max(by0, top)) / this.ch;
      for (let c = c0; c <= c1; c++) {
        const n = this.cells[r * N + c]!;
        if (!n) continue;
        const left = this.x0 + c * this.cw;
        const fx = (Math.min(bx1, left + this.cw) - Math.max(bx0, left)) / this.cw;
        sum += n * Math.max(0, Math.min(1, fx)) * Math.max(0, Math.min(1, fy));
      }
    }
    return Math.min(1, sum / this.total);
  }
}
