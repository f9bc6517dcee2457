import type { ReactElement } from 'react';
import type { TradeStatsWire } from '../../shared/contract';
import { formatNumber } from '../backtest/number-format';
import { formatDuration } from '../format/format-duration';
import { formatFactor, formatPct, formatR } from './journal-format';

/** The headline figures of the closed trips. */
export function StatsCards({ stats: s }: { readonly stats: TradeStatsWire }): ReactElement {
  const cards: [string, string, string][] = [
    ['trades', 'Trades', `${String(s.trades)} (${String(s.wins)}W ${String(s.losses)}L ${String(s.breakeven)}E)`],
    ['win-rate', 'Win rate', formatPct(s.winRatePct)],
    ['avg-win', 'Average win', formatNumber(s.avgWin, 2)],
    ['avg-loss', 'Average loss', formatNumber(s.avgLoss, 2)],
    ['expectancy', 'Expectancy', formatNumber(s.expectancy, 2)],
    ['profit-factor', 'Profit factor', formatFactor(s.profitFactor)],
    ['avg-r', 'Average R', s.avgR === null ? '—' : `${formatR(s.avgR)} (${String(s.rTrades)})`],
    ['net', 'Net P&L', formatNumber(s.totalNet, 2)],
    ['streaks', 'Streaks W / L', `${String(s.maxConsecutiveWins)} / ${String(s.maxConsecutiveLosses)}`],
    ['held', 'Average hold', s.avgDurationMs === null ? '—' : formatDuration(s.avgDurationMs)],
  ];
  return (
    <div className="stats-cards" data-testid="journal-stats-cards">
      {cards.map(([id, label, value]) => (
        <div key={id} className="stats-card" data-testid={`journal-stat-${id}`}>
          <span className="muted">{label}</span>
          <span className="num">{value}</span>
        </div>
      ))}
    </div>
  );
}
