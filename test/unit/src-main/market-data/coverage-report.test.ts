import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../../src-main/market-data/coverage-report';

const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 10);

describe('coverageOf', () => {
  it('splits an empty span by reason: before the start, a recorded void, a failed load, and a plain hole', () => {
    const present = [10, 11, 12, 40, 41].map((m) => T0 + m * MIN);
    const c = coverageOf({
      market: 'crypto',
      base: '1m',
      interval: '1m',
      from: T0,
      to: T0 + 60 * MIN,
      baseTimes: Float64Array.from(present),
      present: present.length,
      start: T0 + 5 * MIN,
      end: null,
      voids: [{ from: T0 + 13 * MIN, to: T0 + 20 * MIN, reason: 'venue-gap' }],
      failures: [{ from: T0 + 50 * MIN, to: T0 + 60 * MIN, message: 'HTTP 500' }],
    });
    expect(c.missing).toEqual([
      { from: T0, to: T0 + 5 * MIN, reason: 'before-start', bars: 5 },
      { from: T0 + 5 * MIN, to: T0 + 10 * MIN, reason: 'missing', bars: 5 },
      { from: T0 + 13 * MIN, to: T0 + 20 * MIN, reason: 'venue-gap', bars: 7 },
      { from: T0 + 20 * MIN, to: T0 + 40 * MIN, reason: 'missing', bars: 20 },
      { from: T0 + 42 * MIN, to: T0 + 50 * MIN, reason: 'missing', bars: 8 },
      { from: T0 + 50 * MIN, to: T0 + 60 * MIN, reason: 'not-loaded', bars: 10, note: 'HTTP 500' },
    ]);
    expect(c).toMatchObject({ expected: 60, present: 5, missingBars: 55, spansOmitted: 0 });
  });

  it('reports an empty window as complete with nothing expected', () => {
    const c = coverageOf({ market: 'crypto', base: '1m', interval: '5m', from: T0, to: T0, baseTimes: new Float64Array(0), present: 0, start: null, end: null, voids: [], failures: [] });
    expect(c).toEqual({ from: T0, to: T0, expected: 0, present: 0, missingBars: 0, missing: [], spansOmitted: 0 });
  });
});
