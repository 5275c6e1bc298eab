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
 *
 * This class is the map's one surface for the rest of the UI; the work is
 * done by its parts: the camera (`camera.ts`), the frame (`frame.ts`), the
 * regions in force (`regions.ts`), their shapes (`shapes.ts`, `swap.ts`),
 * the selection (`selected.ts`), the labels (`label-layer.ts`), the layers
 * per level of detail (`levels.ts`) and the handling (`interaction.ts`).
 * A story from beyond the regional frame is drawn on the world instead
 * (`framing.ts`, `world.ts`).
 */
import type { GeoProjection } from "d3-geo";
import type { Region, RegionVersion } from "../api/bindings";
import type { Backend } from "../api/client";
import { t } from "../i18n/i18n";
import type { Selection } from "../selection";
import { Camera } from "./camera";
import { applyCamera, buildFrame, drawScaleBar, zoomControls, type MapFrame } from "./frame";
import type { LayerName } from "./groups";
import { REGIONAL, WORLD_COARSER, type Framing } from "./framing";
import type { Held } from "./held-data";
import { bindInteraction } from "./interaction";
import { MapLabels } from "./label-layer";
import type { Layer } from "./layer";
import { LayerLevels } from "./levels";
import { RegionsInForce, type NameLang, type VersionChange } from "./regions";
import { SelectionMarks } from "./selected";
import { RegionShapes } from "./shapes";
import { ShapeSwap } from "./swap";
import { Tooltip } from "./tooltip";
import { clipToFrame } from "./world";

export { forD3 } from "./shapes";
export type { NameLang, VersionChange } from "./regions";

export interface MapOptions {
  backend: Backend;
  regions: Region[];
  selection: Selection;
  container: HTMLElement;
  /** The day drawn first. */
  day: number;
  /** Today's regional view (the default) or the world fitted to the story. */
  framing?: Framing;
}

export class AtlasMap {
  readonly svg: SVGSVGElement;
  /** Above the base map, zoomed with it: for the story's symbols. */
  readonly overlay: SVGGElement;
  private readonly frame: MapFrame;
  /** How the map is framed: fixed for the map's life. */
  readonly framing: Framing;
  private readonly regions: RegionsInForce;
  private readonly camera: Camera;
  private readonly shapes: RegionShapes;
  private readonly swap: ShapeSwap;
  private readonly marks: SelectionMarks;
  private readonly labels: MapLabels;
  private readonly levels: LayerLevels;
  private readonly moveListeners = new Set<() => void>();
  private readonly viewListeners = new Set<() => void>();
  private lang: NameLang = "en";
  /** Resolves when the first map is painted. */
  readonly ready: Promise<void>;
  /** When the first map was painted, in ms since the Unix epoch. */
  firstMapEpochMs = 0;

  constructor(private readonly opts: MapOptions) {
    this.regions = new RegionsInForce(opts.regions, opts.day);
    const c = opts.container;
    this.framing = opts.framing ?? REGIONAL;
    const world = this.framing.kind === "world";
    this.camera = new Camera(Math.max(320, c.clientWidth || 800), Math.max(240, c.clientHeight || 600), () => this.applyTransform(), this.framing);
    this.frame = buildFrame(t(world ? "map-label-world" : "map-label-region"));
    this.svg = this.frame.svg;
    this.svg.dataset.framing = this.framing.kind;
    this.overlay = this.frame.overlay;
    const name = (id: string) => this.displayName(id);
    this.shapes = new RegionShapes(this.frame.groups, this.regions, opts.selection);
    this.swap = new ShapeSwap(this.shapes);
    this.marks = new SelectionMarks(this.shapes, this.frame.groups.get("provinces"), this.regions, opts.selection, () => this.camera.k);
    this.labels = new MapLabels(this.frame.labelGroup, this.svg, this.regions, this.shapes, this.camera, name);
    this.levels = new LayerLevels(opts.backend, this.regions, this.svg, {
      redraw: (layers) => {
        this.render(layers);
        this.shapes.scalePlaces(this.camera.k);
      },
      relabel: () => this.labels.place(),
      focus: (id) => this.shapes.node(id)?.focus(),
    }, world);
    const f = this.frame;
    c.append(f.svg, f.labelSvg, f.overlaySvg, f.tooltip, zoomControls((k) => this.zoomBy(k), () => this.resetView()));
    const tooltip = new Tooltip(f.tooltip, c, name);
    bindInteraction({ svg: f.svg, container: c, regions: this.regions, selection: opts.selection, camera: this.camera, tooltip });
    opts.selection.subscribe((id, prev) => this.marks.show(id, prev));
    new ResizeObserver(() => this.resize()).observe(c);
    this.ready = this.loadOverview();
  }

