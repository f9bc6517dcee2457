import type { Bar } from '../../shared/domain/bar';
import type { MarketKind } from '../../shared/market/market-kind';
import type { ContractError, Coverage, MissingSpan } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import { toContractError } from '../app/to-contract-error';
import { createBarCoalescer } from '../bars/bar-coalescer';
import { indexOfBar, mergeBars, normalizeBars, planRedraw, type BarList } from '../bars/bar-book';
import { prependOlder } from '../bars/older-page';
import type { ChartSummary } from './chart-summary';
import type { ChartTarget } from './chart-target';

/** Where the bars are drawn (the chart's series); bars arrive in ascending time order. */
export interface BarSink {
  /** Replaces everything drawn; after a snapshot, also brings the latest bars into view. */
  replace(bars: readonly Bar[], showLatest: boolean): void;
  /** Draws bars at or after the last one drawn, in place. */
  update(bars: readonly Bar[]): void;
  /** Draws `bars`, whose first `added` are new older bars, keeping the bars in view where they were. */
  prepend(bars: readonly Bar[], added: number): void;
}

export interface BarStreamOptions {
  readonly client: Pick<TapedeckClient, 'subscribe' | 'call'>;
  readonly target: ChartTarget;
  readonly sink: BarSink;
  readonly publish: (summary: ChartSummary) => void;
  readonly frames?: FrameScheduler;
  /** Bars asked for per page of older bars. */
  readonly pageSize?: number;
  /** The wall clock, for the pause after a failed page. */
  readonly now?: () => number;
  /** Told when a snapshot or page arrives and when it is drawn (performance marks for the e2e tests and the bench). */
  readonly trace?: (point: TracePoint) => void;
}

export type TracePoint = 'snapshot' | 'snapshot-drawn' | 'older-reply' | 'older-drawn';

export interface BarStream {
  /** The crosshair moved to the bar opening at `time` (ms), or left the bars (null). */
  hover(time: number | null): void;
  /** Reads the page before the first bar drawn, unless one is in flight, there is none, or one just failed. */
  loadOlder(): void;
  /** The bars drawn, ascending (the chart's logical index is the index here). */
  bars(): BarList;
  /** Unsubscribes and drops anything not yet drawn, and any page still in flight. */
  stop(): void;
}

export const OLDER_PAGE_BARS = 2_000;
/** After a page fails, scrolling does not ask again for this long. */
const RETRY_AFTER_MS = 5_000;
/** Empty pages read in a row (a long closed stretch) before waiting for the next scroll. */
const MAX_EMPTY_PAGES = 5;

/** Spans a trader should be told about: not the start (or end) of the source's data. */
function holesOf(coverage: Coverage | undefined): readonly MissingSpan[] {
  return coverage?.missing.filter((m) => m.reason !== 'before-start' && m.reason !== 'after-end') ?? [];
}

/**
 * One `bars.updates` subscription drawn into a sink. The bars are kept by open
 * time; updates are coalesced (latest version of each bar) and drawn at most
 * once per frame, in place when they are at or after the last bar drawn, by
 * rebuilding the series when one is older (a correction). Older bars come a
 * page at a time from `bars.get` with the paging cursor; a reply for an
 * earlier snapshot (or after stop) is dropped.
 */
export function startBarStream(options: BarStreamOptions): BarStream {
  const { client, target, sink, publish, frames, pageSize = OLDER_PAGE_BARS, now = Date.now, trace } = options;
  let bars: Bar[] = [];
  let market: MarketKind | null = null;
  let error: ContractError | null = null;
  let hoverTime: number | null = null;
  let snapshotSeen = false;
  let snapshotToDraw = false;
  let stopped = false;
  let older: number | null = null;
  let holes: readonly MissingSpan[] = [];
  /** Bumped by every snapshot: a page asked for before it is let go. */
  let generation = 0;
  let loadingOlder = false;
  let olderError: ContractError | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let emptyPages = 0;
  const waiting = createBarCoalescer();

  const closeBefore = (i: number): number | null => (i > 0 ? (bars[i - 1]?.close ?? null) : null);
  const summary = (): ChartSummary => {
    const hoverIndex = hoverTime === null ? -1 : indexOfBar(bars, hoverTime);
    return {
      status: snapshotSeen ? (bars.length === 0 ? 'empty' : 'ready') : error !== null ? 'error' : 'loading',
      error: snapshotSeen ? null : error,
      market,
      barCount: bars.length,
      firstTime: bars[0]?.time ?? null,
      lastBar: bars.at(-1) ?? null,
      lastPrevClose: closeBefore(bars.length - 1),
      hoverBar: bars[hoverIndex] ?? null,
      hoverPrevClose: hoverIndex < 0 ? null : closeBefore(hoverIndex),
      hasOlder: older !== null,
      loadingOlder,
      olderError,
      holes,
    };
  };

  const draw = (): void => {
    if (stopped) return;
    let changes = waiting.take();
    // With older bars still to page in, a change before the first bar held would leave a hole next to it: it waits for its page.
    const first = bars[0];
    if (older !== null && first !== undefined && !snapshotToDraw) changes = changes.filter((b) => b.time >= first.time);
    if (snapshotToDraw) {
      snapshotToDraw = false;
      bars = mergeBars(bars, changes);
      sink.replace(bars, true);
      trace?.('snapshot-drawn');
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
        older = payload.older ?? null;
        holes = holesOf(payload.coverage);
        generation += 1;
        loadingOlder = false;
        olderError = null;
        emptyPages = 0;
        waiting.clear();
        snapshotSeen = true;
        snapshotToDraw = true;
        trace?.('snapshot');
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

  const loadOlder = (): void => {
    if (stopped || !snapshotSeen || snapshotToDraw || loadingOlder || older === null || now() - failedAt < RETRY_AFTER_MS) return;
    const asked = generation;
    // The bars before the first one held: its open time is the seam. (A snapshot trimmed to its
    // limit after the forming bar joined can carry a cursor one bar older than its first bar;
    // asking from that cursor would skip the bar between.)
    const to = bars[0]?.time ?? older;
    loadingOlder = true;
    olderError = null;
    publish(summary());
    client.call('bars.get', { ...target, to, limit: pageSize }).then(
      (page) => {
        if (stopped || asked !== generation) return;
        trace?.('older-reply');
        loadingOlder = false;
        const merged = prependOlder(bars, page.bars);
        bars = merged.bars;
        older = page.older !== null && page.older < to ? page.older : null;
        holes = [...holesOf(page.coverage), ...holes];
        if (merged.added > 0) {
          sink.prepend(bars, merged.added);
          trace?.('older-drawn');
        }
        publish(summary());
        emptyPages = merged.added === 0 ? emptyPages + 1 : 0;
        if (merged.added === 0 && emptyPages < MAX_EMPTY_PAGES) loadOlder();
      },
      (reason: unknown) => {
        if (stopped || asked !== generation) return;
        loadingOlder = false;
        olderError = toContractError(reason);
        failedAt = now();
        publish(summary());
      },
    );
  };

  return {
    hover(time) {
      if (stopped || time === hoverTime) return;
      hoverTime = time;
      publish(summary());
    },
    loadOlder,
    bars: () => bars,
    stop() {
      stopped = true;
      frame.cancel();
      waiting.clear();
      unsubscribe();
    },
  };
}
