import { useId, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { symbolSchema } from '../../shared/domain/symbol';
import { useAppStores } from '../app/app-context';
import { useLayoutActions } from '../layout/use-layout-actions';
import { isCursorKey, moveCursor } from '../watchlist/option-cursor';
import { matchSymbols, type SymbolMatch } from '../watchlist/symbol-matches';
import { SymbolOption } from '../watchlist/symbol-option';

const NO_SYMBOLS: readonly never[] = [];

/**
 * The symbol search the keyboard opens (typing letters anywhere, or clicking
 * a pane's symbol): Enter charts the highlighted symbol (or the typed one)
 * in the active pane, watched or not; Esc closes it.
 */
export function ChartSymbolSearch(): ReactElement | null {
  const stores = useAppStores();
  const search = useStore(stores.hotkeys, (s) => s.search);
  if (search === null) return null;
  return <SearchBox key={search.text} initial={search.text} />;
}

function SearchBox({ initial }: { readonly initial: string }): ReactElement {
  const stores = useAppStores();
  const { selectSymbol } = useLayoutActions();
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  const watchlist = useStore(stores.settings, (s) => s.settings?.watchlist ?? NO_SYMBOLS);
  const listId = useId();
  const [query, setQuery] = useState(initial);
  const [cursor, setCursor] = useState(0);
  const matches = useMemo(() => matchSymbols(feeds, query, watchlist), [feeds, query, watchlist]);
  const active = matches.length === 0 ? -1 : Math.min(cursor, matches.length - 1);
  const close = (): void => {
    stores.hotkeys.getState().closeAll();
  };
  const chart = (text: string): void => {
    const parsed = symbolSchema.safeParse(text);
    if (!parsed.success) return;
    selectSymbol(parsed.data);
    close();
  };
  const choose = (match: SymbolMatch): void => {
    chart(match.symbol);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (isCursorKey(event.key)) {
      event.preventDefault();
      setCursor(moveCursor(active, matches.length, event.key));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const match = matches[active];
      if (match === undefined) chart(query);
      else choose(match);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="chart-symbol-search"
        role="dialog"
        aria-label="Chart a symbol"
        data-testid="chart-symbol-search"
        onClick={(e) => {
          e.stopPropagation();
        }}
      >
        <input
          className="input symbol-search-input"
          type="text"
          role="combobox"
          aria-label="Symbol to chart"
          aria-autocomplete="list"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={active < 0 ? undefined : `${listId}-${String(active)}`}
          data-testid="chart-symbol-input"
          value={query}
          placeholder="Symbol to chart in the active pane…"
          spellCheck={false}
          autoComplete="off"
          autoFocus
          maxLength={64}
          onChange={(e) => {
            setQuery(e.target.value.toUpperCase());
            setCursor(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="symbol-search-list chart-symbol-list" role="listbox" aria-label="Matching instruments" hidden={matches.length === 0}>
          {matches.map((match, i) => (
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
    </div>
  );
}
