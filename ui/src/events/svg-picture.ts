/**
 * An SVG above the events (the labels, or the story's symbols) as a
 * picture: while it stays as it is, a canvas holds it drawn once, and the
 * SVG is made transparent (still there for the pointer).
 *
 * Why: where the page is not composited (the desktop app's WebKitGTK),
 * every step of the slider changes the events' canvas across the map, and
 * WebKit paints again all that lies in the changed box, what is above the
 * events included. Sixty-odd labels of text, or a story's symbols with
 * their own labels, cost 1 to 3 ms of every such frame
 * (docs/benchmarks.md); a bitmap costs a copy.
 *
 * The picture is the engine's own drawing of a copy of the SVG with the
 * styles the page gives it (`svg-image.ts`), so it matches the live SVG. Any change to it (a move
 * of the map, a new name or symbol, the language, the theme, the slider
 * starting or stopping, which pauses or resumes the symbols' pulses) shows
 * the SVG again at once, and the picture is drawn anew once it has been
 * still for a moment, never while it animates or the pointer is over the
 * map (hover styles). One change is followed in the picture instead: an
 * element hidden or shown by the `hides` attribute (a label whose name went
 * stale while the slider is dragged) has its box cleared, or copied back
 * from the pixels as first drawn; labels never overlap, so the box is the
 * label's alone. Those pixels are kept in a canvas of their own, not read
 * again from the SVG's image: WebKit rasterizes the image anew at each copy
 * from it, 4 to 5 ms at a jump of the slider that renames every label.
 */
import { onRestyle } from "../restyle";
import { copyCanvas } from "./canvas-copy";
import { svgImage } from "./svg-image";

/** How long the SVGs must be still before their picture is drawn. */
const QUIET_MS = 150;

const running = (a: Animation): boolean => a.playState === "running";

export interface PictureOptions {
  /** An attribute that only hides its element (see above), followed in place, on the elements `on` selects. */
  hides?: { attr: string; on: string };
  /** Whether the SVGs have hover styles, so that the pointer over the host shows them (default true). */
  hover?: boolean;
}

type Box = { x: number; y: number; w: number; h: number };

export class SvgPicture {
  readonly canvas: HTMLCanvasElement;
  private want = false;
  private timer = 0;
  /** Bumped at each change: a picture begun before it is dropped. */
  private generation = 0;
  /**
   * The picture's pixels as drawn (device px), and the boxes of the elements
   * `hides` may hide that it shows, read as it was drawn (reading them at a
   * change would make WebKit lay the page out in the middle of the slider's step).
   */
  private drawn: HTMLCanvasElement | null = null;
  private boxes = new WeakMap<Element, Box>();
  /** Elements hidden or shown in the picture whose attribute waits to be written (see `hold`). */
  private held = new Map<Element, boolean>();

