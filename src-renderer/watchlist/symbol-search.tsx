import { useId, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { FeedInfo } from '../../shared/contract';
import type { SymbolId } from '../../shared/domain/symbol';
import { isCursorKey, moveCursor } from './option-cursor';
import { matchSymbols, type SymbolMatch } from './symbol-matches';
import { SymbolOption } from './symbol-option';

export interface SymbolSearchProps {
  /** `feeds.list`; null until read. */
  readonly feeds: readonly FeedInfo[] | null;
  readonly watchlist: readonly SymbolId[];
  /** No settings to add to yet. */
  readonly disabled: boolean;
  /** A write is in flight: keep typing, but do not add. */
  readonly busy: boolean;
  /** Adds a symbol; resolves true when it was added, so the box can be cleared. */
  readonly onAdd: (symbol: string) => Promise<boolean>;
  /** A symbol already watched was chosen: chart it. */
  readonly onPick: (symbol: SymbolId) => void;
  readonly onEdit: () => void;
}

/**
 * Finds instruments across the feeds as you type; Enter or a click adds the
 * highlighted one (the arrow keys move the highlight, Escape closes the list,
 * then clears the box). With no match, Enter adds the typed symbol as it is.
 */
export function SymbolSearch({ feeds, watchlist, disabled, busy, onAdd, onPick, onEdit }: SymbolSearchProps): ReactElement {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => matchSymbols(feeds, query, watchlist), [feeds, query, watchlist]);
  const active = matches.length === 0 ? -1 : Math.min(cursor, matches.length - 1);
  const expanded = open && matches.length > 0;

  const reset = (): void => {
    setQuery('');
    setCursor(0);
    setOpen(false);
  };
  const add = (symbol: string): void => {
    if (busy || symbol.trim() === '') return;
    void onAdd(symbol).then((added) => {
      if (added) reset();
    });
  };
  const choose = (match: SymbolMatch): void => {
    if (!match.watched) {
      add(match.symbol);
      return;
    }
    onPick(match.symbol);
    reset();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (isCursorKey(event.key)) {
      if (matches.length === 0) return;
      event.preventDefault();
      setOpen(true);
      setCursor(moveCursor(expanded ? active : -1, matches.length, event.key));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const match = expanded ? matches[active] : undefined;
      if (match === undefined) add(query);
      else choose(match);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else reset();
    }
  };

  return (
    <div className="symbol-search">
      <input
        className="input symbol-search-input"
        type="text"
        role="combobox"
        aria-label="Search symbols to add"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${String(active)}` : undefined}
        data-testid="symbol-search"
        value={query}
        placeholder="Search or add symbol…"
        spellCheck={false}
        autoComplete="off"
        maxLength={64}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setCursor(0);
          setOpen(true);
          onEdit();
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
        }}
      />
      <ul id={listId} className="symbol-search-list" role="listbox" aria-label="Matching instruments" hidden={!expanded}>
        {expanded &&
          matches.map((match, i) => (
            <SymbolOption
              key={match.symbol}
              id={`${listId}-${String(i)}`}
              match={match}
              active={i === active}
              onChoose={choose}
              onHover={() => {
                setCursor(i);
              }}
            />
          ))}
      </ul>
    </div>
  );
}
