/**
 * What the story layer asks of whatever draws the many events: the GPU
 * layer (`gl-layer.ts`) where WebGL2 works, else the canvas dots
 * (`timeline/dots.ts`). Two ways in: the local columns at a day (the slider's
 * hot path, where the GPU decides per event) and an explicit list (the
 * core's answer when an organization filter is on, which the columns cannot
 * answer). Events drawn as symbols are left out by their column index.
 */
import type { EventKind } from "../api/bindings";
import type { LocalIndex } from "../timeline/columns";

export interface ListDot {
  lonlat: [number, number];
  kind: EventKind;
  certainty: number;
}

export interface EventLayer {
  readonly canvas: HTMLCanvasElement;
  /** Every event of the local columns on at `day` whose kind bit is in `mask`, except the column indices in `skip`. */
  showLocal(local: LocalIndex, day: number, mask: number, skip: ReadonlySet<number>): void;
  /** Exactly these dots. */
  showList(dots: readonly ListDot[]): void;
  /** The map's projection changed: places are projected again. */
  resetProjection(): void;
}

/** Whether column event `i` is on at `day` under `mask` (the local index's rule for one event). */
export function isOn(local: LocalIndex, i: number, day: number, mask: number): boolean {
  const c = local.cols;
  return c.lo[i]! <= day && day <= c.hi[i]! && ((mask >>> c.kind[i]!) & 1) === 1;
}
