import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { paneCountOf } from '../../shared/chart/chart-layout-settings';
import { useAppStores } from '../app/app-context';
import { ChartPane } from '../chart/chart-pane';
import { ChartSymbolSearch } from '../hotkeys/chart-symbol-search';
import { CommandOverlay } from '../hotkeys/command-overlay';
import { ShortcutSheet } from '../hotkeys/shortcut-sheet';
import { LayoutToolbar } from './layout-toolbar';

/** The centre of the workstation: the layout toolbar, the panes of the layout, and the keyboard's overlays. */
export function ChartArea(): ReactElement {
  const stores = useAppStores();
  const kind = useStore(stores.chartLayout, (s) => s.value?.layout ?? '1');
  const panes = useStore(stores.chartLayout, (s) => Math.min(paneCountOf(s.value?.layout ?? '1'), s.value?.panes.length ?? 1));

  return (
    <section className="chart-panel" aria-label="Charts" data-testid="chart-panel" data-layout={kind}>
      <LayoutToolbar />
      <div className="chart-grid" data-layout={kind}>
        {Array.from({ length: panes }, (_, i) => (
          <ChartPane key={i} index={i} />
        ))}
      </div>
      <CommandOverlay />
      <ChartSymbolSearch />
      <ShortcutSheet />
    </section>
  );
}
