import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError, ParamsIn, Settings, SettingsPatch } from '../../shared/contract';
import type { SymbolId } from '../../shared/domain/symbol';
import type { MarkerSchedule, MarkerScheduleInput } from '../../shared/strategy/marker-schedule';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

export interface SettingsState {
  /** The current settings, or null until the first read or push arrives. */
  readonly settings: Settings | null;
  /** Why the settings could not be read (cleared by the next push). */
  readonly loadError: ContractError | null;
  /** Why the last write was refused (cleared by the next write). */
  readonly saveError: ContractError | null;
  readonly saving: boolean;
  /** Reads the settings and follows `settings.changed`; returns the function that stops it. */
  readonly start: () => () => void;
  /** Appends a symbol to the watchlist; resolves true when the core accepted it. */
  readonly addSymbol: (input: string) => Promise<boolean>;
  readonly removeSymbol: (symbol: SymbolId) => Promise<boolean>;
  /**
   * Replaces the marker schedules with `edit(current)`, run after any edit in
   * flight and from the settings it left. Resolves null once stored, else why
   * the core refused (its path indexes the list `edit` returned); the caller
   * shows it, so saveError (the watchlist's) is left alone.
   */
  readonly saveMarkerSchedules: (edit: (current: readonly MarkerSchedule[]) => readonly MarkerScheduleInput[]) => Promise<ContractError | null>;
  /**
   * Writes a patch of fields the caller owns (the chart layout, panel sizes,
   * the chart time zone), after any edit in flight. Resolves null once
   * stored, else why the core refused; saveError (the watchlist's) is left alone.
   */
  readonly savePatch: (patch: SettingsPatch) => Promise<ContractError | null>;
  readonly clearSaveError: () => void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(client: TapedeckClient): SettingsStore {
  // Edits run one after another, each from the settings the previous one left,
  // so two quick watchlist edits in this window cannot overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(edit: () => Promise<T>): Promise<T> => {
    const next = queue.then(edit, edit);
    queue = next;
    return next;
  };
  return createStore<SettingsState>()((set, get) => {
    /** Writes a patch; the core validates it whole and answers with the settings it stored. */
    const save = async (patch: ParamsIn<'settings.set'>): Promise<boolean> => {
      set({ saving: true, saveError: null });
      try {
        const settings = await client.call('settings.set', patch);
        set({ settings, saving: false });
        return true;
      } catch (reason: unknown) {
        set({ saving: false, saveError: toContractError(reason) });
        return false;
      }
    };

    return {
      settings: null,
      loadError: null,
      saveError: null,
      saving: false,
      start: () => {
        let stopped = false;
        let pushed = false;
        const unsubscribe = client.subscribe('settings.changed', {}, (settings) => {
          pushed = true;
          set({ settings, loadError: null });
        });
        void client.call('settings.get', {}).then(
          (settings) => {
            // A push is at least as new as this read: never let the read overwrite it.
            if (!stopped && !pushed) set({ settings, loadError: null });
          },
          (reason: unknown) => {
            if (!stopped && !pushed) set({ loadError: toContractError(reason) });
          },
        );
        return () => {
          stopped = true;
          unsubscribe();
        };
      },
      addSymbol: (input) =>
        serially(async () => {
          const current = get().settings;
          const symbol = input.trim().toUpperCase();
          if (current === null || symbol === '') return false;
          if (current.watchlist.some((s) => s === symbol)) {
            set({ saveError: { code: 'BAD_REQUEST', message: `${symbol} is already in the watchlist`, path: 'watchlist' } });
            return false;
          }
          return save({ watchlist: [...current.watchlist, symbol] });
        }),
      removeSymbol: (symbol) =>
        serially(async () => {
          const current = get().settings;
          if (current === null) return false;
          return save({ watchlist: current.watchlist.filter((s) => s !== symbol) });
        }),
      saveMarkerSchedules: (edit) =>
        serially(async (): Promise<ContractError | null> => {
          const current = get().settings;
          if (current === null) return { code: 'UNAVAILABLE', message: 'the settings have not been read yet', path: '' };
          try {
            const settings = await client.call('settings.set', { markerSchedules: [...edit(current.markerSchedules)] });
            set({ settings });
            return null;
          } catch (reason: unknown) {
            return toContractError(reason);
          }
        }),
      savePatch: (patch) =>
        serially(async (): Promise<ContractError | null> => {
          try {
            const settings = await client.call('settings.set', patch);
            set({ settings });
            return null;
          } catch (reason: unknown) {
            return toContractError(reason);
          }
        }),
      clearSaveError: () => {
        set({ saveError: null });
      },
    };
  });
}
