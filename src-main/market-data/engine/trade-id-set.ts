/**
 * The trade ids seen in one bar, as sorted disjoint ranges [lo, hi]. Exchange
 * trade ids rise one by one, so a minute of any size is usually one range:
 * O(1) memory and time where a Set of every id grew to hundreds of thousands
 * of entries at busy times (and stalled the event loop each time it rehashed).
 * Out-of-order and duplicate ids still work: a binary search finds the range.
 */
export class TradeIdSet {
  private readonly los: number[] = [];
  private readonly his: number[] = [];

  /** Number of ranges (1 for a contiguous run). */
  get ranges(): number {
    return this.los.length;
  }

  has(id: number): boolean {
    const i = this.rangeAtOrBefore(id);
    return i >= 0 && id <= (this.his[i] ?? Number.NEGATIVE_INFINITY);
  }

  /** Adds `id`; returns false when it was already there. */
  add(id: number): boolean {
    const n = this.los.length;
    const lastHi = this.his[n - 1];
    // The common case: the next id in sequence.
    if (lastHi !== undefined && id === lastHi + 1) {
      this.his[n - 1] = id;
      return true;
    }
    const i = this.rangeAtOrBefore(id);
    if (i >= 0 && id <= (this.his[i] ?? Number.NEGATIVE_INFINITY)) return false;
    const joinsLeft = i >= 0 && id === (this.his[i] ?? Number.NaN) + 1;
    const joinsRight = i + 1 < n && id === (this.los[i + 1] ?? Number.NaN) - 1;
    if (joinsLeft && joinsRight) {
      this.his[i] = this.his[i + 1] ?? id;
      this.los.splice(i + 1, 1);
      this.his.splice(i + 1, 1);
    } else if (joinsLeft) this.his[i] = id;
    else if (joinsRight) this.los[i + 1] = id;
    else {
      this.los.splice(i + 1, 0, id);
      this.his.splice(i + 1, 0, id);
    }
    return true;
  }

  /** Index of the last range starting at or before `id`, or -1. */
  private rangeAtOrBefore(id: number): number {
    let lo = 0;
    let hi = this.los.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.los[mid] ?? Number.POSITIVE_INFINITY) <= id) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
