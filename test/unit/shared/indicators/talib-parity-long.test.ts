import { describe, expect, it } from 'vitest';
import { INDICATOR_CASES } from './indicator-cases';
import { randomBars } from './random-bars';
import { seriesMismatch } from './series-match';

// 1,000,000 bars: long enough for running sums (SMA, Bollinger's Σx², WMA) to drift,
// which they must do exactly as TA-Lib's do; the flat stretches hit the zero-range branches.
const bars = randomBars(1_000_000, 20_240_601);
const DEFAULTS = new Set(['sma(20)', 'ema(20)', 'wma(20)', 'rsi(14)', 'atr(14)', 'macd(12,26,9)', 'bollinger(20,2)', 'stochastic(14,3,3)', 'adx(14)', 'obv']);

describe('indicators match TA-Lib over 1,000,000 seeded random-walk bars (within 1e-9 relative)', () => {
  for (const c of INDICATOR_CASES) {
    const oracle = c.talib;
    if (oracle === null || !DEFAULTS.has(c.label)) continue;
    it(`${c.label}: batch and stream`, () => {
      const expected = oracle(bars);
      const batch = c.batch(bars);
      const stream = c.stream(bars);
      for (const [name, values] of Object.entries(expected)) {
        expect(seriesMismatch(batch[name]!, values), `${c.label}.${name} batch`).toBeNull();
        expect(seriesMismatch(stream[name]!, values), `${c.label}.${name} stream`).toBeNull();
      }
    });
  }

  it('covers every default case', () => {
    expect(INDICATOR_CASES.filter((c) => DEFAULTS.has(c.label)).map((c) => c.label).sort()).toEqual([...DEFAULTS].sort());
  });
});
