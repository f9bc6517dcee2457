import { useEffect, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_CHART_LEVELS } from '../../../shared/chart/chart-levels-settings';
import type { ContractError, StrategyOverlay } from '../../../shared/contract';
import { INTERVAL_MS } from '../../../shared/domain/interval';
import { useAppContext } from '../../app/app-context';
import { wallTime } from '../../format/chart-zone';
import { chartMarkers, type ChartMarker } from '../marker-layer';
import type { PaneLayerProps } from '../pane-handle';
import { createLevelsFeed, type OverlayRequest } from './levels-feed';
import { levelsGeometry } from './levels-geometry';
import { createLevelsPrimitive } from './levels-primitive';
import { levelRequests } from './levels-request';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const SIGNAL_COLORS = { long: '#3fb950', short: '#ff7b72', observed: '#8b949e' } as const;

/** The strategies' entry signals as markers on the bars they were computed on. */
function signalMarkers(overlays: readonly StrategyOverlay[], interval: ChartMarker['interval']): ChartMarker[] {
  return overlays.flatMap((o) =>
    o.signals.map((s): ChartMarker => ({
      time: s.time,
      position: s.side === 'long' ? 'belowBar' : 'aboveBar',
      shape: s.observed ? 'circle' : s.side === 'long' ? 'arrowUp' : 'arrowDown',
      color: s.observed ? SIGNAL_COLORS.observed : SIGNAL_COLORS[s.side],
      id: `signal:${s.setup}`,
      ...(interval === undefined ? {} : { interval }),
    })),
  );
}

/**
 * The traders' levels on a pane (its `levels` settings): the opening range's
 * high, low and mid per day, the time-window model's marker lines (past
 * ones faint, the next one bright before it prints) and previous-block
 * high and low, from strategies.overlay over the bars drawn; asked again
 * whenever a bar closes. Entry signals go to the marker layer. Works the
 * same on a replay (the replayed series, up to the replay clock).
 */
export function LevelsLayer({ pane, view }: PaneLayerProps): ReactElement | null {
  const { client, stores } = useAppContext();
  const levels = useStore(stores.chartLayout, (s) => s.value?.panes[pane.index]?.levels ?? DEFAULT_CHART_LEVELS);
  const [error, setError] = useState<ContractError | null>(null);
  const { dataSource, interval, zone, market } = view;
  const symbol = view.target?.symbol ?? null;
  const { show, orb, timeWindow, signals } = levels;

  useEffect(() => {
    const producer = `strategy-signals:${String(pane.index)}`;
    if (!show || dataSource === null || symbol === null || interval === null) {
      setError(null);
      return undefined;
    }
    const intervalMs = INTERVAL_MS[interval];
    const primitive = createLevelsPrimitive((t) => {
      const w = wallTime(zone, t);
      return `${pad2(Math.floor(w.minuteOfDay / 60))}:${pad2(w.minuteOfDay % 60)}`;
    });
    pane.candles.attachPrimitive(primitive);
    let overlays: readonly StrategyOverlay[] = [];
    let asked: readonly OverlayRequest[] = [];
    const place = (): void => {
      primitive.setGeometry(levelsGeometry(overlays, pane.bars(), intervalMs));
    };
    const feed = createLevelsFeed(
      client,
      () => levelRequests({ show, orb, timeWindow, signals }, market, dataSource, symbol, interval, intervalMs, pane.bars()),
      (result) => {
        overlays = result.overlays;
        asked = result.requests;
        setError(result.error);
        place();
        chartMarkers.getState().set(producer, dataSource, symbol, signals ? signalMarkers(overlays, interval) : []);
      },
    );
    feed.refresh();
    let lastTime = pane.bars().at(-1)?.time ?? null;
    const stop = pane.onDraw((kind) => {
      const t = pane.bars().at(-1)?.time ?? null;
      if (kind === 'update' && t === lastTime) return;
      lastTime = t;
      place();
      feed.refresh();
    });
    pane.probes.set('levels', () => ({ requests: asked, drawn: primitive.drawn() }));

    return () => {
      stop();
      feed.stop();
      pane.probes.delete('levels');
      pane.candles.detachPrimitive(primitive);
      chartMarkers.getState().set(producer, dataSource, symbol, []);
    };
  }, [pane, client, show, orb, timeWindow, signals, dataSource, symbol, interval, zone, market]);

  if (error === null) return null;
  return (
    <div className="chart-levels-note" role="status" data-testid="chart-levels-error" title={error.message}>
      Levels: {error.message}
    </div>
  );
}
