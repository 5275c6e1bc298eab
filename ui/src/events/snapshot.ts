/**
 * The map's SVG as a stand-alone image (a data: URL) that looks as it does
 * in the page: an image document has neither the page's style sheets nor
 * its ancestors, so each element's computed style is written on its copy.
 */

/** The styles that decide how the map's SVG looks. */
const PROPS = ["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "opacity", "visibility", "display", "vector-effect", "paint-order"];

/** `svg` (w × h CSS px) drawn at `dpr` device px per CSS px on `background`. */
export function snapshot(svg: SVGSVGElement, w: number, h: number, dpr: number, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((e, i) => {
    const cs = getComputedStyle(e);
    const style = (to[i] as SVGElement).style;
    for (const p of PROPS) style.setProperty(p, cs.getPropertyValue(p));
  });
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(Math.round(w * dpr)));
  clone.setAttribute("height", String(Math.round(h * dpr)));
  clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
  clone.style.setProperty("background", background);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
}
