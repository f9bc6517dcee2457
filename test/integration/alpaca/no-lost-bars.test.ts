import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarStreamPayload, ServerFrame } from '../../../shared/contract';
import { barsFromColumns } from '../../../shared/domain/bar-columns';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { prng } from '../../helpers/prng';
import { asBar, fakeFeed, until } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';

/** Wednesday 2024-01-03, 09:30 New York: six hours of the regular session. */
const START = Date.UTC(2024, 0, 3, 14, 30);
const MINUTES = 360;
const SYMBOL = 'AAPL';

describe('Alpaca: six hours of a US session with 20 random disconnects loses no bar', () => {
  let now = START;
  let fake: FakeAlpaca;
  let fx: CoreFixture;
  const frames: ServerFrame[] = [];

  beforeAll(async () => {
    fake = await startFakeAlpaca({ now: () => now });
    fx = coreFixture({ clock: { now: () => now }, feeds: ({ clock, ticker }) => [fakeFeed(fake, { clock, ticker })] });
    await fx.core.market.connect();
    expect(fx.core.market.feeds.get('alpaca')?.health().status).toBe('LIVE');
  });

  afterAll(async () => {
    fx.dispose();
    await fake.close();
  });

  it('stores exactly the venue bars, and every subscriber sees a gap-free sequence', async () => {
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'alpaca', symbol: SYMBOL, interval: '1m' } });
    const streaming = (from = 0) => () =>
      fake.stream.history().slice(from).some((s) => s.open && s.subscriptions.trades.has(SYMBOL) && s.subscriptions.bars.has(SYMBOL) && s.subscriptions.updatedBars.has(SYMBOL));
    await until(() => streaming()() && frames.some((f) => f.t === 'event'), 'the live stream');

    const r = prng(2025);
    const drops = new Set<number>();
    while (drops.size < 20) {
      const m = 5 + Math.floor(r() * (MINUTES - 15));
      if ([...drops].every((d) => Math.abs(d - m) > 5)) drops.add(m);
    }
    let dropsDone = 0;
    let sentBars = 0;
    for (let m = 0; m < MINUTES; m++) {
      const open = START + m * 60_000;
      if (drops.has(m)) {
        const dropped = fake.stream.history().length;
        fake.stream.faults.dropAll();
        dropsDone++;
        // The market goes on for 1-4 minutes while we are blind.
        const blind = 1 + Math.floor(r() * 4);
        now = open + blind * 60_000 + 1;
        m += blind - 1;
        await until(streaming(dropped), 'the reconnect and re-subscription');
        continue;
      }
      for (const t of fake.market.trades(SYMBOL, open)) {
        now = t.time;
        fake.stream.trades(SYMBOL, [t]);
      }
      now = open + 60_000;
      const b = fake.market.bar(SYMBOL, open);
      if (b !== undefined) {
        fake.stream.bar(SYMBOL, b);
        sentBars++;
      }
      fx.ticks.tick();
      if (m % 10 === 0) await new Promise((res) => setTimeout(res, 1));
    }
    now = START + MINUTES * 60_000 + 5_000;
    fx.ticks.tick();
    const key = { source: 'alpaca', symbol: SYMBOL, interval: '1m' } as const;
    const ticking = (done: () => boolean) => () => {
      fx.ticks.tick();
      return done();
    };
    const end = START + MINUTES * 60_000;
    await until(ticking(() => fx.core.bars.range(key, START, end).length === MINUTES), 'every minute stored', 20_000).catch((e: unknown) => {
      const have = new Set(barsFromColumns(fx.core.bars.range(key, START, end)).map((b) => (b.time - START) / 60_000));
      const missing = Array.from({ length: MINUTES }, (_, i) => i).filter((i) => !have.has(i));
      throw new Error(`${e instanceof Error ? e.message : String(e)}: minutes missing ${missing.join(',')}; drops at ${[...drops].sort((a, b) => a - b).join(',')}`);
    });

    const truth = fake.market.bars(SYMBOL, START, end).map((b) => asBar(b));
    expect(truth).toHaveLength(MINUTES);
    await until(ticking(() => JSON.stringify(barsFromColumns(fx.core.bars.range(key, START, end))) === JSON.stringify(truth)), 'the store to equal the venue', 20_000).catch(() => undefined);
    expect(barsFromColumns(fx.core.bars.range(key, START, end))).toEqual(truth);
    expect(sentBars).toBeGreaterThan(250);
    expect(dropsDone).toBe(20);
    expect(fx.core.market.feeds.get('alpaca')?.health().gapsDetected).toBe(20);
    // One connection at a time: every socket but the last was dropped before the next one opened.
    expect(fake.stream.history().filter((s) => s.open)).toHaveLength(1);
    // Each blind window was backfilled from REST; live trades drove the forming bars in between.
    const backfills = fake.http.requests.filter((q) => q.path === `/v2/stocks/${SYMBOL}/bars` && Date.parse(q.query['start'] ?? '') >= START);
    expect(backfills.length).toBeGreaterThanOrEqual(20);
    expect(frames.filter((f) => f.t === 'event').length).toBeGreaterThan(MINUTES);

    const seqs = frames.flatMap((f) => (f.t === 'event' ? [f.seq] : []));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((frames.find((f) => f.t === 'event') as { payload: BarStreamPayload }).payload.kind).toBe('snapshot');
    conn.close();
  }, 120_000);
});
