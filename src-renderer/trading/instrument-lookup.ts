import type { SymbolId } from '../../shared/domain/symbol';
import { tradedFromInstrument, type TradedInstrument } from '../../shared/trading/traded-instrument';
import { resolvePane } from '../chart/chart-target';
import { findInstrument } from '../feeds/feed-lookup';
import { feedSituation, feedStatuses, type FeedSituation } from '../feeds/feed-situation';
import { resolveSource } from '../feeds/source-resolution';
import type { TradingInputs } from './trading-inputs';

/** An instrument on a source: what an order names. */
export interface Series {
  readonly source: string;
  readonly symbol: SymbolId;
}

export function situationOf(inputs: Pick<TradingInputs, 'feeds' | 'health'>): FeedSituation | null {
  const { feeds, error } = inputs.feeds.getState();
  return feedSituation(feeds, error !== null, feedStatuses(inputs.health.getState().health));
}

/** The active pane's source and symbol (what Shift+B buys); null until resolved. */
export function activeSeries(inputs: TradingInputs): Series | null {
  const layout = inputs.chartLayout.getState().value;
  const target = resolvePane(layout, layout?.activePane ?? 0, inputs.settings.getState().settings, situationOf(inputs)).target;
  return target === null ? null : { source: target.source, symbol: target.symbol };
}

/** Where a typed symbol trades: its resolved source (as a chart of it would show); null while pending. */
export function seriesOf(inputs: TradingInputs, symbol: SymbolId): Series | null {
  const settings = inputs.settings.getState().settings;
  if (settings === null) return null;
  const resolution = resolveSource(symbol, settings.defaultFeed, situationOf(inputs));
  return resolution === null ? null : { source: resolution.source, symbol };
}

/** The instrument as traded (tick, lot, asset class, currency), from `feeds.list`; null when no feed lists it. */
export function tradedInstrumentOf(inputs: Pick<TradingInputs, 'feeds'>, series: Series): TradedInstrument | null {
  const found = findInstrument(inputs.feeds.getState().feeds, series.source, series.symbol);
  return found === null ? null : { ...tradedFromInstrument(found), source: series.source };
}
