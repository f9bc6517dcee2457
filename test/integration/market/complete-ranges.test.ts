import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarsResult } from '../../../shared/contract';
import { columnsFromBars } from '../../../shared/domain/bar-columns';
import { bar } from '../../../shared/domain/bar';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Interval } from '../../../shared/domain/interval';
import { fxSession } from '../../../shared/market/sessions';
import { expectedBars } from '../../../shared/market/slots';
import { BinanceFeed } from '../../../src-main/market-data/feeds/binance/binance-feed';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { prng } from '../../helpers/prng';
import { startFakeBinanceRest, type FakeBinanceRest } from '../binance/fake/fake-rest';
import { syntheticKline } from '../binance/fake/rest-truth';

const quiet = { error: () => undefined, warn: () => undefined };
const INTERVALS: Interval[] = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'];

type Query = { source: string; symbol: string; interval: Interval; from?: number; to?: number; limit?: number };

async function get(fx: CoreFixture, q: Query): Promise<BarsResult> {
  const r = await fx.core.dispatcher.call('bars.get', { limit: 50_000, ...q });
  if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
  return r.result as BarsResult;
}

/** Random reads of a series (ranges, intervals, "newest N"), the kind a user clicks through before a backtest. */
async function randomReads(fx: CoreFixture, source: string, symbol: string, lo: number, hi: number, seed: number, n: number, intervals = INTERVALS): Promise<void> {
  const random = prng(seed);
  for (let i = 0; i < n; i++) {
    const interval = intervals[Math.floor(random() * intervals.length)] ?? '1h';
    const a = lo + Math.floor(random() * (hi - lo));
    const b = Math.min(hi, a + Math.floor(random() * 20 * DAY_MS));
    const q: Query = random() < 0.3 ? { source, symbol, interval, to: b, limit: 1 + Math.floor(random() * 500) } : { source, symbol, interval, from: a, to: b };
    await get(fx, q);
  }
}

describe('every range is complete, whatever was read before (sim)', () => {
  const NOW = Date.UTC(2025, 0, 6, 15);
  const YEAR = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) };

  it('a year of SPY 5m holds every regular-session bar of 2024, before and after random reads, in a fresh store or not', async () => {
    const target: Query = { source: 'sim', symbol: 'SPY', interval: '5m', ...YEAR };
    const fresh = coreFixture({ clock: { now: () => NOW } });
    const used = coreFixture({ clock: { now: () => NOW } });
    try {
      const clean = await get(fresh, target);
      // 252 sessions of 78 bars, less the three early closes (13:00: 42 bars each).
      expect(clean.bars.length).toBe(249 * 78 + 3 * 42);
      expect(clean.coverage).toMatchObject({ expected: 249 * 78 + 3 * 42, present: 249 * 78 + 3 * 42, missingBars: 0, missing: [] });
      expect(new Date(clean.bars[0]?.time ?? 0).toISOString()).toBe('2024-01-02T14:30:00.000Z');

      // The sequence: a May query first, then the year; then January; then random reads.
      await get(used, { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2024, 4, 1), to: Date.UTC(2024, 4, 3) });
      expect(await get(used, target)).toEqual(clean);
      await get(used, { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 31) });
      await randomReads(used, 'sim', 'SPY', Date.UTC(2023, 0, 1), NOW, 7, 25);
      expect(await get(used, target)).toEqual(clean);
    } finally {
      fresh.dispose();
      used.dispose();
    }
  });

  it('daily and weekly charts reach back past the old 90-day window, and say where the simulated market begins', async () => {
    const fx = coreFixture({ clock: { now: () => NOW } });
    try {
      const daily = await get(fx, { source: 'sim', symbol: 'SPY', interval: '1d', limit: 500 });
      expect(daily.bars.length).toBe(500);
      expect(daily.older).toBe(daily.bars[0]?.time);
      const before = await get(fx, { source: 'sim', symbol: 'BTCUSDT', interval: '1d', from: Date.UTC(2014, 11, 1), to: Date.UTC(2015, 0, 11) });
      expect(before.bars.length).toBe(10);
      expect(before.coverage.missing).toEqual([{ from: Date.UTC(2014, 11, 1), to: Date.UTC(2015, 0, 1), reason: 'before-start', bars: 31 * 1440 }]);
      expect(before.coverage).toMatchObject({ expected: 41, present: 10 });
      // Paging back with the cursor gives the bars just before, without a gap or a duplicate.
      const page = await get(fx, { source: 'sim', symbol: 'SPY', interval: '1d', to: daily.older ?? 0, limit: 100 });
      expect(page.bars.length).toBe(100);
      const all = await get(fx, { source: 'sim', symbol: 'SPY', interval: '1d', from: page.bars[0]?.time ?? 0, to: NOW });
      expect(all.bars).toEqual([...page.bars, ...daily.bars]);
    } finally {
      fx.dispose();
    }
  });

  it('refuses a limit over the cap naming the field', async () => {
    const fx = coreFixture({ clock: { now: () => NOW } });
    try {
      const r = await fx.core.dispatcher.call('bars.get', { source: 'sim', symbol: 'SPY', interval: '1m', limit: 50_001 });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.limit' } });
    } finally {
      fx.dispose();
    }
  });
});

