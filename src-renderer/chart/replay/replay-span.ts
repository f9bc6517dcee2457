import { DAY_MS } from '../../../shared/domain/interval';
import type { Bar } from '../../../shared/domain/bar';

/** Bars of the pane's interval a replay keeps before its start, and plays after it, within the day bounds below. */
const SPAN_BARS = 300;
const MIN_SPAN_MS = 3 * DAY_MS;
const MAX_SPAN_MS = 20 * DAY_MS;

/** How much time a replay keeps as context before its start (and plays after it): 300 bars, at least 3 days, at most 20. */
export function replaySpanMs(intervalMs: number): number {
  return Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, SPAN_BARS * intervalMs));
}

/**
 * Where the replay clock goes so the pane's last bar is `bar` complete and
 * nothing after it is played: the open of the bar after it (`next`), or the
 * end of its interval when none follows.
 */
export function cursorAfter(bar: Bar, next: Bar | undefined, intervalMs: number): number {
  return next?.time ?? bar.time + intervalMs;
}

/**
 * The replay range for a start at `cursor`: `span` before it as context, up
 * to `span` after it (not past `now`, the newest minute), whole minutes.
 */
export function replayRange(cursor: number, spanMs: number, now: number): { readonly from: number; readonly to: number } {
  const minute = 60_000;
  const from = Math.floor((cursor - spanMs) / minute) * minute;
  const to = Math.max(cursor + minute, Math.floor(Math.min(cursor + spanMs, now) / minute) * minute);
  return { from, to };
}

/** How far past a bar the bars after it are looked for: a long weekend and a holiday, or `count` bars of the interval more. */
const AFTER_GAP_MS = 5 * DAY_MS;

/**
 * A bars.get window holding the first `count` bars at or after `time`
 * (bars.get answers the newest of a range, so the range is bounded): up to
 * `count` intervals plus a five-day gap later. Take the first `count` bars
 * of the reply.
 */
export function barsFromQuery(time: number, intervalMs: number, count: number): { readonly from: number; readonly to: number; readonly limit: number } {
  return { from: time, to: time + count * intervalMs + AFTER_GAP_MS, limit: 50_000 };
}
