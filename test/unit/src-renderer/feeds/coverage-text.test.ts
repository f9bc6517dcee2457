import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../../shared/contract';
import type { EpochMs } from '../../../../shared/domain/epoch';
import { coverageHeadline, missingLines } from '../../../../src-renderer/feeds/coverage-text';

const at = (iso: string): EpochMs => Date.parse(iso) as EpochMs;

describe('coverage as a trader reads it', () => {
  it('says a complete range is complete', () => {
    const c: Coverage = { from: at('2024-01-01T00:00Z'), to: at('2025-01-01T00:00Z'), expected: 19_548, present: 19_548, missingBars: 0, missing: [], spansOmitted: 0 };
    expect(coverageHeadline(c)).toBe('19,548 of 19,548 bars, none missing');
    expect(missingLines(c)).toEqual([]);
  });

  it('lists missing spans with their reasons, and counts the ones left out', () => {
    const c: Coverage = {
      from: at('2014-12-25T00:00Z'),
      to: at('2015-01-05T00:00Z'),
      expected: 12,
      present: 5,
      missingBars: 10_090,
      missing: [
        { from: at('2014-12-25T00:00Z'), to: at('2015-01-01T00:00Z'), reason: 'before-start', bars: 10_080 },
        { from: at('2015-01-02T03:00Z'), to: at('2015-01-02T03:10Z'), reason: 'not-loaded', bars: 10, note: 'HTTP 500' },
      ],
      spansOmitted: 3,
    };
    expect(coverageHeadline(c)).toBe('5 of 12 bars; 10,090 base bars missing');
    expect(missingLines(c, 1)).toEqual(['2014-12-25 00:00 → 2015-01-01 00:00 UTC: before the source begins (10,080)', '… 4 more spans']);
    expect(missingLines(c)[1]).toBe('2015-01-02 03:00 → 2015-01-02 03:10 UTC: could not be loaded (HTTP 500) (10)');
  });
});