  /**
   * `svgs`: in the order they are painted; the canvas goes just above the
   * last. `name`: the canvas is `.{name}-picture`, and the host is marked
   * `.{name}-cached` while the picture stands for the SVGs.
   */
  constructor(
    private readonly svgs: readonly SVGSVGElement[],
    private readonly host: HTMLElement,
    private readonly name: string,
    private readonly opts: PictureOptions = {},
  ) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = `${name}-picture`;
    this.canvas.setAttribute("aria-hidden", "true");
    svgs[svgs.length - 1]?.after(this.canvas);
    const stale = () => this.stale();
    for (const svg of svgs) new MutationObserver((records) => this.changed(records)).observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    onRestyle(stale, ["lang"]);
    // The slider starting or stopping (`.moving`) pauses or resumes animations; the pictures' own marks on the host are not changes.
    let moving = host.classList.contains("moving");
    new MutationObserver(() => {
      if (moving !== (moving = host.classList.contains("moving"))) this.stale();
    }).observe(host, { attributes: true, attributeFilter: ["class"] });
    new ResizeObserver(stale).observe(host);
    if (opts.hover !== false) {
      host.addEventListener("pointerenter", stale);
      host.addEventListener("pointerleave", stale);
    }
  }

  /** Whether to keep the picture at all (a story with many events). */
  set wanted(w: boolean) {
    if (w === this.want) return;
    this.want = w;
    this.stale();
  }

  private get cached(): boolean {
    return this.host.classList.contains(`${this.name}-cached`);
  }

  /** Follow elements hidden or shown by `hides` in place; any other change makes the picture stale. */
  private changed(records: readonly MutationRecord[]): void {
    const attr = this.opts.hides?.attr;
    if (!attr || !this.cached || !this.drawn || !records.every((m) => m.type === "attributes" && m.attributeName === attr)) return this.stale();
    const targets = [...new Set(records.map((m) => m.target as Element))];
    if (!this.follow(targets.map((t) => [t, t.hasAttribute(attr)]))) this.stale();
  }

  /** Clear the boxes of elements hidden, copy back those shown; false if one is not in the picture (only the SVG can show it). */
  private follow(changes: readonly [Element, boolean][]): boolean {
    const ctx = this.canvas.getContext("2d");
    const drawn = this.drawn;
    if (!ctx || !drawn || !changes.every(([t]) => this.boxes.has(t))) return false;
    for (const [t, hidden] of changes) {
      const b = this.boxes.get(t)!; // boxes never overlap: each is its element's alone
      ctx.clearRect(b.x, b.y, b.w, b.h);
      if (!hidden) ctx.drawImage(drawn, b.x, b.y, b.w, b.h, b.x, b.y, b.w, b.h);
    }
    return true;
  }

  /**
   * While the slider is dragged over the picture, hide or show `el` in it and
   * write its attribute later (WebKit lays the labels' text out anew at any
   * change of a label's style, 8 ms, though the SVG is not painted); else false.
   */
  hold(el: Element, hidden: boolean): boolean {
    if (!this.cached || !this.host.classList.contains("moving") || !this.follow([[el, hidden]])) return false;
    this.held.set(el, hidden);
    return true;
  }

  /** Write the attributes held back. */
  private release(): void {
    const attr = this.opts.hides?.attr;
    const held = this.held;
    this.held = new Map();
    if (attr) for (const [el, hidden] of held) el.toggleAttribute(attr, hidden);
  }

  /** An element's box on the canvas, in device pixels, with a halo's width round it. */
  private box(el: Element, host: DOMRect, dpr: number): Box {
    const r = el.getBoundingClientRect();
    const pad = 2;
    const x = Math.max(0, Math.floor((r.left - host.left - pad) * dpr));
    const y = Math.max(0, Math.floor((r.top - host.top - pad) * dpr));
    return { x, y, w: Math.ceil((r.right - host.left + pad) * dpr) - x, h: Math.ceil((r.bottom - host.top + pad) * dpr) - y };
  }

  /** Show the SVGs again now; draw the picture once they are still. */
  private stale(): void {
    this.release(); // the SVG shows the labels as they are
    this.generation++;
    if (this.cached) this.host.classList.remove(`${this.name}-cached`);
    clearTimeout(this.timer);
    if (this.want) this.timer = window.setTimeout(() => void this.draw(), QUIET_MS);
  }

  private async draw(): Promise<void> {
    const gen = this.generation;
    if (this.opts.hover !== false && this.host.matches(":hover")) return;
    if (this.svgs.some((svg) => svg.getAnimations?.({ subtree: true }).some(running))) return this.stale();
    const hostBox = this.host.getBoundingClientRect();
    const { width: w, height: h } = hostBox;
    if (!w || !h) return;
    const dpr = window.devicePixelRatio || 1;
    const hides = this.opts.hides;
    const boxes = new WeakMap<Element, Box>();
    if (hides) for (const svg of this.svgs) for (const e of svg.querySelectorAll(`${hides.on}:not([${hides.attr}])`)) boxes.set(e, this.box(e, hostBox, dpr));
    let img: HTMLImageElement | null;
    try {
      img = await svgImage(this.svgs, w, h);
    } catch {
      return; // The SVG stays shown.
    }
    if (gen !== this.generation || !this.want) return;
    if (!img) {
      // Nothing to draw: a canvas of no pixels stands for the SVGs, which WebKit does not paint at every step.
      this.canvas.width = this.canvas.height = 0;
      this.drawn = null;
      this.boxes = boxes;
      this.host.classList.add(`${this.name}-cached`);
      return;
    }
    const c = this.canvas;
    c.width = Math.ceil(w * dpr);
    c.height = Math.ceil(h * dpr);
    c.style.width = `${c.width / dpr}px`;
    c.style.height = `${c.height / dpr}px`;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.drawImage(img, 0, 0, w * dpr, h * dpr);
    this.drawn = hides ? copyCanvas(c, this.drawn ?? document.createElement("canvas")) : null;
    this.boxes = boxes;
    this.host.classList.add(`${this.name}-cached`);
  }
}
