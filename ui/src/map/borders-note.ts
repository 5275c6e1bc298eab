/**
 * The note of a change of borders on the map, in words (a polite live
 * region): told as it happens when the date steps or plays; while the
 * slider is dragged the changes are summed up once it rests (from where the
 * drag began). The words stay a few seconds, then go: a sentence about one
 * move must not stand on the map at a later date it does not describe.
 */
import type { Region, RegionVersion } from "../api/bindings";
import { describeBorders } from "./borders";
import type { AtlasMap, VersionChange } from "./map";
import { versionAt } from "./versions";

/** How long the words for a change of borders stay on the map. */
const BORDERS_NOTE_MS = 8000;

export class BordersNote {
  readonly element: HTMLDivElement;
  /** The date the last move came to. */
  private day: number;
  /** The regions changed while the slider is dragged, and where the drag began. */
  private pending: { from: number; regions: Map<string, Region> } | null = null;
  private timer = 0;

  constructor(host: HTMLElement, private readonly map: AtlasMap, firstDay: number) {
    this.day = firstDay;
    // The borders of the date, in words: what the last move changed.
    this.element = document.createElement("div");
    this.element.className = "map-borders";
    this.element.setAttribute("role", "status");
    this.element.setAttribute("aria-live", "polite");
    this.element.id = "map-borders";
    host.append(this.element);
  }

  /** The date moved to `day`, changing the versions of `changes` on the map. */
  moved(changes: readonly VersionChange[], day: number): void {
    if (changes.length) {
      if (this.map.moving) {
        this.pending ??= { from: this.day, regions: new Map() };
        for (const c of changes) this.pending.regions.set(c.region.id, c.region);
      } else {
        this.tell(changes, this.day, day);
      }
    }
    this.day = day;
  }

  /** The slider came to rest at `day`: the map settles and the drag's net change is told. */
  settle(day: number): void {
    this.map.settle();
    if (!this.pending) return;
    const { from, regions } = this.pending;
    this.pending = null;
    const net = [...regions.values()]
      .map((r) => ({ from: versionAt(r.versions, from), to: this.map.versionOf(r.id) }))
      .filter((c) => c.from !== c.to);
    this.tell(net, from, day);
  }

  private tell(changes: readonly { from: RegionVersion | null; to: RegionVersion | null }[], from: number, to: number): void {
    const text = describeBorders(changes, to >= from, to);
    if (!text) return;
    this.element.textContent = text;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => (this.element.textContent = ""), BORDERS_NOTE_MS);
  }
}
