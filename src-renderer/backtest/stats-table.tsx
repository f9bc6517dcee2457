import type { ReactElement } from 'react';
import type { BacktestStats } from '../../shared/contract';
import { statRows } from './stat-rows';

export interface StatsTableProps {
  readonly stats: BacktestStats;
}

/** Every statistic of a run, one per line. */
export function StatsTable({ stats }: StatsTableProps): ReactElement {
  return (
    <table className="data-table backtest-stats" data-testid="backtest-stats">
      <tbody>
        {statRows(stats).map((row) => (
          <tr key={row.key} data-stat={row.key}>
            <th scope="row" className="backtest-stat-label">
              {row.label}
            </th>
            <td className={row.tone === undefined ? 'num' : `num tone-${row.tone}`}>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
