/**
 * The animated story on the map, driven only by the core's state at t:
 * membership choropleth, exercises (rings that pulse as they begin; participants and absentees
 * marked), deployments and withdrawals (arrows travelling origin →
 * destination), conflicts (pulsing glow), blockades and dispute statuses,
 * summits and statements (short-lived labelled markers). Fuzzy dates fade
 * with the core's `certainty`. Symbols are keyed by event id and updated in
 * place, so scrubbing does little DOM work.
 */
import { geoPath } from "d3-geo";
import type { ActiveEvent, DatasetInfo, EventKind, State } from "../api/bindings";
import type { AtlasMap } from "../map/map";
import { certaintyAt, KIND_ORDER, type LocalIndex } from "./columns";
import { DotLayer } from "./dots";

const SVG = "http://www.w3.org/2000/svg";

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

type LonLat = [number, number];

function points(e: ActiveEvent): LonLat[] {
  const g = e.geometry;
  switch (g.type) {
    case "Point":
      return [g.coordinates];
    case "MultiPoint":
    case "LineString":
      return g.coordinates;
    case "MultiLineString":
      return g.coordinates.flat();
    default:
      return [];
  }
}

/** One arrow of a movement: troops from one place (an event may have several). */
interface Move {
  path: SVGPathElement;
  head: SVGGElement;
  length?: number;
}

interface Symbol {
  g: SVGGElement;
  index: number;
  kind: EventKind;
  moves: Move[];
}

function isLong(e: ActiveEvent): boolean {
  if (e.end.type !== "at") return true;
  const a = Date.parse(e.start.replace("~", "").padEnd(10, "-01").slice(0, 10));
  const b = Date.parse(e.end.date.replace("~", "").padEnd(10, "-01").slice(0, 10));
  return b - a > 120 * 86400000;
}

/** At most this many events get rich SVG symbols; the rest are dots on a canvas. */
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

export class StoryLayer {
  private readonly symbols = new Map<string, Symbol>();
  private readonly group: SVGGElement;
  private marked = new Map<string, string>();
  private readonly dots: DotLayer;
  /** Per event of the local columns: the draw at which it was last seen on (see `renderLocal`). */
  private seen: Uint32Array | null = null;
  private generation = 0;
  private local: LocalIndex | null = null;
  /** The overview state last drawn by `renderOverview` (null once `render` drew a full state). */
  private overviewDrawn: { state: State; org: string } | null = null;

  constructor(private readonly map: AtlasMap, private readonly info: DatasetInfo) {
    this.group = s("g", { class: "story" });
    map.overlay.append(this.group);
    // Many simultaneous events (large datasets) are drawn as dots on a canvas.
    this.dots = new DotLayer(map);
  }

