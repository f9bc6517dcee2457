import { describe, expect, it } from 'vitest';
import type { EquityCurve } from '../../../../../shared/contract';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { thinEquity } from '../../../../../src-main/research/backtest-runs/thin-equity';

const curve = (drawdowns: number[]): EquityCurve => ({
  time: drawdowns.map((_, i) => i as EpochMs),
  equity: drawdowns.map((d, i) => 100 + i + d),
  drawdownPct: drawdowns,
});

describe('thinEquity', () => {
  it('keeps a curve within the limit as it is', () => {
    const c = curve([0, -1, 0]);
    expect(thinEquity(c, 10)).toBe(c);
  });

  it('keeps each bucket\'s deepest drawdown and its last point, in time order', () => {
    // 12 points, max 6 → 3 buckets of 4: [0..3], [4..7], [8..11].
    const c = curve([0, -2, -1, 0, 0, 0, -5, -3, -1, -1, 0, -4]);
    const t = thinEquity(c, 6);
    expect(t.time).toEqual([1, 3, 6, 7, 11]);
    expect(t.drawdownPct).toEqual([-2, 0, -5, -3, -4]);
    expect(t.equity).toEqual([99, 103, 101, 104, 107]);
  });
});
