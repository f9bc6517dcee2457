import { useEffect } from 'react';
import { useAppStores } from '../app/app-context';
import { layoutActions } from '../layout/layout-actions';
import { nextHotkey, type HotkeyAction } from './hotkey-parse';
import { isChartKeyTarget, isTextField } from './key-target';
import { COMING_NOTES } from './shortcut-list';

/** A command typed and left alone is dropped after this long. */
const PENDING_TIMEOUT_MS = 4_000;
/** The share of the bars in view one arrow key scrolls. */
const SCROLL_SHARE = 0.25;

/**
 * The workstation's keyboard (hotkey-parse.ts decides, this carries it out):
 * listens on the window, leaves text fields alone except for Esc, and acts
 * on the active pane.
 */
export function useGlobalHotkeys(): void {
  const stores = useAppStores();

  useEffect(() => {
    const hotkeys = stores.hotkeys;
    const actions = layoutActions(stores.chartLayout);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const activePane = (): number => stores.chartLayout.getState().value?.activePane ?? 0;

    const apply = (action: HotkeyAction): void => {
      const state = hotkeys.getState();
      switch (action.kind) {
        case 'none':
          return;
        case 'pending':
          state.setPending(action.text);
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(() => {
            hotkeys.getState().setPending('');
          }, PENDING_TIMEOUT_MS);
          return;
        case 'interval':
          state.setPending('');
          actions.setActiveInterval(action.interval);
          return;
        case 'symbol-search':
          state.openSearch(action.text);
          return;
        case 'shortcuts':
          state.openSheet();
          return;
        case 'close':
          state.closeAll();
          return;
        case 'focus-pane':
          actions.setActivePane(action.index);
          return;
        case 'scroll': {
          const pane = stores.panes.get(activePane());
          const range = pane?.chart.timeScale().getVisibleLogicalRange();
          const step = range == null ? 10 : Math.max(1, Math.round((range.to - range.from) * SCROLL_SHARE));
          pane?.scrollBy(action.direction * step);
          return;
        }
        case 'coming':
          state.showNote(COMING_NOTES[action.feature]);
          return;
      }
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.repeat && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (isTextField(event.target) && event.key !== 'Escape') return;
      const state = hotkeys.getState();
      // With the sheet open only Esc and ? mean anything.
      if (state.sheet && event.key !== 'Escape') return;
      const result = nextHotkey(state.pending, event);
      if (!result.handled) return;
      if (result.action.kind === 'scroll' && !isChartKeyTarget(event.target)) return;
      event.preventDefault();
      apply(result.action);
    };

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (timer !== null) clearTimeout(timer);
    };
  }, [stores]);
}
