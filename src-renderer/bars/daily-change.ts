import type { Bar } from '../../shared/domain/bar';

/** A watchlist quote: the last close and its change against the previous day's close. */
export interface DailyQuote {
  readonly last: number;
  /** Percent, e.g. 1.5 for +1.5 %; null with only one day of bars. */
  readonly changePct: number | null;
  /** Open time (ms) of the bar `last` comes from. */
  readonly time: number;
}

/** From daily bars in ascending order: the last close against the close before it. */
export function dailyQuote(bars: readonly Bar[]): DailyQuote | null {
  const last = bars.at(-1);
  if (last === undefined) return null;
  const prev = bars.at(-2);
  return { last: last.close, changePct: prev === undefined ? null : changePercent(prev.close, last.close), time: last.time };
}

/** (to - from) / from in percent; null when `from` is not a positive number. */
export function changePercent(from: number, to: number): number | null {
  if (!(from > 0) || !Number.isFinite(to)) return null;
  return ((to - from) / from) * 100;
}
