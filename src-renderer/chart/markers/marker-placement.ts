import type { SeriesMarker, UTCTimestamp } from 'lightweight-charts';
import type { Interval } from '../../../shared/domain/interval';
import { indexAtOrBefore, type BarList } from '../../bars/bar-book';
import type { ChartMarker } from '../marker-layer';
import { toChartTime } from '../series-data';

/**
 * The markers a pane draws, as lightweight-charts takes them: each on the
 * bar containing its time (the last bar opening at or before it; a marker
 * past the end of that bar's interval, in a gap, still sits on it), those of
 * another interval, before the first bar or after the last bar's interval
 * left out, sorted by time (stable), an atPrice marker without a price put
 * by the bar instead.
 */
export function placeMarkers(markers: readonly ChartMarker[], bars: BarList, interval: Interval | null, intervalMs: number): SeriesMarker<UTCTimestamp>[] {
  const last = bars.at(-1);
  if (last === undefined) return [];
  const placed: { readonly m: SeriesMarker<UTCTimestamp>; readonly i: number }[] = [];
  markers.forEach((marker, i) => {
    if (marker.interval !== undefined && marker.interval !== interval) return;
    if (marker.time >= last.time + intervalMs) return;
    const at = bars[indexAtOrBefore(bars, marker.time)];
    if (at === undefined) return;
    placed.push({ m: toSeriesMarker(marker, toChartTime(at.time)), i });
  });
  return placed.sort((a, b) => a.m.time - b.m.time || a.i - b.i).map(({ m }) => m);
}

function toSeriesMarker(marker: ChartMarker, time: UTCTimestamp): SeriesMarker<UTCTimestamp> {
  const base = {
    time,
    shape: marker.shape,
    color: marker.color,
    ...(marker.text === undefined ? {} : { text: marker.text }),
    ...(marker.size === undefined ? {} : { size: marker.size }),
    ...(marker.id === undefined ? {} : { id: marker.id }),
  };
  switch (marker.position) {
    case 'aboveBar':
    case 'belowBar':
    case 'inBar':
      return { ...base, position: marker.position };
    case 'atPriceTop':
    case 'atPriceBottom':
    case 'atPriceMiddle':
      if (marker.price === undefined) return { ...base, position: marker.position === 'atPriceTop' ? 'belowBar' : marker.position === 'atPriceBottom' ? 'aboveBar' : 'inBar' };
      return { ...base, position: marker.position, price: marker.price };
  }
}
