import { describe, expect, it } from 'vitest';
import { BACKTEST_STAT_NAMES } from '../../../../shared/contract';
import { formatStat, signTone, STAT_SPECS, statRows } from '../../../../src-renderer/backtest/stat-rows';
import { STATS } from './backtest-fixtures';

describe('statRows', () => {
  it('covers every statistic of the contract, in its order', () => {
    expect(Object.keys(STAT_SPECS)).toEqual(BACKTEST_STAT_NAMES);
    expect(statRows(STATS).map((r) => r.key)).toEqual(BACKTEST_STAT_NAMES);
  });

  it('labels and formats each value with its unit', () => {
    expect(statRows(STATS).map((r) => [r.label, r.value, r.tone])).toEqual([
      ['Start (UTC)', '2025-01-01 00:00', undefined],
      ['End (UTC)', '2025-01-01 04:00', undefined],
      ['Bars', '1,234', undefined],
      ['Exposure time', '45.68%', undefined],
      ['Final equity', '11,234.57', undefined],
      ['Peak equity', '12,000.00', undefined],
      ['Return', '+12.35%', 'good'],
      ['Buy & hold return', '\u22123.20%', 'bad'],
      ['Annualised return', '+25.50%', 'good'],
      ['Annualised volatility', '18.25%', undefined],
      ['CAGR', '+25.00%', 'good'],
      ['Sharpe ratio', '1.23', undefined],
      ['Sortino ratio', '—', undefined],
      ['Calmar ratio', '2.50', undefined],
      ['Max drawdown', '\u22128.77%', undefined],
      ['Avg drawdown', '\u22122.10%', undefined],
      ['Max drawdown duration', '57 bars', undefined],
      ['Trades', '12', undefined],
      ['Win rate', '58.33%', undefined],
      ['Best trade', '+6.50%', 'good'],
      ['Worst trade', '\u22124.25%', 'bad'],
      ['Avg trade', '0.00%', undefined],
      ['Profit factor', '1.80', undefined],
      ['Expectancy', '+0.75%', 'good'],
      ['SQN', '1.10', undefined],
      ['Commissions paid', '23.46', undefined],
      ['Longest losing streak', '3', undefined],
      ['Risk of ruin (half the equity)', '1.25%', undefined],
    ]);
  });

  it('shows null as a dash whatever the kind', () => {
    for (const kind of ['time', 'count', 'bars', 'pct', 'signedPct', 'ratio', 'money'] as const) expect(formatStat(kind, null)).toBe('—');
    expect(signTone(null)).toBeUndefined();
    expect(signTone(0.001)).toBeUndefined();
  });
});
