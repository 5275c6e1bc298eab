/**
 * The many events drawn by the GPU (WebGL2), in place of the canvas dots
 * where WebGL2 works. The events' days, kinds and flags are uploaded once
 * per story and their places once per projection; a step of the slider sets
 * the day and the kinds as uniforms and draws the runs of the buffer that
 * can be on (`order.ts`), and the vertex shader decides the rest
 * (`shaders.ts`). Nothing per event is touched in JavaScript while the
 * slider moves, only the few events that become or stop being symbols.
 *
 * When more than a few thousand events are on in the view (estimated from
 * the exact count on at the day and the share of places in view,
 * `counts.ts` and `view-share.ts`), they are shown as hexagons coloured by
 * how many events each holds (counted on the GPU into a small texture);
 * zooming in brings fewer into view and they resolve into dots.
 *
 * `event-layer.ts` decides when this layer draws rather than the canvas
 * dots: while it is not the one in use it is hidden and draws nothing.
 */
import type { AtlasMap } from "../map/map";
import type { LocalIndex } from "../timeline/columns";
import { certaintyAt } from "../timeline/columns";
import { DOT_R, KIND_COLOR, KIND_RGB } from "../timeline/dots";
import { EVENT_KINDS } from "../api/bindings";
import { dotAlpha, hexMarks, inView, type Dot, type EventMarks } from "./marks";
import { onCounts, type OnCounts } from "./counts";
import { DENSITY_OFF, DENSITY_ON } from "./hexbin";
import { program } from "./gl";
import { DensityPass } from "./density";
import { isOn, type EventLayer, type ListDot } from "./layer";
import { gpuOrder, runsAt, type GpuOrder } from "./order";
import { EVENTS_FS, EVENTS_VS } from "./shaders";
import { SlotBuffers } from "./slots";
import { OFF_MAP, ViewShare } from "./view-share";

const UNIFORMS = ["u_t", "u_mask", "u_view", "u_size", "u_px", "u_rad", "u_pass", "u_hexR", "u_grid", "u_colors"];

