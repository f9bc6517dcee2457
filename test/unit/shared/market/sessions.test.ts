import { describe, expect, it } from 'vitest';
import { barsFromColumns, columnsFromBars } from '../../../../shared/domain/bar-columns';
import { bar } from '../../../../shared/domain/bar';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../shared/domain/interval';
import { aggregate } from '../../../../shared/market/aggregate';
import { bucketOf } from '../../../../shared/market/bucket';
import { daysFromCivil, isoDate } from '../../../../shared/market/civil-date';
import { nyOffsetMinutes } from '../../../../shared/market/new-york-time';
import { sessionsBetween, usEquitySession } from '../../../../shared/market/sessions';
import { nyseHolidays } from '../../../../shared/market/us-equity-calendar';

const nyClock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const ny = (t: number): string => nyClock.format(t);
// One formatter for all 271,752 hours: building one per call is what made this test slow.
const nyOffsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' });
const intlOffset = (t: number): number => {
  const s = nyOffsetFormat.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(s);
  return m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

describe('New York time by rule', () => {
  it('matches Intl for every hour from 2000 to 2030', () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2031, 0, 1);
    let mismatches = 0;
    for (let t = from; t < to; t += HOUR_MS) if (nyOffsetMinutes(t) !== intlOffset(t)) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe('NYSE calendar', () => {
  it('knows the 2024 and 2025 holidays', () => {
    const dates = (y: number) => [...nyseHolidays(y)].sort((a, b) => a - b).map(isoDate);
    expect(dates(2024)).toEqual(['2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25']);
    expect(dates(2025)).toEqual(['2025-01-01', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25']);
  });

  it('opens 09:30-16:00 New York, closes early at 13:00 after Thanksgiving, and not at all on holidays or weekends', () => {
    const s = usEquitySession(daysFromCivil(2024, 3, 11));
    expect(s && [ny(s.open), ny(s.close)]).toEqual(['09:30', '16:00']);
    const friday = usEquitySession(daysFromCivil(2024, 11, 29));
    expect(friday && ny(friday.close)).toBe('13:00');
    expect(usEquitySession(daysFromCivil(2024, 7, 4))).toBeNull();
    expect(usEquitySession(daysFromCivil(2024, 3, 9))).toBeNull();
    expect(sessionsBetween('us-equity', Date.UTC(2024, 6, 1), Date.UTC(2024, 6, 8)).map((x) => isoDate(x.date))).toEqual([
      '2024-07-01', '2024-07-02', '2024-07-03', '2024-07-05',
    ]);
  });
});

describe('DST: US-equity 5m buckets start at 09:30 New York on the switch days', () => {
  it.each([
    ['2024-03-11', 2024, 3, 11, 13], // first session after the March switch (EDT, UTC-4)
    ['2024-03-08', 2024, 3, 8, 14], // last session before it (EST, UTC-5)
    ['2024-11-04', 2024, 11, 4, 14], // first session after the November switch (EST)
    ['2024-11-01', 2024, 11, 1, 13], // last session before it (EDT)
  ])('%s', (_label, y, m, d, openUtcHour) => {
    const day = daysFromCivil(y, m, d);
    const open = day * DAY_MS + openUtcHour * HOUR_MS + 30 * MINUTE_MS;
    const minutes = Array.from({ length: 390 }, (_, i) => bar(open + i * MINUTE_MS, 10, 11, 9, 10.5, 1, 1, true));
    // plus pre- and post-market minutes, which belong to no regular-session bucket
    const extended = [bar(open - 30 * MINUTE_MS, 10, 10, 10, 10, 1, 1, true), ...minutes, bar(open + 400 * MINUTE_MS, 10, 10, 10, 10, 1, 1, true)];
    const fives = barsFromColumns(aggregate('us-equity', '5m', columnsFromBars(extended), { baseMs: MINUTE_MS }));
    expect(fives).toHaveLength(78);
    expect(ny(fives[0]!.time)).toBe('09:30');
    expect(ny(fives[1]!.time)).toBe('09:35');
    expect(ny(fives[77]!.time)).toBe('15:55');
    expect(fives.every((b) => b.volume === 5 && b.final)).toBe(true);
    const hours = barsFromColumns(aggregate('us-equity', '1h', columnsFromBars(minutes), { baseMs: MINUTE_MS }));
    expect(hours.map((b) => ny(b.time))).toEqual(['09:30', '10:30', '11:30', '12:30', '13:30', '14:30', '15:30']);
    expect(hours.map((b) => b.volume)).toEqual([60, 60, 60, 60, 60, 60, 30]);
  });

  it('puts a day bar at the session open and a week bar from Monday open to Friday close', () => {
    const day = bucketOf('us-equity', '1d', Date.UTC(2024, 2, 11, 15));
    expect(day && [ny(day.start), ny(day.end)]).toEqual(['09:30', '16:00']);
    const week = bucketOf('us-equity', '1w', Date.UTC(2024, 2, 13, 15));
    expect(week && [new Date(week.start).toISOString(), new Date(week.end).toISOString()]).toEqual(['2024-03-11T13:30:00.000Z', '2024-03-15T20:00:00.000Z']);
    expect(bucketOf('us-equity', '5m', Date.UTC(2024, 2, 11, 12))).toBeNull();
  });
});

describe('crypto buckets', () => {
  it('are UTC epoch aligned, with weeks from Monday 00:00 UTC', () => {
    const t = Date.UTC(2024, 0, 3, 13, 47, 12); // a Wednesday
    expect(bucketOf('crypto', '4h', t)).toEqual({ start: Date.UTC(2024, 0, 3, 12), end: Date.UTC(2024, 0, 3, 16) });
    expect(bucketOf('crypto', '1d', t)).toEqual({ start: Date.UTC(2024, 0, 3), end: Date.UTC(2024, 0, 4) });
    expect(bucketOf('crypto', '1w', t)).toEqual({ start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 8) });
  });
});
