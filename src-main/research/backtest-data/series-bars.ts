import type { BarsQuery, Coverage } from '../../../shared/contract';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { EpochMs } from '../../../shared/domain/epoch';
import { sliceColumns } from '../../../shared/domain/bar-columns';
import type { Interval } from '../../../shared/domain/interval';
import type { MarketKind } from '../../../shared/market/market-kind';
import type { BarService } from '../../market-data/bar-service';
import type { BarsRead } from '../../market-data/window-read';
import { DataSetError } from './data-set-error';

export interface SeriesQuery {
  readonly source: BarsQuery['source'];
  readonly symbol: BarsQuery['symbol'];
  readonly interval: Interval;
  readonly from: EpochMs;
  readonly to: EpochMs;
}

/** The most bars one backtest or gym session reads (ten years of 1m bars of a 24/7 market are 5.3 M). */
export const MAX_SERIES_BARS = 6_000_000;

/**
 * The closed bars of a series in [from, to), at any interval (derived from
 * the 1m truth exactly as the charts are, the range completed from the venue
 * or the generator first), with its coverage, for a backtest or a gym
 * session. A bar still forming is left out: nothing is decided on a bar that
 * has not closed. An unknown series fails as the contract does (NOT_FOUND,
 * naming the field); a range without bars, or with more than MAX_SERIES_BARS
 * (never cut silently), is a DataSetError on `from`.
 */
export async function loadSeriesBars(service: BarService, q: SeriesQuery): Promise<ClosedSeries> {
  return closedSeries(await service.get({ source: q.source, symbol: q.symbol, interval: q.interval, from: q.from, to: q.to, limit: MAX_SERIES_BARS }), q);
}

export interface ClosedSeries {
  readonly market: MarketKind;
  readonly columns: BarColumns;
  readonly coverage: Coverage;
}

/** The closed bars of a read (see loadSeriesBars), or a DataSetError on `from`. */
export function closedSeries(read: BarsRead, q: SeriesQuery): ClosedSeries {
  const { market, bars, truncated, coverage } = read;
  if (truncated) {
    throw new DataSetError('from', `${q.source}:${q.symbol} ${q.interval} holds more than ${MAX_SERIES_BARS.toLocaleString('en-US')} bars between ${new Date(q.from).toISOString()} and ${new Date(q.to).toISOString()}: narrow the range or use a longer interval`);
  }
  let n = bars.length;
  while (n > 0 && bars.final[n - 1] !== 1) n--;
  if (n === 0) throw new DataSetError('from', `no closed ${q.interval} bars of ${q.source}:${q.symbol} between ${new Date(q.from).toISOString()} and ${new Date(q.to).toISOString()}`);
  return { market, columns: sliceColumns(bars, 0, n), coverage };
}
