/**
 * The selected region: one value the whole UI listens to. The map sets it
 * when a region is clicked or activated from the keyboard; the excerpts panel,
 * the search box and the timeline react to it.
 */
export type SelectionListener = (id: string | null, previous: string | null) => void;

export class Selection {
  private current: string | null = null;
  private readonly listeners = new Set<SelectionListener>();

  get value(): string | null {
    return this.current;
  }

  set(id: string | null): void {
    if (id === this.current) return;
    const prev = this.current;
    this.current = id;
    for (const l of this.listeners) l(id, prev);
  }

  subscribe(l: SelectionListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
