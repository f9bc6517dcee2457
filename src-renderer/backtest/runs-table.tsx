import { useState, type ReactElement } from 'react';
import type { BacktestRunSummary } from '../../shared/contract';
import { runListRow } from './run-list-rows';

export interface RunsTableProps {
  readonly runs: readonly BacktestRunSummary[];
  readonly selected: readonly string[];
  /** The run currently shown in the Result pane. */
  readonly currentId: string | null;
  readonly loadingId: string | null;
  readonly onToggle: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

/** Saved runs, newest first: tick two to compare, open one, or delete one (asks once more). */
export function RunsTable({ runs, selected, currentId, loadingId, onToggle, onOpen, onDelete }: RunsTableProps): ReactElement {
  const [armed, setArmed] = useState<string | null>(null);
  return (
    <table className="data-table backtest-runs" data-testid="backtest-runs">
      <thead>
        <tr>
          <th scope="col">Compare</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Label</th>
          <th scope="col">Strategy</th>
          <th scope="col">Series</th>
          <th scope="col" className="num">
            Return
          </th>
          <th scope="col" className="num">
            Sharpe
          </th>
          <th scope="col" className="num">
            Max DD
          </th>
          <th scope="col" className="num">
            Trades
          </th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {runs.length === 0 && (
          <tr>
            <td className="empty-cell" colSpan={10}>
              No saved runs yet: set one up and press Run.
            </td>
          </tr>
        )}
        {runs.map((run) => {
          const row = runListRow(run);
          const tick = selected.indexOf(row.id);
          return (
            <tr key={row.id} className={row.id === currentId ? 'is-current' : undefined} data-testid="backtest-run-row" data-run={row.id}>
              <td>
                <label className="backtest-check">
                  <input
                    type="checkbox"
                    checked={tick >= 0}
                    onChange={() => {
                      onToggle(row.id);
                    }}
                    aria-label={`Compare ${row.label}`}
                  />
                  <span className="backtest-tick-slot">{tick === 0 ? 'A' : tick === 1 ? 'B' : ''}</span>
                </label>
              </td>
              <td className="backtest-mono">{row.created}</td>
              <td className="backtest-run-label" title={row.label}>
                {row.label}
              </td>
              <td>{row.strategy}</td>
              <td className="backtest-mono">{row.series}</td>
              <td className={row.returnTone === undefined ? 'num' : `num tone-${row.returnTone}`}>{row.returnPct}</td>
              <td className="num">{row.sharpe}</td>
              <td className="num">{row.maxDrawdownPct}</td>
              <td className="num">{row.trades}</td>
              <td>
                <div className="backtest-run-actions">
                  <button
                    type="button"
                    className="button backtest-small"
                    disabled={loadingId === row.id}
                    onClick={() => {
                      onOpen(row.id);
                    }}
                    data-testid="backtest-open"
                  >
                    {loadingId === row.id ? 'Opening…' : 'Open'}
                  </button>
                  <button
                    type="button"
                    className={armed === row.id ? 'button backtest-small is-danger' : 'button backtest-small'}
                    onClick={() => {
                      if (armed === row.id) {
                        setArmed(null);
                        onDelete(row.id);
                      } else setArmed(row.id);
                    }}
                    onBlur={() => {
                      setArmed((a) => (a === row.id ? null : a));
                    }}
                    data-testid="backtest-delete"
                  >
                    {armed === row.id ? 'Confirm delete' : 'Delete'}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
