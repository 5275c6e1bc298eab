/**
 * The map's story data on its regions (memberships, roles in an exercise,
 * disputes: `data-*` attributes the style sheet colours by), written to the
 * SVG at once, or held back while a picture of the map stands for the SVG
 * and the slider is dragged, then written in one go when it rests.
 *
 * Why: WebKit restyles and lays out the SVG for each such change (5 to 7 ms
 * for a dispute's areas, before the step's frame), though nothing of the
 * SVG is painted while the picture stands for it; the picture follows the
 * held values instead (`events/basemap.ts`).
 */

/** The values held for an element, by data key (undefined: removed), or undefined if none are. */
export type Held = (e: Element) => Readonly<Record<string, string | undefined>> | undefined;

/** One change: the element, the data key and its new value (undefined: removed). */
export type DataChange = [SVGElement, string, string | undefined];

function write([n, key, v]: DataChange): void {
  if (v === undefined) delete n.dataset[key];
  else n.dataset[key] = v;
}

export class HeldData {
  private held = new Map<SVGElement, Record<string, string | undefined>>();
  private to: ((nodes: SVGElement[]) => void) | null = null;

  /** Hold changes from now on, telling `to` which elements they change. */
  hold(to: (nodes: SVGElement[]) => void): void {
    this.to = to;
  }

  /** Write what is held, and hold no more. */
  release(): void {
    this.to = null;
    const held = this.held;
    this.held = new Map();
    for (const [n, data] of held) for (const key in data) write([n, key, data[key]]);
  }

  /** Drop what is held for `n` (its data were just written whole, or cleared). */
  forget(n: SVGElement): void {
    this.held.delete(n);
  }

  /** The element's value for `key` as the map has it, held or written. */
  value(n: SVGElement, key: string): string | undefined {
    const d = this.held.get(n);
    return d && key in d ? d[key] : n.dataset[key];
  }

  /** Apply `changes` in order: to the SVG, or held. */
  set(changes: readonly DataChange[]): void {
    const to = this.to;
    if (!to) return changes.forEach(write);
    if (!changes.length) return;
    for (const [n, key, v] of changes) {
      const d = this.held.get(n) ?? {};
      d[key] = v;
      this.held.set(n, d);
    }
    to([...new Set(changes.map((c) => c[0]))]);
  }

  readonly of: Held = (e) => this.held.get(e as SVGElement);
}
