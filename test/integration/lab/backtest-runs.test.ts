import { afterEach, describe, expect, it } from 'vitest';
import { backtestRunSchema, type BacktestProgress } from '../../../shared/contract';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

// The fixture's clock stands at 2023-11-14; the simulated market has every past range.
const FROM = Date.UTC(2023, 9, 1);
const TO = Date.UTC(2023, 10, 1);

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

/** Every backtest.progress event from now on (first the recent runs' latest), and how to stop following. */
function followProgress(f: CoreFixture): { progress: BacktestProgress[]; stop: () => void } {
  const progress: BacktestProgress[] = [];
  const sub = f.core.dispatcher.subscribe('backtest.progress', undefined, (p) => progress.push(p as BacktestProgress));
  if (!sub.ok) throw new Error(sub.error.message);
  return { progress, stop: () => sub.stop() };
}

describe('backtests over the contract', () => {
  let fx: CoreFixture | undefined;
  afterEach(() => fx?.dispose());

  it('runs in the main process with progress, saves the run, lists, gets and deletes it', async () => {
    const f = coreFixture();
    fx = f;
    const { progress, stop } = followProgress(f);
    const request = { source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO, strategy: 'sma-cross', params: { fast: 5, slow: 20 }, costs: { commissionRate: 0.001, fractional: true } };
    const started = await f.core.dispatcher.call('backtest.run', request);
    expect(started.ok).toBe(true);
    const { id } = (started as { ok: true; result: { id: string } }).result;
    await until(() => progress.some((p) => p.id === id && p.status !== 'running'), 'the run to end');

    const mine = progress.filter((p) => p.id === id);
    expect(mine.at(-1)).toEqual({ id, status: 'done', fraction: 1, error: null });
    expect(mine[0]).toEqual({ id, status: 'running', fraction: 0, error: null });
    const fractions = mine.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    const got = await f.core.dispatcher.call('backtest.get', { id });
    expect(got.ok).toBe(true);
    const run = backtestRunSchema.parse((got as { ok: true; result: unknown }).result);
    // October 2023: 31 days of hourly bars of a 24/7 market.
    expect(run.stats.bars).toBe(31 * 24);
    expect(run.market).toBe('crypto');
    expect(run.notes).toEqual([]);
    expect(run.request.params).toEqual({ fast: 5, slow: 20 });
    expect(run.result.trades.length).toBe(run.stats.trades);
    expect(run.stats.commissionsPaid).toBeGreaterThan(0);

    // The same request again gives the same numbers (a new run, identical statistics).
    const again = (await f.core.dispatcher.call('backtest.run', request)) as { ok: true; result: { id: string } };
    await until(() => progress.some((p) => p.id === again.result.id && p.status === 'done'), 'the second run');
    const list = (await f.core.dispatcher.call('backtest.list', {})) as { ok: true; result: { id: string; stats: unknown }[] };
    expect(list.result.map((r) => r.id).sort()).toEqual([id, again.result.id].sort());
    expect(list.result[0]?.stats).toEqual(list.result[1]?.stats);

    // A client that (re)subscribes afterwards learns how the recent runs ended.
    const { progress: late, stop: stopLate } = followProgress(f);
    expect(late.map((p) => [p.id, p.status])).toEqual([
      [id, 'done'],
      [again.result.id, 'done'],
    ]);
    stopLate();

    expect(await f.core.dispatcher.call('backtest.delete', { id })).toEqual({ ok: true, result: { deleted: true } });
    const gone = await f.core.dispatcher.call('backtest.get', { id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: 'params.id' } });
    stop();
  });

  it('refuses an unknown strategy or bad parameters before anything runs, naming the field', async () => {
    const f = coreFixture();
    fx = f;
    const base = { source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO };
    expect(await f.core.dispatcher.call('backtest.run', { ...base, strategy: 'magic' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.strategy' } });
    expect(await f.core.dispatcher.call('backtest.run', { ...base, strategy: 'sma-cross', params: { fast: 30, slow: 20 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', path: 'params.params.slow' },
    });
    expect((await f.core.dispatcher.call('backtest.list', {})) as unknown).toEqual({ ok: true, result: [] });
  });

  it('says why a run in whole units made no trades: the price is above the cash', async () => {
    const f = coreFixture();
    fx = f;
    const { progress, stop } = followProgress(f);
    // Simulated BTCUSDT trades far above 1,000: no entry can buy one whole coin.
    const request = { source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO, strategy: 'sma-cross', params: { fast: 5, slow: 20 }, costs: { cash: 1000 } };
    const r = (await f.core.dispatcher.call('backtest.run', request)) as { ok: true; result: { id: string } };
    await until(() => progress.some((p) => p.id === r.result.id && p.status === 'done'), 'the run');
    const run = backtestRunSchema.parse(((await f.core.dispatcher.call('backtest.get', { id: r.result.id })) as { ok: true; result: unknown }).result);
    expect(run.stats.trades).toBe(0);
    expect(run.notes).toHaveLength(1);
    expect(run.notes[0]).toMatch(/^\d+ entry signals? could not buy one whole unit with the cash available/);
    stop();
  });

  it('reports a run whose data or setup fails as failed, with the field', async () => {
    const f = coreFixture();
    fx = f;
    const { progress, stop } = followProgress(f);
    // ORB needs 5m bars of a US equity.
    const r = (await f.core.dispatcher.call('backtest.run', { source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO, strategy: 'orb' })) as { ok: true; result: { id: string } };
    await until(() => progress.some((p) => p.id === r.result.id && p.status === 'failed'), 'the failure');
    expect(progress.at(-1)).toMatchObject({ status: 'failed', error: { field: 'strategy' } });
    stop();
  });
});
