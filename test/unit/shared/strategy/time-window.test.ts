import { describe, expect, it } from 'vitest';
import { timeWindowStrategy, TIME_WINDOW_LEVEL_BLOCKS } from '../../../../shared/strategy/strategies/time-window';
import type { Strategy, StrategyBar, StrategyParams } from '../../../../shared/strategy/strategy';
import { barAt, runStrategy } from './run-strategy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2024, 0, 1); // a Monday, 00:00 UTC: a 4h block boundary

const crypto4h = (params: StrategyParams = {}): Strategy => timeWindowStrategy.create({ blockMinutes: 240, ...params }, { market: 'crypto', intervalMs: HOUR });
const bar = (hour: number, open: number, high: number, low: number, close: number): StrategyBar => ({ time: T0 + hour * HOUR, open, high, low, close, volume: 10 });

/** Block 00:00-04:00 UTC: high 110, low 100. */
const PREV_110_100 = [bar(0, 105, 110, 104, 106), bar(1, 106, 108, 100, 102), bar(2, 102, 106, 101, 105), bar(3, 105, 107, 103, 105)];
/** Block 00:00-04:00 UTC: high 100, low 90. */
const PREV_100_90 = [bar(0, 95, 100, 94, 96), bar(1, 96, 97, 90, 92), bar(2, 92, 96, 91, 95), bar(3, 95, 98, 94, 97)];

describe('time-window: sweep and reverse (4h blocks, 1h crypto bars)', () => {
  it('04:00 trades below the previous low (99 < 100) and closes back inside; 05:00 closes higher → long, stop at the sweep low, target the previous high', () => {
    const bars = [...PREV_110_100, bar(4, 102, 103, 99, 101), bar(5, 101, 104, 100.5, 103.5), bar(6, 103.5, 105, 103, 104.5)];
    expect(runStrategy(crypto4h(), bars)).toEqual([
      { index: 5, time: T0 + 5 * HOUR, position: 0, intent: { target: 'long', reason: 'sweep of prev low, reversal', entry: { type: 'market' }, stopLoss: 99, takeProfit: 110 } },
    ]);
    expect(runStrategy(crypto4h({ confirmBars: 2 }), bars).map((e) => e.index)).toEqual([6]);
  });

  it('a close back below the level re-arms the sweep; the stop is the lowest low of the whole sweep', () => {
    const bars = [...PREV_110_100, bar(4, 102, 103, 99, 101), bar(5, 101, 101.5, 98.5, 99.5), bar(6, 99.5, 101.5, 99.25, 101), bar(7, 101, 103, 100.75, 102.5)];
    expect(runStrategy(crypto4h(), bars)).toEqual([
      { index: 7, time: T0 + 7 * HOUR, position: 0, intent: { target: 'long', reason: 'sweep of prev low, reversal', entry: { type: 'market' }, stopLoss: 98.5, takeProfit: 110 } },
    ]);
  });

  it('sweep of the previous high → short when allowed, flat when long and shorts are not allowed, nothing when flat', () => {
    const bars = [...PREV_110_100, bar(4, 108, 111, 107, 109), bar(5, 109, 109.5, 106, 106.5)];
    const short = { target: 'short', reason: 'sweep of prev high, reversal', entry: { type: 'market' }, stopLoss: 111, takeProfit: 100 };
    expect(runStrategy(crypto4h(), bars, true)).toEqual([{ index: 5, time: T0 + 5 * HOUR, position: 0, intent: short }]);
    expect(runStrategy(crypto4h(), bars, false)).toEqual([]);
    const s = crypto4h();
    const got = bars.map((b) => s.onBar(b, { position: 1, allowShort: false }));
    expect(got).toEqual([null, null, null, null, null, { target: 'flat', reason: 'sweep of prev high, reversal', entry: { type: 'market' } }]);
  });
});

