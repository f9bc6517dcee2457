import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { JournalStatsWire } from '../../shared/contract';
import { EquityCurveChart } from './equity-curve-chart';
import { WEEKDAY_NAMES } from './journal-format';
import type { JournalStore } from './journal-store';
import { PlayedOut } from './played-out';
import { StatsCards } from './stats-cards';
import { StatsTable, type StatsGroupRow } from './stats-table';

const GROUPS: readonly [keyof JournalStatsWire['byGroup'], string][] = [
  ['setup', 'By setup'],
  ['strategy', 'By strategy'],
  ['playbook', 'By playbook'],
  ['tag', 'By tag'],
  ['mistake', 'By mistake'],
  ['emotion', 'By emotion'],
  ['symbol', 'By symbol'],
  ['account', 'By account'],
];

/** "09:00-10:00" for hour 9. */
export function hourLabel(hour: number): string {
  const two = (h: number): string => String(h).padStart(2, '0');
  return `${two(hour)}:00-${two((hour + 1) % 24)}:00`;
}

/** The statistics of the filtered closed trips: headline figures, equity curve, and each breakdown. */
export function StatsView({ store }: { readonly store: JournalStore }): ReactElement {
  const stats = useStore(store, (s) => s.stats);
  const accounts = useStore(store, (s) => s.accounts);
  if (stats === null) return <p className="muted journal-empty">Reading the statistics…</p>;
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const rows = (key: keyof JournalStatsWire['byGroup']): StatsGroupRow[] => (stats.byGroup[key] ?? []).map((g) => ({ key: key === 'account' ? (names.get(g.key) ?? g.key) : g.key, stats: g.stats }));
  return (
    <div className="journal-stats" data-testid="journal-stats">
      <StatsCards stats={stats.overall} />
      <EquityCurveChart equity={stats.equity} />
      <div className="journal-stats-grid">
        {GROUPS.map(([key, title]) => (
          <StatsTable key={key} title={title} rows={rows(key)} testId={`journal-by-${key}`} />
        ))}
        <StatsTable title="By hour (ET for US instruments)" rows={stats.byHour.filter((g) => g.stats.trades > 0).map((g) => ({ key: hourLabel(g.key), stats: g.stats }))} testId="journal-by-hour" />
        <StatsTable title="By weekday" rows={stats.byWeekday.map((g) => ({ key: WEEKDAY_NAMES[g.key] ?? String(g.key), stats: g.stats }))} testId="journal-by-weekday" />
        <StatsTable title="By holding time" rows={stats.byHoldingTime.map((g) => ({ key: g.key, stats: g.stats }))} testId="journal-by-holding" />
      </div>
      <PlayedOut stats={stats} />
    </div>
  );
}
