/**
 * The slider itself: the track (the chart's SVG, the slider's element over
 * it, and the thumb and the date's line painted above, `thumb-picture.ts`)
 * and how it is moved: pointer drags and the wheel on the track, and the
 * ARIA slider's keys (arrows by the axis's unit, PageUp and PageDown from
 * event to event, Home and End, space to play, + and − to zoom).
 */
import { label } from "../i18n/i18n";
import type { TimeAxis } from "./axis";
import { addUnits } from "./time";
import { h, s } from "./elements";
import { ThumbPicture } from "./thumb-picture";

export interface SliderParts {
  track: HTMLDivElement;
  svg: SVGSVGElement;
  /** The thumb and the date's line, as painted. */
  hand: ThumbPicture;
  /** The ARIA slider: still, over the whole track, as a native range input. */
  thumb: HTMLDivElement;
}

/** What moving the slider does. */
export interface SliderActions {
  day(): number;
  setDay(day: number): void;
  zoom(factor: number, center: number): void;
  step(backward: boolean): void;
  toggle(): void;
}

export function buildSlider(): SliderParts {
  const svg = s("svg", { class: "tl-svg", "aria-hidden": "true" });
  const thumb = label(h("div", { className: "tl-thumb", tabIndex: 0, attrs: { role: "slider", "aria-orientation": "horizontal" } }), "slider");
  const hand = new ThumbPicture();
  const track = h("div", { className: "tl-track" }, svg, thumb, hand.canvas);
  // The ring shows where the keyboard is: not after a click (focus-visible), but from the first key on.
  const ring = () => hand.setFocus(thumb.matches(":focus-visible"));
  for (const type of ["focus", "blur", "keydown"]) thumb.addEventListener(type, ring);
  return { track, svg, hand, thumb };
}

export function bindSlider(parts: SliderParts, axis: TimeAxis, actions: SliderActions): void {
  bindTrack(parts, axis, actions);
  bindKeys(parts.thumb, axis, actions);
}

function bindTrack({ track, thumb }: SliderParts, axis: TimeAxis, actions: SliderActions): void {
  let dragging = false;
  const move = (e: PointerEvent) => {
    const r = track.getBoundingClientRect();
    actions.setDay(axis.dayAtX(e.clientX - r.left));
  };
  track.addEventListener("pointerdown", (e) => {
    dragging = true;
    track.setPointerCapture(e.pointerId);
    thumb.focus();
    move(e);
  });
  track.addEventListener("pointermove", (e) => dragging && move(e));
  track.addEventListener("pointerup", () => (dragging = false));
  track.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = track.getBoundingClientRect();
      actions.zoom(e.deltaY > 0 ? 1.25 : 0.8, axis.dayAtX(e.clientX - r.left));
    },
    { passive: false },
  );
}

function bindKeys(thumb: HTMLDivElement, axis: TimeAxis, actions: SliderActions): void {
  thumb.addEventListener("keydown", (e) => {
    const u = axis.unit;
    const big = e.shiftKey ? 10 : 1;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowUp":
        actions.setDay(addUnits(actions.day(), u, big));
        break;
      case "ArrowLeft":
      case "ArrowDown":
        actions.setDay(addUnits(actions.day(), u, -big));
        break;
      case "PageDown":
      case "]":
        actions.step(false);
        break;
      case "PageUp":
      case "[":
        actions.step(true);
        break;
      case "Home":
        actions.setDay(axis.w0);
        break;
      case "End":
        actions.setDay(axis.w1);
        break;
      case " ":
        actions.toggle();
        break;
      case "+":
      case "=":
        actions.zoom(0.5, actions.day());
        break;
      case "-":
        actions.zoom(2, actions.day());
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