describe('time-window: break and retest (tolerance 0.5% of the level)', () => {
  const params = { touchTolerancePct: 0.5 }; // 0.5 at the previous high of 100

  it('04:00 closes above 100, 05:00 dips to 100.25 (within 100.5) and holds, 06:00 closes higher → long, stop high − tol, target high + range', () => {
    const bars = [...PREV_100_90, bar(4, 97, 101.5, 96.5, 101), bar(5, 101, 102, 100.25, 101.5), bar(6, 101.5, 102.5, 101.25, 102)];
    expect(runStrategy(crypto4h(params), bars)).toEqual([
      { index: 6, time: T0 + 6 * HOUR, position: 0, intent: { target: 'long', reason: 'break of prev high, retest held', entry: { type: 'market' }, stopLoss: 99.5, takeProfit: 110 } },
    ]);
  });

  it('the touch is inclusive: a low of exactly 100.5 is a retest', () => {
    const bars = [...PREV_100_90, bar(4, 97, 101.5, 96.5, 101), bar(5, 101, 102, 100.5, 101.5), bar(6, 101.5, 102.5, 101.25, 102)];
    expect(runStrategy(crypto4h(params), bars).map((e) => [e.index, e.intent.stopLoss])).toEqual([[6, 99.5]]);
  });

  it('no touch, no trade: the pullback stops at 100.75 and price runs away', () => {
    const bars = [...PREV_100_90, bar(4, 97, 101.5, 96.5, 101), bar(5, 101, 102, 100.75, 101.5), bar(6, 101.5, 102.5, 101.25, 102), bar(7, 102, 104, 101.75, 103.5)];
    expect(runStrategy(crypto4h(params), bars)).toEqual([]);
  });

  it('a break of the previous low that retests and continues → short (stop low + tol, target low − range)', () => {
    const bars = [...PREV_100_90, bar(4, 92, 92.5, 88.5, 89), bar(5, 89, 89.75, 88, 88.5), bar(6, 88.5, 88.75, 87.5, 88)];
    expect(runStrategy(crypto4h(params), bars, true)).toEqual([
      { index: 6, time: T0 + 6 * HOUR, position: 0, intent: { target: 'short', reason: 'break of prev low, retest held', entry: { type: 'market' }, stopLoss: 90.45, takeProfit: 80 } },
    ]);
  });

  it('drops a signal whose target would not be a positive price (low 40 − range 60)', () => {
    const prev = [bar(0, 70, 100, 60, 65), bar(1, 65, 66, 40, 45), bar(2, 45, 50, 42, 48), bar(3, 48, 52, 44, 50)];
    const bars = [...prev, bar(4, 50, 50.5, 38.5, 39), bar(5, 39, 39.9, 38, 38.5), bar(6, 38.5, 38.75, 37.5, 38)];
    expect(runStrategy(crypto4h(params), bars, true)).toEqual([]);
  });
});

