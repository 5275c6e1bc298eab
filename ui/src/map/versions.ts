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

/** The version of `versions` (sorted, non-overlapping) in force on `day`, if any. */
export function versionAt(versions: readonly RegionVersion[], day: number): RegionVersion | null {
  let lo = 0;
  let hi = versions.length;
  // First version whose start is after `day`; the one before it may hold `day`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (versions[mid]!.lo <= day) lo = mid + 1;
    else hi = mid;
  }
  const v = versions[lo - 1];
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
    let lo = 0;
    let hi = this.bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Boundary days in (from, to], in time order: the changes a move crosses. */
  crossed(from: number, to: number): number[] {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return this.bounds.filter((d) => d > a && d <= b);
  }
}
