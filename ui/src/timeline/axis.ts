/**
 * The slider's axis: the span of the data, the visible window and the
 * track's size, and the mapping between days and x on the track. Every part
 * of the timeline that places something reads it, so it is one object of
 * its own rather than fields of the Timeline.
 */
import { unitFor, type Unit } from "./time";

export class TimeAxis {
  /** The visible window, in days. */
  w0: number;
  w1: number;
  /** The track's size, kept by a ResizeObserver so that moving the thumb never forces a layout. */
  size: [number, number] = [0, 0];

  constructor(readonly min: number, readonly max: number, private readonly track: HTMLElement) {
    this.w0 = min;
    this.w1 = max;
  }

  /** The unit the arrows step by at this window. */
  get unit(): Unit {
    return unitFor(this.w1 - this.w0);
  }

  /** The window as a key: the track is redrawn when it changes. */
  get key(): string {
    return `${this.w0}:${this.w1}`;
  }

  get width(): number {
    return this.size[0] || this.track.clientWidth || 1;
  }

  x(day: number): number {
    return ((day - this.w0) / Math.max(1, this.w1 - this.w0)) * this.width;
  }

  dayAtX(x: number): number {
    const w = this.width;
    return Math.round(this.w0 + (x / w) * (this.w1 - this.w0));
  }
}
