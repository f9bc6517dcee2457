import { DAY_MS } from '../domain/interval';
import { civilFromDays, weekdayOfDays } from './civil-date';
import type { MarketKind } from './market-kind';
import { nyInstant, nyLocal } from './new-york-time';
import { isNyseTradingDay, nyseCloseMinute } from './us-equity-calendar';

/** A trading session [open, close) in UTC ms, with its session date (days since epoch). */
export interface Session {
  readonly date: number;
  readonly open: number;
  readonly close: number;
}

const OPEN_MINUTE = 9 * 60 + 30;
/** FX trading days roll at 17:00 New York. */
export const FX_ROLL_MINUTE = 17 * 60;

/** The regular NYSE session on New York civil day `days`, or null when the exchange is closed. */
export function usEquitySession(days: number): Session | null {
  const { y, m, d } = civilFromDays(days);
  if (!isNyseTradingDay(days, y)) return null;
  return { date: days, open: nyInstant(days, OPEN_MINUTE), close: nyInstant(days, nyseCloseMinute(days, y, m, d)) };
}

/**
 * The FX trading day that contains instant `t`: it runs from 17:00 New York
 * on the previous day to 17:00 on its date (so Sunday evening's trading
 * belongs to Monday). Defined for every instant, weekend included, so that
 * real prints outside the usual hours still land in a day bar.
 */
export function fxTradingDay(t: number): Session {
  const local = nyLocal(t);
  const date = local.minuteOfDay >= FX_ROLL_MINUTE ? local.days + 1 : local.days;
  return { date, open: nyInstant(date - 1, FX_ROLL_MINUTE), close: nyInstant(date, FX_ROLL_MINUTE) };
}

/** The FX session containing `t`: trading days Monday to Friday; null at the weekend. */
export function fxSession(t: number): Session | null {
  const day = fxTradingDay(t);
  const wd = weekdayOfDays(day.date);
  return wd === 0 || wd === 6 ? null : day;
}

/** The session containing instant `t` (crypto: the UTC day), or null when the market is closed then. */
export function sessionAt(market: MarketKind, t: number): Session | null {
  switch (market) {
    case 'crypto': {
      const date = Math.floor(t / DAY_MS);
      return { date, open: date * DAY_MS, close: (date + 1) * DAY_MS };
    }
    case 'fx':
      return fxSession(t);
    case 'us-equity': {
      const s = usEquitySession(nyLocal(t).days);
      return s !== null && t >= s.open && t < s.close ? s : null;
    }
  }
}

/** Every session overlapping [from, to), in order. */
export function sessionsBetween(market: MarketKind, from: number, to: number): Session[] {
  const out: Session[] = [];
  if (to <= from) return out;
  switch (market) {
    case 'crypto':
      for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) out.push({ date: day, open: day * DAY_MS, close: (day + 1) * DAY_MS });
      return out;
    case 'us-equity':
      for (let day = nyLocal(from).days; day <= nyLocal(to).days; day++) {
        const s = usEquitySession(day);
        if (s !== null && s.close > from && s.open < to) out.push(s);
      }
      return out;
    case 'fx':
      for (let day = nyLocal(from).days; day <= nyLocal(to).days + 1; day++) {
        const wd = weekdayOfDays(day);
        if (wd === 0 || wd === 6) continue;
        const s = { date: day, open: nyInstant(day - 1, FX_ROLL_MINUTE), close: nyInstant(day, FX_ROLL_MINUTE) };
        if (s.close > from && s.open < to) out.push(s);
      }
      return out;
  }
}

/** Whether the market trades at instant `t`. */
export function isOpenAt(market: MarketKind, t: number): boolean {
  return sessionAt(market, t) !== null;
}
