import { describe, expect, it } from 'vitest';
import { bar } from '../../../../shared/domain/bar';
import { formatSignedPrice, legendModel } from '../../../../src-renderer/chart/legend-model';

const utc = Date.UTC;

describe('legendModel', () => {
  it('dates the bar in the pane\u2019s zone and measures the change from the previous close', () => {
    const b = bar(utc(2024, 2, 11, 13, 30), 510.1, 512.4, 509.9, 511.25, 1_234_567, 100, true);
    expect(legendModel(b, 510, 2, { zone: 'America/New_York', market: 'us-equity', interval: '5m' })).toEqual({
      time: 'Mon 2024-03-11 09:30 EDT',
      fields: [
        ['O', '510.10'],
        ['H', '512.40'],
        ['L', '509.90'],
        ['C', '511.25'],
        ['V', '1.23M'],
      ],
      change: '+1.25',
      changePct: '+0.25%',
      tone: 'good',
      forming: false,
    });
  });

  it('shows a fall with a true minus, a day bar without a clock, and no change for the first bar', () => {
    const down = bar(utc(2024, 2, 5), 100, 101, 95, 97, 5, 1, false);
    const daily = legendModel(down, 100, 1, { zone: 'UTC', market: 'crypto', interval: '1d' });
    expect(daily).toMatchObject({ time: 'Tue 2024-03-05', change: '\u22123.0', changePct: '\u22123.00%', tone: 'bad', forming: true });
    expect(legendModel(down, null, 1, { zone: 'UTC', market: 'crypto', interval: '1m' })).toMatchObject({ time: 'Tue 2024-03-05 00:00 UTC', change: '\u2014', changePct: '\u2014', tone: 'muted' });
  });

  it('formats signed price differences', () => {
    expect([formatSignedPrice(1.5, 2), formatSignedPrice(-0.004, 2), formatSignedPrice(0, 0), formatSignedPrice(-2, 0)]).toEqual(['+1.50', '0.00', '0', '\u22122']);
  });
});
