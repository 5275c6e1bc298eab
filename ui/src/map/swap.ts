/**
 * A region's shape giving way to the shape of its next version when the
 * date crosses a change of borders: the region's element, name and story
 * data move to the new shape, cross-faded when the date steps or plays,
 * swapped at once otherwise. Keyboard focus moves with the region.
 */
import { setAttr } from "./attrs";
import type { DataChange } from "./held-data";
import type { VersionChange } from "./regions";
import type { RegionShapes } from "./shapes";

/** How long a shape takes to give way to the next version of its region. */
const FADE_MS = 450;

export class ShapeSwap {
  private readonly fadeTimers = new WeakMap<SVGElement, number>();

  constructor(private readonly shapes: RegionShapes) {}

  /** Show each changed region's new shape in place of its old one. */
  swap(changes: readonly VersionChange[], fade: boolean): void {
    const shapes = this.shapes;
    for (const c of changes) {
      const oldNode = c.from ? shapes.feature(c.from.feature) : undefined;
      const newNode = c.to ? shapes.feature(c.to.feature) : undefined;
      if (c.to && !newNode && oldNode) {
        // The new shape is still loading: the old one stays, under the new name, until it comes.
        shapes.dress(oldNode, c.region, c.to);
        continue;
      }
      shapes.setNode(c.region.id, newNode);
      if (newNode) shapes.dress(newNode, c.region, c.to);
      if (oldNode === newNode) continue;
      // Keyboard focus moves with the region to its new shape.
      const focused = oldNode !== undefined && document.activeElement === oldNode;
      if (oldNode) this.hide(oldNode, fade);
      if (newNode) this.show(newNode, fade && oldNode !== undefined);
      if (focused) newNode?.focus();
    }
  }

  // Classes and data go the way the story data go: written, or held while a picture stands for the SVG.
  private show(node: SVGElement, fade: boolean): void {
    clearTimeout(this.fadeTimers.get(node));
    this.shapes.data.toggle(node, { off: false, "fade-out": false, "fade-in": fade });
  }

  private hide(node: SVGElement, fade: boolean): void {
    clearTimeout(this.fadeTimers.get(node));
    const data = this.shapes.data;
    setAttr(node, "aria-pressed", "false");
    data.set([...this.shapes.dataKeys()].map((key): DataChange => [node, key, undefined]));
    data.toggle(node, { "fade-in": false, hover: false, selected: false, off: !fade, "fade-out": fade });
    if (!fade) return;
    this.fadeTimers.set(node, window.setTimeout(() => data.toggle(node, { "fade-out": false, off: true }), FADE_MS));
  }
}
