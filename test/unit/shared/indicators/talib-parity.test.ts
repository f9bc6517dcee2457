import { describe, expect, it } from 'vitest';
import { cmf } from '../../../../shared/indicators';
import { googBars } from './goog-bars';
import { INDICATOR_CASES } from './indicator-cases';
import { seriesMismatch } from './series-match';
import { talib, talibRun } from './talib-oracle';

const goog = googBars();

describe('indicators match TA-Lib (the talib binding) on GOOG daily: same NaN positions, values within 1e-9 relative', () => {
  it('reads the whole data set and a built TA-Lib', () => {
    expect(goog.length).toBe(2148);
    expect(talib.version).toBe('1.1.6');
  });

  for (const c of INDICATOR_CASES) {
    const oracle = c.talib;
    if (oracle === null) continue;
    it(`${c.label}: batch and stream`, () => {
      const expected = oracle(goog);
      const batch = c.batch(goog);
      const stream = c.stream(goog);
      expect(Object.keys(batch).sort()).toEqual(Object.keys(expected).sort());
      for (const [name, values] of Object.entries(expected)) {
        expect(values.some((v) => !Number.isNaN(v)), `${c.label}.${name}: TA-Lib gave values`).toBe(true);
        expect(seriesMismatch(batch[name]!, values), `${c.label}.${name} batch`).toBeNull();
        expect(seriesMismatch(stream[name]!, values), `${c.label}.${name} stream`).toBeNull();
      }
    });
  }
});

describe('CMF against TA-Lib AD (TA-Lib has no CMF; AD accumulates the same money-flow volume)', () => {
  it('cmf(20)[i] = (AD[i] − AD[i−20]) / Σ volume, within 1e-9 relative', () => {
    const period = 20;
    const [ad] = talibRun('AD', goog.length, { high: goog.high, low: goog.low, close: goog.close, volume: goog.volume }, {}, ['outReal']);
    const expected = new Float64Array(goog.length).fill(Number.NaN);
    for (let i = period - 1; i < goog.length; i++) {
      let volume = 0;
      for (let j = i - period + 1; j <= i; j++) volume += goog.volume[j]!;
      const flow = ad![i]! - (i >= period ? ad![i - period]! : 0);
      expected[i] = flow / volume;
    }
    expect(seriesMismatch(cmf(goog.high, goog.low, goog.close, goog.volume, period), expected)).toBeNull();
  });
});
