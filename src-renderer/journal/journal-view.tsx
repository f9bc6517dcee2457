import { useEffect, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { TapedeckClient } from '../api/tapedeck-client';
import { useAppContext } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { CalendarView } from './calendar-view';
import { FilterBar } from './filter-bar';
import { ImportForm } from './import-form';
import { createJournalStore, type JournalStore } from './journal-store';
import { JournalToolbar } from './journal-toolbar';
import { ManualTradeForm } from './manual-trade-form';
import { PlaybooksView } from './playbooks-view';
import { StatsView } from './stats-view';
import { TradeDetailPanel } from './trade-detail';
import { TradeGallery } from './trade-gallery';
import { TradeList } from './trade-list';

/** One journal store per client: it outlives the tab being switched away and back. */
const stores = new WeakMap<TapedeckClient, JournalStore>();

export function journalStoreOf(client: TapedeckClient): JournalStore {
  let store = stores.get(client);
  if (store === undefined) {
    store = createJournalStore(client);
    stores.set(client, store);
  }
  return store;
}

function Body({ store }: { readonly store: JournalStore }): ReactElement {
  const view = useStore(store, (s) => s.view);
  const trades = useStore(store, (s) => s.trades);
  const accounts = useStore(store, (s) => s.accounts);
  const selected = useStore(store, (s) => s.selected);
  const media = useStore(store, (s) => s.media);
  const { select } = store.getState();
  switch (view) {
    case 'list':
      return <TradeList trades={trades} accounts={accounts} selected={selected} onSelect={select} />;
    case 'gallery':
      return <TradeGallery trades={trades} media={media} selected={selected} onSelect={select} />;
    case 'stats':
      return <StatsView store={store} />;
    case 'calendar':
      return <CalendarView store={store} />;
    case 'playbooks':
      return <PlaybooksView store={store} />;
  }
}

/** The Journal tab: every trade (paper, imported, entered by hand) with its screenshots, notes, tags, playbook, statistics and calendar. */
export function JournalView(): ReactElement {
  const { client } = useAppContext();
  const store = journalStoreOf(client);
  const form = useStore(store, (s) => s.form);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);
  const selected = useStore(store, (s) => s.selected);
  const loading = useStore(store, (s) => s.loading);
  const editingId = useStore(store, (s) => s.editing?.trade.id ?? 'new');
  const expanded = useStore(store, (s) => s.expanded);

  useEffect(() => {
    const stop = store.getState().start();
    void store.getState().reload();
    return stop;
  }, [store]);

  return (
    <div className={`journal-view${expanded ? ' is-expanded' : ''}`} data-testid="journal-view" aria-busy={loading}>
      <JournalToolbar store={store} />
      <FilterBar store={store} />
      {error !== null && <ErrorNote error={error} testId="journal-error" onDismiss={() => store.setState({ error: null })} />}
      {notice !== null && (
        <p className="journal-notice" role="status" data-testid="journal-notice">
          {notice}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => store.getState().setNotice(null)}>
            ×
          </button>
        </p>
      )}
      {form === 'manual' && <ManualTradeForm key={editingId} store={store} />}
      {form === 'import' && <ImportForm store={store} />}
      <div className={`journal-body${selected === null ? '' : ' has-detail'}`}>
        <div className="journal-main">
          <Body store={store} />
        </div>
        {selected !== null && <TradeDetailPanel store={store} />}
      </div>
    </div>
  );
}
