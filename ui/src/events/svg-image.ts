/**
 * SVGs drawn as one image: copied, with the styles the page gives them
 * (`export/inline.ts`, as the export does), into a standalone SVG of the
 * host's size, and decoded by the engine, so that the image matches the
 * live SVGs. The pictures that stand for SVGs are drawn from it
 * (`svg-picture.ts`).
 */
import { inlineChildren } from "../export/inline";

const NS = "http://www.w3.org/2000/svg";

/**
 * `svgs` (in painting order) as one image of `w` × `h` CSS pixels; null when
 * they hold nothing but empty groups (the symbols while the slider is
 * dragged through a large story), which need no image.
 */
export async function svgImage(svgs: readonly SVGSVGElement[], w: number, h: number): Promise<HTMLImageElement | null> {
  const copy = document.createElementNS(NS, "svg");
  copy.setAttribute("xmlns", NS);
  copy.setAttribute("width", String(w));
  copy.setAttribute("height", String(h));
  copy.setAttribute("viewBox", `0 0 ${w} ${h}`);
  for (const svg of svgs) inlineChildren(svg, copy);
  if ([...copy.querySelectorAll("*")].every((e) => e.localName === "g" || e.closest("defs"))) return null;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await img.decode();
  return img;
}
