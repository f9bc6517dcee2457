import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ChartLayout } from '../../../../../shared/chart/chart-layout-settings';
import { DEFAULT_CHART_LEVELS } from '../../../../../shared/chart/chart-levels-settings';
import type { TapedeckClient } from '../../../../../src-renderer/api/tapedeck-client';
import { createChartReplayStore } from '../../../../../src-renderer/chart/replay/chart-replay-store';
import { createReplayStore } from '../../../../../src-renderer/replay/replay-store';
import type { SettingsSlice } from '../../../../../src-renderer/settings/settings-slice';
import { sym } from '../../feed-fixtures';

const M5 = 5 * 60_000;
const DAY = 86_400_000;
const T0 = 1_796_391_000_000; // a Friday's 09:30 New York
/** A session of 78 5m bars from T0 and the next one three days later (a weekend between). */
const TIMES = [...Array.from({ length: 78 }, (_, i) => T0 + i * M5), ...Array.from({ length: 78 }, (_, i) => T0 + 3 * DAY + i * M5)];

interface Q {
  from?: number;
  to?: number;
  limit?: number;
}

/** A core with the bars above (bars.get answers the newest `limit` of [from, to), as the real one) and a replay clock. */
function fakeCore() {
  const calls: string[] = [];
  let replay = { status: 'idle', source: null as string | null, symbol: null as string | null, from: null as number | null, to: null as number | null, cursor: null as number | null, speed: 1 };
  const call = (method: string, params: Record<string, unknown>): Promise<unknown> => {
    calls.push(method);
    switch (method) {
      case 'bars.get': {
        const q = params as Q;
        const inRange = TIMES.filter((t) => t >= (q.from ?? 0) && t < (q.to ?? Infinity));
        const picked = inRange.slice(Math.max(0, inRange.length - (q.limit ?? 5_000)));
        return Promise.resolve({ bars: picked.map((time) => ({ time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 1, trades: 1, final: true })), older: null });
      }
      case 'replay.start':
        replay = { ...replay, status: 'playing', source: params['source'] as string, symbol: params['symbol'] as string, from: params['from'] as number, to: params['to'] as number, cursor: params['from'] as number };
        return Promise.resolve(replay);
      case 'replay.pause':
        replay = { ...replay, status: 'paused' };
        return Promise.resolve(replay);
      case 'replay.seek':
        replay = { ...replay, cursor: params['time'] as number };
        return Promise.resolve(replay);
      case 'replay.stop':
        replay = { ...replay, status: 'idle', source: null, symbol: null, from: null, to: null, cursor: null };
        return Promise.resolve(replay);
      default:
        return Promise.reject(new Error(`unexpected ${method}`));
    }
  };
  const client = { call, subscribe: () => () => undefined } as unknown as Pick<TapedeckClient, 'call' | 'subscribe'>;
  return { client, calls, replay: () => replay };
}

function layoutSlice(): SettingsSlice<'chartLayout'> {
  const pane = { symbol: sym('SPY'), interval: '5m' as const, source: null, showVolume: true, indicators: [], levels: DEFAULT_CHART_LEVELS };
  const value: ChartLayout = { layout: '1', panes: [pane], activePane: 0, linkSymbols: false, syncCrosshair: false };
  const store = createStore<{ value: ChartLayout | null; update: (edit: (l: ChartLayout) => ChartLayout) => void }>()((set, get) => ({
    value,
    update: (edit) => {
      const current = get().value;
      if (current !== null) set({ value: edit(current) });
    },
  }));
  return store as unknown as SettingsSlice<'chartLayout'>;
}

describe('bar replay from the chart', () => {
  const target = { source: 'sim', symbol: sym('SPY'), interval: '5m' as const };

  it('starts paused with the picked bar the last one shown (clock at the next bar\u2019s open), the pane on the replay source', async () => {
    const core = fakeCore();
    const layout = layoutSlice();
    const store = createChartReplayStore({ client: core.client, layout, replay: createReplayStore(core.client), now: () => T0 + 10 * DAY });
    store.getState().pick(0);
    await store.getState().start(0, target, T0 + 10 * M5 + 60_000);
    expect(store.getState().error).toBeNull();
    expect(store.getState().session).toEqual({ pane: 0, source: 'sim', symbol: 'SPY', interval: '5m', start: T0 + 10 * M5 });
    expect(store.getState().picking).toBeNull();
    expect(core.replay()).toMatchObject({ status: 'paused', cursor: T0 + 11 * M5 });
    expect(layout.getState().value?.panes[0]).toMatchObject({ symbol: 'SPY', source: 'replay' });
  });

  it('steps exactly one bar of the pane\u2019s interval, across the weekend to the next session\u2019s first bar', async () => {
    const core = fakeCore();
    const layout = layoutSlice();
    const store = createChartReplayStore({ client: core.client, layout, replay: createReplayStore(core.client), now: () => T0 + 10 * DAY });
    await store.getState().start(0, target, T0 + 76 * M5);
    // The picked bar is the session's second-to-last: its clock is at the last bar's open.
    expect(core.replay().cursor).toBe(T0 + 77 * M5);
    await store.getState().step();
    // The last bar complete; the next session's first bar not begun.
    expect(core.replay().cursor).toBe(T0 + 3 * DAY);
    await store.getState().step();
    expect(core.replay().cursor).toBe(T0 + 3 * DAY + M5);
  });

  it('Stop ends the replay and gives the pane back its live source with the zoom it had', async () => {
    const core = fakeCore();
    const layout = layoutSlice();
    const store = createChartReplayStore({ client: core.client, layout, replay: createReplayStore(core.client), now: () => T0 + 10 * DAY });
    await store.getState().start(0, target, T0 + 20 * M5);
    await store.getState().stop(120);
    expect(core.replay().status).toBe('idle');
    expect(store.getState().session).toBeNull();
    expect(store.getState().restore).toEqual({ pane: 0, barsInView: 120 });
    expect(layout.getState().value?.panes[0]).toMatchObject({ symbol: 'SPY', source: null });
  });
});
