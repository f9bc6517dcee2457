/**
 * The sum of the last `period` values, kept as TA-Lib's INT_SMA keeps it: one
 * running total, the new value added, the total read, then the value leaving
 * the window subtracted. The same additions and subtractions in the same
 * order as the batch loops in sma.ts and TA-Lib's, so the results agree to
 * the last bit (including the slow drift a running sum has over long series).
 * O(1) per value: a ring buffer of the window.
 */
export class RollingSum {
  private readonly ring: Float64Array;
  private total = 0;
  /** Values seen, counted up to period − 1 (then the window is full). */
  private seen = 0;
  /** Ring slot the next value goes to; after a push, the slot of the oldest value in the window. */
  private next = 0;

  constructor(readonly period: number) {
    this.ring = new Float64Array(period);
  }

  /** Adds `x`; returns the sum of the last `period` values, or NaN until `period` values have been added. */
  push(x: number): number {
    this.total += x;
    this.ring[this.next] = x;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
    if (this.seen < this.period - 1) {
      this.seen++;
      return Number.NaN;
    }
    const sum = this.total;
    this.total -= this.ring[this.next] ?? 0;
    return sum;
  }
}
