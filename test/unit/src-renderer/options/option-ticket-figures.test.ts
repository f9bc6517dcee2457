import { describe, expect, it } from 'vitest';
import { bsmPrice } from '../../../../shared/options/black-scholes';
import { touchProbability } from '../../../../shared/options/touch-probability';
import { optionTicketFigures, type OptionTicketInput } from '../../../../src-renderer/options/option-ticket-figures';

const BASE: OptionTicketInput = { side: 'buy', type: 'call', strike: 670, premium: 2.15, qty: 2, multiplier: 100, feePerContract: 0.65, takeProfit: 2.25, model: null };

describe('the option ticket’s figures', () => {
  it('a long call: cost ×100 × contracts, break-even strike + premium, max loss with the fees, reward at the take-profit less both fills’ fees', () => {
    const f = optionTicketFigures(BASE);
    expect(f).toEqual({ premiumTotal: 430, entryFees: 1.3, breakEven: 672.15, maxLoss: 431.3, rewardAtTakeProfit: 17.4, rewardToRisk: 17.4 / 431.3, touchProbability: null });
  });

  it('a long put breaks even at strike − premium', () => {
    expect(optionTicketFigures({ ...BASE, type: 'put', strike: 660, premium: 3.45, qty: 1 }).breakEven).toBe(656.55);
  });

  it('a sell has no max loss or reward here; the touch probability comes from the model when there is one', () => {
    expect(optionTicketFigures({ ...BASE, side: 'sell' })).toMatchObject({ premiumTotal: 430, maxLoss: null, rewardAtTakeProfit: null, rewardToRisk: null });
    const model = { spot: 665, rate: 0.04, dividendYield: 0.013, years: 30 / 365, iv: 0.18 };
    // A 690 call bought at the model's value now, its take-profit 0.10 above: the underlying has to rise for it.
    const inputs = { type: 'call' as const, spot: 665, strike: 690, rate: 0.04, dividendYield: 0.013, years: 30 / 365, vol: 0.18 };
    const premium = Math.round(bsmPrice(inputs) * 100) / 100;
    const expected = touchProbability(inputs, premium + 0.1).probability;
    expect(optionTicketFigures({ ...BASE, strike: 690, premium, takeProfit: premium + 0.1, model }).touchProbability).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(1);
  });
});
