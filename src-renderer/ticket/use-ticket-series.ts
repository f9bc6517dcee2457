import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { SymbolId } from '../../shared/domain/symbol';
import { useAppStores } from '../app/app-context';
import { useResolvedChart } from '../chart/use-resolved-pane';
import { resolveSource } from '../feeds/source-resolution';
import { useFeedSituation } from '../feeds/use-feed-situation';
import type { Series } from '../trading/instrument-lookup';

/** The series the ticket trades: the active pane's, or the symbol typed on it at its resolved source; null while pending. */
export function useTicketSeries(typed: SymbolId | null): Series | null {
  const chart = useResolvedChart();
  const defaultFeed = useStore(useAppStores().settings, (s) => s.settings?.defaultFeed ?? null);
  const situation = useFeedSituation();
  const source = chart.target?.source ?? null;
  const symbol = chart.target?.symbol ?? null;
  return useMemo(() => {
    if (typed === null) return source === null || symbol === null ? null : { source, symbol };
    if (defaultFeed === null) return null;
    const resolution = resolveSource(typed, defaultFeed, situation);
    return resolution === null ? null : { source: resolution.source, symbol: typed };
  }, [typed, source, symbol, defaultFeed, situation]);
}
