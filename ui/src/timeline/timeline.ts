/**
 * The timeline bar: an ARIA slider over a zoomable time axis with the event
 * density drawn on the track, play/pause at human speeds, stepping from event
 * to event, era labels and filters. It owns the current date; the rest of the
 * app listens to it.
 *
 * The parts live in files of their own: the axis (`axis.ts`), the bar of
 * controls (`bar.ts`), the filters (`filters.ts`), the slider's pointer and
 * keys (`slider.ts`), playback (`player.ts`), the track's chart (`track.ts`,
 * `marks.ts`) and what the thumb says (`readout.ts`). This class holds the
 * date and the window and tells the listeners when they change.
 */
import type { DatasetInfo, EventKind, EventRef, Filter } from "../api/bindings";
import type { Backend } from "../api/client";
import { PICTURES } from "../events/compositing";
import { SvgPicture } from "../events/svg-picture";
import { dayToIso, isoToDay } from "../format";
import { label, onLocaleChange } from "../i18n/i18n";
import { TimeAxis } from "./axis";
import { buildBar } from "./bar";
import { h } from "./elements";
import { Filters } from "./filters";
import { Player } from "./player";
import { Readout, type Moment } from "./readout";
import { bindSlider, buildSlider } from "./slider";
import { unitOfDate, zoomWindow, type Unit } from "./time";
import { TrackChart } from "./track";

export interface TimelineEvents {
  /** The date changed (by drag, keys, play or code). */
  change: (day: number) => void;
  /** Kinds or organization changed. */
  filter: (kinds: EventKind[], org: string) => void;
  /** The visible time window changed. */
  window: (from: number, to: number) => void;
}

export class Timeline {
  readonly root: HTMLElement;
  readonly thumb: HTMLDivElement;
  readonly status: HTMLDivElement;
  readonly min: number;
  readonly max: number;
  private readonly axis: TimeAxis;
  private readonly filters: Filters;
  private readonly player: Player;
  private readonly readout: Readout;
  private readonly chart: TrackChart;
  private current: number;
  private readonly listeners: { [K in keyof TimelineEvents]: TimelineEvents[K][] } = { change: [], filter: [], window: [] };
  /** The moment last chosen and how precisely it is dated. */
  private moment: Moment = null;

