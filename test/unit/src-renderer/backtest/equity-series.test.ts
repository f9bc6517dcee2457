import { describe, expect, it } from 'vitest';
import type { EquityCurve } from '../../../../shared/contract';
import { columnPoints, compareCurves, drawdownPoints, equityPoints } from '../../../../src-renderer/backtest/equity-series';
import { T0 } from './backtest-fixtures';

const H = 3_600_000;
const S0 = T0 / 1000;

function curve(equity: readonly number[], drawdownPct: readonly number[] = equity.map(() => 0)): EquityCurve {
  return { time: equity.map((_, i) => T0 + i * H), equity: [...equity], drawdownPct: [...drawdownPct] } as EquityCurve;
}

describe('equity series', () => {
  it('pairs columns into ascending whole-second points', () => {
    // 1500 ms falls in the same second as 1000 ms and replaces it; 500 ms is out of order; NaN is skipped.
    expect(columnPoints([0, 1000, 1500, 500, 3000], [1, 2, 3, 4, Number.NaN])).toEqual([
      { time: 0, value: 1 },
      { time: 1, value: 3 },
    ]);
    expect(columnPoints([0, 1000, 2000], [5, 6])).toEqual([
      { time: 0, value: 5 },
      { time: 1, value: 6 },
    ]);
  });

  it('makes the equity and drawdown lines of a run', () => {
    const c = curve([10_000, 10_200, 9_690], [0, 0, -5]);
    expect(equityPoints(c)).toEqual([
      { time: S0, value: 10_000 },
      { time: S0 + 3600, value: 10_200 },
      { time: S0 + 7200, value: 9_690 },
    ]);
    expect(drawdownPoints(c).map((p) => p.value)).toEqual([0, 0, -5]);
  });

  it('compares in money when both runs start from the same equity', () => {
    const compared = compareCurves(curve([10_000, 11_000]), curve([10_000, 9_000]));
    expect(compared.unit).toBe('equity');
    expect(compared.a.map((p) => p.value)).toEqual([10_000, 11_000]);
    expect(compared.b.map((p) => p.value)).toEqual([10_000, 9_000]);
  });

  it('compares as return in percent when the starting equity differs', () => {
    const compared = compareCurves(curve([10_000, 11_000]), curve([20_000, 19_000]));
    expect(compared).toEqual({
      unit: 'returnPct',
      a: [
        { time: S0, value: 0 },
        { time: S0 + 3600, value: 10 },
      ],
      b: [
        { time: S0, value: 0 },
        { time: S0 + 3600, value: -5 },
      ],
    });
  });

  it('falls back to money for an empty curve', () => {
    expect(compareCurves(curve([]), curve([20_000])).unit).toBe('equity');
  });
});
