/**
 * The base map: SVG drawn from the core's layers in a conic projection.
 *
 * Paths are projected once per level of detail; zoom and pan only change the
 * transform of one group, so interaction stays cheap. Every clickable region
 * is a focusable `role="button"` named by its English name, with
 * `aria-pressed` on the selected one. Labels live outside the zoomed group,
 * keep their size and are re-placed without collisions after each move.
 *
 * Borders follow the date: every version of every region is drawn once, and
 * `setDay` shows the one in force (see `versions.ts`), cross-fading the old
 * shape into the new. A region's element, name, label and story data move
 * with it, so the rest of the UI speaks of regions, never of shapes.
 */
import { geoPath, type GeoProjection } from "d3-geo";
import type { Region, RegionVersion } from "../api/bindings";
import type { Backend } from "../api/client";
import type { Selection } from "../selection";
import { decodeLayer, type Layer, type LayerFeature, type LayerGeometry, type Position } from "./layer";
import { placeLabels, type LabelCandidate } from "./labels";
import { DEFAULT_VIEW, kmPerPixel, makeProjection, niceLength } from "./projection";
import { Epochs, versionAt } from "./versions";

const SVG = "http://www.w3.org/2000/svg";
/** The core's layers; "history" holds the shapes of past versions. */
const LAYERS = ["water", "countries", "provinces", "disputed", "lines", "places", "history"] as const;
type LayerName = (typeof LAYERS)[number];
/** Drawing order; a history shape is drawn in the group of its region's kind. */
const GROUPS = ["water", "countries", "provinces", "disputed", "unions", "lines", "places"] as const;
type GroupName = (typeof GROUPS)[number];
const KIND_GROUP: Record<Region["kind"], GroupName> = { country: "countries", province: "provinces", disputed: "disputed", union: "unions", line: "lines", place: "places" };
/** How long a shape takes to give way to the next version of its region. */
const FADE_MS = 450;
const DETAIL_ZOOM = 2.5;
const PROVINCE_ZOOM = 3;
const MIN_K = 0.6;
const MAX_K = 40;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export type NameLang = "en" | "ru";

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of a label in px as drawn (country labels are bold, spaced capitals). */
function measure(text: string, size: number, bold: boolean): number | undefined {
  if (measureCtx === undefined) measureCtx = document.createElement("canvas").getContext("2d");
  if (!measureCtx) return undefined;
  measureCtx.font = `${bold ? "600 " : ""}${size}px "DejaVu Sans", system-ui, sans-serif`;
  const w = measureCtx.measureText(text).width;
  return bold ? w + text.length * size * 0.06 : w;
}

/**
 * d3-geo works on the sphere and reads a ring's winding to tell inside from
 * outside: it wants exteriors clockwise, the opposite of RFC 7946 (which the
 * layers follow). Reverse every ring so a country does not fill the globe.
 */
export function forD3(g: LayerGeometry): LayerGeometry {
  const rev = (r: Position[]) => [...r].reverse();
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map(rev) };
  if (g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map(rev)) };
  return g;
}

export interface MapOptions {
  backend: Backend;
  regions: Region[];
  selection: Selection;
  container: HTMLElement;
  /** The day drawn first. */
  day: number;
}

/** A region whose version in force changed with a move of the date. */
export interface VersionChange {
  region: Region;
  from: RegionVersion | null;
  to: RegionVersion | null;
}

export class AtlasMap {
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly groups = new Map<GroupName, SVGGElement>();
  private readonly labelGroup: SVGGElement;
  private readonly labelSvg: SVGSVGElement;
  /** Above the base map, zoomed with it: for the story's symbols. */
  readonly overlay: SVGGElement;
  private readonly overlaySvg: SVGSVGElement;
  private readonly overlayViewport: SVGGElement;
  private readonly tooltip: HTMLDivElement;
  private readonly scaleBar: SVGGElement;
  private readonly regionById = new Map<string, Region>();
  /** Region id → the element of its version in force. */
  private readonly nodes = new Map<string, SVGElement>();
  /** Feature id → its element (drawn for every version, shown for the one in force). */
  private readonly featureNodes = new Map<string, SVGElement>();
  /** Feature id → the region it draws. */
  private readonly featureOwner = new Map<string, Region>();
  /** Region id → its version in force at `day`. */
  private readonly current = new Map<string, RegionVersion | null>();
  private readonly epochs: Epochs;
  private epoch = -1;
  private day: number;
  private readonly paths = new Map<string, SVGPathElement[]>();
  private projection: GeoProjection;
  private width = 800;
  private height = 600;
  private k = 1;
  private tx = 0;
  private ty = 0;
  private lod: "overview" | "detail" = "overview";
  private detail: Map<LayerName, Layer> | null = null;
  private overview = new Map<LayerName, Layer>();
  private lang: NameLang = "en";
  /** Resolves when the first map is painted. */
  readonly ready: Promise<void>;
  /** When the first map was painted, in ms since the Unix epoch. */
  firstMapEpochMs = 0;

