import type { ReactElement } from 'react';
import type { ReplayState } from '../../shared/contract';
import { formatTimestampUtc } from '../format/format-timestamp';

export interface ReplayStatusProps {
  readonly replay: ReplayState | null;
  readonly canChart: boolean;
  readonly onChart: () => void;
}

const time = (ms: number | null): string => (ms === null ? '—' : formatTimestampUtc(ms));

/** The replay as `replay.changed` last reported it, and the button that charts it. */
export function ReplayStatus({ replay, canChart, onChart }: ReplayStatusProps): ReactElement {
  const status = replay?.status ?? 'unknown';
  const series = replay?.symbol == null ? '—' : `${(replay.source ?? '').toUpperCase()} ${replay.symbol}`;
  return (
    <div className="replay-status" data-testid="replay-state" data-status={status}>
      <span className="replay-fact">
        <span className="field-label">Status</span>{' '}
        <span className={`replay-status-value is-${status}`} data-testid="replay-status">
          {status}
        </span>
      </span>
      <span className="replay-fact">
        <span className="field-label">Series</span> <span className="num">{series}</span>
      </span>
      <span className="replay-fact">
        <span className="field-label">Cursor</span>{' '}
        <span className="num" data-testid="replay-cursor">
          {time(replay?.cursor ?? null)}
        </span>
      </span>
      <span className="replay-fact">
        <span className="field-label">Range</span>{' '}
        <span className="num">
          {time(replay?.from ?? null)} → {time(replay?.to ?? null)}
        </span>
      </span>
      <span className="replay-fact">
        <span className="field-label">Speed</span>{' '}
        <span className="num" data-testid="replay-speed">
          {replay === null ? '—' : `${String(replay.speed)}×`}
        </span>
      </span>
      <button type="button" className="button" disabled={!canChart} onClick={onChart} data-testid="replay-chart">
        Chart replay
      </button>
    </div>
  );
}
