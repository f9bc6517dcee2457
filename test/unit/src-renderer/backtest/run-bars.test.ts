import { describe, expect, it } from 'vitest';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { loadRunBars } from '../../../../src-renderer/backtest/run-bars';
import { fakeClient } from '../fakes';
import { T0 } from './backtest-fixtures';

const H = 3_600_000;
const at = (hour: number): Bar => bar(T0 + hour * H, 10, 11, 9, 10.5, 100, 5, true);
const SERIES = { source: 'binance', symbol: 'BTCUSDT', interval: '1h', from: T0, to: T0 + 4 * H } as const;

describe('loadRunBars', () => {
  it('loads the run\u2019s range, paging back while answers are truncated', async () => {
    const client = fakeClient();
    client.answer((_method, params) => {
      const to = (params as { to: number }).to;
      return to === SERIES.to
        ? { ...SERIES, market: 'crypto', bars: [at(2), at(3)], truncated: true }
        : { ...SERIES, market: 'crypto', bars: [at(0), at(1)], truncated: false };
    });
    const loaded = await loadRunBars(client, SERIES);
    expect(loaded).toEqual({ bars: [at(0), at(1), at(2), at(3)], truncated: false });
    expect(client.calls).toEqual([
      { method: 'bars.get', params: { ...SERIES, limit: 50_000 } },
      { method: 'bars.get', params: { ...SERIES, to: T0 + 2 * H, limit: 50_000 } },
    ]);
  });

  it('stops at the page limit and says the chart is truncated', async () => {
    const client = fakeClient();
    client.answer(() => ({ ...SERIES, market: 'crypto', bars: [at(3)], truncated: true }));
    expect(await loadRunBars(client, SERIES, 1)).toEqual({ bars: [at(3)], truncated: true });
    expect(client.calls).toHaveLength(1);
  });

  it('treats an empty answer as complete', async () => {
    const client = fakeClient();
    client.answer(() => ({ ...SERIES, market: 'crypto', bars: [], truncated: false }));
    expect(await loadRunBars(client, SERIES)).toEqual({ bars: [], truncated: false });
  });
});
