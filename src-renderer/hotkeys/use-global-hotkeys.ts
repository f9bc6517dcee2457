import { useEffect } from 'react';
import { useAppStores } from '../app/app-context';
import { layoutActions } from '../layout/layout-actions';
import { activeSeries } from '../trading/instrument-lookup';
import { nextHotkey, type HotkeyAction } from './hotkey-parse';
import { isChartKeyTarget, isTextField } from './key-target';

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
          if (stores.chartReplay.getState().picking !== null) {
            stores.chartReplay.getState().cancelPick();
            return;
          }
          // Esc with nothing open (no search, sheet, command, menu or dialog) and no field focused cancels the last working order.
          if (state.search === null && !state.sheet && state.pending === '' && !isTextField(document.activeElement) && document.querySelector('[role="dialog"]') === null) {
            if (stores.trading.changes.cancelLast()) return;
          }
          state.closeAll();
          return;
        case 'order':
          stores.trading.entry.hotkeyOrder(action.side);
          return;
        case 'kill-switch':
          void stores.trading.accounts.getState().setKillSwitch(true);
          state.showNote('Kill switch engaged: canceling every order and flattening every position');
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
        case 'replay':
          state.closeAll();
          stores.chartReplay.getState().pick(activePane());
          return;
        case 'option-pick': {
          const series = activeSeries(stores);
          if (series === null) return;
          stores.options.getState().open(series.symbol, true);
          void stores.options.getState().pick(action.side);
          return;
        }
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
