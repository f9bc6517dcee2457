import { createSeriesMarkers, type ISeriesApi, type ISeriesMarkersPluginApi, type Time } from 'lightweight-charts';
import type { ReplayState, TradeDetail } from '../../shared/contract';
import { INTERVAL_MS, MINUTE_MS } from '../../shared/domain/interval';
import type { SymbolId } from '../../shared/domain/symbol';
import type { TapedeckClient } from '../api/tapedeck-client';
import { BACKTEST_COLORS } from '../backtest/backtest-chart-theme';
import type { PaneRegistry } from '../chart/pane-registry';
import { layoutActions } from '../layout/layout-actions';
import type { SettingsSlice } from '../settings/settings-slice';
import { fillMarkers } from './fill-markers';

/** Bars of the active pane's interval the replay starts before the entry, and plays on after the exit. */
export const REPLAY_BARS_BEFORE = 30;
export const REPLAY_BARS_AFTER = 20;
export const REPLAY_SPEED = 10;

export interface TradeReplayDeps {
  readonly client: Pick<TapedeckClient, 'call' | 'subscribe'>;
  readonly panes: PaneRegistry;
  readonly chartLayout: SettingsSlice<'chartLayout'>;
}

/** Follows one replayed trade: its fills appear on the active pane as the replay clock passes them. */
interface Follower {
  stop(): void;
}

const followers = new WeakMap<PaneRegistry, Follower>();

/** The replay range of a trade: N bars of `intervalMs` before the entry's bar to M after the exit's. */
export function replayRange(detail: Pick<TradeDetail, 'trade'>, intervalMs: number, before = REPLAY_BARS_BEFORE, after = REPLAY_BARS_AFTER): { from: number; to: number } {
  const step = Math.max(MINUTE_MS, intervalMs);
  const from = Math.floor(detail.trade.openedAt / step) * step - before * step;
  const end = detail.trade.closedAt ?? detail.trade.openedAt;
  return { from: Math.max(0, from), to: Math.floor(end / step) * step + (after + 1) * step };
}

function follow(deps: TradeReplayDeps, detail: TradeDetail, paneIndex: number): Follower {
  const { executions, chart } = detail;
  let series: ISeriesApi<'Candlestick'> | null = null;
  let markers: ISeriesMarkersPluginApi<Time> | null = null;
  let cursor = Number.NEGATIVE_INFINITY;
  let stopDraw: (() => void) | null = null;
  const draw = (): void => {
    const pane = deps.panes.get(paneIndex);
    if (pane === undefined) return;
    if (pane.candles !== series) {
      markers?.detach();
      stopDraw?.();
      series = pane.candles;
      markers = createSeriesMarkers(series, []);
      stopDraw = pane.onDraw(draw);
    }
    markers?.setMarkers(fillMarkers(executions, pane.bars().map((b) => b.time), { buy: BACKTEST_COLORS.win, sell: BACKTEST_COLORS.loss }, chart.underlying, cursor));
  };
  const unsubscribe = deps.client.subscribe('replay.changed', {}, (s: ReplayState) => {
    if (s.symbol !== chart.symbol || s.status === 'idle') {
      cursor = Number.NEGATIVE_INFINITY;
    } else cursor = s.cursor ?? Number.NEGATIVE_INFINITY;
    draw();
  });
  return {
    stop() {
      unsubscribe();
      stopDraw?.();
      markers?.detach();
    },
  };
}

/**
 * Opens a trade in bar replay on the active pane: the replay contract plays
 * the trade's series (an option's underlying) from REPLAY_BARS_BEFORE bars
 * before the entry, the pane switches to the `replay` stream, and each fill
 * is marked at its price when the replay clock reaches it.
 */
export async function startTradeReplay(deps: TradeReplayDeps, detail: TradeDetail): Promise<ReplayState> {
  const layout = deps.chartLayout.getState().value;
  const paneIndex = layout?.activePane ?? 0;
  const interval = layout?.panes[paneIndex]?.interval ?? '1m';
  const { from, to } = replayRange(detail, INTERVAL_MS[interval]);
  followers.get(deps.panes)?.stop();
  followers.delete(deps.panes);
  const state = await deps.client.call('replay.start', { source: detail.chart.source, symbol: detail.chart.symbol, from, to, speed: REPLAY_SPEED });
  layoutActions(deps.chartLayout).showReplay(detail.chart.symbol as SymbolId);
  followers.set(deps.panes, follow(deps, detail, paneIndex));
  return state;
}
