import { describe, expect, it } from 'vitest';
import type { MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { checkCsvImport, csvFileProblem } from '../../../../src-renderer/marker-schedules/csv-import-check';

const MINE: MarkerSchedule[] = [{ name: 'fomc', kind: 'dates', dates: ['2024-01-31'] }];
const file = (text: string) => ({ fileName: 'stamps.csv', text });

describe('checkCsvImport', () => {
  it('a CSV of timestamps becomes a dates schedule (header skipped, first column, zones turned into New York)', () => {
    const text = 'time,price\n2024-03-08,1\n2024-03-11 10:30,2\n\n2024-03-12T14:00:00Z,3\n';
    expect(checkCsvImport('earnings', file(text), MINE)).toEqual({
      ok: true,
      schedule: { name: 'earnings', kind: 'dates', dates: ['2024-03-08', '2024-03-11T10:30', '2024-03-12T10:00'] },
    });
  });

  it('a bad line is named under the file', () => {
    expect(checkCsvImport('x', file('time\n2024-03-08\n2024-03-11 10:3O\n'), MINE)).toEqual({
      ok: false,
      errors: { file: 'line 3: "2024-03-11 10:3O" is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM' },
    });
    expect(checkCsvImport('x', file('2024-03-11\n2024-03-08\n'), MINE)).toEqual({
      ok: false,
      errors: { file: 'line 2: "2024-03-08" is not after dates[0] "2024-03-11" (the list must be sorted, without duplicates)' },
    });
    expect(checkCsvImport('x', file('2024-03-11 08:00\n'), MINE)).toEqual({
      ok: false,
      errors: { file: 'line 1: "2024-03-11T08:00" is outside the regular session 09:30–16:00 (New York)' },
    });
    expect(checkCsvImport('x', file('time\n\n'), MINE)).toEqual({ ok: false, errors: { file: 'the file holds no timestamps' } });
  });

  it('the name: given, not a built-in’s, not one of yours, well formed', () => {
    expect(checkCsvImport(' ', file('2024-03-08'), MINE)).toEqual({ ok: false, errors: { name: 'give the schedule a name' } });
    expect(checkCsvImport('ny-10m', file('2024-03-08'), MINE)).toEqual({ ok: false, errors: { name: '"ny-10m" is the name of a built-in schedule' } });
    expect(checkCsvImport('fomc', file('2024-03-08'), MINE)).toEqual({ ok: false, errors: { name: '"fomc" is already the name of one of your schedules' } });
    expect(checkCsvImport(' fomc', file('2024-03-08'), MINE)).toEqual({ ok: false, errors: { name: 'a schedule name has no leading or trailing spaces' } });
    expect(checkCsvImport('auto', file('2024-03-08'), MINE)).toEqual({ ok: false, errors: { name: '"auto" is reserved (it picks a built-in schedule from the bar interval)' } });
  });

  it('no file chosen', () => {
    expect(checkCsvImport('x', null, MINE)).toEqual({ ok: false, errors: { file: 'choose a CSV file of timestamps' } });
  });
});

describe('csvFileProblem', () => {
  it('a file over 2 MB is not read', () => {
    expect(csvFileProblem(2 * 1024 * 1024)).toBeNull();
    expect(csvFileProblem(2 * 1024 * 1024 + 1)).toBe('the file is larger than 2 MB; a schedule holds at most 10,000 timestamps');
  });
});
