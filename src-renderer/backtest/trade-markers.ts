import type { SeriesMarker, UTCTimestamp } from 'lightweight-charts';
import type { BacktestTrade } from '../../shared/contract';
import { toChartTime } from '../chart/series-data';
import { formatSigned } from './number-format';

export interface MarkerColors {
  readonly win: string;
  readonly loss: string;
}

/** The open time of the bar holding `time`: the latest bar time ≤ it; null before the first bar or with no bars. */
export function snapToBar(barTimes: readonly number[], time: number): number | null {
  let lo = 0;
  let hi = barTimes.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = barTimes[mid] ?? Number.POSITIVE_INFINITY;
    if (t <= time) {
      found = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The id of a trade's entry or exit marker (`t3:entry`), so a click can find the trade. */
export function markerId(index: number, end: 'entry' | 'exit'): string {
  return `t${String(index)}:${end}`;
}

/**
 * Markers for the price chart: an arrow at each entry (up below the bar for a
 * long, down above it for a short) and a circle at each exit (on the other
 * side), coloured by win or loss. Each exit is labelled with the trade's
 * return; `withReasons` adds the entry and exit reasons; the `focus` trade's
 * markers are drawn larger. Times are snapped to
 * the bars shown (trades outside them are left out) and sorted, as
 * lightweight-charts needs.
 */
export function tradeMarkers(
  trades: readonly BacktestTrade[],
  barTimes: readonly number[],
  colors: MarkerColors,
  withReasons: boolean,
  focus: number | null = null,
): SeriesMarker<UTCTimestamp>[] {
  const markers: SeriesMarker<UTCTimestamp>[] = [];
  trades.forEach((trade, index) => {
    const color = trade.pnl > 0 ? colors.win : colors.loss;
    const long = trade.side === 'long';
    const size = index === focus ? { size: 2 } : {};
    const entry = snapToBar(barTimes, trade.entryTime);
    if (entry !== null) {
      markers.push({
        id: markerId(index, 'entry'),
        time: toChartTime(entry),
        position: long ? 'belowBar' : 'aboveBar',
        shape: long ? 'arrowUp' : 'arrowDown',
        color,
        ...size,
        ...(withReasons ? { text: `${long ? 'Long' : 'Short'}: ${trade.entryReason}` } : {}),
      });
    }
    const exit = snapToBar(barTimes, trade.exitTime);
    if (exit !== null) {
      markers.push({
        id: markerId(index, 'exit'),
        time: toChartTime(exit),
        position: long ? 'aboveBar' : 'belowBar',
        shape: 'circle',
        color,
        ...size,
        text: withReasons ? `${trade.exitReason} ${formatSigned(trade.returnPct, 2)}%` : `${formatSigned(trade.returnPct, 2)}%`,
      });
    }
  });
  return markers.map((m, i) => ({ m, i })).sort((x, y) => x.m.time - y.m.time || x.i - y.i).map(({ m }) => m);
}

/** The visible range (chart seconds) that frames a trade with `padBars` bars either side. */
export function tradeRange(trade: BacktestTrade, intervalMs: number, padBars = 20): { readonly from: UTCTimestamp; readonly to: UTCTimestamp } {
  const pad = padBars * intervalMs;
  return { from: toChartTime(Math.max(0, trade.entryTime - pad)), to: toChartTime(trade.exitTime + pad) };
}
