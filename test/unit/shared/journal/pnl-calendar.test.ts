import { describe, expect, it } from 'vitest';
import { dailyPnl, monthCalendar } from '../../../../shared/journal/pnl-calendar';
import { closedTrip } from './journal-fixtures';

const at = (d: number, h: number, m = 0): number => Date.UTC(2024, 2, d, h, m);
/** Closing dates in New York: Feb 29, Mar 1, Mar 8 (twice: one at 22:00 New York = Mar 9 UTC), Mar 31, Apr 1. */
const TRIPS = [
  closedTrip({ id: 'feb29', net: 500, openedAt: Date.UTC(2024, 1, 29, 15), closedAt: Date.UTC(2024, 1, 29, 16) }),
  closedTrip({ id: 'mar1', net: 100, openedAt: at(1, 15), closedAt: at(1, 16) }),
  closedTrip({ id: 'mar8-day', net: -40, openedAt: at(8, 14), closedAt: at(8, 15) }),
  closedTrip({ id: 'mar8-eve', net: 60, openedAt: at(9, 2), closedAt: at(9, 3) }),
  closedTrip({ id: 'mar31', net: 25, openedAt: at(31, 14), closedAt: at(31, 15) }),
  closedTrip({ id: 'apr1', net: 7, openedAt: Date.UTC(2024, 3, 1, 14), closedAt: Date.UTC(2024, 3, 1, 15) }),
];

describe('daily P&L', () => {
  it('counts a trip on its local close date', () => {
    expect(dailyPnl(TRIPS, 'America/New_York').map((d) => [d.date, d.net, d.trades, d.wins, d.losses, d.tripIds])).toEqual([
      ['2024-02-29', 500, 1, 1, 0, ['feb29']],
      ['2024-03-01', 100, 1, 1, 0, ['mar1']],
      ['2024-03-08', 20, 2, 1, 1, ['mar8-day', 'mar8-eve']],
      ['2024-03-31', 25, 1, 1, 0, ['mar31']],
      ['2024-04-01', 7, 1, 1, 0, ['apr1']],
    ]);
    expect(dailyPnl(TRIPS, 'UTC').map((d) => [d.date, d.net])).toEqual([
      ['2024-02-29', 500],
      ['2024-03-01', 100],
      ['2024-03-08', -40],
      ['2024-03-09', 60],
      ['2024-03-31', 25],
      ['2024-04-01', 7],
    ]);
  });
});

describe('month calendar', () => {
  it('March 2024: six Sunday-first weeks, weekly totals of the month’s own days', () => {
    const cal = monthCalendar(dailyPnl(TRIPS, 'America/New_York'), 2024, 3);
    expect(cal.weeks.map((w) => [w.cells[0]?.date, w.cells[6]?.date, w.net, w.trades, w.wins, w.losses])).toEqual([
      ['2024-02-25', '2024-03-02', 100, 1, 1, 0],
      ['2024-03-03', '2024-03-09', 20, 2, 1, 1],
      ['2024-03-10', '2024-03-16', 0, 0, 0, 0],
      ['2024-03-17', '2024-03-23', 0, 0, 0, 0],
      ['2024-03-24', '2024-03-30', 0, 0, 0, 0],
      ['2024-03-31', '2024-04-06', 25, 1, 1, 0],
    ]);
    expect([cal.net, cal.trades, cal.wins, cal.losses]).toEqual([145, 4, 3, 1]);
    const first = cal.weeks[0]!.cells;
    expect(first.map((c) => c.inMonth)).toEqual([false, false, false, false, false, true, true]);
    expect(first[4]?.pnl).toBeNull(); // Feb 29 had a trade, but it is not March's
    expect(first[5]?.pnl?.net).toBe(100);
    expect(cal.weeks.every((w) => w.cells.length === 7)).toBe(true);
  });

  it('February 2015 fits in four weeks; a bad month is refused', () => {
    const cal = monthCalendar([], 2015, 2);
    expect(cal.weeks.map((w) => w.cells[0]?.date)).toEqual(['2015-02-01', '2015-02-08', '2015-02-15', '2015-02-22']);
    expect(cal.net).toBe(0);
    expect(() => monthCalendar([], 2024, 13)).toThrow(RangeError);
  });
});