  /**
   * Draw `state`, showing only events of `kinds` (and of organization `actor`,
   * when given), with the membership map of `org` ("" for none).
   */
  render(state: State, kinds: EventKind[], org: string, actor = ""): ActiveEvent[] {
    this.overviewDrawn = null;
    const shown = state.events.filter((e) => kinds.includes(e.kind) && (!actor || e.actors.includes(actor)));
    this.renderMemberships(state, org);
    let rich = shown;
    this.dots.clear();
    if (shown.length > RICH_MAX) {
      const sorted = [...shown].sort(bySalience);
      rich = sorted.slice(0, RICH_MAX);
      for (const e of sorted.slice(RICH_MAX)) {
        const p = lastPoint(e);
        if (p) this.dots.addLonLat(p, e.kind, e.certainty);
      }
    }
    this.dots.draw();
    this.renderRoles(rich, state);
    const keep = new Set<string>();
    for (const e of rich) {
      keep.add(e.id);
      let sym = this.symbols.get(e.id);
      if (!sym) {
        sym = this.create(e);
        this.symbols.set(e.id, sym);
        this.group.append(sym.g);
      }
      this.update(sym, e);
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

  private create(e: ActiveEvent): Symbol {
    const g = s("g", { class: `sym-event kind-${e.kind}`, "data-event": e.id });
    const sym: Symbol = { g, index: e.index, kind: e.kind, moves: [] };
    const pts = points(e);
    const base = (p: LonLat) => this.map.projectBase(p) ?? [0, 0];
    const geom = e.geometry;
    const lines = geom.type === "LineString" ? [geom.coordinates] : geom.type === "MultiLineString" ? geom.coordinates : [];
    if ((e.kind === "deployment" || e.kind === "withdrawal") && lines.length) {
      // One arrow per line: troops that came from several places.
      const draw = geoPath(this.mapProjection());
      for (const coordinates of lines) {
        const d = draw({ type: "LineString", coordinates }) ?? "";
        const track = s("path", { d, class: "move-track" });
        const path = s("path", { d, class: "move-path", pathLength: "1" });
        const head = s("g", { class: "move-head" });
        const inner = s("g", { class: "sym" });
        inner.append(s("path", { d: "M -6 -5 L 7 0 L -6 5 Z", class: "arrow" }));
        head.append(inner);
        g.append(track, path, head);
        sym.moves.push({ path, head });
      }
    } else {
      for (const p of pts) {
        const [x, y] = base(p);
        const at = s("g", { transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
        const inner = s("g", { class: "sym" });
        switch (e.kind) {
          case "exercise":
            inner.append(s("circle", { r: "5", class: "ring ring-1" }), s("circle", { r: "5", class: "ring ring-2" }), s("circle", { r: "3.5", class: "core" }));
            if (e.cancelled) inner.append(s("path", { d: "M -6 -6 L 6 6 M 6 -6 L -6 6", class: "cancel" }));
            break;
          case "conflict":
            inner.append(s("circle", { r: "9", class: "glow" }), s("circle", { r: "3.5", class: "core" }));
            break;
          case "blockade":
            inner.append(s("circle", { r: "6", class: "block-bg" }), s("path", { d: "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5", class: "block-x" }));
            break;
          default:
            inner.append(s("path", { d: "M 0 -6 L 6 0 L 0 6 L -6 0 Z", class: "marker" }));
        }
        at.append(inner);
        g.append(at);
      }
      if (["summit", "treaty", "statement", "diplomacy", "membership", "other"].includes(e.kind) && pts[0]) {
        const [x, y] = base(pts[0]);
        const at = s("g", { transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
        const inner = s("g", { class: "sym" });
        const t = s("text", { x: "9", y: "0", class: "marker-label", "dominant-baseline": "central" });
        t.textContent = e.places[0] ? `${e.places[0]}: ${e.title}` : e.title;
        inner.append(t);
        at.append(inner);
        g.append(at);
      }
    }
    return sym;
  }

  private mapProjection() {
    return this.map.projectionForOverlay();
  }

  private update(sym: Symbol, e: ActiveEvent): void {
    sym.g.style.opacity = e.certainty.toFixed(2);
    sym.g.dataset.phase = e.phase;
    // A long or open-ended presence (a base abroad) is drawn quietly once it has arrived.
    if (e.progress === null || (e.phase === "ongoing" && e.end.type === "at" && isLong(e))) sym.g.dataset.settled = "true";
    else delete sym.g.dataset.settled;
    const p = e.progress ?? 1;
    for (const m of sym.moves) {
      m.path.style.strokeDasharray = `${p.toFixed(3)} 1`;
      m.length ??= m.path.getTotalLength();
      const len = m.length * p;
      const a = m.path.getPointAtLength(len);
      const b = m.path.getPointAtLength(Math.min(m.length, len + 0.5));
      const c = m.path.getPointAtLength(Math.max(0, len - 0.5));
      const angle = (Math.atan2(b.y - c.y, b.x - c.x) * 180) / Math.PI;
      m.head.setAttribute("transform", `translate(${a.x.toFixed(2)},${a.y.toFixed(2)}) rotate(${angle.toFixed(1)})`);
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
    let mask = 0;
    for (const k of kinds) mask |= 1 << KIND_ORDER.indexOf(k);
    const on = local.activeAt(day, mask);
    // Mark what is on with this draw's generation, and the symbols kept with the next one.
    const c = local.cols;
    if (!this.seen || this.seen.length !== c.n) this.seen = new Uint32Array(c.n);
    const seen = this.seen;
    const g = (this.generation += 2);
    for (const i of on) seen[i] = g;
    for (const [id, sym] of this.symbols) {
      if (seen[sym.index] === g) seen[sym.index] = g + 1;
      else {
        sym.g.remove();
        this.symbols.delete(id);
      }
    }
    this.dots.clear();
    for (const i of on) if (seen[i] === g) this.dots.addColumn(c, i, certaintyAt(c, i, day));
    this.dots.draw();
    return true;
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
