import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';

let dir: ReturnType<typeof tempDir> | null = null;
let fx: TradingFixture | null = null;

afterEach(() => {
  fx?.close();
  dir?.remove();
  fx = null;
  dir = null;
});

async function call<T>(f: TradingFixture, method: string, params: unknown): Promise<T> {
  const r = await f.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

/** A resting buy limit at 100.00, then the ask comes down to exactly 100.00 (a touch, not a trade through). */
async function touchOnce(f: TradingFixture): Promise<string> {
  const accountId = (await call<Result<'accounts.list'>>(f, 'accounts.list', {}))[0]?.id ?? '';
  f.core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol: 'S01USD' }, () => undefined);
  await f.settle();
  f.feed.quote('S01USD', 100.1, 100.12);
  const order = await call<Result<'orders.place'>>(f, 'orders.place', { accountId, source: 'binance', symbol: 'S01USD', side: 'buy', qty: 1, type: 'limit', limitPrice: 100, tif: 'gtc' });
  f.advance(150);
  f.feed.quote('S01USD', 99.98, 100);
  f.advance(10);
  const all = await call<Result<'orders.list'>>(f, 'orders.list', { accountId, status: 'all' });
  return all.find((o) => o.id === order.id)?.status ?? 'missing';
}

describe('settings.paper (read when the core starts)', () => {
  it('limits fill through by default: a touch of the ask leaves a buy limit working', async () => {
    dir = tempDir();
    fx = tradingFixture(dir.path);
    expect(await touchOnce(fx)).toBe('accepted');
  });

  it('limitFill "touch" set and the core restarted: the same touch fills it', async () => {
    dir = tempDir();
    fx = tradingFixture(dir.path);
    const saved = await call<Result<'settings.set'>>(fx, 'settings.set', { paper: { fill: { limitFill: 'touch' } } });
    expect(saved.paper.fill).toEqual({ limitFill: 'touch', slippage: { unit: 'ticks', amount: 1 }, latencyMs: 100, participation: 0.1, sameBarExits: 'stop_first' });
    fx.close();
    fx = tradingFixture(dir.path, fx.now());
    expect(await touchOnce(fx)).toBe('filled');
  });

  it('a bad paper setting is refused naming its field, nothing saved', async () => {
    dir = tempDir();
    fx = tradingFixture(dir.path);
    const r = await fx.core.dispatcher.call('settings.set', { paper: { fill: { limitFill: 'sometimes' } } });
    expect(r.ok ? '' : `${r.error.code} ${r.error.path}`).toBe('BAD_REQUEST params.paper.fill.limitFill');
    expect((await call<Result<'settings.get'>>(fx, 'settings.get', {})).paper.fill.limitFill).toBe('through');
  });
});
