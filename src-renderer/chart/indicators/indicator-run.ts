import type { ChartIndicator } from '../../../shared/chart/chart-indicator-settings';
import type { BarList } from '../../bars/bar-book';
import { stepperFor, type IndicatorStepper } from './indicator-steppers';

/** The session a bar at `time` belongs to (VWAP restarts with it). */
export type SessionKeyOf = (time: number) => number;

/**
 * One indicator over a pane's bars, kept up to date incrementally: every bar
 * but the last is stepped once into a committed state; the last bar (the
 * one still forming) is stepped into a copy of it, again at each update. An
 * update costs the new bars plus one copy, never the whole history; a
 * snapshot, a rebuild or older bars put in front recompute it all (`reset`).
 * The values equal the shared library's batch functions over the same bars.
 */
export class IndicatorRun {
  /** values[output][i]: the output at bar i (NaN during warm-up). */
  private readonly columns: number[][];
  private committed: IndicatorStepper;
  /** Bars stepped into `committed` (all but the last). */
  private count = 0;
  private lastCommittedTime = Number.NaN;

  constructor(
    private readonly indicator: ChartIndicator,
    private readonly sessionKeyOf: SessionKeyOf,
  ) {
    this.committed = stepperFor(indicator);
    this.columns = Array.from({ length: this.committed.outputs }, () => []);
  }

  get outputs(): number {
    return this.columns.length;
  }

  /** The values of output `k`, one per bar of the last reset/update. */
  values(k: number): readonly number[] {
    return this.columns[k] ?? [];
  }

  /** Recomputes over all of `bars`. */
  reset(bars: BarList): void {
    this.committed = stepperFor(this.indicator);
    for (const column of this.columns) column.length = 0;
    this.count = 0;
    this.lastCommittedTime = Number.NaN;
    this.advance(bars);
  }

  /**
   * Takes `bars` after an in-place update (every change at or after the last
   * bar seen); returns the first index whose values may have changed. Bars
   * that do not continue what was committed are recomputed from scratch (0).
   */
  update(bars: BarList): number {
    const n = bars.length;
    const continues = this.count === 0 || (this.count <= n && bars[this.count - 1]?.time === this.lastCommittedTime);
    if (!continues || n < this.count) {
      this.reset(bars);
      return 0;
    }
    const from = this.count;
    this.advance(bars);
    return from;
  }

  private advance(bars: BarList): void {
    const n = bars.length;
    for (let i = this.count; i < n - 1; i++) {
      const bar = bars[i];
      if (bar === undefined) break;
      this.write(i, this.committed.step(bar, this.sessionKeyOf(bar.time)));
      this.lastCommittedTime = bar.time;
    }
    this.count = Math.max(this.count, n - 1);
    const last = bars[n - 1];
    if (last !== undefined) this.write(n - 1, this.committed.clone().step(last, this.sessionKeyOf(last.time)));
    for (const column of this.columns) column.length = n;
  }

  private write(i: number, values: readonly number[]): void {
    this.columns.forEach((column, k) => {
      column[i] = values[k] ?? Number.NaN;
    });
  }
}
