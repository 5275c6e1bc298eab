/**
 * The map's story data on its regions (memberships, roles in an exercise,
 * disputes: `data-*` attributes the style sheet colours by) and the classes
 * a change of borders sets (a version shown or `off`, `approximate`),
 * written to the SVG at once, or held back while a picture of the map stands
 * for the SVG and the slider is dragged, then written in one go when it rests.
 *
 * Why: WebKit restyles and lays out the SVG for each such change (5 to 7 ms
 * for a dispute's areas, 7 to 8 ms for Karabakh's versions giving way to one
 * another, before the step's frame), though nothing of the SVG is painted
 * while the picture stands for it; the picture follows the held values
 * instead (`events/basemap.ts`). The key `class` stands for the element's
 * class attribute, every other key for a `data-*` attribute.
 */

/** The key of the class attribute among the data keys. */
export const CLASS = "class";

/** The values held for an element, by data key (undefined: removed), or undefined if none are. */
export type Held = (e: Element) => Readonly<Record<string, string | undefined>> | undefined;

/** One change: the element, the data key and its new value (undefined: removed). */
export type DataChange = [SVGElement, string, string | undefined];

function write([n, key, v]: DataChange): void {
  if (key === CLASS) n.setAttribute("class", v ?? "");
  else if (v === undefined) delete n.dataset[key];
  else n.dataset[key] = v;
}

export class HeldData {
  private held = new Map<SVGElement, Record<string, string | undefined>>();
  private to: ((nodes: SVGElement[]) => void) | null = null;
  /** Elements held since the last telling. */
  private readonly told = new Set<SVGElement>();

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

  /** The element's value for `key` as the map has it, held or written. */
  value(n: SVGElement, key: string): string | undefined {
    const d = this.held.get(n);
    if (d && key in d) return d[key];
    return key === CLASS ? (n.getAttribute("class") ?? "") : n.dataset[key];
  }

  /** Turn each class of `on` on or off for `n` as the map has it (held or written), as `classList.toggle` would. */
  toggle(n: SVGElement, on: Readonly<Record<string, boolean>>): void {
    const tokens = (this.value(n, CLASS) ?? "").split(/\s+/).filter(Boolean);
    const next = tokens.filter((c) => on[c] !== false);
    for (const c in on) if (on[c] && !next.includes(c)) next.push(c);
    if (next.length !== tokens.length || next.some((c, i) => c !== tokens[i])) this.set([[n, CLASS, next.join(" ")]]);
  }

  /**
   * Apply `changes` in order: to the SVG, or held; the elements held are told
   * once for all the changes of a task (a change of borders sets classes and
   * data of several elements), at its end, as a mutation observer would be.
   */
  set(changes: readonly DataChange[]): void {
    if (!this.to) return changes.forEach(write);
    if (!changes.length) return;
    const first = this.told.size === 0;
    for (const [n, key, v] of changes) {
      const d = this.held.get(n) ?? {};
      d[key] = v;
      this.held.set(n, d);
      this.told.add(n);
    }
    if (first) queueMicrotask(() => {
      const nodes = [...this.told];
      this.told.clear();
      this.to?.(nodes);
    });
  }

  readonly of: Held = (e) => this.held.get(e as SVGElement);
}
