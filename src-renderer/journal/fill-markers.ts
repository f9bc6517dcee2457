import type { SeriesMarker, UTCTimestamp } from 'lightweight-charts';
import type { Execution } from '../../shared/trading/execution';
import { snapToBar } from '../backtest/trade-markers';
import { toChartTime } from '../chart/series-data';
import { formatPrice, formatSize } from './journal-format';

export interface FillColors {
  readonly buy: string;
  readonly sell: string;
}

/**
 * A marker per fill on a chart of the trade's bars: an arrow up under a buy,
 * down over a sell, placed at the fill's price (an option's fill at its
 * underlying's price, when known, on the underlying's chart) on the bar that
 * holds its time. Fills after `until` (a replay's clock) are left out, so a
 * replay shows each fill when it happened. Sorted by time, as the chart needs.
 */
export function fillMarkers(fills: readonly Execution[], barTimes: readonly number[], colors: FillColors, onUnderlying: boolean, until = Number.POSITIVE_INFINITY): SeriesMarker<UTCTimestamp>[] {
  const out: { at: number; marker: SeriesMarker<UTCTimestamp> }[] = [];
  for (const f of fills) {
    if (f.time >= until) continue;
    const bar = snapToBar(barTimes, f.time);
    if (bar === null) continue;
    const buy = f.side === 'buy';
    const price = onUnderlying ? f.underlyingPrice : f.price;
    const text = `${buy ? 'B' : 'S'} ${formatSize(f.qty)} @ ${formatPrice(f.price)}`;
    const base = { id: f.id, time: toChartTime(bar), color: buy ? colors.buy : colors.sell, shape: buy ? 'arrowUp' : 'arrowDown', text } as const;
    const marker: SeriesMarker<UTCTimestamp> =
      price === null ? { ...base, position: buy ? 'belowBar' : 'aboveBar' } : { ...base, position: buy ? 'atPriceBottom' : 'atPriceTop', price };
    out.push({ at: f.time, marker });
  }
  return out.sort((a, b) => a.at - b.at).map((m) => m.marker);
}
