import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BacktestProgress, BacktestRun, BacktestRunSummary, ContractError, ParamsIn, StrategyInfo } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';
import { progressError } from './error-fields';
import { createProgressFilter } from './progress-filter';
import { COMPARE_COUNT, toggleCompare } from './run-list-rows';
import { createRunCache } from './run-cache';

/** The sub-views of the Backtests tab. */
export type BacktestPane = 'setup' | 'runs' | 'markers' | 'result' | 'compare';

/** The run started from this window: `starting` until `backtest.run` answers with its id. */
export interface RunProgress {
  readonly id: string | null;
  readonly status: 'starting' | BacktestProgress['status'];
  readonly fraction: number;
}

export interface BacktestStoreState {
  readonly pane: BacktestPane;
  /** From `strategies.list`; null until known. */
  readonly strategies: readonly StrategyInfo[] | null;
  /** Saved runs from `backtest.list`, newest first; null until known. */
  readonly runs: readonly BacktestRunSummary[] | null;
  readonly progress: RunProgress | null;
  /** Why the last run was refused or failed (its path names the field). */
  readonly runError: ContractError | null;
  /** Why loading, opening, deleting or comparing failed. */
  readonly error: ContractError | null;
  /** The run shown in the Result pane. */
  readonly current: BacktestRun | null;
  /** A run being fetched. */
  readonly loadingId: string | null;
  /** Runs ticked for a comparison, in the order ticked (at most two). */
  readonly selected: readonly string[];
  readonly compared: readonly [BacktestRun, BacktestRun] | null;

  readonly show: (pane: BacktestPane) => void;
  /** Reads the strategies (once) and the saved runs. Never rejects. */
  readonly load: () => Promise<void>;
  readonly refreshRuns: () => Promise<void>;
  /** Starts a run and follows it: progress, then the result opens. Never rejects. */
  readonly run: (request: ParamsIn<'backtest.run'>) => Promise<void>;
  /** Stops the run being followed (it ends as canceled). Never rejects. */
  readonly cancel: () => Promise<void>;
  readonly open: (id: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
  readonly toggleSelected: (id: string) => void;
  /** Loads the two ticked runs and shows them side by side. */
  readonly compare: () => Promise<void>;
  readonly dismissError: () => void;
  readonly dismissRunError: () => void;
}

export type BacktestStore = StoreApi<BacktestStoreState>;

export function createBacktestStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>): BacktestStore {
  const cache = createRunCache();
  /** Ends the progress subscription of the run being followed. */
  let unfollow: (() => void) | null = null;

  const fetchRun = async (id: string): Promise<BacktestRun> => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const run = await client.call('backtest.get', { id });
    cache.put(run);
    return run;
  };

  return createStore<BacktestStoreState>()((set, get) => {
    const refreshRuns = async (): Promise<void> => {
      try {
        const runs = await client.call('backtest.list', { limit: 100 });
        const known = new Set(runs.map((r) => r.id));
        set((s) => ({ runs, selected: s.selected.filter((id) => known.has(id)) }));
      } catch (reason: unknown) {
        set({ error: toContractError(reason) });
      }
    };

    const open = async (id: string): Promise<void> => {
      set({ loadingId: id, error: null });
      try {
        const current = await fetchRun(id);
        set({ current, pane: 'result', loadingId: null });
      } catch (reason: unknown) {
        set({ loadingId: null, error: toContractError(reason) });
      }
    };

    const onProgress = (p: BacktestProgress): void => {
      set({ progress: { id: p.id, status: p.status, fraction: p.status === 'done' ? 1 : p.fraction } });
      if (p.status === 'running') return;
      unfollow?.();
      unfollow = null;
      if (p.status === 'failed') {
        set({ runError: progressError(p) });
        return;
      }
      if (p.status === 'canceled') return;
      void open(p.id);
      void refreshRuns();
    };

    return {
      pane: 'setup',
      strategies: null,
      runs: null,
      progress: null,
      runError: null,
      error: null,
      current: null,
      loadingId: null,
      selected: [],
      compared: null,
      show: (pane) => {
        set({ pane });
      },
      load: async () => {
        const loadStrategies = async (): Promise<void> => {
          if (get().strategies !== null) return;
          try {
            set({ strategies: await client.call('strategies.list', {}) });
          } catch (reason: unknown) {
            set({ error: toContractError(reason) });
          }
        };
        await Promise.all([loadStrategies(), refreshRuns()]);
      },
      refreshRuns,
      run: async (request) => {
        if (get().progress?.status === 'starting') return;
        unfollow?.();
        const filter = createProgressFilter();
        const unsubscribe = client.subscribe('backtest.progress', {}, (p) => {
          const mine = filter.offer(p);
          if (mine !== null) onProgress(mine);
        });
        unfollow = unsubscribe;
        set({ progress: { id: null, status: 'starting', fraction: 0 }, runError: null });
        try {
          const { id } = await client.call('backtest.run', request);
          if (unfollow !== unsubscribe) return;
          set({ progress: { id, status: 'running', fraction: 0 } });
          const early = filter.adopt(id);
          if (early !== null) onProgress(early);
        } catch (reason: unknown) {
          unsubscribe();
          if (unfollow === unsubscribe) unfollow = null;
          set({ progress: null, runError: toContractError(reason) });
        }
      },
      cancel: async () => {
        const id = get().progress?.id ?? null;
        if (id === null) return;
        try {
          await client.call('backtest.cancel', { id });
        } catch (reason: unknown) {
          set({ runError: toContractError(reason) });
        }
      },
      open,
      remove: async (id) => {
        set({ error: null });
        try {
          await client.call('backtest.delete', { id });
          cache.drop(id);
          set((s) => ({
            runs: s.runs?.filter((r) => r.id !== id) ?? null,
            selected: s.selected.filter((x) => x !== id),
            current: s.current?.id === id ? null : s.current,
            compared: s.compared?.some((r) => r.id === id) === true ? null : s.compared,
          }));
        } catch (reason: unknown) {
          set({ error: toContractError(reason) });
        }
      },
      toggleSelected: (id) => {
        set((s) => ({ selected: toggleCompare(s.selected, id) }));
      },
      compare: async () => {
        const [a, b] = get().selected;
        if (a === undefined || b === undefined || get().selected.length !== COMPARE_COUNT) return;
        set({ loadingId: b, error: null });
        try {
          const runs = await Promise.all([fetchRun(a), fetchRun(b)]);
          set({ compared: runs, pane: 'compare', loadingId: null });
        } catch (reason: unknown) {
          set({ loadingId: null, error: toContractError(reason) });
        }
      },
      dismissError: () => {
        set({ error: null });
      },
      dismissRunError: () => {
        set({ runError: null });
      },
    };
  });
}
