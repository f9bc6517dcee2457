import { describe, expect, it } from 'vitest';
import { runListRow, toggleCompare } from '../../../../src-renderer/backtest/run-list-rows';
import { STATS, summary } from './backtest-fixtures';

describe('runListRow', () => {
  it('formats a saved run for the Runs list', () => {
    expect(runListRow(summary('r1'))).toEqual({
      id: 'r1',
      created: '2025-01-01 05:00',
      label: 'run r1',
      strategy: 'sma-cross',
      series: 'BINANCE:BTCUSDT 1h',
      returnPct: '+12.35%',
      returnTone: 'good',
      sharpe: '1.23',
      maxDrawdownPct: '\u22128.77%',
      trades: '12',
    });
  });

  it('shows unknown statistics as dashes', () => {
    const row = runListRow(summary('r2', { stats: { ...STATS, returnPct: null, sharpe: null, maxDrawdownPct: null, trades: 0 } }));
    expect([row.returnPct, row.returnTone, row.sharpe, row.maxDrawdownPct, row.trades]).toEqual(['—', undefined, '—', '—', '0']);
  });
});

describe('toggleCompare', () => {
  it('ticks up to two runs, letting go of the first ticked', () => {
    expect(toggleCompare([], 'a')).toEqual(['a']);
    expect(toggleCompare(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleCompare(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(toggleCompare(['a', 'b'], 'a')).toEqual(['b']);
  });
});
