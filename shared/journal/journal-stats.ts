import { equityCurve, type EquityPoint } from './equity-curve';
import { statsByHoldingTime, statsByHour, statsByKey, statsByWeekday, type GroupStats, type ZoneOf } from './group-stats';
import type { HoldingBucket } from './holding-time';
import { closedInCloseOrder } from './outcome';
import { dailyPnl, type DayPnl } from './pnl-calendar';
import type { RoundTrip } from './round-trips';
import { tradeStats, type TradeStats } from './trade-stats';

/**
 * Every statistic the journal shows, in one pass of the caller's choosing:
 * the overall figures, breakdowns by caller-named keys (setup, tag,
 * strategy…), by hour and weekday of entry and by holding time in each
 * instrument's zone, the equity curve and the daily P&L (month grids come
 * from monthCalendar over `daily`). Closed trips only; open ones are left out.
 */
export interface JournalStatsOptions {
  /** The zone of each trip's instrument (hour, weekday, multi-day). */
  readonly zoneOf: ZoneOf;
  /** The zone of the calendar's dates. */
  readonly calendarZone: string;
  /** Named key functions, e.g. { setup: (t) => [setupOf(t)], tag: (t) => tagsOf(t) }. */
  readonly groups?: Readonly<Record<string, (trip: RoundTrip) => readonly string[]>>;
}

export interface JournalStats {
  readonly overall: TradeStats;
  readonly byGroup: Readonly<Record<string, readonly GroupStats<string>[]>>;
  readonly byHour: readonly GroupStats<number>[];
  readonly byWeekday: readonly GroupStats<number>[];
  readonly byHoldingTime: readonly GroupStats<HoldingBucket>[];
  readonly equity: readonly EquityPoint[];
  readonly daily: readonly DayPnl[];
}

export function journalStats(trips: readonly RoundTrip[], options: JournalStatsOptions): JournalStats {
  const closed = closedInCloseOrder(trips);
  const byGroup: Record<string, readonly GroupStats<string>[]> = {};
  for (const [name, keysOf] of Object.entries(options.groups ?? {})) byGroup[name] = statsByKey(closed, keysOf);
  return {
    overall: tradeStats(closed),
    byGroup,
    byHour: statsByHour(closed, options.zoneOf),
    byWeekday: statsByWeekday(closed, options.zoneOf),
    byHoldingTime: statsByHoldingTime(closed, options.zoneOf),
    equity: equityCurve(closed),
    daily: dailyPnl(closed, options.calendarZone),
  };
}
