import { describe, expect, it } from 'vitest';
import { setupRows, unfilledRows } from '../../../../src-renderer/backtest/setup-rows';

describe('setupRows', () => {
  it('formats each setup family: count, win rate, mean return, profit factor and P&L, toned by P&L', () => {
    expect(
      setupRows([
        { setup: 'orb-down', trades: 110, winRatePct: 44.5454, avgReturnPct: -0.0915, profitFactor: 0.761, totalPnl: -1012.26 },
        { setup: 'orb-up', trades: 1420, winRatePct: 50, avgReturnPct: 0.004, profitFactor: null, totalPnl: 0.001 },
        { setup: '', trades: 1, winRatePct: 100, avgReturnPct: 2, profitFactor: null, totalPnl: 20 },
      ]),
    ).toEqual([
      { setup: 'orb-down', trades: '110', winRate: '44.5%', avgReturn: '\u22120.09%', profitFactor: '0.76', totalPnl: '\u22121,012.26', tone: 'bad' },
      { setup: 'orb-up', trades: '1,420', winRate: '50.0%', avgReturn: '0.00%', profitFactor: '—', totalPnl: '0.00', tone: undefined },
      { setup: '(none)', trades: '1', winRate: '100.0%', avgReturn: '+2.00%', profitFactor: '—', totalPnl: '+20.00', tone: 'good' },
    ]);
  });
});

describe('unfilledRows', () => {
  it('formats the signals without position: side, count, the underlying\u2019s move and how often it went the signal\u2019s way', () => {
    expect(
      unfilledRows([
        { setup: 'orb-down', side: 'short', count: 52, avgUnderlyingReturnPct: -0.4212, favourablePct: 61.538 },
        { setup: 'orb-up', side: 'long', count: 1, avgUnderlyingReturnPct: null, favourablePct: null },
      ]),
    ).toEqual([
      { key: 'orb-down short', setup: 'orb-down', side: 'Short', count: '52', avgMove: '\u22120.42%', favourable: '61.5%' },
      { key: 'orb-up long', setup: 'orb-up', side: 'Long', count: '1', avgMove: '—', favourable: '—' },
    ]);
  });
});
