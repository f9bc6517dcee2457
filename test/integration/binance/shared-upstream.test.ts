import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../shared/contract';
import { BinanceFeed } from '../../../src-main/market-data/feeds/binance/binance-feed';
import { BinanceStreamClient } from '../../../src-main/market-data/feeds/binance/stream-client';
import type { MergedUpdate } from '../../../src-main/market-data/engine/bar-merger';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { startFakeBinanceRest, type FakeBinanceRest } from './fake/fake-rest';
import { startFakeBinanceWs, type FakeBinanceWs } from './fake/fake-ws';

const quiet = { error: () => undefined, warn: () => undefined };
const START = Date.UTC(2024, 0, 2);
const TRADE = 'btcusdt@trade';
const KLINE = 'btcusdt@kline_1m';

/**
 * Two charts (two clients, 1m and 5m) and an in-process consumer standing for
 * the strategy runner share one upstream: one SUBSCRIBE per Binance stream,
 * and UNSUBSCRIBE only once all three have left.
 */
describe('Binance: one upstream stream for every consumer of a symbol', () => {
  let rest: FakeBinanceRest;
  let ws: FakeBinanceWs;
  let fx: CoreFixture;
  const now = START + 90 * 60_000;

  beforeAll(async () => {
    rest = await startFakeBinanceRest({ now: () => now });
    ws = await startFakeBinanceWs();
    fx = coreFixture({
      clock: { now: () => now },
      feeds: ({ clock, ticker }) => [
        new BinanceFeed({
          config: { restBaseUrl: rest.url, wsBaseUrl: ws.url, visionBaseUrl: rest.url },
          clock,
          ticker,
          log: quiet,
          // The stream client paces control messages by its clock, which must agree with its (real) timers.
          stream: new BinanceStreamClient({ baseUrl: ws.url, now: () => Date.now(), log: quiet }),
        }),
      ],
    });
    await fx.core.market.connect();
  });

  afterAll(async () => {
    fx.dispose();
    await ws.close();
    await rest.close();
  });

  const controls = (): [string, readonly string[]][] =>
    ws.history().flatMap((s) => s.controls.map((c): [string, readonly string[]] => [c.method, [...c.params].sort()]));

  it('two charts and the runner open one stream; closing all three sends UNSUBSCRIBE', async () => {
    const chartA: ServerFrame[] = [];
    const chartB: ServerFrame[] = [];
    const a = fx.core.connect((f) => chartA.push(f));
    const b = fx.core.connect((f) => chartB.push(f));
    await a.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } });
    await b.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'binance', symbol: 'BTCUSDT', interval: '5m' } });
    const runnerGot: MergedUpdate[] = [];
    const stopRunner = fx.core.market.live.subscribe('binance', 'BTCUSDT', { deliver: (u) => runnerGot.push(u) });

    await ws.events.until('both streams subscribed', () => ws.connections().some((s) => s.subscriptions.has(TRADE) && s.subscriptions.has(KLINE)));
    const snapshotIn = (frames: readonly ServerFrame[]): boolean => frames.some((f) => f.t === 'event' && f.seq === 1);
    for (let i = 0; i < 400 && !(snapshotIn(chartA) && snapshotIn(chartB)); i++) await new Promise((r) => setTimeout(r, 5));
    ws.send(TRADE, { e: 'trade', E: now, s: 'BTCUSDT', t: 1, p: '42000.10', q: '0.5', T: now, m: false, M: true });
    const tradeSeen = (): boolean => runnerGot.some((u) => u.bar.close === 42000.1);
    const chartSawTrade = (): boolean =>
      chartA.some((f) => f.t === 'event' && f.seq > 1 && JSON.stringify(f.payload).includes('"close":42000.1'));
    for (let i = 0; i < 400 && !(tradeSeen() && chartSawTrade()); i++) await new Promise((r) => setTimeout(r, 5));

    expect(ws.history()).toHaveLength(1);
    expect(controls()).toEqual([['SUBSCRIBE', [KLINE, TRADE]]]);
    expect(runnerGot.find((u) => u.bar.close === 42000.1)?.bar).toMatchObject({ time: now - (now % 60_000), close: 42000.1, final: false });
    expect(chartSawTrade()).toBe(true);

    await a.session.handle({ t: 'unsub', id: 2, subscription: 1 });
    expect(chartA.find((f) => f.t === 'reply' && f.id === 2)).toMatchObject({ ok: true });
    b.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(controls()).toEqual([['SUBSCRIBE', [KLINE, TRADE]]]);

    stopRunner();
    await ws.events.until('the UNSUBSCRIBE', () => controls().length === 2);
    expect(controls()).toEqual([
      ['SUBSCRIBE', [KLINE, TRADE]],
      ['UNSUBSCRIBE', [KLINE, TRADE]],
    ]);
    a.close();
  });
});
