import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError, Settings, SettingsPatch } from '../../shared/contract';
import type { SettingsStore } from './settings-store';

/** Settings fields the UI edits continuously (a drag, a click per pane) and writes debounced. */
export type SliceKey = 'chartLayout' | 'panels' | 'optionsChain';

export interface SettingsSliceState<K extends SliceKey> {
  /** The working copy: the stored value until the user edits it; null until the settings are read. */
  readonly value: Settings[K] | null;
  /** Why the last write was refused (cleared by the next successful one). */
  readonly saveError: ContractError | null;
  /** Applies an edit at once and writes it after `delayMs` without further edits. */
  readonly update: (edit: (current: Settings[K]) => Settings[K]) => void;
  /** Writes a waiting edit now. */
  readonly flush: () => void;
  /** Follows the settings (adopting stored values while no edit of ours is waiting or in flight); returns the stop function. */
  readonly start: () => () => void;
}

export type SettingsSlice<K extends SliceKey> = StoreApi<SettingsSliceState<K>>;

export interface SliceOptions {
  readonly delayMs: number;
}

/**
 * One settings field as a local working copy: edits show at once and reach
 * the core once they pause for `delayMs` (one settings.set per drag, not one
 * per pixel). A value pushed from the core (another window, or our own write
 * coming back) replaces the copy only while nothing of ours is waiting or in
 * flight, so a quick series of edits is never undone by an older echo.
 */
export function createSettingsSlice<K extends SliceKey>(key: K, settings: SettingsStore, { delayMs }: SliceOptions): SettingsSlice<K> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;

  return createStore<SettingsSliceState<K>>()((set, get) => {
    const write = (): void => {
      timer = null;
      const value = get().value;
      if (value === null) return;
      inFlight += 1;
      const patch = { [key]: value } as SettingsPatch;
      void settings
        .getState()
        .savePatch(patch)
        .then((error) => {
          set({ saveError: error });
        })
        .finally(() => {
          inFlight -= 1;
        });
    };
    const adopt = (stored: Settings | null): void => {
      if (stored === null || timer !== null || inFlight > 0) return;
      if (get().value !== stored[key]) set({ value: stored[key] });
    };

    return {
      value: settings.getState().settings?.[key] ?? null,
      saveError: null,
      update: (edit) => {
        const current = get().value;
        if (current === null) return;
        const next = edit(current);
        if (next === current) return;
        set({ value: next });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(write, delayMs);
      },
      flush: () => {
        if (timer === null) return;
        clearTimeout(timer);
        write();
      },
      start: () => {
        adopt(settings.getState().settings);
        const unsubscribe = settings.subscribe((s) => {
          adopt(s.settings);
        });
        return () => {
          unsubscribe();
          if (timer !== null) get().flush();
        };
      },
    };
  });
}
