/**
 * The map's frame: the stacked SVGs (base map, labels, story overlay), the
 * groups the layers are drawn in, the tooltip, the zoom buttons and the
 * scale bar. Built once; the camera's transform is written onto it after
 * each move.
 */
import { label, onLocaleChange } from "../i18n/i18n";
import type { Camera } from "./camera";
import { GROUPS, type GroupName } from "./groups";
import { kmPerPixel, niceLength } from "./projection";
import { el } from "./svg";

export interface MapFrame {
  svg: SVGSVGElement;
  /** Patterns, and the clips of a world framing. */
  defs: SVGDefsElement;
  viewport: SVGGElement;
  groups: Map<GroupName, SVGGElement>;
  labelSvg: SVGSVGElement;
  labelGroup: SVGGElement;
  /** Above the base map, zoomed with it: for the story's symbols. */
  overlay: SVGGElement;
  overlaySvg: SVGSVGElement;
  overlayViewport: SVGGElement;
  tooltip: HTMLDivElement;
  scaleBar: SVGGElement;
}

function defs(): SVGDefsElement {
  const defs = el("defs");
  const hatch = el("pattern", { id: "hatch", width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  hatch.append(el("line", { x1: "0", y1: "0", x2: "0", y2: "6", class: "hatch-line" }));
  defs.append(hatch);
  return defs;
}

/** The frame, its map named `name`. */
export function buildFrame(name: string): MapFrame {
  const svg = el("svg", { class: "atlas", role: "group", "aria-label": name, width: "100%", height: "100%" });
  const patterns = defs();
  svg.append(patterns);
  const sea = el("rect", { class: "sea", x: "-10000", y: "-10000", width: "30000", height: "30000" });
  const viewport = el("g", { class: "viewport" });
  viewport.append(sea);
  const groups = new Map<GroupName, SVGGElement>();
  for (const group of GROUPS) {
    const g = el("g", { class: `layer layer-${group}` });
    // A named group of region buttons (a label needs a role to be allowed).
    if (group === "water" || group === "world") g.setAttribute("aria-hidden", "true");
    else {
      g.setAttribute("role", "group");
      label(g, `map-layer-${group}`);
    }
    groups.set(group, g);
    viewport.append(g);
  }
  // Story symbols live in an SVG of their own, stacked on the map with the
  // same zoom transform: their animations then repaint that small layer
  // only, not the hundreds of region paths beneath.
  const overlaySvg = el("svg", { class: "atlas-overlay", "aria-hidden": "true", width: "100%", height: "100%" });
  const overlayViewport = el("g", { class: "viewport" });
  const overlay = el("g", { class: "overlay" });
  overlayViewport.append(overlay);
  overlaySvg.append(overlayViewport);
  // Labels too have an SVG of their own: in the map's, hiding or renaming
  // one label while the slider is dragged made WebKit lay out and repaint
  // the whole map (10 ms and 25 ms); here it repaints the label's box.
  const labelSvg = el("svg", { class: "atlas-labels", "aria-hidden": "true", width: "100%", height: "100%" });
  const labelGroup = el("g", { class: "labels" });
  labelSvg.append(labelGroup);
  const scaleBar = el("g", { class: "scalebar", "aria-hidden": "true" });
  svg.append(viewport, scaleBar);

  const tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  return { svg, defs: patterns, viewport, groups, labelSvg, labelGroup, overlay, overlaySvg, overlayViewport, tooltip, scaleBar };
}

/** The zoom buttons. */
export function zoomControls(zoomBy: (f: number) => void, reset: () => void): HTMLElement {
  const box = document.createElement("div");
  box.className = "map-controls";
  box.setAttribute("role", "group");
  label(box, "map-zoom");
  const mk = (id: string, text: string, fn: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    label(b, id);
    // The name is also the button's tooltip.
    b.title = b.getAttribute("aria-label") ?? "";
    onLocaleChange(() => (b.title = b.getAttribute("aria-label") ?? ""));
    b.addEventListener("click", fn);
    box.append(b);
  };
  mk("map-zoom-in", "+", () => zoomBy(1.6));
  mk("map-zoom-out", "−", () => zoomBy(1 / 1.6));
  mk("map-reset", "⟲", () => reset());
  return box;
}

/** Write the camera's zoom and pan onto the zoomed groups. */
export function applyCamera(frame: MapFrame, camera: Camera): void {
  const t = camera.transform;
  frame.viewport.setAttribute("transform", t);
  frame.overlayViewport.setAttribute("transform", t);
  frame.svg.style.setProperty("--k", String(camera.k));
  frame.overlaySvg.style.setProperty("--k", String(camera.k));
}

/** A round length in km, about 120 px long, at the map's lower left. */
export function drawScaleBar(scaleBar: SVGGElement, camera: Camera): void {
  const x = 20;
  const y = camera.height - 28;
  const kmPx = kmPerPixel(camera.projection, (x + 60 - camera.tx) / camera.k, (y - camera.ty) / camera.k) / camera.k;
  const km = niceLength(kmPx * 120);
  const px = km / kmPx;
  if (!(px > 0)) return;
  const bar = el("rect", { x: String(x), y: String(y), width: px.toFixed(1), height: "5", class: "scale-rect" });
  const label = el("text", { x: String(x), y: String(y - 6), class: "scale-label" });
  label.textContent = `${km.toLocaleString("en")} km`;
  scaleBar.replaceChildren(bar, label);
  scaleBar.setAttribute("data-km", String(km));
}
