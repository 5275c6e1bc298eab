/**
 * The track's chart: asks the core for the density of event starts and the
 * fuzzy-dated events in the window, and redraws the track's SVG when the
 * window or the track's size changes (never when only the date moves).
 */
import type { Filter, Histogram } from "../api/bindings";
import type { Backend } from "../api/client";
import { dayToIso } from "../format";
import type { TimeAxis } from "./axis";
import type { ThumbPicture } from "./thumb-picture";
import { bandMarks, binMarks, eraMarks, hatchDefs, tickMarks, type Uncertain } from "./marks";

export class TrackChart {
  private histogram: Histogram | null = null;
  private histToken = 0;
  private uncertain: Uncertain[] = [];
  private drawnWindow = "";

  constructor(
    private readonly backend: Backend,
    private readonly axis: TimeAxis,
    private readonly svg: SVGSVGElement,
    /** The date's line across the track, fitted to the bars' height. */
    private readonly hand: ThumbPicture,
    private readonly filter: () => Filter,
    /** Puts the thumb where the date is (the track's width may have changed). */
    private readonly placeThumb: () => void,
  ) {}

  /** Whether the track shows another window than the axis's. */
  get stale(): boolean {
    return this.drawnWindow !== this.axis.key;
  }

  async load(): Promise<void> {
    const token = ++this.histToken;
    const bins = Math.max(20, Math.min(400, Math.floor((this.axis.size[0] || 800) / 4)));
    const [from, to] = [dayToIso(this.axis.w0), dayToIso(this.axis.w1)];
    const [hist, page] = await Promise.all([
      // Where events begin: long-running ones would otherwise fill every bin.
      this.backend.histogram(from, to, bins, this.filter(), "starts"),
      this.backend.eventsIn(from, to, this.filter(), 0, 1000),
    ]);
    if (token !== this.histToken) return;
    this.histogram = hist;
    // Events with fuzzy dates get a hatched band over their uncertainty.
    this.uncertain = page.events
      .filter((e) => e.start.length < 10 || e.start.startsWith("~") || (e.end.type === "at" && (e.end.date.length < 10 || e.end.date.startsWith("~"))))
      .map((e) => ({ id: e.id, title: e.title, kind: e.kind, start: e.start, end: e.end, lo: e.lo, hi: e.hi }));
    this.draw();
  }

  draw(): void {
    const [w, hgt] = this.axis.size;
    if (!w || !hgt) return;
    this.placeThumb();
    if (!this.histogram && this.histToken === 0) void this.load();
    this.svg.setAttribute("viewBox", `0 0 ${w} ${hgt}`);
    const kids: SVGElement[] = [hatchDefs()];
    eraMarks(kids, this.axis, w);
    const base = hgt - 16;
    const top = 18;
    binMarks(kids, this.axis, this.histogram, base, top);
    bandMarks(kids, this.axis, this.uncertain, w, base);
    tickMarks(kids, this.axis, base);
    this.hand.setLine(top - 4, base - top + 4);
    this.svg.replaceChildren(...kids);
    this.drawnWindow = this.axis.key;
  }
}
