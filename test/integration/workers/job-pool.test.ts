import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BarsResult } from '../../../shared/contract';
import { DEFAULT_SIM_SEED } from '../../../src-main/platform/app/core';
import { InlineJobPool, ThreadJobPool } from '../../../src-main/platform/workers/job-pool';
import { JobCancelled, type ReadJob } from '../../../src-main/platform/workers/jobs';
import { coreFixture } from '../../helpers/core-fixture';

const WORKER = fileURLToPath(new URL('../../../out/main/core-worker.js', import.meta.url));
const NOW = Date.UTC(2025, 0, 6, 15);

/** A year of BTCUSDT from the simulated market, at 1h: 527,040 base minutes generated and aggregated. */
const yearRead = (limit = 50_000): ReadJob => ({
  kind: 'read',
  truth: { kind: 'sim', seed: DEFAULT_SIM_SEED },
  window: {
    ref: { source: 'sim', symbol: 'BTCUSDT', base: '1m', market: 'crypto' },
    interval: '1h',
    from: Date.UTC(2024, 0, 1),
    to: Date.UTC(2025, 0, 1),
    limit,
    start: Date.UTC(2015, 0, 1),
    end: null,
    voids: [],
    failures: [],
    clock: NOW,
  },
});

// `npm test` builds first; the bundle is what `tapedeck serve` and Electron run.
describe.skipIf(!existsSync(WORKER) && process.env.CI !== 'true')('the core worker pool on real threads (out/main/core-worker.js)', () => {
  const pool = new ThreadJobPool(WORKER, 2);
  afterAll(() => pool.close());

  it('answers a large read exactly as this thread does', async () => {
    const [threaded, inline] = await Promise.all([pool.run(yearRead()), new InlineJobPool().run(yearRead())]);
    expect(threaded.bars.length).toBe(366 * 24);
    expect(Array.from(threaded.bars.close)).toEqual(Array.from(inline.bars.close));
    expect(threaded.coverage).toEqual(inline.coverage);
  });

  it('cancels a queued job and a running one, and goes on serving', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    // Two workers: the first two jobs run, the third waits in the queue.
    const busy = [pool.run(yearRead(), { signal: running.signal }), pool.run(yearRead()), pool.run(yearRead(), { signal: queued.signal })];
    queued.abort();
    running.abort();
    await expect(busy[0]).rejects.toBeInstanceOf(JobCancelled);
    await expect(busy[2]).rejects.toBeInstanceOf(JobCancelled);
    expect((await busy[1])?.bars.length).toBe(366 * 24);
    const after = await pool.run(yearRead(10));
    expect(after.bars.length).toBe(10);
    expect(pool.pending).toBe(0);
  });

  it('runs a core whose large reads go to the pool, with the same answer as a core without threads', async () => {
    const threaded = coreFixture({ clock: { now: () => NOW }, workerPath: WORKER });
    const inline = coreFixture({ clock: { now: () => NOW } });
    try {
      const q = { source: 'sim', symbol: 'SPY', interval: '1d', from: Date.UTC(2020, 0, 1), to: Date.UTC(2025, 0, 1), limit: 5000 };
      const a = await threaded.core.dispatcher.call('bars.get', q);
      const b = await inline.core.dispatcher.call('bars.get', q);
      expect(a.ok && (a.result as BarsResult).bars.length).toBe(1258);
      expect(a).toEqual(b);
      expect(threaded.core.pool.threads).toBeGreaterThan(0);
    } finally {
      threaded.dispose();
      inline.dispose();
    }
  });
});
