import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { TRIP_OUTCOMES } from '../../shared/journal/outcome';
import { EMPTY_FILTER, isFiltering, type FilterDraft } from './journal-filter';
import type { JournalStore } from './journal-store';

const TEXT_FIELDS: readonly [keyof FilterDraft, string, string][] = [
  ['symbols', 'Symbols', 'SPY, BTCUSDT'],
  ['tags', 'Tags', 'fomo'],
  ['setups', 'Setups', 'ORB'],
  ['strategies', 'Strategies', 'orb'],
];

/** Filters for the list, gallery, statistics and calendar: dates (UTC days), account, symbol, tag, setup, strategy, outcome. */
export function FilterBar({ store }: { readonly store: JournalStore }): ReactElement {
  const draft = useStore(store, (s) => s.draft);
  const accounts = useStore(store, (s) => s.accounts);
  const { setDraft } = store.getState();
  return (
    <div className="journal-filters" data-testid="journal-filters" role="search" aria-label="Filter trades">
      <input className="input num" style={{ width: '96px' }} aria-label="From day" placeholder="from YYYY-MM-DD" data-testid="journal-filter-from" value={draft.from} onChange={(e) => setDraft({ from: e.target.value })} />
      <input className="input num" style={{ width: '96px' }} aria-label="To day" placeholder="to YYYY-MM-DD" data-testid="journal-filter-to" value={draft.to} onChange={(e) => setDraft({ to: e.target.value })} />
      <select className="input" aria-label="Account" data-testid="journal-filter-account" value={draft.account} onChange={(e) => setDraft({ account: e.target.value })}>
        <option value="">all accounts</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {TEXT_FIELDS.map(([key, label, example]) => (
        <input key={key} className="input" style={{ width: '84px' }} aria-label={label} placeholder={`${label.toLowerCase()}: ${example}`} data-testid={`journal-filter-${key}`} value={draft[key]} onChange={(e) => setDraft({ [key]: e.target.value })} />
      ))}
      <select className="input" aria-label="Outcome" data-testid="journal-filter-outcome" value={draft.outcome} onChange={(e) => setDraft({ outcome: TRIP_OUTCOMES.find((o) => o === e.target.value) ?? '' })}>
        <option value="">any outcome</option>
        {TRIP_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {isFiltering(draft) && (
        <button type="button" className="button" data-testid="journal-filter-clear" onClick={() => setDraft(EMPTY_FILTER)}>
          Clear
        </button>
      )}
    </div>
  );
}
