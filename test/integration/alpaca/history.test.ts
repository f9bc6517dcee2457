import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarsResult } from '../../../shared/contract';
import { barsFromColumns, columnsFromBars } from '../../../shared/domain/bar-columns';
import { INTERVALS, MINUTE_MS, type Interval } from '../../../shared/domain/interval';
import { aggregate } from '../../../shared/market/aggregate';
import { isOpenAt } from '../../../shared/market/sessions';
import { expectedBars } from '../../../shared/market/slots';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { asBar, fakeFeed } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';

const NOW = Date.UTC(2024, 1, 1, 12);
/** Tuesday 2 January to Saturday 20 January 2024: 13 sessions (Monday the 15th is Martin Luther King Day). */
const FROM = Date.UTC(2024, 0, 2);
const TO = Date.UTC(2024, 0, 20);

async function get(fx: CoreFixture, symbol: string, interval: Interval, from = FROM, to = TO): Promise<BarsResult> {
  const r = await fx.core.dispatcher.call('bars.get', { source: 'alpaca', symbol, interval, from, to, limit: 50_000 });
  if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
  return r.result as BarsResult;
}

describe('Alpaca history: the 1m truth equals the fake\'s bars, at every derived interval', () => {
  let fake: FakeAlpaca;
  let fx: CoreFixture;

  beforeAll(async () => {
    fake = await startFakeAlpaca({ now: () => NOW });
    fx = coreFixture({ clock: { now: () => NOW }, feeds: ({ clock, ticker }) => [fakeFeed(fake, { clock, ticker })] });
    await fx.core.market.connect();
  });
  afterAll(async () => {
    fx.dispose();
    await fake.close();
  });

  it('stores the regular-session minutes only, exactly as Alpaca sent them, in a few paged requests', async () => {
    const first = await get(fx, 'AAPL', '1m');
    const all = fake.market.bars('AAPL', FROM, TO);
    const session = all.filter((b) => isOpenAt('us-equity', b.time));
    // The fake trades pre- and post-market too: those minutes are left out.
    expect(all.length).toBeGreaterThan(session.length);
    expect(session).toHaveLength(13 * 390);
    expect(first.bars).toEqual(session.map((b) => asBar(b)));
    expect(first.coverage).toMatchObject({ expected: 13 * 390, present: 13 * 390, missingBars: 0, missing: [] });
    // The probe, the first bar's time, and two weeks read ahead per request: not one request per session.
    const requests = fake.http.requests.filter((r) => r.path === '/v2/stocks/AAPL/bars');
    expect(requests.length).toBeLessThanOrEqual(6);
  });

  it('every interval is the one aggregation of those minutes, and asking again fetches nothing', async () => {
    const truth = columnsFromBars(fake.market.bars('AAPL', FROM, TO).filter((b) => isOpenAt('us-equity', b.time)).map((b) => asBar(b)));
    const before = fake.http.requests.length;
    for (const interval of INTERVALS) {
      const got = await get(fx, 'AAPL', interval);
      const want = barsFromColumns(aggregate('us-equity', interval, truth, { baseMs: MINUTE_MS, asOf: TO })).filter((b) => b.time >= FROM && b.time < TO);
      expect(got.bars, interval).toEqual(want);
      expect(got.bars.length, interval).toBe(expectedBars('us-equity', interval, FROM, TO));
      expect(got.coverage.missingBars, interval).toBe(0);
    }
    expect(fake.http.requests.length).toBe(before);
  });

  it('an illiquid stock: minutes without a trade are Alpaca\'s gaps, reported and never asked for again', async () => {
    const quiet = await startFakeAlpaca({ now: () => NOW, quietShare: 0.2, symbols: ['SOFI'] });
    const qx = coreFixture({ clock: { now: () => NOW }, feeds: ({ clock, ticker }) => [fakeFeed(quiet, { clock, ticker })] });
    try {
      await qx.core.market.connect();
      const first = await get(qx, 'SOFI', '1h', Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 13));
      const have = quiet.market.bars('SOFI', Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 13)).filter((b) => isOpenAt('us-equity', b.time)).length;
      expect(first.coverage.expected).toBe(5 * 7);
      expect(first.coverage.missingBars).toBe(5 * 390 - have);
      expect(first.coverage.missing.every((m) => m.reason === 'venue-gap')).toBe(true);
      const requests = quiet.http.requests.length;
      expect(await get(qx, 'SOFI', '1h', Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 13))).toEqual(first);
      expect(quiet.http.requests.length).toBe(requests);
    } finally {
      qx.dispose();
      await quiet.close();
    }
  });

  it('an unknown symbol: Alpaca\'s message is in the coverage, nothing is stored', async () => {
    const fx2 = coreFixture({ clock: { now: () => NOW }, feeds: ({ clock, ticker }) => [fakeFeed(fake, { clock, ticker }, { config: { symbols: ['ZZZZ'] } })] });
    try {
      const r = await get(fx2, 'ZZZZ', '1h', Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 9));
      expect(r.bars).toEqual([]);
      expect(r.coverage.missing).toHaveLength(1);
      expect(r.coverage.missing[0]).toMatchObject({ reason: 'not-loaded', note: 'Alpaca: invalid symbol: ZZZZ (HTTP 400, code 40010001)' });
    } finally {
      fx2.dispose();
    }
  });
});
