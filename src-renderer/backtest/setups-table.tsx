import type { ReactElement } from 'react';
import type { SetupStats, UnfilledSignal } from '../../shared/contract';
import { setupRows, unfilledRows } from './setup-rows';

export interface SetupsTableProps {
  readonly setups: readonly SetupStats[];
  readonly unfilled: readonly UnfilledSignal[];
}

/** "How many times it actually played out": the trades by setup, and the signals the model reported without a position. */
export function SetupsTable({ setups, unfilled }: SetupsTableProps): ReactElement {
  const rows = setupRows(setups);
  const signals = unfilledRows(unfilled);
  return (
    <div className="backtest-setups" data-testid="backtest-setups">
      <table className="data-table backtest-setup-table">
        <caption className="backtest-setups-caption">Setups</caption>
        <thead>
          <tr>
            <th scope="col">Setup</th>
            <th scope="col" className="num">Trades</th>
            <th scope="col" className="num" title="Trades with a profit">Win</th>
            <th scope="col" className="num" title="Mean return per trade">Avg</th>
            <th scope="col" className="num" title="Gross profit / gross loss">PF</th>
            <th scope="col" className="num">P&amp;L</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="empty-cell" colSpan={6}>
                No trades.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.setup} data-setup={r.setup} data-testid="backtest-setup-row">
              <th scope="row">{r.setup}</th>
              <td className="num">{r.trades}</td>
              <td className="num">{r.winRate}</td>
              <td className="num">{r.avgReturn}</td>
              <td className="num">{r.profitFactor}</td>
              <td className={r.tone === undefined ? 'num' : `num tone-${r.tone}`}>{r.totalPnl}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {signals.length > 0 && (
        <table className="data-table backtest-setup-table" data-testid="backtest-unfilled">
          <caption className="backtest-setups-caption" title="Signals the model reported without taking a position, and what the underlying did after them">
            Signals without position
          </caption>
          <thead>
            <tr>
              <th scope="col">Setup</th>
              <th scope="col">Side</th>
              <th scope="col" className="num">Count</th>
              <th scope="col" className="num" title="The underlying's mean move over the hypothetical holding">Move</th>
              <th scope="col" className="num" title="Moved the signal's way">Fav.</th>
            </tr>
          </thead>
          <tbody>
            {signals.map((r) => (
              <tr key={r.key} data-testid="backtest-unfilled-row">
                <th scope="row">{r.setup}</th>
                <td>{r.side}</td>
                <td className="num">{r.count}</td>
                <td className="num">{r.avgMove}</td>
                <td className="num">{r.favourable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
