import { describe, expect, it } from 'vitest';
import { previewExits } from '../../../../shared/trading/exit-preview';
import { AAPL, AAPL_CALL, BTC, request } from '../../src-main/trading/trading-fixtures';

describe('previewExits (the ticket shows these before sending)', () => {
  it('an option bought at $2.00 with +$0.10 / -$0.05 exits', () => {
    const r = request(AAPL_CALL, { qty: 3, type: 'limit', limitPrice: 2, takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'amount', amount: 0.05 } });
    // fees 3 × 0.65 = 1.95 each way; loss 0.05 × 3 × 100 = 15 + 3.90; reward 30 − 3.90
    expect(previewExits(r, null, AAPL_CALL)).toEqual({
      ok: true,
      value: { entryPrice: 2, takeProfit: 2.1, stopLoss: 1.95, entryFee: 1.95, maxLoss: 18.9, maxReward: 26.1, riskReward: 1.38 },
    });
  });

  it('a market buy of 100 AAPL at the ask 170.00, +2% / 150 ticks', () => {
    const r = request(AAPL, { qty: 100, takeProfit: { kind: 'percent', percent: 2 }, stopLoss: { kind: 'ticks', ticks: 150 } });
    // fees: 100 × 0.005 = 0.50 → $1 minimum, each way. loss 1.50 × 100 + 2 = 152; reward 3.40 × 100 − 2 = 338
    expect(previewExits(r, 170, AAPL)).toEqual({
      ok: true,
      value: { entryPrice: 170, takeProfit: 173.4, stopLoss: 168.5, entryFee: 1, maxLoss: 152, maxReward: 338, riskReward: 2.22 },
    });
  });

  it('a short of 0.5 BTC at 60,000 with a price take-profit and an amount stop (fees in USDT)', () => {
    const r = request(BTC, { side: 'sell', qty: 0.5, type: 'limit', limitPrice: 60000, takeProfit: 58000, stopLoss: { kind: 'amount', amount: 1000 } });
    // fees 0.1%: entry 30, take-profit 29, stop 30.5; loss 500 + 60.5; reward 1000 − 59
    expect(previewExits(r, null, BTC)).toEqual({
      ok: true,
      value: { entryPrice: 60000, takeProfit: 58000, stopLoss: 61000, entryFee: 30, maxLoss: 560.5, maxReward: 941, riskReward: 1.68 },
    });
  });

  it('one exit only: no ratio', () => {
    const r = request(AAPL, { qty: 10, type: 'stop', stopPrice: 101, takeProfit: { kind: 'ticks', ticks: 100 } });
    expect(previewExits(r, 100, AAPL)).toEqual({
      ok: true,
      value: { entryPrice: 101, takeProfit: 102, stopLoss: null, entryFee: 1, maxLoss: null, maxReward: 8, riskReward: null },
    });
  });

  it('refuses a take-profit on the wrong side and a market order without a price', () => {
    expect(previewExits(request(AAPL_CALL, { type: 'limit', limitPrice: 2, takeProfit: 1.95 }), null, AAPL_CALL)).toEqual({
      ok: false,
      field: 'takeProfit',
      message: 'takeProfit 1.95 must be above the entry price 2.00 for a buy',
    });
    expect(previewExits(request(AAPL, { takeProfit: 200 }), null, AAPL)).toEqual({ ok: false, field: '', message: 'no price to preview the exits from: no quote yet for a market order' });
  });
});
