/** Index of the first value >= x in an ascending array, searching from `lo` (the one binary search every sorted series uses). */
export function lowerBoundOf(sorted: ArrayLike<number>, x: number, lo = 0): number {
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
