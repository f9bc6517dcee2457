import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { ChartLevel, Strategy, StrategyMarkers } from '../../../shared/strategy/strategy';
import { runBacktest } from './backtest-engine';
import type { BacktestConfigInput } from './backtest-config';
import type { BacktestError } from './backtest-error';

/** The most levels an overlay returns (the most recent ones). */
export const OVERLAY_MAX_LEVELS = 2000;

/** An entry signal: at the close of the bar at `time`; `price` is that close. */
export interface OverlaySignal {
  readonly time: number;
  readonly side: 'long' | 'short';
  readonly setup: string;
  readonly reason: string;
  readonly price: number;
  /** Reported without a position (a long-only mode's down day, a short in a run without shorts). */
  readonly observed: boolean;
}

export interface Overlay {
  readonly levels: readonly ChartLevel[];
  readonly markers: StrategyMarkers;
  readonly signals: readonly OverlaySignal[];
}

export type OverlayOutcome = { readonly ok: true; readonly overlay: Overlay } | { readonly ok: false; readonly error: BacktestError };

/**
 * What a chart draws for a strategy over some bars, from the very run a
 * backtest makes (the same engine, so the same signals): the strategy's
 * levels after the last bar (the most recent OVERLAY_MAX_LEVELS; a level
 * without an end is cut at the last bar), its marker times (past and next),
 * and every entry intent it gave, with whether it was a signal without
 * position. Pure, like the engine.
 */
export function strategyOverlay(strategy: Strategy, bars: BarColumns, config: BacktestConfigInput): OverlayOutcome {
  const signals: OverlaySignal[] = [];
  const outcome = runBacktest(strategy, bars, config, {
    onIntent: (intent, time, close, observed) => {
      if (intent.target === 'flat') return;
      signals.push({ time, side: intent.target, setup: intent.setup, reason: intent.reason, price: close, observed });
    },
  });
  if (!outcome.ok) return outcome;
  const lastTime = bars.length > 0 ? (bars.time[bars.length - 1] ?? 0) : 0;
  const levels = (strategy.levels?.() ?? []).slice(-OVERLAY_MAX_LEVELS).map((l) => (Number.isFinite(l.to) ? l : { ...l, to: Math.max(l.from, lastTime) }));
  const markers = strategy.markers?.() ?? { past: [], next: [] };
  return { ok: true, overlay: { levels, markers: { past: [...markers.past], next: [...markers.next] }, signals } };
}
