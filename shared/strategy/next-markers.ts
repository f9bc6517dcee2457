import { isoDate, weekdayOfDays } from '../market/civil-date';
import type { MarketKind } from '../market/market-kind';
import { nyLocal } from '../market/new-york-time';
import { MarkerClock } from './marker-clock';
import type { MarkerSchedule } from './marker-schedule';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** An instant as New York wall time, 24-hour: "Mon 2024-03-11 09:40 ET". */
export function formatMarkerTime(t: number): string {
  const { days, minuteOfDay } = nyLocal(t);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${WEEKDAYS[weekdayOfDays(days)] ?? ''} ${isoDate(days)} ${hh}:${mm} ET`;
}

/**
 * The next `count` markers of `schedule` strictly after `now`, UTC instants
 * (fewer at the end of a `dates` list). The market decides which days have a
 * session: US equities (NYSE days and early closes) by default, the market
 * the schedules are written for.
 */
export function nextMarkers(schedule: MarkerSchedule, now: number, count: number, market: MarketKind = 'us-equity'): number[] {
  return new MarkerClock(schedule, market).after(now, count);
}

/** The same as New York wall times ("Mon 2024-03-11 09:40 ET"). */
export function nextMarkerTimes(schedule: MarkerSchedule, now: number, count: number, market: MarketKind = 'us-equity'): string[] {
  return nextMarkers(schedule, now, count, market).map(formatMarkerTime);
}
