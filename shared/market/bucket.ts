import { DAY_MS, INTERVAL_MS, WEEK_MS, type Interval } from '../domain/interval';
import { weekdayOfDays } from './civil-date';
import type { MarketKind } from './market-kind';
import { nyInstant, nyLocal } from './new-york-time';
import { FX_ROLL_MINUTE, fxTradingDay, usEquitySession } from './sessions';

/** The bar a moment belongs to for one interval: [start, end) in UTC ms. */
export interface Bucket {
  readonly start: number;
  readonly end: number;
}

/** 1970-01-05 was the first Monday after the epoch. */
const MONDAY_OFFSET = 4 * DAY_MS;

function epochAligned(t: number, size: number): Bucket {
  const start = Math.floor(t / size) * size;
  return { start, end: start + size };
}

function utcWeek(t: number): Bucket {
  const start = Math.floor((t - MONDAY_OFFSET) / WEEK_MS) * WEEK_MS + MONDAY_OFFSET;
  return { start, end: start + WEEK_MS };
}

function usEquityBucket(interval: Interval, t: number): Bucket | null {
  const local = nyLocal(t);
  if (interval === '1w') {
    const monday = local.days - ((weekdayOfDays(local.days) + 6) % 7);
    let first = null;
    let last = null;
    for (let day = monday; day < monday + 5; day++) {
      const s = usEquitySession(day);
      if (s === null) continue;
      first ??= s;
      last = s;
    }
    if (first === null || last === null || t < first.open || t >= last.close) return null;
    return { start: first.open, end: last.close };
  }
  const session = usEquitySession(local.days);
  if (session === null || t < session.open || t >= session.close) return null;
  if (interval === '1d') return { start: session.open, end: session.close };
  const size = INTERVAL_MS[interval];
  const start = session.open + Math.floor((t - session.open) / size) * size;
  return { start, end: Math.min(start + size, session.close) };
}

function fxBucket(interval: Interval, t: number): Bucket {
  const session = fxTradingDay(t);
  if (interval === '1d') return { start: session.open, end: session.close };
  if (interval === '1w') {
    const monday = session.date - ((weekdayOfDays(session.date) + 6) % 7);
    // Sunday 17:00 to the next Sunday 17:00: a week holds every trading day dated Monday to Sunday.
    return { start: nyInstant(monday - 1, FX_ROLL_MINUTE), end: nyInstant(monday + 6, FX_ROLL_MINUTE) };
  }
  return epochAligned(t, INTERVAL_MS[interval]);
}

/**
 * The one alignment rule per market (ARCHITECTURE.md, principle 1):
 * - crypto: UTC epoch boundaries; weeks start Monday 00:00 UTC;
 * - us-equity: intraday buckets anchored at the 09:30 New York open and cut at
 *   the close; a day is the session; a week runs from its first session's open
 *   to its last session's close; moments outside the session belong to no bar;
 * - fx: intraday buckets on UTC boundaries; a day is the trading day ending
 *   17:00 New York; weeks start Sunday 17:00 New York (prints after Friday's
 *   roll, which real data has, form their own small day bar rather than vanish).
 */
export function bucketOf(market: MarketKind, interval: Interval, t: number): Bucket | null {
  switch (market) {
    case 'crypto':
      return interval === '1w' ? utcWeek(t) : epochAligned(t, INTERVAL_MS[interval]);
    case 'us-equity':
      return usEquityBucket(interval, t);
    case 'fx':
      return fxBucket(interval, t);
  }
}
