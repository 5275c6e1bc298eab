/**
 * The timeline's element builders: HTML and SVG elements made from data as
 * text (never from markup), and the bar's icons. Shared by the bar, the
 * slider, the player and the track's drawing, so they live apart from each.
 */
const SVG = "http://www.w3.org/2000/svg";

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { attrs?: Record<string, string> } = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const { attrs, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const ICONS: Record<string, string> = {
  play: "M 5 3 L 13 8 L 5 13 Z",
  pause: "M 4 3 H 7 V 13 H 4 Z M 9 3 H 12 V 13 H 9 Z",
  prev: "M 3 3 H 5 V 13 H 3 Z M 13 3 L 6 8 L 13 13 Z",
  next: "M 11 3 H 13 V 13 H 11 Z M 3 3 L 10 8 L 3 13 Z",
};

export function icon(name: string): SVGSVGElement {
  const svg = s("svg", { viewBox: "0 0 16 16", width: "16", height: "16", "aria-hidden": "true" });
  svg.append(s("path", { d: ICONS[name] ?? "", fill: "currentColor" }));
  return svg;
}
