import { describe, expect, it } from 'vitest';
import type { BacktestStats } from '../../../../../shared/contract';
import { MINUTE_MS } from '../../../../../shared/domain/interval';
import { walkForward, type GridEvaluator } from '../../../../../src-main/research/optimize/walk-forward';
import { walkForwardWindows } from '../../../../../src-main/research/optimize/walk-forward-windows';
import { STATS } from '../../../src-renderer/backtest/backtest-fixtures';
import { columnsFromBars } from '../../../../../shared/domain/bar-columns';
import { bar } from '../../../../../shared/domain/bar';

// A zig-zag every 10 minutes, so SMA crosses happen in every window.
const T0 = Date.UTC(2024, 0, 1);
const bars = columnsFromBars(Array.from({ length: 500 }, (_, i) => {
  const p = 100 + (Math.floor(i / 10) % 2 === 0 ? i % 10 : 10 - (i % 10));
  return bar(T0 + i * MINUTE_MS, p, p + 1, p - 1, p, 1, 1, true);
}));
const job = { strategy: 'sma-cross', setup: { market: 'crypto', intervalMs: MINUTE_MS }, config: { market: 'crypto', intervalMs: MINUTE_MS, fractional: true } } as const;
const grid = [{ fast: 2, slow: 5 }];
/** Every in-sample window "returns" 21%, whatever its bars. */
const promising: GridEvaluator = (_bars, sets) => Promise.resolve(sets.map((params) => ({ params, ok: true as const, stats: { ...STATS, returnPct: 21, sharpe: 1 } satisfies BacktestStats })));

describe('walkForward', () => {
  it('compares out-of-sample returns with the in-sample rate carried over the same bars, not overlapping windows compounded', async () => {
    const windows = walkForwardWindows(bars.length, 4, 1, 3);
    const report = await walkForward(bars, windows, grid, 'sharpe', job, promising);
    expect(report.folds).toHaveLength(3);
    expect(report.failedFolds).toBe(0);
    let oos = 1;
    let is = 1;
    for (const [i, fold] of report.folds.entries()) {
      const w = windows[i]!;
      expect(fold.outOfSample?.bars).toBe(w.oosEnd - w.isEnd);
      oos *= 1 + (fold.outOfSample?.returnPct ?? NaN) / 100;
      is *= 1.21 ** ((w.oosEnd - w.isEnd) / (w.isEnd - w.isStart));
    }
    expect(report.oosReturnPct).toBeCloseTo((oos - 1) * 100, 12);
    // IS windows 4x as long as OOS: three folds at 1.21^(1/4) each, i.e. 1.21^(3/4) - 1 = 15.35...%, not 1.21^3 - 1 = 77%.
    expect(report.isReturnPct).toBeCloseTo((is - 1) * 100, 12);
    expect(report.isReturnPct).toBeCloseTo((1.21 ** 0.75 - 1) * 100, 9);
  });

  it('leaves a fold with no winner out of both figures and counts it, instead of a 0% fold', async () => {
    const windows = walkForwardWindows(bars.length, 4, 1, 3);
    let call = 0;
    const secondFails: GridEvaluator = (b, sets) => (++call === 2 ? Promise.resolve([]) : promising(b, sets));
    const report = await walkForward(bars, windows, grid, 'sharpe', job, secondFails);
    expect(report.failedFolds).toBe(1);
    expect(report.folds[1]).toMatchObject({ params: null, outOfSample: null });
    const counted = [report.folds[0]!, report.folds[2]!];
    const oos = counted.reduce((acc, f) => acc * (1 + (f.outOfSample?.returnPct ?? NaN) / 100), 1);
    expect(report.oosReturnPct).toBeCloseTo((oos - 1) * 100, 12);
    expect(report.oosTrades).toBe(counted.reduce((n, f) => n + (f.outOfSample?.trades ?? 0), 0));
  });
});
