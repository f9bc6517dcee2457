import { daysFromCivil, weekdayOfDays } from './civil-date';

/**
 * NYSE trading days: weekdays that are not exchange holidays, with the
 * regular 13:00 early closes. Rule-based (the exchange's published rules),
 * plus the unscheduled closures since 2001.
 */

const UNSCHEDULED_CLOSURES = new Set(
  [
    [2001, 9, 11], [2001, 9, 12], [2001, 9, 13], [2001, 9, 14], // September 11
    [2004, 6, 11], // President Reagan's funeral
    [2007, 1, 2], // President Ford's funeral
    [2012, 10, 29], [2012, 10, 30], // Hurricane Sandy
    [2018, 12, 5], // President G. H. W. Bush's funeral
    [2025, 1, 9], // President Carter's funeral
  ].map(([y, m, d]) => daysFromCivil(y ?? 0, m ?? 0, d ?? 0)),
);

function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  const first = daysFromCivil(y, m, 1);
  return first + ((weekday - weekdayOfDays(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(y: number, m: number, weekday: number): number {
  const last = (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) - 1;
  return last - ((weekdayOfDays(last) - weekday + 7) % 7);
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(days: number): number {
  const wd = weekdayOfDays(days);
  return wd === 6 ? days - 1 : wd === 0 ? days + 1 : days;
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/** The NYSE full-day holidays of year `y`, as days since the epoch. */
export function nyseHolidays(y: number): ReadonlySet<number> {
  const cached = holidayCache.get(y);
  if (cached !== undefined) return cached;
  const days = [
    nthWeekday(y, 2, 1, 3), // Washington's Birthday
    easter(y) - 2, // Good Friday
    lastWeekday(y, 5, 1), // Memorial Day
    observed(daysFromCivil(y, 7, 4)), // Independence Day
    nthWeekday(y, 9, 1, 1), // Labor Day
    nthWeekday(y, 11, 4, 4), // Thanksgiving
    observed(daysFromCivil(y, 12, 25)), // Christmas
  ];
  // New Year's Day: moved to Monday when on Sunday; not observed on the Friday before when on Saturday.
  const newYear = daysFromCivil(y, 1, 1);
  if (weekdayOfDays(newYear) !== 6) days.push(observed(newYear));
  if (y >= 1998) days.push(nthWeekday(y, 1, 1, 3)); // Martin Luther King Jr. Day
  if (y >= 2022) days.push(observed(daysFromCivil(y, 6, 19))); // Juneteenth
  const set: ReadonlySet<number> = new Set(days);
  holidayCache.set(y, set);
  return set;
}

export function isNyseTradingDay(days: number, year: number): boolean {
  const wd = weekdayOfDays(days);
  return wd !== 0 && wd !== 6 && !nyseHolidays(year).has(days) && !UNSCHEDULED_CLOSURES.has(days);
}

/** Minute of day (New York) the session closes: 16:00, or 13:00 on the regular early-close days. */
export function nyseCloseMinute(days: number, y: number, m: number, d: number): number {
  const thanksgiving = nthWeekday(y, 11, 4, 4);
  const julyFourth = daysFromCivil(y, 7, 4);
  const early =
    days === thanksgiving + 1 ||
    (m === 12 && d === 24) ||
    (m === 7 && d === 3 && weekdayOfDays(julyFourth) !== 6 && weekdayOfDays(julyFourth) !== 0);
  return early && y >= 1993 ? 13 * 60 : 16 * 60;
}
