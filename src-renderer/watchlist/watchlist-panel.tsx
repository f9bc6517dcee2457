import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { Panel } from '../app/panel';
import { useResolvedChart } from '../chart/use-resolved-pane';
import { findInstrument } from '../feeds/feed-lookup';
import { useLayoutActions } from '../layout/use-layout-actions';
import { pricePrecision } from '../format/price-precision';
import { SymbolSearch } from './symbol-search';
import { WatchlistRow } from './watchlist-row';

const NO_SYMBOLS: readonly never[] = [];

/**
 * The symbols from settings with their daily quotes (each from its resolved
 * source), kept live; symbols are found and added with the search box at the
 * top, removed per row, and written back through `settings.set`. Selecting a
 * row charts it.
 */
export function WatchlistPanel(): ReactElement {
  const stores = useAppStores();
  const settings = useStore(stores.settings, (s) => s.settings);
  const loadError = useStore(stores.settings, (s) => s.loadError);
  const saveError = useStore(stores.settings, (s) => s.saveError);
  const saving = useStore(stores.settings, (s) => s.saving);
  const { addSymbol, removeSymbol, clearSaveError } = stores.settings.getState();
  const { selectSymbol } = useLayoutActions();
  const charted = useResolvedChart().symbol;
  const quotes = useStore(stores.quotes, (s) => s.quotes);
  const sources = useStore(stores.quotes, (s) => s.sources);
  const feeds = useStore(stores.feeds, (s) => s.feeds);

  const watchlist = settings?.watchlist ?? NO_SYMBOLS;
  const count = settings === null ? '' : String(watchlist.length);

  return (
    <Panel title="Watchlist" aside={<span className="num muted">{count}</span>} className="watchlist" testId="watchlist">
      <div className="watch-search">
        <SymbolSearch
          feeds={feeds}
          watchlist={watchlist}
          disabled={settings === null}
          busy={saving}
          onAdd={addSymbol}
          onPick={selectSymbol}
          onEdit={clearSaveError}
        />
        {saveError !== null && <ErrorNote error={saveError} onDismiss={clearSaveError} testId="watchlist-error" />}
      </div>
      <div className="watch-head" aria-hidden="true">
        <span>Symbol</span>
        <span className="num">Last</span>
        <span className="num">Chg%</span>
      </div>
      {loadError !== null && <ErrorNote error={loadError} testId="watchlist-load-error" />}
      {settings === null && loadError === null && <p className="empty-note">Loading settings…</p>}
      {settings !== null && watchlist.length === 0 && <p className="empty-note">No symbols yet. Search for one above.</p>}
      <ul className="watch-list" role="listbox" aria-label="Watched symbols" data-testid="watchlist-symbols">
        {watchlist.map((symbol) => {
          const quote = quotes[symbol] ?? null;
          const source = sources[symbol];
          const instrument = source === undefined ? null : findInstrument(feeds, source, symbol);
          return (
            <WatchlistRow
              key={symbol}
              symbol={symbol}
              source={source ?? null}
              selected={symbol === charted}
              disabled={saving}
              quote={quote}
              precision={pricePrecision(instrument?.tickSize ?? null, quote?.last ?? null)}
              onSelect={selectSymbol}
              onRemove={(s) => void removeSymbol(s)}
              onTrade={source === undefined ? null : (side) => stores.trading.entry.quickOrder(side, { source, symbol }, 'watchlist')}
            />
          );
        })}
      </ul>
    </Panel>
  );
}
