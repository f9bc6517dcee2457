import { describe, expect, it } from 'vitest';
import { fillDrawdowns } from '../../../../../src-main/research/backtest/drawdowns';

function drawdowns(equity: number[], cash: number) {
  const out = new Float64Array(equity.length);
  const summary = fillDrawdowns(Float64Array.from(equity), cash, out);
  return { summary, pct: Array.from(out) };
}

describe('fillDrawdowns', () => {
  it('measures each period from its peak bar to the recovery bar, or to the end', () => {
    // Peaks at 0 (100) and 3 (110); periods 0-3 (deepest -10%), 3-6 (deepest -20%), 7-8 (-10%, never recovered).
    const { summary, pct } = drawdowns([100, 90, 95, 110, 99, 88, 110, 120, 108], 100);
    expect(pct[0]).toBe(0);
    expect(pct[1]).toBeCloseTo(-10, 12);
    expect(pct[2]).toBeCloseTo(-5, 12);
    expect(pct[3]).toBe(0);
    expect(pct[4]).toBeCloseTo(-10, 12);
    expect(pct[5]).toBeCloseTo(-20, 12);
    expect(pct[6]).toBe(0);
    expect(pct[7]).toBe(0);
    expect(pct[8]).toBeCloseTo(-10, 12);
    expect(summary.maxDrawdownPct).toBeCloseTo(-20, 12);
    expect(summary.avgDrawdownPct).toBeCloseTo(-40 / 3, 12);
    expect(summary.maxDrawdownDurationBars).toBe(3);
    expect(summary.periods).toBe(3);
    expect(summary.peakEquity).toBe(120);
  });

  it('counts the starting cash as the first peak (a virtual bar -1)', () => {
    const { summary, pct } = drawdowns([99, 100, 101], 100);
    expect(pct).toEqual([-1, 0, 0]);
    expect(summary).toEqual({ maxDrawdownPct: -1, avgDrawdownPct: -1, maxDrawdownDurationBars: 2, periods: 1, peakEquity: 101 });
  });

  it('is all zeros when equity never falls below its peak', () => {
    const { summary, pct } = drawdowns([100, 100, 105], 100);
    expect(pct).toEqual([0, 0, 0]);
    expect(summary).toEqual({ maxDrawdownPct: 0, avgDrawdownPct: 0, maxDrawdownDurationBars: 0, periods: 0, peakEquity: 105 });
  });
});
