import { afterEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../../shared/domain/bar';
import type { Trade } from '../../../shared/domain/trade';
import type { BookQuote } from '../../../src-main/market-data/feeds/feed';
import { envCredentials, noCredentials, staticCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { SimFeed } from '../../../src-main/market-data/feeds/sim/sim-feed';
import { DEFAULT_SIM_SEED } from '../../../src-main/platform/app/core';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { asBar, fakeFeed, until } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';

const NOW = Date.UTC(2024, 0, 3, 15, 30);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('AlpacaFeed', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(options: Parameters<typeof fakeFeed>[2] = {}, withSim = false): Promise<{ fake: FakeAlpaca; fx: CoreFixture }> {
    const fake = await startFakeAlpaca({ now: () => NOW });
    cleanups.push(() => fake.close());
    const fx = coreFixture({
      clock: { now: () => NOW },
      feeds: ({ clock, ticker }) => [
        ...(withSim ? [new SimFeed({ seed: DEFAULT_SIM_SEED, clock, schedule: ticker })] : []),
        fakeFeed(fake, { clock, ticker }, options),
      ],
    });
    cleanups.push(() => fx.dispose());
    return { fake, fx };
  }

  it('without keys: OFFLINE with the reason, nothing sent, and US symbols keep working from the simulated market', async () => {
    const { fake, fx } = await setup({ credentials: envCredentials({}) }, true);
    await fx.core.market.connect();
    const health = fx.core.market.feeds.get('alpaca')?.health();
    expect(health).toMatchObject({ id: 'alpaca', status: 'OFFLINE', reason: 'no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY' });
    const reply = await fx.core.dispatcher.call('feeds.health', {});
    expect(reply).toMatchObject({ ok: true });
    const alpaca = await fx.core.dispatcher.call('bars.get', { source: 'alpaca', symbol: 'SPY', interval: '5m', from: Date.UTC(2024, 0, 2, 14, 30), to: Date.UTC(2024, 0, 2, 16) });
    expect(alpaca).toMatchObject({ ok: true, result: { bars: [], coverage: { missing: [{ reason: 'not-loaded', note: 'no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY' }] } } });
    const sim = await fx.core.dispatcher.call('bars.get', { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2024, 0, 2, 14, 30), to: Date.UTC(2024, 0, 2, 16) });
    expect(sim).toMatchObject({ ok: true });
    expect((sim as { result: { bars: unknown[] } }).result.bars).toHaveLength(18);
    // Live: a chart pinned to alpaca:SPY opens, and nothing is sent.
    const conn = fx.core.connect(() => undefined);
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'alpaca', symbol: 'SPY', interval: '1m' } });
    await sleep(50);
    expect(fake.http.requests).toHaveLength(0);
    expect(fake.stream.history()).toHaveLength(0);
    conn.close();
  });

  it('a wrong key: OFFLINE "authentication failed" after one request, and no retry storm', async () => {
    const { fake, fx } = await setup({ credentials: staticCredentials('PKWRONG0000000000', 'wrong-secret-for-this-test') });
    await fx.core.market.connect();
    expect(fx.core.market.feeds.get('alpaca')?.health()).toMatchObject({ status: 'OFFLINE', reason: 'authentication failed' });
    const conn = fx.core.connect(() => undefined);
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'alpaca', symbol: 'AAPL', interval: '1m' } });
    for (let i = 0; i < 10; i++) {
      await fx.core.dispatcher.call('bars.get', { source: 'alpaca', symbol: 'AAPL', interval: '1h', from: Date.UTC(2023, 11, 1 + i), to: Date.UTC(2023, 11, 2 + i) });
      for (let k = 0; k < 100; k++) fx.ticks.tick();
    }
    await sleep(100);
    expect(fake.http.requests).toHaveLength(1);
    expect(fake.http.requests[0]?.keys).toBe('wrong');
    expect(fake.stream.history()).toHaveLength(0);
    expect(fx.core.market.feeds.get('alpaca')?.health()).toMatchObject({ status: 'OFFLINE', reason: 'authentication failed' });
    conn.close();
  });

  it('a key the stream refuses (402) stops REST too: OFFLINE, one socket, no request', async () => {
    const fake = await startFakeAlpaca({ now: () => NOW });
    cleanups.push(() => fake.close());
    const feed = fakeFeed(fake, { clock: { now: () => NOW }, ticker: () => () => undefined }, { credentials: staticCredentials(fake.keys.keyId, 'stale-secret') });
    cleanups.push(() => feed.close());
    feed.subscribeTrades('AAPL', () => undefined);
    await until(() => feed.health().reason === 'authentication failed', 'the refusal');
    await expect(feed.history('AAPL', Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3))).rejects.toThrow('authentication failed');
    await sleep(100);
    expect(fake.stream.history()).toHaveLength(1);
    expect(fake.http.requests).toHaveLength(0);
  });

  it('live: session trades to subscribeTrades, minute bars (b and u) to subscribeBars, quotes to subscribeQuotes; pre-market prints left out', async () => {
    const fake = await startFakeAlpaca({ now: () => NOW });
    cleanups.push(() => fake.close());
    const feed = fakeFeed(fake, { clock: { now: () => NOW }, ticker: () => () => undefined });
    cleanups.push(() => feed.close());
    const trades: Trade[] = [];
    const bars: Bar[] = [];
    const quotes: BookQuote[] = [];
    feed.subscribeTrades('AAPL', (t) => trades.push(t));
    feed.subscribeBars('AAPL', (b) => bars.push(b));
    feed.subscribeQuotes('AAPL', (q) => quotes.push(q));
    await until(() => fake.stream.connections()[0]?.subscriptions.updatedBars.has('AAPL') === true, 'the subscriptions');
    expect(fake.stream.history()).toHaveLength(1);
    const session = Date.UTC(2024, 0, 3, 15, 0);
    const preMarket = fake.market.trades('AAPL', Date.UTC(2024, 0, 3, 13, 0)).length > 0 ? Date.UTC(2024, 0, 3, 13, 0) : Date.UTC(2024, 0, 3, 13, 1);
    fake.stream.trades('AAPL', fake.market.trades('AAPL', preMarket));
    fake.stream.trades('AAPL', fake.market.trades('AAPL', session));
    const bar = fake.market.bar('AAPL', session);
    if (bar === undefined) throw new Error('no bar');
    fake.stream.bar('AAPL', bar, 'b');
    fake.stream.bar('AAPL', { ...bar, volume: bar.volume + 100, trades: bar.trades + 1 }, 'u');
    fake.stream.quote('AAPL', 18_000, 18_002, session + 1_000);
    await until(() => quotes.length === 1 && bars.length === 2, 'the bars and the quote');
    expect(trades.map((t) => t.time)).toEqual(fake.market.trades('AAPL', session).map((t) => t.time));
    expect(bars).toEqual([asBar(bar), asBar({ ...bar, volume: bar.volume + 100, trades: bar.trades + 1 })]);
    expect(quotes).toEqual([{ bid: 180, ask: 180.02, time: session + 1_000 }]);
    expect(feed.health().lastMessageAgeMs).toBe(0);
  });

  it('health: LIVE once Alpaca answered; DEGRADED while the stream reconnects; OFFLINE with a reason when Alpaca cannot be reached', async () => {
    const { fake, fx } = await setup();
    await fx.core.market.connect();
    const feed = fx.core.market.feeds.get('alpaca');
    expect(feed?.health()).toMatchObject({ status: 'LIVE' });
    expect(feed?.health().reason).toBeUndefined();
    fake.stream.faults.refuseConnections(1_000);
    feed?.subscribeTrades('AAPL', () => undefined);
    await until(() => feed?.health().status === 'DEGRADED', 'DEGRADED');
    fake.stream.faults.refuseConnections(-1_000);
    await until(() => feed?.health().status === 'LIVE', 'LIVE again');

    const gone = await setup({ config: { dataUrl: 'http://127.0.0.1:9' } });
    await gone.fx.core.market.connect();
    expect(gone.fx.core.market.feeds.get('alpaca')?.health()).toMatchObject({ status: 'OFFLINE', reason: expect.stringMatching(/^not reachable: Alpaca \/v2\/stocks\/SPY\/bars: .*ECONNREFUSED/) as unknown });
  });

  it('no keys at all (the default in core): listed, OFFLINE, reason names the variables', () => {
    const fx = coreFixture({ feeds: undefined, binance: { restBaseUrl: 'http://127.0.0.1:9', wsBaseUrl: 'ws://127.0.0.1:9', visionBaseUrl: 'http://127.0.0.1:9' } });
    cleanups.push(() => fx.dispose());
    const feed = fx.core.market.feeds.get('alpaca');
    expect(feed).toBeDefined();
    expect(feed?.instruments().map((i) => i.symbol)).toContain('SPY');
    expect(noCredentials().missingReason).toBe('no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY');
  });
});
