import type { JournalStatsWire, TradeStatsWire } from '../../shared/contract';
import type { GroupStats } from '../../shared/journal/group-stats';
import type { JournalStats } from '../../shared/journal/journal-stats';
import type { TradeStats } from '../../shared/journal/trade-stats';

/** A profit factor with no losing trade is Infinity, which JSON cannot carry: it travels as "Infinity". */
export function encodeTradeStats(s: TradeStats): TradeStatsWire {
  return { ...s, profitFactor: s.profitFactor === Number.POSITIVE_INFINITY ? 'Infinity' : s.profitFactor };
}

function groups<K>(list: readonly GroupStats<K>[]): { key: K; stats: TradeStatsWire }[] {
  return list.map((g) => ({ key: g.key, stats: encodeTradeStats(g.stats) }));
}

export function encodeJournalStats(s: JournalStats, calendarZone: string): JournalStatsWire {
  const byGroup: Record<string, { key: string; stats: TradeStatsWire }[]> = {};
  for (const [name, list] of Object.entries(s.byGroup)) byGroup[name] = groups(list);
  return {
    overall: encodeTradeStats(s.overall),
    byGroup: byGroup,
    byHour: groups(s.byHour),
    byWeekday: groups(s.byWeekday),
    byHoldingTime: groups(s.byHoldingTime),
    equity: [...s.equity],
    daily: s.daily.map((d) => ({ ...d, tripIds: [...d.tripIds] })),
    calendarZone,
  };
}
