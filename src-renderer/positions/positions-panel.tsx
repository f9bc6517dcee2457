import type { ReactElement } from 'react';
import { Panel } from '../app/panel';

const COLUMNS = ['Symbol', 'Qty', 'Avg', 'Last', 'P&L'] as const;

/** Placeholder for open positions, filled from the paper broker's fills in a later issue. */
export function PositionsPanel(): ReactElement {
  return (
    <Panel title="Positions" aside={<span className="num muted">0</span>} className="positions" testId="positions">
      <table className="data-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={c === 'Symbol' ? undefined : 'num'}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={COLUMNS.length} className="empty-cell">
              No positions. Open positions and their P&amp;L appear here once paper trading is connected.
            </td>
          </tr>
        </tbody>
      </table>
    </Panel>
  );
}
