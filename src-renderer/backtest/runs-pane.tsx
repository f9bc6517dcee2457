import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { COMPARE_COUNT } from './run-list-rows';
import { RunsTable } from './runs-table';

/** The saved runs with Refresh and Compare. */
export function RunsPane(): ReactElement {
  const store = useAppStores().backtest;
  const runs = useStore(store, (s) => s.runs);
  const selected = useStore(store, (s) => s.selected);
  const currentId = useStore(store, (s) => s.current?.id ?? null);
  const loadingId = useStore(store, (s) => s.loadingId);
  const { refreshRuns, compare, open, remove, toggleSelected } = store.getState();

  return (
    <div className="backtest-runs-pane">
      <div className="backtest-switch">
        <button type="button" className="button backtest-small" onClick={() => void refreshRuns()} data-testid="backtest-refresh">
          Refresh
        </button>
        <button
          type="button"
          className="button button-primary backtest-small"
          disabled={selected.length !== COMPARE_COUNT || loadingId !== null}
          onClick={() => void compare()}
          data-testid="backtest-compare-button"
        >
          Compare {String(selected.length)}/{String(COMPARE_COUNT)}
        </button>
        <span className="muted">Tick two runs to compare them (A is the first ticked).</span>
      </div>
      <div className="backtest-scroll">
        {runs === null ? (
          <p className="empty-note">Loading saved runs…</p>
        ) : (
          <RunsTable
            runs={runs}
            selected={selected}
            currentId={currentId}
            loadingId={loadingId}
            onToggle={toggleSelected}
            onOpen={(id) => void open(id)}
            onDelete={(id) => void remove(id)}
          />
        )}
      </div>
    </div>
  );
}
