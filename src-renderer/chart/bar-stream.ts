import type { Bar } from '../../shared/domain/bar';
import type { MarketKind } from '../../shared/market/market-kind';
import type { ContractError } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import { toContractError } from '../app/to-contract-error';
import { createBarCoalescer } from '../bars/bar-coalescer';
import { findBar, mergeBars, normalizeBars, planRedraw } from '../bars/bar-book';
import type { ChartSummary } from './chart-summary';
import type { ChartTarget } from './chart-target';

/** Where the bars are drawn (the chart's series); bars arrive in ascending time order. */
export interface BarSink {
  /** Replaces everything drawn; after a snapshot, also brings the latest bars into view. */
  replace(bars: readonly Bar[], showLatest: boolean): void;
  /** Draws bars at or after the last one drawn, in place. */
  update(bars: readonly Bar[]): void;
}

export interface BarStreamOptions {
  readonly client: Pick<TapedeckClient, 'subscribe' | 'call'>;
  readonly target: ChartTarget;
  readonly sink: BarSink;
  readonly publish: (summary: ChartSummary) => void;
  readonly frames?: FrameScheduler;
}

export interface BarStream {
  /** The crosshair moved to the bar opening at `time` (ms), or left the bars (null). */
  hover(time: number | null): void;
  /** Unsubscribes and drops anything not yet drawn. */
  stop(): void;
}

/**
 * One `bars.updates` subscription drawn into a sink. The bars are kept by open
 * time; updates are coalesced (latest version of each bar) and drawn at most
 * once per frame, in place when they are at or after the last bar drawn, by
 * rebuilding the series when one is older (a correction or late history).
 */
export function startBarStream({ client, target, sink, publish, frames }: BarStreamOptions): BarStream {
  let bars: Bar[] = [];
  let market: MarketKind | null = null;
  let error: ContractError | null = null;
  let hoverTime: number | null = null;
  let snapshotSeen = false;
  let snapshotToDraw = false;
  let stopped = false;
  const waiting = createBarCoalescer();

  const summary = (): ChartSummary => ({
    status: snapshotSeen ? (bars.length === 0 ? 'empty' : 'ready') : error !== null ? 'error' : 'loading',
    error: snapshotSeen ? null : error,
    market,
    barCount: bars.length,
    lastBar: bars.at(-1) ?? null,
    hoverBar: hoverTime === null ? null : findBar(bars, hoverTime),
  });

  const draw = (): void => {
    if (stopped) return;
    const changes = waiting.take();
    if (snapshotToDraw) {
      snapshotToDraw = false;
      bars = mergeBars(bars, changes);
      sink.replace(bars, true);
    } else if (changes.length > 0) {
      const plan = planRedraw(bars, changes);
      bars = mergeBars(bars, changes);
      if (plan === 'update') sink.update(changes);
      else sink.replace(bars, false);
    }
    publish(summary());
  };
  const frame = createFrameFlush(draw, frames);

  sink.replace([], false);
  publish(summary());

  const unsubscribe = client.subscribe('bars.updates', target, (payload) => {
    if (stopped) return;
    switch (payload.kind) {
      case 'snapshot':
        bars = normalizeBars(payload.bars);
        market = payload.market;
        waiting.clear();
        snapshotSeen = true;
        snapshotToDraw = true;
        break;
      case 'update':
        waiting.add(payload.bars);
        break;
    }
    frame.schedule();
  });

  // A refused subscription is only logged by the client; ask for one bar of
  // the same series to learn the core's reason, and show it unless bars came.
  client.call('bars.get', { ...target, limit: 1 }).then(
    () => undefined,
    (reason: unknown) => {
      if (stopped || snapshotSeen) return;
      error = toContractError(reason);
      publish(summary());
    },
  );

  return {
    hover(time) {
      if (stopped || time === hoverTime) return;
      hoverTime = time;
      publish(summary());
    },
    stop() {
      stopped = true;
      frame.cancel();
      waiting.clear();
      unsubscribe();
    },
  };
}
