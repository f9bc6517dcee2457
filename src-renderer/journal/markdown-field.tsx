import { useState, type ReactElement } from 'react';
import { MarkdownView } from './markdown-view';

export interface MarkdownFieldProps {
  readonly label: string;
  readonly value: string;
  readonly maxLength: number;
  readonly placeholder: string;
  readonly testId: string;
  readonly onSave: (value: string) => Promise<boolean>;
}

/** Markdown the trader writes: shown rendered (safely), edited in a text area, saved on demand. */
export function MarkdownField({ label, value, maxLength, placeholder, testId, onSave }: MarkdownFieldProps): ReactElement {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (): Promise<void> => {
    if (draft === null) return;
    setSaving(true);
    const ok = await onSave(draft);
    setSaving(false);
    if (ok) setDraft(null);
  };
  return (
    <section className="md-field" data-testid={testId}>
      <header className="md-field-head">
        <h4>{label}</h4>
        {draft === null ? (
          <button type="button" className="button" data-testid={`${testId}-edit`} onClick={() => setDraft(value)}>
            Edit
          </button>
        ) : (
          <span className="md-field-actions">
            <button type="button" className="button primary" disabled={saving} data-testid={`${testId}-save`} onClick={() => void save()}>
              Save
            </button>
            <button type="button" className="button" disabled={saving} onClick={() => setDraft(null)}>
              Cancel
            </button>
          </span>
        )}
      </header>
      {draft === null ? (
        value.trim() === '' ? (
          <p className="muted">{placeholder}</p>
        ) : (
          <MarkdownView text={value} testId={`${testId}-view`} />
        )
      ) : (
        <div className="md-field-edit">
          <textarea className="input" value={draft} maxLength={maxLength} rows={6} aria-label={label} data-testid={`${testId}-input`} onChange={(e) => setDraft(e.target.value)} />
          <MarkdownView text={draft} testId={`${testId}-preview`} />
        </div>
      )}
    </section>
  );
}
