import { paneCountOf } from '../../shared/chart/chart-layout-settings';
import type { AppStores } from '../app/app-stores';
import type { PaneHandle } from './pane-handle';

/** The panes of the layout shown now whose series is `symbol` (every pane shown, for null), in pane order. */
export function panesShowing(stores: Pick<AppStores, 'panes' | 'chartLayout'>, symbol: string | null): PaneHandle[] {
  const layout = stores.chartLayout.getState().value;
  const count = layout === null ? 1 : Math.min(paneCountOf(layout.layout), layout.panes.length);
  const out: PaneHandle[] = [];
  for (let i = 0; i < count; i++) {
    const pane = stores.panes.get(i);
    const target = pane?.view().target ?? null;
    if (pane !== undefined && target !== null && (symbol === null || target.symbol === symbol)) out.push(pane);
  }
  return out;
}
