/**
 * Events drawn as dots on a canvas over the map: one draw call each instead
 * of DOM nodes, for the many events of a large dataset. The dots are drawn
 * as arcs (`events/arc-dots.ts`) or, where the page is not composited,
 * written as pixels (`events/pixel-dots.ts`).
 *
 * This is on the slider's hot path, so it allocates next to nothing: dots are
 * kept in flat typed arrays rather than an object each, the projected
 * position of every event of the local columns is computed once per map
 * projection, and the canvas size comes from a ResizeObserver (reading it
 * while the slider moves would force a layout).
 *
 * It also touches as few pixels as it can: only the box the last dots
 * covered is cleared, and a canvas that had no dots and gets none is not
 * touched at all. Where the page is not composited (the desktop app's
 * WebKitGTK), every pixel a canvas changes makes the SVG map beneath it be
 * painted again: clearing the whole canvas at every step cost 13 ms a frame.
 */
import type { EventKind } from "../api/bindings";
import { drawArcs, type ArcPalette } from "../events/arc-dots";
import { CanvasHexes } from "../events/canvas-hexes";
import type { PixelBox } from "../events/dot-raster";
import { PixelDots, type DotPalette } from "../events/pixel-dots";
import { rgb } from "../events/gl";
import { DENSITY_OFF, DENSITY_ON, HEX_R } from "../events/hexbin";
import type { EventLayer, ListDot } from "../events/layer";
import { dotAlpha, hexMarks, inView, type Dot, type EventMarks } from "../events/marks";
import type { AtlasMap } from "../map/map";
import { KIND_ORDER, type Columns, certaintyAt, type LocalIndex } from "./columns";

export const KIND_COLOR: Record<EventKind, string> = {
  exercise: "#c2412a", deployment: "#c2412a", withdrawal: "#4b7f3a", conflict: "#c0271c", blockade: "#b3261e",
  summit: "#2f6f4f", treaty: "#2f6f4f", statement: "#2f6f4f", diplomacy: "#2f6f4f", membership: "#2f6f4f", other: "#5b6872",
};
const COLORS = KIND_ORDER.map((k) => KIND_COLOR[k]);
/** The distinct colours, and each kind's place among them. */
const PALETTE = [...new Set(COLORS)];
const SLOT = COLORS.map((c) => PALETTE.indexOf(c));
/** Each kind's colour as three numbers 0–1, in the core's order (for the GPU layer). */
export const KIND_RGB = COLORS.map(rgb);
/** The colours as bytes, for the dots written as pixels. */
const bytes = (hex: string) => rgb(hex).map((v) => v * 255) as [number, number, number];
const PIXEL_PALETTE: DotPalette = { slotOf: SLOT, slots: PALETTE.map(bytes), kinds: COLORS.map(bytes) };
const ARC_PALETTE: ArcPalette = { slots: PALETTE, slotOf: SLOT, colors: COLORS };
/** A dot's radius, in CSS px. */
export const DOT_R = 2.6;
const R = DOT_R;

export class DotLayer implements EventLayer {
  readonly canvas: HTMLCanvasElement;
  private size: [number, number] = [0, 0];
  private n = 0;
  private x = new Float64Array(256);
  private y = new Float64Array(256);
  private certainty = new Float32Array(256);
  private kind = new Uint8Array(256);
  /** The screen places and indices of the dots in view (`gather`), for the density view and the pixels. */
  private sx = new Float64Array(0);
  private sy = new Float64Array(0);
  private vis = new Int32Array(0);
  /** Base-projected x, y of column event i at 2i, 2i + 1 (NaN: not computed yet). */
  private projected: Float64Array | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  /** The box (CSS px: x0, y0, x1, y1) the drawn dots cover; null when none is drawn. */
  private drawn: [number, number, number, number] | null = null;
  /** Set where this canvas draws the density view itself (a page that is not composited): many events in view become hexagons. */
  densityHere = false;
  private hexes: CanvasHexes | null = null;
  private dense = false;
  /** Set where dots are written as pixels and put on the canvas (a page that is not composited): see `dot-raster.ts`. */
  rasterHere = false;
  private readonly pixels = new PixelDots();
  /** Whether the canvas now shows the raster's pixels (not hexagons or arcs drawn on it). */
  private rastered = false;

