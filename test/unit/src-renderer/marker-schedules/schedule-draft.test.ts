import { describe, expect, it } from 'vitest';
import { draftOf, entryLines, newDraft, scheduleOfDraft } from '../../../../src-renderer/marker-schedules/schedule-draft';

describe('entryLines', () => {
  it('one entry a line, trimmed, blank lines skipped, each with its 1-based line', () => {
    expect(entryLines('09:30\n\n  10:00 \r\n\n10:30\n')).toEqual({ entries: ['09:30', '10:00', '10:30'], lines: [1, 3, 5] });
    expect(entryLines('')).toEqual({ entries: [], lines: [] });
  });
});

describe('scheduleOfDraft', () => {
  it('times and dates from the textarea, with the line of each entry', () => {
    expect(scheduleOfDraft({ ...newDraft(), name: 'half hours', entries: '09:30\n\n10:00' })).toEqual({
      ok: true,
      schedule: { name: 'half hours', kind: 'times', times: ['09:30', '10:00'] },
      lines: [1, 3],
    });
    expect(scheduleOfDraft({ ...newDraft(), name: 'd', kind: 'dates', entries: '2024-01-02\n2024-01-03T10:30' })).toEqual({
      ok: true,
      schedule: { name: 'd', kind: 'dates', dates: ['2024-01-02', '2024-01-03T10:30'] },
      lines: [1, 2],
    });
  });

  it('sessions from every and anchor; every must be a whole number before it can be sent', () => {
    expect(scheduleOfDraft({ ...newDraft(), name: 's', kind: 'sessions', every: ' 5 ', anchor: ' 2024-01-02 ' })).toEqual({
      ok: true,
      schedule: { name: 's', kind: 'sessions', every: 5, anchor: '2024-01-02' },
      lines: [],
    });
    expect(scheduleOfDraft({ ...newDraft(), kind: 'sessions', every: '2.5' })).toEqual({ ok: false, errors: { every: '"2.5" is not a whole number of sessions' } });
    expect(scheduleOfDraft({ ...newDraft(), kind: 'sessions', every: '' })).toEqual({ ok: false, errors: { every: '"" is not a whole number of sessions' } });
  });
});

describe('draftOf', () => {
  it('fills the form with a schedule to edit it', () => {
    expect(draftOf({ name: 'a', kind: 'times', times: ['09:30', '10:00'] })).toEqual({ original: 'a', name: 'a', kind: 'times', entries: '09:30\n10:00', every: '2', anchor: '2015-01-02' });
    expect(draftOf({ name: 'b', kind: 'sessions', every: 7, anchor: '2020-01-02' })).toEqual({ original: 'b', name: 'b', kind: 'sessions', entries: '', every: '7', anchor: '2020-01-02' });
    expect(draftOf({ name: 'c', kind: 'dates', dates: ['2024-01-02'] }).entries).toBe('2024-01-02');
  });
});
