import { describe, expect, it } from 'vitest';
import { BACKTEST_STAT_NAMES } from '../../../../shared/contract';
import { compareRows, formatDiff } from '../../../../src-renderer/backtest/compare-rows';
import { STATS } from './backtest-fixtures';

describe('compareRows', () => {
  const b = {
    ...STATS,
    returnPct: 15.34567,
    maxDrawdownPct: -10.265,
    volatilityAnnPct: 17.25,
    maxDrawdownDurationBars: 60,
    trades: 15,
    sortino: 1.5,
    commissionsPaid: 30.456,
  };
  const rows = compareRows(STATS, b);
  const row = (key: string): unknown => rows.find((r) => r.key === key);

  it('has a line per statistic', () => {
    expect(rows.map((r) => r.key)).toEqual(BACKTEST_STAT_NAMES);
  });

  it('shows B − A in the statistic\u2019s unit, toned by whether B is better', () => {
    expect(row('returnPct')).toEqual({ key: 'returnPct', label: 'Return', a: '+12.35%', b: '+15.35%', diff: '+3.00 pp', tone: 'good' });
    expect(row('maxDrawdownPct')).toEqual({ key: 'maxDrawdownPct', label: 'Max drawdown', a: '\u22128.77%', b: '\u221210.27%', diff: '\u22121.50 pp', tone: 'bad' });
    expect(row('volatilityAnnPct')).toMatchObject({ diff: '\u22121.00 pp', tone: 'good' });
    expect(row('maxDrawdownDurationBars')).toMatchObject({ a: '57 bars', b: '60 bars', diff: '+3 bars', tone: 'bad' });
    expect(row('trades')).toMatchObject({ a: '12', b: '15', diff: '+3', tone: undefined });
    expect(row('commissionsPaid')).toMatchObject({ diff: '+7.00', tone: 'bad' });
  });

  it('has no difference for times, a dash when either side is unknown, and no tone when equal', () => {
    expect(row('start')).toMatchObject({ a: '2025-01-01 00:00', b: '2025-01-01 00:00', diff: '', tone: undefined });
    expect(row('sortino')).toMatchObject({ a: '—', b: '1.50', diff: '—', tone: undefined });
    expect(row('sharpe')).toMatchObject({ diff: '0.00', tone: undefined });
  });

  it('formats differences by kind', () => {
    expect(formatDiff('ratio', 1, 0.75)).toBe('\u22120.25');
    expect(formatDiff('money', 1000, 2500.5)).toBe('+1,500.50');
    expect(formatDiff('pct', 50, 50)).toBe('0.00 pp');
    expect(formatDiff('count', null, 3)).toBe('—');
  });
});
