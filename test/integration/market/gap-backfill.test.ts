import { afterEach, describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/contract';
import { bar, type Bar } from '../../../shared/domain/bar';
import { barsFromColumns } from '../../../shared/domain/bar-columns';
import type { Instrument } from '../../../shared/domain/instrument';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { Feed, FeedGap, Unsubscribe } from '../../../src-main/market-data/feeds/feed';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const T0 = Date.UTC(2024, 0, 2);
const MIN = 60_000;
const truth = (m: number): Bar => bar(T0 + m * MIN, 100 + m, 101 + m, 99 + m, 100.5 + m, 10 + m, 3, true);
const instrument: Instrument = {
  source: 'binance',
  symbol: 'BTCUSDT' as SymbolId,
  market: 'crypto',
  description: 'test',
  tickSize: 0.01,
  lotSize: 0.00001,
  baseInterval: '1m',
};

/**
 * A venue with a kline stream whose own idea of when it went blind is too
 * late (a socket that reopened and dropped again before any data came): the
 * pipeline must still backfill from the last bar the venue confirmed.
 */
class ScriptedVenue implements Feed {
  readonly id = 'binance' as const;
  readonly name = 'Scripted venue';
  readonly simulated = false;
  readonly persist = true;
  readonly backfillHorizonMs = 24 * 60 * MIN;
  readonly historyCalls: { from: number; to: number }[] = [];
  /** Fetches that fail before one succeeds. */
  failures = 0;
  /** Minutes at or after this come back forming (the venue has not applied their last trades yet). */
  formingFrom = Number.POSITIVE_INFINITY;
  backfilling: ((symbol: string, active: boolean) => void) | undefined;
  private barListener: ((b: Bar) => void) | undefined;
  private gapListener: ((g: FeedGap) => void) | undefined;
  instruments(): readonly Instrument[] {
    return [instrument];
  }
  connect(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {
    this.barListener = undefined;
  }
  subscribeTrades(): Unsubscribe {
    return () => undefined;
  }
  subscribeBars(_symbol: string, onBar: (b: Bar) => void): Unsubscribe {
    this.barListener = onBar;
    return () => (this.barListener = undefined);
  }
  history(_symbol: string, from: number, to: number): Promise<readonly Bar[]> {
    this.historyCalls.push({ from, to });
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('503 from the venue'));
    }
    const out: Bar[] = [];
    for (let t = from; t < to; t += MIN) {
      const b = truth((t - T0) / MIN);
      out.push(t >= this.formingFrom ? { ...b, final: false, volume: b.volume / 2 } : b);
    }
    return Promise.resolve(out);
  }
  onGap(listener: (g: FeedGap) => void): Unsubscribe {
    this.gapListener = listener;
    return () => (this.gapListener = undefined);
  }
  health(): FeedHealth {
    return { id: 'binance', name: this.name, status: 'LIVE', simulated: false, lastMessageAgeMs: 0, gapsDetected: 0 };
  }
  pushClosed(m: number): void {
    this.barListener?.(truth(m));
  }
  reportGap(from: number, to: number): void {
    this.gapListener?.({ symbol: 'BTCUSDT', from, to });
  }
}

const key = { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } as const;

async function settle(fx: CoreFixture, until: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
}

/** Subscribes to the venue's 1m stream and waits for its snapshot (whose read completes the recent range first). */
async function subscribed(fx: CoreFixture): Promise<{ close(): void }> {
  let snapshots = 0;
  const conn = fx.core.connect((frame) => {
    if (frame.t === 'event') snapshots++;
  });
  await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } });
  await settle(fx, () => snapshots > 0);
  return conn;
}

