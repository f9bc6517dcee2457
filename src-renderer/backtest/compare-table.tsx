import type { ReactElement } from 'react';
import type { BacktestStats } from '../../shared/contract';
import { compareRows } from './compare-rows';

export interface CompareTableProps {
  readonly a: BacktestStats;
  readonly b: BacktestStats;
}

/** Two runs' statistics side by side with B − A, coloured by whether B is better. */
export function CompareTable({ a, b }: CompareTableProps): ReactElement {
  return (
    <table className="data-table backtest-stats backtest-compare-table" data-testid="backtest-compare-table">
      <thead>
        <tr>
          <th scope="col">Statistic</th>
          <th scope="col" className="num">
            <span className="backtest-swatch is-a" aria-hidden="true" /> A
          </th>
          <th scope="col" className="num">
            <span className="backtest-swatch is-b" aria-hidden="true" /> B
          </th>
          <th scope="col" className="num">
            B − A
          </th>
        </tr>
      </thead>
      <tbody>
        {compareRows(a, b).map((row) => (
          <tr key={row.key} data-stat={row.key}>
            <th scope="row" className="backtest-stat-label">
              {row.label}
            </th>
            <td className="num">{row.a}</td>
            <td className="num">{row.b}</td>
            <td className={row.tone === undefined ? 'num' : `num tone-${row.tone}`}>{row.diff}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