describe('imported series: holes are reported, closed markets are not', () => {
  // EURUSD hourly for two weeks of March 2024, with Wednesday 13th 10:00-14:00 UTC left out of the file.
  const start = Date.UTC(2024, 2, 4);
  const end = Date.UTC(2024, 2, 16);
  let fx: CoreFixture;

  beforeAll(() => {
    fx = coreFixture({ clock: { now: () => Date.UTC(2024, 5, 1) } });
    const rows = [];
    for (let t = start; t < end; t += HOUR_MS) {
      const hole = t >= Date.UTC(2024, 2, 13, 10) && t < Date.UTC(2024, 2, 13, 14);
      // FX trades Sunday 17:00 to Friday 17:00 New York (22:00 UTC before 10 March, 21:00 after).
      if (!hole && fxSession(t) !== null) rows.push(bar(t, 1.08, 1.081, 1.079, 1.0805, 100, 0, true));
    }
    fx.core.bars.upsert({ source: 'csv', symbol: 'EURUSD', interval: '1h' }, 'fx', columnsFromBars(rows), 'fill');
  });
  afterAll(() => fx.dispose());

  it('names the weekday hole, the span after the import and nothing over the weekend', async () => {
    const target: Query = { source: 'csv', symbol: 'EURUSD', interval: '1h', from: start, to: Date.UTC(2024, 2, 20) };
    const first = await get(fx, target);
    const reasons = first.coverage.missing.map((m) => [new Date(m.from).toISOString(), new Date(m.to).toISOString(), m.reason]);
    expect(reasons).toEqual([
      ['2024-03-13T10:00:00.000Z', '2024-03-13T14:00:00.000Z', 'missing'],
      // The file ends Friday 15th at 21:00 UTC; the weekend holds no slot, so the span after it starts Sunday 17:00 New York.
      ['2024-03-17T21:00:00.000Z', '2024-03-20T00:00:00.000Z', 'after-end'],
    ]);
    await randomReads(fx, 'csv', 'EURUSD', start - 5 * DAY_MS, end + 5 * DAY_MS, 11, 25, ['1h', '4h', '1d', '1w']);
    expect(await get(fx, target)).toEqual(first);
  });
});

describe('Binance: missing spans are fetched, listings and outages are reported, never asked for forever', () => {
  const NOW = Date.UTC(2024, 5, 3, 12);
  const LISTED = Date.UTC(2024, 5, 1);
  const OUTAGE = { from: Date.UTC(2024, 5, 2, 3), to: Date.UTC(2024, 5, 2, 3, 30) };
  let rest: FakeBinanceRest;
  let fx: CoreFixture;

  beforeAll(async () => {
    rest = await startFakeBinanceRest({
      now: () => NOW,
      listedSince: LISTED,
      script: (symbol, t) => (t >= OUTAGE.from && t < OUTAGE.to ? undefined : syntheticKline(symbol, t)),
    });
    fx = coreFixture({
      clock: { now: () => NOW },
      feeds: ({ clock, ticker }) => [new BinanceFeed({ config: { restBaseUrl: rest.url, wsBaseUrl: 'ws://127.0.0.1:9', visionBaseUrl: rest.url }, clock, ticker, log: quiet })],
    });
    await fx.core.market.connect();
  });
  afterAll(async () => {
    fx.dispose();
    await rest.close();
  });

  it('fills a range from REST, reports the listing and the outage, and asks for neither again', async () => {
    const target: Query = { source: 'binance', symbol: 'BTCUSDT', interval: '15m', from: Date.UTC(2024, 4, 31), to: Date.UTC(2024, 5, 3) };
    const progress: number[] = [];
    const stop = fx.core.market.filler.onProgress((p) => progress.push(p.fraction));
    const first = await get(fx, target);
    stop();
    expect(first.coverage.missing.map((m) => [m.reason, m.from, m.to, m.bars])).toEqual([
      ['before-start', Date.UTC(2024, 4, 31), LISTED, 1440],
      ['venue-gap', OUTAGE.from, OUTAGE.to, 30],
    ]);
    expect(first.bars.length).toBe(2 * 96 - 2); // the outage swallows the 03:00 and 03:15 buckets whole
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(2);

    const requests = rest.requests.length;
    await randomReads(fx, 'binance', 'BTCUSDT', LISTED - 2 * DAY_MS, NOW, 5, 15);
    expect(await get(fx, target)).toEqual(first);
    // Random reads inside the range fetched nothing new; the listing and the outage were not asked again.
    const again = rest.requests.slice(requests).filter((r) => Number(r.query.startTime) < NOW - DAY_MS * 3);
    expect(again).toEqual([]);
  });

  it('says not-loaded when the venue fails, and loads the span on the next read', async () => {
    const q: Query = { source: 'binance', symbol: 'ETHUSDT', interval: '1h', from: Date.UTC(2024, 5, 2, 12), to: Date.UTC(2024, 5, 2, 18) };
    rest.faults.fail(10);
    const failed = await get(fx, q);
    rest.faults.clear();
    expect(failed.coverage.missing).toHaveLength(1);
    expect(failed.coverage.missing[0]).toMatchObject({ reason: 'not-loaded', bars: 360 });
    const ok = await get(fx, q);
    expect(ok.coverage).toMatchObject({ expected: 6, present: 6, missingBars: 0 });
    expect(ok.bars.length).toBe(6);
    expect(expectedBars('crypto', '1h', q.from ?? 0, q.to ?? 0)).toBe(6);
  });
});

describe('the minute arithmetic behind coverage', () => {
  it('counts 5m bars of the 2024 NYSE year with its early closes', () => {
    expect(expectedBars('us-equity', '5m', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toBe(249 * 78 + 3 * 42);
    expect(expectedBars('us-equity', '1d', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toBe(252);
    expect(expectedBars('crypto', '1m', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toBe(366 * 1440);
    expect(expectedBars('fx', '1d', Date.UTC(2024, 2, 4), Date.UTC(2024, 2, 11))).toBe(5);
    expect(MINUTE_MS).toBe(60_000);
  });
});
