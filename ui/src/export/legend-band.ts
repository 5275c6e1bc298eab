/**
 * The band under the exported map: the legend's items as the page's legend
 * shows them (its own swatches, copied with their styles, and its words in
 * the reader's language), laid out in as many columns as fit, then the
 * density ramp, then the story's attribution, wrapped. Text is measured in
 * the page's font on a canvas, the font resvg draws it in.
 */
import { t } from "../i18n/i18n";
import { paint } from "./colors";
import { INITIAL, inline } from "./inline";

const NS = "http://www.w3.org/2000/svg";
const PAD = 12;
const ROW = 18;
const GAP = 14;
const SIZE = 11;
const NOTE = 10.5;

export interface Band {
  group: SVGGElement;
  height: number;
}

let ctx: CanvasRenderingContext2D | null = null;
function width(text: string, font: string): number {
  ctx ??= document.createElement("canvas").getContext("2d");
  if (!ctx) return text.length * 7;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** `text` in lines no wider than `max` in `font`; a word longer than a line ends with "…". */
export function textLines(text: string, max: number, font: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (width(next, font) <= max || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => {
    if (width(l, font) <= max) return l;
    while (l.length > 1 && width(`${l}…`, font) > max) l = l.slice(0, -1);
    return `${l}…`;
  });
}

function el(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A legend swatch (a small SVG of the page's legend) at (x, y), 16 px square. */
function swatch(src: SVGSVGElement | null, x: number, y: number): SVGElement | null {
  if (!src) return null;
  const box = el("svg", { x, y, width: 16, height: 16, viewBox: src.getAttribute("viewBox") ?? "-12 -12 24 24", overflow: "visible" });
  for (const c of Array.from(src.children)) {
    const copy = inline(c, INITIAL);
    if (copy) box.append(copy);
  }
  return box;
}

interface Item {
  swatch: SVGSVGElement | null;
  text: string;
}

function items(legend: HTMLElement | null): { plain: Item[]; ramp: Item[] } {
  const plain: Item[] = [];
  const ramp: Item[] = [];
  for (const li of Array.from(legend?.querySelectorAll<HTMLLIElement>(".legend-list > li") ?? [])) {
    if (li.classList.contains("legend-density")) {
      for (const step of Array.from(li.querySelectorAll<HTMLElement>(".legend-ramp-step"))) ramp.push({ swatch: step.querySelector("svg"), text: step.textContent?.trim() ?? "" });
    } else plain.push({ swatch: li.querySelector(":scope > svg"), text: li.textContent?.trim() ?? "" });
  }
  return { plain, ramp };
}

/** The band for a map `w` px wide. */
export function legendBand(legend: HTMLElement | null, attribution: string, w: number, family: string, inkColor: string, mutedColor: string): Band {
  const ink = paint(inkColor).color;
  const muted = paint(mutedColor).color;
  const font = `${SIZE}px ${family}`;
  const g = el("g", { "font-family": family, "font-size": SIZE, fill: ink }) as SVGGElement;
  const { plain, ramp } = items(legend);
  const inner = w - 2 * PAD;
  const colW = Math.min(inner, Math.max(60, ...plain.map((i) => 22 + width(i.text, font))));
  const cols = Math.max(1, Math.floor((inner + GAP) / (colW + GAP)));
  let y = 8;
  plain.forEach((item, i) => {
    const x = PAD + (i % cols) * (colW + GAP);
    const top = y + Math.floor(i / cols) * ROW;
    const s = swatch(item.swatch, x, top + 1);
    if (s) g.append(s);
    g.append(el("text", { x: x + 22, y: top + 13 }, textLines(item.text, colW - 22, font)[0] ?? ""));
  });
  y += Math.ceil(plain.length / cols) * ROW;
  if (ramp.length) {
    const head = t("export-density-ramp");
    g.append(el("text", { x: PAD, y: y + 13 }, head));
    let x = PAD + width(head, font) + 8;
    for (const step of ramp) {
      const s = swatch(step.swatch, x, y + 1);
      if (s) g.append(s);
      g.append(el("text", { x: x + 20, y: y + 13 }, step.text));
      x += 28 + width(step.text, font);
    }
    y += ROW;
  }
  y += 6;
  for (const line of textLines(attribution, inner, `${NOTE}px ${family}`)) {
    g.append(el("text", { x: PAD, y: y + 11, "font-size": NOTE, fill: muted, "data-role": "attribution" }, line));
    y += 14;
  }
  return { group: g, height: y + 8 };
}
