import type { BarStreamParams, BarStreamPayload } from '../../shared/contract';
import { barsFromColumns, lowerBound } from '../../shared/domain/bar-columns';
import type { EpochMs } from '../../shared/domain/epoch';
import { INTERVAL_MS } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import { bucketOf } from '../../shared/market/bucket';
import type { Logger } from '../rpc';
import type { SubscriberContext } from '../rpc';
import type { MergedUpdate } from '../market/bar-merger';
import type { BarService, SeriesRef } from './bar-service';
import type { FeedRegistry } from './feed-registry';
import type { LiveHub } from './live-hub';

/** Bars sent in a stream's snapshot; older ones are a bars.get away. */
export const SNAPSHOT_BARS = 2_000;

/**
 * `bars.subscribe` (the bars.updates event): a snapshot, then every change of
 * the series at the requested interval. Derived intervals are recomputed from
 * the 1m truth for the bucket each change falls in, so a 5m stream and a 5m
 * bars.get agree bar for bar. Updates arriving while the snapshot is being
 * prepared are held and sent right after it.
 */
export class BarStreams {
  private readonly active = new Set<{ ref: SeriesRef; halt: () => void; resume: () => void }>();

  constructor(
    private readonly service: BarService,
    private readonly feeds: FeedRegistry,
    private readonly live: LiveHub,
    private readonly log: Logger,
  ) {}

  /** Starts a stream; throws a ContractFailure (before anything starts) for an unknown feed, symbol or interval. */
  open(params: BarStreamParams, emit: (p: BarStreamPayload) => void, subscriber: SubscriberContext): () => void {
    const ref = this.service.resolve(params.source, params.symbol, params.interval);
    let stop: () => void = () => undefined;
    let ended = false;
    const entry = {
      ref,
      halt: () => stop(),
      resume: () => {
        if (!ended) stop = this.start(ref, params, emit, subscriber);
      },
    };
    this.active.add(entry);
    stop = this.start(ref, params, emit, subscriber);
    return () => {
      ended = true;
      this.active.delete(entry);
      stop();
    };
  }

  /**
   * Rebuilds (source, symbol) from scratch after its feed's past changed: all
   * its streams stop (so the live series closes), then start again, each
   * sending a fresh snapshot.
   */
  reset(source: string, symbol: string): void {
    const matching = [...this.active].filter((e) => e.ref.source === source && e.ref.symbol === symbol);
    for (const entry of matching) entry.halt();
    for (const entry of matching) entry.resume();
  }

  private start(ref: SeriesRef, params: BarStreamParams, emit: (p: BarStreamPayload) => void, subscriber: SubscriberContext): () => void {
    let stopped = false;
    let ready = false;
    const held: MergedUpdate[] = [];
    let unsubscribe: () => void = () => undefined;
    const onUpdate = (u: MergedUpdate): void => {
      if (!ready) held.push(u);
      else this.forward(ref, params, u, emit);
    };
    if (this.feeds.get(ref.source) !== undefined) {
      try {
        unsubscribe = this.live.subscribe(ref.source, ref.symbol, { deliver: onUpdate, isBusy: () => subscriber.isBusy() });
      } catch (err) {
        // The series went away (a replay stopped): the stream carries on with what is stored, without updates.
        this.log.warn(`bars stream ${ref.source}:${ref.symbol}: no live series (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    void this.snapshot(ref, params)
      .then((payload) => {
        if (stopped) return;
        emit(payload);
        ready = true;
        // Updates up to the snapshot's sequence number are already in it.
        for (const u of held.splice(0)) if (u.seq > payload.streamSeq) this.forward(ref, params, u, emit);
      })
      .catch((err: unknown) => {
        this.log.error(`bars stream ${ref.source}:${ref.symbol} ${params.interval} could not load its snapshot`, err);
        if (!stopped) {
          emit({ kind: 'snapshot', market: ref.market, bars: [], streamSeq: 0 });
          ready = true;
        }
      });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }

  private async snapshot(ref: SeriesRef, params: BarStreamParams): Promise<BarStreamPayload> {
    const result = await this.service.get({ ...params, limit: SNAPSHOT_BARS });
    // Read in the same turn as the bars: no live update can fall between them.
    const streamSeq = this.live.get(ref.source, ref.symbol)?.merger.lastSeq ?? 0;
    return { kind: 'snapshot', market: result.market, bars: barsFromColumns(result.bars), streamSeq, older: result.older as EpochMs | null, coverage: result.coverage };
  }

  private forward(ref: SeriesRef, params: BarStreamParams, u: MergedUpdate, emit: (p: BarStreamPayload) => void): void {
    if (params.interval === ref.base) {
      emit({ kind: 'update', bars: [u.bar], streamSeq: u.seq });
      return;
    }
    const bucket = bucketOf(ref.market, params.interval, u.bar.time);
    if (bucket === null) return;
    const base = this.service.baseBars(ref, bucket.start, bucket.end);
    const derived = aggregate(ref.market, params.interval, base, { baseMs: INTERVAL_MS[ref.base], asOf: this.service.nowFor(ref.source) });
    const i = lowerBound(derived, bucket.start);
    if (derived.time[i] !== bucket.start) return;
    emit({ kind: 'update', bars: barsFromColumns(derived).slice(i, i + 1), streamSeq: u.seq });
  }
}
