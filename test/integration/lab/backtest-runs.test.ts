import { afterEach, describe, expect, it } from 'vitest';
import { backtestRunSchema, strategyOverlaySchema, type BacktestProgress } from '../../../shared/contract';
import { BacktestRunRepository } from '../../../src-main/platform/store';
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
    // The run records how complete its bars were: every hour of October.
    expect(run.coverage).toMatchObject({ from: FROM, expected: 31 * 24, present: 31 * 24, missingBars: 0, missing: [] });
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

  it('ORB on the simulated SPY trades both ways unless told otherwise, records that, and groups its trades by setup', async () => {
    const f = coreFixture();
    fx = f;
    const { progress, stop } = followProgress(f);
    const base = { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2023, 9, 2), to: Date.UTC(2023, 9, 14), strategy: 'orb' };
    const both = (await f.core.dispatcher.call('backtest.run', base)) as { ok: true; result: { id: string } };
    const longOnly = (await f.core.dispatcher.call('backtest.run', { ...base, costs: { allowShort: false } })) as { ok: true; result: { id: string } };
    await until(() => [both, longOnly].every((r) => progress.some((p) => p.id === r.result.id && p.status === 'done')), 'the runs');
    const get = async (id: string) => backtestRunSchema.parse(((await f.core.dispatcher.call('backtest.get', { id })) as { ok: true; result: unknown }).result);
    const a = await get(both.result.id);
    expect(a.request.costs.allowShort).toBe(true);
    expect(a.stats.bars).toBe(10 * 78);
    const days = a.result.trades.map((t) => new Date(t.entryTime).toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(days.length).toBeGreaterThan(5);
    expect(a.result.setups.reduce((n, s) => n + s.trades, 0)).toBe(a.stats.trades);
    expect(a.result.unfilledSignals).toEqual([]);
    expect(a.stats.longestLosingStreak).not.toBeNull();
    const b = await get(longOnly.result.id);
    expect(b.request.costs.allowShort).toBe(false);
    const downDays = a.result.trades.filter((t) => t.setup === 'orb-down').length;
    expect(b.result.trades.every((t) => t.setup === 'orb-up')).toBe(true);
    expect(b.result.unfilledSignals.map((u) => [u.setup, u.side, u.count])).toEqual(downDays === 0 ? [] : [['orb-down', 'short', downDays]]);
    stop();
  });

  it('time-window on a marker schedule from the settings; an unknown one fails naming the strategy', async () => {
    const f = coreFixture();
    fx = f;
    const { progress, stop } = followProgress(f);
    const set = await f.core.dispatcher.call('settings.set', { markerSchedules: [{ name: 'half hours', kind: 'times', times: ['09:30', '10:00', '10:30', '11:00'] }] });
    expect(set.ok).toBe(true);
    const base = { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2023, 9, 2), to: Date.UTC(2023, 9, 7), strategy: 'time-window' };
    const good = (await f.core.dispatcher.call('backtest.run', { ...base, params: { schedule: 'half hours' } })) as { ok: true; result: { id: string } };
    const bad = (await f.core.dispatcher.call('backtest.run', { ...base, params: { schedule: 'quarter hours' } })) as { ok: true; result: { id: string } };
    await until(() => [good, bad].every((r) => progress.some((p) => p.id === r.result.id && p.status !== 'running')), 'the runs');
    expect(progress.filter((p) => p.id === good.result.id).at(-1)?.status).toBe('done');
    expect(progress.filter((p) => p.id === bad.result.id).at(-1)).toMatchObject({ status: 'failed', error: { field: 'strategy', message: expect.stringContaining('unknown marker schedule "quarter hours"') as string } });
    stop();
  });

  it('strategies.overlay: levels, markers and signals of a strategy over a stored series', async () => {
    const f = coreFixture();
    fx = f;
    const base = { source: 'sim', symbol: 'SPY', interval: '5m', from: Date.UTC(2023, 9, 2), to: Date.UTC(2023, 9, 4) };
    const orb = await f.core.dispatcher.call('strategies.overlay', { ...base, strategy: 'orb', params: { stop: 'opposite' } });
    expect(orb.ok).toBe(true);
    const overlay = strategyOverlaySchema.parse((orb as { ok: true; result: unknown }).result);
    expect(overlay.levels.filter((l) => l.kind === 'range-high')).toHaveLength(2);
    expect(overlay.signals.length).toBeLessThanOrEqual(2);
    for (const s of overlay.signals) expect(['orb-up', 'orb-down']).toContain(s.setup);
    const tw = (await f.core.dispatcher.call('strategies.overlay', { ...base, strategy: 'time-window' })) as { ok: true; result: { markers: { past: number[]; next: number[] } } };
    expect(tw.result.markers.past).toHaveLength(2 * 39);
    expect(tw.result.markers.next).toHaveLength(5);
    expect(await f.core.dispatcher.call('strategies.overlay', { ...base, strategy: 'orb', params: { stop: 'far' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.params.stop' } });
    expect(await f.core.dispatcher.call('strategies.overlay', { ...base, strategy: 'orb', interval: '1h' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.strategy' } });
  });

  it('a run saved before setups and the new statistics existed still opens, with empty setups and null figures', async () => {
    const f = coreFixture();
    fx = f;
    const got = await f.core.dispatcher.call('backtest.list', {});
    expect(got.ok).toBe(true);
    const request = { source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO, strategy: 'sma-cross', params: { fast: 5, slow: 20 }, costs: { cash: 10_000, commissionRate: 0, commissionFixed: 0, slippageBps: 0, spread: 0, allowShort: false, fractional: true } };
    const stats = {
      start: FROM, end: FROM, bars: 1, exposurePct: 0, equityFinal: 10_000, equityPeak: 10_000, returnPct: 0, buyHoldReturnPct: 0, returnAnnPct: null, volatilityAnnPct: null,
      cagrPct: 0, sharpe: null, sortino: null, calmar: null, maxDrawdownPct: 0, avgDrawdownPct: 0, maxDrawdownDurationBars: 0, trades: 1, winRatePct: 100,
      bestTradePct: 1, worstTradePct: 1, avgTradePct: 1, profitFactor: null, expectancyPct: 1, sqn: null, commissionsPaid: 0,
    };
    const trade = { side: 'long', size: 1, entryTime: FROM, entryPrice: 100, exitTime: FROM, exitPrice: 101, pnl: 1, returnPct: 1, barsHeld: 0, commission: 0, entryReason: 'in', exitReason: 'out' };
    new BacktestRunRepository(f.core.db).save({
      id: 'old-run',
      createdAt: FROM,
      label: 'old',
      strategy: 'sma-cross',
      config: JSON.stringify({ request, market: 'crypto' }),
      stats: JSON.stringify(stats),
      result: JSON.stringify({ stats, trades: [trade], equity: { time: [FROM], equity: [10_000], drawdownPct: [0] } }),
    });
    const old = (await f.core.dispatcher.call('backtest.get', { id: 'old-run' })) as { ok: true; result: { stats: Record<string, unknown>; result: { setups: unknown[]; unfilledSignals: unknown[]; trades: { setup: string }[] } } };
    expect(old.ok).toBe(true);
    expect(old.result.stats['longestLosingStreak']).toBeNull();
    expect(old.result.stats['riskOfRuinPct']).toBeNull();
    expect(old.result.result.setups).toEqual([]);
    expect(old.result.result.unfilledSignals).toEqual([]);
    expect(old.result.result.trades[0]?.setup).toBe('');
  });
});
