import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/interval';
import { civilFromDays, daysFromCivil, weekdayOfDays } from './civil-date';

/**
 * America/New_York wall time without a time-zone database: US daylight saving
 * rules are fixed by statute (Energy Policy Act 2005 from 2007; the 1987 rule
 * before), and computing them is both deterministic and far faster than Intl
 * on the hot path. Tests check every hour of 2000-2030 against Intl.
 */

/** nth (1-based) Sunday of month `m` (1-12) in year `y`, as days since the epoch. */
function nthSunday(y: number, m: number, n: number): number {
  const first = daysFromCivil(y, m, 1);
  const toSunday = (7 - weekdayOfDays(first)) % 7;
  return first + toSunday + 7 * (n - 1);
}

function lastSunday(y: number, m: number): number {
  const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  const last = next - 1;
  return last - weekdayOfDays(last);
}

/** UTC instants [start, end) of daylight saving time in year `y`. */
export function dstBounds(y: number): { start: number; end: number } {
  // Switches happen at 02:00 local: 07:00 UTC in spring (EST), 06:00 UTC in autumn (EDT).
  const startDay = y >= 2007 ? nthSunday(y, 3, 2) : nthSunday(y, 4, 1);
  const endDay = y >= 2007 ? nthSunday(y, 11, 1) : lastSunday(y, 10);
  return { start: startDay * DAY_MS + 7 * HOUR_MS, end: endDay * DAY_MS + 6 * HOUR_MS };
}

/** New York's offset from UTC at instant `t`, in minutes (-240 in summer, -300 in winter). */
export function nyOffsetMinutes(t: number): number {
  const y = civilFromDays(Math.floor((t - 5 * HOUR_MS) / DAY_MS)).y;
  const { start, end } = dstBounds(y);
  return t >= start && t < end ? -240 : -300;
}

/** The UTC instant of New York wall time `minuteOfDay` on civil day `days` (days since 1970-01-01). */
export function nyInstant(days: number, minuteOfDay: number): number {
  const guess = days * DAY_MS + minuteOfDay * MINUTE_MS + 5 * HOUR_MS;
  const offset = nyOffsetMinutes(guess);
  return days * DAY_MS + minuteOfDay * MINUTE_MS - offset * MINUTE_MS;
}

/** New York civil day (days since epoch) and minute of day for instant `t`. */
export function nyLocal(t: number): { days: number; minuteOfDay: number } {
  const local = t + nyOffsetMinutes(t) * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  return { days, minuteOfDay: Math.floor((local - days * DAY_MS) / MINUTE_MS) };
}
