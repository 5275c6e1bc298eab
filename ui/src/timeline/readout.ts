/**
 * What the slider says of its date: the thumb's ARIA values
 * (aria-valuenow, aria-valuetext…) and the date in words beside the play
 * button, and where the thumb and the date's line stand on the track. Kept
 * apart because these writes run at every frame of a drag and must stay
 * cheap: only what changed is written.
 */
import { dayToIso } from "../format";
import { setAttr } from "../map/attrs";
import type { TimeAxis } from "./axis";
import type { ThumbPicture } from "./thumb-picture";
import { dateAt, finer, type Unit } from "./time";

/** The moment last chosen and how precisely it is dated. */
export type Moment = { day: number; unit: Unit } | null;

export class Readout {
  constructor(
    /** The ARIA slider, which says the date. */
    private readonly thumb: HTMLDivElement,
    /** The thumb and the date's line as painted on the track. */
    private readonly hand: ThumbPicture,
    private readonly dateText: Text,
    private readonly axis: TimeAxis,
  ) {}

  /** Say `day`: as precisely as the chosen moment when it is that moment's, else as the axis's unit. */
  show(day: number, moment: Moment): void {
    const m = moment;
    const unit = this.axis.unit;
    const text = dateAt(day, m && m.day === day ? finer(m.unit, unit) : unit);
    this.place(day);
    // Only what changed is written: each attribute write costs style work.
    setAttr(this.thumb, "aria-valuemin", String(this.axis.w0));
    setAttr(this.thumb, "aria-valuemax", String(this.axis.w1));
    setAttr(this.thumb, "aria-valuenow", String(day));
    setAttr(this.thumb, "aria-valuetext", text);
    setAttr(this.thumb, "data-iso", dayToIso(day));
    if (this.dateText.data !== text) this.dateText.data = text;
  }

  /** Move the thumb and the date's line to `day`. */
  place(day: number): void {
    this.hand.place(Math.round(this.axis.x(day) * 10) / 10);
  }
}
