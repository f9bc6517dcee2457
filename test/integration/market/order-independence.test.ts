import { prng as rng } from '../../helpers/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bar } from '../../../shared/domain/bar';
import { barsFromColumns, columnsFromBars } from '../../../shared/domain/bar-columns';
import { DAY_MS, MINUTE_MS, type Interval } from '../../../shared/domain/interval';
import { aggregate } from '../../../shared/market/aggregate';
import type { MarketKind } from '../../../shared/market/market-kind';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

/** Wednesday 2024-03-13 15:07:30 UTC: US equities in session, crypto and FX trading. */
const START = Date.UTC(2024, 2, 13, 15, 7, 30);
const FROM = START - 3 * DAY_MS - 17 * MINUTE_MS;
/** The window ends 30 minutes after START: its newest bars are built live, from trades, while the test runs. */
const TO = START + 30 * MINUTE_MS - 30_000;
const INTERVALS: Interval[] = ['1m', '5m', '15m', '1h', '1d'];
const SYMBOLS: [string, MarketKind][] = [['BTCUSDT', 'crypto'], ['SPY', 'us-equity'], ['EURUSD', 'fx']];

describe('the same request yields the same bars, whatever was asked before', () => {
  let fx: CoreFixture;
  let now = START;
  beforeAll(async () => {
    fx = coreFixture({ clock: { now: () => now } });
    // Live streams for every symbol, then 40 minutes of market: the window's last 30 minutes are built from trades.
    for (const [symbol] of SYMBOLS) {
      const conn = fx.core.connect(() => undefined);
      await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'sim', symbol, interval: '1m' } });
    }
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 40 * 240; i++) {
      now += 250;
      fx.ticks.tick();
    }
  });
  afterAll(() => fx.dispose());

  async function get(symbol: string, interval: Interval): Promise<Bar[]> {
    const r = await fx.core.dispatcher.call('bars.get', { source: 'sim', symbol, interval, from: FROM, to: TO, limit: 50_000 });
    if (!r.ok) throw new Error(r.error.message);
    return (r.result as { bars: Bar[] }).bars;
  }

  it('over 20 random orders, interleaved with symbol switches and live updates', async () => {
    const first = new Map<string, Bar[]>();
    const random = rng(2024);
    const streams: (() => void)[] = [];
    for (let round = 0; round < 20; round++) {
      const requests = SYMBOLS.flatMap(([s]) => INTERVALS.map((iv) => [s, iv] as const)).sort(() => random() - 0.5);
      for (const [symbol, interval] of requests) {
        // Live traffic between requests: open and close streams (symbol switches), let the clock run.
        if (random() < 0.3) {
          const conn = fx.core.connect(() => undefined);
          void conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'sim', symbol, interval: INTERVALS[Math.floor(random() * 5)] } });
          streams.push(() => conn.close());
        }
        if (random() < 0.3) streams.splice(0, 1).forEach((close) => close());
        now += Math.floor(random() * 20_000);
        fx.ticks.tick();
        const bars = await get(symbol, interval);
        const key = `${symbol}:${interval}`;
        const seen = first.get(key);
        if (seen === undefined) first.set(key, bars);
        else expect(bars).toEqual(seen);
      }
    }
    for (const close of streams) close();
    expect(first.size).toBe(15);
    // 14:51 three days before START up to 15:37 on its day: every minute of the 24/7 market.
    expect(first.get('BTCUSDT:1m')?.length).toBe(3 * 1440 + 46);

    // A second store that never saw live trading: its bars come from the simulated history alone.
    const fresh = coreFixture({ clock: { now: () => now } });
    try {
      for (const [key, bars] of first) {
        const [symbol = '', interval = '1m'] = key.split(':');
        const r = await fresh.core.dispatcher.call('bars.get', { source: 'sim', symbol, interval, from: FROM, to: TO, limit: 50_000 });
        expect(r.ok && (r.result as { bars: Bar[] }).bars).toEqual(bars);
      }
    } finally {
      fresh.dispose();
    }
  });

  it('derives every interval from the 1m truth with the one aggregation function', async () => {
    for (const [symbol, market] of SYMBOLS) {
      // 1m from well before FROM, so the first buckets are whole.
      const r = await fx.core.dispatcher.call('bars.get', { source: 'sim', symbol, interval: '1m', from: FROM - 2 * DAY_MS, to: TO, limit: 50_000 });
      if (!r.ok) throw new Error(r.error.message);
      const minutes = columnsFromBars((r.result as { bars: Bar[] }).bars);
      for (const interval of INTERVALS.slice(1)) {
        const derived = barsFromColumns(aggregate(market, interval, minutes, { baseMs: MINUTE_MS, asOf: TO })).filter((b) => b.time >= FROM && b.time < TO);
        const served = await get(symbol, interval);
        expect(served).toEqual(derived);
        expect(served.length).toBeGreaterThan(0);
      }
    }
  });
});
