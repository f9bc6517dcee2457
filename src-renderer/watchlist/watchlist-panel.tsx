import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { Panel } from '../app/panel';
import { AddSymbolForm } from './add-symbol-form';
import { WatchlistRow } from './watchlist-row';

/** The symbols from settings, kept live, with add and remove written back through `settings.set`. */
export function WatchlistPanel(): ReactElement {
  const stores = useAppStores();
  const settings = useStore(stores.settings, (s) => s.settings);
  const loadError = useStore(stores.settings, (s) => s.loadError);
  const saveError = useStore(stores.settings, (s) => s.saveError);
  const saving = useStore(stores.settings, (s) => s.saving);
  const { addSymbol, removeSymbol, clearSaveError } = stores.settings.getState();
  const activeSymbol = useStore(stores.workspace, (s) => s.activeSymbol);
  const selectSymbol = useStore(stores.workspace, (s) => s.selectSymbol);

  const watchlist = settings?.watchlist ?? [];
  const count = settings === null ? '' : String(watchlist.length);

  return (
    <Panel title="Watchlist" aside={<span className="num muted">{count}</span>} className="watchlist" testId="watchlist">
      <div className="watch-head" aria-hidden="true">
        <span>Symbol</span>
        <span className="num">Last</span>
        <span className="num">Chg%</span>
      </div>
      {loadError !== null && <ErrorNote error={loadError} testId="watchlist-load-error" />}
      {settings === null && loadError === null && <p className="empty-note">Loading settings…</p>}
      {settings !== null && watchlist.length === 0 && <p className="empty-note">No symbols yet. Add one below.</p>}
      <ul className="watch-list" data-testid="watchlist-symbols">
        {watchlist.map((symbol) => (
          <WatchlistRow
            key={symbol}
            symbol={symbol}
            active={symbol === activeSymbol}
            disabled={saving}
            onSelect={selectSymbol}
            onRemove={(s) => void removeSymbol(s)}
          />
        ))}
      </ul>
      <div className="watch-footer">
        {saveError !== null && <ErrorNote error={saveError} onDismiss={clearSaveError} testId="watchlist-error" />}
        <AddSymbolForm disabled={settings === null} busy={saving} onAdd={addSymbol} onEdit={clearSaveError} />
      </div>
    </Panel>
  );
}
