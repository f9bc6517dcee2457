import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BarsResult } from '../../../shared/contract';
import { MINUTE_MS } from '../../../shared/domain/interval';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

/** A Wednesday, 11:07:30 New York: the sim's US session and its crypto both trade. */
const START = Date.UTC(2024, 2, 13, 15, 7, 30);

let fx: CoreFixture;
let now = START;

async function bars(params: object): Promise<BarsResult> {
  const r = await fx.core.dispatcher.call('bars.get', params);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as BarsResult;
}

beforeEach(() => {
  now = START;
  fx = coreFixture({ clock: { now: () => now } });
});
afterEach(() => fx.dispose());

describe('the newest bars of a US equity at every interval', () => {
  it.each(['1h', '4h', '1d', '1w'] as const)('SPY %s answers with whole-millisecond coverage bounds (the equity slot density is fractional)', async (interval) => {
    const r = await bars({ source: 'sim', symbol: 'SPY', interval, limit: 300 });
    expect(r.bars.length).toBeGreaterThan(50);
    expect(Number.isInteger(r.coverage.from) && Number.isInteger(r.coverage.to)).toBe(true);
  });
});

describe('paging back from a reply that live bars trimmed', () => {
  it('`older` is the first bar kept, so the page before it ends exactly one bar earlier', async () => {
    // A live series with minutes past the read's cut: subscribe and let the sim run a few minutes.
    const conn = fx.core.connect(() => undefined);
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'sim', symbol: 'BTCUSDT', interval: '1m' } });
    for (let t = 0; t < 4 * MINUTE_MS; t += 250) {
      now += 250;
      fx.ticks.tick();
      await new Promise((r) => setImmediate(r));
    }
    const page = await bars({ source: 'sim', symbol: 'BTCUSDT', interval: '1m', limit: 20 });
    expect(page.bars).toHaveLength(20);
    const first = page.bars[0]?.time ?? 0;
    expect(page.older).toBe(first);
    const before = await bars({ source: 'sim', symbol: 'BTCUSDT', interval: '1m', to: page.older, limit: 20 });
    expect(before.bars.at(-1)?.time).toBe(first - MINUTE_MS);
    conn.close();
  });
});
