import { describe, expect, it } from 'vitest';
import { bar, type Bar } from '../../../../../../shared/domain/bar';
import { DAY_MS, MINUTE_MS } from '../../../../../../shared/domain/interval';
import { HistoryReadAhead, READ_AHEAD_MS } from '../../../../../../src-main/market-data/feeds/alpaca/history-read-ahead';

/** A bar every 10 minutes, from whatever is asked. */
function venue(): { calls: [number, number][]; fetch: (s: string, from: number, to: number) => Promise<Bar[]> } {
  const calls: [number, number][] = [];
  return {
    calls,
    fetch: (_s, from, to) => {
      calls.push([from, to]);
      const out: Bar[] = [];
      for (let t = Math.ceil(from / (10 * MINUTE_MS)) * 10 * MINUTE_MS; t < to; t += 10 * MINUTE_MS) out.push(bar(t, 1, 1, 1, 1, 1, 1, true));
      return Promise.resolve(out);
    },
  };
}

describe('HistoryReadAhead', () => {
  const JAN = Date.UTC(2024, 0, 2);

  it('answers the sessions after the first from one two-week fetch', async () => {
    let now = Date.UTC(2024, 2, 1);
    const v = venue();
    const ra = new HistoryReadAhead(v.fetch, () => now, 2_000);
    for (let d = 0; d < 10; d++) {
      const from = JAN + d * DAY_MS + 14.5 * 3_600_000;
      const got = await ra.bars('AAPL', from, from + 390 * MINUTE_MS);
      expect(got).toHaveLength(39);
      expect(got[0]?.time).toBe(from);
      now += 1_000;
    }
    expect(v.calls).toEqual([[JAN + 14.5 * 3_600_000, JAN + 14.5 * 3_600_000 + READ_AHEAD_MS]]);
  });

  it('never reads past now, and asks again for what had not closed when it was fetched', async () => {
    const now = JAN + 15 * 3_600_000 + 30_000;
    const v = venue();
    const ra = new HistoryReadAhead(v.fetch, () => now, 2_000);
    await ra.bars('AAPL', JAN + 14.5 * 3_600_000, JAN + 14.75 * 3_600_000);
    expect(v.calls[0]?.[1]).toBe(JAN + 15 * 3_600_000);
    await ra.bars('AAPL', JAN + 14.75 * 3_600_000, JAN + 15 * 3_600_000);
    expect(v.calls).toHaveLength(2);
  });

  it('fetches again once a window is five minutes old', async () => {
    let now = Date.UTC(2024, 2, 1);
    const v = venue();
    const ra = new HistoryReadAhead(v.fetch, () => now, 2_000);
    await ra.bars('AAPL', JAN, JAN + DAY_MS);
    now += 5 * 60_000;
    await ra.bars('AAPL', JAN + DAY_MS, JAN + 2 * DAY_MS);
    expect(v.calls).toHaveLength(2);
  });
});
