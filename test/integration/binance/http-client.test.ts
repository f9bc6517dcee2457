import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bar, type Bar } from '../../../shared/domain/bar';
import {
  BinanceApiError,
  BinanceBannedError,
  BinanceParseError,
  BinanceRateLimitedError,
  BinanceUnavailableError,
} from '../../../src-main/market-data/feeds/binance/binance-errors';
import { BinanceRestClient } from '../../../src-main/market-data/feeds/binance/http-client';
import { startFakeBinanceRest, type FakeBinanceRest, type FakeRestOptions } from './fake/fake-rest';
import { syntheticKline } from './fake/rest-truth';

const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 1); // a minute boundary
const BTC = 'BTCUSDT';

/** A clock that only moves when the client sleeps: no real waiting. */
class FakeClock {
  readonly sleeps: number[] = [];
  constructor(public t: number) {}
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  };
}

function expectedBar(symbol: string, openTime: number, now: number): Bar {
  const k = syntheticKline(symbol, openTime);
  return bar(openTime, Number(k.open), Number(k.high), Number(k.low), Number(k.close), Number(k.volume), k.trades, openTime + MIN - 1 < now);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('BinanceRestClient against the fake Binance REST server', () => {
  let clock: FakeClock;
  let fake: FakeBinanceRest;
  let client: BinanceRestClient;
  const warnings: string[] = [];
  const errors: string[] = [];

  async function start(startAt: number, options: Omit<FakeRestOptions, 'now'> = {}, weightLimit?: number): Promise<void> {
    clock = new FakeClock(startAt);
    fake = await startFakeBinanceRest({ ...options, now: clock.now });
    const log = { warn: (m: string) => warnings.push(m), error: (m: string) => errors.push(m) };
    client = new BinanceRestClient({ baseUrl: fake.url, now: clock.now, sleep: clock.sleep, log, ...(weightLimit === undefined ? {} : { weightLimit }) });
  }

  beforeEach(() => {
    warnings.length = 0;
    errors.length = 0;
  });
  afterEach(async () => {
    await fake.close();
  });

  it('pages a 2,500-minute range in 3 requests and returns exactly its bars, oldest first', async () => {
    await start(T0 + 10 * 1440 * MIN);
    const to = T0 + 2500 * MIN;
    const bars = await client.klines(BTC, T0, to);
    expect(bars).toEqual(Array.from({ length: 2500 }, (_, i) => expectedBar(BTC, T0 + i * MIN, clock.t)));
    const q = (start: number) => ({ symbol: BTC, interval: '1m', startTime: String(start), endTime: String(to - 1), limit: '1000' });
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      ['/api/v3/klines', q(T0)],
      ['/api/v3/klines', q(T0 + 1000 * MIN)],
      ['/api/v3/klines', q(T0 + 2000 * MIN)],
    ]);
    expect(client.stats()).toEqual({ requests: 3, weightUsed: 6, waitsForWeight: 0, retries429: 0, bannedUntil: null });
  });

  it('stops when the range is covered (2,000 minutes: 2 requests) and sends none for an empty range', async () => {
    await start(T0 + 10 * 1440 * MIN);
    expect(await client.klines(BTC, T0, T0 + 2000 * MIN)).toHaveLength(2000);
    expect(await client.klines(BTC, T0, T0)).toEqual([]);
    expect(fake.requests).toHaveLength(2);
  });

  it('returns the forming bar as not final and nothing after now', async () => {
    await start(T0 + 10 * MIN + 30_000);
    const bars = await client.klines(BTC, T0, T0 + 20 * MIN);
    expect(bars.map((b) => b.time)).toEqual(Array.from({ length: 11 }, (_, i) => T0 + i * MIN));
    expect(bars.map((b) => b.final)).toEqual([...Array<boolean>(10).fill(true), false]);
  });

  it('keeps only open times in [from, to), skipping gaps, with decimal strings parsed exactly', async () => {
    await start(T0 + 1440 * MIN, { script: null });
    const k = (price: string) => ({ open: price, high: price, low: price, close: price, volume: '0.00001234', trades: 1 });
    for (const [i, p] of [[0, '42000.10000000'], [1, '0.00001234'], [4, '7.50000000'], [9, '1.00000000']] as const) fake.truth.set(BTC, T0 + i * MIN, k(p));
    const bars = await client.klines(BTC, T0 + 1, T0 + 9 * MIN);
    expect(bars).toEqual([bar(T0 + MIN, 0.00001234, 0.00001234, 0.00001234, 0.00001234, 0.00001234, 1, true), bar(T0 + 4 * MIN, 7.5, 7.5, 7.5, 7.5, 0.00001234, 1, true)]);
    expect((await client.klines(BTC, T0, T0 + MIN))[0]?.close).toBe(42000.1);
  });

  it('rejects a malformed row from the venue, naming its index and field', async () => {
    await start(T0 + 1440 * MIN);
    fake.truth.set(BTC, T0 + 2 * MIN, { raw: [T0 + 2 * MIN, '1.0', 'NaN', '1.0', '1.0', '1.0', T0 + 3 * MIN - 1, '1.0', 1, '0', '0', '0'] });
    const err = await rejection(client.klines(BTC, T0, T0 + 5 * MIN));
    expect(err).toBeInstanceOf(BinanceParseError);
    expect(err).toMatchObject({ index: 2, field: 'high' });
  });

  it('on 429 waits exactly Retry-After, then sends the same request again', async () => {
    await start(T0 + 1440 * MIN);
    fake.faults.rateLimit(1, 7);
    expect(await client.klines(BTC, T0, T0 + 3 * MIN)).toHaveLength(3);
    expect(clock.sleeps).toEqual([7000]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(fake.requests[1]!.query).toEqual(fake.requests[0]!.query);
    expect(fake.requests[1]!.time - fake.requests[0]!.time).toBe(7000);
    expect(client.stats()).toMatchObject({ requests: 2, retries429: 1 });
    expect(warnings).toEqual(['Binance /api/v3/klines: HTTP 429, retrying in 7000 ms']);
  });

  it('gives up after 5 retries of a 429', async () => {
    await start(T0 + 1440 * MIN);
    fake.faults.rateLimit(100, 2);
    const err = await rejection(client.klines(BTC, T0, T0 + 3 * MIN));
    expect(err).toBeInstanceOf(BinanceRateLimitedError);
    expect(err).toMatchObject({ attempts: 6, message: 'Binance kept answering HTTP 429 to /api/v3/klines after 6 attempts' });
    expect(clock.sleeps).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(fake.requests).toHaveLength(6);
  });

  it('after a 429, the next caller waits out Retry-After too, even when the refused one gave up', async () => {
    await start(T0 + 1440 * MIN);
    fake.faults.rateLimit(6, 3);
    await rejection(client.klines(BTC, T0, T0 + 3 * MIN));
    const lastRefused = fake.requests.at(-1)!.time;
    expect(await client.klines(BTC, T0, T0 + 3 * MIN)).toHaveLength(3);
    expect(fake.requests.at(-1)!.time - lastRefused).toBe(3000);
  });

  it('keeps its own count of weight when the header goes missing, and still waits for the next minute', async () => {
    await start(T0 + 17_000, {}, 20);
    fake.faults.omitWeightHeader = true;
    for (let i = 0; i < 15; i++) await client.klines(BTC, T0 - (i + 1) * MIN, T0 - i * MIN);
    const inFirstMinute = fake.requests.filter((r) => r.time < T0 + MIN);
    // Weight 2 a request, 20 a minute: 10 requests, then a wait for the next minute.
    expect(inFirstMinute).toHaveLength(10);
    expect(clock.sleeps).toEqual([44_000]);
  });

  it('on 418 throws BinanceBannedError and sends nothing more until the ban ends', async () => {
    const t = T0 + 1440 * MIN + 5_000;
    await start(t);
    fake.faults.ban(120);
    const err = await rejection(client.klines(BTC, T0, T0 + 3 * MIN));
    expect(err).toBeInstanceOf(BinanceBannedError);
    expect((err as BinanceBannedError).until).toBe(t + 120_000);
    expect(client.stats().bannedUntil).toBe(t + 120_000);
    clock.t = t + 119_999;
    expect(await rejection(client.klines(BTC, T0, T0 + 3 * MIN))).toBe(err);
    expect(await rejection(client.exchangeInfo())).toBe(err);
    expect(fake.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(errors).toHaveLength(1);
    clock.t = t + 120_000;
    expect(await client.klines(BTC, T0, T0 + 3 * MIN)).toHaveLength(3);
    expect(fake.requests.map((r) => r.status)).toEqual([418, 200]);
    expect(client.stats().bannedUntil).toBeNull();
  });

  it('waits for the next minute rather than exceed the budget, counting weight others used (header)', async () => {
    await start(T0 + 17_000);
    fake.addExternalWeight(5000);
    for (let i = 0; i < 600; i++) await client.klines(BTC, T0 - (i + 1) * MIN, T0 - i * MIN);
    const inFirstMinute = fake.requests.filter((r) => r.time < T0 + MIN);
    expect(inFirstMinute).toHaveLength(500);
    expect(inFirstMinute.at(-1)?.usedWeight).toBe(6000);
    expect(clock.sleeps).toEqual([44_000]); // to the next minute, plus one second for clock skew
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect(client.stats()).toMatchObject({ requests: 600, weightUsed: 200, waitsForWeight: 1, retries429: 0 });
  });

  it('never exceeds the budget over 4,000 concurrent requests', async () => {
    await start(T0 + 17_000);
    fake.addExternalWeight(3000);
    const jobs = Array.from({ length: 4000 }, (_, i) => T0 - (i + 1) * MIN);
    const worker = async (): Promise<void> => {
      for (let t = jobs.pop(); t !== undefined; t = jobs.pop()) expect(await client.klines(BTC, t, t + MIN)).toHaveLength(1);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(fake.requests).toHaveLength(4000);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect(Math.max(...fake.requests.map((r) => r.usedWeight))).toBeLessThanOrEqual(6000);
    const stats = client.stats();
    expect(stats.retries429).toBe(0);
    expect(stats.waitsForWeight).toBeGreaterThanOrEqual(1);
    // 3000 (others) + 2 × 4000 does not fit in one minute: it waited once, to the next minute plus the skew second.
    expect(clock.t).toBe(T0 + MIN + 1_000);
    const firstMinute = fake.requests.filter((r) => r.time < T0 + MIN).length;
    expect(firstMinute).toBeGreaterThan(1490); // concurrency only makes the estimate conservative
    expect(firstMinute).toBeLessThanOrEqual(1500);
  });

  it('waits before an exchangeInfo (weight 20) that would not fit', async () => {
    await start(T0 + 17_000, {}, 1000);
    fake.addExternalWeight(980);
    await client.klines(BTC, T0 - MIN, T0); // learns 982 from the header
    const info = await client.exchangeInfo();
    expect(clock.sleeps).toEqual([44_000]);
    expect(info.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(client.stats()).toMatchObject({ weightUsed: 20, waitsForWeight: 1 });
  });

  it('parses exchangeInfo tick and step sizes', async () => {
    const pepe = { symbol: 'PEPEUSDT', status: 'BREAK', baseAsset: 'PEPE', quoteAsset: 'USDT', tickSize: '0.00000001', stepSize: '1.00000000' };
    await start(T0, { symbols: [pepe, { ...pepe, symbol: 'BTCUSDT', status: 'TRADING', baseAsset: 'BTC', tickSize: '0.01000000', stepSize: '0.00001000' }] });
    expect(await client.exchangeInfo()).toEqual([
      { symbol: 'PEPEUSDT', status: 'BREAK', baseAsset: 'PEPE', quoteAsset: 'USDT', tickSize: 1e-8, stepSize: 1, tickSizeRaw: '0.00000001', stepSizeRaw: '1.00000000' },
      { symbol: 'BTCUSDT', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: 0.01, stepSize: 0.00001, tickSizeRaw: '0.01000000', stepSizeRaw: '0.00001000' },
    ]);
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v3/exchangeInfo']);
    expect(client.stats().weightUsed).toBe(20);
  });

  it('maps an error body to BinanceApiError, a 5xx to BinanceUnavailableError without retrying', async () => {
    await start(T0 + 1440 * MIN);
    const invalid = await rejection(client.klines('NOPEUSDT', T0, T0 + MIN));
    expect(invalid).toBeInstanceOf(BinanceApiError);
    expect(invalid).toMatchObject({ status: 400, code: -1121, msg: 'Invalid symbol.' });
    fake.faults.fail(1);
    const down = await rejection(client.klines(BTC, T0, T0 + MIN));
    expect(down).toBeInstanceOf(BinanceUnavailableError);
    expect(down).toMatchObject({ status: 500, message: 'Binance /api/v3/klines: HTTP 500' });
    expect(fake.requests.map((r) => r.status)).toEqual([400, 500]);
  });

  it('maps a refused connection to BinanceUnavailableError', async () => {
    await start(T0);
    await fake.close();
    const err = await rejection(client.exchangeInfo());
    expect(err).toBeInstanceOf(BinanceUnavailableError);
    expect((err as BinanceUnavailableError).status).toBeUndefined();
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    fake = await startFakeBinanceRest(); // afterEach closes it
  });
});

describe('the fake Binance REST server', () => {
  let fake: FakeBinanceRest;
  const now = T0 + 30 * MIN + 5_000;
  beforeEach(async () => {
    fake = await startFakeBinanceRest({ now: () => now });
  });
  afterEach(async () => {
    await fake.close();
  });
  const get = async (query: string): Promise<[number, unknown, string | null]> => {
    const res = await fetch(`${fake.url}/api/v3/klines?${query}`);
    return [res.status, await res.json(), res.headers.get('x-mbx-used-weight-1m')];
  };

  it('serves 500 klines by default, the newest up to now without startTime, within [startTime, endTime] with it', async () => {
    await fake.close();
    fake = await startFakeBinanceRest({ now: () => T0 + 1440 * MIN });
    const [status, rows] = await get(`symbol=${BTC}&interval=1m`);
    expect(status).toBe(200);
    expect((rows as unknown[][]).map((r) => r[0])).toEqual(Array.from({ length: 500 }, (_, i) => T0 + (941 + i) * MIN));
    const [, ranged] = await get(`symbol=${BTC}&interval=1m&startTime=${String(T0 + MIN)}&endTime=${String(T0 + 3 * MIN)}`);
    expect((ranged as unknown[][]).map((r) => r[0])).toEqual([T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]);
    const k = syntheticKline(BTC, T0 + MIN);
    const first = (ranged as unknown[][])[0]!;
    expect([...first.slice(0, 7), ...first.slice(8)]).toEqual([T0 + MIN, k.open, k.high, k.low, k.close, k.volume, T0 + 2 * MIN - 1, k.trades, '0.00000000', '0.00000000', '0']);
    expect(first[7]).toMatch(/^\d+\.\d{8}$/);
  });

  it('answers documented errors and counts weight per minute of its clock', async () => {
    expect(await get(`symbol=${BTC}&interval=1m&limit=1001`)).toEqual([400, { code: -1100, msg: "Illegal characters found in parameter 'limit'; legal range is '1000'." }, '2']);
    expect(await get('symbol=NOPE&interval=1m')).toEqual([400, { code: -1121, msg: 'Invalid symbol.' }, '4']);
    expect(await get(`symbol=${BTC}&interval=1m&startTime=2&endTime=1`)).toEqual([400, { code: -1023, msg: 'Start time is greater than end time.' }, '6']);
    expect(fake.requests.map((r) => [r.time, r.usedWeight])).toEqual([[now, 2], [now, 4], [now, 6]]);
  });
});
