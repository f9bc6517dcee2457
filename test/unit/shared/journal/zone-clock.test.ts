import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../../shared/journal/zone-clock';
import { nyOffsetMinutes } from '../../../../shared/market/new-york-time';

describe('ZoneClock', () => {
  it('agrees with the statutory New York rules every 20 minutes of 2024 (cached per day)', () => {
    const clock = new ZoneClock('America/New_York');
    let checked = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 20 * 60_000) {
      expect(clock.offsetMs(t)).toBe(nyOffsetMinutes(t) * 60_000);
      checked++;
    }
    expect(checked).toBe(366 * 72);
  });

  it('gives local date, hour and weekday', () => {
    const ny = new ZoneClock('America/New_York');
    // 2024-03-10 06:59:59Z is 01:59:59 EST; 07:00Z is 03:00 EDT.
    expect(ny.local(Date.UTC(2024, 2, 10, 6, 59, 59))).toEqual({ days: 19792, minuteOfDay: 119, hour: 1, weekday: 0 });
    expect(ny.local(Date.UTC(2024, 2, 10, 7))).toEqual({ days: 19792, minuteOfDay: 180, hour: 3, weekday: 0 });
    const kolkata = new ZoneClock('Asia/Kolkata');
    expect(kolkata.local(Date.UTC(2024, 0, 1, 18, 30)).minuteOfDay).toBe(0);
  });

  it('turns wall time into an instant: skipped times are null, repeated times the first', () => {
    const ny = new ZoneClock('America/New_York');
    expect(ny.instant(Date.UTC(2024, 2, 11, 9, 30))).toBe(Date.UTC(2024, 2, 11, 13, 30));
    expect(ny.instant(Date.UTC(2024, 2, 10, 2, 30))).toBeNull();
    expect(ny.instant(Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(ny.instant(Date.UTC(2024, 10, 3, 2, 30))).toBe(Date.UTC(2024, 10, 3, 7, 30));
  });

  it('refuses an unknown zone', () => {
    expect(() => new ZoneClock('Nowhere/Else')).toThrow(RangeError);
  });
});
