import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StrategyInfo } from '../../shared/contract';
import { defaultRunForm, ensureStrategy, withStrategy, type CostValues, type RunFormValues } from './run-form-values';

/** What the Backtest form holds, kept while the tab is closed and reopened. */
export interface BacktestFormState {
  readonly values: RunFormValues;
  /** Changes top-level fields (source, symbol, interval, range, label). */
  readonly edit: (patch: Partial<Omit<RunFormValues, 'params' | 'costs' | 'strategy'>>) => void;
  readonly editCost: <K extends keyof CostValues>(key: K, value: CostValues[K]) => void;
  readonly editParam: (name: string, value: string | boolean) => void;
  /** Switches strategy; its parameters go back to their defaults. */
  readonly chooseStrategy: (strategy: StrategyInfo) => void;
  /** Picks the first strategy when none (or an unknown one) is chosen. */
  readonly ensureStrategy: (strategies: readonly StrategyInfo[]) => void;
  /** Replaces everything (e.g. a saved run's request, to run it again with changes). */
  readonly replace: (values: RunFormValues) => void;
}

export type BacktestFormStore = StoreApi<BacktestFormState>;

export function createBacktestFormStore(nowMs: () => number = Date.now): BacktestFormStore {
  return createStore<BacktestFormState>()((set) => ({
    values: defaultRunForm(nowMs()),
    edit: (patch) => {
      set((s) => ({ values: { ...s.values, ...patch } }));
    },
    editCost: (key, value) => {
      set((s) => ({ values: { ...s.values, costs: { ...s.values.costs, [key]: value } } }));
    },
    editParam: (name, value) => {
      set((s) => ({ values: { ...s.values, params: { ...s.values.params, [name]: value } } }));
    },
    chooseStrategy: (strategy) => {
      set((s) => ({ values: withStrategy(s.values, strategy) }));
    },
    ensureStrategy: (strategies) => {
      set((s) => {
        const values = ensureStrategy(s.values, strategies);
        return values === s.values ? s : { values };
      });
    },
    replace: (values) => {
      set({ values });
    },
  }));
}
