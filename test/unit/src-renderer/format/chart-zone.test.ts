import { describe, expect, it } from 'vitest';
import { chartZoneOf, wallTime, zoneAbbreviation, zoneOffsetMinutes } from '../../../../src-renderer/format/chart-zone';

const utc = Date.UTC;

describe('chart zones', () => {
  it('draws US equities in New York, crypto and FX in the user\u2019s choice', () => {
    expect(chartZoneOf('us-equity', 'UTC')).toBe('America/New_York');
    expect(chartZoneOf('us-equity', 'local')).toBe('America/New_York');
    expect(chartZoneOf('crypto', 'UTC')).toBe('UTC');
    expect(chartZoneOf('fx', 'local')).toBe('local');
    expect(chartZoneOf(null, 'UTC')).toBe('UTC');
  });

  it('reads New York wall time across the 2024 spring switch (10 March, 07:00 UTC)', () => {
    expect(zoneOffsetMinutes('America/New_York', utc(2024, 2, 10, 6, 59))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', utc(2024, 2, 10, 7, 0))).toBe(-240);
    // 01:59 EST, then 03:00 EDT: 02:xx never happens.
    expect(wallTime('America/New_York', utc(2024, 2, 10, 6, 59)).minuteOfDay).toBe(1 * 60 + 59);
    expect(wallTime('America/New_York', utc(2024, 2, 10, 7, 0)).minuteOfDay).toBe(3 * 60);
    // The open that day and the day before: 09:30 both times, 14:30 and then 13:30 UTC.
    expect(wallTime('America/New_York', utc(2024, 2, 8, 14, 30)).minuteOfDay).toBe(9 * 60 + 30);
    expect(wallTime('America/New_York', utc(2024, 2, 11, 13, 30)).minuteOfDay).toBe(9 * 60 + 30);
    expect(zoneAbbreviation('America/New_York', utc(2024, 2, 8, 14, 30))).toBe('EST');
    expect(zoneAbbreviation('America/New_York', utc(2024, 2, 11, 13, 30))).toBe('EDT');
  });

  it('reads New York wall time across the 2024 autumn switch (3 November, 06:00 UTC)', () => {
    expect(zoneOffsetMinutes('America/New_York', utc(2024, 10, 3, 5, 59))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', utc(2024, 10, 3, 6, 0))).toBe(-300);
    // 01:59 EDT, then 01:00 EST again.
    expect(wallTime('America/New_York', utc(2024, 10, 3, 5, 59)).minuteOfDay).toBe(1 * 60 + 59);
    expect(wallTime('America/New_York', utc(2024, 10, 3, 6, 0)).minuteOfDay).toBe(1 * 60);
    expect(wallTime('America/New_York', utc(2024, 10, 1, 13, 30)).minuteOfDay).toBe(9 * 60 + 30);
    expect(wallTime('America/New_York', utc(2024, 10, 4, 14, 30)).minuteOfDay).toBe(9 * 60 + 30);
  });

  it('keeps the civil day and the seconds', () => {
    expect(wallTime('UTC', utc(2024, 0, 2, 3, 4, 5))).toEqual({ days: 19_724, minuteOfDay: 184, second: 5 });
    // 00:30 UTC on 2 January is still 1 January in New York.
    expect(wallTime('America/New_York', utc(2024, 0, 2, 0, 30)).days).toBe(19_723);
  });
});
