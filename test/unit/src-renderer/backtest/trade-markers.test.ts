import { describe, expect, it } from 'vitest';
import { markerId, snapToBar, tradeMarkers, tradeRange } from '../../../../src-renderer/backtest/trade-markers';
import { T0, trade } from './backtest-fixtures';

const H = 3_600_000;
const S0 = T0 / 1000;
const BARS = [T0, T0 + H, T0 + 2 * H, T0 + 3 * H];
const COLORS = { win: 'green', loss: 'red' };

describe('snapToBar', () => {
  it('finds the bar holding a time', () => {
    expect(snapToBar(BARS, T0 + H)).toBe(T0 + H);
    expect(snapToBar(BARS, T0 + H + 300_000)).toBe(T0 + H);
    expect(snapToBar(BARS, T0 + 10 * H)).toBe(T0 + 3 * H);
    expect(snapToBar(BARS, T0 - 1)).toBeNull();
    expect(snapToBar([], T0)).toBeNull();
  });
});

describe('tradeMarkers', () => {
  it('puts an entry arrow and an exit circle on a winning long, with the reasons', () => {
    expect(tradeMarkers([trade()], BARS, COLORS, true)).toEqual([
      { id: 't0:entry', time: S0 + 3600, position: 'belowBar', shape: 'arrowUp', color: 'green', text: 'Long: SMA 10 crossed above SMA 30' },
      { id: 't0:exit', time: S0 + 3 * 3600, position: 'aboveBar', shape: 'circle', color: 'green', text: 'SMA 10 crossed below SMA 30 +9.75%' },
    ]);
  });

  it('mirrors a losing short, labels exits with the return only without reasons, and sorts by time', () => {
    const short = trade({ side: 'short', entryTime: (T0 + 2 * H) as never, exitTime: (T0 + 3 * H) as never, pnl: -4, returnPct: -2 });
    const long = trade({ entryTime: T0 as never, exitTime: (T0 + 2 * H) as never });
    expect(tradeMarkers([short, long], BARS, COLORS, false)).toEqual([
      { id: 't1:entry', time: S0, position: 'belowBar', shape: 'arrowUp', color: 'green' },
      { id: 't0:entry', time: S0 + 7200, position: 'aboveBar', shape: 'arrowDown', color: 'red' },
      { id: 't1:exit', time: S0 + 7200, position: 'aboveBar', shape: 'circle', color: 'green', text: '+9.75%' },
      { id: 't0:exit', time: S0 + 10_800, position: 'belowBar', shape: 'circle', color: 'red', text: '\u22122.00%' },
    ]);
  });

  it('snaps to the bars shown and leaves out ends before them', () => {
    const early = trade({ entryTime: (T0 - 5 * H) as never, exitTime: (T0 + H + 60_000) as never, pnl: 0 });
    expect(tradeMarkers([early], BARS, COLORS, false)).toEqual([
      { id: 't0:exit', time: S0 + 3600, position: 'aboveBar', shape: 'circle', color: 'red', text: '+9.75%' },
    ]);
    expect(markerId(3, 'exit')).toBe('t3:exit');
  });

  it('draws the focused trade\u2019s markers larger', () => {
    const markers = tradeMarkers([trade(), trade({ entryTime: (T0 + 2 * H) as never })], BARS, COLORS, false, 1);
    expect(markers.map((m) => [m.id, m.size])).toEqual([
      ['t0:entry', undefined],
      ['t1:entry', 2],
      ['t0:exit', undefined],
      ['t1:exit', 2],
    ]);
  });

  it('frames a trade with bars either side', () => {
    expect(tradeRange(trade(), H, 2)).toEqual({ from: S0 - 3600, to: S0 + 5 * 3600 });
    expect(tradeRange(trade({ entryTime: 0 as never }), H, 2)).toEqual({ from: 0, to: S0 + 5 * 3600 });
  });
});
