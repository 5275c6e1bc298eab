/**
 * Dots written into pixels by script and put on the canvas in one copy, for
 * pages that are not composited (the desktop app's WebKitGTK).
 *
 * Why: there the 2D canvas is rasterized in software when the page is
 * painted, and a path of a few thousand anti-aliased circles cost about
 * 7 ms a frame at 100,000 events, more than painting the whole window again
 * (docs/benchmarks.md). A dot is a few dozen pixels: blending them into a
 * buffer here costs well under a millisecond, and `putImageData` hands the
 * engine a finished bitmap. The coverage of a dot at each of 64 sub-pixel
 * offsets is worked out once (supersampled), so a dot is blended from a
 * small table; colours are blended "over" as the canvas would, in
 * straight (not premultiplied) alpha as `ImageData` keeps them.
 *
 * Dots drawn as one path on the canvas (those of one colour and a certain
 * date) do not darken where they overlap: one fill covers their union. Here
 * they are gathered the same way (`cover`: each pixel as covered as the
 * dot that covers it most, exact where they lie at one place, as events at
 * one place do) and blended once (`fill`).
 */

/** Sub-pixel positions per axis a dot's coverage is tabled for. */
const SUB = 8;
/** Samples per pixel per axis when a dot's coverage is worked out. */
const SAMPLES = 8;

export type Rgb = readonly [number, number, number];

/** A box in device pixels: [x0, y0, x1, y1), clamped to the buffer. */
export type PixelBox = [number, number, number, number];

export class DotRaster {
  /** The pixels, RGBA, `width × height`. */
  px = new Uint8ClampedArray(0);
  width = 0;
  height = 0;
  /** Side of a dot's coverage square, in pixels. */
  readonly side: number;
  /** Coverage 0–1 of each pixel of the square, per sub-pixel offset (SUB × SUB tables). */
  private readonly tables: Float32Array[];
  /** The union being gathered (`cover`), and the pixels it touches. */
  private union = new Float32Array(0);
  private touched = new Int32Array(1024);
  private nTouched = 0;

  /** `r`: a dot's radius in device pixels. */
  constructor(readonly r: number) {
    this.side = Math.ceil(2 * r) + 2;
    this.tables = [];
    for (let oy = 0; oy < SUB; oy++) for (let ox = 0; ox < SUB; ox++) this.tables.push(coverage(r, this.side, ox / SUB, oy / SUB));
  }

  /** Size the buffer (cleared) to `w × h` pixels. */
  resize(w: number, h: number): void {
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.px = new Uint8ClampedArray(Math.max(0, w * h * 4));
    this.union = new Float32Array(Math.max(0, w * h));
    this.nTouched = 0;
  }

  /** The box, clamped to the buffer (null: nothing of it on the buffer). */
  clamp(x0: number, y0: number, x1: number, y1: number): PixelBox | null {
    const b: PixelBox = [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0)), Math.min(this.width, Math.ceil(x1)), Math.min(this.height, Math.ceil(y1))];
    return b[2] > b[0] && b[3] > b[1] ? b : null;
  }

  /** Make the pixels of `box` transparent. */
  clear(box: PixelBox): void {
    const [x0, y0, x1, y1] = box;
    for (let y = y0; y < y1; y++) this.px.fill(0, (y * this.width + x0) * 4, (y * this.width + x1) * 4);
  }

  /**
   * Where a dot centred at (x, y) (device px) falls: its square's corner
   * pixel and the coverage table for its centre's offset in that pixel.
   * Kept in fields, not returned, so that the hot loops allocate nothing.
   */
  private ix = 0;
  private iy = 0;
  private cov: Float32Array = new Float32Array(0);
  private place(x: number, y: number): void {
    const half = this.side / 2;
    const fx = x - half, fy = y - half;
    let ix = Math.floor(fx), iy = Math.floor(fy);
    let sx = Math.round((fx - ix) * SUB), sy = Math.round((fy - iy) * SUB);
    if (sx === SUB) { sx = 0; ix++; }
    if (sy === SUB) { sy = 0; iy++; }
    this.ix = ix;
    this.iy = iy;
    this.cov = this.tables[sy * SUB + sx]!;
  }

  /** Blend a dot centred at (x, y) (device px) in `rgb` at `alpha` (a union of one: not while one is being gathered). */
  dot(x: number, y: number, rgb: Rgb, alpha: number): void {
    this.cover(x, y);
    this.fill(rgb, alpha);
  }

  /** Add a dot to the union being gathered. */
  cover(x: number, y: number): void {
    this.place(x, y);
    const { ix, iy, cov, width: w, height: h, side, union: u } = this;
    for (let j = 0; j < side; j++) {
      const py = iy + j;
      if (py < 0 || py >= h) continue;
      for (let i = 0; i < side; i++) {
        const px = ix + i;
        const c = cov[j * side + i]!;
        if (c <= 0 || px < 0 || px >= w) continue;
        const p = py * w + px;
        const was = u[p]!;
        if (was === 0) {
          if (this.nTouched === this.touched.length) {
            const t = new Int32Array(this.touched.length * 2);
            t.set(this.touched);
            this.touched = t;
          }
          this.touched[this.nTouched++] = p;
        }
        if (c > was) u[p] = c;
      }
    }
  }

  /** Blend the union gathered so far in `rgb` at `alpha`, and start a new one. */
  fill(rgb: Rgb, alpha: number): void {
    const u = this.union;
    for (let i = 0; i < this.nTouched; i++) {
      const p = this.touched[i]!;
      this.blend(p, rgb, alpha * u[p]!);
      u[p] = 0;
    }
    this.nTouched = 0;
  }

  /** Source over, in straight alpha: pixel `p` under `rgb` at alpha `sa`. */
  private blend(p: number, rgb: Rgb, sa: number): void {
    const px = this.px;
    const o = p * 4;
    const da = px[o + 3]! / 255;
    const oa = sa + da * (1 - sa);
    const keep = (da * (1 - sa)) / oa;
    const put = sa / oa;
    px[o] = rgb[0] * put + px[o]! * keep;
    px[o + 1] = rgb[1] * put + px[o + 1]! * keep;
    px[o + 2] = rgb[2] * put + px[o + 2]! * keep;
    px[o + 3] = oa * 255;
  }

  /** Copy `box` of the buffer onto the canvas (replacing what was there). */
  put(ctx: CanvasRenderingContext2D, box: PixelBox): void {
    if (!this.width || !this.height) return;
    const img = new ImageData(this.px, this.width, this.height);
    ctx.putImageData(img, 0, 0, box[0], box[1], box[2] - box[0], box[3] - box[1]);
  }
}

/** How much of each pixel of a `side`-square a circle of radius `r` covers (supersampled), its centre offset by (ox, oy) from the square's middle. */
export function coverage(r: number, side: number, ox: number, oy: number): Float32Array {
  const out = new Float32Array(side * side);
  const cx = side / 2 + ox, cy = side / 2 + oy;
  const r2 = r * r;
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      let n = 0;
      for (let sj = 0; sj < SAMPLES; sj++) {
        const y = j + (sj + 0.5) / SAMPLES - cy;
        for (let si = 0; si < SAMPLES; si++) {
          const x = i + (si + 0.5) / SAMPLES - cx;
          if (x * x + y * y <= r2) n++;
        }
      }
      out[j * side + i] = n / (SAMPLES * SAMPLES);
    }
  }
  return out;
}
