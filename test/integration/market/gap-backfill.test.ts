import { afterEach, describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/contract';
import { bar, type Bar } from '../../../shared/domain/bar';
import { barsFromColumns } from '../../../shared/domain/bar-columns';
import type { Instrument } from '../../../shared/domain/instrument';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { Feed, FeedGap, Unsubscribe } from '../../../src-main/feeds/feed';
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
    const out: Bar[] = [];
    for (let t = from; t < to; t += MIN) out.push(truth((t - T0) / MIN));
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

describe('gap backfill', () => {
  let fx: CoreFixture | undefined;
  afterEach(() => fx?.dispose());

  it('backfills from the last venue-confirmed bar when the reported blind window starts too late', async () => {
    let now = T0 + 5 * MIN;
    const venue = new ScriptedVenue();
    fx = coreFixture({ clock: { now: () => now }, feeds: () => [venue] });
    const conn = fx.core.connect(() => undefined);
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } });
    for (let m = 0; m < 5; m++) venue.pushClosed(m);
    // Minutes 5..9 were never seen; the feed claims it was blind only from minute 8.
    now = T0 + 10 * MIN;
    venue.reportGap(T0 + 8 * MIN + 123, now);
    const key = { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } as const;
    for (let i = 0; i < 100 && fx.core.bars.range(key, T0, T0 + 10 * MIN).length < 10; i++) await new Promise((r) => setTimeout(r, 5));

    expect(venue.historyCalls.at(-1)).toEqual({ from: T0 + 5 * MIN, to: T0 + 10 * MIN });
    expect(barsFromColumns(fx.core.bars.range(key, T0, T0 + 10 * MIN))).toEqual(Array.from({ length: 10 }, (_, m) => truth(m)));
    conn.close();
  });
});
