import { useState, type ReactElement, type SubmitEvent } from 'react';

export interface AddSymbolFormProps {
  /** No settings to add to yet. */
  readonly disabled: boolean;
  /** A write is in flight: keep typing, but do not submit. */
  readonly busy: boolean;
  /** Resolves true when the symbol was added, so the input can be cleared. */
  readonly onAdd: (symbol: string) => Promise<boolean>;
  readonly onEdit: () => void;
}

export function AddSymbolForm({ disabled, busy, onAdd, onEdit }: AddSymbolFormProps): ReactElement {
  const [text, setText] = useState('');

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy || text.trim() === '') return;
    void onAdd(text).then((added) => {
      if (added) setText('');
    });
  };

  return (
    <form className="add-symbol" onSubmit={submit} data-testid="watchlist-add">
      <input
        className="input add-symbol-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onEdit();
        }}
        placeholder="Add symbol…"
        aria-label="Symbol to add"
        spellCheck={false}
        autoComplete="off"
        maxLength={32}
        disabled={disabled}
      />
      <button type="submit" className="button" disabled={disabled || busy || text.trim() === ''}>
        Add
      </button>
    </form>
  );
}