  constructor(private readonly opts: MapOptions) {
    for (const r of opts.regions) {
      this.regionById.set(r.id, r);
      for (const v of r.versions) this.featureOwner.set(v.feature, r);
    }
    this.epochs = new Epochs(opts.regions);
    this.day = opts.day;
    this.resolveVersions(opts.day);
    const c = opts.container;
    this.width = Math.max(320, c.clientWidth || 800);
    this.height = Math.max(240, c.clientHeight || 600);
    this.projection = makeProjection(this.width, this.height);

    this.svg = el("svg", { class: "atlas", role: "group", "aria-label": "Map of the Caucasus and Central Asia", width: "100%", height: "100%" });
    this.svg.append(this.defs());
    const sea = el("rect", { class: "sea", x: "-10000", y: "-10000", width: "30000", height: "30000" });
    this.viewport = el("g", { class: "viewport" });
    this.viewport.append(sea);
    for (const name of GROUPS) {
      const g = el("g", { class: `layer layer-${name}` });
      // A named group of region buttons (a label needs a role to be allowed).
      if (name === "water") g.setAttribute("aria-hidden", "true");
      else {
        g.setAttribute("role", "group");
        g.setAttribute("aria-label", name);
      }
      this.groups.set(name, g);
      this.viewport.append(g);
    }
    // Story symbols live in an SVG of their own, stacked on the map with the
    // same zoom transform: their animations then repaint that small layer
    // only, not the hundreds of region paths beneath.
    this.overlaySvg = el("svg", { class: "atlas-overlay", "aria-hidden": "true", width: "100%", height: "100%" });
    this.overlayViewport = el("g", { class: "viewport" });
    this.overlay = el("g", { class: "overlay" });
    this.overlayViewport.append(this.overlay);
    this.overlaySvg.append(this.overlayViewport);
    // Labels too have an SVG of their own: in the map's, hiding or renaming
    // one label while the slider is dragged made WebKit lay out and repaint
    // the whole map (10 ms and 25 ms); here it repaints the label's box.
    this.labelSvg = el("svg", { class: "atlas-labels", "aria-hidden": "true", width: "100%", height: "100%" });
    this.labelGroup = el("g", { class: "labels" });
    this.labelSvg.append(this.labelGroup);
    this.scaleBar = el("g", { class: "scalebar", "aria-hidden": "true" });
    this.svg.append(this.viewport, this.scaleBar);

    this.tooltip = document.createElement("div");
    this.tooltip.className = "tooltip";
    this.tooltip.setAttribute("role", "tooltip");
    this.tooltip.hidden = true;

    c.append(this.svg, this.labelSvg, this.overlaySvg, this.tooltip, this.controls());
    this.bindInteraction();
    opts.selection.subscribe((id, prev) => this.showSelection(id, prev));
    new ResizeObserver(() => this.resize()).observe(c);
    this.ready = this.loadOverview();
  }

