import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { SimMarket } from '../../../src-main/market-data/feeds/sim/sim-market';
import { tempDir } from '../../helpers/temp-dir';
import { optionsFixture, OPTIONS_T0, type OptionsFixture } from '../../helpers/options-fixture';

const SEED = 20_240_101;
/** SPY's 667 strikes expiring today (Tuesday 2026-03-10): 0DTE, 1.06/1.11 the call and 0.97/1.01 the put at 11:00. */
const CALL = 'SPY260310C00667000';
const PUT = 'SPY260310P00667000';
/** 16:00 New York on 2026-03-10. */
const EXPIRY = Date.UTC(2026, 2, 10, 20, 0, 0);

let dir: ReturnType<typeof tempDir>;
let fx: OptionsFixture;
let accountId: string;

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

const order = (over: Record<string, unknown>): Record<string, unknown> => ({ accountId, source: 'sim', symbol: CALL, side: 'buy', qty: 2, type: 'limit', limitPrice: 1.11, ...over });

/** Places an order and lets its first quote (from the chain) arrive. */
async function place(params: Record<string, unknown>): Promise<Result<'orders.place'>> {
  const placing = call<Result<'orders.place'>>('orders.place', params);
  await fx.settle();
  return placing;
}

beforeEach(async () => {
  dir = tempDir();
  fx = optionsFixture(dir.path);
  await fx.core.market.connect();
  accountId = (await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.id ?? '';
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('options on paper', () => {
  it('a limit buy at the ask fills against the chain’s quote after the latency: $0.65 a contract, ×100, the underlying on the fill and the position', async () => {
    const entry = await place(order({}));
    expect([entry.status, entry.tif, entry.symbol]).toEqual(['accepted', 'day', CALL]);
    fx.advance(101);
    await fx.settle();
    const fills = await call<Result<'fills.list'>>('fills.list', { accountId });
    expect(fills.map((f) => [f.side, f.qty, f.price, f.fee, f.multiplier, f.underlying, f.underlyingPrice, f.time, f.origin])).toEqual([
      ['buy', 2, 1.11, 1.3, 100, 'SPY', 667.085, OPTIONS_T0 + 100, 'paper'],
    ]);
    const [position] = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(position).toMatchObject({ symbol: CALL, qty: 2, avgPrice: 1.11, multiplier: 100, fees: 1.3, underlying: 'SPY' });
  });

  it('P&L with the ×100 multiplier: bought 2 at 1.11, sold 2 at 1.25 = +$28 less $2.60 of fees', async () => {
    await place(order({}));
    fx.advance(101);
    await fx.settle();
    await place(order({ side: 'sell', limitPrice: 1.25 }));
    fx.advance(101);
    await fx.settle();
    // The resting sell fills when the bid trades through 1.25: the chain is requoted as SPY rises.
    let minutes = 0;
    while ((await call<Result<'orders.list'>>('orders.list', { accountId })).length > 0 && minutes < 240) {
      fx.advance(60_000);
      await fx.settle();
      minutes++;
    }
    const [position] = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(position).toMatchObject({ qty: 0, realizedPnl: 28, fees: 2.6 });
    expect((await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.cash).toBe(1025.4);
  });

  it('refuses what an option order cannot be: off the $0.05 tick above $3, part of a contract, good till canceled, an expired or unlisted contract, outside the session', async () => {
    const atm = 'SPY260320C00665000'; // 8.70 / 8.95: the $0.05 grid
    expect(await fail('orders.place', order({ symbol: atm, qty: 1, limitPrice: 8.93 }))).toMatchObject({ code: 'BAD_REQUEST', path: 'params.limitPrice', message: 'limitPrice 8.93 is off the tick 0.05' });
    expect(await fail('orders.place', order({ qty: 1.5 }))).toMatchObject({ code: 'BAD_REQUEST', path: 'params.qty', message: 'an option order is for whole contracts (got 1.5)' });
    expect(await fail('orders.place', order({ tif: 'gtc' }))).toMatchObject({ code: 'BAD_REQUEST', path: 'params.tif', message: 'an option order is a day order (tif day), not gtc' });
    expect(await fail('orders.place', order({ symbol: 'SPY260309C00667000' }))).toEqual({ code: 'NOT_FOUND', path: 'params.symbol', message: 'expiry: SPY260309C00667000 expired on 2026-03-09 at 16:00 New York' });
    expect(await fail('orders.place', order({ symbol: 'SPY260310C00667500' }))).toEqual({ code: 'NOT_FOUND', path: 'params.symbol', message: 'strike: no 667.5 strike listed for SPY 2026-03-10' });
    fx.advance(EXPIRY - 60_000 * 30 - OPTIONS_T0 + 60 * 60_000 * 2); // 17:30 New York
    await fx.settle();
    expect(await fail('orders.place', order({ symbol: 'SPY260320C00665000', limitPrice: 1 }))).toMatchObject({ code: 'REJECTED', message: expect.stringContaining('US options trade in the regular session only') as string });
  });

  it('expiry settles open positions at their intrinsic value at 16:00 New York: the put in the money, the call worthless; fills without an order, no fee, audited', async () => {
    await place(order({}));
    await place(order({ symbol: PUT, qty: 1, limitPrice: 1.01 }));
    fx.advance(101);
    await fx.settle();
    expect((await call<Result<'positions.list'>>('positions.list', { accountId })).map((p) => [p.symbol, p.qty])).toEqual([
      [CALL, 2],
      [PUT, 1],
    ]);
    const bars = new SimMarket(SEED).columns('SPY', EXPIRY - 6.5 * 3_600_000, EXPIRY);
    const close = bars.close[bars.length - 1] ?? 0;
    expect(close).toBe(659.45);
    fx.advance(EXPIRY - fx.now() + 1_000);
    await fx.settle();
    await fx.settle();
    const settled = (await call<Result<'fills.list'>>('fills.list', { accountId })).filter((f) => f.orderId === null);
    expect(settled.map((f) => [f.symbol, f.side, f.qty, f.price, f.fee, f.time, f.underlyingPrice, f.origin]).sort()).toEqual([
      [CALL, 'sell', 2, 0, 0, EXPIRY, 659.45, 'paper'],
      [PUT, 'sell', 1, 7.55, 0, EXPIRY, 659.45, 'paper'],
    ]);
    const positions = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(positions.map((p) => [p.symbol, p.qty, p.realizedPnl, p.fees])).toEqual([
      [CALL, 0, -222, 1.3],
      [PUT, 0, 654, 0.65],
    ]);
    const audit = (await call<Result<'audit.list'>>('audit.list', { accountId, kinds: ['fill'] })).map((e) => e.message);
    expect(audit).toEqual(
      expect.arrayContaining([
        'SPY260310C00667000 expired at 16:00 New York on 2026-03-10: worthless (settled at 0), SPY at 659.45',
        'SPY260310P00667000 expired at 16:00 New York on 2026-03-10: settled at its intrinsic value 7.55, SPY at 659.45',
        'sold 1 SPY260310P00667000 at 7.55 (fee 0.00)',
      ]),
    );
    // Settled once: the next sweep finds nothing held.
    fx.advance(1_000);
    await fx.settle();
    expect((await call<Result<'fills.list'>>('fills.list', { accountId })).filter((f) => f.orderId === null)).toHaveLength(2);
  });

  it('a position left open while Tapedeck was closed is settled at the expiry instant when it starts again', async () => {
    await place(order({ symbol: PUT, qty: 1, limitPrice: 1.01 }));
    fx.advance(101);
    await fx.settle();
    fx.close();
    fx = optionsFixture(dir.path, EXPIRY + 3 * 3_600_000);
    await fx.core.market.connect();
    await fx.settle();
    await fx.settle();
    const fills = await call<Result<'fills.list'>>('fills.list', { accountId });
    expect(fills.map((f) => [f.side, f.price, f.time])).toEqual([
      ['sell', 7.55, EXPIRY],
      ['buy', 1.01, OPTIONS_T0 + 100],
    ]);
  });
});
