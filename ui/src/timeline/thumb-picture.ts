/**
 * The slider's thumb and the date's line across the track, painted on a
 * canvas over the track instead of moved as elements.
 *
 * Why: where the page is not composited (the desktop app's WebKitGTK), an
 * element moved at each step of the slider, while the events' canvas on
 * the map changes in the same frame, cost 2 to 4 ms of that frame; painted
 * here, the thumb costs what its few changed pixels cost
 * (docs/benchmarks.md). The slider itself (role "slider": focus, keys, its
 * ARIA values) is a still element over the whole track, as a native range
 * input is, and its focus ring is painted round the thumb, where the eye
 * is. The colours are the style sheet's, read from the canvas's computed
 * style, so a theme (or forced colours) carries over.
 */
import { onRestyle } from "../restyle";

/** The thumb's box on the track, as the style sheet had it. */
const W = 14;
const H = 44;
const TOP = 12;
const RADIUS = 4;
/** The focus ring: its width and its gap from the thumb. */
const RING = 3;
const GAP = 2;
/** Room each side of the date for half a thumb, its ring and its shadow; the canvas overhangs the track by as much. */
const PAD = W / 2 + GAP + RING + 4;

interface Shadow {
  dx: number;
  dy: number;
  blur: number;
  colour: string;
}
interface Colours {
  thumb: string;
  ring: string;
  shadow: Shadow | null;
}

/** A `box-shadow` of one shadow ("0 1px 3px rgb(0 0 0 / 0.18)"), or null. */
export function parseShadow(css: string): Shadow | null {
  const m = /^\s*(-?[\d.]+)(?:px)?\s+(-?[\d.]+)(?:px)?\s+([\d.]+)(?:px)?\s+(.+?)\s*$/.exec(css);
  return m ? { dx: Number(m[1]), dy: Number(m[2]), blur: Number(m[3]), colour: m[4]! } : null;
}

export class ThumbPicture {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private x: number | null = null;
  private focused = false;
  private line = { top: TOP + 2, height: H - 4 };
  /** The columns painted last, in track pixels: cleared before the next painting. */
  private painted: [number, number] | null = null;
  private colours: Colours | null = null;
  private dpr = 1;

  constructor() {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "tl-hand";
    this.canvas.setAttribute("aria-hidden", "true");
    this.canvas.style.left = `${-PAD}px`;
    this.ctx = this.canvas.getContext("2d");
    onRestyle(() => {
      this.colours = null;
      this.paint(true);
    });
  }

  /** The track is `w` × `h` CSS pixels. */
  resize(w: number, h: number): void {
    this.dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.ceil((w + 2 * PAD) * this.dpr);
    this.canvas.height = Math.ceil(h * this.dpr);
    this.canvas.style.width = `${this.canvas.width / this.dpr}px`;
    this.canvas.style.height = `${this.canvas.height / this.dpr}px`;
    this.painted = null; // a new size cleared the canvas
    this.paint(false);
  }

  /** The date's line spans `top` to `top + height` of the track (the chart's bars). */
  setLine(top: number, height: number): void {
    if (top === this.line.top && height === this.line.height) return;
    this.line = { top, height };
    this.paint(false);
  }

  /** Whether the slider shows that it has the keyboard's focus. */
  setFocus(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    this.paint(false);
  }

  /** Put the thumb and the line at `x` on the track. */
  place(x: number): void {
    if (x === this.x) return;
    this.x = x;
    this.paint(false);
  }

  private paint(all: boolean): void {
    const ctx = this.ctx;
    if (!ctx || !this.canvas.isConnected || !this.canvas.width) return;
    const c = (this.colours ??= this.readColours());
    ctx.setTransform(this.dpr, 0, 0, this.dpr, PAD * this.dpr, 0);
    const hgt = this.canvas.height / this.dpr;
    if (all) ctx.clearRect(-PAD, 0, this.canvas.width / this.dpr, hgt);
    else if (this.painted) ctx.clearRect(this.painted[0], 0, this.painted[1] - this.painted[0], hgt);
    this.painted = null;
    const x = this.x;
    if (x === null) return;
    ctx.fillStyle = c.thumb;
    ctx.fillRect(x - 0.75, this.line.top, 1.5, this.line.height);
    ctx.save();
    if (c.shadow) {
      // Shadows are in canvas pixels, not the transform's.
      ctx.shadowColor = c.shadow.colour;
      ctx.shadowOffsetX = c.shadow.dx * this.dpr;
      ctx.shadowOffsetY = c.shadow.dy * this.dpr;
      ctx.shadowBlur = c.shadow.blur * this.dpr;
    }
    ctx.beginPath();
    ctx.roundRect(x - W / 2, TOP, W, H, RADIUS);
    ctx.fill();
    ctx.restore();
    if (this.focused) {
      const o = GAP + RING / 2;
      ctx.strokeStyle = c.ring;
      ctx.lineWidth = RING;
      ctx.beginPath();
      ctx.roundRect(x - W / 2 - o, TOP - o, W + 2 * o, H + 2 * o, RADIUS + o);
      ctx.stroke();
    }
    this.painted = [Math.floor(x - PAD), Math.ceil(x + PAD)];
  }

  private readColours(): Colours {
    const cs = getComputedStyle(this.canvas);
    const forced = window.matchMedia?.("(forced-colors: active)").matches === true;
    return { thumb: cs.color, ring: cs.outlineColor, shadow: forced ? null : parseShadow(cs.getPropertyValue("--shadow")) };
  }
}
