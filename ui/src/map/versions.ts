/**
 * Which version of each region is in force on a day, decided in the page so
 * the map follows the slider without asking the core at every step.
 *
 * The core guarantees a region's versions are in time order, half-open
 * ([lo, hi)) and never overlap (checked when the dataset loads), so a binary
 * search on `lo` finds the one in force. Between two boundary days (a day
 * some version starts or ends) nothing changes; `Epochs` says when a day
 * lies in another stretch, so most moves of the slider cost one comparison.
 */
import type { Region, RegionVersion } from "../api/bindings";
import { countAtOrBefore } from "../sorted";

/** The version of `versions` (sorted, non-overlapping) in force on `day`, if any. */
export function versionAt(versions: readonly RegionVersion[], day: number): RegionVersion | null {
  // The last version starting at or before `day` may hold it.
  const v = versions[countAtOrBefore(versions.length, (i) => versions[i]!.lo, day) - 1];
  return v && day < v.hi ? v : null;
}

/** The stretches of time between boundary days, numbered from 0. */
export class Epochs {
  private readonly bounds: number[];

  constructor(regions: readonly Region[]) {
    const days = new Set<number>();
    for (const r of regions) for (const v of r.versions) days.add(v.lo).add(v.hi);
    this.bounds = [...days].sort((a, b) => a - b);
  }

  /** The stretch holding `day`: the number of boundary days at or before it. */
  of(day: number): number {
    return countAtOrBefore(this.bounds.length, (i) => this.bounds[i]!, day);
  }

  /** Boundary days in (from, to], in time order: the changes a move crosses. */
  crossed(from: number, to: number): number[] {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return this.bounds.filter((d) => d > a && d <= b);
  }
}
