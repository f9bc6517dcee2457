import { useEffect, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { MarkersPane } from '../marker-schedules/markers-pane';
import type { BacktestPane } from './backtest-store';
import { CompareView } from './compare-view';
import { ResultView } from './result-view';
import { RunForm } from './run-form';
import { formFromRequest } from './run-form-values';
import { RunProgress } from './run-progress';
import { RunsPane } from './runs-pane';

function PaneContent({ pane }: { readonly pane: BacktestPane }): ReactElement {
  const stores = useAppStores();
  const store = stores.backtest;
  const current = useStore(store, (s) => s.current);
  const compared = useStore(store, (s) => s.compared);

  switch (pane) {
    case 'setup':
      return <RunForm />;
    case 'runs':
      return <RunsPane />;
    case 'markers':
      return <MarkersPane />;
    case 'result':
      if (current === null) return <p className="empty-note">No run open: run a backtest, or open one from Runs.</p>;
      return (
        <ResultView
          key={current.id}
          run={current}
          onEdit={() => {
            const strategy = store.getState().strategies?.find((s) => s.id === current.strategy);
            stores.backtestForm.getState().replace(formFromRequest(current.request, strategy));
            store.getState().show('setup');
          }}
        />
      );
    case 'compare':
      if (compared === null) return <p className="empty-note">Tick two runs in Runs, then press Compare.</p>;
      return <CompareView key={`${compared[0].id}|${compared[1].id}`} a={compared[0]} b={compared[1]} />;
  }
}

/** The Backtests tab: set up and run a backtest in the core, browse saved runs, edit marker schedules, read a result, compare two. */
export function BacktestView(): ReactElement {
  const stores = useAppStores();
  const store = stores.backtest;
  const pane = useStore(store, (s) => s.pane);
  const runCount = useStore(store, (s) => s.runs?.length ?? null);
  const progress = useStore(store, (s) => s.progress);
  const runError = useStore(store, (s) => s.runError);
  const error = useStore(store, (s) => s.error);
  const { show, dismissError } = store.getState();

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const panes: readonly { readonly id: BacktestPane; readonly label: string }[] = [
    { id: 'setup', label: 'Setup' },
    { id: 'runs', label: runCount === null ? 'Runs' : `Runs (${String(runCount)})` },
    { id: 'markers', label: 'Markers' },
    { id: 'result', label: 'Result' },
    { id: 'compare', label: 'Compare' },
  ];

  return (
    <div className="backtest-view" data-testid="backtest-view">
      <div className="backtest-toolbar">
        <div className="backtest-panes" role="group" aria-label="Backtest views">
          {panes.map((p) => (
            <button
              key={p.id}
              type="button"
              className={p.id === pane ? 'backtest-pane-button is-active' : 'backtest-pane-button'}
              aria-pressed={p.id === pane}
              onClick={() => {
                show(p.id);
              }}
              data-testid={`backtest-pane-${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        <RunProgress
          progress={progress}
          error={runError}
          onCancel={() => {
            void store.getState().cancel();
          }}
        />
      </div>
      {error !== null && <ErrorNote error={error} onDismiss={dismissError} testId="backtest-error" />}
      <div className="backtest-body">
        <PaneContent pane={pane} />
      </div>
    </div>
  );
}