  private async loadOverview(): Promise<void> {
    this.levels.overview = await this.levels.fetch("overview");
    this.render(this.levels.overview);
    this.applyTransform();
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const mark = performance.mark("faultlines:first-map");
    this.svg.dataset.ready = "true";
    this.firstMapEpochMs = performance.timeOrigin + mark.startTime;
  }

  /** Build every layer's elements from decoded layers. */
  private render(layers: Map<LayerName, Layer>): void {
    this.shapes.draw(layers, this.camera.projection);
    if (this.framing.kind === "world") clipToFrame(this.frame.defs, this.frame.groups, this.camera.projection);
    this.marks.show(this.opts.selection.value, null);
    this.marks.updateProvinces();
    this.shapes.reapplyData();
  }

  /** The region's version in force at the map's day (null: not on the map then). */
  versionOf(id: string): RegionVersion | null {
    return this.regions.versionOf(id);
  }

  /**
   * Show the borders in force on `day`. Returns the regions whose version
   * changed (none while the date stays between two boundary days).
   */
  setDay(day: number): VersionChange[] {
    const prev = this.regions.day;
    const changes = this.regions.moveTo(day);
    if (!changes.length) return changes;
    // Fades are for a date that steps or plays; a dragged slider (".moving")
    // or a jump swaps at once, since every faded frame repaints the map.
    const fade = Math.abs(day - prev) < 4000 && !this.moving && !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    this.swap.swap(changes, fade);
    if (changes.some((c) => c.region.kind === "province")) this.marks.updateProvinces();
    if (this.moving) this.labels.rename(changes);
    else this.labels.soon();
    if (changes.some((c) => c.to?.layer === "history") && !this.levels.historyLoaded) void this.levels.ensureHistory();
    return changes;
  }

  /** The region's name of the map's date, in the map's language. */
  displayName(id: string): string {
    return this.regions.displayName(id, this.lang);
  }

  /** A place the story names in English ("Samarkand"), as the map names it: in its language, when a region has that name. */
  placeName(name: string): string {
    const id = this.regions.idByName(name);
    return id ? this.displayName(id) : name;
  }

  setLanguage(lang: NameLang): void {
    this.lang = lang;
    this.shapes.lang = lang;
    this.shapes.redress();
    this.svg.setAttribute("aria-label", t(this.framing.kind === "world" ? "map-label-world" : "map-label-region"));
    this.labels.place();
  }

  private resize(): void {
    const w = Math.max(320, this.opts.container.clientWidth);
    const h = Math.max(240, this.opts.container.clientHeight);
    if (!this.camera.resize(w, h)) return;
    const layers = this.levels.shown;
    // Before the first drawing (the page still settling its layout), the drawing to come takes the new size: nothing to redo.
    if (!layers.size) return;
    this.render(layers);
    this.applyTransform();
    for (const f of this.viewListeners) f();
  }

  zoomBy(f: number): void {
    this.camera.zoomBy(f);
  }

  resetView(): void {
    this.camera.reset();
  }

  /** Centre the view on [lon, lat] at zoom k (used by "follow the story" and search). */
  centerOn(lonlat: [number, number], k = this.camera.k): void {
    this.camera.centerOn(lonlat, k);
  }

