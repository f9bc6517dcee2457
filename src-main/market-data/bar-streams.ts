import { ContractFailure, type BarStreamParams, type BarStreamPayload } from '../../shared/contract';
import { barsFromColumns, lowerBound, type BarColumns } from '../../shared/domain/bar-columns';
import type { EpochMs } from '../../shared/domain/epoch';
import { INTERVAL_MS } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import { bucketOf } from '../../shared/market/bucket';
import { eventLoopTurn } from '../platform/app/event-loop-turn';
import type { Logger } from '../platform/rpc';
import type { SubscriberContext } from '../platform/rpc';
import type { MergedUpdate } from './engine/bar-merger';
import type { BarService, SeriesRef } from './bar-service';
import { joinLive, type LiveJoin } from './live-tail';
import { SharedFlight } from './shared-flight';
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
  /** Snapshot reads in progress, one per (series, interval), shared by every stream that opens meanwhile. */
  private readonly loads = new SharedFlight<Snapshot>();
  /** The last update payload made per (series, interval), reused by every stream of that key. */
  private readonly updates = new Map<string, { seq: number; payload: BarStreamPayload | null }>();

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
    // A stream closed before its snapshot leaves the shared load (which stops once nobody waits for it).
    const gone = new AbortController();
    // Updates that arrive before the snapshot is out: the latest per bar, so a slow start holds little.
    const held = new Map<number, MergedUpdate>();
    let join: LiveJoin | undefined;
    let unsubscribe: () => void = () => undefined;
    // Live changes are sent once per task (a tick of prints moves one bar many times): the latest per bar.
    const pending = new Map<number, MergedUpdate>();
    const flush = (): void => {
      const batch = [...pending.values()].sort((a, b) => a.seq - b.seq);
      pending.clear();
      if (stopped) return;
      for (const u of batch) this.forward(ref, params, u, join, emit);
    };
    const onUpdate = (u: MergedUpdate): void => {
      if (!ready) {
        held.set(u.bar.time, u);
        return;
      }
      if (pending.size === 0) queueMicrotask(flush);
      pending.set(u.bar.time, u);
    };
    if (this.feeds.get(ref.source) !== undefined) {
      try {
        unsubscribe = this.live.subscribe(ref.source, ref.symbol, { deliver: onUpdate, isBusy: () => subscriber.isBusy() });
      } catch (err) {
        // The series went away (a replay stopped): the stream carries on with what is held, without updates. Not a fault.
        if (!(err instanceof ContractFailure)) this.log.warn(`bars stream ${ref.source}:${ref.symbol}: no live series (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    void this.snapshot(ref, params, gone.signal)
      .then(async (snap) => {
        const { payload, streamSeq } = snap;
        // A client that has not read what it was sent gets its snapshot once it has: the backlog stays bounded.
        const over = (): boolean => stopped || subscriber.isClosed();
        await whenFree(subscriber, over);
        // One snapshot per turn of the event loop (each is thousands of bars to check and encode).
        await eventLoopTurn();
        if (over()) return;
        emit(payload);
        ready = true;
        join = snap.join;
        // Updates up to the snapshot's sequence number are already in it.
        const late = [...held.values()].filter((u) => u.seq > streamSeq).sort((a, b) => a.seq - b.seq);
        held.clear();
        for (const u of late) this.forward(ref, params, u, join, emit);
      })
      .catch((err: unknown) => {
        if (stopped) return;
        // A series that is gone (a replay that stopped) is an answer, not a fault: one line, no stack.
        if (err instanceof ContractFailure) this.log.warn(`bars stream ${ref.source}:${ref.symbol} ${params.interval}: ${err.message}`);
        else this.log.error(`bars stream ${ref.source}:${ref.symbol} ${params.interval} could not load its snapshot`, err);
        emit({ kind: 'snapshot', market: ref.market, bars: [], streamSeq: 0 });
        ready = true;
      });
    return () => {
      stopped = true;
      gone.abort();
      unsubscribe();
    };
  }

  /**
   * The stream's first read, shared by every stream of the same series and
   * interval that opens meanwhile: one read, and one payload object for all
   * of them (checked and encoded once downstream).
   */
  private snapshot(ref: SeriesRef, params: BarStreamParams, signal: AbortSignal): Promise<Snapshot> {
    const key = `${ref.source}\u0000${ref.symbol}\u0000${params.interval}`;
    return this.loads.run(
      key,
      async (s) => {
        const read = await this.service.get({ ...params, limit: SNAPSHOT_BARS }, s);
        // Read in the same turn as the bars: no live update can fall between them.
        const streamSeq = this.live.get(ref.source, ref.symbol)?.merger.lastSeq ?? 0;
        const payload: BarStreamPayload = { kind: 'snapshot', market: read.market, bars: barsFromColumns(read.bars), streamSeq, older: read.older as EpochMs | null, coverage: read.coverage };
        return { payload, streamSeq, join: read.join };
      },
      signal,
    );
  }

  /**
   * The update a live change makes at the stream's interval. Every stream of
   * the same series and interval gets the same payload object for the same
   * change (computed once, checked and encoded once downstream).
   */
  private forward(ref: SeriesRef, params: BarStreamParams, u: MergedUpdate, join: LiveJoin | undefined, emit: (p: BarStreamPayload) => void): void {
    const key = `${ref.source}\u0000${ref.symbol}\u0000${params.interval}`;
    const memo = this.updates.get(key);
    if (memo?.seq === u.seq) {
      if (memo.payload !== null) emit(memo.payload);
      return;
    }
    const payload = this.updateFor(ref, params, u, join);
    this.updates.set(key, { seq: u.seq, payload });
    if (payload !== null) emit(payload);
  }

  /**
   * The bucket a changed minute falls in, recomputed: from the snapshot's join
   * (its truth prefix and the live minutes since) when the live series holds
   * every minute needed, else from the bucket's base bars.
   */
  private updateFor(ref: SeriesRef, params: BarStreamParams, u: MergedUpdate, join: LiveJoin | undefined): BarStreamPayload | null {
    if (params.interval === ref.base) return { kind: 'update', bars: [u.bar], streamSeq: u.seq };
    const bucket = bucketOf(ref.market, params.interval, u.bar.time);
    if (bucket === null) return null;
    const asOf = this.service.nowFor(ref.source);
    const merger = this.live.get(ref.source, ref.symbol)?.merger;
    const oldest = merger?.oldest() ?? null;
    let derived: BarColumns;
    if (join !== undefined && merger !== undefined && oldest !== null && bucket.start >= join.bucketStart && oldest <= Math.max(join.cut, bucket.start)) {
      const minutes = merger.between(Math.max(join.cut, bucket.start), bucket.end);
      derived = joinLive(ref, params.interval, bucket.start === join.bucketStart ? join : { bucketStart: bucket.start, prefix: null, cut: join.cut }, minutes, asOf);
    } else {
      derived = aggregate(ref.market, params.interval, this.service.baseBars(ref, bucket.start, bucket.end), { baseMs: INTERVAL_MS[ref.base], asOf });
    }
    const i = lowerBound(derived, bucket.start);
    if (derived.time[i] !== bucket.start) return null;
    return { kind: 'update', bars: barsFromColumns(derived).slice(i, i + 1), streamSeq: u.seq };
  }
}

/** A stream's first payload, its live sequence number, and where live bars join its read. */
interface Snapshot {
  readonly payload: BarStreamPayload;
  readonly streamSeq: number;
  readonly join: LiveJoin | undefined;
}

/** How often a stream waiting for its client to catch up looks again. */
const BUSY_RECHECK_MS = 50;

/** Resolves once the subscriber can take more, or the stream has stopped. */
function whenFree(subscriber: SubscriberContext, stopped: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (stopped() || !subscriber.isBusy()) resolve();
      else setTimeout(check, BUSY_RECHECK_MS).unref();
    };
    check();
  });
}
