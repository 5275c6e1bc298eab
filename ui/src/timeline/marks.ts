/**
 * What the track shows behind the thumb, as SVG: the story's eras, the
 * density of event starts, hatched bands over fuzzy dates and the axis
 * ticks. Pure drawing from the axis and the data: the track's chart decides
 * when to draw, this file only how.
 */
import type { EventRef, Histogram } from "../api/bindings";
import { dayToIso, isoToDay, monthLetters } from "../format";
import { t as tr } from "../i18n/i18n";
import type { TimeAxis } from "./axis";
import { s } from "./elements";
import { ERAS } from "./time";

/** An event with a fuzzy date, drawn as a hatched band over its uncertainty. */
export type Uncertain = Pick<EventRef, "id" | "title" | "kind" | "start" | "end" | "lo" | "hi">;


/** The hatch pattern the bands are filled with. */
export function hatchDefs(): SVGDefsElement {
  const defs = s("defs");
  const pat = s("pattern", { id: "tl-hatch", width: "5", height: "5", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pat.append(s("line", { x1: "0", y1: "0", x2: "0", y2: "5", class: "tl-hatch-line" }));
  defs.append(pat);
  return defs;
}

/** The eras in the window, labelled where there is room. */
export function eraMarks(kids: SVGElement[], axis: TimeAxis, w: number): void {
  for (const era of ERAS) {
    if (era.to < axis.w0 || era.from > axis.w1) continue;
    const x0 = Math.max(0, axis.x(era.from));
    const x1 = Math.min(w, axis.x(era.to));
    kids.push(s("rect", { x: String(x0), y: "0", width: String(Math.max(0, x1 - x0)), height: "14", class: "tl-era" }));
    if (x1 - x0 > 60) {
      const t = s("text", { x: String(x0 + 4), y: "11", class: "tl-era-label" });
      t.textContent = tr(era.label);
      kids.push(t);
    }
  }
}

/** One bar per bin, its height the square root of the count (between `top` and `base`). */
export function binMarks(kids: SVGElement[], axis: TimeAxis, histogram: Histogram | null, base: number, top: number): void {
  if (!histogram || !(histogram.max > 0)) return;
  const scale = (base - top) / Math.sqrt(histogram.max);
  for (const b of histogram.bins) {
    if (!b.count) continue;
    const x0 = axis.x(b.start_day);
    const x1 = axis.x(b.end_day + 1);
    const bh = Math.max(1.5, Math.sqrt(b.count) * scale);
    kids.push(s("rect", { x: x0.toFixed(1), y: (base - bh).toFixed(1), width: Math.max(1, x1 - x0 - 0.5).toFixed(1), height: bh.toFixed(1), class: "tl-bin" }));
  }
}

/** A hatched band under the bars for each event with a fuzzy date. */
export function bandMarks(kids: SVGElement[], axis: TimeAxis, uncertain: readonly Uncertain[], w: number, base: number): void {
  for (const e of uncertain) {
    const x0 = Math.max(0, axis.x(e.lo));
    const x1 = Math.min(w, axis.x(Math.min(e.hi, axis.w1) + 1));
    kids.push(s("rect", { x: x0.toFixed(1), y: String(base - 8), width: Math.max(2, x1 - x0).toFixed(1), height: "8", class: "tl-uncertain" }));
  }
}

/** Axis ticks: years, or months when zoomed in. */
export function tickMarks(kids: SVGElement[], axis: TimeAxis, base: number): void {
  const years = (axis.w1 - axis.w0) / 365.25;
  const stepYears = years > 50 ? 10 : years > 20 ? 5 : years > 6 ? 1 : 0;
  const startYear = Number(dayToIso(axis.w0).slice(0, 4));
  const endYear = Number(dayToIso(axis.w1).slice(0, 4));
  if (stepYears) {
    for (let y = Math.ceil(startYear / stepYears) * stepYears; y <= endYear; y += stepYears) tick(kids, axis, isoToDay(`${y}-01-01`), String(y), base);
  } else {
    const letters = monthLetters();
    for (let y = startYear; y <= endYear; y++)
      for (let m = 1; m <= 12; m++) {
        const d = isoToDay(`${y}-${String(m).padStart(2, "0")}-01`);
        if (d < axis.w0 || d > axis.w1) continue;
        const label = m === 1 ? String(y) : years < 2.5 ? letters[m - 1]! : "";
        if (label || m % 3 === 1) tick(kids, axis, d, label, base);
      }
  }
}

function tick(kids: SVGElement[], axis: TimeAxis, day: number, label: string, base: number): void {
  const x = axis.x(day);
  kids.push(s("line", { x1: x.toFixed(1), x2: x.toFixed(1), y1: String(base), y2: String(base + 4), class: "tl-tick" }));
  if (label) {
    const t = s("text", { x: x.toFixed(1), y: String(base + 14), class: "tl-tick-label" });
    t.textContent = label;
    kids.push(t);
  }
}
