import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarStreamPayload, ServerFrame } from '../../../shared/contract';
import { barsFromColumns } from '../../../shared/domain/bar-columns';
import { bar } from '../../../shared/domain/bar';
import { BinanceFeed } from '../../../src-main/market-data/feeds/binance/binance-feed';
import { BinanceStreamClient } from '../../../src-main/market-data/feeds/binance/stream-client';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { prng } from '../../helpers/prng';
import { startFakeBinanceRest, type FakeBinanceRest } from './fake/fake-rest';
import { startFakeBinanceWs, type FakeBinanceWs } from './fake/fake-ws';
import { scriptTape } from './market-tape';

const START = Date.UTC(2024, 0, 2);
const MINUTES = 360;
const tape = scriptTape(START, MINUTES, 7);
const quiet = { error: () => undefined, warn: () => undefined };

/** Polls (real time, on loopback sockets) until `done` holds. */
async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('Binance: six hours of market with 20 random disconnects loses no bar', () => {
  let now = START;
  let rest: FakeBinanceRest;
  let ws: FakeBinanceWs;
  let fx: CoreFixture;
  const frames: ServerFrame[] = [];

  beforeAll(async () => {
    rest = await startFakeBinanceRest({ now: () => now, script: (symbol, openTime) => (symbol === 'BTCUSDT' ? tape.kline(openTime, now) : undefined) });
    ws = await startFakeBinanceWs({ pingIntervalMs: 60_000 });
    fx = coreFixture({
      clock: { now: () => now },
      feeds: ({ clock, ticker }) => [
        new BinanceFeed({
          config: { restBaseUrl: rest.url, wsBaseUrl: ws.url, visionBaseUrl: rest.url },
          clock,
          ticker,
          log: quiet,
          stream: new BinanceStreamClient({ baseUrl: ws.url, now: () => now, log: quiet, backoff: { baseMs: 5, capMs: 40 }, silentSocketMs: 600_000 }),
        }),
      ],
    });
    await until(() => fx.core.market.feeds.get('binance')?.health().status === 'LIVE', 'exchangeInfo');
  });

  afterAll(async () => {
    fx.dispose();
    await ws.close();
    await rest.close();
  });

  it('stores exactly the venue bars, and every subscriber sees a gap-free sequence', async () => {
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } });
    await until(() => ws.connections().length > 0 && frames.some((f) => f.t === 'event'), 'the live stream');

    const r = prng(2024);
    const drops = new Set<number>();
    // 20 disconnects, none inside another's blind window (at most 4 minutes), so each one really happens.
    while (drops.size < 20) {
      const m = 5 + Math.floor(r() * (MINUTES - 15));
      if ([...drops].every((d) => Math.abs(d - m) > 5)) drops.add(m);
    }
    let dropsDone = 0;
    let t = 0;
    let sentKlines = 0;
    for (let m = 0; m < MINUTES; m++) {
      const open = START + m * 60_000;
      if (drops.has(m)) {
        // dropAll() terminates the sockets at once, but a fake session stays `open` until its close event:
        // remember which sessions were dropped and wait for a new one carrying both streams again.
        const dropped = ws.history().length;
        ws.faults.dropAll();
        dropsDone++;
        // The market goes on for 1-4 minutes while we are blind.
        const blind = 1 + Math.floor(r() * 4);
        const until_ = open + blind * 60_000;
        while (t < tape.trades.length && (tape.trades[t]?.time ?? 0) < until_) t++;
        now = until_ + 1;
        m += blind - 1;
        await until(
          () => ws.history().slice(dropped).some((c) => c.open && c.subscriptions.has('btcusdt@trade') && c.subscriptions.has('btcusdt@kline_1m')),
          'the reconnect and re-subscription',
        );
        continue;
      }
      for (; t < tape.trades.length && (tape.trades[t]?.time ?? 0) < open + 60_000; t++) {
        const tr = tape.trades[t]!;
        now = tr.time;
        ws.send('btcusdt@trade', { e: 'trade', E: tr.time + 3, s: 'BTCUSDT', t: tr.id, p: tr.price, q: tr.qty, T: tr.time, m: false, M: true });
      }
      now = open + 60_000;
      const k = tape.kline(open, now);
      if (k !== undefined) {
        ws.send('btcusdt@kline_1m', {
          e: 'kline', E: now + 5, s: 'BTCUSDT',
          k: { t: open, T: open + 59_999, s: 'BTCUSDT', i: '1m', f: 0, L: 0, o: k.open, c: k.close, h: k.high, l: k.low, v: k.volume, n: k.trades, x: true, q: '0', V: '0', Q: '0', B: '0' },
        });
        sentKlines++;
      }
      fx.ticks.tick();
      if (m % 10 === 0) await new Promise((res) => setTimeout(res, 1));
    }
    now = START + MINUTES * 60_000 + 5_000;
    fx.ticks.tick();
    const key = { source: 'binance', symbol: 'BTCUSDT', interval: '1m' } as const;
    // The app's ticker keeps ticking after the market goes quiet (a tail still forming is fetched again on it); so does this one.
    const ticking = (done: () => boolean) => () => {
      fx.ticks.tick();
      return done();
    };
    await until(ticking(() => fx.core.bars.range(key, START, START + MINUTES * 60_000).length === MINUTES), 'every minute stored', 20_000).catch((e: unknown) => {
      const have = new Set(barsFromColumns(fx.core.bars.range(key, START, START + MINUTES * 60_000)).map((b) => (b.time - START) / 60_000));
      const missing = Array.from({ length: MINUTES }, (_, i) => i).filter((i) => !have.has(i));
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`${why}: minutes missing ${missing.join(',')}; drops at ${[...drops].sort((a, b) => a - b).join(',')}`);
    });

    const truth = Array.from({ length: MINUTES }, (_, m) => {
      const k = tape.kline(START + m * 60_000, now)!;
      return bar(START + m * 60_000, Number(k.open), Number(k.high), Number(k.low), Number(k.close), Number(k.volume), k.trades, true);
    });
    await until(ticking(() => JSON.stringify(barsFromColumns(fx.core.bars.range(key, START, now))) === JSON.stringify(truth)), 'the store to equal the venue', 20_000).catch(() => undefined);
    expect(barsFromColumns(fx.core.bars.range(key, START, now))).toEqual(truth);
    expect(sentKlines).toBeGreaterThan(250);
    expect(dropsDone).toBe(20);
    expect(fx.core.market.feeds.get('binance')?.health().gapsDetected).toBe(20);

    // The subscriber's frames: one reply, then events numbered 1, 2, 3, ... with no gap.
    const seqs = frames.flatMap((f) => (f.t === 'event' ? [f.seq] : []));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((frames.find((f) => f.t === 'event') as { payload: BarStreamPayload }).payload.kind).toBe('snapshot');
    conn.close();
  }, 120_000);
});
