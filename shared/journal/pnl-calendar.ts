import { clean12 } from './clean-number';
import { daysFromCivil, isoDate, realCivilDays, weekdayOfDays } from '../market/civil-date';
import { closedInCloseOrder } from './outcome';
import type { RoundTrip } from './round-trips';
import { zoneClock } from './zone-clock';

/**
 * The daily P&L calendar. A trip counts on the local date it closed (its
 * P&L is realised then), in one zone for the whole calendar (the user's
 * choice: New York for a US stock trader, UTC for crypto). The month view is
 * a grid of weeks starting on Sunday, as US calendars (and Tradervue's) are
 * drawn: from the Sunday on or before the 1st to the Saturday on or after the
 * last day, so 4 to 6 rows. Cells outside the month show no P&L, and weekly
 * and monthly totals count only the month's own days, so the weeks add up to
 * the month.
 */

export interface DayPnl {
  /** YYYY-MM-DD, local. */
  readonly date: string;
  /** The same date as days since 1970-01-01. */
  readonly days: number;
  readonly net: number;
  readonly trades: number;
  readonly wins: number;
  readonly losses: number;
  /** The trips closed that day, in close order (click a day, see its trades). */
  readonly tripIds: readonly string[];
}

export interface PnlTotals {
  readonly net: number;
  readonly trades: number;
  readonly wins: number;
  readonly losses: number;
}

export interface CalendarCell {
  readonly date: string;
  readonly days: number;
  readonly inMonth: boolean;
  /** The day's P&L; null on a day without closed trips or outside the month. */
  readonly pnl: DayPnl | null;
}

export interface CalendarWeek extends PnlTotals {
  /** Sunday first, 7 cells. */
  readonly cells: readonly CalendarCell[];
}

export interface MonthCalendar extends PnlTotals {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly weeks: readonly CalendarWeek[];
}

/** Closed trips per local close date in `zone`, days with trades only, in date order. */
export function dailyPnl(trips: readonly RoundTrip[], zone: string): DayPnl[] {
  const clock = zoneClock(zone);
  const days = new Map<number, { net: number; trades: number; wins: number; losses: number; tripIds: string[] }>();
  for (const t of closedInCloseOrder(trips)) {
    const day = clock.localDays(t.closedAt ?? t.openedAt);
    let d = days.get(day);
    if (d === undefined) {
      d = { net: 0, trades: 0, wins: 0, losses: 0, tripIds: [] };
      days.set(day, d);
    }
    d.net = clean12(d.net + t.netPnl);
    d.trades++;
    if (t.netPnl > 0) d.wins++;
    else if (t.netPnl < 0) d.losses++;
    d.tripIds.push(t.id);
  }
  return [...days.entries()].sort((a, b) => a[0] - b[0]).map(([day, d]) => ({ date: isoDate(day), days: day, ...d }));
}

function totals(days: readonly (DayPnl | null)[]): PnlTotals {
  let net = 0;
  let trades = 0;
  let wins = 0;
  let losses = 0;
  for (const d of days) {
    if (d === null) continue;
    net = clean12(net + d.net);
    trades += d.trades;
    wins += d.wins;
    losses += d.losses;
  }
  return { net, trades, wins, losses };
}

/** The Sunday-first month grid of `year`-`month` (1-12) over `daily` (from dailyPnl). */
export function monthCalendar(daily: readonly DayPnl[], year: number, month: number): MonthCalendar {
  const first = realCivilDays(year, month, 1);
  if (first === null || !Number.isInteger(year)) throw new RangeError(`${String(year)}-${String(month)} is not a month (month 1-12)`);
  const last = (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) - 1;
  const byDay = new Map(daily.map((d) => [d.days, d]));
  const start = first - weekdayOfDays(first);
  const end = last + (6 - weekdayOfDays(last));
  const weeks: CalendarWeek[] = [];
  for (let sunday = start; sunday <= end; sunday += 7) {
    const cells: CalendarCell[] = [];
    for (let day = sunday; day < sunday + 7; day++) {
      const inMonth = day >= first && day <= last;
      cells.push({ date: isoDate(day), days: day, inMonth, pnl: inMonth ? (byDay.get(day) ?? null) : null });
    }
    weeks.push({ cells, ...totals(cells.map((c) => c.pnl)) });
  }
  const monthDays = daily.filter((d) => d.days >= first && d.days <= last);
  return { year, month, weeks, ...totals(monthDays) };
}