describe('time-window: blocks and levels', () => {
  it('4h crypto blocks are UTC epoch multiples: a series starting at 02:00 has a partial first block 00:00-04:00', () => {
    const s = crypto4h();
    const prices = [100, 101, 102, 103, 104, 105, 106]; // 02:00 … 08:00
    runStrategy(s, prices.map((p, i) => barAt(T0 + (2 + i) * HOUR, p)));
    expect(s.levels?.()).toEqual([
      { label: 'prev 4h high', price: 101.5, from: T0 + 4 * HOUR, to: T0 + 8 * HOUR, kind: 'block-high' },
      { label: 'prev 4h low', price: 99.5, from: T0 + 4 * HOUR, to: T0 + 8 * HOUR, kind: 'block-low' },
      { label: 'prev 4h high', price: 105.5, from: T0 + 8 * HOUR, to: T0 + 12 * HOUR, kind: 'block-high' },
      { label: 'prev 4h low', price: 101.5, from: T0 + 8 * HOUR, to: T0 + 12 * HOUR, kind: 'block-low' },
    ]);
  });

  it('a block with no bars (a data gap) keeps the last block that had bars as the previous one', () => {
    const s = crypto4h();
    runStrategy(s, [barAt(T0 + 2 * HOUR, 100), barAt(T0 + 3 * HOUR, 101), barAt(T0 + 9 * HOUR, 120)]);
    expect(s.levels?.().map((l) => [l.price, l.from, l.to])).toEqual([
      [101.5, T0 + 8 * HOUR, T0 + 12 * HOUR],
      [99.5, T0 + 8 * HOUR, T0 + 12 * HOUR],
    ]);
  });

  it(`keeps the levels of the last ${String(TIME_WINDOW_LEVEL_BLOCKS)} blocks`, () => {
    const s = timeWindowStrategy.create({ blockMinutes: 5 }, { market: 'crypto', intervalMs: MIN });
    for (let i = 0; i < 5 * (TIME_WINDOW_LEVEL_BLOCKS + 10); i++) s.onBar(barAt(T0 + i * MIN, 100 + (i % 7)), { position: 0, allowShort: false });
    const levels = s.levels?.() ?? [];
    expect(levels).toHaveLength(2 * TIME_WINDOW_LEVEL_BLOCKS);
    expect(levels.at(-1)?.from).toBe(T0 + 5 * (TIME_WINDOW_LEVEL_BLOCKS + 9) * MIN);
  });

  it('4h blocks on US equities are anchored at 09:30 New York and cut at the close: 09:30-13:30, 13:30-16:00', () => {
    const s = timeWindowStrategy.create({ blockMinutes: 240 }, { market: 'us-equity', intervalMs: 30 * MIN });
    const open = Date.UTC(2024, 6, 10, 13, 30); // 09:30 EDT
    const nextOpen = Date.UTC(2024, 6, 11, 13, 30);
    runStrategy(s, [barAt(open, 100), barAt(open + 4 * HOUR, 104), barAt(nextOpen, 103)]);
    expect(s.levels?.().map((l) => [l.label, l.price, l.from, l.to])).toEqual([
      ['prev 4h high', 100.5, open + 4 * HOUR, open + 6.5 * HOUR],
      ['prev 4h low', 99.5, open + 4 * HOUR, open + 6.5 * HOUR],
      ['prev 4h high', 104.5, nextOpen, nextOpen + 4 * HOUR],
      ['prev 4h low', 103.5, nextOpen, nextOpen + 4 * HOUR],
    ]);
  });

  it('1D blocks on US equities are the sessions (09:30-16:00 New York, across the March DST switch)', () => {
    const s = timeWindowStrategy.create({ blockMinutes: 1440 }, { market: 'us-equity', intervalMs: 30 * MIN });
    const friday = Date.UTC(2024, 2, 8, 14, 30); // EST
    const monday = Date.UTC(2024, 2, 11, 13, 30); // EDT
    runStrategy(s, [barAt(friday - 30 * MIN, 150), barAt(friday, 100), barAt(friday + 6 * HOUR, 104), barAt(monday, 103)]);
    expect(s.levels?.()).toEqual([
      { label: 'prev 1D high', price: 104.5, from: monday, to: Date.UTC(2024, 2, 11, 20, 0), kind: 'block-high' },
      { label: 'prev 1D low', price: 99.5, from: monday, to: Date.UTC(2024, 2, 11, 20, 0), kind: 'block-low' },
    ]);
  });
});

describe('time-window: parameters and setup', () => {
  it('fills defaults and refuses bad values naming the field', () => {
    expect(timeWindowStrategy.resolveParams({})).toEqual({
      ok: true,
      params: { blockMinutes: 240, touchTolerancePct: 0.05, confirmBars: 1, sweepReverse: true, breakRetest: true },
    });
    expect(timeWindowStrategy.resolveParams({ blockMinutes: 60 })).toEqual({ ok: false, field: 'blockMinutes', message: 'blockMinutes must be 5, 240 or 1440 (got 60)' });
    expect(timeWindowStrategy.resolveParams({ sweepReverse: false, breakRetest: false })).toMatchObject({ ok: false, field: 'breakRetest' });
    expect(timeWindowStrategy.resolveParams({ confirmBars: 0 })).toMatchObject({ ok: false, field: 'confirmBars' });
    expect(timeWindowStrategy.resolveParams({ touchTicks: 2 })).toMatchObject({ ok: false, field: 'touchTicks' });
  });

  it('needs a bar interval that is shorter than the block and divides it', () => {
    expect(() => timeWindowStrategy.create({ blockMinutes: 240 }, { market: 'crypto', intervalMs: 4 * HOUR })).toThrow(/must be shorter than the 240-minute block/);
    expect(() => timeWindowStrategy.create({ blockMinutes: 240 }, { market: 'crypto', intervalMs: 7 * MIN })).toThrow(/divide/);
    expect(() => timeWindowStrategy.create({ blockMinutes: 60 }, { market: 'crypto', intervalMs: MIN })).toThrow(/blockMinutes/);
  });
});
