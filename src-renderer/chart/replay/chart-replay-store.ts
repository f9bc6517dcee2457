import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../../shared/contract';
import { INTERVAL_MS, type Interval } from '../../../shared/domain/interval';
import type { SourceId } from '../../../shared/domain/source';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { TapedeckClient } from '../../api/tapedeck-client';
import { toContractError } from '../../app/to-contract-error';
import { withPaneLive, withPaneSource } from '../../layout/layout-edit';
import type { ReplayAction, ReplayStore } from '../../replay/replay-store';
import type { SettingsSlice } from '../../settings/settings-slice';
import type { ChartTarget } from '../chart-target';
import { barsFromQuery, cursorAfter, replayRange, replaySpanMs } from './replay-span';

/** A replay started from a pane. */
export interface ChartReplaySession {
  readonly pane: number;
  /** The series replayed (the pane's live source). */
  readonly source: SourceId;
  readonly symbol: SymbolId;
  readonly interval: Interval;
  /** Open time of the bar picked: the last bar shown when the replay starts. */
  readonly start: number;
}

export interface ChartReplayState {
  /** The pane waiting for a bar to be picked (Alt+R, its replay button), or null. */
  readonly picking: number | null;
  readonly session: ChartReplaySession | null;
  readonly busy: boolean;
  readonly error: ContractError | null;
  /** After Stop: the pane that goes back to live and how many bars it showed (its zoom), until it has drawn. */
  readonly restore: { readonly pane: number; readonly barsInView: number } | null;
  readonly pick: (pane: number) => void;
  readonly cancelPick: () => void;
  /** Replays `target` in pane `pane` from the bar containing `time` (that bar and the context before it shown, the rest hidden), paused. */
  readonly start: (pane: number, target: ChartTarget, time: number) => Promise<void>;
  /** Plays exactly the pane's next bar (one bar of its interval), then pauses. */
  readonly step: () => Promise<void>;
  readonly play: () => Promise<void>;
  readonly pause: () => Promise<void>;
  readonly setSpeed: (speed: number) => Promise<void>;
  /** Ends the replay; the pane goes back to live with the zoom it had (`barsInView`). */
  readonly stop: (barsInView: number | null) => Promise<void>;
  readonly restored: () => void;
}

export type ChartReplayStore = StoreApi<ChartReplayState>;

export interface ChartReplayDeps {
  readonly client: Pick<TapedeckClient, 'call'>;
  readonly layout: SettingsSlice<'chartLayout'>;
  readonly replay: ReplayStore;
  readonly now?: () => number;
}

/**
 * Bar replay from the chart (TradingView's Bar Replay) over the replay
 * contract: pick a bar, and the pane shows the replayed series (`replay`
 * source) with that bar last and the future hidden; play, pause, step one
 * bar of the pane's interval, change speed; Stop ends it and gives the pane
 * back its live source. A replay stopped elsewhere (the Replay tab) ends the
 * session the same way.
 */
export function createChartReplayStore({ client, layout, replay, now = Date.now }: ChartReplayDeps): ChartReplayStore {
  const store = createStore<ChartReplayState>()((set, get) => {
    /** Runs a replay action through the replay store (which keeps the state); a refusal lands in `error`. */
    const act = async (action: ReplayAction): Promise<boolean> => {
      await replay.getState().run(action);
      const failed = replay.getState().error;
      if (failed !== null) set({ error: failed });
      return failed === null;
    };
    const guarded = async (work: () => Promise<void>): Promise<void> => {
      if (get().busy) return;
      set({ busy: true, error: null });
      try {
        await work();
      } catch (reason: unknown) {
        set({ error: toContractError(reason) });
      } finally {
        set({ busy: false });
      }
    };

    return {
      picking: null,
      session: null,
      busy: false,
      error: null,
      restore: null,
      pick: (pane) => {
        set({ picking: pane, error: null });
      },
      cancelPick: () => {
        if (get().picking !== null) set({ picking: null });
      },
      start: (pane, target, time) =>
        guarded(async () => {
          const intervalMs = INTERVAL_MS[target.interval];
          const at = await client.call('bars.get', { ...target, to: time + 1, limit: 1 });
          const bar = at.bars.at(-1);
          if (bar === undefined) throw new Error(`no ${target.symbol} bar at or before that time to replay from`);
          const after = await client.call('bars.get', { ...target, ...barsFromQuery(bar.time + 1, intervalMs, 1) });
          const cursor = cursorAfter(bar, after.bars[0], intervalMs);
          const range = replayRange(cursor, replaySpanMs(intervalMs), now());
          if (!(await act({ kind: 'start', params: { source: target.source, symbol: target.symbol, ...range, speed: replay.getState().replay?.speed ?? 1 } }))) return;
          if (!(await act({ kind: 'pause' }))) return;
          if (!(await act({ kind: 'seek', time: Math.min(cursor, range.to) }))) return;
          const previous = get().session;
          if (previous !== null && previous.pane !== pane) end(previous, null);
          layout.getState().update((l) => withPaneSource(l, pane, target.symbol, 'replay'));
          set({ picking: null, session: { pane, source: target.source, symbol: target.symbol, interval: target.interval, start: bar.time } });
        }),
      step: () =>
        guarded(async () => {
          const session = get().session;
          if (session === null || !(await act({ kind: 'pause' }))) return;
          const state = replay.getState().replay;
          const cursor = state?.cursor;
          if (cursor == null || state?.to == null) return;
          const intervalMs = INTERVAL_MS[session.interval];
          const { source, symbol, interval } = session;
          const next = await client.call('bars.get', { source, symbol, interval, ...barsFromQuery(cursor - intervalMs + 1, intervalMs, 2) });
          const bar = next.bars[0];
          if (bar === undefined) return;
          await act({ kind: 'seek', time: Math.min(cursorAfter(bar, next.bars[1], intervalMs), state.to) });
        }),
      play: () =>
        guarded(async () => {
          await act({ kind: 'resume' });
        }),
      pause: () =>
        guarded(async () => {
          await act({ kind: 'pause' });
        }),
      setSpeed: (speed) =>
        guarded(async () => {
          await act({ kind: 'setSpeed', speed });
        }),
      stop: (barsInView) =>
        guarded(async () => {
          const session = get().session;
          if (session === null) return;
          await act({ kind: 'stop' });
          end(session, barsInView);
        }),
      restored: () => {
        set({ restore: null });
      },
    };
  });

  /** Gives the pane back its live source; its zoom is restored once it has drawn. */
  const end = (session: ChartReplaySession, barsInView: number | null): void => {
    layout.getState().update((l) => (l.panes[session.pane]?.source === 'replay' ? withPaneLive(l, session.pane) : l));
    store.setState({ session: null, restore: barsInView === null ? null : { pane: session.pane, barsInView } });
  };
  // A replay stopped elsewhere (the Replay tab, another window) ends the session too.
  replay.subscribe((s) => {
    const session = store.getState().session;
    if (session !== null && !store.getState().busy && s.replay?.status === 'idle') end(session, null);
  });
  return store;
}
