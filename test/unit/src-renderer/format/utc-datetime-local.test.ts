import { describe, expect, it } from 'vitest';
import { formatUtcDateTimeLocal, parseUtcDateTimeLocal } from '../../../../src-renderer/format/utc-datetime-local';

describe('UTC datetime-local values', () => {
  it('reads the input as UTC, whatever the local zone', () => {
    expect(parseUtcDateTimeLocal('2025-03-04T09:30')).toBe(Date.UTC(2025, 2, 4, 9, 30));
    expect(parseUtcDateTimeLocal('2025-03-04T09:30:15')).toBe(Date.UTC(2025, 2, 4, 9, 30, 15));
    expect(parseUtcDateTimeLocal('2025-03-04T09:30:15.5')).toBe(Date.UTC(2025, 2, 4, 9, 30, 15, 500));
    expect(parseUtcDateTimeLocal('1970-01-01T00:00')).toBe(0);
  });

  it('refuses empty, malformed and impossible values', () => {
    for (const bad of ['', '2025-03-04', '2025-02-30T10:00', '2025-03-04T24:00', '2025-03-04T10:60', '1969-12-31T23:59', 'soon']) {
      expect(parseUtcDateTimeLocal(bad)).toBeNull();
    }
  });

  it('formats an instant back to the minute', () => {
    expect(formatUtcDateTimeLocal(Date.UTC(2025, 2, 4, 9, 30, 59))).toBe('2025-03-04T09:30');
    expect(parseUtcDateTimeLocal(formatUtcDateTimeLocal(Date.UTC(2024, 1, 29, 23, 5)))).toBe(Date.UTC(2024, 1, 29, 23, 5));
  });
});
