import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bar, type Bar } from '../../../shared/domain/bar';
import { AlpacaApiError, AlpacaAuthError, AlpacaNoKeysError, AlpacaParseError, AlpacaRateLimitedError, AlpacaUnavailableError } from '../../../src-main/market-data/feeds/alpaca/alpaca-errors';
import { AuthLatch } from '../../../src-main/market-data/feeds/alpaca/auth-latch';
import { AlpacaKeys, type AlpacaCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { AlpacaRestClient, type AlpacaRestClientOptions } from '../../../src-main/market-data/feeds/alpaca/http-client';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';
import type { FakeBar } from './fake/fake-market';

const NOW = Date.UTC(2024, 0, 10, 22);
const quiet = { error: () => undefined, warn: () => undefined };

/** The fake's bars as the client should return them: cents → dollars, exact. */
export function expected(b: FakeBar, final = true): Bar {
  return bar(b.time, b.open / 100, b.high / 100, b.low / 100, b.close / 100, b.volume, b.trades, final);
}

describe('AlpacaRestClient against the fake Alpaca', () => {
  let now = NOW;
  let fake: FakeAlpaca;
  let waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    now += ms;
    return Promise.resolve();
  };

  beforeAll(async () => {
    fake = await startFakeAlpaca({ now: () => now });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    now = NOW;
    waits = [];
    fake.faults.clear();
    fake.http.requests.length = 0;
  });

  function client(over: Partial<AlpacaRestClientOptions> = {}, keys: AlpacaCredentials | null = new AlpacaKeys(fake.keys.keyId, fake.keys.secret)): AlpacaRestClient {
    return new AlpacaRestClient({
      baseUrl: fake.dataUrl,
      keys: () => Promise.resolve(keys),
      missingKeys: 'no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY',
      auth: new AuthLatch(),
      feed: 'iex',
      adjustment: 'raw',
      now: () => now,
      sleep,
      log: quiet,
      ...over,
    });
  }

  it('follows next_page_token through every page and returns exactly the fake market\'s bars', async () => {
    const from = Date.UTC(2024, 0, 3);
    const to = Date.UTC(2024, 0, 6);
    const bars = await client({ pageLimit: 500 }).bars('AAPL', from, to);
    const truth = fake.market.bars('AAPL', from, to);
    expect(truth.length).toBeGreaterThan(3 * 390);
    expect(bars).toEqual(truth.map((b) => expected(b)));
    const requests = fake.http.requests;
    expect(requests.length).toBe(Math.ceil(truth.length / 500));
    expect(requests[0]?.query).toMatchObject({ timeframe: '1Min', adjustment: 'raw', feed: 'iex', limit: '500', start: '2024-01-03T00:00:00.000Z', end: '2024-01-05T23:59:59.999Z', sort: 'asc' });
    expect(requests[0]?.query['page_token']).toBeUndefined();
    expect(requests.slice(1).every((r) => typeof r.query['page_token'] === 'string')).toBe(true);
    expect(requests.every((r) => r.keys === 'ok' && r.path === '/v2/stocks/AAPL/bars')).toBe(true);
  });

  it('marks only the minutes closed before the request (less the margin) final', async () => {
    const range = [Date.UTC(2024, 0, 3, 14, 55), Date.UTC(2024, 0, 3, 15, 1)] as const;
    now = Date.UTC(2024, 0, 3, 15, 0, 59, 995);
    const late = await client().bars('SPY', ...range);
    expect(late.map((b) => [new Date(b.time).toISOString().slice(11, 16), b.final])).toEqual([
      ['14:55', true], ['14:56', true], ['14:57', true], ['14:58', true], ['14:59', true], ['15:00', false],
    ]);
    now = Date.UTC(2024, 0, 3, 15, 0, 1);
    const early = await client().bars('SPY', ...range);
    expect(early.map((b) => b.final)).toEqual([true, true, true, true, false]);
  });

  it('honours Retry-After on 429, pausing until it has passed, then succeeds', async () => {
    fake.faults.rateLimit(2, { retryAfterSec: 3 });
    const bars = await client().bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 15, 10));
    expect(bars).toHaveLength(10);
    expect(waits).toEqual([3000, 3000]);
    expect(fake.http.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('honours X-RateLimit-Reset when there is no Retry-After', async () => {
    fake.faults.rateLimit(1, { resetAt: NOW + 7_000 });
    const c = client();
    await c.bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 15, 10));
    expect(waits).toEqual([7000]);
    expect(c.stats().retries429).toBe(1);
  });

  it('gives up after the 429 retries with a rate-limit error', async () => {
    fake.faults.rateLimit(100, { retryAfterSec: 1 });
    await expect(client().bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 15, 10))).rejects.toBeInstanceOf(AlpacaRateLimitedError);
    expect(fake.http.requests).toHaveLength(6);
  });

  it('retries a 5xx with backoff, and reports the venue unavailable when it persists', async () => {
    fake.faults.fail(2, 503);
    const bars = await client().bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 15, 10));
    expect(bars).toHaveLength(10);
    expect(waits).toEqual([1000, 2000]);
    fake.faults.fail(10, 500);
    waits = [];
    const error = await client().bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 15, 10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlpacaUnavailableError);
    expect((error as Error).message).toBe('Alpaca /v2/stocks/SPY/bars: HTTP 500 (internal server error occurred)');
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('surfaces Alpaca\'s message for an unknown symbol (4xx), without retrying', async () => {
    const error = await client().bars('ZZZZ', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect((error as Error).message).toBe('Alpaca: invalid symbol: ZZZZ (HTTP 400, code 40010001)');
    expect(fake.http.requests).toHaveLength(1);
  });

  it('a wrong key fails once with "authentication failed" and nothing more is sent', async () => {
    const auth = new AuthLatch();
    const c = client({ auth }, new AlpacaKeys(fake.keys.keyId, 'not-the-secret'));
    const first = await c.bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16)).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AlpacaAuthError);
    expect((first as Error).message).toBe('authentication failed (HTTP 403)');
    expect(auth.failure).toBe('authentication failed');
    for (let i = 0; i < 20; i++) await expect(c.bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16))).rejects.toBeInstanceOf(AlpacaAuthError);
    expect(fake.http.requests).toHaveLength(1);
    expect(c.stats()).toMatchObject({ requests: 1, refusedLocally: 20 });
  });

  it('without keys it sends nothing and says where the keys go', async () => {
    const error = await client({}, null).bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlpacaNoKeysError);
    expect((error as Error).message).toBe('no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY');
    expect(fake.http.requests).toHaveLength(0);
  });

  it('a plan without SIP is Alpaca\'s refusal, not a bad key', async () => {
    const auth = new AuthLatch();
    const error = await client({ auth, feed: 'sip' }).bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect((error as Error).message).toBe('Alpaca: subscription does not permit querying recent SIP data (HTTP 403)');
    expect(auth.failure).toBeNull();
  });

  it('a body that is not Alpaca\'s is a parse error, and no bars are kept', async () => {
    fake.faults.garbage = '{"bars":[{"t":"yesterday","o":1,"h":1,"l":1,"c":1,"v":1}]}';
    const error = await client().bars('SPY', Date.UTC(2024, 0, 3, 15), Date.UTC(2024, 0, 3, 16)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlpacaParseError);
    expect((error as Error).message).toBe('bar 0, field t: not an RFC 3339 time ("yesterday")');
  });

  it('finds a symbol\'s first bar', async () => {
    const f = await startFakeAlpaca({ now: () => now, listedSince: Date.UTC(2021, 5, 1) });
    try {
      const c = new AlpacaRestClient({ baseUrl: f.dataUrl, keys: () => Promise.resolve(new AlpacaKeys(f.keys.keyId, f.keys.secret)), missingKeys: '', auth: new AuthLatch(), feed: 'iex', adjustment: 'raw', now: () => now, sleep });
      const first = await c.firstBarTime('SOFI');
      expect(first).toBe(f.market.bars('SOFI', Date.UTC(2021, 5, 1), Date.UTC(2021, 5, 3))[0]?.time);
    } finally {
      await f.close();
    }
  });
});
