/**
 * The selected region on the map: its element pressed and drawn above its
 * neighbours, and the provinces that take the pointer (all of them when
 * zoomed in, else those of the selected country).
 */
import type { Selection } from "../selection";
import { PROVINCE_ZOOM } from "./camera";
import type { RegionsInForce } from "./regions";
import type { RegionShapes } from "./shapes";

export class SelectionMarks {
  constructor(
    private readonly shapes: RegionShapes,
    private readonly provinces: SVGGElement | undefined,
    private readonly regions: RegionsInForce,
    private readonly selection: Selection,
    private readonly zoom: () => number,
  ) {}

  /** Mark `id` selected instead of `prev`. */
  show(id: string | null, prev: string | null): void {
    if (prev) {
      const n = this.shapes.node(prev);
      n?.setAttribute("aria-pressed", "false");
      n?.classList.remove("selected");
    }
    if (id) {
      const n = this.shapes.node(id);
      n?.setAttribute("aria-pressed", "true");
      n?.classList.add("selected");
      // Draw the selection above its neighbours so its outline shows whole.
      if (n && n.parentNode && n.tagName === "path") n.parentNode.append(n);
    }
    this.updateProvinces();
  }

  /** Provinces take the pointer when zoomed in or inside the selected country. */
  updateProvinces(): void {
    const sel = this.selection.value;
    const selCountry = sel ? (this.regions.get(sel)?.country ?? null) : null;
    const zoomed = this.zoom() >= PROVINCE_ZOOM;
    this.provinces?.classList.toggle("active", zoomed);
    for (const node of this.provinces?.children ?? []) {
      const c = (node as SVGElement).dataset.country ?? null;
      // Through the map's classes, which a change of borders may hold while the slider is dragged.
      this.shapes.data.toggle(node as SVGElement, { open: !zoomed && c !== null && c === selCountry });
    }
  }
}
