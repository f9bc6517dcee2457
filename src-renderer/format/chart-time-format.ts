import { INTERVAL_MS, DAY_MS, type Interval } from '../../shared/domain/interval';
import { civilFromDays, weekdayOfDays } from '../../shared/market/civil-date';
import type { MarketKind } from '../../shared/market/market-kind';
import { nyLocal } from '../../shared/market/new-york-time';
import { fxTradingDay } from '../../shared/market/sessions';
import { wallTime, type ChartZone } from './chart-zone';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

/** What a time-axis label marks (lightweight-charts' TickMarkType, by name). */
export type TickKind = 'year' | 'month' | 'day' | 'time' | 'seconds';

/** "09:30" on a 24-hour clock. */
function clock(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** "2024-03-05" */
function isoDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Whether bars of `interval` are a day or longer (their time of day says nothing). */
export function isDailyOrLonger(interval: Interval): boolean {
  return INTERVAL_MS[interval] >= DAY_MS;
}

/**
 * The date a day (or week) bar stands for: its session date, whatever the
 * axis zone: the New York date for US equities, the trading day ending 17:00
 * New York for FX (Sunday evening's bar is Monday's), the UTC day for crypto.
 */
export function sessionDayOf(market: MarketKind, epochMs: number): number {
  switch (market) {
    case 'us-equity':
      return nyLocal(epochMs).days;
    case 'fx':
      return fxTradingDay(epochMs).date;
    case 'crypto':
      return Math.floor(epochMs / DAY_MS);
  }
}

/** What a chart's time labels depend on. */
export interface TimeLabelContext {
  readonly zone: ChartZone;
  readonly market: MarketKind;
  readonly interval: Interval;
}

/** The civil day and minute a label shows: the session date for day bars, else the wall clock in the zone. */
function labelTime(c: TimeLabelContext, epochMs: number): { readonly days: number; readonly minuteOfDay: number; readonly second: number } {
  return isDailyOrLonger(c.interval) ? { days: sessionDayOf(c.market, epochMs), minuteOfDay: 0, second: 0 } : wallTime(c.zone, epochMs);
}

/** A time-axis label, 24-hour: "2024", "Mar", "5 Mar", "09:30", "09:30:15". */
export function formatTickMark(c: TimeLabelContext, epochMs: number, kind: TickKind): string {
  const w = labelTime(c, epochMs);
  switch (kind) {
    case 'year':
      return String(civilFromDays(w.days).y);
    case 'month':
      return MONTHS[civilFromDays(w.days).m - 1] ?? '';
    case 'day': {
      const { m, d } = civilFromDays(w.days);
      return `${String(d)} ${MONTHS[m - 1] ?? ''}`;
    }
    case 'time':
      return clock(w.minuteOfDay);
    case 'seconds':
      return `${clock(w.minuteOfDay)}:${pad2(w.second)}`;
  }
}

/**
 * A bar's open time for the crosshair label and the legend: "Tue 2024-03-05
 * 09:30" intraday (in the zone), "Tue 2024-03-05" (its session date) for day
 * and week bars.
 */
export function formatBarTime(c: TimeLabelContext, epochMs: number): string {
  const w = labelTime(c, epochMs);
  const date = `${WEEKDAYS[weekdayOfDays(w.days)] ?? ''} ${isoDate(w.days)}`;
  return isDailyOrLonger(c.interval) ? date : `${date} ${clock(w.minuteOfDay)}`;
}
