import { describe, expect, it } from 'vitest';
import { formatUtcDateTimeLocal, parseUtcDateTimeLocal } from '../../../../src-renderer/format/utc-datetime-local';

describe('UTC date and time fields (24-hour)', () => {
  it('reads "YYYY-MM-DD HH:MM" (or the ISO T form) as UTC, whatever the local zone', () => {
    expect(parseUtcDateTimeLocal('2025-03-04 09:30')).toBe(Date.UTC(2025, 2, 4, 9, 30));
    expect(parseUtcDateTimeLocal('2025-03-04T09:30')).toBe(Date.UTC(2025, 2, 4, 9, 30));
    expect(parseUtcDateTimeLocal(' 2025-03-04 21:30 ')).toBe(Date.UTC(2025, 2, 4, 21, 30));
    expect(parseUtcDateTimeLocal('2025-03-04 09:30:15')).toBe(Date.UTC(2025, 2, 4, 9, 30, 15));
    expect(parseUtcDateTimeLocal('2025-03-04T09:30:15.5')).toBe(Date.UTC(2025, 2, 4, 9, 30, 15, 500));
    expect(parseUtcDateTimeLocal('1970-01-01 00:00')).toBe(0);
  });

  it('refuses empty, malformed, impossible and 12-hour values', () => {
    for (const bad of ['', '2025-03-04', '2025-02-30 10:00', '2025-03-04 24:00', '2025-03-04 10:60', '1969-12-31 23:59', 'soon', '03/04/2025 09:30 PM', '2025-03-04 9:30 PM']) {
      expect(parseUtcDateTimeLocal(bad)).toBeNull();
    }
  });

  it('formats an instant to the minute on a 24-hour clock, and reads it back', () => {
    expect(formatUtcDateTimeLocal(Date.UTC(2025, 2, 4, 9, 30, 59))).toBe('2025-03-04 09:30');
    expect(formatUtcDateTimeLocal(Date.UTC(2025, 2, 4, 21, 5))).toBe('2025-03-04 21:05');
    expect(parseUtcDateTimeLocal(formatUtcDateTimeLocal(Date.UTC(2024, 1, 29, 23, 5)))).toBe(Date.UTC(2024, 1, 29, 23, 5));
  });
});
