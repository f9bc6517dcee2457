import { useMemo, type ReactElement } from 'react';
import type { BacktestTrade } from '../../shared/contract';
import { tradeRows } from './trade-rows';

export interface TradesTableProps {
  readonly trades: readonly BacktestTrade[];
  /** The trade shown on the price chart, highlighted. */
  readonly focus: number | null;
  readonly onPick: (index: number) => void;
}

const HEADERS = [
  ['#', true],
  ['Entry (UTC)', false],
  ['Exit (UTC)', false],
  ['Side', false],
  ['Size', true],
  ['Entry price', true],
  ['Exit price', true],
  ['P&L', true],
  ['Return', true],
  ['Bars', true],
  ['Commission', true],
  ['Setup', false],
  ['Entry reason', false],
  ['Exit reason', false],
] as const;

/** The run's trades; clicking one shows it on the price chart. */
export function TradesTable({ trades, focus, onPick }: TradesTableProps): ReactElement {
  const rows = useMemo(() => tradeRows(trades), [trades]);
  return (
    <table className="data-table backtest-trades" data-testid="backtest-trades">
      <thead>
        <tr>
          {HEADERS.map(([label, num]) => (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td className="empty-cell" colSpan={HEADERS.length}>
              The strategy made no trades in this run.
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr
            key={row.index}
            className={row.index === focus ? 'backtest-trade is-focused' : 'backtest-trade'}
            tabIndex={0}
            title="Show on the price chart"
            onClick={() => {
              onPick(row.index);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(row.index);
              }
            }}
            data-testid="backtest-trade-row"
          >
            <td className="num muted">{row.index + 1}</td>
            <td className="num">{row.entryTime}</td>
            <td className="num">{row.exitTime}</td>
            <td className={row.side === 'Long' ? 'tone-good' : 'tone-bad'}>{row.side}</td>
            <td className="num">{row.size}</td>
            <td className="num">{row.entryPrice}</td>
            <td className="num">{row.exitPrice}</td>
            <td className={row.tone === undefined ? 'num' : `num tone-${row.tone}`}>{row.pnl}</td>
            <td className={row.tone === undefined ? 'num' : `num tone-${row.tone}`}>{row.returnPct}</td>
            <td className="num">{row.barsHeld}</td>
            <td className="num">{row.commission}</td>
            <td>{row.setup}</td>
            <td className="backtest-reason">{row.entryReason}</td>
            <td className="backtest-reason">{row.exitReason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
