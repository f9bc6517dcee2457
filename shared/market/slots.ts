import { lowerBoundOf } from '../domain/sorted-search';
import { DAY_MS, INTERVAL_MS, type BaseInterval, type Interval } from '../domain/interval';
import { bucketOf } from './bucket';
import type { MarketKind } from './market-kind';
import { nyInstant } from './new-york-time';
import { sessionsBetween, type Session } from './sessions';

/**
 * Where a series is expected to have bars: the slots of its base interval
 * inside the market's sessions, and the bars of any interval those slots
 * make up. Nights, weekends and NYSE holidays (US equities) and FX weekends
 * hold no slot, so they are never "missing".
 */

/** A run of slots [from, to). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** The civil day a daily base bar of `session` may be stamped on: its date in the market's zone (imports stamp a date). */
function dayWindow(market: MarketKind, session: Session): Span {
  switch (market) {
    case 'crypto':
      return { from: session.date * DAY_MS, to: (session.date + 1) * DAY_MS };
    case 'us-equity':
      return { from: nyInstant(session.date, 0), to: nyInstant(session.date + 1, 0) };
    case 'fx':
      return { from: session.open, to: session.close };
  }
}


/**
 * The empty base slots of a series in [from, to): spans of `base` slots
 * inside sessions where `times` (sorted open times) has no bar. Adjacent
 * empty slots merge, also across sessions that touch (crypto days). A
 * session whose slots are all present is checked by two binary searches, so
 * a complete year of 1m bars costs a few hundred searches, not 525,600 steps.
 * A daily base is present for a session when a bar is stamped on its day.
 */
export function emptySlots(market: MarketKind, base: BaseInterval, times: Float64Array, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open: number | null = null;
  let openEnd = 0;
  const push = (a: number, b: number): void => {
    if (open !== null && a === openEnd) {
      openEnd = b;
      return;
    }
    if (open !== null) out.push({ from: open, to: openEnd });
    open = a;
    openEnd = b;
  };
  let p = 0;
  if (base === '1d') {
    for (const s of sessionsBetween(market, from, to)) {
      const day = dayWindow(market, s);
      if (day.to <= from || day.from >= to) continue;
      p = lowerBoundOf(times, day.from, p);
      if (p < times.length && (times[p] ?? 0) < day.to) continue;
      push(Math.max(day.from, from), Math.min(day.to, to));
    }
  } else {
    const step = INTERVAL_MS[base];
    for (const s of sessionsBetween(market, from, to)) {
      const first = Math.ceil(Math.max(s.open, from) / step) * step;
      const end = Math.min(s.close, to);
      if (first >= end) continue;
      const slots = Math.ceil((end - first) / step);
      p = lowerBoundOf(times, first, p);
      const q = lowerBoundOf(times, end, p);
      if (q - p >= slots) {
        p = q;
        continue;
      }
      for (let slot = first; slot < end; slot += step) {
        while (p < q && (times[p] ?? 0) < slot) p++;
        if (p < q && times[p] === slot) continue;
        push(slot, slot + step);
      }
      p = q;
    }
  }
  if (open !== null) out.push({ from: open, to: openEnd });
  return out;
}

/**
 * How many bars of `interval` a complete series has with open time in
 * [from, to): its buckets (bucket.ts) that hold at least one session minute
 * of the window. Intraday buckets are counted arithmetically (crypto and FX
 * on UTC multiples, US equities from each session's open), days and weeks
 * by their bucket, so a year costs one step per session.
 */
export function expectedBars(market: MarketKind, interval: Interval, from: number, to: number): number {
  let count = 0;
  let last = Number.NaN;
  const size = INTERVAL_MS[interval];
  const daily = interval === '1d' || interval === '1w';
  for (const s of sessionsBetween(market, from, to)) {
    const a = Math.max(s.open, from);
    const b = Math.min(s.close, to);
    if (a >= b) continue;
    if (daily) {
      const bucket = bucketOf(market, interval, a);
      if (bucket === null || bucket.start === last) continue;
      // Only buckets that start inside the window are the window's bars.
      if (bucket.start < from) {
        last = bucket.start;
        continue;
      }
      last = bucket.start;
      count++;
      continue;
    }
    const anchor = market === 'us-equity' ? s.open : 0;
    // A bucket may start before the session's first minute (FX's Sunday 17:00 inside a UTC 4h bucket): it is still a bar.
    let firstIdx = Math.floor((a - anchor) / size);
    if (anchor + firstIdx * size < from || anchor + firstIdx * size === last) firstIdx++;
    const lastIdx = Math.floor((b - 1 - anchor) / size);
    if (lastIdx >= firstIdx) {
      count += lastIdx - firstIdx + 1;
      last = anchor + lastIdx * size;
    }
  }
  return count;
}
