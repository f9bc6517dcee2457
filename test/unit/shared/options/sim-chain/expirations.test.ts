import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoDate } from '../../../../../shared/market/civil-date';
import { listExpirations, monthlyExpiration } from '../../../../../shared/options/sim-chain/expirations';
import { strikeGrid } from '../../../../../shared/options/sim-chain/strike-grid';
import { simOptionParams } from '../../../../../shared/options/sim-chain/sim-option-params';

const day = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

describe('sim chain listing', () => {
  it('SPY: 0DTE every session, Friday weeklies (Thursday on Good Friday), third-Friday monthlies, two monthlies past 60 days', () => {
    const list = listExpirations(day(2024, 3, 11), true).map((e) => `${isoDate(e.date)} ${e.kind}`);
    expect(list.slice(0, 12)).toEqual([
      '2024-03-11 daily', '2024-03-12 daily', '2024-03-13 daily', '2024-03-14 daily', '2024-03-15 monthly',
      '2024-03-18 daily', '2024-03-19 daily', '2024-03-20 daily', '2024-03-21 daily', '2024-03-22 weekly',
      '2024-03-25 daily', '2024-03-26 daily',
    ]);
    // Good Friday 2024-03-29: the weekly moves to Thursday, no session on Friday.
    expect(list).toContain('2024-03-28 weekly');
    expect(list.some((e) => e.startsWith('2024-03-29'))).toBe(false);
    expect(list).toContain('2024-04-19 monthly');
    expect(list.slice(-3)).toEqual(['2024-05-10 weekly', '2024-05-17 monthly', '2024-06-21 monthly']);
    expect(list).toHaveLength(46);
  });

  it('AAPL: weeklies and monthlies only', () => {
    const list = listExpirations(day(2024, 3, 11), false).map((e) => `${isoDate(e.date)} ${e.kind}`);
    expect(list).toEqual([
      '2024-03-15 monthly', '2024-03-22 weekly', '2024-03-28 weekly', '2024-04-05 weekly', '2024-04-12 weekly', '2024-04-19 monthly',
      '2024-04-26 weekly', '2024-05-03 weekly', '2024-05-10 weekly', '2024-05-17 monthly', '2024-06-21 monthly',
    ]);
  });

  it('a monthly on a holiday Friday moves to Thursday', () => {
    // Juneteenth 2026 is Friday 2026-06-19, the third Friday.
    expect(isoDate(monthlyExpiration(2026, 6) ?? 0)).toBe('2026-06-18');
    expect(isoDate(monthlyExpiration(2024, 3) ?? 0)).toBe('2024-03-15');
  });

  it('strike grids: SPY $1 near the money then $5 out to ±10%; AAPL $2.50, $5 beyond', () => {
    const spy = simOptionParams('SPY');
    const aapl = simOptionParams('AAPL');
    if (spy === undefined || aapl === undefined) throw new Error('missing params');
    const s = strikeGrid(500.4, spy);
    expect(s.filter((k) => k >= 480 && k <= 520)).toEqual(Array.from({ length: 41 }, (_, i) => 480 + i));
    expect(s.filter((k) => k < 480)).toEqual([455, 460, 465, 470, 475]);
    expect(s.filter((k) => k > 520)).toEqual([525, 530, 535, 540, 545, 550]);
    const a = strikeGrid(193.2, aapl);
    expect(a.filter((k) => k >= 162.5 && k <= 222.5)).toEqual(Array.from({ length: 25 }, (_, i) => 162.5 + 2.5 * i));
    expect(a[0]).toBe(145);
    expect(a.at(-1)).toBe(240);
  });
});
