/**
 * The timeline bar: an ARIA slider over a zoomable time axis with the event
 * density drawn on the track, play/pause at human speeds, stepping from event
 * to event, era labels and filters. It owns the current date; the rest of the
 * app listens to it.
 */
import { EVENT_KINDS, type DatasetInfo, type EventKind, type EventRef, type Filter, type Histogram } from "../api/bindings";
import type { Backend } from "../api/client";
import { dayToIso, isoToDay } from "../format";
import { addUnits, dateAt, ERAS, finer, PRESETS, SPEEDS, unitFor, unitOfDate, zoomWindow, type Unit } from "./time";

const SVG = "http://www.w3.org/2000/svg";
/** The filter's label for each kind; the kinds and their order come from the core. */
const KIND_LABEL: Record<EventKind, string> = {
  exercise: "Exercises", deployment: "Deployments", withdrawal: "Withdrawals", conflict: "Conflicts", blockade: "Blockades",
  summit: "Summits", treaty: "Treaties", statement: "Statements", diplomacy: "Diplomacy", membership: "Memberships", other: "Other",
};
const KINDS: { kind: EventKind; label: string }[] = EVENT_KINDS.map((kind) => ({ kind, label: KIND_LABEL[kind] }));

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { attrs?: Record<string, string> } = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const { attrs, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const ICONS: Record<string, string> = {
  play: "M 5 3 L 13 8 L 5 13 Z",
  pause: "M 4 3 H 7 V 13 H 4 Z M 9 3 H 12 V 13 H 9 Z",
  prev: "M 3 3 H 5 V 13 H 3 Z M 13 3 L 6 8 L 13 13 Z",
  next: "M 11 3 H 13 V 13 H 11 Z M 3 3 L 10 8 L 3 13 Z",
};

function icon(name: string): SVGSVGElement {
  const svg = s("svg", { viewBox: "0 0 16 16", width: "16", height: "16", "aria-hidden": "true" });
  svg.append(s("path", { d: ICONS[name] ?? "", fill: "currentColor" }));
  return svg;
}

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
  private readonly track: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly dateOut: HTMLOutputElement;
  private readonly dateText = document.createTextNode("");
  private readonly playButton: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly loopBox: HTMLInputElement;
  private readonly orgSelect: HTMLSelectElement;
  private readonly actorSelect: HTMLSelectElement;
  private readonly kindBoxes = new Map<EventKind, HTMLInputElement>();
  readonly min: number;
  readonly max: number;
  private w0: number;
  private w1: number;
  private current: number;
  private playing = false;
  private lastFrame = 0;
  private carry = 0;
  private readonly listeners: { [K in keyof TimelineEvents]: TimelineEvents[K][] } = { change: [], filter: [], window: [] };
  private histogram: Histogram | null = null;
  private histToken = 0;
  /** The moment last chosen and how precisely it is dated. */
  private moment: { day: number; unit: Unit } | null = null;
  private uncertain: Pick<EventRef, "id" | "title" | "kind" | "start" | "end" | "lo" | "hi">[] = [];
  /** The date's line across the track: an element of its own, moved by a transform, so that moving it repaints nothing else. */
  private readonly cursor = h("div", { className: "tl-cursor", attrs: { "aria-hidden": "true" } });
  /** The track's size, kept by a ResizeObserver so that moving the thumb never forces a layout. */
  private trackSize: [number, number] = [0, 0];
  private drawnWindow = "";

  constructor(private readonly backend: Backend, info: DatasetInfo, start?: number) {
    this.min = isoToDay(`${info.span.start.slice(0, 4)}-01-01`);
    this.max = isoToDay(`${Number(info.span.end.slice(0, 4)) + 1}-12-31`);
    this.w0 = this.min;
    this.w1 = this.max;
    this.current = start ?? isoToDay("2022-01-01");

    this.playButton = h("button", { type: "button", className: "tl-play icon", attrs: { "aria-label": "Play", "aria-pressed": "false" } }, icon("play"));
    const prev = h("button", { type: "button", className: "icon", attrs: { "aria-label": "Previous event" }, title: "Previous event (PageUp or [)" }, icon("prev"));
    const next = h("button", { type: "button", className: "icon", attrs: { "aria-label": "Next event" }, title: "Next event (PageDown or ])" }, icon("next"));
    // The text sits in a box of fixed size that contains its own layout (a
    // flex item cannot be that boundary itself): a new date lays out that box alone.
    this.dateOut = h("output", { className: "tl-date", attrs: { "aria-label": "Current date" } }, h("span", { className: "tl-date-text" }, this.dateText));
    this.speedSelect = h("select", { attrs: { "aria-label": "Playback speed" } }, ...SPEEDS.map((sp, i) => h("option", { value: String(i), selected: i === 2 }, sp.label)));
    this.loopBox = h("input", { type: "checkbox" });
    const loop = h("label", { className: "tl-loop" }, this.loopBox, " Loop");
    const presets = h("div", { className: "tl-presets", attrs: { role: "group", "aria-label": "Time window" } });
    for (const p of PRESETS) {
      const b = h("button", { type: "button" }, p.label);
      b.addEventListener("click", () => (p.from ? this.setWindow(isoToDay(p.from), isoToDay(p.to)) : this.setWindow(this.min, this.max)));
      presets.append(b);
    }
    const zin = h("button", { type: "button", attrs: { "aria-label": "Zoom the timeline in" } }, "+");
    const zout = h("button", { type: "button", attrs: { "aria-label": "Zoom the timeline out" } }, "−");
    zin.addEventListener("click", () => this.zoom(0.5, this.current));
    zout.addEventListener("click", () => this.zoom(2, this.current));

    this.svg = s("svg", { class: "tl-svg", "aria-hidden": "true" });
    this.thumb = h("div", {
      className: "tl-thumb",
      tabIndex: 0,
      attrs: { role: "slider", "aria-label": "Date", "aria-orientation": "horizontal" },
    });
    this.track = h("div", { className: "tl-track" }, this.svg, this.cursor, this.thumb);
    this.status = h("div", { className: "tl-status", attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" } });

    this.orgSelect = h(
      "select",
      { attrs: { "aria-label": "Membership map" } },
      h("option", { value: "" }, "No membership map"),
      ...info.organizations.filter((o) => o.id !== "eu" && o.id !== "nato").map((o) => h("option", { value: o.id, selected: o.id === "csto" }, o.short)),
    );
    const kinds = h("fieldset", { className: "tl-kinds" }, h("legend", {}, "Show"));
    for (const k of KINDS) {
      const box = h("input", { type: "checkbox", checked: true, value: k.kind });
      box.addEventListener("change", () => this.emitFilter());
      this.kindBoxes.set(k.kind, box);
      kinds.append(h("label", { className: `kind kind-${k.kind}` }, box, ` ${k.label}`));
    }
    this.orgSelect.addEventListener("change", () => this.emitFilter());
    this.actorSelect = h(
      "select",
      { attrs: { "aria-label": "Events of organization" } },
      h("option", { value: "" }, "All events"),
      ...info.organizations.map((o) => h("option", { value: o.id }, `${o.short} events`)),
    );
    this.actorSelect.addEventListener("change", () => this.emitFilter());

    this.root = h(
      "section",
      { className: "timeline", attrs: { "aria-label": "Timeline" } },
      h("div", { className: "tl-bar" }, this.playButton, prev, next, this.dateOut, h("label", { className: "tl-speed" }, "Speed ", this.speedSelect), loop, presets, zin, zout),
      this.track,
      this.status,
      h(
        "div",
        { className: "tl-filters" },
        kinds,
        h("label", { className: "tl-org" }, "Show ", this.actorSelect),
        h("label", { className: "tl-org" }, "Members of ", this.orgSelect),
      ),
    );

    this.playButton.addEventListener("click", () => this.toggle());
    prev.addEventListener("click", () => void this.stepEvent(true));
    next.addEventListener("click", () => void this.stepEvent(false));
    this.bindTrack();
    this.bindKeys();
    new ResizeObserver(([entry]) => {
      if (entry) this.trackSize = [entry.contentRect.width, entry.contentRect.height];
      this.draw();
    }).observe(this.track);
    this.updateThumb();
  }

  on<K extends keyof TimelineEvents>(k: K, f: TimelineEvents[K]): void {
    this.listeners[k].push(f);
  }

  get day(): number {
    return this.current;
  }

  get unit(): Unit {
    return unitFor(this.w1 - this.w0);
  }

  get window(): [number, number] {
    return [this.w0, this.w1];
  }

  get kinds(): EventKind[] {
    return [...this.kindBoxes].filter(([, b]) => b.checked).map(([k]) => k);
  }

  get org(): string {
    return this.orgSelect.value;
  }

  /** Organization whose events alone are shown ("" for all). */
  get actor(): string {
    return this.actorSelect.value;
  }

  setActor(actor: string): void {
    this.actorSelect.value = actor;
    this.emitFilter();
  }

  /** The filter the map, the histogram and stepping all use. */
  get filter(): Filter {
    const k = this.kinds;
    const f: Filter = k.length === KINDS.length ? {} : { kinds: k };
    if (this.actor) f.actor = this.actor;
    return f;
  }

  setOrg(org: string): void {
    this.orgSelect.value = org;
    this.emitFilter();
  }

  setKinds(kinds: EventKind[]): void {
    for (const [k, b] of this.kindBoxes) b.checked = kinds.includes(k);
    this.emitFilter();
  }

  private emitFilter(): void {
    void this.loadHistogram();
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
    if (d < this.w0 || d > this.w1) {
      const len = this.w1 - this.w0;
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
    [this.w0, this.w1] = zoomWindow(from, to, 1, (from + to) / 2, this.min, this.max);
    if (keepCurrent && (this.current < this.w0 || this.current > this.w1)) this.setDay(Math.round((this.w0 + this.w1) / 2));
    this.updateThumb();
    void this.loadHistogram();
    for (const f of this.listeners.window ?? []) f(this.w0, this.w1);
  }

  private zoom(factor: number, center: number): void {
    const [a, b] = zoomWindow(this.w0, this.w1, factor, center, this.min, this.max);
    this.setWindow(a, b);
  }

  private get trackWidth(): number {
    return this.trackSize[0] || this.track.clientWidth || 1;
  }

  private x(day: number): number {
    return ((day - this.w0) / Math.max(1, this.w1 - this.w0)) * this.trackWidth;
  }

  private dayAtX(x: number): number {
    const w = this.trackWidth;
    return Math.round(this.w0 + (x / w) * (this.w1 - this.w0));
  }

  private updateThumb(): void {
    const m = this.moment;
    const text = dateAt(this.current, m && m.day === this.current ? finer(m.unit, this.unit) : this.unit);
    this.placeThumb();
    // Only what changed is written: each attribute write costs style work.
    const set = (name: string, value: string) => {
      if (this.thumb.getAttribute(name) !== value) this.thumb.setAttribute(name, value);
    };
    set("aria-valuemin", String(this.w0));
    set("aria-valuemax", String(this.w1));
    set("aria-valuenow", String(this.current));
    set("aria-valuetext", text);
    set("data-iso", dayToIso(this.current));
    if (this.dateText.data !== text) this.dateText.data = text;
    // Only the thumb and the cursor move with the date; the track is redrawn when the window changes.
    if (this.drawnWindow !== `${this.w0}:${this.w1}`) this.draw();
  }

  private placeThumb(): void {
    const x = `translateX(${this.x(this.current).toFixed(1)}px)`;
    this.thumb.style.transform = x;
    this.cursor.style.transform = x;
  }

  private bindTrack(): void {
    let dragging = false;
    const move = (e: PointerEvent) => {
      const r = this.track.getBoundingClientRect();
      this.setDay(this.dayAtX(e.clientX - r.left));
    };
    this.track.addEventListener("pointerdown", (e) => {
      dragging = true;
      this.track.setPointerCapture(e.pointerId);
      this.thumb.focus();
      move(e);
    });
    this.track.addEventListener("pointermove", (e) => dragging && move(e));
    this.track.addEventListener("pointerup", () => (dragging = false));
    this.track.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const r = this.track.getBoundingClientRect();
        this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.dayAtX(e.clientX - r.left));
      },
      { passive: false },
    );
  }

  private bindKeys(): void {
    this.thumb.addEventListener("keydown", (e) => {
      const u = this.unit;
      const big = e.shiftKey ? 10 : 1;
      switch (e.key) {
        case "ArrowRight":
        case "ArrowUp":
          this.setDay(addUnits(this.current, u, big));
          break;
        case "ArrowLeft":
        case "ArrowDown":
          this.setDay(addUnits(this.current, u, -big));
          break;
        case "PageDown":
        case "]":
          void this.stepEvent(false);
          break;
        case "PageUp":
        case "[":
          void this.stepEvent(true);
          break;
        case "Home":
          this.setDay(this.w0);
          break;
        case "End":
          this.setDay(this.w1);
          break;
        case " ":
          this.toggle();
          break;
        case "+":
        case "=":
          this.zoom(0.5, this.current);
          break;
        case "-":
          this.zoom(2, this.current);
          break;
        default:
          return;
      }
      e.preventDefault();
    });
  }

  /** Jump to the previous or next event start (respecting the kinds shown). */
  async stepEvent(backward: boolean): Promise<EventRef | null> {
    const e = await this.backend.step(dayToIso(this.current), backward, this.filter);
    if (e) this.setDay(e.lo, unitOfDate(e.start));
    return e;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.playing) return;
    if (this.current >= this.w1) this.setDay(this.w0);
    this.playing = true;
    this.playButton.replaceChildren(icon("pause"));
    this.playButton.setAttribute("aria-label", "Pause");
    this.playButton.setAttribute("aria-pressed", "true");
    this.lastFrame = performance.now();
    this.carry = 0;
    const tick = (now: number) => {
      if (!this.playing) return;
      const speed = SPEEDS[Number(this.speedSelect.value)]?.daysPerSecond ?? 30;
      this.carry += ((now - this.lastFrame) / 1000) * speed;
      this.lastFrame = now;
      const whole = Math.floor(this.carry);
      if (whole >= 1) {
        this.carry -= whole;
        let next = this.current + whole;
        if (next > this.w1) {
          if (this.loopBox.checked) next = this.w0;
          else {
            this.setDay(this.w1);
            this.pause();
            return;
          }
        }
        this.setDay(next);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    this.playButton.replaceChildren(icon("play"));
    this.playButton.setAttribute("aria-label", "Play");
    this.playButton.setAttribute("aria-pressed", "false");
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  private async loadHistogram(): Promise<void> {
    const token = ++this.histToken;
    const bins = Math.max(20, Math.min(400, Math.floor((this.trackSize[0] || 800) / 4)));
    const [from, to] = [dayToIso(this.w0), dayToIso(this.w1)];
    const [hist, page] = await Promise.all([
      // Where events begin: long-running ones would otherwise fill every bin.
      this.backend.histogram(from, to, bins, this.filter, "starts"),
      this.backend.eventsIn(from, to, this.filter, 0, 1000),
    ]);
    if (token !== this.histToken) return;
    this.histogram = hist;
    // Events with fuzzy dates get a hatched band over their uncertainty.
    this.uncertain = page.events
      .filter((e) => e.start.length < 10 || e.start.startsWith("~") || (e.end.type === "at" && (e.end.date.length < 10 || e.end.date.startsWith("~"))))
      .map((e) => ({ id: e.id, title: e.title, kind: e.kind, start: e.start, end: e.end, lo: e.lo, hi: e.hi }));
    this.draw();
  }

  private draw(): void {
    const [w, hgt] = this.trackSize;
    if (!w || !hgt) return;
    this.placeThumb();
    if (!this.histogram && this.histToken === 0) void this.loadHistogram();
    this.svg.setAttribute("viewBox", `0 0 ${w} ${hgt}`);
    const kids: SVGElement[] = [];
    const defs = s("defs");
    const pat = s("pattern", { id: "tl-hatch", width: "5", height: "5", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    pat.append(s("line", { x1: "0", y1: "0", x2: "0", y2: "5", class: "tl-hatch-line" }));
    defs.append(pat);
    kids.push(defs);
    for (const era of ERAS) {
      if (era.to < this.w0 || era.from > this.w1) continue;
      const x0 = Math.max(0, this.x(era.from));
      const x1 = Math.min(w, this.x(era.to));
      kids.push(s("rect", { x: String(x0), y: "0", width: String(Math.max(0, x1 - x0)), height: "14", class: "tl-era" }));
      if (x1 - x0 > 60) {
        const t = s("text", { x: String(x0 + 4), y: "11", class: "tl-era-label" });
        t.textContent = era.label;
        kids.push(t);
      }
    }
    const base = hgt - 16;
    const top = 18;
    if (this.histogram && this.histogram.max > 0) {
      const scale = (base - top) / Math.sqrt(this.histogram.max);
      for (const b of this.histogram.bins) {
        if (!b.count) continue;
        const x0 = this.x(b.start_day);
        const x1 = this.x(b.end_day + 1);
        const bh = Math.max(1.5, Math.sqrt(b.count) * scale);
        kids.push(s("rect", { x: x0.toFixed(1), y: (base - bh).toFixed(1), width: Math.max(1, x1 - x0 - 0.5).toFixed(1), height: bh.toFixed(1), class: "tl-bin" }));
      }
    }
    for (const e of this.uncertain) {
      const x0 = Math.max(0, this.x(e.lo));
      const x1 = Math.min(w, this.x(Math.min(e.hi, this.w1) + 1));
      kids.push(s("rect", { x: x0.toFixed(1), y: String(base - 8), width: Math.max(2, x1 - x0).toFixed(1), height: "8", class: "tl-uncertain" }));
    }
    // Axis ticks: years, or months when zoomed in.
    const years = (this.w1 - this.w0) / 365.25;
    const stepYears = years > 50 ? 10 : years > 20 ? 5 : years > 6 ? 1 : 0;
    const startYear = Number(dayToIso(this.w0).slice(0, 4));
    const endYear = Number(dayToIso(this.w1).slice(0, 4));
    if (stepYears) {
      for (let y = Math.ceil(startYear / stepYears) * stepYears; y <= endYear; y += stepYears) this.tick(kids, isoToDay(`${y}-01-01`), String(y), base);
    } else {
      for (let y = startYear; y <= endYear; y++)
        for (let m = 1; m <= 12; m++) {
          const d = isoToDay(`${y}-${String(m).padStart(2, "0")}-01`);
          if (d < this.w0 || d > this.w1) continue;
          const label = m === 1 ? String(y) : years < 2.5 ? ["", "J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"][m]! : "";
          if (label || m % 3 === 1) this.tick(kids, d, label, base);
        }
    }
    this.cursor.style.top = `${top - 4}px`;
    this.cursor.style.height = `${base - top + 4}px`;
    this.svg.replaceChildren(...kids);
    this.drawnWindow = `${this.w0}:${this.w1}`;
  }

  private tick(kids: SVGElement[], day: number, label: string, base: number): void {
    const x = this.x(day);
    kids.push(s("line", { x1: x.toFixed(1), x2: x.toFixed(1), y1: String(base), y2: String(base + 4), class: "tl-tick" }));
    if (label) {
      const t = s("text", { x: x.toFixed(1), y: String(base + 14), class: "tl-tick-label" });
      t.textContent = label;
      kids.push(t);
    }
  }
}