export class GlEventLayer implements EventLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ev;
  private readonly cols: SlotBuffers;
  private readonly list: SlotBuffers;
  private readonly density: DensityPass;
  private local: LocalIndex | null = null;
  private order: GpuOrder | null = null;
  private counts: OnCounts | null = null;
  private share: ViewShare | null = null;
  private placed = false;
  private hidden = new Set<number>();
  private what: { local: true; day: number; mask: number; skipOn: number } | { local: false; n: number } | null = null;
  private dense = false;
  private size: [number, number] = [0, 0];
  private readonly runs = new Int32Array(256);
  private on = true;
  /** What was last asked to be shown, for `marks`. */
  private skip: ReadonlySet<number> = new Set();
  private listed: readonly ListDot[] = [];

  /** A layer on the map, or null where WebGL2 is missing. `lost` is called if the context is lost. */
  static create(map: AtlasMap, lost: () => void): GlEventLayer | null {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2", { antialias: false, premultipliedAlpha: true, depth: false, stencil: false });
    return gl ? new GlEventLayer(map, canvas, gl, lost) : null;
  }

  private constructor(private readonly map: AtlasMap, canvas: HTMLCanvasElement, private readonly gl: WebGL2RenderingContext, lost: () => void) {
    this.canvas = canvas;
    canvas.className = "story-dots story-gl";
    canvas.setAttribute("aria-hidden", "true");
    canvas.dataset.renderer = "webgl2";
    canvas.addEventListener("webglcontextlost", (e) => {
      e.preventDefault();
      lost();
    });
    this.ev = program(gl, EVENTS_VS, EVENTS_FS, UNIFORMS, ["a_pos", "a_days", "a_meta"]);
    this.cols = new SlotBuffers(gl);
    this.list = new SlotBuffers(gl);
    this.density = new DensityPass(gl);
    map.svg.after(canvas);
    // Built on first need, in the step that draws with it: its size now, not at the next frame.
    const box = canvas.getBoundingClientRect();
    this.size = [box.width, box.height];
    map.onViewChange(() => this.draw());
    new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.size = [entry.contentRect.width, entry.contentRect.height];
      this.draw();
    }).observe(canvas);
    gl.useProgram(this.ev.p);
    const colors = new Float32Array(48);
    KIND_RGB.forEach((c, k) => colors.set(c, 3 * k));
    gl.uniform3fv(this.ev.u.u_colors!, colors);
  }

  resetProjection(): void {
    this.placed = false;
  }

  /** Whether this layer is the one in use: when not, it is hidden and draws nothing until shown again. */
  set active(on: boolean) {
    if (on === this.on) return;
    this.on = on;
    this.canvas.classList.toggle("events-off", !on);
  }

  showLocal(local: LocalIndex, day: number, mask: number, skip: ReadonlySet<number>): void {
    if (local !== this.local) {
      this.local = local;
      this.order = gpuOrder(local);
      this.counts = onCounts(local.cols);
      this.cols.upload(this.order.days, this.order.meta);
      this.hidden.clear();
      this.placed = false;
    }
    const slotOf = this.order!.slotOf;
    const next = new Set<number>();
    let skipOn = 0;
    for (const i of skip) {
      next.add(slotOf[i]!);
      if (isOn(local, i, day, mask)) skipOn++;
    }
    for (const s of this.hidden) if (!next.has(s)) this.cols.hide(s, false);
    for (const s of next) if (!this.hidden.has(s)) this.cols.hide(s, true);
    this.hidden = next;
    this.skip = new Set(skip);
    this.what = { local: true, day, mask, skipOn };
    this.draw();
  }

  showList(dots: readonly ListDot[]): void {
    this.list.uploadList(dots, (p) => this.map.projectBase(p));
    this.listed = [...dots];
    this.what = { local: false, n: dots.length };
    this.draw();
  }

  /** The places of the columns' events, in slot order, for this projection. */
  private place(): void {
    const { local, order } = this;
    if (!local || !order || this.placed) return;
    const c = local.cols;
    const pos = new Float32Array(2 * c.n);
    for (let j = 0; j < c.n; j++) {
      const i = order.order[j]!;
      const p = this.map.projectBase([c.lon[i]!, c.lat[i]!]);
      pos[2 * j] = p ? p[0] : OFF_MAP;
      pos[2 * j + 1] = p ? p[1] : OFF_MAP;
    }
    this.cols.place(pos);
    this.share = new ViewShare(pos);
    this.placed = true;
  }

  /**
   * What the shaders draw now, as data (the export draws the same): each
   * event on and not a symbol, by the shader's rule (`certaintyAt`, the
   * local index's, which `visibility.test.ts` holds the shader to), or the
   * hexagons of the density view when it is on.
   */
  marks(): EventMarks {
    const [w, h] = this.size;
    const [k, tx, ty] = this.map.screenTransform;
    const dots: Dot[] = [];
    const add = (lonlat: [number, number], kind: number, certainty: number) => {
      const p = this.map.projectBase(lonlat);
      if (!p) return;
      const [x, y] = [p[0] * k + tx, p[1] * k + ty];
      if (inView(x, y, w, h)) dots.push({ x, y, color: KIND_COLOR[EVENT_KINDS[kind]!], alpha: dotAlpha(certainty) });
    };
    const what = this.what;
    if (!this.on || !what) return { dots, hexes: [], r: DOT_R };
    if (what.local && this.local) {
      const c = this.local.cols;
      for (const i of this.local.activeAt(what.day, what.mask)) if (!this.skip.has(i)) add([c.lon[i]!, c.lat[i]!], c.kind[i]!, certaintyAt(c, i, what.day));
    } else for (const d of this.listed) add(d.lonlat, EVENT_KINDS.indexOf(d.kind), d.certainty);
    if (!(what.local && this.dense)) return { dots, hexes: [], r: DOT_R };
    return { dots: [], hexes: hexMarks(dots.map((d) => d.x), dots.map((d) => d.y), dots.length, w, h, tx, ty), r: DOT_R };
  }

  draw(): void {
    const { gl, canvas: c } = this;
    const [w, h] = this.size;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    if (!this.on || !w || !h || gl.isContextLost()) return;
    gl.viewport(0, 0, c.width, c.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const [k, tx, ty] = this.map.screenTransform;
    const what = this.what;
    let count = 0;
    let mode = "dots";
    const u = this.ev.u;
    gl.useProgram(this.ev.p);
    gl.uniform3f(u.u_view!, k, tx, ty);
    gl.uniform2f(u.u_size!, w, h);
    gl.uniform1f(u.u_rad!, DOT_R * dpr);
    gl.uniform1f(u.u_px!, Math.ceil(2 * DOT_R * dpr + 2));
    if (what?.local) {
      this.place();
      count = this.counts!.at(what.day, what.mask) - what.skipOn;
      const inView = count * (this.share?.inside(-tx / k, -ty / k, (w - tx) / k, (h - ty) / k) ?? 1);
      this.dense = this.dense ? inView >= DENSITY_OFF : inView >= DENSITY_ON;
      gl.uniform1i(u.u_t!, what.day);
      gl.uniform1ui(u.u_mask!, what.mask);
      const n = runsAt(this.order!.runs, what.day, this.runs);
      const drawRuns = () => {
        for (let r = 0; r < n; r++) gl.drawArrays(gl.POINTS, this.runs[2 * r]!, this.runs[2 * r + 1]!);
      };
      this.cols.bind();
      if (this.dense) {
        mode = "density";
        this.density.draw(this.ev, [w, h], [k, tx, ty], c.width, c.height, drawRuns);
      } else {
        gl.uniform1i(u.u_pass!, 0);
        drawRuns();
      }
    } else if (what && what.n) {
      count = what.n;
      gl.uniform1i(u.u_t!, 0);
      gl.uniform1ui(u.u_mask!, 0xffff);
      gl.uniform1i(u.u_pass!, 0);
      this.list.bind();
      gl.drawArrays(gl.POINTS, 0, what.n);
    }
    gl.bindVertexArray(null);
    const ds = c.dataset;
    if (ds.dots !== String(count)) ds.dots = String(count); // read by tests
    if (ds.mode !== mode) ds.mode = mode;
  }
}
