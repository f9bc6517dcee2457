import type { ReactElement } from 'react';
import type { TradeStatsWire } from '../../shared/contract';
import { formatNumber } from '../backtest/number-format';
import { formatFactor, formatPct, formatR } from './journal-format';

export interface StatsGroupRow {
  readonly key: string;
  readonly stats: TradeStatsWire;
}

/** One breakdown (by setup, tag, hour…): trades, win rate, net, expectancy, profit factor, average R per key. */
export function StatsTable({ title, rows, testId }: { readonly title: string; readonly rows: readonly StatsGroupRow[]; readonly testId: string }): ReactElement {
  return (
    <section className="stats-group" data-testid={testId}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted">No closed trades.</p>
      ) : (
        <table className="journal-table">
          <thead>
            <tr>
              <th />
              <th className="right">Trades</th>
              <th className="right">Win %</th>
              <th className="right">Net</th>
              <th className="right">Expect.</th>
              <th className="right">PF</th>
              <th className="right">Avg R</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <td className="ellipsis">{r.key}</td>
                <td className="num right">{r.stats.trades}</td>
                <td className="num right">{formatPct(r.stats.winRatePct)}</td>
                <td className={`num right ${r.stats.totalNet > 0 ? 'tone-good' : r.stats.totalNet < 0 ? 'tone-bad' : ''}`}>{formatNumber(r.stats.totalNet, 2)}</td>
                <td className="num right">{formatNumber(r.stats.expectancy, 2)}</td>
                <td className="num right">{formatFactor(r.stats.profitFactor)}</td>
                <td className="num right">{formatR(r.stats.avgR)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
