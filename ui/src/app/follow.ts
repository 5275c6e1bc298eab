/**
 * "Follow the story": with its box ticked, the map glides to each event as
 * it begins (the first new one of a draw), at least at zoom 2.
 */
import type { ActiveEvent } from "../api/bindings";
import type { AtlasMap } from "../map/map";

/** Where an event is, for the map to glide to: a point, or the end of its path. */
function placeOf(e: ActiveEvent): [number, number] | undefined {
  const g = e.geometry;
  const p = g.type === "Point" ? g.coordinates : g.type === "LineString" || g.type === "MultiPoint" ? g.coordinates[g.coordinates.length - 1] : g.type === "MultiLineString" ? g.coordinates[0]?.at(-1) : undefined;
  return p as [number, number] | undefined;
}

export class Follow {
  private seenStarting = new Set<string>();

  constructor(private readonly box: HTMLInputElement, private readonly map: AtlasMap, checked: boolean, changed: () => void) {
    box.checked = checked;
    box.addEventListener("change", () => changed());
  }

  get on(): boolean {
    return this.box.checked;
  }

  /** A draw showed `shown`: glide to an event that has just begun. */
  see(shown: ActiveEvent[]): void {
    if (!this.box.checked) return;
    const fresh = shown.filter((e) => e.phase === "starting" && !this.seenStarting.has(e.id));
    const target = fresh[0];
    if (target) {
      const p = placeOf(target);
      if (p) this.map.glideTo(p, Math.max(this.map.zoom, 2));
    }
    this.seenStarting = new Set(shown.filter((e) => e.phase === "starting").map((e) => e.id));
  }
}
