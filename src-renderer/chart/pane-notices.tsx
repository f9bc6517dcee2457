import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { missingSpanLine } from '../feeds/coverage-text';
import type { ChartStore } from './chart-store';
import type { ChartTarget } from './chart-target';
import { historyKey } from './history-progress-store';

export interface PaneNoticesProps {
  readonly summary: ChartStore;
  readonly target: ChartTarget | null;
}

const pct = (fraction: number): string => `${String(Math.round(fraction * 100))}%`;

/**
 * Small notes along the bottom of a pane: older bars loading (or why they
 * could not be read), history loading from the venue, and holes the
 * coverage reported in the bars drawn.
 */
export function PaneNotices({ summary, target }: PaneNoticesProps): ReactElement | null {
  const stores = useAppStores();
  const loadingOlder = useStore(summary, (s) => s.loadingOlder);
  const olderError = useStore(summary, (s) => s.olderError);
  const holes = useStore(summary, (s) => s.holes);
  const progress = useStore(stores.historyProgress, (s) => (target === null ? undefined : s.bySeries[historyKey(target.source, target.symbol)]));
  const venue = progress !== undefined && progress.state !== 'done' ? progress : null;
  const hole = holes[0];
  if (!loadingOlder && olderError === null && hole === undefined && venue === null) return null;
  return (
    <div className="chart-notices" role="status">
      {loadingOlder && (
        <span className="chart-notice" data-testid="chart-loading-older">
          Loading older bars…
        </span>
      )}
      {olderError !== null && (
        <span className="chart-notice is-bad" data-testid="chart-older-error" title={olderError.code}>
          Older bars: {olderError.message}
        </span>
      )}
      {venue !== null && (
        <span className={venue.state === 'failed' ? 'chart-notice is-bad' : 'chart-notice'} data-testid="chart-history-progress">
          {venue.state === 'failed'
            ? `History from ${venue.source.toUpperCase()} failed${venue.message === null ? '' : `: ${venue.message}`}`
            : `Loading history from ${venue.source.toUpperCase()}… ${pct(venue.fraction)} (${venue.bars.toLocaleString('en-US')} bars)`}
        </span>
      )}
      {hole !== undefined && (
        <span className="chart-notice is-warn" data-testid="chart-holes" title={holes.slice(0, 8).map(missingSpanLine).join('\n')}>
          {holes.length === 1 ? '1 hole' : `${String(holes.length)} holes`} in the bars shown: {missingSpanLine(hole)}
        </span>
      )}
    </div>
  );
}
