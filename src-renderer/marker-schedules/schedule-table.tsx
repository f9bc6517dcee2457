import { useState, type ReactElement } from 'react';
import type { MarkerSchedule } from '../../shared/strategy/marker-schedule';
import type { ScheduleRow } from './schedule-rows';

export interface ScheduleTableProps {
  readonly rows: readonly ScheduleRow[];
  /** The user schedule open in the form, if any. */
  readonly editing: string | null;
  readonly busy: boolean;
  readonly onEdit: (schedule: MarkerSchedule) => void;
  readonly onDelete: (name: string) => void;
}

/** Every schedule with its kind, a summary and its next markers; the user's can be edited or deleted (asks once more). */
export function ScheduleTable({ rows, editing, busy, onEdit, onDelete }: ScheduleTableProps): ReactElement {
  const [armed, setArmed] = useState<string | null>(null);
  return (
    <table className="data-table markers-table" data-testid="marker-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Schedule</th>
          <th scope="col">Next markers (New York)</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.builtin ? 'b' : 'u'}:${row.name}`}
            className={row.name === editing && !row.builtin ? 'is-current' : undefined}
            data-testid="marker-row"
            data-schedule={row.name}
            data-builtin={row.builtin}
          >
            <td className="markers-name">
              <span title={row.name}>{row.name}</span>
              {row.builtin && <span className="markers-badge">built-in</span>}
            </td>
            <td>{row.kind}</td>
            <td className="backtest-mono markers-summary" data-testid="marker-summary">
              {row.summary}
            </td>
            <td className="backtest-mono markers-next" data-testid="marker-next">
              {row.next.length === 0 ? <span className="muted">none ahead</span> : row.next.map((t) => <div key={t}>{t}</div>)}
            </td>
            <td>
              {!row.builtin && (
                <div className="backtest-run-actions">
                  <button
                    type="button"
                    className="button backtest-small"
                    onClick={() => {
                      onEdit(row.schedule);
                    }}
                    data-testid="marker-edit"
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className={armed === row.name ? 'button backtest-small is-danger' : 'button backtest-small'}
                    disabled={busy}
                    onClick={() => {
                      if (armed === row.name) {
                        setArmed(null);
                        onDelete(row.name);
                      } else setArmed(row.name);
                    }}
                    onBlur={() => {
                      setArmed((a) => (a === row.name ? null : a));
                    }}
                    data-testid="marker-delete"
                  >
                    {armed === row.name ? 'Confirm delete' : 'Delete'}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
