import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { optionsFixture, OPTIONS_T0, type OptionsFixture } from '../../helpers/options-fixture';

/** SPY's 667 call expiring on 2026-03-10: 1.06 / 1.11 at 11:00 New York (OPTIONS_T0). */
const CALL = 'SPY260310C00667000';

let dir: ReturnType<typeof tempDir>;
let fx: OptionsFixture;
let accountId: string;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await fx.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

async function start(at: number): Promise<void> {
  fx = optionsFixture(dir.path, at);
  await fx.core.market.connect();
  accountId = (await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.id ?? '';
}

beforeEach(async () => {
  dir = tempDir();
  await start(OPTIONS_T0);
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('the take-profit of an option entry (Tapedeck’s own order: brokers hold no brackets on options)', () => {
  it('is armed on the fill at the fill price + $0.10, survives a restart, and fills when the bid reaches it', async () => {
    const placing = call<Result<'orders.place'>>('orders.place', { accountId, source: 'sim', symbol: CALL, side: 'buy', qty: 1, type: 'limit', limitPrice: 1.11, takeProfit: { kind: 'amount', amount: 0.1 } });
    await fx.settle();
    const entry = await placing;
    // Held until the entry fills: no price yet.
    expect((await call<Result<'orders.list'>>('orders.list', { accountId })).map((o) => [o.role, o.status]).sort()).toEqual([
      ['entry', 'accepted'],
      ['take_profit', 'held'],
    ]);
    fx.advance(101);
    await fx.settle();
    const [fill] = await call<Result<'fills.list'>>('fills.list', { accountId });
    expect([fill?.orderId, fill?.price, fill?.qty]).toEqual([entry.id, 1.11, 1]);
    const armed = await call<Result<'orders.list'>>('orders.list', { accountId });
    expect(armed.map((o) => [o.role, o.side, o.qty, o.type, o.limitPrice, o.status, o.tif])).toEqual([['take_profit', 'sell', 1, 'limit', 1.21, 'accepted', 'day']]);

    // Tapedeck closes and starts again a minute later: the take-profit is still working.
    fx.close();
    await start(fx.now() + 60_000);
    expect((await call<Result<'orders.list'>>('orders.list', { accountId })).map((o) => [o.id, o.limitPrice, o.status])).toEqual([[armed[0]?.id, 1.21, 'accepted']]);

    // SPY moves through the session; the take-profit fills once the call's bid reaches 1.21.
    let minutes = 0;
    while ((await call<Result<'orders.list'>>('orders.list', { accountId })).length > 0 && minutes < 240) {
      fx.advance(60_000);
      await fx.settle();
      minutes++;
    }
    const fills = await call<Result<'fills.list'>>('fills.list', { accountId });
    expect(fills.map((f) => [f.side, f.qty, f.orderId === armed[0]?.id])).toEqual([
      ['sell', 1, true],
      ['buy', 1, false],
    ]);
    expect(fills[0]?.price).toBeGreaterThanOrEqual(1.21);
    const [position] = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(position?.qty).toBe(0);
    expect(position?.realizedPnl).toBe(Math.round(((fills[0]?.price ?? 0) - 1.11) * 100 * 100) / 100);
  });

  it('with a stop as well: both armed on the fill, the stop $0.20 under it', async () => {
    const placing = call<Result<'orders.place'>>('orders.place', { accountId, source: 'sim', symbol: CALL, side: 'buy', qty: 1, type: 'limit', limitPrice: 1.11, takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'amount', amount: 0.2 } });
    await fx.settle();
    await placing;
    fx.advance(101);
    await fx.settle();
    const armed = await call<Result<'orders.list'>>('orders.list', { accountId });
    expect(armed.map((o) => [o.role, o.side, o.qty, o.type, o.limitPrice ?? null, o.stopPrice ?? null, o.status]).sort()).toEqual([
      ['stop_loss', 'sell', 1, 'stop', null, 0.91, 'accepted'],
      ['take_profit', 'sell', 1, 'limit', 1.21, null, 'accepted'],
    ]);
  });
});
