import type { SettingsSlice } from '../settings/settings-slice';
import { chainViewOf, chainViewSettingsOf, sameChainView } from './chain-view';
import type { OptionsStore } from './options-store';

/**
 * Keeps the chain's view (columns, strikes, filters) and settings.optionsChain
 * together: the stored view is shown when the settings arrive (or another
 * window changes them), and the trader's changes are saved through the
 * debounced slice, so they are there after a restart. Returns the stop function.
 */
export function bindChainViewSettings(options: OptionsStore, slice: SettingsSlice<'optionsChain'>): () => void {
  const show = (): void => {
    const stored = slice.getState().value;
    if (stored === null) return;
    const view = chainViewOf(stored);
    if (!sameChainView(view, options.getState().view)) options.getState().setView(view);
  };
  show();
  const stopSlice = slice.subscribe((s, p) => {
    if (s.value !== p.value) show();
  });
  const stopView = options.subscribe((s, p) => {
    if (s.view === p.view) return;
    const stored = slice.getState().value;
    if (stored !== null && !sameChainView(s.view, chainViewOf(stored))) slice.getState().update(() => chainViewSettingsOf(s.view));
  });
  return () => {
    stopSlice();
    stopView();
  };
}
