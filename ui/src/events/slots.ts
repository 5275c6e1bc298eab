/**
 * The GPU buffers of one set of events, in slot order, behind one vertex
 * array: places (float, once per projection), days (integers: lo, hi,
 * start sure, end from) and kind, flags and a hidden byte (once per story;
 * the hidden byte of the few events drawn as symbols is written one byte at
 * a time). A list of dots (the core's answer) uses the same layout: each is
 * an event on at day 0 whose fuzzy start gives its certainty, so the one
 * shader draws both.
 */
import { COLUMNS } from "../api/bindings";
import { KIND_ORDER } from "../timeline/columns";
import type { ListDot } from "./layer";
import { OFF_MAP } from "./view-share";

/** Attribute locations, as bound in `gl-layer.ts`. */
const POS = 0;
const DAYS = 1;
const META = 2;
/** The steps of certainty a listed dot can have. */
const STEPS = 1000;

export class SlotBuffers {
  private readonly vao: WebGLVertexArrayObject;
  private readonly pos: WebGLBuffer;
  private readonly days: WebGLBuffer;
  private readonly meta: WebGLBuffer;
  private readonly one = new Uint8Array(1);

  constructor(private readonly gl: WebGL2RenderingContext) {
    const vao = gl.createVertexArray();
    const [pos, days, meta] = [gl.createBuffer(), gl.createBuffer(), gl.createBuffer()];
    if (!vao || !pos || !days || !meta) throw new Error("WebGL2: no buffers");
    this.vao = vao;
    this.pos = pos;
    this.days = days;
    this.meta = meta;
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, pos);
    gl.enableVertexAttribArray(POS);
    gl.vertexAttribPointer(POS, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, days);
    gl.enableVertexAttribArray(DAYS);
    gl.vertexAttribIPointer(DAYS, 4, gl.INT, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, meta);
    gl.enableVertexAttribArray(META);
    gl.vertexAttribIPointer(META, 4, gl.UNSIGNED_BYTE, 0, 0);
    gl.bindVertexArray(null);
  }

  private put(buf: WebGLBuffer, data: ArrayBufferView): void {
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  }

  /** Days and kinds of every slot (once per story). */
  upload(days: Int32Array, meta: Uint8Array): void {
    this.put(this.days, days);
    this.put(this.meta, meta);
  }

  /** Base-projected places of every slot (once per projection). */
  place(xy: Float32Array): void {
    this.put(this.pos, xy);
  }

  /** Leave slot `s` out (it is drawn as a symbol) or draw it again. */
  hide(s: number, hidden: boolean): void {
    const gl = this.gl;
    this.one[0] = hidden ? 1 : 0;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.meta);
    gl.bufferSubData(gl.ARRAY_BUFFER, 4 * s + 2, this.one);
  }

  /** Exactly these dots, projected by `project` (at rest only: a list is written whole). */
  uploadList(dots: readonly ListDot[], project: (lonlat: [number, number]) => [number, number] | null): void {
    const n = dots.length;
    const xy = new Float32Array(2 * n);
    const days = new Int32Array(4 * n);
    const meta = new Uint8Array(4 * n);
    dots.forEach((d, j) => {
      const p = project(d.lonlat);
      xy[2 * j] = p ? p[0] : OFF_MAP;
      xy[2 * j + 1] = p ? p[1] : OFF_MAP;
      // On at day 0 with certainty c: (0 − lo + 1) / (sure − lo + 1) = c.
      const lo = 1 - Math.max(1, Math.round(Math.min(1, Math.max(0, d.certainty)) * STEPS));
      days.set([lo, 1, lo + STEPS - 1, 1], 4 * j);
      meta[4 * j] = KIND_ORDER.indexOf(d.kind);
      meta[4 * j + 1] = COLUMNS.flags.fuzzyStart;
    });
    this.put(this.pos, xy);
    this.upload(days, meta);
  }

  bind(): void {
    this.gl.bindVertexArray(this.vao);
  }
}
