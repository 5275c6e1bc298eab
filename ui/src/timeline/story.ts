/**
 * The animated story on the map, driven only by the core's state at t:
 * membership choropleth, exercises (rings that pulse as they begin; participants and absentees
 * marked), deployments and withdrawals (arrows travelling origin →
 * destination), conflicts (pulsing glow), blockades and dispute statuses,
 * summits and statements (short-lived labelled markers). Fuzzy dates fade
 * with the core's `certainty`. Symbols are keyed by event id and updated in
 * place, so scrubbing does little DOM work.
 */
import type { ActiveEvent, DatasetInfo, EventKind, State } from "../api/bindings";
import type { AtlasMap } from "../map/map";
import { StoryEvents } from "../events/event-layer";
import { isOn, type ListDot } from "../events/layer";
import type { EventMarks } from "../events/marks";
import { KIND_ORDER, type LocalIndex } from "./columns";
import { createSymbol, points, updateSymbol, type LonLat, type Symbol } from "./symbols";

const SVG = "http://www.w3.org/2000/svg";

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** At most this many events get rich SVG symbols; the rest are dots (or density) on the events' layer. */
export const RICH_MAX = 24;

/** What just began first, then the shortest: the events a reader cares about now. */
export function bySalience(a: ActiveEvent, b: ActiveEvent): number {
  return (a.phase === "starting" ? 0 : 1) - (b.phase === "starting" ? 0 : 1) || Math.min(a.hi - a.lo, 1e6) - Math.min(b.hi - b.lo, 1e6) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where an event is drawn as a dot: its last point (a movement's destination). */
function lastPoint(e: ActiveEvent): LonLat | undefined {
  const p = points(e);
  return p[p.length - 1];
}

function kindMask(kinds: readonly EventKind[]): number {
  let mask = 0;
  for (const k of kinds) mask |= 1 << KIND_ORDER.indexOf(k);
  return mask;
}

export class StoryLayer {
  private readonly symbols = new Map<string, Symbol>();
  private readonly group: SVGGElement;
  private marked = new Map<string, string>();
  private readonly dots: StoryEvents;
  private local: LocalIndex | null = null;
  /** The overview state last drawn by `renderOverview` (null once `render` drew a full state). */
  private overviewDrawn: { state: State; org: string } | null = null;

  constructor(private readonly map: AtlasMap, private readonly info: DatasetInfo) {
    this.group = s("g", { class: "story" });
    map.overlay.append(this.group);
    // Many simultaneous events (large datasets) are drawn by the GPU, or as dots on a canvas.
    this.dots = new StoryEvents(map);
  }

  /**
   * Draw `state`, showing only events of `kinds` (and of organization `actor`,
   * when given), with the membership map of `org` ("" for none).
   */
  render(state: State, kinds: EventKind[], org: string, actor = ""): ActiveEvent[] {
    this.overviewDrawn = null;
    const shown = state.events.filter((e) => kinds.includes(e.kind) && (!actor || e.actors.includes(actor)));
    this.renderMemberships(state, org);
    const sorted = shown.length > RICH_MAX ? [...shown].sort(bySalience) : shown;
    const rich = sorted.slice(0, RICH_MAX);
    // The rest as dots: from the local columns when they can answer (the
    // same events, and the density view), else from the core's list.
    if (this.local && !actor) this.dots.showLocal(this.local, state.day, kindMask(kinds), new Set(rich.map((e) => e.index)));
    else {
      const list: ListDot[] = [];
      for (const e of sorted.slice(RICH_MAX)) {
        const p = lastPoint(e);
        if (p) list.push({ lonlat: p, kind: e.kind, certainty: e.certainty });
      }
      this.dots.showList(list);
    }
    this.renderRoles(rich, state);
    const keep = new Set<string>();
    for (const e of rich) {
      keep.add(e.id);
      let sym = this.symbols.get(e.id);
      if (!sym) {
        sym = createSymbol(e, this.map);
        this.symbols.set(e.id, sym);
        this.group.append(sym.g);
      }
      updateSymbol(sym, e);
    }
    for (const [id, sym] of this.symbols) {
      if (!keep.has(id)) {
        sym.g.remove();
        this.symbols.delete(id);
      }
    }
    return shown;
  }

  private renderMemberships(state: State, org: string): void {
    const next = new Map<string, string>();
    if (org) {
      for (const m of state.memberships) {
        if (m.org !== org) continue;
        // The core names the regions that stand for the member at that date.
        for (const r of m.regions) next.set(r, m.status);
      }
    }
    this.map.setRegionData("member", next);
  }

  private renderRoles(shown: ActiveEvent[], state: State): void {
    const roles = new Map<string, string>();
    for (const e of shown) {
      if (e.kind === "exercise" || e.kind === "summit") {
        for (const p of e.participants) roles.set(p, "participant");
        for (const a of e.absent) roles.set(a.actor, "absent");
      }
    }
    this.map.setRegionData("role", roles);
    this.renderDisputes(state);
    this.marked = roles;
  }

  private renderDisputes(state: State): void {
    const disputes = new Map<string, string>();
    for (const d of state.disputes) for (const r of d.regions) if (!disputes.has(r) || d.level === "fighting" || d.level === "blocked") disputes.set(r, d.level);
    this.map.setRegionData("dispute", disputes);
  }

  /**
   * Draw what a state without events brings while the slider moves: the
   * membership map and the disputes. Who takes part in what waits for the
   * full state (the dots from the local index stand for the events).
   */
  renderOverview(state: State, org: string): void {
    // The same overview state again (most moves of the slider): nothing to do.
    if (this.overviewDrawn?.state === state && this.overviewDrawn.org === org && !this.marked.size) return;
    this.overviewDrawn = { state, org };
    this.renderMemberships(state, org);
    this.renderDisputes(state);
    if (this.marked.size) {
      this.marked = new Map();
      this.map.setRegionData("role", this.marked);
    }
  }

  /** Whether the local copy of the events' times has arrived (it loads after the first map). */
  get hasLocal(): boolean {
    return this.local !== null;
  }

  /** Use a local copy of the events' times to follow the slider between answers of the core. */
  setLocal(index: LocalIndex): void {
    this.local = index;
  }

  /**
   * Follow the slider at once from the local index: drop the symbols of events
   * no longer on, and draw every other event that is on as a dot. The core's
   * answer (`render`) then brings the details. Returns false when the local
   * index cannot answer (none loaded, or an organization filter is on).
   */
  renderLocal(day: number, kinds: EventKind[], actor = ""): boolean {
    const local = this.local;
    if (!local || actor) return false;
    const mask = kindMask(kinds);
    // Symbols of events no longer on go; the others stay, and are not drawn as dots.
    const kept = new Set<number>();
    for (const [id, sym] of this.symbols) {
      if (isOn(local, sym.index, day, mask)) kept.add(sym.index);
      else {
        sym.g.remove();
        this.symbols.delete(id);
      }
    }
    this.dots.showLocal(local, day, mask, kept);
    return true;
  }

  /** What the events' layer draws now, as data (for the export). */
  eventMarks(): EventMarks {
    return this.dots.marks();
  }

  /** Regions marked as taking part or staying away at the last render. */
  get roles(): ReadonlyMap<string, string> {
    return this.marked;
  }

  /** Re-project symbols after the map's projection changed (resize). */
  reset(): void {
    for (const sym of this.symbols.values()) sym.g.remove();
    this.symbols.clear();
    this.dots.resetProjection();
  }
}
