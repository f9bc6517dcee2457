import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { daysOfExpiry } from '../../../shared/options/wire/expiry-date';
import { createCore } from '../../../src-main/platform/app/core';
import { binanceConfigFromEnv } from '../../../src-main/platform/config/binance-config';
import { staticCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';
import { systemClock, systemTicker } from '../../../src-main/platform/app/clock';
import type { AlpacaFeed } from '../../../src-main/market-data/feeds/alpaca/alpaca-feed';
import { AlpacaChainProvider } from '../../../src-main/options/alpaca';
import { fakeConfig, fakeFeed, quiet } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';
import { fakeChain, occ } from './fake/options-rest';

/** The chain's clock: 10 March 2026, 11:00 New York. */
const NOW = Date.UTC(2026, 2, 10, 15, 0, 0);
const EXPIRIES = ['2026-03-13', '2026-03-20', '2026-04-17', '2026-05-15'];
const days = (d: string): number => daysOfExpiry(d) ?? Number.NaN;

let fake: FakeAlpaca;
let feed: AlpacaFeed;
let now = NOW;

const snapshotRequests = (): string[] => fake.http.requests.filter((r) => r.path.startsWith('/v1beta1/options/snapshots')).map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);

function provider(over: { refreshMs?: number; pageLimit?: number; price?: number | null } = {}): AlpacaChainProvider {
  return new AlpacaChainProvider({
    get: (path, params) => feed.dataGet(path, params),
    now: () => now,
    underlyingPrice: () => (over.price === undefined ? 190 : over.price),
    watchUnderlying: () => () => undefined,
    refreshMs: over.refreshMs ?? 10_000,
    pageLimit: over.pageLimit ?? 25,
  });
}

beforeEach(async () => {
  now = NOW;
  fake = await startFakeAlpaca();
  fake.options.chains.set('AAPL', fakeChain('AAPL', 190, EXPIRIES, 5, 10)); // 4 expiries × 21 strikes × call and put = 168
  fake.options.lastTrades.set('AAPL', 190);
  feed = fakeFeed(fake, { clock: systemClock, ticker: systemTicker });
});

afterEach(async () => {
  feed.close();
  await fake.close();
});

