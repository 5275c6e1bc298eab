/**
 * One binary search for the page's sorted lookups (overview states by day,
 * region versions by start, boundary days): how many of `n` items in
 * ascending order of `keyAt` have a key at or before `x`. The item holding
 * `x` is then the one before that count.
 */
export function countAtOrBefore(n: number, keyAt: (i: number) => number, x: number, from = 0): number {
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