  private defs(): SVGDefsElement {
    const defs = el("defs");
    const hatch = el("pattern", { id: "hatch", width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    hatch.append(el("line", { x1: "0", y1: "0", x2: "0", y2: "6", class: "hatch-line" }));
    defs.append(hatch);
    return defs;
  }

  private controls(): HTMLElement {
    const box = document.createElement("div");
    box.className = "map-controls";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Zoom");
    const mk = (label: string, text: string, fn: () => void) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.title = label;
      b.addEventListener("click", fn);
      box.append(b);
    };
    mk("Zoom in", "+", () => this.zoomBy(1.6));
    mk("Zoom out", "−", () => this.zoomBy(1 / 1.6));
    mk("Reset view", "⟲", () => this.resetView());
    return box;
  }

  /** Today's layers, and the past shapes once a date has needed them. */
  private async fetchLayers(lod: "overview" | "detail"): Promise<Map<LayerName, Layer>> {
    const out = new Map<LayerName, Layer>();
    const names = LAYERS.filter((n) => n !== "history" || this.historyWanted);
    const layers = await Promise.all(names.map((n) => (n === "history" ? this.fetchHistory(lod) : this.opts.backend.layer(n, lod))));
    names.forEach((n, i) => {
      const buf = layers[i];
      if (buf) out.set(n, decodeLayer(buf));
    });
    return out;
  }

  /** The past shapes at one level; a dataset without them (or a broken file) keeps today's map. */
  private fetchHistory(lod: "overview" | "detail"): Promise<ArrayBuffer | null> {
    return this.opts.backend.layer("history", lod).catch(() => null);
  }

  /** Whether some version in force now is drawn from the history layer. */
  private get historyWanted(): boolean {
    for (const v of this.current.values()) if (v?.layer === "history") return true;
    return false;
  }

  /**
   * Past shapes load on demand: the first time the date needs one, the
   * history layer is fetched (overview first) and the map redrawn with it.
   */
  private get historyLoaded(): boolean {
    return this.overview.has("history") && (!this.detail || this.detail.has("history"));
  }

  private async ensureHistory(): Promise<void> {
    if (this.historyLoading || this.historyLoaded || !this.overview.size) return;
    this.historyLoading = true;
    try {
      for (const [lod, layers] of [["overview", this.overview], ["detail", this.detail]] as const) {
        if (!layers || layers.has("history")) continue;
        const buf = await this.fetchHistory(lod);
        if (!buf) return;
        layers.set("history", decodeLayer(buf));
      }
      const layers = this.lod === "detail" && this.detail ? this.detail : this.overview;
      this.render(layers);
      this.applyTransformOnly();
      this.placeLabels();
    } finally {
      this.historyLoading = false;
    }
  }
  private historyLoading = false;

  private async loadOverview(): Promise<void> {
    this.overview = await this.fetchLayers("overview");
    this.render(this.overview);
    this.applyTransform();
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const mark = performance.mark("faultlines:first-map");
    this.svg.dataset.ready = "true";
    this.firstMapEpochMs = performance.timeOrigin + mark.startTime;
  }

  /** Build every layer's elements from decoded layers. */
  private render(layers: Map<LayerName, Layer>): void {
    const path = geoPath(this.projection);
    this.nodes.clear();
    this.paths.clear();
    this.featureNodes.clear();
    for (const g of this.groups.values()) g.replaceChildren();
    // Keyboard order follows names: regions of one group, history shapes among them.
    const byGroup = new Map<GroupName, LayerFeature[]>();
    for (const name of LAYERS) {
      for (const f of layers.get(name)?.features ?? []) {
        let group: GroupName;
        if (name === "history") {
          const owner = this.featureOwner.get(f.id);
          if (!owner) continue;
          group = KIND_GROUP[owner.kind];
        } else {
          group = name;
        }
        const list = byGroup.get(group) ?? [];
        list.push(f);
        byGroup.set(group, list);
      }
    }
    for (const name of GROUPS) {
      const feats = byGroup.get(name) ?? [];
      if (name === "countries" || name === "provinces") feats.sort((a, b) => this.nameOf(a.id).localeCompare(this.nameOf(b.id)));
      const g = this.groups.get(name)!;
      for (const f of feats) this.drawFeature(name, f, path, g);
    }
    this.showSelection(this.opts.selection.value, null);
    this.updateProvinceActivity();
    for (const [key, values] of this.regionData ?? []) {
      for (const [id, v] of values) {
        const n = this.nodes.get(id) as SVGElement | undefined;
        if (n) n.dataset[key] = v;
      }
    }
  }

  private nameOf(featureId: string): string {
    const r = this.featureOwner.get(featureId) ?? this.regionById.get(featureId);
    return (r && this.current.get(r.id)?.name_en) ?? r?.name_en ?? featureId;
  }

  private drawFeature(layer: GroupName, f: LayerFeature, path: ReturnType<typeof geoPath>, g: SVGGElement): void {
    const d = path(forD3(f.geometry) as Parameters<typeof path>[0]) ?? "";
    const region = this.featureOwner.get(f.id) ?? this.regionById.get(f.id);
    if (layer === "water") {
      g.append(el("path", { d, class: `water ${f.kind}` }));
      return;
    }
    if (!region) return;
    let node: SVGElement;
    if (layer === "lines" || layer === "unions") {
      node = el("g", { class: `region ${layer === "lines" ? "line" : "union"} ${f.kind}` });
      const vis = el("path", { d, class: "line-visible" });
      const hit = el("path", { d, class: "line-hit" });
      node.append(vis, hit);
      this.paths.set(f.id, [vis, hit]);
    } else if (layer === "places") {
      const [x, y] = this.projection(f.geometry.coordinates as [number, number]) ?? [0, 0];
      node = el("g", { class: `region place ${f.kind}`, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
      node.append(el("circle", { r: f.kind === "capital" ? "3.2" : "2.4", class: "place-dot" }), el("circle", { r: "5", class: "place-hit" }));
    } else {
      const p = el("path", { d, class: `region area ${layer} ${f.kind}` });
      node = p;
      this.paths.set(f.id, [p]);
    }
    node.setAttribute("role", "button");
    node.setAttribute("tabindex", "0");
    node.setAttribute("aria-pressed", "false");
    node.dataset.id = region.id;
    node.dataset.feature = f.id;
    if (region.country) node.dataset.country = region.country;
    this.featureNodes.set(f.id, node);
    const v = this.current.get(region.id);
    // A region without versions (an older dataset) is always in force.
    const shown = region.versions.length === 0 ? f.id === region.id : v?.feature === f.id;
    if (shown) {
      this.nodes.set(region.id, node);
      this.dress(node, region, v ?? null);
    } else {
      node.classList.add("off");
    }
    g.append(node);
  }

  /** Name, approximation and story data of the version in force, on its element. */
  private dress(node: SVGElement, region: Region, v: RegionVersion | null): void {
    node.setAttribute("aria-label", v?.name_en ?? region.name_en);
    // An estimated shape says so, beside its name rather than in it.
    if (v?.approximate) node.setAttribute("aria-description", "border drawn approximately");
    else node.removeAttribute("aria-description");
    node.classList.toggle("approximate", v?.approximate ?? false);
    for (const [key, values] of this.regionData) {
      const val = values.get(region.id);
      if (val === undefined) delete node.dataset[key];
      else node.dataset[key] = val;
    }
    const selected = this.opts.selection.value === region.id;
    node.setAttribute("aria-pressed", String(selected));
    node.classList.toggle("selected", selected);
  }

  /** The region's version in force at the map's day (null: not on the map then). */
  versionOf(id: string): RegionVersion | null {
    return this.current.get(id) ?? null;
  }

  /** Work out each region's version on `day`; returns the regions that changed. */
  private resolveVersions(day: number): VersionChange[] {
    const changes: VersionChange[] = [];
    for (const r of this.regionById.values()) {
      if (r.versions.length === 0) continue;
      const to = versionAt(r.versions, day);
      const from = this.current.get(r.id) ?? null;
      if (this.current.has(r.id) && from === to) continue;
      this.current.set(r.id, to);
      changes.push({ region: r, from, to });
    }
    this.epoch = this.epochs.of(day);
    return changes;
  }

  /**
   * Show the borders in force on `day`. Returns the regions whose version
   * changed (none while the date stays between two boundary days).
   */
  setDay(day: number): VersionChange[] {
    const prev = this.day;
    this.day = day;
    if (this.epochs.of(day) === this.epoch) return [];
    const changes = this.resolveVersions(day);
    // Fades are for a date that steps or plays; a dragged slider (".moving")
    // or a jump swaps at once, since every faded frame repaints the map.
    const fade =
      Math.abs(day - prev) < 4000 && !this.opts.container.classList.contains("moving") && !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    for (const c of changes) {
      const oldNode = c.from ? this.featureNodes.get(c.from.feature) : undefined;
      const newNode = c.to ? this.featureNodes.get(c.to.feature) : undefined;
      if (c.to && !newNode && oldNode) {
        // The new shape is still loading: the old one stays, under the new name, until it comes.
        this.dress(oldNode, c.region, c.to);
        continue;
      }
      if (newNode) {
        this.nodes.set(c.region.id, newNode);
        this.dress(newNode, c.region, c.to);
      } else {
        this.nodes.delete(c.region.id);
      }
      if (oldNode === newNode) continue;
      // Keyboard focus moves with the region to its new shape.
      const focused = oldNode !== undefined && document.activeElement === oldNode;
      if (oldNode) this.hide(oldNode, fade);
      if (newNode) this.show(newNode, fade && oldNode !== undefined);
      if (focused) newNode?.focus();
    }
    if (changes.length) {
      if (changes.some((c) => c.region.kind === "province")) this.updateProvinceActivity();
      if (this.moving) this.renameLabels(changes);
      else this.labelsSoon();
      if (changes.some((c) => c.to?.layer === "history") && !this.historyLoaded) void this.ensureHistory();
    }
    return changes;
  }

  private readonly fadeTimers = new WeakMap<SVGElement, number>();

  private show(node: SVGElement, fade: boolean): void {
    clearTimeout(this.fadeTimers.get(node));
    node.classList.remove("off", "fade-out");
    node.classList.toggle("fade-in", fade);
  }

  private hide(node: SVGElement, fade: boolean): void {
    clearTimeout(this.fadeTimers.get(node));
    node.classList.remove("fade-in", "hover", "selected");
    node.setAttribute("aria-pressed", "false");
    for (const key of this.regionData.keys()) delete node.dataset[key];
    if (!fade) {
      node.classList.remove("fade-out");
      node.classList.add("off");
      return;
    }
    node.classList.add("fade-out");
    this.fadeTimers.set(node, window.setTimeout(() => {
      node.classList.remove("fade-out");
      node.classList.add("off");
    }, FADE_MS));
  }

  private bindInteraction(): void {
    const activate = (target: EventTarget | null) => {
      const node = (target as Element | null)?.closest?.("[data-id]") as SVGElement | null;
      const id = node?.dataset.id;
      if (!id) return;
      this.opts.selection.set(id);
      const r = this.regionById.get(id);
      if (r && (r.kind === "country" || r.kind === "province" || r.kind === "disputed")) this.revealBBox(this.current.get(id)?.bbox ?? r.bbox);
    };
    this.svg.addEventListener("click", (e) => {
      if (this.dragged) return;
      activate(e.target);
    });
    this.svg.addEventListener("keydown", (e) => {
      const target = e.target as Element;
      if ((e.key === "Enter" || e.key === " ") && target.closest("[data-id]")) {
        e.preventDefault();
        activate(target);
      }
    });
    this.opts.container.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const step = 60;
      const actions: Record<string, () => void> = {
        "+": () => this.zoomBy(1.4),
        "=": () => this.zoomBy(1.4),
        "-": () => this.zoomBy(1 / 1.4),
        "0": () => this.resetView(),
        ArrowLeft: () => this.panBy(step, 0),
        ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step),
        ArrowDown: () => this.panBy(0, -step),
      };
      const a = actions[e.key];
      if (a && (e.target as Element).closest(".map")) {
        e.preventDefault();
        a();
      }
    });
    this.svg.addEventListener("pointerover", (e) => {
      const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
      if (node?.dataset.id) {
        node.classList.add("hover");
        this.showTooltip(node.dataset.id, e);
      }
    });
    this.svg.addEventListener("pointerout", (e) => {
      const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
      node?.classList.remove("hover");
      this.tooltip.hidden = true;
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!this.tooltip.hidden) this.moveTooltip(e);
    });
    this.svg.addEventListener("focusin", (e) => {
      const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
      if (node?.dataset.id) {
        const r = node.getBoundingClientRect();
        const host = this.opts.container.getBoundingClientRect();
        this.tooltip.textContent = this.displayName(node.dataset.id);
        this.tooltip.hidden = false;
        this.tooltip.style.left = `${r.left - host.left + r.width / 2 + 8}px`;
        this.tooltip.style.top = `${r.top - host.top + r.height / 2 + 8}px`;
      }
    });
    this.svg.addEventListener("focusout", () => (this.tooltip.hidden = true));
    this.svg.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const r = this.svg.getBoundingClientRect();
        this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false },
    );
    let start: { x: number; y: number; tx: number; ty: number } | null = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty };
      this.dragged = false;
    });
    window.addEventListener("pointermove", (e) => {
      if (!start) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (!this.dragged && Math.hypot(dx, dy) < 4) return;
      this.dragged = true;
      this.svg.classList.add("dragging");
      this.tx = start.tx + dx;
      this.ty = start.ty + dy;
      this.applyTransform();
    });
    window.addEventListener("pointerup", () => {
      start = null;
      this.svg.classList.remove("dragging");
      // Let the click that ends a drag see `dragged`, then clear it.
      setTimeout(() => (this.dragged = false), 0);
    });
  }
  private dragged = false;

  /** The region's name of the map's date, in the map's language. */
  displayName(id: string): string {
    const r = this.regionById.get(id);
    if (!r) return id;
    const v = this.current.get(id) ?? r;
    return this.lang === "ru" ? v.name_ru : v.name_en;
  }

  private showTooltip(id: string, e: PointerEvent): void {
    this.tooltip.textContent = this.displayName(id);
    this.tooltip.hidden = false;
    this.moveTooltip(e);
  }

  private moveTooltip(e: PointerEvent): void {
    const host = this.opts.container.getBoundingClientRect();
    this.tooltip.style.left = `${e.clientX - host.left + 14}px`;
    this.tooltip.style.top = `${e.clientY - host.top + 14}px`;
  }

  setLanguage(lang: NameLang): void {
    this.lang = lang;
    this.placeLabels();
  }

  private showSelection(id: string | null, prev: string | null): void {
    if (prev) {
      const n = this.nodes.get(prev);
      n?.setAttribute("aria-pressed", "false");
      n?.classList.remove("selected");
    }
    if (id) {
      const n = this.nodes.get(id);
      n?.setAttribute("aria-pressed", "true");
      n?.classList.add("selected");
      // Draw the selection above its neighbours so its outline shows whole.
      if (n && n.parentNode && n.tagName === "path") n.parentNode.append(n);
    }
    this.updateProvinceActivity();
  }

  /** Provinces take the pointer when zoomed in or inside the selected country. */
  private updateProvinceActivity(): void {
    const sel = this.opts.selection.value;
    const selCountry = sel ? (this.regionById.get(sel)?.country ?? null) : null;
    const zoomed = this.k >= PROVINCE_ZOOM;
    this.groups.get("provinces")?.classList.toggle("active", zoomed);
    for (const node of this.groups.get("provinces")?.children ?? []) {
      const c = (node as SVGElement).dataset.country ?? null;
      (node as SVGElement).classList.toggle("open", !zoomed && c !== null && c === selCountry);
    }
  }

  private resize(): void {
    const w = Math.max(320, this.opts.container.clientWidth);
    const h = Math.max(240, this.opts.container.clientHeight);
    if (Math.abs(w - this.width) < 2 && Math.abs(h - this.height) < 2) return;
    this.width = w;
    this.height = h;
    this.projection = makeProjection(w, h);
    const layers = this.lod === "detail" && this.detail ? this.detail : this.overview;
    if (layers.size) this.render(layers);
    this.applyTransform();
    for (const f of this.viewListeners) f();
  }

  zoomBy(f: number): void {
    this.zoomAt(f, this.width / 2, this.height / 2);
  }

  private zoomAt(f: number, x: number, y: number): void {
    const k = Math.min(MAX_K, Math.max(MIN_K, this.k * f));
    const real = k / this.k;
    this.tx = x - (x - this.tx) * real;
    this.ty = y - (y - this.ty) * real;
    this.k = k;
    this.applyTransform();
  }

  private panBy(dx: number, dy: number): void {
    this.tx += dx;
    this.ty += dy;
    this.applyTransform();
  }

  resetView(): void {
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.applyTransform();
  }

  /** Centre the view on [lon, lat] at zoom k (used by "follow the story" and search). */
  centerOn(lonlat: [number, number], k = this.k): void {
    const p = this.projection(lonlat);
    if (!p) return;
    this.k = Math.min(MAX_K, Math.max(MIN_K, k));
    this.tx = this.width / 2 - p[0] * this.k;
    this.ty = this.height / 2 - p[1] * this.k;
    this.applyTransform();
  }

  /**
   * Zoom so that a small region fills about half the view (after a click on
   * it, its provinces become large enough to click). Large regions keep the view.
   */
  revealBBox(bbox: number[]): void {
    const [w, s, e, n] = bbox as [number, number, number, number];
    const corners: [number, number][] = [[w, s], [e, s], [e, n], [w, n], [(w + e) / 2, s], [(w + e) / 2, n]];
    const pts = corners.map((c) => this.projection(c)).filter((p): p is [number, number] => p !== null);
    if (pts.length === 0) return;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const bw = Math.max(...xs) - Math.min(...xs);
    const bh = Math.max(...ys) - Math.min(...ys);
    const onScreen = Math.max((bw * this.k) / this.width, (bh * this.k) / this.height);
    if (onScreen > 0.3) return;
    const k = Math.min(MAX_K, Math.max(this.k, 0.5 / Math.max(bw / this.width, bh / this.height, 1e-6)));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.k = k;
    this.tx = this.width / 2 - cx * k;
    this.ty = this.height / 2 - cy * k;
    this.applyTransform();
  }

  /** The view as centre [lon, lat] and zoom, for saving. */
  get view(): { center: [number, number]; zoom: number } | null {
    const c = this.projection.invert?.([(this.width / 2 - this.tx) / this.k, (this.height / 2 - this.ty) / this.k]);
    return c ? { center: [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4], zoom: Math.round(this.k * 1000) / 1000 } : null;
  }

  private readonly moveListeners = new Set<() => void>();
  /** Called after every zoom or pan. */
  onViewChange(f: () => void): void {
    this.moveListeners.add(f);
  }

  get zoom(): number {
    return this.k;
  }

  /** `[k, tx, ty]`: screen = base × k + t, for overlays that project once and draw often. */
  get screenTransform(): [number, number, number] {
    return [this.k, this.tx, this.ty];
  }

  /** Screen position of a lon/lat at the current view. */
  project(lonlat: [number, number]): [number, number] | null {
    const p = this.projection(lonlat);
    return p ? [p[0] * this.k + this.tx, p[1] * this.k + this.ty] : null;
  }

  /** Position in the zoomed group's coordinates (for overlay symbols). */
  projectBase(lonlat: [number, number]): [number, number] | null {
    return this.projection(lonlat);
  }

  private applyTransform(): void {
    const t = `translate(${this.tx.toFixed(2)},${this.ty.toFixed(2)}) scale(${this.k.toFixed(4)})`;
    this.viewport.setAttribute("transform", t);
    this.overlayViewport.setAttribute("transform", t);
    this.svg.style.setProperty("--k", String(this.k));
    this.overlaySvg.style.setProperty("--k", String(this.k));
    // Place symbols keep their size on screen.
    for (const n of this.groups.get("places")?.children ?? []) {
      const t = (n as SVGElement).getAttribute("transform") ?? "";
      const base = t.replace(/ scale\([^)]*\)/, "");
      (n as SVGElement).setAttribute("transform", `${base} scale(${(1 / this.k).toFixed(4)})`);
    }
    this.updateProvinceActivity();
    this.placeLabels();
    this.drawScaleBar();
    for (const f of this.moveListeners ?? []) f();
    if (this.k >= DETAIL_ZOOM && this.lod === "overview") void this.switchToDetail();
    else if (this.k < DETAIL_ZOOM && this.lod === "detail") {
      this.lod = "overview";
      this.render(this.overview);
      this.applyTransformOnly();
    }
  }

  private applyTransformOnly(): void {
    for (const n of this.groups.get("places")?.children ?? []) {
      const t = (n as SVGElement).getAttribute("transform") ?? "";
      const base = t.replace(/ scale\([^)]*\)/, "");
      (n as SVGElement).setAttribute("transform", `${base} scale(${(1 / this.k).toFixed(4)})`);
    }
  }

  private async switchToDetail(): Promise<void> {
    this.lod = "detail";
    this.detail ??= await this.fetchLayers("detail");
    if (this.lod !== "detail") return;
    const focused = (document.activeElement as SVGElement | null)?.dataset?.id;
    this.render(this.detail);
    this.applyTransformOnly();
    if (focused) (this.nodes.get(focused) as SVGElement | undefined)?.focus();
    this.svg.dataset.lod = "detail";
  }

  /** The slider is being dragged (the story feed marks the map so). */
  get moving(): boolean {
    return this.opts.container.classList.contains("moving");
  }

  private labelsStale = false;

  /**
   * While the slider is dragged, labels keep their places (placing them all
   * again costs a frame its budget) and a label whose name is no longer the
   * date's is hidden, never shown wrong; `settle` places and names them all
   * once the slider rests.
   */
  private renameLabels(changes: VersionChange[]): void {
    for (const c of changes) {
      const t = this.labelGroup.querySelector<SVGTextElement>(`text[data-region="${CSS.escape(c.region.id)}"]`);
      if (!t) continue;
      const stale = !c.to || t.textContent !== this.labelText(c.region);
      t.toggleAttribute("data-stale", stale);
    }
    this.labelsStale = true;
  }

  /** The slider came to rest: finish what was put off while it moved. */
  settle(): void {
    if (this.labelsStale) this.labelsSoon();
  }

  private labelText(r: Region): string {
    const bold = r.kind === "country" || r.kind === "union";
    return bold ? this.displayName(r.id).toUpperCase() : this.displayName(r.id);
  }

  private labelFrame = 0;
  /** Re-place the labels at the next frame, once however many changes come before it. */
  private labelsSoon(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.placeLabels();
    });
  }

  /** Labels for countries, capitals and story places, without collisions. */
  private placeLabels(): void {
    this.labelsStale = false;
    if (this.labelFrame) {
      cancelAnimationFrame(this.labelFrame);
      this.labelFrame = 0;
    }
    const cands: LabelCandidate[] = [];
    for (const r of this.regionById.values()) {
      const v = r.versions.length ? this.current.get(r.id) : r;
      if (!v) continue;
      let priority: number;
      let size = 11;
      let beside = false;
      if (r.kind === "country") {
        const [x0, y0] = this.project([v.bbox[0], v.bbox[1]]) ?? [0, 0];
        const [x1, y1] = this.project([v.bbox[2], v.bbox[3]]) ?? [0, 0];
        const span = Math.hypot(x1 - x0, y1 - y0);
        if (span < 40) continue;
        priority = 100 - Math.min(99, span / 10);
        size = span > 300 ? 13 : 11;
      } else if (r.kind === "place") {
        const node = this.nodes.get(r.id);
        const capital = node?.classList.contains("capital") ?? false;
        priority = capital ? 200 : 300;
        beside = true;
      } else if ((r.kind === "disputed" && this.k >= 2) || (r.kind === "union" && this.k < 1.5)) {
        priority = 250;
        size = 10;
      } else if (r.kind === "province" && this.k >= PROVINCE_ZOOM) {
        priority = 400;
        size = 10;
      } else continue;
      const p = this.project(v.anchor as [number, number]);
      if (!p) continue;
      const bold = r.kind === "country" || r.kind === "union";
      const text = this.labelText(r);
      cands.push({ id: r.id, text, x: p[0], y: p[1], priority, size, beside, width: measure(text, size, bold) });
    }
    // Place symbols are obstacles: a label never covers a city's dot.
    const dots = [];
    for (const r of this.regionById.values()) {
      if (r.kind !== "place") continue;
      const p = this.project(r.anchor as [number, number]);
      if (p) dots.push({ x0: p[0] - 3, y0: p[1] - 3, x1: p[0] + 3, y1: p[1] + 3 });
    }
    const placed = placeLabels(cands, this.width, this.height, 2, dots);
    this.labelGroup.replaceChildren(
      ...placed.map((l) => {
        const t = el("text", {
          x: l.box.x0.toFixed(1),
          y: ((l.box.y0 + l.box.y1) / 2).toFixed(1),
          class: `label ${this.regionById.get(l.id)?.kind ?? ""}`,
          "font-size": String(l.size),
          "text-anchor": "start",
          "dominant-baseline": "central",
          "data-region": l.id,
        });
        t.textContent = l.text;
        return t;
      }),
    );
    this.svg.dataset.labels = String(placed.length);
  }

  private drawScaleBar(): void {
    const x = 20;
    const y = this.height - 28;
    const kmPx = kmPerPixel(this.projection, (x + 60 - this.tx) / this.k, (y - this.ty) / this.k) / this.k;
    const km = niceLength(kmPx * 120);
    const px = km / kmPx;
    if (!(px > 0)) return;
    const bar = el("rect", { x: String(x), y: String(y), width: px.toFixed(1), height: "5", class: "scale-rect" });
    const label = el("text", { x: String(x), y: String(y - 6), class: "scale-label" });
    label.textContent = `${km.toLocaleString("en")} km`;
    this.scaleBar.replaceChildren(bar, label);
    this.scaleBar.setAttribute("data-km", String(km));
  }

  private readonly regionData = new Map<string, Map<string, string>>();

  /**
   * Set `data-{key}` on region elements: the story layer marks membership,
   * participation and dispute status this way and CSS styles them.
   */
  setRegionData(key: string, values: Map<string, string>): void {
    const prev = this.regionData.get(key) ?? new Map<string, string>();
    for (const [id, v] of prev) {
      if (values.get(id) !== v) delete (this.nodes.get(id) as SVGElement | undefined)?.dataset[key];
    }
    for (const [id, v] of values) {
      const n = this.nodes.get(id) as SVGElement | undefined;
      if (n && n.dataset[key] !== v) n.dataset[key] = v;
    }
    this.regionData.set(key, new Map(values));
  }

  /** The projection in the zoomed group's coordinates, for overlay paths. */
  projectionForOverlay(): GeoProjection {
    return this.projection;
  }

  private readonly viewListeners = new Set<() => void>();
  /** Called after the projection changes (resize), when overlays must be redrawn. */
  onProjectionChange(f: () => void): void {
    this.viewListeners.add(f);
  }

  /** Glide to centre `lonlat` (instantly under reduced motion). */
  glideTo(lonlat: [number, number], k = this.k, ms = 700): void {
    const p = this.projection(lonlat);
    if (!p) return;
    const target = { k, tx: this.width / 2 - p[0] * k, ty: this.height / 2 - p[1] * k };
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const from = { k: this.k, tx: this.tx, ty: this.ty };
    if (reduce || ms <= 0) {
      Object.assign(this, target);
      this.applyTransform();
      return;
    }
    const t0 = performance.now();
    const token = ++this.glideToken;
    const step = (now: number) => {
      if (token !== this.glideToken) return;
      const u = Math.min(1, (now - t0) / ms);
      const e = u < 0.5 ? 2 * u * u : 1 - Math.pow(-2 * u + 2, 2) / 2;
      this.k = from.k + (target.k - from.k) * e;
      this.tx = from.tx + (target.tx - from.tx) * e;
      this.ty = from.ty + (target.ty - from.ty) * e;
      this.applyTransform();
      if (u < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
  private glideToken = 0;

  /** Focus a region's element (Escape from the excerpts panel returns here). */
  focusRegion(id: string): void {
    (this.nodes.get(id) as SVGElement | undefined)?.focus();
  }

  get defaultView() {
    return DEFAULT_VIEW;
  }
}
