/**
 * A computed colour as SVG 1.1 understands it: `#rrggbb` and an opacity.
 * Browsers give computed colours as `rgb()`, `rgba()` or, for what
 * `color-mix()` makes, `color(srgb r g b / a)`; resvg reads only the first
 * two, and an SVG viewer may read none of the third.
 */

export interface Paint {
  /** `#rrggbb`, or `none`. */
  color: string;
  /** The paint's own alpha times the property's opacity. */
  opacity: number;
}

const hex = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");

/** The colour `value` (a computed colour, or `none`) with `opacity` applied. */
export function paint(value: string, opacity = 1): Paint {
  const v = value.trim();
  if (!v || v === "none" || v === "transparent") return { color: "none", opacity: 1 };
  const srgb = /^color\(srgb\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)(?:\s*\/\s*([\d.e+-]+%?))?\)$/.exec(v);
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  const alpha = (a: string | undefined) => (a === undefined ? 1 : a.endsWith("%") ? parseFloat(a) / 100 : parseFloat(a));
  let r: number, g: number, b: number, a: number;
  if (srgb) [r, g, b, a] = [parseFloat(srgb[1]!) * 255, parseFloat(srgb[2]!) * 255, parseFloat(srgb[3]!) * 255, alpha(srgb[4])];
  else if (rgb) [r, g, b, a] = [parseFloat(rgb[1]!), parseFloat(rgb[2]!), parseFloat(rgb[3]!), alpha(rgb[4])];
  else if (/^#[0-9a-f]{6}$/i.test(v)) return { color: v.toLowerCase(), opacity };
  else return { color: "none", opacity: 1 };
  if (a <= 0) return { color: "none", opacity: 1 };
  return { color: `#${hex(r)}${hex(g)}${hex(b)}`, opacity: a * opacity };
}
