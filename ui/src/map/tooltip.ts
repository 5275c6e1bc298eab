/**
 * The name of the region under the pointer or with keyboard focus, in a
 * tooltip beside it. It says the name of the map's date in the map's
 * language, so it asks the map for the name each time it shows.
 */
export class Tooltip {
  constructor(
    private readonly box: HTMLDivElement,
    /** The map's container, which the tooltip is placed in. */
    private readonly host: HTMLElement,
    private readonly displayName: (id: string) => string,
  ) {}

  get hidden(): HTMLElement["hidden"] {
    return this.box.hidden;
  }

  hide(): void {
    this.box.hidden = true;
  }

  /** Show the region's name beside the pointer. */
  showAt(id: string, e: PointerEvent): void {
    this.box.textContent = this.displayName(id);
    this.box.hidden = false;
    this.move(e);
  }

  move(e: PointerEvent): void {
    const host = this.host.getBoundingClientRect();
    this.box.style.left = `${e.clientX - host.left + 14}px`;
    this.box.style.top = `${e.clientY - host.top + 14}px`;
  }

  /** Show the region's name beside its focused element. */
  showBeside(id: string, node: Element): void {
    const r = node.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    this.box.textContent = this.displayName(id);
    this.box.hidden = false;
    this.box.style.left = `${r.left - host.left + r.width / 2 + 8}px`;
    this.box.style.top = `${r.top - host.top + r.height / 2 + 8}px`;
  }
}
