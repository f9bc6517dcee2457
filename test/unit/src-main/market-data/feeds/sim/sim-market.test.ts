import { describe, expect, it } from 'vitest';
import { bar, barSchema } from '../../../../../../shared/domain/bar';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../../../shared/domain/interval';
import { isOpenAt } from '../../../../../../shared/market/sessions';
import { SimMarket } from '../../../../../../src-main/market-data/feeds/sim/sim-market';
import { SIM_INSTRUMENTS } from '../../../../../../src-main/market-data/feeds/sim/sim-symbols';
import { aggregateTrades, lcg } from './sim-test-kit';

const SYMBOLS = SIM_INSTRUMENTS.map((i) => i.symbol);
const JAN_2024 = Date.UTC(2024, 0, 1);

/** Number of decimals of a step such as 0.01 or 0.00001 (0 for whole steps). */
const decimals = (step: number): number => (step >= 1 ? 0 : Math.round(-Math.log10(step)));
const onGrid = (x: number, step: number): boolean => Number(x.toFixed(decimals(step))) === x && Math.abs(x / step - Math.round(x / step)) < 1e-6;

describe('SimMarket determinism', () => {
  it('gives identical bars for the same seed and different bars for another seed', () => {
    const from = Date.UTC(2024, 4, 6);
    const to = from + 3 * DAY_MS;
    for (const symbol of SYMBOLS) {
      const a = new SimMarket(42).bars(symbol, from, to);
      const b = new SimMarket(42).bars(symbol, from, to);
      const c = new SimMarket(43).bars(symbol, from, to);
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      expect(c.length).toBe(a.length);
      expect(c).not.toEqual(a);
    }
  });

  it('pins the stream: seed 42 gives these exact bars and trades (update deliberately when the model changes)', () => {
    const m = new SimMarket(42);
    expect(m.bars('BTCUSDT', JAN_2024, JAN_2024 + 2 * MINUTE_MS)).toEqual([
      bar(JAN_2024, 33635.84, 33643.97, 33625.7, 33643.97, 0.24494, 8, true),
      bar(JAN_2024 + MINUTE_MS, 33631.87, 33638.09, 33626.32, 33626.32, 0.20589000000000002, 4, true),
    ]);
    const open = Date.UTC(2024, 0, 10, 14, 30);
    expect(m.bars('SPY', open, open + MINUTE_MS)).toEqual([bar(open, 493.69, 493.75, 493.59, 493.68, 13404, 53, true)]);
    expect(m.tradesForMinute('EURUSD', open).slice(0, 3)).toEqual([
      { id: 4748550000, time: open + 144, price: 1.0946, size: 101000 },
      { id: 4748550001, time: open + 7836, price: 1.0946, size: 291000 },
      { id: 4748550002, time: open + 12642, price: 1.09469, size: 217000 },
    ]);
  });

  it('does not depend on what was asked before (random access)', () => {
    const from = Date.UTC(2026, 1, 2, 14);
    const to = from + 6 * HOUR_MS;
    const fresh = new SimMarket(7).bars('AAPL', from, to);
    const used = new SimMarket(7);
    used.bars('AAPL', Date.UTC(2019, 0, 1), Date.UTC(2019, 0, 20));
    used.tradesForMinute('AAPL', from + 90 * MINUTE_MS);
    used.bars('BTCUSDT', from, to);
    expect(used.bars('AAPL', from, to)).toEqual(fresh);
  });

  it('is additive: [a, c) is [a, b) followed by [b, c), bar for bar', () => {
    const m = new SimMarket(1);
    const next = lcg(99);
    for (const symbol of SYMBOLS) {
      const a = JAN_2024 + Math.floor(next() * 300) * DAY_MS + Math.floor(next() * DAY_MS);
      const c = a + 2 * DAY_MS + Math.floor(next() * DAY_MS);
      const b = a + Math.floor(next() * (c - a));
      const whole = new SimMarket(1).bars(symbol, a, c);
      expect([...m.bars(symbol, a, b), ...m.bars(symbol, b, c)]).toEqual(whole);
      expect(whole.every((x) => x.time >= a && x.time < c)).toBe(true);
    }
  });

  it('returns every minute of [from, to) exactly once, in order, and nothing for empty or reversed ranges', () => {
    const m = new SimMarket(1);
    const from = JAN_2024 + 30_000;
    const bars = m.bars('ETHUSDT', from, from + 10 * MINUTE_MS);
    expect(bars.map((b) => b.time)).toEqual(Array.from({ length: 10 }, (_, i) => JAN_2024 + (i + 1) * MINUTE_MS));
    expect(m.bars('ETHUSDT', from, from)).toEqual([]);
    expect(m.bars('ETHUSDT', from, from - DAY_MS)).toEqual([]);
  });

  it('starts on 2015-01-01', () => {
    const m = new SimMarket(1);
    expect(m.bars('BTCUSDT', Date.UTC(2014, 11, 31), Date.UTC(2015, 0, 1))).toEqual([]);
    expect(m.bars('BTCUSDT', Date.UTC(2014, 11, 31), Date.UTC(2015, 0, 1, 0, 2)).map((b) => b.time)).toEqual([Date.UTC(2015, 0, 1), Date.UTC(2015, 0, 1, 0, 1)]);
  });

  it('throws an Error naming an unknown symbol', () => {
    expect(() => new SimMarket(1).bars('DOGEUSDT', 0, 1)).toThrow(/DOGEUSDT/);
    expect(() => new SimMarket(1).tradesForMinute('XYZ', JAN_2024)).toThrow(/XYZ/);
  });
});

