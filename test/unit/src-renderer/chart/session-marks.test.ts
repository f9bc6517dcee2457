import { describe, expect, it } from 'vitest';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { sessionMarks } from '../../../../src-renderer/chart/session-marks';

const utc = Date.UTC;
const at = (t: number): Bar => bar(t, 1, 1, 1, 1, 1, 1, true);

describe('sessionMarks', () => {
  it('marks the first bar of each New York day and shades bars outside 09:30–16:00', () => {
    const bars = [
      utc(2024, 2, 7, 20, 55), // Thu 15:55 EST
      utc(2024, 2, 7, 21, 0), // Thu 16:00: post-market
      utc(2024, 2, 8, 13, 0), // Fri 08:00: pre-market
      utc(2024, 2, 8, 14, 25), // Fri 09:25: pre-market
      utc(2024, 2, 8, 14, 30), // Fri 09:30: the open
      utc(2024, 2, 11, 13, 30), // Mon 09:30 EDT
    ].map(at);
    expect(sessionMarks(bars, 0, 5, { market: 'us-equity', zone: 'America/New_York', interval: '5m' })).toEqual({
      starts: [2, 5],
      // Thursday's post-market and Friday's pre-market bars sit side by side: one shaded run.
      extended: [[1, 3]],
    });
  });

  it('cuts crypto days at midnight in the axis zone', () => {
    const bars = [utc(2024, 0, 1, 23), utc(2024, 0, 2, 0), utc(2024, 0, 2, 4), utc(2024, 0, 2, 5)].map(at);
    expect(sessionMarks(bars, 0, 3, { market: 'crypto', zone: 'UTC', interval: '1h' })).toEqual({ starts: [1], extended: [] });
    expect(sessionMarks(bars, 0, 3, { market: 'crypto', zone: 'America/New_York', interval: '1h' })).toEqual({ starts: [3], extended: [] });
  });

  it('cuts FX days at 17:00 New York', () => {
    const bars = [utc(2024, 2, 5, 21), utc(2024, 2, 5, 22), utc(2024, 2, 5, 23)].map(at);
    expect(sessionMarks(bars, 0, 2, { market: 'fx', zone: 'UTC', interval: '1h' }).starts).toEqual([1]);
  });

  it('reads only the range asked for (clamped) and nothing for day bars', () => {
    const bars = [utc(2024, 0, 1, 23), utc(2024, 0, 2, 0), utc(2024, 0, 3, 0)].map(at);
    // A bar partly in view counts (1.6 starts at bar 1).
    expect(sessionMarks(bars, 1.6, 99, { market: 'crypto', zone: 'UTC', interval: '1h' }).starts).toEqual([1, 2]);
    expect(sessionMarks(bars, 2, 99, { market: 'crypto', zone: 'UTC', interval: '1h' }).starts).toEqual([2]);
    expect(sessionMarks(bars, -5, 1, { market: 'crypto', zone: 'UTC', interval: '1h' }).starts).toEqual([1]);
    expect(sessionMarks(bars, 0, 2, { market: 'crypto', zone: 'UTC', interval: '1d' })).toEqual({ starts: [], extended: [] });
  });
});
