import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_CHART_LEVELS, type ChartLevels } from '../../../shared/chart/chart-levels-settings';
import { useAppStores } from '../../app/app-context';
import { useLayoutActions } from '../../layout/use-layout-actions';

const CHOICES: readonly { readonly key: Exclude<keyof ChartLevels, 'show'>; readonly label: string }[] = [
  { key: 'orb', label: 'Opening range (high, low, mid)' },
  { key: 'timeWindow', label: 'Time-window markers and previous block high/low' },
  { key: 'signals', label: 'Strategy entry signals' },
];

/** Which of the traders' levels a pane shows (kept in chartLayout). */
export function LevelsMenu({ index, onClose }: { readonly index: number; readonly onClose: () => void }): ReactElement {
  const stores = useAppStores();
  const actions = useLayoutActions();
  const levels = useStore(stores.chartLayout, (s) => s.value?.panes[index]?.levels ?? DEFAULT_CHART_LEVELS);
  return (
    <div className="pane-popover levels-menu" role="dialog" aria-label="Levels" data-testid="levels-menu">
      <header className="pane-popover-header">
        <span className="panel-title">Levels</span>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <label className="levels-choice">
        <input
          type="checkbox"
          checked={levels.show}
          data-testid="levels-show"
          onChange={(e) => {
            actions.setLevels(index, { ...levels, show: e.target.checked });
          }}
        />
        <span>Show levels on this pane</span>
      </label>
      {CHOICES.map(({ key, label }) => (
        <label key={key} className="levels-choice is-sub">
          <input
            type="checkbox"
            checked={levels[key]}
            data-testid={`levels-${key}`}
            onChange={(e) => {
              actions.setLevels(index, { ...levels, [key]: e.target.checked });
            }}
          />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}
