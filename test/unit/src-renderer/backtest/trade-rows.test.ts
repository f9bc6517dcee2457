import { describe, expect, it } from 'vitest';
import { tradePricePrecision, tradeRows } from '../../../../src-renderer/backtest/trade-rows';
import { trade } from './backtest-fixtures';

describe('tradeRows', () => {
  it('formats every column of the trade list', () => {
    const loser = trade({ side: 'short', size: 0.0125, entryPrice: 100.5, exitPrice: 101.25, pnl: -0.01, returnPct: -0.75, commission: 0, barsHeld: 1234 });
    expect(tradeRows([trade(), loser])).toEqual([
      {
        index: 0,
        entryTime: '2025-01-01 01:00',
        exitTime: '2025-01-01 03:00',
        side: 'Long',
        size: '2',
        entryPrice: '100.00',
        exitPrice: '110.00',
        pnl: '+19.50',
        returnPct: '+9.75%',
        barsHeld: '2',
        commission: '0.50',
        setup: 'cross-up',
        entryReason: 'SMA 10 crossed above SMA 30',
        exitReason: 'SMA 10 crossed below SMA 30',
        tone: 'good',
      },
      {
        index: 1,
        entryTime: '2025-01-01 01:00',
        exitTime: '2025-01-01 03:00',
        side: 'Short',
        size: '0.0125',
        entryPrice: '100.50',
        exitPrice: '101.25',
        pnl: '\u22120.01',
        returnPct: '\u22120.75%',
        barsHeld: '1,234',
        commission: '0.00',
        setup: 'cross-up',
        entryReason: 'SMA 10 crossed above SMA 30',
        exitReason: 'SMA 10 crossed below SMA 30',
        tone: 'bad',
      },
    ]);
  });

  it('guesses the price precision from the first entry', () => {
    expect(tradePricePrecision([])).toBe(2);
    expect(tradePricePrecision([trade({ entryPrice: 1.0845 })])).toBe(4);
    expect(tradePricePrecision([trade({ entryPrice: 0.5 })])).toBe(6);
    expect(tradeRows([trade({ pnl: 0 })])[0]?.tone).toBeUndefined();
  });
});
