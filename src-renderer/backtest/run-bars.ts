import { MAX_BARS_PER_REQUEST } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { Interval } from '../../shared/domain/interval';
import type { TapedeckClient } from '../api/tapedeck-client';

/** The bars a run was tested on, for its price chart. */
export interface RunBars {
  readonly bars: readonly Bar[];
  /** More bars exist before the first one loaded (the page limit was reached). */
  readonly truncated: boolean;
}

/** At most this many `bars.get` pages (of 50,000 bars) are loaded for one chart. */
export const MAX_BAR_PAGES = 4;

/** The series and range of a run (a `BacktestRequest` is one). */
export interface RunSeries {
  readonly source: string;
  readonly symbol: string;
  readonly interval: Interval;
  readonly from: number;
  readonly to: number;
}

/**
 * Loads the run's series in [from, to) with `bars.get`. Each answer holds the
 * newest `limit` bars of the range, so a truncated answer is followed by a
 * request for the bars before its first one, up to `maxPages`.
 */
export async function loadRunBars(client: Pick<TapedeckClient, 'call'>, series: RunSeries, maxPages = MAX_BAR_PAGES): Promise<RunBars> {
  const pages: (readonly Bar[])[] = [];
  let to = series.to;
  let truncated = false;
  for (let page = 0; page < maxPages; page++) {
    const result = await client.call('bars.get', {
      source: series.source,
      symbol: series.symbol,
      interval: series.interval,
      from: series.from,
      to,
      limit: MAX_BARS_PER_REQUEST,
    });
    pages.unshift(result.bars);
    const first = result.bars[0];
    truncated = result.truncated && first !== undefined && first.time > series.from;
    if (!truncated || first === undefined) break;
    to = first.time;
  }
  return { bars: pages.flat(), truncated };
}
