/**
 * The layers at each level of detail: the overview drawn first, the detailed
 * layers fetched the first time the map is zoomed in, and the past shapes
 * (the history layer) fetched the first time the date needs one. A dataset
 * without past shapes, or a broken file of them, keeps today's map. The
 * world layer is fetched only when the map is framed on the world.
 */
import type { Backend } from "../api/client";
import { DETAIL_ZOOM } from "./camera";
import { LAYERS, type LayerName } from "./groups";
import { decodeLayer, type Layer } from "./layer";
import type { RegionsInForce } from "./regions";

export type Lod = "overview" | "detail";

/** What the levels need of the map to show another level. */
export interface LevelHost {
  /** Draw the map from these layers (place symbols keeping their size). */
  redraw(layers: Map<LayerName, Layer>): void;
  /** Place the labels again. */
  relabel(): void;
  /** Give the region's element keyboard focus. */
  focus(id: string): void;
}

export class LayerLevels {
  lod: Lod = "overview";
  overview = new Map<LayerName, Layer>();
  detail: Map<LayerName, Layer> | null = null;
  private historyLoading = false;

  constructor(
    private readonly backend: Backend,
    private readonly regions: RegionsInForce,
    /** The map's SVG, which says when the detail is drawn (`data-lod`). */
    private readonly svg: SVGSVGElement,
    private readonly host: LevelHost,
    /** Whether the world layer is drawn beneath (a world framing). */
    private readonly world = false,
  ) {}

  /** The layers of the level drawn now. */
  get shown(): Map<LayerName, Layer> {
    return this.lod === "detail" && this.detail ? this.detail : this.overview;
  }

  /** Today's layers, and the past shapes once a date has needed them. */
  async fetch(lod: Lod): Promise<Map<LayerName, Layer>> {
    const out = new Map<LayerName, Layer>();
    const names = LAYERS.filter((n) => (n !== "history" || this.regions.historyWanted) && (n !== "world" || this.world));
    const layers = await Promise.all(names.map((n) => (n === "history" || n === "world" ? this.fetchOptional(n, lod) : this.backend.layer(n, lod))));
    names.forEach((n, i) => {
      const buf = layers[i];
      if (buf) out.set(n, decodeLayer(buf));
    });
    return out;
  }

  /** The past shapes (or the world) at one level; a dataset without them (or a broken file) keeps today's map. */
  private fetchOptional(name: "history" | "world", lod: Lod): Promise<ArrayBuffer | null> {
    return this.backend.layer(name, lod).catch(() => null);
  }

  /** Whether the past shapes are there at every level fetched. */
  get historyLoaded(): boolean {
    return this.overview.has("history") && (!this.detail || this.detail.has("history"));
  }

  /** The map was zoomed to `k`: past DETAIL_ZOOM the detailed layers are drawn, below it the overview. */
  zoomed(k: number): void {
    if (k >= DETAIL_ZOOM && this.lod === "overview") void this.switchToDetail();
    else if (k < DETAIL_ZOOM && this.lod === "detail") {
      this.lod = "overview";
      this.host.redraw(this.overview);
    }
  }

  private async switchToDetail(): Promise<void> {
    this.lod = "detail";
    this.detail ??= await this.fetch("detail");
    if (this.lod !== "detail") return;
    const focused = (document.activeElement as SVGElement | null)?.dataset?.id;
    this.host.redraw(this.detail);
    if (focused) this.host.focus(focused);
    this.svg.dataset.lod = "detail";
  }

  /**
   * Past shapes load on demand: the first time the date needs one, the
   * history layer is fetched (overview first) and the map redrawn with it.
   */
  async ensureHistory(): Promise<void> {
    if (this.historyLoading || this.historyLoaded || !this.overview.size) return;
    this.historyLoading = true;
    try {
      for (const [lod, layers] of [["overview", this.overview], ["detail", this.detail]] as const) {
        if (!layers || layers.has("history")) continue;
        const buf = await this.fetchOptional("history", lod);
        if (!buf) return;
        layers.set("history", decodeLayer(buf));
      }
      this.host.redraw(this.shown);
      this.host.relabel();
    } finally {
      this.historyLoading = false;
    }
  }
}
