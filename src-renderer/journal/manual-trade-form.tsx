import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { JournalStore } from './journal-store';
import { draftFromDetail, emptyFill, manualParams, newDraft, type FillDraft, type ManualDraft } from './manual-trade-draft';

const ZONES = ['America/New_York', 'UTC'] as const;

function FillRow({ fill, index, onChange, onRemove }: { readonly fill: FillDraft; readonly index: number; readonly onChange: (f: FillDraft) => void; readonly onRemove: () => void }): ReactElement {
  const field = (key: 'qty' | 'price' | 'fee' | 'time', label: string, width: string): ReactElement => (
    <input className="input num" style={{ width }} aria-label={`Fill ${String(index + 1)} ${label}`} data-testid={`manual-fill-${key}`} value={fill[key]} placeholder={label} onChange={(e) => onChange({ ...fill, [key]: e.target.value })} />
  );
  return (
    <div className="manual-fill" data-testid="manual-fill">
      <select className="input" aria-label={`Fill ${String(index + 1)} side`} data-testid="manual-fill-side" value={fill.side} onChange={(e) => onChange({ ...fill, side: e.target.value === 'sell' ? 'sell' : 'buy' })}>
        <option value="buy">buy</option>
        <option value="sell">sell</option>
      </select>
      {field('qty', 'quantity', '80px')}
      {field('price', 'price', '90px')}
      {field('fee', 'fee', '60px')}
      {field('time', 'time', '150px')}
      <button type="button" className="icon-button" aria-label={`Remove fill ${String(index + 1)}`} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

/** Enter a trade by hand, or edit a manual trade's fills (its notes stay with it). */
export function ManualTradeForm({ store }: { readonly store: JournalStore }): ReactElement {
  const accounts = useStore(store, (s) => s.accounts);
  const editing = useStore(store, (s) => s.editing);
  const [draft, setDraft] = useState<ManualDraft>(() => (editing === null ? newDraft(accounts[0]?.id ?? '', 'America/New_York', Date.now()) : draftFromDetail(editing)));
  const [problem, setProblem] = useState<string | null>(null);
  const { run, openForm, select, setNotice } = store.getState();
  const patch = (p: Partial<ManualDraft>): void => setDraft({ ...draft, ...p });
  const setFill = (i: number, f: FillDraft): void => patch({ fills: draft.fills.map((x, k) => (k === i ? f : x)) });
  const save = async (): Promise<void> => {
    const params = manualParams(draft);
    if (!params.ok) {
      setProblem(params.error);
      return;
    }
    setProblem(null);
    const r = await run((c) => c.call('journal.saveTrade', params.value));
    if (r === null) return;
    openForm('none');
    setNotice(`saved: ${String(r.trades.length)} trade${r.trades.length === 1 ? '' : 's'} from ${String(draft.fills.length)} fills`);
    const first = r.trades[0];
    if (first !== undefined) select(first.id);
  };
  return (
    <section className="journal-form" data-testid="journal-manual-form" aria-label={draft.tripId === null ? 'New trade' : 'Edit trade'}>
      <h4>{draft.tripId === null ? 'Enter a trade by hand' : 'Edit the fills of this trade'}</h4>
      <div className="journal-form-row">
        <label className="field">
          <span className="field-label">Account</span>
          <select className="input" data-testid="manual-account" value={draft.accountId} disabled={draft.tripId !== null} onChange={(e) => patch({ accountId: e.target.value })}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Symbol</span>
          <input className="input" data-testid="manual-symbol" value={draft.symbol} disabled={draft.tripId !== null} onChange={(e) => patch({ symbol: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Chart source</span>
          <input className="input" style={{ width: '80px' }} data-testid="manual-source" value={draft.source} disabled={draft.tripId !== null} onChange={(e) => patch({ source: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Multiplier</span>
          <input className="input num" style={{ width: '60px' }} data-testid="manual-multiplier" value={draft.multiplier} onChange={(e) => patch({ multiplier: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Times in</span>
          <select className="input" data-testid="manual-zone" value={draft.zone} onChange={(e) => patch({ zone: e.target.value })}>
            {ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.fills.map((f, i) => (
        <FillRow key={i} fill={f} index={i} onChange={(x) => setFill(i, x)} onRemove={() => patch({ fills: draft.fills.filter((_, k) => k !== i) })} />
      ))}
      <div className="journal-form-row">
        <button type="button" className="button" data-testid="manual-add-fill" onClick={() => patch({ fills: [...draft.fills, emptyFill('sell', draft.fills.at(-1)?.time ?? '')] })}>
          Add a fill
        </button>
        <button type="button" className="button primary" data-testid="manual-save" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="button" onClick={() => openForm('none')}>
          Cancel
        </button>
        {problem !== null && (
          <span className="tone-bad" role="alert" data-testid="manual-problem">
            {problem}
          </span>
        )}
      </div>
      <p className="muted">Manual fills are kept in the journal only: they never change a paper account’s positions or cash.</p>
    </section>
  );
}
