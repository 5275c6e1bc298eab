/**
 * How the map is handled: a click, Enter or space on a region selects it
 * (and zooms to a small one), the keys pan and zoom, the pointer and focus
 * show the region's name, the wheel zooms at the pointer and a drag pans
 * (a click that ends a drag selects nothing).
 */
import type { Selection } from "../selection";
import type { Camera } from "./camera";
import type { RegionsInForce } from "./regions";
import type { Tooltip } from "./tooltip";

export interface InteractionParts {
  svg: SVGSVGElement;
  container: HTMLElement;
  regions: RegionsInForce;
  selection: Selection;
  camera: Camera;
  tooltip: Tooltip;
}

/** Whether the pointer moved far enough since it went down to make a drag. */
interface DragState {
  dragged: boolean;
}

export function bindInteraction(parts: InteractionParts): void {
  const drag: DragState = { dragged: false };
  bindActivation(parts, drag);
  bindKeys(parts.container, parts.camera);
  bindHover(parts.svg, parts.tooltip);
  bindWheelAndDrag(parts.svg, parts.camera, drag);
}

/** Select the region whose element holds `target` (the hit test: the nearest `[data-id]`). */
function bindActivation({ svg, regions, selection, camera }: InteractionParts, drag: DragState): void {
  const activate = (target: EventTarget | null) => {
    const node = (target as Element | null)?.closest?.("[data-id]") as SVGElement | null;
    const id = node?.dataset.id;
    if (!id) return;
    selection.set(id);
    const r = regions.get(id);
    if (r && (r.kind === "country" || r.kind === "province" || r.kind === "disputed")) camera.reveal(regions.versionOf(id)?.bbox ?? r.bbox);
  };
  svg.addEventListener("click", (e) => {
    if (drag.dragged) return;
    activate(e.target);
  });
  svg.addEventListener("keydown", (e) => {
    const target = e.target as Element;
    if ((e.key === "Enter" || e.key === " ") && target.closest("[data-id]")) {
      e.preventDefault();
      activate(target);
    }
  });
}

function bindKeys(container: HTMLElement, camera: Camera): void {
  container.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = 60;
    const actions: Record<string, () => void> = {
      "+": () => camera.zoomBy(1.4),
      "=": () => camera.zoomBy(1.4),
      "-": () => camera.zoomBy(1 / 1.4),
      "0": () => camera.reset(),
      ArrowLeft: () => camera.panBy(step, 0),
      ArrowRight: () => camera.panBy(-step, 0),
      ArrowUp: () => camera.panBy(0, step),
      ArrowDown: () => camera.panBy(0, -step),
    };
    const a = actions[e.key];
    if (a && (e.target as Element).closest(".map")) {
      e.preventDefault();
      a();
    }
  });
}

function bindHover(svg: SVGSVGElement, tooltip: Tooltip): void {
  svg.addEventListener("pointerover", (e) => {
    const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
    if (node?.dataset.id) {
      node.classList.add("hover");
      tooltip.showAt(node.dataset.id, e);
    }
  });
  svg.addEventListener("pointerout", (e) => {
    const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
    node?.classList.remove("hover");
    tooltip.hide();
  });
  svg.addEventListener("pointermove", (e) => {
    if (!tooltip.hidden) tooltip.move(e);
  });
  svg.addEventListener("focusin", (e) => {
    const node = (e.target as Element).closest("[data-id]") as SVGElement | null;
    if (node?.dataset.id) tooltip.showBeside(node.dataset.id, node);
  });
  svg.addEventListener("focusout", () => tooltip.hide());
}

function bindWheelAndDrag(svg: SVGSVGElement, camera: Camera, drag: DragState): void {
  svg.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      camera.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );
  let start: { x: number; y: number; tx: number; ty: number } | null = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    start = { x: e.clientX, y: e.clientY, tx: camera.tx, ty: camera.ty };
    drag.dragged = false;
  });
  window.addEventListener("pointermove", (e) => {
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!drag.dragged && Math.hypot(dx, dy) < 4) return;
    drag.dragged = true;
    svg.classList.add("dragging");
    camera.moveTo(start.tx + dx, start.ty + dy);
  });
  window.addEventListener("pointerup", () => {
    start = null;
    svg.classList.remove("dragging");
    // Let the click that ends a drag see `dragged`, then clear it.
    setTimeout(() => (drag.dragged = false), 0);
  });
}
