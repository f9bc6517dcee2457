import { describe, expect, it } from 'vitest';
import { feedHealthSchema } from '../../../../../../shared/contract';
import { MINUTE_MS } from '../../../../../../shared/domain/interval';
import type { Trade } from '../../../../../../shared/domain/trade';
import { SimFeed } from '../../../../../../src-main/market-data/feeds/sim/sim-feed';
import { SimMarket } from '../../../../../../src-main/market-data/feeds/sim/sim-market';
import { SIM_INSTRUMENTS } from '../../../../../../src-main/market-data/feeds/sim/sim-symbols';
import { aggregateTrades, ManualTime } from './sim-test-kit';

const SEED = 1234;
const T0 = Date.UTC(2024, 8, 18, 14, 7);
const market = new SimMarket(SEED);

function setup(start: number): { time: ManualTime; feed: SimFeed } {
  const time = new ManualTime(start);
  return { time, feed: new SimFeed({ seed: SEED, clock: time.clock, schedule: time.schedule }) };
}

function byMinute(trades: readonly Trade[]): Map<number, Trade[]> {
  const out = new Map<number, Trade[]>();
  for (const t of trades) {
    const minute = t.time - (t.time % MINUTE_MS);
    out.set(minute, [...(out.get(minute) ?? []), t]);
  }
  return out;
}

describe('SimFeed live trades', () => {
  it('emits, minute by minute, exactly tradesForMinute, never ahead of the clock', async () => {
    const { time, feed } = setup(T0 + 20_000);
    await feed.connect();
    const got: Trade[] = [];
    feed.subscribeTrades('BTCUSDT', (t) => {
      expect(t.time).toBeLessThanOrEqual(time.nowMs);
      got.push(t);
    });
    time.advance(3 * MINUTE_MS + 10_000);
    const minutes = byMinute(got);
    for (const minute of [T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS]) expect(minutes.get(minute)).toEqual(market.tradesForMinute('BTCUSDT', minute));
    // The forming minute so far: its trades up to now, no more.
    const forming = market.tradesForMinute('BTCUSDT', T0 + 3 * MINUTE_MS).filter((t) => t.time <= time.nowMs);
    expect(minutes.get(T0 + 3 * MINUTE_MS) ?? []).toEqual(forming);
    expect(got.map((t) => t.id)).toEqual([...got.map((t) => t.id)].sort((a, b) => a - b));
  });

  it('builds the same bars from live trades as history() returns', async () => {
    const { time, feed } = setup(T0);
    await feed.connect();
    const got: Trade[] = [];
    feed.subscribeTrades('SPY', (t) => got.push(t));
    time.advance(5 * MINUTE_MS);
    const live = [...byMinute(got)].map(([minute, trades]) => aggregateTrades(minute, trades));
    expect(await feed.history('SPY', T0, T0 + 5 * MINUTE_MS)).toEqual(live);
    expect(live).toHaveLength(5);
  });

  it('catches up on missed minutes in one tick, and skips the hours a market is shut', async () => {
    // Friday 2024-09-20 15:58 New York (EDT) = 19:58 UTC; Monday's open is 13:30 UTC.
    const { time, feed } = setup(Date.UTC(2024, 8, 20, 19, 58));
    await feed.connect();
    const got: Trade[] = [];
    feed.subscribeTrades('NVDA', (t) => got.push(t));
    time.jump(Date.UTC(2024, 8, 23, 13, 32) - time.nowMs); // Monday 09:32 New York
    const minutes = [Date.UTC(2024, 8, 20, 19, 58), Date.UTC(2024, 8, 20, 19, 59), Date.UTC(2024, 8, 23, 13, 30), Date.UTC(2024, 8, 23, 13, 31)];
    const forming = market.tradesForMinute('NVDA', Date.UTC(2024, 8, 23, 13, 32)).filter((t) => t.time <= time.nowMs);
    expect(got).toEqual([...minutes.flatMap((m) => market.tradesForMinute('NVDA', m)), ...forming]);
  });

  it('serves several subscribers independently, and stops one at its unsubscribe', async () => {
    const { time, feed } = setup(T0);
    await feed.connect();
    const a: Trade[] = [];
    const b: Trade[] = [];
    const c: Trade[] = [];
    feed.subscribeTrades('ETHUSDT', (t) => a.push(t));
    const stopB = feed.subscribeTrades('ETHUSDT', (t) => b.push(t));
    feed.subscribeTrades('EURUSD', (t) => c.push(t));
    time.advance(MINUTE_MS);
    stopB();
    time.advance(MINUTE_MS);
    expect(a).toEqual([...market.tradesForMinute('ETHUSDT', T0), ...market.tradesForMinute('ETHUSDT', T0 + MINUTE_MS)]);
    expect(b).toEqual(market.tradesForMinute('ETHUSDT', T0));
    expect(c).toEqual([...market.tradesForMinute('EURUSD', T0), ...market.tradesForMinute('EURUSD', T0 + MINUTE_MS)]);
  });

  it('throws an Error naming an unknown symbol', async () => {
    const { feed } = setup(T0);
    expect(() => feed.subscribeTrades('NOPE', () => undefined)).toThrow(/NOPE/);
    await expect(feed.history('NOPE', T0 - MINUTE_MS, T0)).rejects.toThrow(/NOPE/);
  });
});

