import { describe, expect, it } from 'vitest';
import { INDICATOR_CASES } from './indicator-cases';
import { randomBars } from './random-bars';
import { exactMismatch } from './series-match';

// Property: for any series, updating the stream bar by bar gives exactly the
// batch values (bit for bit, NaN where the batch has NaN). Seeded series of
// several lengths, including shorter than every warm-up and empty.
const SERIES = [
  { seed: 1, length: 5_000 },
  { seed: 2, length: 5_000 },
  { seed: 3, length: 1_237 },
  { seed: 4, length: 40 },
  { seed: 5, length: 3 },
  { seed: 6, length: 0 },
].map(({ seed, length }) => ({ label: `seed ${String(seed)}, ${String(length)} bars`, bars: randomBars(length, seed) }));

describe('batch == stream, bit for bit, on seeded random series', () => {
  for (const c of INDICATOR_CASES) {
    it(c.label, () => {
      for (const { label, bars } of SERIES) {
        const batch = c.batch(bars);
        const stream = c.stream(bars);
        expect(Object.keys(stream).sort()).toEqual(Object.keys(batch).sort());
        for (const [name, values] of Object.entries(batch)) {
          expect(values).toHaveLength(bars.length);
          expect(exactMismatch(stream[name]!, values), `${c.label}.${name}, ${label}`).toBeNull();
        }
      }
    });
  }
});
