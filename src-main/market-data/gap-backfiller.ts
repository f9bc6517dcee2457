import type { Bar } from '../../shared/domain/bar';
import { MINUTE_MS } from '../../shared/domain/interval';
import type { Clock, Ticker } from '../platform/app/clock';
import type { Feed } from './feeds/feed';
import type { Logger } from '../platform/rpc';

export interface GapBackfillerDeps {
  readonly feed: Feed;
  readonly symbol: string;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly log: Logger;
  /** Merges the venue's bars (and stores the final ones); called only with a successful fetch. */
  readonly apply: (bars: readonly Bar[]) => void;
}

/** First retry after a failed fetch; doubles up to the cap. */
const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 60_000;
/** A window's last minute that came back still forming (or absent) is fetched again this often, at most this many times. */
const TAIL_RETRY_MS = 3_000;
const TAIL_RETRIES = 3;

/**
 * Keeps one live series whole across the windows its feed was blind in. A
 * window is fetched from the venue's history starting at the last bar the
 * venue itself confirmed (so a feed's late idea of when it went blind cannot
 * leave a hole), and it stays pending until a fetch succeeds and its last
 * closed minute comes back final: a failed fetch is retried with backoff, a
 * tail still forming (asked for moments after its close) is asked for again.
 * Health shows BACKFILLING for as long as anything is pending.
 */
export class GapBackfiller {
  /** Open time of the newest bar the venue confirmed final (kline stream or REST). */
  private confirmedThrough: number | undefined;
  /** Start of the oldest window not yet filled. */
  private pendingFrom: number | undefined;
  private pendingTo = 0;
  private running = false;
  /** A gap arrived while a fetch was running: run again when it ends. */
  private again = false;
  private failures = 0;
  private tailTries = 0;
  private cancelRetry: (() => void) | undefined;
  private closed = false;

  constructor(private readonly deps: GapBackfillerDeps) {}

  /** The venue confirmed this bar final. */
  confirm(openTime: number): void {
    if (this.confirmedThrough === undefined || openTime > this.confirmedThrough) this.confirmedThrough = openTime;
  }

  /** The feed saw nothing of the symbol in [from, to). */
  gap(from: number, to: number): void {
    const back = this.confirmedThrough === undefined ? from : Math.min(from, this.confirmedThrough + MINUTE_MS);
    const start = Math.max(back - (back % MINUTE_MS), to - this.deps.feed.backfillHorizonMs);
    this.pendingFrom = this.pendingFrom === undefined ? start : Math.min(this.pendingFrom, start);
    this.pendingTo = Math.max(this.pendingTo, to);
    this.tailTries = 0;
    if (this.running) this.again = true;
    else void this.run();
  }

  /** Whether a window is waiting to be filled. */
  get pending(): boolean {
    return this.pendingFrom !== undefined;
  }

  close(): void {
    this.closed = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    if (this.pendingFrom !== undefined) this.deps.feed.backfilling?.(this.deps.symbol, false);
    this.pendingFrom = undefined;
  }

  private async run(): Promise<void> {
    if (this.running || this.closed || this.pendingFrom === undefined) return;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    const { feed, symbol, log } = this.deps;
    const from = this.pendingFrom;
    const to = Math.max(this.pendingTo, this.deps.clock.now());
    this.running = true;
    this.again = false;
    feed.backfilling?.(symbol, true);
    try {
      const bars = await feed.history(symbol, from, to);
      if (this.closed) return;
      this.failures = 0;
      this.deps.apply(bars);
      let lastFinal: number | undefined;
      for (const b of bars) if (b.final && (lastFinal === undefined || b.time > lastFinal)) lastFinal = b.time;
      if (lastFinal !== undefined) this.confirm(lastFinal);
      // The last minute that had closed when the window ended must come back final; else ask again shortly.
      const lastClosed = this.pendingTo - (this.pendingTo % MINUTE_MS) - MINUTE_MS;
      if (this.again) {
        // A newer window was added meanwhile (pendingFrom already covers both): fetch again at once.
      } else if (lastClosed >= from && (lastFinal === undefined || lastFinal < lastClosed) && this.tailTries < TAIL_RETRIES) {
        this.tailTries += 1;
        this.pendingFrom = lastFinal === undefined ? from : lastFinal + MINUTE_MS;
        this.retryIn(TAIL_RETRY_MS);
      } else {
        this.pendingFrom = undefined;
        this.tailTries = 0;
      }
    } catch (err) {
      if (this.closed) return;
      this.failures += 1;
      const delay = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (this.failures - 1));
      log.error(`${feed.id}:${symbol}: could not backfill ${new Date(from).toISOString()}..${new Date(to).toISOString()}; retrying in ${String(delay)} ms`, err);
      this.retryIn(delay);
    } finally {
      this.running = false;
      if (!this.closed && this.pendingFrom === undefined) feed.backfilling?.(symbol, false);
    }
    if (this.again && !this.closed) void this.run();
  }

  /** Runs once, `ms` from now, on the ticker (which repeats: the first call stops it). */
  private retryIn(ms: number): void {
    const handle: { fired: boolean; stop?: () => void } = { fired: false };
    handle.stop = this.deps.ticker(() => {
      if (handle.fired) return;
      handle.fired = true;
      handle.stop?.();
      this.cancelRetry = undefined;
      void this.run();
    }, ms);
    if (handle.fired) handle.stop();
    else this.cancelRetry = handle.stop;
  }
}
