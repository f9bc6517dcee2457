/**
 * The highest (or lowest) of the last `period` values, O(1) amortised per
 * value with a monotonic deque: the deque holds the bars that can still become
 * the extreme (each later value is lower, for a maximum), so the front is the
 * answer; a value leaves at most once. Stochastic's highest high / lowest low
 * (TA-Lib rescans the window instead; the values are the same).
 */
export class RollingExtreme {
  /** The deque as a ring of (bar number, value), `size` entries from `head`. */
  private readonly bars: Float64Array;
  private readonly values: Float64Array;
  private head = 0;
  private size = 0;
  private count = 0;

  /** `kind`: 'max' for the highest value, 'min' for the lowest. */
  constructor(
    readonly period: number,
    private readonly kind: 'max' | 'min',
  ) {
    this.bars = new Float64Array(period);
    this.values = new Float64Array(period);
  }

  /** Adds `x`; returns the extreme of the last `period` values (of all of them while fewer have been added). */
  push(x: number): number {
    const cap = this.period;
    const bar = this.count++;
    // The front leaves once it is `period` bars old.
    if (this.size > 0 && (this.bars[this.head] ?? 0) <= bar - cap) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    // Entries that x dominates can never be the extreme again.
    const isMax = this.kind === 'max';
    while (this.size > 0) {
      const back = (this.head + this.size - 1) % cap;
      const v = this.values[back] ?? 0;
      if (isMax ? v > x : v < x) break;
      this.size--;
    }
    const slot = (this.head + this.size) % cap;
    this.bars[slot] = bar;
    this.values[slot] = x;
    this.size++;
    return this.values[this.head] ?? Number.NaN;
  }
}
