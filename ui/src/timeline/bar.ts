/**
 * The timeline's bar of controls: play/pause, previous and next event, the
 * date in words, playback speed and loop, the preset windows and the axis
 * zoom. Built here and wired to the Timeline's actions; the Timeline keeps
 * the state they change.
 */
import { label } from "../i18n/i18n";
import { h, icon } from "./elements";
import { PRESETS, SPEEDS } from "./time";

/** What the bar's buttons do. */
export interface BarActions {
  toggle(): void;
  step(backward: boolean): void;
  /** A preset window: `from`/`to` as ISO dates, or "" for the whole span. */
  preset(from: string, to: string): void;
  /** Zoom the axis around the date (<1 zooms in). */
  zoom(factor: number): void;
}

export interface Bar {
  root: HTMLDivElement;
  playButton: HTMLButtonElement;
  speedSelect: HTMLSelectElement;
  loopBox: HTMLInputElement;
  /** The date in words, written by the readout. */
  dateText: Text;
}

export function buildBar(actions: BarActions): Bar {
  const dateText = document.createTextNode("");
  const playButton = label(h("button", { type: "button", className: "tl-play icon", attrs: { "aria-pressed": "false" } }, icon("play")), "tl-play");
  const prev = label(h("button", { type: "button", className: "icon" }, icon("prev")), "tl-prev");
  const next = label(h("button", { type: "button", className: "icon" }, icon("next")), "tl-next");
  // The text sits in a box of fixed size that contains its own layout (a
  // flex item cannot be that boundary itself): a new date lays out that box alone.
  const dateOut = label(h("output", { className: "tl-date" }, h("span", { className: "tl-date-text" }, dateText)), "tl-date");
  const speedSelect = label(h("select", {}, ...SPEEDS.map((sp, i) => label(h("option", { value: String(i), selected: i === 2 }), sp.label))), "tl-speed-select");
  const loopBox = h("input", { type: "checkbox" });
  const loop = h("label", { className: "tl-loop" }, loopBox, " ", label(h("span"), "tl-loop"));
  const presets = label(h("div", { className: "tl-presets", attrs: { role: "group" } }), "tl-window");
  for (const p of PRESETS) {
    const b = h("button", { type: "button" }, p.label);
    if (p.message) label(b, p.message);
    b.addEventListener("click", () => actions.preset(p.from, p.to));
    presets.append(b);
  }
  const zin = label(h("button", { type: "button" }, "+"), "tl-zoom-in");
  const zout = label(h("button", { type: "button" }, "−"), "tl-zoom-out");
  zin.addEventListener("click", () => actions.zoom(0.5));
  zout.addEventListener("click", () => actions.zoom(2));
  playButton.addEventListener("click", () => actions.toggle());
  prev.addEventListener("click", () => actions.step(true));
  next.addEventListener("click", () => actions.step(false));
  const root = h("div", { className: "tl-bar" }, playButton, prev, next, dateOut, h("label", { className: "tl-speed" }, label(h("span"), "tl-speed"), " ", speedSelect), loop, presets, zin, zout);
  return { root, playButton, speedSelect, loopBox, dateText };
}
