/**
 * The base map drawn on a canvas of its own, just above the SVG map and
 * beneath the events' canvases, with the SVG made transparent while the
 * canvas stands for it.
 *
 * Why: where the page is not composited (the desktop app's WebKitGTK),
 * every pixel an events' canvas changes makes WebKit paint again whatever
 * lies under it, and the SVG map of hundreds of regions costs about 9 ms a
 * frame. With a bitmap beneath the events and the SVG at opacity 0 (still
 * there for the keyboard, the screen reader and the pointer), a step of the
 * slider repaints bitmaps only.
 *
 * The canvas is drawn from the SVG's own paths (`paint-list.ts`) in the
 * colours the style sheet gives each element's state (`paint-style.ts`,
 * read once per state). When the map changes while the date moves (a
 * membership's colour, a border), only the changed elements' boxes are
 * drawn again, each with everything that meets it, in the same task as the
 * change, so the canvas never shows a stale map. What the canvas cannot
 * follow at once (a zoom or pan, a resize, new elements, a running
 * transition or fade) shows the SVG again in the same frame, and the canvas
 * is drawn whole once the map has been still for a moment. The SVG also
 * shows while the pointer is over the map or a region has focus (hover and
 * focus styles), and in a world framing (its clip paths).
 */
import type { AtlasMap } from "../map/map";
import { meets, paintAll, paintList, screenBox, type Box, type Drawable, type View } from "./paint-list";
import { MapStates, StateTracker } from "./map-states";
import { hatchPattern, signature, StyleCache } from "./paint-style";

/** How long the map must be still before the canvas is drawn whole. */
const QUIET_MS = 120;
/** Beyond this many separate changed boxes, one box round them all. */
const MAX_BOXES = 24;
/** Bytes of pictures of states already drawn, kept for the slider's return (`map-states.ts`). */
const KEPT_BYTES = 64 * 2 ** 20;

const running = (a: Animation): boolean => a.playState === "running";
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

