import { describe, expect, it } from 'vitest';
import { bar } from '../../../../shared/domain/bar';
import { changePercent, dailyQuote } from '../../../../src-renderer/bars/daily-change';

const DAY = 86_400_000;
const day = (n: number, close: number) => bar(n * DAY, close, close, close, close, 1, 1, true);

describe('dailyQuote', () => {
  it('compares the last close with the previous day close', () => {
    expect(dailyQuote([day(1, 90), day(2, 100), day(3, 110)])).toEqual({ last: 110, changePct: 10, time: 3 * DAY });
    expect(dailyQuote([day(1, 200), day(2, 150)])).toEqual({ last: 150, changePct: -25, time: 2 * DAY });
  });

  it('has a last price but no change with one day of bars, and nothing without bars', () => {
    expect(dailyQuote([day(1, 42)])).toEqual({ last: 42, changePct: null, time: DAY });
    expect(dailyQuote([])).toBeNull();
  });
});

describe('changePercent', () => {
  it('is exact for round numbers', () => {
    expect(changePercent(100, 101.5)).toBe(1.5);
    expect(changePercent(50, 50)).toBe(0);
    expect(changePercent(80, 60)).toBe(-25);
  });

  it('refuses a zero or missing base', () => {
    expect(changePercent(0, 10)).toBeNull();
    expect(changePercent(Number.NaN, 10)).toBeNull();
    expect(changePercent(10, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
