/**
 * The map's camera: the projection fitted to the map's size, and the zoom
 * and pan (screen = base × k + t) over it. Every move (zoom, pan, centring,
 * a glide) ends by telling the map, which then redraws what depends on the
 * view; nothing here touches the DOM. The projection follows the story's
 * framing (`framing.ts`): today's conic view, or the world fitted to the
 * story's events.
 */
import type { GeoProjection } from "d3-geo";
import { REGIONAL, worldProjection, type Framing } from "./framing";
import { DEFAULT_VIEW, kmPerPixel, makeProjection } from "./projection";

export const MIN_K = 0.6;
export const MAX_K = 40;
/** From this zoom on, the detailed layers are drawn. */
export const DETAIL_ZOOM = 2.5;
/** From this zoom on, provinces take the pointer and are labelled. */
export const PROVINCE_ZOOM = 3;

/** The projection of a framing at a size. */
export function projectionFor(framing: Framing, width: number, height: number): GeoProjection {
  return framing.kind === "world" ? worldProjection(width, height, framing.extent) : makeProjection(width, height, DEFAULT_VIEW);
}

/**
 * How much closer the projection's view is than the regional one at the same
 * size (1 for the regional framing): a world framing fitted to one country
 * starts as close as a zoomed-in regional map, and so draws its detail.
 */
function closeness(p: GeoProjection, framing: Framing, width: number, height: number): number {
  if (framing.kind === "regional") return 1;
  const regional = kmPerPixel(makeProjection(width, height, DEFAULT_VIEW), width / 2, height / 2);
  const here = kmPerPixel(p, width / 2, height / 2);
  return here > 0 && regional > 0 ? regional / here : 1;
}

export class Camera {
  projection: GeoProjection;
  width: number;
  height: number;
  k = 1;
  tx = 0;
  ty = 0;
  /** See `closeness`: the level of detail follows k × closeness. */
  private close = 1;
  private glideToken = 0;

  /** `changed` runs after every move. */
  constructor(width: number, height: number, private readonly changed: () => void, private readonly framing: Framing = REGIONAL) {
    this.width = width;
    this.height = height;
    this.projection = this.fit();
  }

  private fit(): GeoProjection {
    const p = projectionFor(this.framing, this.width, this.height);
    this.close = closeness(p, this.framing, this.width, this.height);
    return p;
  }

  /** The zoom as the levels of detail read it: k, times how much closer than the regional view the projection is. */
  get detailK(): number {
    return this.k * this.close;
  }

  /**
   * Whether the view is wider than the regional map ever gets (its least
   * zoom): a world view, where the regional cities would crowd the frame.
   */
  get far(): boolean {
    return this.detailK < MIN_K;
  }

  /** A new size (ignored under 2 px): false if nothing changed, else the projection is fitted anew. */
  resize(w: number, h: number): boolean {
    if (Math.abs(w - this.width) < 2 && Math.abs(h - this.height) < 2) return false;
    this.width = w;
    this.height = h;
    this.projection = this.fit();
    return true;
  }

  /** The transform of the zoomed groups. */
  get transform(): string {
    return `translate(${this.tx.toFixed(2)},${this.ty.toFixed(2)}) scale(${this.k.toFixed(4)})`;
  }

  zoomBy(f: number): void {
    this.zoomAt(f, this.width / 2, this.height / 2);
  }

  zoomAt(f: number, x: number, y: number): void {
    const k = Math.min(MAX_K, Math.max(MIN_K, this.k * f));
    const real = k / this.k;
    this.tx = x - (x - this.tx) * real;
    this.ty = y - (y - this.ty) * real;
    this.k = k;
    this.changed();
  }

  panBy(dx: number, dy: number): void {
    this.tx += dx;
    this.ty += dy;
    this.changed();
  }

  /** Pan to the translation (tx, ty) (a drag). */
  moveTo(tx: number, ty: number): void {
    this.tx = tx;
    this.ty = ty;
    this.changed();
  }

  reset(): void {
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.changed();
  }

  /** Centre the view on [lon, lat] at zoom k. */
  centerOn(lonlat: [number, number], k: number): void {
    const p = this.projection(lonlat);
    if (!p) return;
    this.k = Math.min(MAX_K, Math.max(MIN_K, k));
    this.tx = this.width / 2 - p[0] * this.k;
    this.ty = this.height / 2 - p[1] * this.k;
    this.changed();
  }

  /** Zoom so that a small bbox fills about half the view; large ones keep the view. */
  reveal(bbox: number[]): void {
    const [w, s, e, n] = bbox as [number, number, number, number];
    const corners: [number, number][] = [[w, s], [e, s], [e, n], [w, n], [(w + e) / 2, s], [(w + e) / 2, n]];
    const pts = corners.map((c) => this.projection(c)).filter((p): p is [number, number] => p !== null);
    if (pts.length === 0) return;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const bw = Math.max(...xs) - Math.min(...xs);
    const bh = Math.max(...ys) - Math.min(...ys);
    const onScreen = Math.max((bw * this.k) / this.width, (bh * this.k) / this.height);
    if (onScreen > 0.3) return;
    const k = Math.min(MAX_K, Math.max(this.k, 0.5 / Math.max(bw / this.width, bh / this.height, 1e-6)));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.k = k;
    this.tx = this.width / 2 - cx * k;
    this.ty = this.height / 2 - cy * k;
    this.changed();
  }

  /** The view as centre [lon, lat] and zoom, for saving. */
  get saved(): { center: [number, number]; zoom: number } | null {
    const c = this.projection.invert?.([(this.width / 2 - this.tx) / this.k, (this.height / 2 - this.ty) / this.k]);
    return c ? { center: [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4], zoom: Math.round(this.k * 1000) / 1000 } : null;
  }

  /** Screen position of a lon/lat at the current view. */
  project(lonlat: [number, number]): [number, number] | null {
    const p = this.projection(lonlat);
    return p ? [p[0] * this.k + this.tx, p[1] * this.k + this.ty] : null;
  }

  /** Glide to centre `lonlat` at zoom k (instantly under reduced motion). */
  glideTo(lonlat: [number, number], k: number, ms: number): void {
    const p = this.projection(lonlat);
    if (!p) return;
    const target = { k, tx: this.width / 2 - p[0] * k, ty: this.height / 2 - p[1] * k };
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const from = { k: this.k, tx: this.tx, ty: this.ty };
    if (reduce || ms <= 0) {
      Object.assign(this, target);
      this.changed();
      return;
    }
    const t0 = performance.now();
    const token = ++this.glideToken;
    const step = (now: number) => {
      if (token !== this.glideToken) return;
      const u = Math.min(1, (now - t0) / ms);
      const e = u < 0.5 ? 2 * u * u : 1 - Math.pow(-2 * u + 2, 2) / 2;
      this.k = from.k + (target.k - from.k) * e;
      this.tx = from.tx + (target.tx - from.tx) * e;
      this.ty = from.ty + (target.ty - from.ty) * e;
      this.changed();
      if (u < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
}
