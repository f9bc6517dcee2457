import { useState, type ReactElement } from 'react';
import { symbolSchema, type SymbolId } from '../../shared/domain/symbol';

export interface TicketSymbolFieldProps {
  /** The symbol typed on the ticket; null: it follows the active pane. */
  readonly typed: SymbolId | null;
  /** What the ticket trades now (the pane's symbol when following). */
  readonly shown: SymbolId | null;
  readonly source: string | null;
  readonly onChange: (symbol: SymbolId | null) => void;
}

/** The ticket's symbol: the active pane's unless another is typed (Enter), and a button back to the chart's. */
export function TicketSymbolField({ typed, shown, source, onChange }: TicketSymbolFieldProps): ReactElement {
  const [text, setText] = useState<string | null>(null);
  const commit = (): void => {
    if (text === null) return;
    const parsed = symbolSchema.safeParse(text);
    setText(null);
    if (!parsed.success || text.trim() === '') return;
    onChange(parsed.data === shown && typed === null ? null : parsed.data);
  };
  return (
    <div className="ticket-symbol">
      <input
        className="input ticket-symbol-input"
        aria-label="Ticket symbol"
        data-testid="ticket-symbol"
        spellCheck={false}
        maxLength={32}
        value={text ?? shown ?? ''}
        placeholder="Symbol"
        onChange={(e) => setText(e.target.value.toUpperCase())}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {source !== null && <span className="tag tag-source">{source.toUpperCase()}</span>}
      {typed === null ? (
        <span className="ticket-follow muted" title="The ticket trades the active chart pane's symbol">
          chart
        </span>
      ) : (
        <button type="button" className="button ticket-follow-button" data-testid="ticket-follow" title="Trade the active chart pane's symbol again" onClick={() => onChange(null)}>
          ↺ chart
        </button>
      )}
    </div>
  );
}
