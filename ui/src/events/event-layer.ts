/**
 * The events' layer the story draws on: the GPU layer where WebGL2 works,
 * else (no WebGL2, or its context lost) the canvas dots, with one notice to
 * the reader. The choice is made once, on the first use, and a lost context
 * falls back for good, replaying the last thing drawn.
 */
import { showNotice } from "../app/page";
import type { AtlasMap } from "../map/map";
import type { LocalIndex } from "../timeline/columns";
import { DotLayer } from "../timeline/dots";
import { GlEventLayer } from "./gl-layer";
import type { EventLayer, ListDot } from "./layer";

const NOTICE = "This display cannot draw with WebGL2: events are drawn as plain dots, without the density view, and scrubbing through many events is slower.";
let told = false;

function tell(): void {
  if (told) return;
  told = true;
  try {
    showNotice(NOTICE);
  } catch {
    // A page without the notice box (tests) says nothing.
  }
}

function tryGl(map: AtlasMap, lost: () => void): GlEventLayer | null {
  try {
    return GlEventLayer.create(map, lost);
  } catch (e) {
    console.warn("WebGL2 event layer unavailable:", e);
    return null; // a driver that cannot build the shaders: the dots
  }
}

export class StoryEvents implements EventLayer {
  private layer: EventLayer;
  private last: (() => void) | null = null;

  constructor(private readonly map: AtlasMap) {
    const gl = tryGl(map, () => this.fallBack());
    if (!gl) tell();
    this.layer = gl ?? new DotLayer(map);
  }

  get canvas(): HTMLCanvasElement {
    return this.layer.canvas;
  }

  private fallBack(): void {
    this.layer.canvas.remove();
    this.layer = new DotLayer(this.map);
    tell();
    this.last?.();
  }

  showLocal(local: LocalIndex, day: number, mask: number, skip: ReadonlySet<number>): void {
    const keep = new Set(skip);
    this.last = () => this.layer.showLocal(local, day, mask, keep);
    this.layer.showLocal(local, day, mask, skip);
  }

  showList(dots: readonly ListDot[]): void {
    this.last = () => this.layer.showList(dots);
    this.layer.showList(dots);
  }

  resetProjection(): void {
    this.layer.resetProjection();
  }
}
