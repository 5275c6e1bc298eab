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
 * membership's colour, a border), only the changed elements' boxes follow
 * (`base-patches.ts`): copied from a picture of that state kept from
 * before, or painted in a worker and copied in a frame or two later, or
 * painted here in the same task. What the canvas cannot
 * follow at once (a zoom or pan, a resize, new elements, a running
 * transition or fade) shows the SVG again in the same frame, and the canvas
 * is drawn whole once the map has been still for a moment. The SVG also
 * shows while the pointer is over the map or a region has focus (hover and
 * focus styles), and in a world framing (its clip paths).
 */
import type { AtlasMap } from "../map/map";
import { onRestyle } from "../restyle";
import { BasePatches } from "./base-patches";
import { paintAll, paintList, type Drawable } from "./paint-list";
import { hatchOf, hatchPattern } from "./hatch";
import { StyleCache } from "./paint-style";

/** How long the map must be still before the canvas is drawn whole. */
const QUIET_MS = 120;

const running = (a: Animation): boolean => a.playState === "running";

export class BaseMapCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private fresh = false;
  private timer = 0;
  private want = false;
  private byEl = new Map<Element, Drawable>();
  private readonly styles: StyleCache;
  /** How changes of the map are followed on the canvas. */
  private readonly patches: BasePatches | null;
  private readonly host: HTMLElement;
  private readonly viewport: Element | null;

  constructor(private readonly map: AtlasMap) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "base-picture";
    this.canvas.setAttribute("aria-hidden", "true");
    this.ctx = this.canvas.getContext("2d");
    // Painted as the map has it: the story data held back from the SVG included.
    this.styles = new StyleCache(map.heldData);
    this.patches = this.ctx ? new BasePatches(this.canvas, this.ctx, this.styles, map.heldData, () => this.stale()) : null;
    this.host = map.svg.parentElement ?? document.body;
    this.viewport = map.svg.querySelector(".viewport");
    new MutationObserver((records) => this.changed(records)).observe(map.svg, { subtree: true, attributes: true, childList: true, characterData: true });
    onRestyle(() => {
      this.styles.clear();
      this.patches?.forget();
      this.stale();
    });
    const live = () => this.stale();
    this.host.addEventListener("pointerenter", live);
    this.host.addEventListener("pointerleave", () => this.schedule());
    map.svg.addEventListener("focusin", live);
    map.svg.addEventListener("focusout", () => this.schedule());
    new ResizeObserver(live).observe(this.host);
    // While the slider is dragged over the picture, the story data waits to be written to the SVG.
    let moving = false;
    new MutationObserver(() => {
      if (moving === (moving = map.moving)) return;
      if (moving && this.fresh) this.hold();
      else map.releaseRegionData();
    }).observe(this.host, { attributes: true, attributeFilter: ["class"] });
  }

  private hold(): void {
    this.map.holdRegionData((nodes) => {
      if (!this.fresh) return this.map.releaseRegionData();
      const dirty: Drawable[] = [];
      for (const n of nodes) this.drawablesOf(n, dirty);
      this.patches?.patch(dirty);
    });
  }

  /** The drawables of element `t`: itself, or those it holds (a region's group). */
  private drawablesOf(t: Element, into: Drawable[]): void {
    const d = this.byEl.get(t);
    if (d) into.push(d);
    else for (const c of t.querySelectorAll("*")) {
      const cd = this.byEl.get(c);
      if (cd) into.push(cd);
    }
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
    this.patches?.drop();
    this.map.releaseRegionData(); // the SVG shows the map as it is
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
    if (!known) this.patches?.unknown();
    const dirty: Drawable[] = [];
    for (const t of targets) this.drawablesOf(t, dirty);
    // A step or play fades shapes and eases colours: the SVG shows them, the canvas follows once they end.
    if (!this.map.moving && [...targets].some((t) => t.getAnimations?.({ subtree: true }).some(running))) return this.stale();
    this.patches?.patch(dirty);
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
    const list = paintList(svg);
    this.byEl = new Map(list.map((d) => [d.el, d]));
    // Whole device pixels, the CSS box sized to match: the bitmap is never resampled.
    this.canvas.width = Math.ceil(w * dpr);
    this.canvas.height = Math.ceil(h * dpr);
    this.canvas.style.width = `${this.canvas.width / dpr}px`;
    this.canvas.style.height = `${this.canvas.height / dpr}px`;
    const hatch = hatchOf(svg, Math.max(1, Math.ceil(k * dpr)));
    const view = { k, tx, ty, dpr, hatch: hatchPattern(ctx, hatch, (side) => Object.assign(document.createElement("canvas"), { width: side, height: side })) };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = getComputedStyle(this.host).backgroundColor;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    paintAll(ctx, list, this.styles, view, null);
    const root = document.documentElement;
    this.patches?.drawnWhole(list, view, hatch, `${k} ${tx} ${ty} ${this.canvas.width}x${this.canvas.height} ${root.dataset.theme ?? ""} ${root.lang}`);
    if (this.canvas.previousElementSibling !== svg) svg.after(this.canvas); // beneath every events' canvas
    this.fresh = true;
    this.host.classList.add("base-cached");
    if (this.map.moving) this.hold();
  }
}
