import type { ChartLevels } from '../../../shared/chart/chart-levels-settings';
import type { Interval } from '../../../shared/domain/interval';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { MarketKind } from '../../../shared/market/market-kind';
import type { BarList } from '../../bars/bar-book';
import type { OverlayRequest } from './levels-feed';

/** The strategies whose levels a pane can show (the traders' two models). */
export const LEVEL_MODELS = [
  /** The opening range is a US-equity session's, on 5m bars (the first 5m candle): not asked elsewhere. */
  { id: 'orb', strategy: 'orb', on: (l: ChartLevels, market: MarketKind | null, interval: Interval) => l.orb && market === 'us-equity' && interval === '5m' },
  { id: 'time-window', strategy: 'time-window', on: (l: ChartLevels) => l.timeWindow },
] as const;

/**
 * The strategies.overlay requests for a pane: each model turned on, over the
 * bars drawn, from the first bar to the end of the last closed one (a bar
 * still forming is left out, so nothing is drawn from a bar that has not
 * closed: live and replay alike). `source` is the series' own source (the
 * one a replay plays); `market` the series' market (null until known: no
 * opening range yet). None while levels are off or there are no closed bars.
 */
export function levelRequests(levels: ChartLevels, market: MarketKind | null, source: string, symbol: SymbolId, interval: Interval, intervalMs: number, bars: BarList): OverlayRequest[] {
  const first = bars[0];
  const last = bars.at(-1);
  if (!levels.show || first === undefined || last === undefined) return [];
  const to = last.final ? last.time + intervalMs : last.time;
  if (to <= first.time) return [];
  return LEVEL_MODELS.filter((m) => m.on(levels, market, interval)).map((m) => ({ strategy: m.strategy, source, symbol, interval, from: first.time, to }));
}
