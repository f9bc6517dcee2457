import type { ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import type { FieldError } from '../../shared/trading/field-error';
import { noteFor, type TicketField } from './field-errors';

export interface FieldNoteProps {
  readonly field: TicketField;
  readonly error: ContractError | null;
  readonly problem: FieldError | null;
}

/** A refusal (or the preview's problem) shown right under the field it names. */
export function FieldNote({ field, error, problem }: FieldNoteProps): ReactElement | null {
  const note = noteFor(field, error, problem);
  if (note === null) return null;
  return (
    <p className={note.refused ? 'field-note is-refused' : 'field-note'} role={note.refused ? 'alert' : undefined} data-testid={`ticket-note-${field}`} data-code={note.refused ? (error?.code ?? '') : ''}>
      {note.refused && error !== null && <span className="field-note-code">{error.code}</span>}
      {note.text}
    </p>
  );
}
