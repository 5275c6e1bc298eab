/**
 * The density view on the GPU: the events on at the day are counted per
 * hexagon into a small 8-bit texture (one texel a hexagon of the view, one
 * step of 1/255 an event, added by blending), then one full-screen pass
 * paints each hexagon in the colour of its class (`hexbin.ts`). No event is
 * visited in JavaScript and nothing is read back.
 */
import { program, rgb, type Uniforms } from "./gl";
import { DENSITY_CLASSES, DENSITY_COLORS, HEX_R, hexGrid } from "./hexbin";
import { FULL_VS, HEX_FS } from "./shaders";

const HEX_UNIFORMS = ["u_counts", "u_scale", "u_view", "u_size", "u_hexR", "u_grid", "u_classes", "u_ramp"];

export class DensityPass {
  private readonly hex;
  private readonly tex: WebGLTexture;
  private readonly fbo: WebGLFramebuffer;
  private readonly empty: WebGLVertexArrayObject;
  private texSize: [number, number] = [0, 0];

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.hex = program(gl, FULL_VS, HEX_FS, HEX_UNIFORMS);
    const tex = gl.createTexture();
    const fbo = gl.createFramebuffer();
    const empty = gl.createVertexArray();
    if (!tex || !fbo || !empty) throw new Error("WebGL2: no texture");
    this.tex = tex;
    this.fbo = fbo;
    this.empty = empty;
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.useProgram(this.hex.p);
    gl.uniform1i(this.hex.u.u_counts!, 0);
    gl.uniform1f(this.hex.u.u_scale!, 255);
    gl.uniform1f(this.hex.u.u_hexR!, HEX_R);
    gl.uniform4f(this.hex.u.u_classes!, ...DENSITY_CLASSES);
    gl.uniform3fv(this.hex.u.u_ramp!, DENSITY_COLORS.flatMap(rgb));
  }

  /**
   * Count with the events program `ev` (its vertex array bound, its day and
   * kinds set; `drawRuns` issues its draws), then paint the hexagons on the
   * canvas of cw × ch device px, a view of `size` CSS px at [k, tx, ty].
   */
  draw(ev: { p: WebGLProgram; u: Uniforms }, size: [number, number], view: [number, number, number], cw: number, ch: number, drawRuns: () => void): void {
    const gl = this.gl;
    const [k, tx, ty] = view;
    const g = hexGrid(size[0], size[1], tx, ty);
    gl.bindTexture(gl.TEXTURE_2D, this.tex);
    if (this.texSize[0] !== g.cols || this.texSize[1] !== g.rows) {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, g.cols, g.rows, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.fbo);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.tex, 0);
      this.texSize = [g.cols, g.rows];
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.fbo);
    gl.viewport(0, 0, g.cols, g.rows);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.blendFunc(gl.ONE, gl.ONE);
    gl.uniform1i(ev.u.u_pass!, 1);
    gl.uniform1f(ev.u.u_hexR!, HEX_R);
    gl.uniform4i(ev.u.u_grid!, g.col0, g.row0, g.cols, g.rows);
    drawRuns();
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, cw, ch);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const u = this.hex.u;
    gl.useProgram(this.hex.p);
    gl.uniform3f(u.u_view!, k, tx, ty);
    gl.uniform2f(u.u_size!, size[0], size[1]);
    gl.uniform4i(u.u_grid!, g.col0, g.row0, g.cols, g.rows);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.tex);
    gl.bindVertexArray(this.empty);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.useProgram(ev.p);
  }
}
