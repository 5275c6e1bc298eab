/**
 * The timeline's bar of controls: play/pause, previous and next event, the
 * date in words, playback speed and loop, the preset windows and the axis
 * zoom. Built here and wired to the Timeline's actions; the Timeline keeps
 * the state they change.
 */
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
  const playButton = h("button", { type: "button", className: "tl-play icon", attrs: { "aria-label": "Play", "aria-pressed": "false" } }, icon("play"));
  const prev = h("button", { type: "button", className: "icon", attrs: { "aria-label": "Previous event" }, title: "Previous event (PageUp or [)" }, icon("prev"));
  const next = h("button", { type: "button", className: "icon", attrs: { "aria-label": "Next event" }, title: "Next event (PageDown or ])" }, icon("next"));
  // The text sits in a box of fixed size that contains its own layout (a
  // flex item cannot be that boundary itself): a new date lays out that box alone.
  const dateOut = h("output", { className: "tl-date", attrs: { "aria-label": "Current date" } }, h("span", { className: "tl-date-text" }, dateText));
  const speedSelect = h("select", { attrs: { "aria-label": "Playback speed" } }, ...SPEEDS.map((sp, i) => h("option", { value: String(i), selected: i === 2 }, sp.label)));
  const loopBox = h("input", { type: "checkbox" });
  const loop = h("label", { className: "tl-loop" }, loopBox, " Loop");
  const presets = h("div", { className: "tl-presets", attrs: { role: "group", "aria-label": "Time window" } });
  for (const p of PRESETS) {
    const b = h("button", { type: "button" }, p.label);
    b.addEventListener("click", () => actions.preset(p.from, p.to));
    presets.append(b);
  }
  const zin = h("button", { type: "button", attrs: { "aria-label": "Zoom the timeline in" } }, "+");
  const zout = h("button", { type: "button", attrs: { "aria-label": "Zoom the timeline out" } }, "−");
  zin.addEventListener("click", () => actions.zoom(0.5));
  zout.addEventListener("click", () => actions.zoom(2));
  playButton.addEventListener("click", () => actions.toggle());
  prev.addEventListener("click", () => actions.step(true));
  next.addEventListener("click", () => actions.step(false));
  const root = h("div", { className: "tl-bar" }, playButton, prev, next, dateOut, h("label", { className: "tl-speed" }, "Speed ", speedSelect), loop, presets, zin, zout);
  return { root, playButton, speedSelect, loopBox, dateText };
}