describe('gap backfill', () => {
  let fx: CoreFixture | undefined;
  afterEach(() => fx?.dispose());

  it('backfills from the last venue-confirmed bar when the reported blind window starts too late', async () => {
    let now = T0 + 5 * MIN;
    const venue = new ScriptedVenue();
    fx = coreFixture({ clock: { now: () => now }, feeds: () => [venue] });
    const conn = await subscribed(fx);
    const before = venue.historyCalls.length;
    for (let m = 0; m < 5; m++) venue.pushClosed(m);
    // Minutes 5..9 were never seen; the feed claims it was blind only from minute 8.
    now = T0 + 10 * MIN;
    venue.reportGap(T0 + 8 * MIN + 123, now);
    const f = fx;
    await settle(f, () => f.core.bars.range(key, T0, T0 + 10 * MIN).length >= 10);

    expect(venue.historyCalls.slice(before)).toEqual([{ from: T0 + 5 * MIN, to: T0 + 10 * MIN }]);
    expect(barsFromColumns(fx.core.bars.range(key, T0, T0 + 10 * MIN))).toEqual(Array.from({ length: 10 }, (_, m) => truth(m)));
    conn.close();
  });

  it('keeps a window whose fetch failed and retries it until the venue answers, BACKFILLING meanwhile', async () => {
    let now = T0 + 5 * MIN;
    const venue = new ScriptedVenue();
    const flags: boolean[] = [];
    venue.backfilling = (_symbol: string, active: boolean) => {
      flags.push(active);
    };
    const f = coreFixture({ clock: { now: () => now }, feeds: () => [venue] });
    fx = f;
    const conn = await subscribed(f);
    for (let m = 0; m < 3; m++) venue.pushClosed(m);
    now = T0 + 8 * MIN + 30_000;
    const before = venue.historyCalls.length; // the subscription's own read came first
    venue.failures = 2;
    venue.reportGap(T0 + 3 * MIN, now);
    await settle(f, () => venue.historyCalls.length >= before + 1);
    // Minutes 0-4 came with the subscription; 5-7 only the gap fetch can bring.
    expect(f.core.bars.range(key, T0 + 5 * MIN, T0 + 8 * MIN).length).toBe(0);
    f.ticks.tick(); // the first retry fails too
    await settle(f, () => venue.historyCalls.length >= before + 2);
    f.ticks.tick(); // the second retry succeeds
    await settle(f, () => f.core.bars.range(key, T0, T0 + 8 * MIN).length >= 8);

    expect(venue.historyCalls.slice(before).map((c) => c.from)).toEqual([T0 + 3 * MIN, T0 + 3 * MIN, T0 + 3 * MIN]);
    expect(barsFromColumns(f.core.bars.range(key, T0, T0 + 8 * MIN))).toEqual(Array.from({ length: 8 }, (_, m) => truth(m)));
    // BACKFILLING from the first attempt until the window was filled, never cleared in between.
    expect(flags.at(-1)).toBe(false);
    expect(flags.slice(0, -1).every((a) => a)).toBe(true);
    conn.close();
  });

  it('asks again for a last minute that came back still forming', async () => {
    let now = T0 + 5 * MIN;
    const venue = new ScriptedVenue();
    const f = coreFixture({ clock: { now: () => now }, feeds: () => [venue] });
    fx = f;
    const conn = await subscribed(f);
    for (let m = 0; m < 3; m++) venue.pushClosed(m);
    // Resumed 1 ms after 06:00: the venue still has minute 5 forming.
    venue.formingFrom = T0 + 5 * MIN;
    now = T0 + 6 * MIN + 1;
    const before = venue.historyCalls.length;
    venue.reportGap(T0 + 3 * MIN, now);
    await settle(f, () => venue.historyCalls.length >= before + 1);
    expect(f.core.bars.range(key, T0, T0 + 6 * MIN).length).toBe(5);
    venue.formingFrom = Number.POSITIVE_INFINITY;
    now += 3_000;
    f.ticks.tick();
    await settle(f, () => f.core.bars.range(key, T0, T0 + 6 * MIN).length >= 6);

    expect(venue.historyCalls.slice(before).map((c) => c.from)).toEqual([T0 + 3 * MIN, T0 + 5 * MIN]);
    expect(barsFromColumns(f.core.bars.range(key, T0, T0 + 6 * MIN))).toEqual(Array.from({ length: 6 }, (_, m) => truth(m)));
    conn.close();
  });
});
