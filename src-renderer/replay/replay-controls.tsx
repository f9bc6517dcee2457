import { useState, type ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import { UtcTimeInput } from '../app/utc-time-input';
import { parseUtcDateTimeLocal } from '../format/utc-datetime-local';
import type { ReplayAbilities } from './replay-abilities';
import { ReplayField } from './replay-field';
import type { ReplayAction } from './replay-store';

export interface ReplayControlsProps {
  readonly can: ReplayAbilities;
  readonly onAction: (action: ReplayAction) => void;
  readonly onInvalid: (error: ContractError) => void;
}

type SimpleAction = 'pause' | 'resume' | 'step' | 'stop';

const BUTTONS: readonly { readonly kind: SimpleAction; readonly label: string }[] = [
  { kind: 'pause', label: 'Pause' },
  { kind: 'resume', label: 'Resume' },
  { kind: 'step', label: 'Step' },
  { kind: 'stop', label: 'Stop' },
];

/** Pause, Resume, Step and Stop, and a seek to a UTC time. */
export function ReplayControls({ can, onAction, onInvalid }: ReplayControlsProps): ReactElement {
  const [seekTo, setSeekTo] = useState('');

  const seek = (): void => {
    const time = parseUtcDateTimeLocal(seekTo);
    if (time === null) onInvalid({ code: 'BAD_REQUEST', message: 'time: enter a date and time (UTC) to seek to', path: 'params.time' });
    else onAction({ kind: 'seek', time });
  };

  return (
    <div className="replay-controls" role="group" aria-label="Replay controls">
      {BUTTONS.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          className="button"
          disabled={!can[kind]}
          data-testid={`replay-${kind}`}
          onClick={() => {
            onAction({ kind });
          }}
        >
          {label}
        </button>
      ))}
      <ReplayField label="Seek to (UTC)" className="replay-seek">
        <UtcTimeInput value={seekTo} onChange={setSeekTo} testId="replay-seek-time" />
      </ReplayField>
      <button type="button" className="button" disabled={!can.seek || seekTo === ''} onClick={seek} data-testid="replay-seek">
        Seek
      </button>
    </div>
  );
}