  constructor(private readonly backend: Backend, info: DatasetInfo, start?: number) {
    this.min = isoToDay(`${info.span.start.slice(0, 4)}-01-01`);
    this.max = isoToDay(`${Number(info.span.end.slice(0, 4)) + 1}-12-31`);
    this.current = start ?? isoToDay("2022-01-01");

    const slider = buildSlider();
    this.thumb = slider.thumb;
    this.axis = new TimeAxis(this.min, this.max, slider.track);
    const bar = buildBar({
      toggle: () => this.toggle(),
      step: (backward) => void this.stepEvent(backward),
      preset: (from, to) => (from ? this.setWindow(isoToDay(from), isoToDay(to)) : this.setWindow(this.min, this.max)),
      zoom: (factor) => this.zoom(factor, this.current),
    });
    this.filters = new Filters(info, () => this.emitFilter());
    this.status = h("div", { className: "tl-status", attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" } });
    this.root = label(h("section", { className: "timeline" }, bar.root, slider.track, this.status, this.filters.root), "timeline");

    const setDay = (day: number) => this.setDay(day);
    this.player = new Player(bar.playButton, bar.speedSelect, bar.loopBox, this.axis, () => this.current, setDay);
    this.readout = new Readout(slider.thumb, slider.hand, bar.dateText, this.axis);
    this.chart = new TrackChart(backend, this.axis, slider.svg, slider.hand, () => this.filter, () => this.readout.place(this.current));
    // The chart changes only with the window and the filters; where the page is not composited, each step
    // of the slider paints it again (it lies in the box between the map and the thumb): a picture stands for it.
    if (PICTURES) new SvgPicture([slider.svg], slider.track, "timeline", { hover: false }).wanted = true;
    bindSlider(slider, this.axis, {
      day: () => this.current,
      setDay,
      zoom: (factor, center) => this.zoom(factor, center),
      step: (backward) => void this.stepEvent(backward),
      toggle: () => this.toggle(),
    });
    new ResizeObserver(([entry]) => {
      if (entry) this.axis.size = [entry.contentRect.width, entry.contentRect.height];
      slider.hand.resize(...this.axis.size);
      this.chart.draw();
    }).observe(slider.track);
    this.updateThumb();
    // A new language: the date in words and the track's labels again.
    onLocaleChange(() => {
      this.updateThumb();
      this.chart.draw();
    });
  }

  on<K extends keyof TimelineEvents>(k: K, f: TimelineEvents[K]): void {
    this.listeners[k].push(f);
  }

  get day(): number {
    return this.current;
  }

  get unit(): Unit {
    return this.axis.unit;
  }

  get window(): [number, number] {
    return [this.axis.w0, this.axis.w1];
  }

  get kinds(): EventKind[] {
    return this.filters.kinds;
  }

  get org(): string {
    return this.filters.org;
  }

  /** Organization whose events alone are shown ("" for all). */
  get actor(): string {
    return this.filters.actor;
  }

  setActor(actor: string): void {
    this.filters.actor = actor;
    this.emitFilter();
  }

  /** The filter the map, the histogram and stepping all use. */
  get filter(): Filter {
    return this.filters.filter;
  }

  setOrg(org: string): void {
    this.filters.org = org;
    this.emitFilter();
  }

  setKinds(kinds: EventKind[]): void {
    this.filters.kinds = kinds;
    this.emitFilter();
  }

  private emitFilter(): void {
    void this.chart.load();
    for (const f of this.listeners.filter) f(this.kinds, this.org);
  }

  /**
   * Move to `day`. `precision` is that of the moment chosen (an event's
   * date): the readout then says the date that precisely, whatever the
   * axis zoom, until the slider moves on.
   */
  setDay(day: number, precision?: Unit): void {
    const d = Math.round(Math.min(this.max, Math.max(this.min, day)));
    this.moment = precision ? { day: d, unit: precision } : null;
    if (d < this.axis.w0 || d > this.axis.w1) {
      const len = this.axis.w1 - this.axis.w0;
      this.setWindow(d - len / 2, d + len / 2, false);
    }
    if (d === this.current) {
      this.updateThumb();
      return;
    }
    this.current = d;
    this.updateThumb();
    for (const f of this.listeners.change) f(d);
  }

  setWindow(from: number, to: number, keepCurrent = true): void {
    const axis = this.axis;
    [axis.w0, axis.w1] = zoomWindow(from, to, 1, (from + to) / 2, this.min, this.max);
    if (keepCurrent && (this.current < axis.w0 || this.current > axis.w1)) this.setDay(Math.round((axis.w0 + axis.w1) / 2));
    this.updateThumb();
    void this.chart.load();
    for (const f of this.listeners.window ?? []) f(axis.w0, axis.w1);
  }

  private zoom(factor: number, center: number): void {
    const [a, b] = zoomWindow(this.axis.w0, this.axis.w1, factor, center, this.min, this.max);
    this.setWindow(a, b);
  }

  private updateThumb(): void {
    this.readout.show(this.current, this.moment);
    // Only the thumb and the cursor move with the date; the track is redrawn when the window changes.
    if (this.chart.stale) this.chart.draw();
  }

  /** Jump to the previous or next event start (respecting the kinds shown). */
  async stepEvent(backward: boolean): Promise<EventRef | null> {
    const e = await this.backend.step(dayToIso(this.current), backward, this.filter);
    if (e) this.setDay(e.lo, unitOfDate(e.start));
    return e;
  }

  toggle(): void {
    this.player.toggle();
  }

  play(): void {
    this.player.play();
  }

  pause(): void {
    this.player.pause();
  }

  get isPlaying(): boolean {
    return this.player.isPlaying;
  }
}
