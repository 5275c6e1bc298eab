/**
 * The legend's entry for the density view, and its text alternative: the
 * colour ramp drawn as the hexagons the map draws, each class named in
 * words beside its colour, so the meaning never rests on colour alone.
 * Built from the same constants as the shaders (`hexbin.ts`).
 */
import { onLocaleChange, t } from "../i18n/i18n";
import { h } from "../panel/dom";
import { DENSITY_CLASSES, DENSITY_COLORS, DENSITY_ON } from "./hexbin";

const SVG = "http://www.w3.org/2000/svg";

function hexSwatch(color: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "-10 -10 20 20");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const p = document.createElementNS(SVG, "path");
  const pts = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    return `${(9 * Math.cos(a)).toFixed(2)} ${(9 * Math.sin(a)).toFixed(2)}`;
  });
  p.setAttribute("d", `M ${pts.join(" L ")} Z`);
  p.setAttribute("fill", color);
  p.setAttribute("fill-opacity", "0.85");
  svg.append(p);
  return svg;
}

/** The words for class `i`: "1–9", …, "250 or more". */
export function densityClassWords(i: number): string {
  const lo = DENSITY_CLASSES[i]!;
  const next = DENSITY_CLASSES[i + 1];
  return next === undefined ? t("density-class-top", { from: lo }) : `${lo}–${next - 1}`;
}

/** What the density view means, in one sentence (the ramp's text alternative). */
export function densityText(): string {
  const classes = DENSITY_CLASSES.map((_, i) => `${t(`density-color-${i}`)} ${densityClassWords(i)}`).join(", ");
  return t("density-text", { on: DENSITY_ON, classes });
}

export function densityLegendItem(): HTMLLIElement {
  // The sentence says it all; the ramp beside it is its picture.
  const ramp = h("span", { className: "legend-ramp", attrs: { "aria-hidden": "true" } });
  const text = h("span", { textContent: densityText() });
  const steps = DENSITY_COLORS.map((c, i) => {
    const words = h("span", { textContent: densityClassWords(i) });
    ramp.append(h("span", { className: "legend-ramp-step" }, hexSwatch(c), words));
    return words;
  });
  onLocaleChange(() => {
    text.textContent = densityText();
    steps.forEach((w, i) => (w.textContent = densityClassWords(i)));
  });
  return h("li", { className: "legend-density" }, text, ramp);
}
