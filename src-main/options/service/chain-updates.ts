import type { EventParams } from '../../../shared/contract';
import type { ChainSnapshot } from '../../../shared/options/wire/chain-snapshot';
import type { Ticker } from '../../platform/app/clock';
import { StreamHub, type StreamSink } from '../../market-data/engine/stream-hub';
import type { Logger } from '../../platform/rpc';
import type { ChainProviders } from '../chain/chain-providers';
import { chainFailure, chainQueryOf, type OptionsService } from './options-service';

/** A chain view is refreshed at most this often (4 a second) as its underlying moves... */
export const CHAIN_MIN_INTERVAL_MS = 250;
/** ...and at least this often while it stands (the quotes' time, the theta clock). */
export const CHAIN_HEARTBEAT_MS = 1_000;

type ChainUpdatesParams = EventParams<'options.chainUpdates'>;

function keyOf(p: ChainUpdatesParams): string {
  return JSON.stringify([p.source, p.underlying, p.expiry, p.type ?? null, p.strikeMin ?? null, p.strikeMax ?? null, p.strikesAround ?? null]);
}

/**
 * options.chainUpdates: one expiration of a chain, recomputed once per
 * (source, underlying, expiry, filters) however many follow it — when the
 * underlying's price changed (checked every CHAIN_MIN_INTERVAL_MS) or
 * CHAIN_HEARTBEAT_MS passed — and sent to each follower; one whose socket is
 * backed up gets only the latest when it frees up (StreamHub's coalescing).
 * A new follower gets the latest snapshot at once.
 */
export class ChainUpdates {
  private readonly hub: StreamHub<ChainSnapshot>;
  private readonly latest = new Map<string, ChainSnapshot>();
  private readonly params = new Map<string, ChainUpdatesParams>();

  constructor(
    private readonly providers: ChainProviders,
    private readonly service: OptionsService,
    private readonly ticker: Ticker,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.hub = new StreamHub<ChainSnapshot>((key) => (push) => this.open(key, push), () => 0, ticker);
  }

  /** Follows a chain view; refused at once (a ContractFailure) for a source, underlying or expiry the chain does not have. */
  subscribe(p: ChainUpdatesParams, sink: StreamSink<ChainSnapshot>): () => void {
    const provider = this.providers.require(p.source);
    const checked = provider.checkQuery(chainQueryOf(p));
    if (!checked.ok) throw chainFailure(checked.error, ['underlying', 'expiry', 'type', 'strikeMin', 'strikeMax']);
    const key = keyOf(p);
    this.params.set(key, p);
    const stop = this.hub.subscribe(key, sink);
    const now = this.latest.get(key);
    if (now !== undefined) sink.deliver(now);
    return stop;
  }

  private open(key: string, push: (s: ChainSnapshot) => void): () => void {
    const p = this.params.get(key);
    if (p === undefined) throw new Error(`options.chainUpdates: no params for ${key}`);
    let due = true;
    let busy = false;
    let closed = false;
    let lastAt = Number.NEGATIVE_INFINITY;
    const refresh = (): void => {
      const now = this.now();
      if (busy || (!due && now - lastAt < CHAIN_HEARTBEAT_MS)) return;
      due = false;
      busy = true;
      lastAt = now;
      this.service
        .chain(p)
        .then((s) => {
          if (closed) return;
          this.latest.set(key, s);
          push(s);
        })
        .catch((err: unknown) => this.log.warn(`options.chainUpdates ${p.underlying} ${p.expiry}: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          busy = false;
        });
    };
    const stopMoves = this.providers.require(p.source).onUnderlying(p.underlying, () => {
      due = true;
    });
    const stopTick = this.ticker(refresh, CHAIN_MIN_INTERVAL_MS);
    refresh();
    return () => {
      closed = true;
      stopTick();
      stopMoves();
      this.latest.delete(key);
      this.params.delete(key);
    };
  }
}
