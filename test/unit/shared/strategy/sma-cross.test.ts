import { describe, expect, it } from 'vitest';
import { smaCrossStrategy } from '../../../../shared/strategy/strategies/sma-cross';
import type { Strategy, StrategyBar } from '../../../../shared/strategy/strategy';
import { barAt, runStrategy } from './run-strategy';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

/**
 * Closes and their SMAs, by hand (fast 2, slow 4):
 *   i      0   1     2     3      4      5      6    7    8    9   10   11
 *   close 10  10    11    12     10      8      8   10   12   14   12   10
 *   SMA2   -  10  10.5  11.5     11      9      8    9   11   13   13   11
 *   SMA4   -   -     -  10.75  10.75  10.25   9.5    9  9.5   11   12   12
 * At i3 fast > slow already, but the slow SMA had no value at i2: no cross (warm-up).
 * i5: 11 >= 10.75 then 9 < 10.25 → down. i7: 9 == 9, neither. i8: 9 <= 9 then 11 > 9.5 → up.
 * i11: 13 >= 12 then 11 < 12 → down.
 */
const CLOSES = [10, 10, 11, 12, 10, 8, 8, 10, 12, 14, 12, 10];
const bars = (times: readonly number[] = CLOSES.map((_, i) => T0 + i * HOUR)): StrategyBar[] => CLOSES.map((c, i) => barAt(times[i] ?? 0, c));
const create = (): Strategy => smaCrossStrategy.create({ fast: 2, slow: 4 }, { market: 'crypto', intervalMs: HOUR });

const UP = 'SMA 2 crossed above SMA 4';
const DOWN = 'SMA 2 crossed below SMA 4';

describe('sma-cross', () => {
  it('long only: the down cross at i5 while flat does nothing; long at i8, flat at i11', () => {
    expect(runStrategy(create(), bars())).toEqual([
      { index: 8, time: T0 + 8 * HOUR, position: 0, intent: { target: 'long', setup: 'cross-up', reason: UP, entry: { type: 'market' } } },
      { index: 11, time: T0 + 11 * HOUR, position: 1, intent: { target: 'flat', reason: DOWN, entry: { type: 'market' } } },
    ]);
  });

  it('with shorts: short at i5, long (a reversal) at i8, short at i11', () => {
    expect(runStrategy(create(), bars(), true)).toEqual([
      { index: 5, time: T0 + 5 * HOUR, position: 0, intent: { target: 'short', setup: 'cross-down', reason: DOWN, entry: { type: 'market' } } },
      { index: 8, time: T0 + 8 * HOUR, position: -1, intent: { target: 'long', setup: 'cross-up', reason: UP, entry: { type: 'market' } } },
      { index: 11, time: T0 + 11 * HOUR, position: 1, intent: { target: 'short', setup: 'cross-down', reason: DOWN, entry: { type: 'market' } } },
    ]);
  });

  it('gives no signal in warm-up (the first four bars)', () => {
    const s = create();
    expect(bars().slice(0, 4).map((b) => s.onBar(b, { position: 0, allowShort: true }))).toEqual([null, null, null, null]);
  });

  it('runs over a gap in the data (bar count, not clock time) and ignores a repeated bar', () => {
    const times = CLOSES.map((_, i) => T0 + (i < 6 ? i : i + 5) * HOUR);
    const withRepeat = bars(times);
    withRepeat.splice(7, 0, { ...withRepeat[6]!, close: 1000 });
    expect(runStrategy(create(), withRepeat, true).map((e) => [e.time, e.intent.target])).toEqual([
      [T0 + 5 * HOUR, 'short'],
      [T0 + 13 * HOUR, 'long'],
      [T0 + 16 * HOUR, 'short'],
    ]);
  });

  it('uses 10 / 30 by default', () => {
    expect(smaCrossStrategy.resolveParams({})).toEqual({ ok: true, params: { fast: 10, slow: 30 } });
  });

  it.each([
    [{ fats: 5 }, 'fats', 'unknown parameter "fats" (known: fast, slow)'],
    [{ fast: 30, slow: 30 }, 'slow', 'slow (30) must be greater than fast (30)'],
    [{ fast: 40 }, 'slow', 'slow (30) must be greater than fast (40)'],
    [{ fast: 2.5 }, 'fast', 'fast must be an integer (got 2.5)'],
    [{ slow: 1000 }, 'slow', 'slow must be between 2 and 500 (got 1000)'],
    [{ fast: 0 }, 'fast', 'fast must be between 1 and 200 (got 0)'],
    [{ fast: '5' }, 'fast', 'fast must be a finite number (got "5")'],
    [{ fast: Number.NaN }, 'fast', 'fast must be a finite number (got NaN)'],
  ])('refuses %o naming %s', (input, field, message) => {
    expect(smaCrossStrategy.resolveParams(input)).toEqual({ ok: false, field, message });
  });

  it('create() fills defaults and refuses what resolveParams refuses', () => {
    expect(() => smaCrossStrategy.create({}, { market: 'crypto', intervalMs: HOUR })).not.toThrow();
    expect(() => smaCrossStrategy.create({ fast: 5, slow: 5 }, { market: 'crypto', intervalMs: HOUR })).toThrow('sma-cross: bad parameter slow: slow (5) must be greater than fast (5)');
  });
});
