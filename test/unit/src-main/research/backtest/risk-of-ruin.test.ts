import { describe, expect, it } from 'vitest';
import { riskOfRuinPct } from '../../../../../src-main/research/backtest/risk-of-ruin';

describe('riskOfRuinPct: seeded bootstrap of the trade returns (10,000 paths, ruin at half the equity)', () => {
  it('is null under five trades', () => {
    expect(riskOfRuinPct([])).toBeNull();
    expect(riskOfRuinPct([-50, -50, -50, -50])).toBeNull();
  });

  it('is 0 when no path can fall to half: all winners, or the worst trade repeated every time stays above 0.5', () => {
    expect(riskOfRuinPct([1, 2, 3, 4, 5])).toBe(0);
    // 0.99^5 = 0.951
    expect(riskOfRuinPct([-1, 2, 3, 4, 5])).toBe(0);
  });

  it('is 100 when every draw ruins (a trade that loses half)', () => {
    expect(riskOfRuinPct([-50, -60, -70, -80, -90])).toBe(100);
  });

  it('is a fixed figure for a fixed trade list (the same every run)', () => {
    // Five trades, two losing 30%: two losers in a row (0.7 × 0.7 = 0.49) ruin, a winner between them (0.7 × 1.1 × 0.7) does not.
    const returns = [-30, 10, -30, 10, 10];
    const first = riskOfRuinPct(returns);
    expect(first).toBe(riskOfRuinPct([...returns]));
    expect(first).toBe(34.45);
    // Every one of the 5^5 equally likely draws, by hand: 1,100 of 3,125 are ruined (35.2%); 10,000 paths land within 1.5 points.
    let ruined = 0;
    const walk = (step: number, equity: number, dead: boolean): void => {
      if (step === 5) {
        if (dead) ruined++;
        return;
      }
      for (const r of returns) {
        const next = equity * (1 + r / 100);
        walk(step + 1, next, dead || next <= 0.5);
      }
    };
    walk(0, 1, false);
    expect(ruined).toBe(1100);
    expect(Math.abs((first ?? 0) - (ruined / 3125) * 100)).toBeLessThan(1.5);
  });
});
