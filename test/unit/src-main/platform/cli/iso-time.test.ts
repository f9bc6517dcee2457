import { describe, expect, it } from 'vitest';
import { isoEndFlag, isoTimeFlag } from '../../../../../src-main/platform/cli/iso-time';

const refusal = (schema: typeof isoTimeFlag, s: string): string | undefined => {
  const r = schema.safeParse(s);
  return r.success ? undefined : r.error.issues[0]?.message;
};

describe('--from / --to', () => {
  it('take real dates and times as UTC ms; a bare --to includes its day', () => {
    expect(isoTimeFlag.parse('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(isoEndFlag.parse('2024-02-29')).toBe(Date.UTC(2024, 2, 1));
    expect(isoTimeFlag.parse('2024-03-11T14:30+01:00')).toBe(Date.UTC(2024, 2, 11, 13, 30));
    // The end of the range is a valid exclusive end.
    expect(isoEndFlag.parse('2099-12-31')).toBe(Date.UTC(2100, 0, 1));
  });

  it('refuse unreal dates instead of rolling them over', () => {
    expect(refusal(isoTimeFlag, '2024-02-30')).toBe('2024-02-30 is not a real calendar date');
    expect(refusal(isoTimeFlag, '2023-02-29')).toBe('2023-02-29 is not a real calendar date');
    expect(refusal(isoTimeFlag, '2024-01-01T25:00')).toBe('2024-01-01T25:00 is not a real time of day');
  });

  it('refuse times outside the range the store and the contract hold', () => {
    expect(refusal(isoTimeFlag, '1900-01-01')).toBe('1900-01-01 is outside the supported range 1970-01-01..2100-01-01 (UTC)');
    expect(refusal(isoTimeFlag, '1969-12-31T23:59Z')).toBe('1969-12-31T23:59Z is outside the supported range 1970-01-01..2100-01-01 (UTC)');
    expect(refusal(isoEndFlag, '2100-01-01')).toBe('2100-01-01 is outside the supported range 1970-01-01..2100-01-01 (UTC)');
    expect(refusal(isoTimeFlag, '9999-12-31')).toBe('9999-12-31 is outside the supported range 1970-01-01..2100-01-01 (UTC)');
  });
});