describe('SimFeed history, health and lifecycle', () => {
  it('never returns the forming minute or a future one', async () => {
    const { feed } = setup(T0 + 30_000);
    const bars = await feed.history('BTCUSDT', T0 - 5 * MINUTE_MS, T0 + 5 * MINUTE_MS);
    expect(bars.map((b) => b.time)).toEqual([5, 4, 3, 2, 1].map((k) => T0 - k * MINUTE_MS));
    const atBoundary = setup(T0).feed;
    expect((await atBoundary.history('BTCUSDT', T0 - 2 * MINUTE_MS, T0 + MINUTE_MS)).map((b) => b.time)).toEqual([T0 - 2 * MINUTE_MS, T0 - MINUTE_MS]);
    expect(bars).toEqual(market.bars('BTCUSDT', T0 - 5 * MINUTE_MS, T0));
  });

  it('reports OFFLINE until connected, LIVE while connected with the age of the last trade, OFFLINE after close', async () => {
    const { time, feed } = setup(T0);
    expect(feed.health()).toEqual({ id: 'sim', name: 'Simulated market', status: 'OFFLINE', simulated: true, lastMessageAgeMs: null, gapsDetected: 0 });
    await feed.connect();
    await feed.connect();
    expect(feed.health().status).toBe('LIVE');
    let last = 0;
    feed.subscribeTrades('BTCUSDT', () => (last = time.nowMs));
    time.advance(MINUTE_MS);
    expect(last).toBeGreaterThan(T0);
    time.nowMs += 1_234;
    const health = feed.health();
    expect(health).toEqual({ id: 'sim', name: 'Simulated market', status: 'LIVE', simulated: true, lastMessageAgeMs: time.nowMs - last, gapsDetected: 0 });
    expect(feedHealthSchema.safeParse(health).success).toBe(true);
    feed.close();
    expect(feed.health().status).toBe('OFFLINE');
    expect(time.scheduled).toBe(0);
  });

  it('runs one timer, only while connected with a subscriber', async () => {
    const { time, feed } = setup(T0);
    const stopA = feed.subscribeTrades('BTCUSDT', () => undefined);
    expect(time.scheduled).toBe(0);
    await feed.connect();
    await feed.connect();
    expect(time.scheduled).toBe(1);
    const stopB = feed.subscribeTrades('SPY', () => undefined);
    expect(time.scheduled).toBe(1);
    stopA();
    expect(time.scheduled).toBe(1);
    stopB();
    expect(time.scheduled).toBe(0);
    feed.subscribeTrades('SPY', () => undefined);
    expect(time.scheduled).toBe(1);
    feed.close();
    expect(time.scheduled).toBe(0);
    expect(feed.health().status).toBe('OFFLINE');
  });

  it('fires no callback after close', async () => {
    const { time, feed } = setup(T0);
    await feed.connect();
    let count = 0;
    feed.subscribeTrades('SOLUSDT', () => count++);
    time.advance(MINUTE_MS);
    const before = count;
    feed.close();
    time.advance(MINUTE_MS);
    time.tick();
    expect(before).toBeGreaterThan(0);
    expect(count).toBe(before);
  });

  it('offers the sim instruments, generated on read rather than stored', () => {
    const { feed } = setup(T0);
    expect(feed.instruments().map((i) => `${i.symbol}:${i.market}`)).toEqual([
      'BTCUSDT:crypto', 'ETHUSDT:crypto', 'SOLUSDT:crypto', 'SPY:us-equity', 'AAPL:us-equity', 'QQQ:us-equity', 'NVDA:us-equity', 'EURUSD:fx',
    ]);
    expect(feed.instruments()).toBe(SIM_INSTRUMENTS);
    expect(feed.instruments().every((i) => i.source === 'sim' && i.baseInterval === '1m')).toBe(true);
    expect(feed.persist).toBe(false);
    expect(feed.historySync('BTCUSDT', T0 - 5 * 60_000, T0).length).toBe(5);
    expect(feed.simulated).toBe(true);
  });
});

describe('SimFeed quotes', () => {
  it('gives the book now at once, then every change as prints are released, and confirms a standing book every second', async () => {
    const { time, feed } = setup(T0 + 20_000);
    await feed.connect();
    const got: { bid: number; ask: number; time: number }[] = [];
    feed.subscribeQuotes('BTCUSDT', (q) => got.push(q));
    expect(got).toEqual([{ ...market.quote('BTCUSDT', T0 + 20_000), time: T0 + 20_000 }]);
    time.advance(30_000);
    // Never older than the subscription, every one the book at its time, never two without a change or a second between.
    expect(got.every((q) => q.time >= T0 + 20_000 && q.time <= time.nowMs)).toBe(true);
    for (const q of got) expect({ bid: q.bid, ask: q.ask }).toEqual(market.quote('BTCUSDT', q.time));
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [got[i - 1], got[i]];
      if (a === undefined || b === undefined) continue;
      expect(a.bid !== b.bid || a.ask !== b.ask || b.time - a.time >= 1_000).toBe(true);
    }
    // At least one confirmation per second of the 30 s: the quote is never older than a second.
    expect(got.length).toBeGreaterThanOrEqual(30);
    expect(time.nowMs - (got.at(-1)?.time ?? 0)).toBeLessThanOrEqual(1_000);
  });

  it('gives nothing while the symbol’s market is shut (SPY on a Sunday)', async () => {
    const sunday = Date.UTC(2024, 8, 22, 15, 0);
    const { time, feed } = setup(sunday);
    await feed.connect();
    const got: unknown[] = [];
    feed.subscribeQuotes('SPY', (q) => got.push(q));
    time.advance(10_000);
    expect(got).toEqual([]);
  });
});
