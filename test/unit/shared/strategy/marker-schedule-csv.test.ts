import { describe, expect, it } from 'vitest';
import { csvStampEntry, markerScheduleFromCsv } from '../../../../shared/strategy/marker-schedule-csv';

describe('markerScheduleFromCsv', () => {
  it('reads one timestamp a line, with a header, blank lines and extra columns, into a dates schedule', () => {
    const text = 'time,label\n2024-03-08,first\n\n2024-03-11 10:00,second\r\n"2024-03-12T13:30:00Z"\n2024-11-29T17:45:00+00:00\n';
    expect(markerScheduleFromCsv('imported', text)).toEqual({
      ok: true,
      schedule: { name: 'imported', kind: 'dates', dates: ['2024-03-08', '2024-03-11T10:00', '2024-03-12T09:30', '2024-11-29T12:45'] },
    });
  });

  it.each([
    ['2024-03-11\n2024-03-08\n', 2, 'line 2: "2024-03-08" is not after dates[0] "2024-03-11" (the list must be sorted, without duplicates)'],
    ['date\n2024-03-11\n\n2024-03-11\n', 4, 'line 4: "2024-03-11" repeats dates[0] "2024-03-11" (the list must be sorted, without duplicates)'],
    ['2024-03-11\n2024-03-12 08:00\n', 2, 'line 2: "2024-03-12T08:00" is outside the regular session 09:30–16:00 (New York)'],
    ['2024-03-11\nsoon\n', 2, 'line 2: "soon" is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM'],
    ['2024-03-11 10:00:30\n', 1, 'line 1: "2024-03-11 10:00:30" has seconds; markers fall on whole minutes'],
    ['2024-02-30\n', 1, 'line 1: "2024-02-30" is not a calendar date'],
    ['time\n\n', 0, 'the file holds no timestamps'],
  ])('%j is refused at line %i', (text, line, message) => {
    expect(markerScheduleFromCsv('x', text)).toEqual({ ok: false, line, message });
  });

  it('turns an instant with an offset into New York time (EST in winter, EDT in summer)', () => {
    expect(csvStampEntry('2024-01-10T15:00:00Z')).toEqual({ entry: '2024-01-10T10:00' });
    expect(csvStampEntry('2024-07-10T15:00-04:00')).toEqual({ entry: '2024-07-10T15:00' });
    expect(csvStampEntry('2024-07-10')).toEqual({ entry: '2024-07-10' });
  });
});
