import { describe, expect, it } from 'vitest';
import { formatBarTime, formatTickMark, sessionDayOf, type TimeLabelContext } from '../../../../src-renderer/format/chart-time-format';

const utc = Date.UTC;
const ny5m: TimeLabelContext = { zone: 'America/New_York', market: 'us-equity', interval: '5m' };
const crypto1m: TimeLabelContext = { zone: 'UTC', market: 'crypto', interval: '1m' };

describe('chart time labels', () => {
  it('shows the US equity open at 09:30 New York on both sides of the 2024 switches, 24-hour', () => {
    expect(formatBarTime(ny5m, utc(2024, 2, 8, 14, 30))).toBe('Fri 2024-03-08 09:30');
    expect(formatBarTime(ny5m, utc(2024, 2, 11, 13, 30))).toBe('Mon 2024-03-11 09:30');
    expect(formatBarTime(ny5m, utc(2024, 10, 1, 13, 30))).toBe('Fri 2024-11-01 09:30');
    expect(formatBarTime(ny5m, utc(2024, 10, 4, 14, 30))).toBe('Mon 2024-11-04 09:30');
    expect(formatBarTime(ny5m, utc(2024, 10, 4, 20, 55))).toBe('Mon 2024-11-04 15:55');
    expect(formatTickMark(ny5m, utc(2024, 10, 4, 20, 55), 'time')).toBe('15:55');
  });

  it('labels the time axis: year, month, day, time and seconds', () => {
    const t = utc(2024, 2, 5, 17, 4, 9);
    expect(formatTickMark(crypto1m, t, 'year')).toBe('2024');
    expect(formatTickMark(crypto1m, t, 'month')).toBe('Mar');
    expect(formatTickMark(crypto1m, t, 'day')).toBe('5 Mar');
    expect(formatTickMark(crypto1m, t, 'time')).toBe('17:04');
    expect(formatTickMark(crypto1m, t, 'seconds')).toBe('17:04:09');
    expect(formatTickMark(ny5m, t, 'time')).toBe('12:04');
  });

  it('dates a day or week bar by its session, whatever the axis zone', () => {
    // A crypto day bar opens 00:00 UTC: its date is the UTC date, also on a New York axis.
    expect(formatBarTime({ zone: 'America/New_York', market: 'crypto', interval: '1d' }, utc(2024, 2, 5))).toBe('Tue 2024-03-05');
    // An FX day opens 17:00 New York the evening before: Sunday evening's bar is Monday's.
    expect(formatBarTime({ zone: 'UTC', market: 'fx', interval: '1d' }, utc(2024, 2, 3, 22))).toBe('Mon 2024-03-04');
    expect(sessionDayOf('us-equity', utc(2024, 2, 4, 14, 30))).toBe(sessionDayOf('crypto', utc(2024, 2, 4)));
    expect(formatTickMark({ zone: 'UTC', market: 'us-equity', interval: '1w' }, utc(2024, 2, 4, 14, 30), 'day')).toBe('4 Mar');
  });
});
