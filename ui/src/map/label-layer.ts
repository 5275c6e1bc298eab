/**
 * The map's labels: countries, capitals and story places (provinces and
 * disputed areas when zoomed in), in an SVG of their own, keeping their size
 * and re-placed without collisions (see `labels.ts`) after each move. While
 * the slider is dragged they keep their places and a stale name is hidden.
 */
import type { Region } from "../api/bindings";
import { PROVINCE_ZOOM, type Camera } from "./camera";
import { placeLabels, type LabelCandidate } from "./labels";
import type { RegionsInForce, VersionChange } from "./regions";
import type { RegionShapes } from "./shapes";
import { el } from "./svg";

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of a label in px as drawn (country labels are bold, spaced capitals). */
function measure(text: string, size: number, bold: boolean): number | undefined {
  if (measureCtx === undefined) measureCtx = document.createElement("canvas").getContext("2d");
  if (!measureCtx) return undefined;
  measureCtx.font = `${bold ? "600 " : ""}${size}px "DejaVu Sans", system-ui, sans-serif`;
  const w = measureCtx.measureText(text).width;
  return bold ? w + text.length * size * 0.06 : w;
}

export class MapLabels {
  private stale = false;
  private frame = 0;
  /**
   * Takes a label to hide or show while the slider is dragged, instead of
   * its attribute being written (a picture standing for the labels); false
   * when it cannot, and the attribute is written.
   */
  hider: ((t: SVGTextElement, stale: boolean) => boolean) | null = null;

  constructor(
    private readonly group: SVGGElement,
    /** The map's SVG, which says how many labels are placed (`data-labels`). */
    private readonly svg: SVGSVGElement,
    private readonly regions: RegionsInForce,
    private readonly shapes: RegionShapes,
    private readonly camera: Camera,
    private readonly displayName: (id: string) => string,
  ) {}

  /**
   * While the slider is dragged, labels keep their places (placing them all
   * again costs a frame its budget) and a label whose name is no longer the
   * date's is hidden, never shown wrong; `settle` places and names them all
   * once the slider rests.
   */
  rename(changes: readonly VersionChange[]): void {
    for (const c of changes) {
      const t = this.group.querySelector<SVGTextElement>(`text[data-region="${CSS.escape(c.region.id)}"]`);
      if (!t) continue;
      const stale = !c.to || t.textContent !== this.text(c.region);
      if (!this.hider?.(t, stale)) t.toggleAttribute("data-stale", stale);
    }
    this.stale = true;
  }

  /** The slider came to rest: finish what was put off while it moved. */
  settle(): void {
    if (this.stale) this.soon();
  }

  private text(r: Region): string {
    const bold = r.kind === "country" || r.kind === "union";
    return bold ? this.displayName(r.id).toUpperCase() : this.displayName(r.id);
  }

  /** Re-place the labels at the next frame, once however many changes come before it. */
  soon(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  /** Labels for countries, capitals and story places, without collisions. */
  place(): void {
    this.stale = false;
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const cands: LabelCandidate[] = [];
    for (const r of this.regions.all()) {
      const c = this.candidate(r);
      if (c) cands.push(c);
    }
    const placed = placeLabels(cands, this.camera.width, this.camera.height, 2, this.dots());
    this.group.replaceChildren(
      ...placed.map((l) => {
        const t = el("text", {
          x: l.box.x0.toFixed(1),
          y: ((l.box.y0 + l.box.y1) / 2).toFixed(1),
          class: `label ${this.regions.get(l.id)?.kind ?? ""}`,
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

  /** The region's label, if it is labelled at this zoom. */
  private candidate(r: Region): LabelCandidate | null {
    const v = r.versions.length ? this.regions.versionOf(r.id) : r;
    if (!v) return null;
    const k = this.camera.detailK;
    let priority: number;
    let size = 11;
    let beside = false;
    if (r.kind === "country") {
      const [x0, y0] = this.camera.project([v.bbox[0], v.bbox[1]]) ?? [0, 0];
      const [x1, y1] = this.camera.project([v.bbox[2], v.bbox[3]]) ?? [0, 0];
      const span = Math.hypot(x1 - x0, y1 - y0);
      if (span < 40) return null;
      priority = 100 - Math.min(99, span / 10);
      size = span > 300 ? 13 : 11;
    } else if (r.kind === "place") {
      if (this.camera.far) return null;
      const node = this.shapes.node(r.id);
      const capital = node?.classList.contains("capital") ?? false;
      priority = capital ? 200 : 300;
      beside = true;
    } else if ((r.kind === "disputed" && k >= 2) || (r.kind === "union" && k < 1.5)) {
      priority = 250;
      size = 10;
    } else if (r.kind === "province" && k >= PROVINCE_ZOOM) {
      priority = 400;
      size = 10;
    } else return null;
    const p = this.camera.project(v.anchor as [number, number]);
    if (!p) return null;
    const bold = r.kind === "country" || r.kind === "union";
    const text = this.text(r);
    return { id: r.id, text, x: p[0], y: p[1], priority, size, beside, width: measure(text, size, bold) };
  }

  /** Place symbols are obstacles: a label never covers a city's dot. */
  private dots(): { x0: number; y0: number; x1: number; y1: number }[] {
    const dots: { x0: number; y0: number; x1: number; y1: number }[] = [];
    if (this.camera.far) return dots;
    for (const r of this.regions.all()) {
      if (r.kind !== "place") continue;
      const p = this.camera.project(r.anchor as [number, number]);
      if (p) dots.push({ x0: p[0] - 3, y0: p[1] - 3, x1: p[0] + 3, y1: p[1] + 3 });
    }
    return dots;
  }
}
