import { describe, expect, it } from 'vitest';
import { bar } from '../../../../shared/domain/bar';
import { fromChartTime, toCandle, toChartTime, toVolume } from '../../../../src-renderer/chart/series-data';

describe('series data', () => {
  const up = bar(1_700_000_040_000, 10, 12, 9, 11, 250, 7, true);
  const down = bar(1_700_000_100_000, 11, 11.5, 8, 9, 40, 3, false);
  const colors = { up: 'green', down: 'red' };

  it('converts epoch milliseconds to whole seconds and back', () => {
    expect(toChartTime(1_700_000_040_000)).toBe(1_700_000_040);
    expect(toChartTime(1_700_000_040_999)).toBe(1_700_000_040);
    expect(fromChartTime(1_700_000_040)).toBe(1_700_000_040_000);
  });

  it('makes candles and coloured volume bars', () => {
    expect(toCandle(up)).toEqual({ time: 1_700_000_040, open: 10, high: 12, low: 9, close: 11 });
    expect(toVolume(up, colors)).toEqual({ time: 1_700_000_040, value: 250, color: 'green' });
    expect(toVolume(down, colors)).toEqual({ time: 1_700_000_100, value: 40, color: 'red' });
  });
});
