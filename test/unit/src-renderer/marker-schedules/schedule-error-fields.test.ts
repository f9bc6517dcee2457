import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../../../shared/contract';
import { draftErrorsOf } from '../../../../src-renderer/marker-schedules/schedule-error-fields';

const refusal = (path: string, message: string): ContractError => ({ code: 'BAD_REQUEST', path, message: `${path}: ${message}` });

describe('draftErrorsOf', () => {
  it('an entry of the saved schedule: under the entries, with its textarea line', () => {
    // Entry 3 came from line 4 (a blank line above it).
    const error = refusal('params.markerSchedules[2].times[3]', '"09:35x" is not a time of day HH:MM');
    expect(draftErrorsOf(error, 2, [1, 2, 3, 4])).toEqual({ entries: 'line 4: "09:35x" is not a time of day HH:MM' });
    expect(draftErrorsOf(error, 2, [1, 2, 4, 6])).toEqual({ entries: 'line 6: "09:35x" is not a time of day HH:MM' });
    expect(draftErrorsOf(refusal('params.markerSchedules[0].dates[1]', '"2024-13-01" is not a date'), 0, [1, 2])).toEqual({ entries: 'line 2: "2024-13-01" is not a date' });
  });

  it('reads a dotted path as well', () => {
    expect(draftErrorsOf(refusal('params.markerSchedules.2.times.3', '"09:35x" is not a time of day HH:MM'), 2, [1, 2, 3, 4])).toEqual({
      entries: 'line 4: "09:35x" is not a time of day HH:MM',
    });
  });

  it('a field of the saved schedule: under that field', () => {
    expect(draftErrorsOf(refusal('params.markerSchedules[1].name', '"ny-10m" is the name of a built-in schedule'), 1, [])).toEqual({ name: '"ny-10m" is the name of a built-in schedule' });
    expect(draftErrorsOf(refusal('params.markerSchedules[0].every', 'Too small: expected number to be >=1'), 0, [])).toEqual({ every: 'Too small: expected number to be >=1' });
    expect(draftErrorsOf(refusal('params.markerSchedules[0].anchor', '"2024-02-30" is not a date YYYY-MM-DD'), 0, [])).toEqual({ anchor: '"2024-02-30" is not a date YYYY-MM-DD' });
    expect(draftErrorsOf(refusal('params.markerSchedules[0].times', 'give at least one time (HH:MM, New York)'), 0, [])).toEqual({ entries: 'give at least one time (HH:MM, New York)' });
  });

  it('another schedule, the list as a whole or another field: the form’s, message whole', () => {
    const other = refusal('params.markerSchedules[0].times[1]', '"x" is not a time of day HH:MM');
    expect(draftErrorsOf(other, 3, [1, 2])).toEqual({ '': other.message });
    const list = refusal('params.markerSchedules', 'Too big: expected array to have <=50 items');
    expect(draftErrorsOf(list, 50, [])).toEqual({ '': list.message });
    expect(draftErrorsOf({ code: 'UNAVAILABLE', path: '', message: 'not connected' }, 0, [])).toEqual({ '': 'not connected' });
  });
});
