/**
 * The GPU layer's shaders (GLSL ES 3.00, WebGL2). One vertex shader decides
 * for each event, from its day columns and the uniform day `u_t`, whether it
 * is on and how certain (the rule of `certaintyAt` in `timeline/columns.ts`,
 * held to it by `visibility.test.ts` through `onAndCertainty`), so a step of
 * the slider uploads no per-event data. The same shader either draws the
 * event as a dot or adds it to its hexagon's count (the arithmetic of
 * `hexbin.ts`); a second program paints the counted hexagons, and a third
 * the cached base map.
 */
import { COLUMNS } from "../api/bindings";

const F = COLUMNS.flags;

/** Hexagon arithmetic shared by both programs. */
const HEX = `
const float SQRT3 = 1.7320508;
ivec2 hexOf(vec2 p, float r) {
  float q = (SQRT3 / 3.0 * p.x - p.y / 3.0) / r;
  float s = (2.0 / 3.0 * p.y) / r;
  vec3 c = vec3(q, -q - s, s);
  vec3 rc = floor(c + 0.5);
  vec3 d = abs(rc - c);
  if (d.x > d.y && d.x > d.z) rc.x = -rc.y - rc.z;
  else if (d.y > d.z) rc.y = -rc.x - rc.z;
  else rc.z = -rc.x - rc.y;
  float odd = mod(rc.z, 2.0);
  return ivec2(int(rc.x + (rc.z - odd) / 2.0), int(rc.z));
}`;

export const EVENTS_VS = `#version 300 es
in vec2 a_pos;
in ivec4 a_days;   // lo, hi, start sure, end from
in uvec4 a_meta;   // kind, flags, hidden (drawn as a symbol), unused
uniform int u_t;
uniform uint u_mask;
uniform vec3 u_view;   // k, tx, ty: screen = base × k + t (CSS px)
uniform vec2 u_size;   // CSS px
uniform float u_px;    // a dot's diameter, device px
uniform int u_pass;    // 0: dots, 1: count per hexagon
uniform float u_hexR;
uniform ivec4 u_grid;  // first column, first row, columns, rows
uniform vec3 u_colors[16];
out vec4 v_color;
${HEX}
void main() {
  int lo = a_days.x, hi = a_days.y, sure = a_days.z, endFrom = a_days.w;
  uint kind = a_meta.x, flags = a_meta.y;
  bool on = lo <= u_t && u_t <= hi && ((u_mask >> kind) & 1u) == 1u && a_meta.z == 0u;
  gl_PointSize = 1.0;
  if (!on) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); v_color = vec4(0.0); return; }
  float t = float(u_t);
  float fadeIn = ((flags & ${F.fuzzyStart}u) != 0u && sure > lo) ? (t - float(lo) + 1.0) / (float(sure - lo) + 1.0) : 1.0;
  float fadeOut = ((flags & ${F.fuzzyEnd}u) != 0u && u_t >= endFrom) ? 1.0 - (t - float(endFrom)) / (float(hi - endFrom) + 1.0) : 1.0;
  float c = clamp(min(fadeIn, fadeOut), 0.0, 1.0);
  if (u_pass == 1) {
    ivec2 h = hexOf(a_pos * u_view.x, u_hexR) - u_grid.xy;
    if (h.x < 0 || h.y < 0 || h.x >= u_grid.z || h.y >= u_grid.w) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
    vec2 cell = (vec2(h) + 0.5) / vec2(u_grid.zw);
    gl_Position = vec4(cell * 2.0 - 1.0, 0.0, 1.0);
    v_color = vec4(1.0);
    return;
  }
  float alpha = c >= 1.0 ? 0.8 : 0.25 + 0.55 * c;
  vec2 s = a_pos * u_view.x + u_view.yz;
  gl_Position = vec4(s.x / u_size.x * 2.0 - 1.0, 1.0 - s.y / u_size.y * 2.0, 0.0, 1.0);
  gl_PointSize = u_px;
  v_color = vec4(u_colors[kind] * alpha, alpha);
}`;

export const EVENTS_FS = `#version 300 es
precision highp float;
precision highp int;
in vec4 v_color;
uniform int u_pass;
uniform float u_px;
uniform float u_rad;   // a dot's radius, device px
out vec4 o;
void main() {
  // Counting: each event adds one step of the 8-bit texture (255 at most).
  if (u_pass == 1) { o = vec4(1.0 / 255.0); return; }
  float rpx = length(gl_PointCoord * 2.0 - 1.0) * u_px * 0.5;
  float a = clamp(u_rad - rpx + 0.5, 0.0, 1.0);
  if (a <= 0.0) discard;
  o = v_color * a;
}`;

/** A triangle over the whole canvas. */
export const FULL_VS = `#version 300 es
out vec2 v_uv;
void main() {
  vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
  v_uv = p * 0.5 + 0.5;
  gl_Position = vec4(p, 0.0, 1.0);
}`;

export const HEX_FS = `#version 300 es
precision highp float;
precision highp int;
in vec2 v_uv;
uniform sampler2D u_counts;
uniform float u_scale;   // the texture's value of one event
uniform vec3 u_view;
uniform vec2 u_size;
uniform float u_hexR;
uniform ivec4 u_grid;
uniform vec4 u_classes;  // the least count of each class
uniform vec3 u_ramp[4];
out vec4 o;
${HEX}
void main() {
  vec2 css = vec2(v_uv.x, 1.0 - v_uv.y) * u_size;
  vec2 p = css - u_view.yz;
  ivec2 h = hexOf(p, u_hexR);
  ivec2 cell = h - u_grid.xy;
  if (cell.x < 0 || cell.y < 0 || cell.x >= u_grid.z || cell.y >= u_grid.w) discard;
  float n = texelFetch(u_counts, cell, 0).r * u_scale;
  if (n < 0.5) discard;
  // A thin gap between hexagons: pixels near the edge are left clear.
  float odd = mod(float(h.y), 2.0);
  vec2 centre = vec2(SQRT3 * u_hexR * (float(h.x) + odd / 2.0), 1.5 * u_hexR * float(h.y));
  vec2 d = abs(p - centre);
  float dist = max(d.x, dot(d, vec2(0.5, SQRT3 / 2.0)));
  if (dist > SQRT3 / 2.0 * u_hexR - 0.8) discard;
  int k = n >= u_classes.w ? 3 : n >= u_classes.z ? 2 : n >= u_classes.y ? 1 : 0;
  o = vec4(u_ramp[k] * 0.85, 0.85);
}`;
