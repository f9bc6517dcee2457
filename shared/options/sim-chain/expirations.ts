import { daysFromCivil, civilFromDays, weekdayOfDays } from '../../market/civil-date';
import { usEquitySession } from '../../market/sessions';

/** What kind of series an expiration is (a monthly is also a Friday; the strongest kind wins). */
export type ExpirationKind = 'daily' | 'weekly' | 'monthly';

export interface Expiration {
  /** The NYSE session date, days since 1970-01-01. */
  readonly date: number;
  readonly kind: ExpirationKind;
}

/** Calendar days ahead that expirations are listed for (plus the next two monthlies beyond). */
export const EXPIRATION_HORIZON_DAYS = 60;
const EXTRA_MONTHLIES = 2;
const FRIDAY = 5;

function isTradingDay(date: number): boolean {
  return usEquitySession(date) !== null;
}

/** Friday's expiration moves to Thursday when Friday is an exchange holiday (Good Friday), and earlier still if need be. */
function fridayExpiration(friday: number): number | null {
  for (let d = friday; d > friday - 4; d--) if (isTradingDay(d)) return d;
  return null;
}

/** The monthly expiration of month `m` of year `y`: the third Friday (or the session before it). */
export function monthlyExpiration(y: number, m: number): number | null {
  const first = daysFromCivil(y, m, 1);
  const firstFriday = first + ((FRIDAY - weekdayOfDays(first) + 7) % 7);
  return fridayExpiration(firstFriday + 14);
}

/**
 * Every expiration listed on day `today` (it included): each Friday's weekly
 * (Thursday when Friday is a holiday), the third-Friday monthlies, and with
 * `daily` every session Monday to Friday (0DTE), out to
 * EXPIRATION_HORIZON_DAYS, then the next two monthlies beyond that. Sorted.
 */
export function listExpirations(today: number, daily: boolean): Expiration[] {
  const kinds = new Map<number, ExpirationKind>();
  const rank = { daily: 0, weekly: 1, monthly: 2 } as const;
  const add = (date: number | null, kind: ExpirationKind): void => {
    if (date === null || date < today) return;
    const known = kinds.get(date);
    if (known === undefined || rank[kind] > rank[known]) kinds.set(date, kind);
  };
  const end = today + EXPIRATION_HORIZON_DAYS;
  for (let d = today; d <= end + 4; d++) {
    if (daily && d <= end && isTradingDay(d)) add(d, 'daily');
    if (weekdayOfDays(d) === FRIDAY) {
      const weekly = fridayExpiration(d);
      if (weekly !== null && weekly <= end) add(weekly, 'weekly');
    }
  }
  let { y, m } = civilFromDays(today);
  let beyond = 0;
  while (beyond < EXTRA_MONTHLIES) {
    const monthly = monthlyExpiration(y, m);
    if (monthly !== null && monthly >= today) {
      add(monthly, 'monthly');
      if (monthly > end) beyond++;
    }
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return [...kinds.entries()].sort((a, b) => a[0] - b[0]).map(([date, kind]) => ({ date, kind }));
}
