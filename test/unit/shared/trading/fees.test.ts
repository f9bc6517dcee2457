import { describe, expect, it } from 'vitest';
import { feeScheduleSchema } from '../../../../shared/trading/account';
import { currencyDecimals, feeOf, roundMoney } from '../../../../shared/trading/fees';
import { AAPL, AAPL_CALL, BTC, ES, EURUSD } from '../../src-main/trading/trading-fixtures';

const DEFAULTS = feeScheduleSchema.parse({});

describe('fees by asset class (defaults: crypto 0.1% of notional, equities $0.005/share min $1, options $0.65/contract)', () => {
  it.each([
    // 0.01234 BTC × 65,432.10 = 807.432114 USDT notional; 0.1% = 0.807432114 → 8 places
    ['crypto % of notional, to 1e-8 USDT', BTC, 0.01234, 65432.1, 0.80743211],
    // 1 BTC × 60,000 = 60,000 → 60 USDT
    ['crypto round number', BTC, 1, 60000, 60],
    // 150 × 0.005 = 0.75 → the $1 minimum
    ['equity below the minimum', AAPL, 150, 170.25, 1],
    // 333 × 0.005 = 1.665 → 1.67 (half away from zero, to cents)
    ['equity per share, to cents', AAPL, 333, 170.25, 1.67],
    ['equity large', AAPL, 1000, 170.25, 5],
    ['options per contract', AAPL_CALL, 3, 2.05, 1.95],
    ['one option contract', AAPL_CALL, 1, 0.01, 0.65],
    // 10,000 EUR × 1.08345 = 10,834.50 USD notional; 0.1% = 10.8345 → 10.83 (USD to cents)
    ['fx % of notional, to cents', EURUSD, 10000, 1.08345, 10.83],
    // multiplier counts: 2 × 5,200.25 × 50 = 520,025 → 520.03 (half away)
    ['crypto-class with a multiplier', ES, 2, 5200.25, 520.03],
  ])('%s', (_name, instrument, qty, price, fee) => {
    expect(feeOf(instrument, qty, price, DEFAULTS)).toBe(fee);
  });

  it('follows the account schedule', () => {
    const custom = feeScheduleSchema.parse({ cryptoPct: 0.075, equityPerShare: 0.01, equityMin: 0, optionPerContract: 0.5 });
    expect(feeOf(BTC, 0.5, 60000, custom)).toBe(22.5);
    expect(feeOf(AAPL, 10, 100, custom)).toBe(0.1);
    expect(feeOf(AAPL_CALL, 4, 1, custom)).toBe(2);
    expect(feeOf(BTC, 1, 60000, feeScheduleSchema.parse({ cryptoPct: 0 }))).toBe(0);
  });

  it('rounds money to the currency unit: USD cents, USDT 1e-8, JPY whole', () => {
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('usdt')).toBe(8);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(roundMoney(12.345, 'USD')).toBe(12.35);
    expect(roundMoney(12.3456789012, 'USDT')).toBe(12.3456789);
    expect(roundMoney(1234.5, 'JPY')).toBe(1235);
  });
});