  /**
   * Zoom so that a small region fills about half the view (after a click on
   * it, its provinces become large enough to click). Large regions keep the view.
   */
  revealBBox(bbox: number[]): void {
    this.camera.reveal(bbox);
  }

  /** The view as centre [lon, lat] and zoom, for saving. */
  get view(): { center: [number, number]; zoom: number } | null {
    return this.camera.saved;
  }

  /** Called after every zoom or pan. */
  onViewChange(f: () => void): void {
    this.moveListeners.add(f);
  }

  get zoom(): number {
    return this.camera.k;
  }

  /** `[k, tx, ty]`: screen = base × k + t, for overlays that project once and draw often. */
  get screenTransform(): [number, number, number] {
    return [this.camera.k, this.camera.tx, this.camera.ty];
  }

  /** Screen position of a lon/lat at the current view. */
  project(lonlat: [number, number]): [number, number] | null {
    return this.camera.project(lonlat);
  }

  /** Position in the zoomed group's coordinates (for overlay symbols). */
  projectBase(lonlat: [number, number]): [number, number] | null {
    return this.camera.projection(lonlat);
  }

  /** After every move: the transform, what keeps its size on screen, labels, scale bar, listeners, level of detail. */
  private applyTransform(): void {
    const k = this.camera.k;
    applyCamera(this.frame, this.camera);
    // A world view hides the regional cities until it comes closer (never in the regional framing).
    if (this.framing.kind === "world") this.svg.toggleAttribute("data-far", this.camera.far);
    // Place symbols keep their size on screen.
    this.shapes.scalePlaces(k);
    this.marks.updateProvinces();
    this.labels.place();
    drawScaleBar(this.frame.scaleBar, this.camera);
    for (const f of this.moveListeners ?? []) f();
    this.levels.zoomed(this.camera.detailK * (this.framing.kind === "world" ? WORLD_COARSER : 1));
  }

  /** The slider is being dragged (the story feed marks the map so). */
  get moving(): boolean {
    return this.opts.container.classList.contains("moving");
  }

  /** The slider came to rest: finish what was put off while it moved. */
  settle(): void {
    this.labels.settle();
  }

  /**
   * Set `data-{key}` on region elements: the story layer marks membership,
   * participation and dispute status this way and CSS styles them.
   */
  setRegionData(key: string, values: Map<string, string>): void {
    this.shapes.setRegionData(key, values);
  }

  /** Hold the story data back from the SVG (`held-data.ts`), telling `to` which elements it changes. */
  holdRegionData(to: (nodes: SVGElement[]) => void): void {
    this.shapes.data.hold(to);
  }

  /** Write the story data held back, and hold no more. */
  releaseRegionData(): void {
    this.shapes.data.release();
  }

  /** Who hides a label whose name went stale while the slider is dragged (see `MapLabels.hider`). */
  set labelHider(h: ((t: SVGTextElement, stale: boolean) => boolean) | null) {
    this.labels.hider = h;
  }

  /** The story data held back for an element. */
  get heldData(): Held {
    return this.shapes.data.of;
  }

  /** The SVGs drawn above the events (the labels, then the story's symbols), in painting order. */
  get svgsAbove(): SVGSVGElement[] {
    return [this.frame.labelSvg, this.frame.overlaySvg];
  }

  /** The projection in the zoomed group's coordinates, for overlay paths. */
  projectionForOverlay(): GeoProjection {
    return this.camera.projection;
  }

  /** Called after the projection changes (resize), when overlays must be redrawn. */
  onProjectionChange(f: () => void): void {
    this.viewListeners.add(f);
  }

  /** Glide to centre `lonlat` (instantly under reduced motion). */
  glideTo(lonlat: [number, number], k = this.camera.k, ms = 700): void {
    this.camera.glideTo(lonlat, k, ms);
  }

  /** Focus a region's element (Escape from the excerpts panel returns here). */
  focusRegion(id: string): void {
    this.shapes.node(id)?.focus();
  }
}
