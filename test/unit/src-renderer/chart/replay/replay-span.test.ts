import { describe, expect, it } from 'vitest';
import { bar } from '../../../../../shared/domain/bar';
import { barsFromQuery, cursorAfter, replayRange, replaySpanMs } from '../../../../../src-renderer/chart/replay/replay-span';

const MIN = 60_000;
const DAY = 86_400_000;

describe('replay span', () => {
  it('keeps 300 bars of context, at least 3 days and at most 20', () => {
    expect(replaySpanMs(MIN)).toBe(3 * DAY);
    expect(replaySpanMs(60 * MIN)).toBe(300 * 60 * MIN);
    expect(replaySpanMs(DAY)).toBe(20 * DAY);
  });

  it('puts the clock at the open of the bar after the one picked, or at its end when none follows', () => {
    const picked = bar(1_000 * MIN, 1, 2, 0.5, 1.5, 1, 1, true);
    expect(cursorAfter(picked, bar(1_100 * MIN, 1, 2, 0.5, 1.5, 1, 1, true), 5 * MIN)).toBe(1_100 * MIN);
    expect(cursorAfter(picked, undefined, 5 * MIN)).toBe(1_005 * MIN);
  });

  it('replays whole minutes from span before the cursor to span after it, not past now', () => {
    expect(replayRange(10_000 * MIN + 30_000, 100 * MIN, 20_000 * MIN)).toEqual({ from: 9_900 * MIN, to: 10_100 * MIN });
    expect(replayRange(10_000 * MIN, 100 * MIN, 10_050 * MIN + 1)).toEqual({ from: 9_900 * MIN, to: 10_050 * MIN });
    // Now at the cursor: still one minute to play.
    expect(replayRange(10_000 * MIN, 100 * MIN, 10_000 * MIN)).toEqual({ from: 9_900 * MIN, to: 10_001 * MIN });
  });

  it('bounds the bars-after query (bars.get answers the newest of a range): count intervals and five days on', () => {
    expect(barsFromQuery(1_000 * MIN, 5 * MIN, 2)).toEqual({ from: 1_000 * MIN, to: 1_010 * MIN + 5 * DAY, limit: 50_000 });
    expect(barsFromQuery(0, 7 * DAY, 1)).toEqual({ from: 0, to: 12 * DAY, limit: 50_000 });
  });
});
