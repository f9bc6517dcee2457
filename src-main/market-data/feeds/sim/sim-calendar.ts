import { DAY_MS, MINUTE_MS } from '../../../../shared/domain/interval';
import { daysFromCivil, weekdayOfDays } from '../../../../shared/market/civil-date';
import type { MarketKind } from '../../../../shared/market/market-kind';
import { nyInstant } from '../../../../shared/market/new-york-time';
import { FX_ROLL_MINUTE, usEquitySession, type Session } from '../../../../shared/market/sessions';

/**
 * The simulated market's calendar: it exists from the first session dated
 * 2015-01-01 to the last one dated before 2100-01-01, and a "day" is a
 * session of the market (crypto: the UTC day; US equities: the NYSE regular
 * session; FX: the trading day ending 17:00 New York, Monday to Friday).
 */
export const SIM_FIRST_DATE = daysFromCivil(2015, 1, 1);
export const SIM_END_DATE = daysFromCivil(2100, 1, 1);
/** Minute numbers (for trade ids) count from this instant. */
export const SIM_EPOCH_MS = SIM_FIRST_DATE * DAY_MS - DAY_MS;

/** The session dated `date` (days since 1970-01-01), or null when the market does not trade that day. */
export function sessionOnDate(market: MarketKind, date: number): Session | null {
  switch (market) {
    case 'crypto':
      return { date, open: date * DAY_MS, close: (date + 1) * DAY_MS };
    case 'us-equity':
      return usEquitySession(date);
    case 'fx': {
      const wd = weekdayOfDays(date);
      if (wd === 0 || wd === 6) return null;
      return { date, open: nyInstant(date - 1, FX_ROLL_MINUTE), close: nyInstant(date, FX_ROLL_MINUTE) };
    }
  }
}

/** The latest session dated before `date`, or null if none is on or after SIM_FIRST_DATE. */
export function previousSession(market: MarketKind, date: number): Session | null {
  for (let d = date - 1; d >= SIM_FIRST_DATE; d--) {
    const s = sessionOnDate(market, d);
    if (s !== null) return s;
  }
  return null;
}

export function inSimRange(session: Session): boolean {
  return session.date >= SIM_FIRST_DATE && session.date < SIM_END_DATE;
}

export function floorMinute(t: number): number {
  return Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

export function ceilMinute(t: number): number {
  return Math.ceil(t / MINUTE_MS) * MINUTE_MS;
}
