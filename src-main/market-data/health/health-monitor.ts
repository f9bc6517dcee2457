import type { AppHealth, FeedHealth } from '../../../shared/contract';
import { asEpochMs } from '../../../shared/domain/epoch';
import type { Clock, Ticker } from '../../platform/app/clock';
import { journalMode, schemaVersion, type Db } from '../../platform/store';

export interface HealthInputs {
  readonly db: Db;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly startedAt: number;
  readonly feeds: () => readonly FeedHealth[];
  readonly clients: () => number;
}

const PUSH_EVERY_MS = 1_000;

/** DOWN without a store; DEGRADED while a feed is reconnecting. An idle feed (OFFLINE: no replay running, no keys) is not a fault. */
function overall(storeOk: boolean, feeds: readonly FeedHealth[]): AppHealth['status'] {
  if (!storeOk) return 'DOWN';
  return feeds.some((f) => f.status === 'DEGRADED') ? 'DEGRADED' : 'OK';
}

/**
 * Answers `app.health` and drives the `app.health` event: one shared ticker,
 * started by the first subscriber and stopped when the last one leaves.
 */
export class HealthMonitor {
  private readonly listeners = new Set<(health: AppHealth) => void>();
  private stopTicker: (() => void) | null = null;

  constructor(private readonly inputs: HealthInputs) {}

  check(): AppHealth {
    const { db, clock, startedAt } = this.inputs;
    let store: AppHealth['store'];
    try {
      db.prepare('SELECT 1').get();
      store = { ok: true, schemaVersion: schemaVersion(db), journalMode: journalMode(db), error: null };
    } catch (err) {
      store = { ok: false, schemaVersion: 0, journalMode: 'unknown', error: err instanceof Error ? err.message : String(err) };
    }
    const feeds = [...this.inputs.feeds()];
    const now = clock.now();
    return {
      status: overall(store.ok, feeds),
      checkedAt: asEpochMs(now),
      uptimeMs: Math.max(0, Math.round(now - startedAt)),
      store,
      feeds,
      clients: this.inputs.clients(),
    };
  }

  /** Emits a snapshot at once, then every second; returns the unsubscribe. */
  subscribe(emit: (health: AppHealth) => void): () => void {
    this.listeners.add(emit);
    emit(this.check());
    this.stopTicker ??= this.inputs.ticker(() => this.push(), PUSH_EVERY_MS);
    return () => {
      this.listeners.delete(emit);
      if (this.listeners.size === 0 && this.stopTicker !== null) {
        this.stopTicker();
        this.stopTicker = null;
      }
    };
  }

  /** Pushes a fresh snapshot now (called when something health shows has changed). */
  push(): void {
    if (this.listeners.size === 0) return;
    const health = this.check();
    for (const listener of this.listeners) listener(health);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
