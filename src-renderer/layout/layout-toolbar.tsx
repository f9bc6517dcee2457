import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { CHART_LAYOUTS, type ChartLayoutKind } from '../../shared/chart/chart-layout-settings';
import { CHART_TIME_ZONES, type ChartTimeZone } from '../../shared/chart/chart-time-zone';
import { useAppStores } from '../app/app-context';
import { useResolvedChart } from '../chart/use-resolved-pane';
import { useLayoutActions } from './use-layout-actions';

const LAYOUT_TITLES: Readonly<Record<ChartLayoutKind, string>> = {
  '1': 'One chart',
  '2h': 'Two charts side by side',
  '2v': 'Two charts stacked',
  '4': 'Four charts (2×2)',
};

const LAYOUT_ICONS: Readonly<Record<ChartLayoutKind, string>> = { '1': '▣', '2h': '◫', '2v': '⊟', '4': '⊞' };

const isZone = (value: string): value is ChartTimeZone => CHART_TIME_ZONES.some((z) => z === value);

/** Above the panes: the layout, symbol link, crosshair sync, the crypto/FX time zone and the shortcut sheet. */
export function LayoutToolbar(): ReactElement {
  const stores = useAppStores();
  const actions = useLayoutActions();
  const layout = useStore(stores.chartLayout, (s) => s.value);
  const zone = useStore(stores.settings, (s) => s.settings?.chartTimeZone ?? 'UTC');
  const activeSymbol = useResolvedChart().symbol;
  const linked = layout?.linkSymbols ?? false;
  const synced = layout?.syncCrosshair ?? false;

  return (
    <div className="layout-toolbar" role="toolbar" aria-label="Chart layout">
      <div className="chart-intervals" role="group" aria-label="Layout">
        {CHART_LAYOUTS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="interval-button layout-button"
            aria-pressed={layout?.layout === kind}
            title={LAYOUT_TITLES[kind]}
            aria-label={LAYOUT_TITLES[kind]}
            data-testid={`layout-${kind}`}
            disabled={layout === null}
            onClick={() => {
              actions.setLayout(kind);
            }}
          >
            {LAYOUT_ICONS[kind]}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="interval-button toolbar-toggle"
        aria-pressed={linked}
        title="Link symbols: a symbol change applies to every pane"
        data-testid="layout-link"
        disabled={layout === null}
        onClick={() => {
          actions.setLinked(!linked, activeSymbol);
        }}
      >
        Link
      </button>
      <button
        type="button"
        className="interval-button toolbar-toggle"
        aria-pressed={synced}
        title="Sync the crosshair across panes"
        data-testid="layout-sync"
        disabled={layout === null}
        onClick={() => {
          actions.setSynced(!synced);
        }}
      >
        Sync
      </button>
      <label className="toolbar-zone" title="Time axis of crypto and FX charts (US equities: New York time)">
        <span className="field-label">Crypto/FX time</span>
        <select
          className="input"
          value={zone}
          data-testid="chart-time-zone"
          onChange={(e) => {
            if (isZone(e.target.value)) void stores.settings.getState().savePatch({ chartTimeZone: e.target.value });
          }}
        >
          <option value="UTC">UTC</option>
          <option value="local">Local</option>
        </select>
      </label>
      <span className="chart-header-spacer" />
      <button
        type="button"
        className="interval-button"
        title="Keyboard shortcuts (?)"
        data-testid="shortcuts-button"
        onClick={() => {
          stores.hotkeys.getState().openSheet();
        }}
      >
        ?
      </button>
    </div>
  );
}
