import type { ReactElement, SubmitEvent } from 'react';
import { FormField } from '../backtest/form-field';
import { SCHEDULE_KINDS, type DraftErrors, type ScheduleDraft, type ScheduleKind } from './schedule-draft';
import type { DraftPatch } from './marker-schedules-store';

export interface ScheduleEditorProps {
  readonly draft: ScheduleDraft;
  readonly errors: DraftErrors;
  readonly saving: boolean;
  readonly onEdit: (patch: DraftPatch) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

const KIND_SET: ReadonlySet<string> = new Set(SCHEDULE_KINDS);
const isKind = (value: string): value is ScheduleKind => KIND_SET.has(value);

const ENTRY_LABELS: Readonly<Record<ScheduleKind, string>> = {
  times: 'Times, one a line (HH:MM New York, inside 09:30–16:00, sorted)',
  dates: 'Dates, one a line (YYYY-MM-DD, or YYYY-MM-DDTHH:MM New York, sorted)',
  sessions: '',
};

const ENTRY_PLACEHOLDERS: Readonly<Record<ScheduleKind, string>> = {
  times: '09:30\n10:00\n10:30',
  dates: '2024-01-02\n2024-01-03T10:30',
  sessions: '',
};

/** A user schedule's form: name, kind, then its entries (times or dates) or `every` and `anchor` (sessions). */
export function ScheduleEditor({ draft, errors, saving, onEdit, onSave, onCancel }: ScheduleEditorProps): ReactElement {
  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSave();
  };
  return (
    <form className="markers-editor" onSubmit={submit} data-testid="marker-editor">
      <fieldset className="backtest-group">
        <legend className="backtest-legend">{draft.original === null ? 'New schedule' : `Edit "${draft.original}"`}</legend>
        {errors[''] !== undefined && (
          <span className="backtest-field-error markers-form-error" role="alert" data-testid="marker-error">
            {errors['']}
          </span>
        )}
        <div className="backtest-row">
          <FormField label="Name" error={errors.name} errorTestId="marker-name-error">
            <input
              className="input markers-name-input"
              value={draft.name}
              maxLength={64}
              spellCheck={false}
              onChange={(e) => {
                onEdit({ name: e.target.value });
              }}
              data-testid="marker-name"
            />
          </FormField>
          <FormField label="Kind" error={errors.kind} errorTestId="marker-kind-error">
            <select
              className="input"
              value={draft.kind}
              onChange={(e) => {
                if (isKind(e.target.value)) onEdit({ kind: e.target.value });
              }}
              data-testid="marker-kind"
            >
              {SCHEDULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        {draft.kind === 'sessions' ? (
          <div className="backtest-row">
            <FormField label="Every (sessions)" error={errors.every} errorTestId="marker-every-error">
              <input
                className="input backtest-number"
                type="number"
                min={1}
                max={1000}
                step={1}
                value={draft.every}
                onChange={(e) => {
                  onEdit({ every: e.target.value });
                }}
                data-testid="marker-every"
              />
            </FormField>
            <FormField label="Anchor (YYYY-MM-DD)" error={errors.anchor} errorTestId="marker-anchor-error">
              <input
                className="input markers-anchor"
                value={draft.anchor}
                spellCheck={false}
                onChange={(e) => {
                  onEdit({ anchor: e.target.value });
                }}
                data-testid="marker-anchor"
              />
            </FormField>
          </div>
        ) : (
          <FormField label={ENTRY_LABELS[draft.kind]} error={errors.entries} errorTestId="marker-entries-error" className="markers-entries-field">
            <textarea
              className="input markers-entries"
              rows={8}
              spellCheck={false}
              value={draft.entries}
              placeholder={ENTRY_PLACEHOLDERS[draft.kind]}
              onChange={(e) => {
                onEdit({ entries: e.target.value });
              }}
              data-testid="marker-entries"
            />
          </FormField>
        )}
        <div className="backtest-row">
          <button type="submit" className="button button-primary backtest-small" disabled={saving} data-testid="marker-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button backtest-small" onClick={onCancel} data-testid="marker-cancel">
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