  constructor(private readonly map: AtlasMap) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "story-dots";
    this.canvas.setAttribute("aria-hidden", "true");
    this.canvas.dataset.renderer = "canvas";
    map.svg.after(this.canvas);
    map.onViewChange(() => this.draw());
    new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.size = [entry.contentRect.width, entry.contentRect.height];
      this.draw();
    }).observe(this.canvas);
  }

  /** Whether this layer is the one in use: when not, its dots are cleared and it is hidden. */
  set active(on: boolean) {
    if (on === !this.canvas.classList.contains("events-off")) return;
    this.canvas.classList.toggle("events-off", !on);
    if (!on) this.showList([]);
  }

  get length(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  showLocal(local: LocalIndex, day: number, mask: number, skip: ReadonlySet<number>): void {
    this.clear();
    const c = local.cols;
    for (const i of local.activeAt(day, mask)) if (!skip.has(i)) this.addColumn(c, i, certaintyAt(c, i, day));
    this.draw();
  }

  showList(dots: readonly ListDot[]): void {
    this.clear();
    for (const d of dots) this.addLonLat(d.lonlat, d.kind, d.certainty);
    this.draw();
  }

  /** The map's projection changed: positions are computed again. */
  resetProjection(): void {
    this.projected = null;
  }

  /** A dot at a lon/lat. */
  addLonLat(lonlat: [number, number], kind: EventKind, certainty: number): void {
    const p = this.map.projectBase(lonlat);
    if (p) this.push(p[0], p[1], KIND_ORDER.indexOf(kind), certainty);
  }

  /** A dot for event `i` of the local columns. */
  addColumn(cols: Columns, i: number, certainty: number): void {
    let p = this.projected;
    if (!p || p.length !== 2 * cols.n) p = this.projected = new Float64Array(2 * cols.n).fill(NaN);
    if (Number.isNaN(p[2 * i]!)) {
      const xy = this.map.projectBase([cols.lon[i]!, cols.lat[i]!]);
      p[2 * i] = xy ? xy[0] : Infinity;
      p[2 * i + 1] = xy ? xy[1] : Infinity;
    }
    this.push(p[2 * i]!, p[2 * i + 1]!, cols.kind[i]!, certainty);
  }

  private push(x: number, y: number, kind: number, certainty: number): void {
    if (this.n === this.x.length) {
      const grow = <A extends Float64Array | Float32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.x = grow(this.x, (n) => new Float64Array(n));
      this.y = grow(this.y, (n) => new Float64Array(n));
      this.certainty = grow(this.certainty, (n) => new Float32Array(n));
      this.kind = grow(this.kind, (n) => new Uint8Array(n));
    }
    this.x[this.n] = x;
    this.y[this.n] = y;
    this.kind[this.n] = kind;
    this.certainty[this.n] = certainty;
    this.n++;
  }

  /** What `draw` paints now, as data (the export draws the same): the dots in view, or their density's hexagons. */
  marks(): EventMarks {
    const [w, h] = this.size;
    const [k, tx, ty] = this.map.screenTransform;
    const dots: Dot[] = [];
    for (let j = 0; j < this.n; j++) {
      const sx = this.x[j]! * k + tx;
      const sy = this.y[j]! * k + ty;
      if (inView(sx, sy, w, h)) dots.push({ x: sx, y: sy, color: COLORS[this.kind[j]!] ?? "#5b6872", alpha: dotAlpha(this.certainty[j]!) });
    }
    if (this.canvas.dataset.mode !== "density") return { dots, hexes: [], r: R };
    return { dots: [], hexes: hexMarks(dots.map((d) => d.x), dots.map((d) => d.y), dots.length, w, h, tx, ty), r: R };
  }

  draw(): void {
    const c = this.canvas;
    // Before the first resize report (a page drawn before its first frame), measured once.
    if (!this.size[0] || !this.size[1]) {
      const box = c.getBoundingClientRect();
      this.size = [box.width, box.height];
    }
    const [w, h] = this.size;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      this.drawn = null; // resizing cleared it
      this.rastered = false;
      this.pixels.drop();
    }
    const count = String(this.n);
    if (c.dataset.dots !== count) c.dataset.dots = count; // read by tests
    if (this.n === 0 && !this.drawn) return;
    const ctx = (this.ctx ??= c.getContext("2d"));
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // What the last drawing covered is cleared: in the raster's pixels when they showed, to be put with the new ones.
    let stale: PixelBox | null = null;
    if (this.drawn) {
      const [x0, y0, x1, y1] = this.drawn;
      if (this.rastered) {
        const raster = this.pixels.buffer(c.width, c.height, R * dpr);
        stale = raster.clamp((x0 - R - 1) * dpr, (y0 - R - 1) * dpr, (x1 + R + 1) * dpr, (y1 + R + 1) * dpr);
        if (stale) raster.clear(stale);
      } else ctx.clearRect(x0 - R - 1, y0 - R - 1, x1 - x0 + 2 * R + 2, y1 - y0 + 2 * R + 2);
      this.drawn = null;
    }
    const [k, tx, ty] = this.map.screenTransform;
    // The dots in view, found once for both the density's switch and the pixels.
    const m = this.densityHere || this.rasterHere ? this.gather(k, tx, ty, w, h) : 0;
    if (this.densityHere) this.dense = this.dense ? m >= DENSITY_OFF : m >= DENSITY_ON;
    const dense = this.densityHere && this.dense;
    if (this.rasterHere && !dense) {
      if (c.dataset.mode !== "dots") c.dataset.mode = "dots";
      const raster = this.pixels.buffer(c.width, c.height, R * dpr);
      this.drawn = this.pixels.draw(ctx, raster, { sx: this.sx, sy: this.sy, index: this.vis, m, kind: this.kind, certainty: this.certainty }, PIXEL_PALETTE, dpr, R, stale);
      this.rastered = true;
      return;
    }
    if (stale) {
      // Leaving the pixels for hexagons: the cleared pixels go on the canvas first.
      this.pixels.buffer(c.width, c.height, R * dpr).put(ctx, stale);
      this.rastered = false;
    }
    if (dense) return this.drawHexes(ctx, m, w, h, tx, ty);
    if (c.dataset.mode !== "dots") c.dataset.mode = "dots";
    const { x, y, kind, certainty, n } = this;
    this.drawn = drawArcs(ctx, { x, y, kind, certainty, n }, ARC_PALETTE, { k, tx, ty, w, h }, R);
  }

  /** Gather the dots in view: their screen places and indices (`sx`, `sy`, `vis`). Returns how many. */
  private gather(k: number, tx: number, ty: number, w: number, h: number): number {
    const { x, y } = this;
    if (this.sx.length < this.n) {
      this.sx = new Float64Array(this.x.length);
      this.sy = new Float64Array(this.x.length);
      this.vis = new Int32Array(this.x.length);
    }
    const { sx, sy, vis } = this;
    let m = 0;
    for (let j = 0; j < this.n; j++) {
      const px = x[j]! * k + tx;
      const py = y[j]! * k + ty;
      if (!inView(px, py, w, h)) continue;
      sx[m] = px;
      sy[m] = py;
      vis[m++] = j;
    }
    return m;
  }

  /** The density view: the `m` dots gathered in view counted per hexagon instead of drawn. */
  private drawHexes(ctx: CanvasRenderingContext2D, m: number, w: number, h: number, tx: number, ty: number): void {
    const box = (this.hexes ??= new CanvasHexes()).draw(ctx, this.sx, this.sy, m, w, h, tx, ty);
    const grow = HEX_R - R;
    if (box) this.drawn = [box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow];
    if (this.canvas.dataset.mode !== "density") this.canvas.dataset.mode = "density";
  }
}
