import { createSeriesMarkers } from 'lightweight-charts';
import { useEffect } from 'react';
import { INTERVAL_MS } from '../../../shared/domain/interval';
import { chartMarkers } from '../marker-layer';
import type { PaneLayerProps } from '../pane-handle';
import { useSeriesItems } from '../use-series-items';
import { placeMarkers } from './marker-placement';

/**
 * Draws the markers of chartMarkers for the pane's series on its candles
 * (createSeriesMarkers), placed again when the markers change, when the
 * bars drawn change whole, and when a new bar opens (a marker waiting past
 * the last bar may now have its bar).
 */
export function MarkersLayer({ pane, view }: PaneLayerProps): null {
  const markers = useSeriesItems(chartMarkers, view.dataSource, view.target?.symbol ?? null);
  const { interval } = view;

  useEffect(() => {
    const plugin = createSeriesMarkers(pane.candles, []);
    const intervalMs = interval === null ? 0 : INTERVAL_MS[interval];
    let lastTime: number | null = null;
    const place = (): void => {
      const bars = pane.bars();
      lastTime = bars.at(-1)?.time ?? null;
      plugin.setMarkers(placeMarkers(markers, bars, interval, intervalMs));
    };
    place();
    pane.probes.set('markers', () => plugin.markers());
    const stop = pane.onDraw((kind) => {
      if (kind !== 'update' || (pane.bars().at(-1)?.time ?? null) !== lastTime) place();
    });
    return () => {
      stop();
      pane.probes.delete('markers');
      plugin.detach();
    };
  }, [pane, markers, interval]);

  return null;
}
