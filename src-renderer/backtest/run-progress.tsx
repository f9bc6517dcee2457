import type { ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import type { RunProgress as Progress } from './backtest-store';

export interface RunProgressProps {
  readonly progress: Progress | null;
  readonly error: ContractError | null;
}

function statusText(progress: Progress, error: ContractError | null): string {
  switch (progress.status) {
    case 'starting':
      return 'Starting…';
    case 'running':
      return `Running ${String(Math.floor(progress.fraction * 100))}%`;
    case 'done':
      return 'Done';
    case 'failed':
      return error === null ? 'Failed' : `Failed: ${error.message}`;
  }
}

/** The run started from this window: a progress bar while it runs, then done or failed. */
export function RunProgress({ progress, error }: RunProgressProps): ReactElement | null {
  if (progress === null) return null;
  const busy = progress.status === 'starting' || progress.status === 'running';
  return (
    <div className={`backtest-progress is-${progress.status}`} data-testid="backtest-progress" data-status={progress.status}>
      {busy && (
        <progress
          className="backtest-progress-bar"
          max={1}
          value={progress.status === 'starting' ? undefined : progress.fraction}
          aria-label="Backtest progress"
        />
      )}
      <span className="backtest-progress-text num" title={error?.message}>
        {statusText(progress, error)}
      </span>
    </div>
  );
}
