import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestProgress } from '../../../shared/contract';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const WORKER = fileURLToPath(new URL('../../../out/main/core-worker.js', import.meta.url));
const NOW = Date.UTC(2025, 0, 6, 15);
/** Two years of 1m bars: a run that takes seconds in its worker. */
const BIG = { source: 'sim', symbol: 'BTCUSDT', interval: '1m', from: NOW - 2 * 365 * 86_400_000, to: NOW, strategy: 'sma-cross', costs: { fractional: true } };

describe.skipIf(!existsSync(WORKER) && process.env.CI !== 'true')('a backtest stops when asked or when its client goes away', () => {
  let fx: CoreFixture;
  const progress: BacktestProgress[] = [];
  beforeAll(() => {
    fx = coreFixture({ clock: { now: () => NOW }, workerPath: WORKER, workerThreads: 1 });
    fx.core.dispatcher.subscribe('backtest.progress', {}, (p) => progress.push(p as BacktestProgress));
  });
  afterAll(() => fx.dispose());

  const ended = async (id: string): Promise<BacktestProgress> => {
    for (let i = 0; i < 400; i++) {
      const last = progress.filter((p) => p.id === id).at(-1);
      if (last !== undefined && last.status !== 'running') return last;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`run ${id} did not end`);
  };

  it('backtest.cancel stops a run in its worker: canceled, nothing saved, and the pool serves the next run', async () => {
    const conn = fx.core.connect(() => undefined);
    const started = await fx.core.dispatcher.call('backtest.run', BIG);
    const { id } = (started as { ok: true; result: { id: string } }).result;
    await new Promise((r) => setTimeout(r, 300));
    expect(await fx.core.dispatcher.call('backtest.cancel', { id })).toEqual({ ok: true, result: { canceled: true } });
    expect(await ended(id)).toMatchObject({ status: 'canceled' });
    expect(await fx.core.dispatcher.call('backtest.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await fx.core.dispatcher.call('backtest.cancel', { id })).toEqual({ ok: true, result: { canceled: false } });
    const small = (await fx.core.dispatcher.call('backtest.run', { ...BIG, interval: '1h', from: NOW - 30 * 86_400_000 })) as { ok: true; result: { id: string } };
    expect(await ended(small.result.id)).toMatchObject({ status: 'done' });
    conn.close();
  });

  it('a run started by a client is canceled when that client disconnects', async () => {
    const conn = fx.core.connect(() => undefined);
    await conn.session.handle({ t: 'call', id: 1, method: 'backtest.run', params: BIG });
    await new Promise((r) => setTimeout(r, 100));
    const id = progress.at(-1)?.id ?? '';
    conn.close();
    expect(await ended(id)).toMatchObject({ status: 'canceled' });
    expect(fx.core.pool.pending).toBe(0);
  });
});
