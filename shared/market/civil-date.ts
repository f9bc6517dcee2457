/**
 * Proleptic Gregorian calendar arithmetic on "days since 1970-01-01"
 * (Howard Hinnant's days_from_civil algorithm): exact, allocation-free,
 * no Date objects, no time zone.
 */
export interface CivilDate {
  readonly y: number;
  /** 1-12 */
  readonly m: number;
  /** 1-31 */
  readonly d: number;
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Days since the epoch of `y-m-d` when that is a real calendar date (not 2024-02-30 or month 13), else null. */
export function realCivilDays(y: number, m: number, d: number): number | null {
  const days = daysFromCivil(y, m, d);
  const back = civilFromDays(days);
  return back.y === y && back.m === m && back.d === d ? days : null;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** "YYYY-MM-DD" for a civil day. */
export function isoDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
