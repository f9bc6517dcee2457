import type { ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';

export interface ErrorNoteProps {
  readonly error: ContractError;
  readonly onDismiss?: () => void;
  readonly testId?: string;
}

/** A contract error shown inline: its code, message and the field it names. */
export function ErrorNote({ error, onDismiss, testId }: ErrorNoteProps): ReactElement {
  return (
    <div className="error-note" role="alert" data-testid={testId} data-code={error.code}>
      <span className="error-code">{error.code}</span>
      <span className="error-message">{error.message}</span>
      {error.path !== '' && <span className="error-path">at {error.path}</span>}
      {onDismiss !== undefined && (
        <button type="button" className="icon-button error-dismiss" aria-label="Dismiss error" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