describe('Alpaca option chain snapshots behind the chain interface', () => {
  it('pages through the snapshots with the filters passed to Alpaca: two expirations, calls, a strike window', async () => {
    const chain = provider({ pageLimit: 7 });
    const r = await chain.chain({ underlying: 'AAPL', expiryFrom: days('2026-03-13'), expiryTo: days('2026-03-20'), type: 'call', strikeMin: 180, strikeMax: 200 });
    if (!r.ok) throw new Error(r.error.message);
    // 2 expirations × strikes 180..200 by 5 (5 strikes) × calls = 10 contracts: pages of 7 → 2 requests.
    expect(snapshotRequests()).toEqual([
      '/v1beta1/options/snapshots/AAPL?feed=indicative&limit=7&type=call&strike_price_gte=180&strike_price_lte=200&expiration_date_gte=2026-03-13&expiration_date_lte=2026-03-20',
      '/v1beta1/options/snapshots/AAPL?feed=indicative&limit=7&type=call&strike_price_gte=180&strike_price_lte=200&expiration_date_gte=2026-03-13&expiration_date_lte=2026-03-20&page_token=7',
    ]);
    expect(r.value.expirations.map((e) => [e.expiry, e.days, e.rows.map((row) => row.strike)])).toEqual([
      ['2026-03-13', 3, [180, 185, 190, 195, 200]],
      ['2026-03-20', 10, [180, 185, 190, 195, 200]],
    ]);
    expect(r.value).toMatchObject({ source: 'alpaca', underlying: 'AAPL', underlyingPrice: 190, multiplier: 100 });
    const row = r.value.expirations[0]?.rows[0];
    // Strike 180 call with AAPL at 190: intrinsic 10, time value 2 − 2 × 0.25 = 1.5 → mid 11.5, bid 11.45, ask 11.55.
    expect(row).toEqual({
      symbol: occ('AAPL', '2026-03-13', 'call', 180),
      type: 'call',
      strike: 180,
      expiry: '2026-03-13',
      bid: 11.45,
      ask: 11.55,
      mark: 11.5,
      last: 11.5,
      iv: 0.3,
      delta: 0.5,
      gamma: 0.02,
      thetaPerDay: -0.03,
      vegaPerPoint: 0.11,
      volume: 42,
      openInterest: null,
      breakEven: 191.55,
      inTheMoney: true,
    });
  });

  it('asks Alpaca again at most every refreshMs (re-marking the cached rows at the live price meanwhile), and at once on demand', async () => {
    let price = 190;
    const chain = new AlpacaChainProvider({ get: (p, q) => feed.dataGet(p, q), now: () => now, underlyingPrice: () => price, watchUnderlying: () => () => undefined, refreshMs: 10_000, pageLimit: 1000 });
    const query = { underlying: 'AAPL', expiryFrom: days('2026-03-20'), expiryTo: days('2026-03-20') };
    await chain.chain(query);
    now += 5_000;
    price = 196;
    const again = await chain.chain(query);
    expect(snapshotRequests()).toHaveLength(1);
    expect(again.ok ? again.value.expirations[0]?.rows.find((r) => r.strike === 195 && r.type === 'call')?.inTheMoney : null).toBe(true);
    now += 5_000;
    await chain.chain(query);
    expect(snapshotRequests()).toHaveLength(2);
    chain.refresh('AAPL');
    await chain.chain(query);
    expect(snapshotRequests()).toHaveLength(3);
  });

  it('quotes held contracts in batches of 100; an unknown or expired one is refused naming the symbol', async () => {
    const chain = provider();
    const held = fakeChain('AAPL', 190, EXPIRIES, 5, 10).map((c) => c.symbol).slice(0, 150);
    const quotes = await chain.quotes([...held, 'AAPL260320C00999000', 'AAPL260220C00190000']);
    expect(snapshotRequests().map((r) => new URLSearchParams(r.split('?')[1]).get('symbols')?.split(',').length)).toEqual([100, 51]);
    expect([...quotes.values()].filter((q) => q.ok)).toHaveLength(150);
    const first = quotes.get(held[0] ?? '');
    expect(first?.ok ? [first.value.source, first.value.underlying, first.value.multiplier, first.value.status, first.value.underlyingPrice] : first).toEqual(['alpaca', 'AAPL', 100, 'live', 190]);
    expect(quotes.get('AAPL260320C00999000')).toEqual({ ok: false, error: { field: 'symbol', message: 'Alpaca has no snapshot of AAPL260320C00999000' } });
    expect(quotes.get('AAPL260220C00190000')).toEqual({ ok: false, error: { field: 'symbol', message: 'AAPL260220C00190000 expired on 2026-02-20' } });
    expect(chain.latest(held[0] ?? '')?.bid).toBe(first?.ok ? first.value.bid : -1);
    // Asked again within quoteRefreshMs (3 s): answered from the last snapshots, nothing sent; later, asked again.
    await chain.quotes(held.slice(0, 10));
    expect(snapshotRequests()).toHaveLength(2);
    now += 3_000;
    await chain.quotes(held.slice(0, 10));
    expect(snapshotRequests()).toHaveLength(3);
  });

  it('lists expirations from near-the-money calls; without a live price it asks Alpaca’s latest trade', async () => {
    const chain = provider({ price: null, pageLimit: 1000 });
    const r = await chain.expirations('AAPL');
    expect(r.ok ? r.value.map((e) => [e.expiry, e.days, e.thirtyDay]) : r).toEqual([
      ['2026-03-13', 3, false],
      ['2026-03-20', 10, false],
      ['2026-04-17', 38, true],
      ['2026-05-15', 66, false],
    ]);
    expect(fake.http.requests.filter((q) => q.path === '/v2/stocks/AAPL/trades/latest')).toHaveLength(1);
    expect(snapshotRequests()[0]).toContain('type=call&strike_price_gte=184.3&strike_price_lte=195.7');
    expect(chain.checkQuery({ underlying: 'aapl!' })).toEqual({ ok: false, error: { field: 'underlying', message: 'not a US stock symbol: "aapl!"' } });
  });

  it('is the core’s chain on source alpaca: options.expirations, options.chain and options.contract answer from Alpaca’s snapshots', async () => {
    const dir = tempDir();
    const core = createCore({
      dataDir: dir.path,
      mode: 'cli',
      clock: { now: () => now },
      log: quiet,
      binance: binanceConfigFromEnv(NO_REAL_EXCHANGE),
      alpaca: { config: fakeConfig(fake), credentials: staticCredentials(fake.keys.keyId, fake.keys.secret) },
      connectFeeds: [],
    });
    try {
      const call = async <T,>(method: string, params: unknown): Promise<T> => {
        const r = await core.dispatcher.call(method, params);
        if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
        return r.result as T;
      };
      const expirations = await call<Result<'options.expirations'>>('options.expirations', { source: 'alpaca', underlying: 'AAPL' });
      expect(expirations.expirations.map((e) => e.expiry)).toEqual(EXPIRIES);
      const chain = await call<Result<'options.chain'>>('options.chain', { source: 'alpaca', underlying: 'AAPL', expiry: '2026-03-20', type: 'put' });
      expect(chain.expirations.map((e) => [e.expiry, e.rows.length, e.rows.every((r) => r.type === 'put')])).toEqual([['2026-03-20', 21, true]]);
      const symbol = occ('AAPL', '2026-03-20', 'put', 200);
      const one = await call<Result<'options.contract'>>('options.contract', { source: 'alpaca', symbol });
      // Strike 200 put with AAPL at 190: intrinsic 10, time value 2 − 2 × 0.25 = 1.5 → bid 11.45, ask 11.55.
      expect([one.symbol, one.bid, one.ask, one.inTheMoney, one.underlyingPrice]).toEqual([symbol, 11.45, 11.55, true, 190]);
    } finally {
      core.close();
      dir.remove();
    }
  });
});
