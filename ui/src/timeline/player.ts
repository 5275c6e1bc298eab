/**
 * Play and pause: the date advances at the chosen speed, a frame at a
 * time, carrying fractions of a day over to the next frame, and stops (or
 * loops) at the window's end. The play button shows and says which it does.
 */
import { label } from "../i18n/i18n";
import type { TimeAxis } from "./axis";
import { icon } from "./elements";
import { SPEEDS } from "./time";

export class Player {
  private playing = false;
  private lastFrame = 0;
  private carry = 0;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly speed: HTMLSelectElement,
    private readonly loop: HTMLInputElement,
    private readonly axis: TimeAxis,
    private readonly day: () => number,
    private readonly setDay: (day: number) => void,
  ) {}

  get isPlaying(): boolean {
    return this.playing;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.playing) return;
    if (this.day() >= this.axis.w1) this.setDay(this.axis.w0);
    this.playing = true;
    this.button.replaceChildren(icon("pause"));
    label(this.button, "tl-pause");
    this.button.setAttribute("aria-pressed", "true");
    this.lastFrame = performance.now();
    this.carry = 0;
    const tick = (now: number) => {
      if (!this.playing) return;
      if (this.advance(now)) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    this.button.replaceChildren(icon("play"));
    label(this.button, "tl-play");
    this.button.setAttribute("aria-pressed", "false");
  }

  /** One frame of playback at `now`; false once it has stopped at the window's end. */
  private advance(now: number): boolean {
    const speed = SPEEDS[Number(this.speed.value)]?.daysPerSecond ?? 30;
    this.carry += ((now - this.lastFrame) / 1000) * speed;
    this.lastFrame = now;
    const whole = Math.floor(this.carry);
    if (whole >= 1) {
      this.carry -= whole;
      let next = this.day() + whole;
      if (next > this.axis.w1) {
        if (this.loop.checked) next = this.axis.w0;
        else {
          this.setDay(this.axis.w1);
          this.pause();
          return false;
        }
      }
      this.setDay(next);
    }
    return true;
  }
}
