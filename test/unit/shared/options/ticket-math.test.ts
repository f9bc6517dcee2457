import { describe, expect, it } from 'vitest';
import { breakEven, ticketFigures } from '../../../../shared/options/ticket-math';

describe('ticket math (long options)', () => {
  it('break-even is strike + premium for a call, strike − premium for a put', () => {
    expect(breakEven('call', 500, 3.25)).toBe(503.25);
    expect(breakEven('put', 500, 3.25)).toBe(496.75);
  });

  it('max loss is premium × 100 × quantity + fees; reward to a take-profit after fees', () => {
    const t = { type: 'call' as const, strike: 500, premium: 2.5, quantity: 3, multiplier: 100, fees: 3.9 };
    expect(ticketFigures(t)).toEqual({ breakEven: 502.5, maxLoss: 753.9, rewardAtTakeProfit: null, rewardToRisk: null });
    const withTp = ticketFigures(t, 4);
    expect(withTp.rewardAtTakeProfit).toBeCloseTo(446.1, 10);
    expect(withTp.rewardToRisk).toBeCloseTo(446.1 / 753.9, 12);
  });
});
