/**
 * A picture of the base map on a canvas of its own, just above the SVG map
 * and beneath the events' canvases, with the SVG made transparent while the
 * picture stands for it.
 *
 * Why: where the page is not composited (the desktop app's WebKitGTK),
 * every pixel an events' canvas changes makes WebKit paint again whatever
 * lies under it, and the SVG map of hundreds of regions costs about 9 ms a
 * frame. With its picture beneath the events and the SVG at opacity 0
 * (still there for the keyboard, the screen reader and the pointer), a step
 * of the slider repaints bitmaps only, whichever layer draws the events.
 *
 * The picture is the SVG serialized with each element's computed style
 * written on it (`snapshot.ts`), as a data: URL (the CSP allows data:
 * images), at device pixels. A change in the SVG that shows (a colour, a
 * border, a zoom; not its ARIA attributes) makes it stale at once: the SVG
 * shows again in the same frame, and a new picture is taken once the map has
 * been still for a moment, sooner while the slider is dragged, but at most
 * so often, since taking one costs a few frames' work. The SVG also shows
 * while the pointer is over the map or a region has focus, for hover and
 * focus styles.
 */
import type { AtlasMap } from "../map/map";
import { snapshot } from "./snapshot";

/** How long the map must be still before its picture is taken. */
const QUIET_MS = 120;
/** At least this long from one picture to the next. */
const SPACING_MS = 700;

/** Whether a mutation can change how the map looks (ARIA attributes cannot). */
const shows = (m: MutationRecord): boolean => !m.attributeName?.startsWith("aria-");

export class BaseMapPicture {
  readonly canvas: HTMLCanvasElement;
  private fresh = false;
  private busy = false;
  private version = 0;
  private timer = 0;
  private want = false;
  private lastTaken = -Infinity;
  private readonly observer: MutationObserver;
  private readonly host: HTMLElement;

  constructor(private readonly map: AtlasMap) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "base-picture";
    this.canvas.setAttribute("aria-hidden", "true");
    this.host = map.svg.parentElement ?? document.body;
    this.observer = new MutationObserver((records) => {
      if (records.some(shows)) this.stale();
    });
    this.observer.observe(map.svg, { subtree: true, attributes: true, childList: true, characterData: true });
    const live = () => this.stale();
    this.host.addEventListener("pointerenter", live);
    this.host.addEventListener("pointerleave", () => this.schedule());
    map.svg.addEventListener("focusin", live);
    map.svg.addEventListener("focusout", () => this.schedule());
    new ResizeObserver(live).observe(this.host);
  }

  /** Whether to keep a picture at all (a story with many events). */
  set wanted(w: boolean) {
    if (w === this.want) return;
    this.want = w;
    if (w) this.schedule();
    else this.stale();
  }

  /** The map changed: show the SVG again now, take a new picture later. */
  private stale(): void {
    this.version++;
    if (this.fresh) {
      this.fresh = false;
      this.host.classList.remove("base-cached");
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.want) return;
    const wait = Math.max(QUIET_MS, this.lastTaken + SPACING_MS - performance.now());
    this.timer = window.setTimeout(() => void this.take(), wait);
  }

  private get interacting(): boolean {
    return this.host.matches(":hover") || this.map.svg.contains(document.activeElement);
  }

  private async take(): Promise<void> {
    const svg = this.map.svg;
    if (!this.want || this.fresh || this.busy || this.interacting) return;
    if (svg.getAnimations?.({ subtree: true }).some((a) => a.playState === "running")) return this.schedule();
    const { width: w, height: h } = svg.getBoundingClientRect();
    if (!w || !h) return;
    const version = this.version;
    this.busy = true;
    this.lastTaken = performance.now();
    try {
      const dpr = window.devicePixelRatio || 1;
      const image = new Image();
      image.src = snapshot(svg, w, h, dpr, getComputedStyle(this.host).backgroundColor);
      await image.decode();
      if (version !== this.version || !this.want || this.interacting) return this.schedule();
      const c = this.canvas;
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.getContext("2d")?.drawImage(image, 0, 0);
      if (c.previousElementSibling !== svg) svg.after(c); // beneath every events' canvas
      this.fresh = true;
      this.host.classList.add("base-cached");
    } catch {
      // A picture that cannot be made leaves the SVG shown: correct, only slower.
    } finally {
      this.busy = false;
    }
  }
}