export class BaseMapCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private fresh = false;
  private timer = 0;
  private want = false;
  private list: Drawable[] = [];
  private byEl = new Map<Element, Drawable>();
  /** The map's state, and pictures of states drawn before. */
  private readonly state = new StateTracker(signature);
  private readonly states = new MapStates(KEPT_BYTES);
  private view: View = { k: 1, tx: 0, ty: 0, dpr: 1, hatch: null };
  private readonly styles = new StyleCache();
  private readonly host: HTMLElement;
  private readonly viewport: Element | null;

  constructor(private readonly map: AtlasMap) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "base-picture";
    this.canvas.setAttribute("aria-hidden", "true");
    this.ctx = this.canvas.getContext("2d");
    this.host = map.svg.parentElement ?? document.body;
    this.viewport = map.svg.querySelector(".viewport");
    new MutationObserver((records) => this.changed(records)).observe(map.svg, { subtree: true, attributes: true, childList: true, characterData: true });
    new MutationObserver(() => {
      this.styles.clear();
      this.states.forget();
      this.stale();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
    const live = () => this.stale();
    this.host.addEventListener("pointerenter", live);
    this.host.addEventListener("pointerleave", () => this.schedule());
    map.svg.addEventListener("focusin", live);
    map.svg.addEventListener("focusout", () => this.schedule());
    new ResizeObserver(live).observe(this.host);
  }

  /** Whether to keep the canvas at all (a story with many events). */
  set wanted(w: boolean) {
    if (w === this.want) return;
    this.want = w;
    if (w) this.schedule();
    else this.stale();
  }

  /** Show the SVG again now; draw the canvas whole once the map is still. */
  private stale(): void {
    if (this.fresh) {
      this.fresh = false;
      this.host.classList.remove("base-cached");
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.want) this.timer = window.setTimeout(() => this.drawWhole(), QUIET_MS);
  }

  private get interacting(): boolean {
    return this.host.matches(":hover") || this.map.svg.contains(document.activeElement);
  }

  /** What the SVG's changes ask of the canvas: nothing, a few boxes drawn again, or to stand aside. */
  private changed(records: MutationRecord[]): void {
    const targets = new Set<Element>();
    for (const m of records) {
      if (m.attributeName?.startsWith("aria-")) continue;
      const t = m.target as Element;
      if (m.type !== "attributes" || t === this.map.svg || t === this.viewport || !this.viewport?.contains(t) || m.attributeName === "d" || m.attributeName === "transform") {
        return this.stale();
      }
      targets.add(t);
    }
    if (!targets.size || !this.fresh) return;
    // Changes of classes and data only: the state's fingerprint follows them (anything else, it is not known until the next whole drawing).
    const known = records.every((m) => m.type === "attributes" && (m.attributeName === "class" || m.attributeName?.startsWith("data-") || m.attributeName?.startsWith("aria-")));
    if (!known) this.state.lose();
    const dirty: Drawable[] = [];
    for (const t of targets) {
      const d = this.byEl.get(t);
      if (d) dirty.push(d);
      else for (const c of t.querySelectorAll("*")) {
        const cd = this.byEl.get(c);
        if (cd) dirty.push(cd);
      }
    }
    // A step or play fades shapes and eases colours: the SVG shows them, the canvas follows once they end.
    if (!this.map.moving && [...targets].some((t) => t.getAnimations?.({ subtree: true }).some(running))) return this.stale();
    this.patch(dirty);
  }

  /**
   * Draw again the boxes of `dirty` (before and after look alike in extent:
   * the shapes do not move), or copy them from the picture of this state
   * if it was drawn before.
   */
  private patch(dirty: readonly Drawable[]): void {
    const ctx = this.ctx;
    if (!ctx || !dirty.length) return;
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
    if (kept) {
      for (const c of boxes) {
        ctx.clearRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
        ctx.drawImage(kept, c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0, c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
      }
      return;
    }
    // One clip of all the boxes, and each drawable that meets any of them painted once.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const c of boxes) ctx.rect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    ctx.clip();
    for (const c of boxes) ctx.clearRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    paintAll(ctx, this.list, this.styles, this.view, boxes);
    ctx.restore();
    if (key) this.states.put(key, this.canvas);
  }

  /** Draw the whole map on the canvas and let it stand for the SVG. */
  private drawWhole(): void {
    const svg = this.map.svg;
    const ctx = this.ctx;
    if (!ctx || !this.want || this.fresh || this.interacting || svg.dataset.framing === "world") return;
    if (svg.getAnimations?.({ subtree: true }).some(running)) return this.schedule();
    const { width: w, height: h } = svg.getBoundingClientRect();
    if (!w || !h) return;
    const dpr = window.devicePixelRatio || 1;
    const [k, tx, ty] = this.map.screenTransform;
    this.list = paintList(svg);
    this.byEl = new Map(this.list.map((d) => [d.el, d]));
    // Whole device pixels, the CSS box sized to match: the bitmap is never resampled.
    this.canvas.width = Math.ceil(w * dpr);
    this.canvas.height = Math.ceil(h * dpr);
    this.canvas.style.width = `${this.canvas.width / dpr}px`;
    this.canvas.style.height = `${this.canvas.height / dpr}px`;
    this.view = { k, tx, ty, dpr, hatch: hatchPattern(ctx, svg, Math.max(1, Math.ceil(k * dpr))) };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = getComputedStyle(this.host).backgroundColor;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    paintAll(ctx, this.list, this.styles, this.view, null);
    // The state just drawn whole starts the fingerprint again, and its picture is kept.
    this.states.setView(`${k} ${tx} ${ty} ${this.canvas.width}x${this.canvas.height} ${document.documentElement.dataset.theme ?? ""} ${document.documentElement.lang}`);
    this.state.start(this.list.map((d) => d.el));
    const key = this.state.key;
    if (key) this.states.put(key, this.canvas);
    if (this.canvas.previousElementSibling !== svg) svg.after(this.canvas); // beneath every events' canvas
    this.fresh = true;
    this.host.classList.add("base-cached");
  }
}
