import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { optionsFixture, OPTIONS_T0, type OptionsFixture } from '../../helpers/options-fixture';

let dir: ReturnType<typeof tempDir>;
let fx: OptionsFixture;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await fx.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

async function fail(method: string, params: unknown): Promise<{ code: string; path: string; message: string }> {
  const r = await fx.core.dispatcher.call(method, params);
  if (r.ok) throw new Error(`${method} succeeded`);
  return r.error;
}

beforeEach(async () => {
  dir = tempDir();
  fx = optionsFixture(dir.path);
  await fx.core.market.connect();
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('options.* over the dispatcher (the sim’s chain)', () => {
  it('options.expirations: 0DTE first, days counted from today in New York, the ~30-day one marked', async () => {
    const r = await call<Result<'options.expirations'>>('options.expirations', { underlying: 'spy' });
    expect([r.source, r.underlying, r.time]).toEqual(['sim', 'SPY', OPTIONS_T0]);
    expect(r.expirations.slice(0, 4).map((e) => [e.expiry, e.kind, e.days])).toEqual([
      ['2026-03-10', 'daily', 0],
      ['2026-03-11', 'daily', 1],
      ['2026-03-12', 'daily', 2],
      ['2026-03-13', 'weekly', 3],
    ]);
    expect(r.expirations.filter((e) => e.thirtyDay).map((e) => e.expiry)).toEqual(['2026-04-09']);
    expect(await fail('options.expirations', { underlying: 'BTCUSDT' })).toEqual({
      code: 'NOT_FOUND',
      path: 'params.underlying',
      message: 'the sim lists options on SPY, QQQ, AAPL, NVDA, not BTCUSDT',
    });
    expect(await fail('options.expirations', { source: 'binance', underlying: 'SPY' })).toMatchObject({ code: 'NOT_FOUND', path: 'params.source' });
  });

  it('options.chain: one expiration, the strikes around the money, the ATM pair pinned', async () => {
    const snap = await call<Result<'options.chain'>>('options.chain', { underlying: 'SPY', expiry: '2026-03-20', strikesAround: 1 });
    expect(snap.underlyingPrice).toBe(667.085);
    expect(snap.expirations.map((e) => [e.expiry, e.rows.map((r) => `${r.symbol} ${String(r.bid)}/${String(r.ask)} BE ${String(r.breakEven)}`)])).toEqual([
      [
        '2026-03-20',
        [
          'SPY260320C00666000 8.1/8.35 BE 674.35',
          'SPY260320P00666000 6.35/6.55 BE 659.45',
          'SPY260320C00667000 7.55/7.75 BE 674.75',
          'SPY260320P00667000 6.75/6.95 BE 660.05',
          'SPY260320C00668000 7/7.2 BE 675.2',
          'SPY260320P00668000 7.2/7.4 BE 660.6',
        ],
      ],
    ]);
    expect(await fail('options.chain', { underlying: 'SPY', expiry: '2026-03-21' })).toEqual({
      code: 'NOT_FOUND',
      path: 'params.expiry',
      message: 'no SPY expiration on 2026-03-21 (the next is 2026-03-23)',
    });
    expect(await fail('options.chain', { underlying: 'SPY', expiry: '2026-03-09' })).toMatchObject({ code: 'NOT_FOUND', path: 'params.expiry', message: 'SPY 2026-03-09 has expired (at 16:00 New York that day)' });
  });

  it('options.contract: one contract in full; a bad, expired or unlisted one refused naming the symbol and its part', async () => {
    const c = await call<Result<'options.contract'>>('options.contract', { symbol: 'spy260320c00665000' });
    expect([c.symbol, c.underlying, c.strike, c.expiry, c.expiresAt, c.multiplier, c.status, c.bid, c.ask, c.breakEven, c.rate, c.dividendYield]).toEqual([
      'SPY260320C00665000',
      'SPY',
      665,
      '2026-03-20',
      Date.UTC(2026, 2, 20, 20, 0, 0),
      100,
      'live',
      8.7,
      8.95,
      673.95,
      0.05,
      0.013,
    ]);
    expect(c.rhoPerPoint).toBeGreaterThan(0);
    expect(await fail('options.contract', { symbol: 'SPY260230C00665000' })).toMatchObject({ code: 'BAD_REQUEST', path: 'params.symbol', message: 'params.symbol: expiry: "260230" is not a real calendar date (YYMMDD)' });
    expect(await fail('options.contract', { symbol: 'SPY260309C00665000' })).toEqual({ code: 'NOT_FOUND', path: 'params.symbol', message: 'expiry: SPY260309C00665000 expired on 2026-03-09 at 16:00 New York' });
    expect(await fail('options.contract', { symbol: 'SPY260320C00665500' })).toEqual({ code: 'NOT_FOUND', path: 'params.symbol', message: 'strike: no 665.5 strike listed for SPY 2026-03-20' });
  });

  it('options.pick: the 30-delta call at least 30 days out, and ATM − 2 puts', async () => {
    const call30 = await call<Result<'options.pick'>>('options.pick', { underlying: 'SPY', side: 'calls', minDays: 30, strike: { kind: 'delta', target: 0.3 } });
    expect([call30.expiry, call30.type]).toEqual(['2026-04-09', 'call']);
    expect(Math.abs((call30.delta ?? 0) - 0.3)).toBeLessThan(0.02);
    const put = await call<Result<'options.pick'>>('options.pick', { underlying: 'SPY', side: 'puts', minDays: 0, strike: { kind: 'atm-offset', steps: 2 } });
    expect([put.symbol, put.expiry]).toEqual(['SPY260310P00665000', '2026-03-10']);
  });

  it('options.chainUpdates: the snapshot first, again when the underlying moves (at most 4 a second) and every second', async () => {
    const got: EventPayload<'options.chainUpdates'>[] = [];
    const sub = fx.core.dispatcher.subscribe('options.chainUpdates', { underlying: 'SPY', expiry: '2026-03-20', strikesAround: 2 }, (p) => got.push(p as EventPayload<'options.chainUpdates'>));
    if (!sub.ok) throw new Error(sub.error.message);
    await fx.settle();
    expect(got.map((s) => [s.time, s.expirations[0]?.rows.length])).toEqual([[OPTIONS_T0, 10]]);
    fx.tick(); // nothing moved, under a second
    await fx.settle();
    expect(got).toHaveLength(1);
    fx.advance(1_000); // a second: the heartbeat (and the price moved)
    await fx.settle();
    expect(got.map((s) => s.time)).toEqual([OPTIONS_T0, OPTIONS_T0 + 1_000]);
    const second = fx.core.dispatcher.subscribe('options.chainUpdates', { underlying: 'SPY', expiry: '2026-03-20', strikesAround: 2 }, (p) => got.push(p as EventPayload<'options.chainUpdates'>));
    if (!second.ok) throw new Error(second.error.message);
    expect(got.map((s) => s.time)).toEqual([OPTIONS_T0, OPTIONS_T0 + 1_000, OPTIONS_T0 + 1_000]);
    sub.stop();
    second.stop();
    const refused = fx.core.dispatcher.subscribe('options.chainUpdates', { underlying: 'SPY', expiry: '2026-03-21' }, () => undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: 'params.expiry' } });
  });
});
