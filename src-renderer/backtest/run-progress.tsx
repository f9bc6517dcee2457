import type { ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import type { RunProgress as Progress } from './backtest-store';

export interface RunProgressProps {
  readonly progress: Progress | null;
  readonly error: ContractError | null;
  /** Stops the run (shown while it runs). */
  readonly onCancel: () => void;
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
    case 'canceled':
      return 'Canceled';
  }
}

/** The run started from this window: a progress bar and Cancel while it runs, then done, failed or canceled. */
export function RunProgress({ progress, error, onCancel }: RunProgressProps): ReactElement | null {
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
      {progress.status === 'running' && (
        <button type="button" className="button backtest-small" onClick={onCancel} data-testid="backtest-cancel">
          Cancel
        </button>
      )}
    </div>
  );
}
