/**
 * The little of WebGL2 the event layer needs, in one place: a program from
 * two shaders (a compile error is thrown with the driver's log, so a broken
 * shader is seen at once rather than as an empty map), its uniforms by name,
 * and colours as the shaders take them.
 */

export type Uniforms = Record<string, WebGLUniformLocation | null>;

function shader(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const s = gl.createShader(type);
  if (!s) throw new Error("WebGL2: no shader");
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`WebGL2 shader: ${gl.getShaderInfoLog(s) ?? ""}`);
  return s;
}

/** A linked program and the locations of `names`. */
export function program(gl: WebGL2RenderingContext, vs: string, fs: string, names: string[], attribs: string[] = []): { p: WebGLProgram; u: Uniforms } {
  const p = gl.createProgram();
  if (!p) throw new Error("WebGL2: no program");
  gl.attachShader(p, shader(gl, gl.VERTEX_SHADER, vs));
  gl.attachShader(p, shader(gl, gl.FRAGMENT_SHADER, fs));
  attribs.forEach((a, i) => gl.bindAttribLocation(p, i, a));
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`WebGL2 program: ${gl.getProgramInfoLog(p) ?? ""}`);
  const u: Uniforms = {};
  for (const n of names) u[n] = gl.getUniformLocation(p, n);
  return { p, u };
}

/** A colour "#rrggbb" as three numbers 0–1. */
export function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}
