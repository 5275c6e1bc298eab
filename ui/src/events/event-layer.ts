/**
 * The events' layer the story draws on, picked by workload at each step:
 * the canvas dots while few events are on (a frame of the GPU layer has a
 * fixed cost, about 2 ms where the browser reads the WebGL canvas back to
 * composite it in software, that a few hundred dots on a 2D canvas do not
 * reach), the GPU layer (WebGL2) once many are on, and always when they are
 * counted in hexagons (density needs thousands on in the view, above the
 * switch). The switch has a margin, so a count hovering at it does not flip
 * the renderer at every step, and it shows the new layer's drawing and
 * hides the old one's in the same task, so no frame shows neither.
 *
 * The GPU layer is built on first need, so a small story never pays for its
 * shaders. The one-time notice is only for a real lack of WebGL2 (no
 * context, shaders that do not build, a lost context): then the dots draw
 * everything, for good. `?events=canvas` or `?events=gpu` forces one
 * renderer (benchmarks and tests).
 *
 * In WebKit (not composited) a story with many events also draws the base
 * map on a canvas beneath both layers (`basemap.ts`), and the labels and the
 * story's symbols on canvases above them (`svg-picture.ts`), and the canvas dots
 * draw the density view themselves (`canvas-hexes.ts`) instead of handing
 * over to the GPU layer, whose canvas costs a software readback a frame
 * there, and writes its dots as pixels (`dot-raster.ts`), which WebKit's
 * software canvas paints faster than it draws arcs; `?events=gpu` still
 * forces the GPU, and `?events=canvas-density` and `?events=canvas-raster`
 * ask for the canvas's density or its pixels anywhere (tests in Chromium).
 */
import { showNotice } from "../app/page";
import { t } from "../i18n/i18n";
import type { AtlasMap } from "../map/map";
import type { LocalIndex } from "../timeline/columns";
import { DotLayer } from "../timeline/dots";
import { BaseMapCanvas } from "./basemap";
import { COMPOSITED, PICTURES } from "./compositing";
import { onCounts, wantsGpu } from "./counts";
import { GlEventLayer } from "./gl-layer";
import { SvgPicture } from "./svg-picture";
import type { EventLayer, ListDot } from "./layer";
import type { EventMarks } from "./marks";

const FORCED = new URLSearchParams(location.search).get("events");
/** Stories with at least this many events draw the base map on a canvas while events are drawn. */
const PICTURE_FROM = 1000;
/** Where the 2D canvas draws the density view instead of the GPU layer (not composited, unless the GPU is forced). */
const CANVAS_DENSITY = FORCED === "canvas-density" || (!COMPOSITED && FORCED !== "gpu" && FORCED !== "canvas");
/** Where the canvas's dots are written as pixels (`dot-raster.ts`): not composited, or asked for with `?events=canvas-raster`. */
const RASTER = FORCED === "canvas-raster" || (!COMPOSITED && FORCED !== "gpu");
let told = false;

function tell(): void {
  if (told) return;
  told = true;
  try {
    showNotice(t("webgl-unavailable"));
  } catch {
    // A page without the notice box (tests) says nothing.
  }
}

export class StoryEvents implements EventLayer {
  private readonly dots: DotLayer;
  private gl: GlEventLayer | null = null;
  /** No WebGL2 here (or it was lost): the dots for good. */
  private noGl = FORCED === "canvas" || FORCED === "canvas-raster";
  private onGpu = false;
  private last: (() => void) | null = null;
  private readonly picture: BaseMapCanvas | null;
  /** Pictures of the labels and of the story's symbols, above the events. */
  private readonly above: SvgPicture[];

  constructor(private readonly map: AtlasMap) {
    this.picture = PICTURES ? new BaseMapCanvas(map) : null;
    const host = map.svg.parentElement;
    const [labels, symbols] = map.svgsAbove;
    // Apart, so that the symbols coming and going while the slider moves leave the labels' picture standing.
    const labelsPicture = PICTURES && host && labels ? new SvgPicture([labels], host, "labels", { hides: { attr: "data-stale", on: "text.label" } }) : null;
    this.above = labelsPicture && host && symbols ? [labelsPicture, new SvgPicture([symbols], host, "symbols")] : [];
    if (labelsPicture) map.labelHider = (t, stale) => labelsPicture.hold(t, stale);
    this.dots = new DotLayer(map);
    // Not composited, the 2D canvas draws the density view too: a WebGL
    // canvas would be read back and painted in software at every frame.
    this.dots.densityHere = CANVAS_DENSITY;
    this.dots.rasterHere = RASTER;
  }

  /** What the layer in use draws now, as data (for the export). */
  marks(): EventMarks {
    return this.onGpu && this.gl ? this.gl.marks() : this.dots.marks();
  }

  /** The canvas in use. */
  get canvas(): HTMLCanvasElement {
    return this.onGpu && this.gl ? this.gl.canvas : this.dots.canvas;
  }

  private gpu(): GlEventLayer | null {
    if (this.gl || this.noGl) return this.gl;
    try {
      this.gl = GlEventLayer.create(this.map, () => this.fallBack());
    } catch (e) {
      console.warn("WebGL2 event layer unavailable:", e); // a driver that cannot build the shaders
    }
    if (!this.gl) {
      this.noGl = true;
      tell();
    }
    return this.gl;
  }

  private fallBack(): void {
    this.gl?.canvas.remove();
    this.gl = null;
    this.noGl = true;
    this.onGpu = false;
    this.dots.active = true;
    tell();
    this.last?.();
  }

  /** The layer for `n` events on; when it changes, the other one is emptied and hidden after the new one has drawn. */
  private pick(n: number, draw: (layer: EventLayer) => void): void {
    const want = FORCED === "gpu" || (FORCED !== "canvas" && !this.dots.densityHere && wantsGpu(this.onGpu, n));
    const gl = want ? this.gpu() : null;
    const was = this.onGpu;
    this.onGpu = gl !== null;
    if (gl) gl.active = true;
    else this.dots.active = true;
    draw(gl ?? this.dots);
    if (was && !gl) this.gl!.active = false;
    if (!was && gl) this.dots.active = false;
  }

  showLocal(local: LocalIndex, day: number, mask: number, skip: ReadonlySet<number>): void {
    const pictured = PICTURES && local.cols.n >= PICTURE_FROM;
    if (this.picture) this.picture.wanted = pictured;
    for (const p of this.above) p.wanted = pictured;
    // The SVGs' opacity while shown is below 1 (styles.css): once, as the story opens, not at each switch.
    const host = this.map.svg.parentElement;
    if (host && host.classList.contains("pictured") !== pictured) host.classList.toggle("pictured", pictured);
    const keep = new Set(skip);
    this.last = () => this.showLocal(local, day, mask, keep);
    this.pick(onCounts(local.cols).at(day, mask), (l) => l.showLocal(local, day, mask, skip));
  }

  showList(dots: readonly ListDot[]): void {
    this.last = () => this.showList(dots);
    this.pick(dots.length, (l) => l.showList(dots));
  }

  resetProjection(): void {
    this.dots.resetProjection();
    this.gl?.resetProjection();
  }
}