describe('SimMarket trades and bars', () => {
  it('aggregates the trades of a minute to exactly the bar bars() returns, for many random minutes', () => {
    const m = new SimMarket(2024);
    const next = lcg(5);
    let open = 0;
    for (let i = 0; i < 400; i++) {
      const symbol = SYMBOLS[i % SYMBOLS.length] ?? 'BTCUSDT';
      const minute = Date.UTC(2015, 0, 1) + Math.floor(next() * 15 * 365 * 1440) * MINUTE_MS;
      const trades = m.tradesForMinute(symbol, minute);
      const bars = new SimMarket(2024).bars(symbol, minute, minute + MINUTE_MS);
      if (trades.length === 0) {
        expect(bars).toEqual([]);
        continue;
      }
      open++;
      expect(bars).toEqual([aggregateTrades(minute, trades)]);
      expect(trades.every((t) => t.time >= minute && t.time < minute + MINUTE_MS)).toBe(true);
    }
    expect(open).toBeGreaterThan(200);
  });

  it('numbers trades uniquely and increasingly, in time order, across minutes and days', () => {
    const m = new SimMarket(3);
    const start = Date.UTC(2024, 5, 30, 23, 50);
    const trades = Array.from({ length: 20 }, (_, i) => m.tradesForMinute('SOLUSDT', start + i * MINUTE_MS)).flat();
    expect(trades.length).toBeGreaterThan(20);
    for (let i = 1; i < trades.length; i++) {
      expect(trades[i]!.id).toBeGreaterThan(trades[i - 1]!.id);
      expect(trades[i]!.time).toBeGreaterThanOrEqual(trades[i - 1]!.time);
    }
  });

  it('prints whole ticks and lots, at the bid or the ask', () => {
    const m = new SimMarket(11);
    for (const spec of SIM_INSTRUMENTS) {
      const minute = Date.UTC(2024, 2, 12, 15, 7);
      const trades = m.tradesForMinute(spec.symbol, minute);
      expect(trades.length).toBeGreaterThan(0);
      for (const t of trades) {
        expect(onGrid(t.price, spec.tickSize)).toBe(true);
        expect(onGrid(t.size, spec.lotSize)).toBe(true);
        expect(t.size).toBeGreaterThanOrEqual(spec.lotSize);
        const q = m.quote(spec.symbol, t.time);
        expect(q).not.toBeNull();
      }
    }
  });

  it('keeps every bar valid: high the highest, low the lowest, positive prices on the tick grid, final', () => {
    const m = new SimMarket(5);
    for (const spec of SIM_INSTRUMENTS) {
      const bars = m.bars(spec.symbol, Date.UTC(2023, 10, 1), Date.UTC(2023, 10, 8));
      expect(bars.length).toBeGreaterThan(0);
      const invalid = bars.filter(
        (b) =>
          !barSchema.safeParse(b).success ||
          b.high < Math.max(b.open, b.close) ||
          b.low > Math.min(b.open, b.close) ||
          b.low <= 0 ||
          b.trades < 1 ||
          b.volume <= 0 ||
          !b.final ||
          ![b.open, b.high, b.low, b.close].every((p) => onGrid(p, spec.tickSize)),
      );
      expect(invalid).toEqual([]);
    }
  });

  it('quotes a spread of spreadTicks around the prints, and nothing while the market is shut', () => {
    const m = new SimMarket(8);
    const t = Date.UTC(2024, 2, 12, 15, 7, 30);
    const spy = m.quote('SPY', t)!;
    expect(Math.round((spy.ask - spy.bid) * 100)).toBe(1);
    const eur = m.quote('EURUSD', t)!;
    expect(Math.round((eur.ask - eur.bid) * 100_000)).toBe(6);
    const last = m.tradesForMinute('EURUSD', t - 30_000).filter((x) => x.time <= t).at(-1)!;
    expect([eur.bid, eur.ask]).toContain(last.price);
    expect(m.quote('SPY', Date.UTC(2024, 2, 12, 3))).toBeNull();
    expect(m.quote('EURUSD', Date.UTC(2024, 2, 16, 12))).toBeNull();
  });

  it('finds the next minute a market trades', () => {
    const m = new SimMarket(1);
    // Friday 2024-07-05 16:00 New York close; next open Monday 2024-07-08 09:30 EDT = 13:30 UTC.
    const friClose = Date.UTC(2024, 6, 5, 20);
    expect(m.nextOpenMinute('SPY', friClose, friClose + 4 * DAY_MS)).toBe(Date.UTC(2024, 6, 8, 13, 30));
    expect(m.nextOpenMinute('SPY', friClose, friClose + DAY_MS)).toBeNull();
    expect(m.nextOpenMinute('BTCUSDT', friClose + 1, friClose + DAY_MS)).toBe(friClose + MINUTE_MS);
    expect(isOpenAt('us-equity', Date.UTC(2024, 6, 8, 13, 30))).toBe(true);
  });
});
