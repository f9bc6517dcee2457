import { describe, expect, it } from 'vitest';
import { excursions, type ExcursionBar } from '../../../../shared/journal/excursions';

const T0 = Date.UTC(2024, 2, 11, 14);
const M = 60_000;
const BARS: ExcursionBar[] = [
  { time: T0 - M, high: 200, low: 1 }, // ends at the entry minute's start: outside
  { time: T0, high: 101, low: 99.5 },
  { time: T0 + M, high: 102.5, low: 100.2 },
  { time: T0 + 2 * M, high: 101, low: 98 },
  { time: T0 + 3 * M, high: 100.5, low: 99 },
  { time: T0 + 4 * M, high: 500, low: 0.5 }, // opens after the exit: outside
];
const trip = { avgEntry: 100, openedAt: T0 + 30_000, closedAt: T0 + 3 * M + 10_000, maxQty: 10, multiplier: 1, risk: 20 };

describe('excursions', () => {
  it('long: MFE/MAE in price, money and R from the overlapping 1m bars', () => {
    expect(excursions({ ...trip, side: 'long' }, [...BARS].reverse())).toEqual({
      mfePrice: 2.5,
      maePrice: 2,
      mfe: 25,
      mae: 20,
      mfeR: 1.25,
      maeR: 1,
      mfeAt: T0 + M,
      maeAt: T0 + 2 * M,
      bars: 4,
    });
  });

  it('short: favourable is down; an option counts its multiplier; no risk, no R', () => {
    expect(excursions({ ...trip, side: 'short', multiplier: 100, maxQty: 2, risk: null }, BARS)).toEqual({
      mfePrice: 2,
      maePrice: 2.5,
      mfe: 400,
      mae: 500,
      mfeR: null,
      maeR: null,
      mfeAt: T0 + 2 * M,
      maeAt: T0 + M,
      bars: 4,
    });
  });

  it('never negative; an open trip ends at `until`; no bars, null', () => {
    const up: ExcursionBar[] = [{ time: T0, high: 103, low: 100.5 }];
    const r = excursions({ ...trip, side: 'long', closedAt: null }, [...up, { time: T0 + 9 * M, high: 90, low: 80 }], T0 + 5 * M);
    expect([r?.mfePrice, r?.maePrice, r?.bars]).toEqual([3, 0, 1]);
    expect(excursions({ ...trip, side: 'long' }, [])).toBeNull();
  });
});
