import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { JournalPlaybook } from '../../shared/contract';
import type { JournalStore } from './journal-store';

interface RuleDraft {
  readonly id?: string;
  readonly text: string;
}

interface PlaybookDraft {
  readonly id?: string;
  readonly name: string;
  readonly description: string;
  readonly rules: readonly RuleDraft[];
}

const EMPTY: PlaybookDraft = { name: '', description: '', rules: [{ text: '' }] };

/** One playbook being written: its name, description and rules (each keeps its id, so checklists keep meaning). */
function PlaybookEditor({ store, initial, onDone }: { readonly store: JournalStore; readonly initial: PlaybookDraft; readonly onDone: () => void }): ReactElement {
  const [draft, setDraft] = useState(initial);
  const { run, setNotice } = store.getState();
  const setRule = (i: number, text: string): void => setDraft({ ...draft, rules: draft.rules.map((r, k) => (k === i ? { ...r, text } : r)) });
  const save = async (): Promise<void> => {
    const rules = draft.rules.filter((r) => r.text.trim() !== '').map((r) => (r.id === undefined ? { text: r.text } : { id: r.id, text: r.text }));
    const saved = await run((c) => c.call('journal.savePlaybook', { ...(draft.id === undefined ? {} : { id: draft.id }), name: draft.name, description: draft.description, rules }));
    if (saved === null) return;
    setNotice(`playbook "${saved.name}" saved with ${String(saved.rules.length)} rules`);
    onDone();
  };
  return (
    <section className="journal-form" data-testid="playbook-editor">
      <label className="field">
        <span className="field-label">Setup name</span>
        <input className="input" data-testid="playbook-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea className="input" rows={2} data-testid="playbook-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
      <span className="field-label">Rules (the checklist)</span>
      {draft.rules.map((r, i) => (
        <div key={r.id ?? `new-${String(i)}`} className="journal-form-row">
          <input className="input playbook-rule" aria-label={`Rule ${String(i + 1)}`} data-testid="playbook-rule" value={r.text} onChange={(e) => setRule(i, e.target.value)} />
          <button type="button" className="icon-button" aria-label={`Remove rule ${String(i + 1)}`} onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, k) => k !== i) })}>
            ×
          </button>
        </div>
      ))}
      <div className="journal-form-row">
        <button type="button" className="button" data-testid="playbook-add-rule" onClick={() => setDraft({ ...draft, rules: [...draft.rules, { text: '' }] })}>
          Add a rule
        </button>
        <button type="button" className="button primary" data-testid="playbook-save" disabled={draft.name.trim() === ''} onClick={() => void save()}>
          Save playbook
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function PlaybookCard({ store, playbook, onEdit }: { readonly store: JournalStore; readonly playbook: JournalPlaybook; readonly onEdit: () => void }): ReactElement {
  const { run } = store.getState();
  return (
    <article className={`playbook-card${playbook.archived ? ' is-archived' : ''}`} data-testid="playbook-card" data-name={playbook.name}>
      <header className="journal-form-row">
        <strong>{playbook.name}</strong>
        {playbook.archived && <span className="tag">archived</span>}
        <button type="button" className="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button" onClick={() => void run((c) => c.call('journal.archivePlaybook', { id: playbook.id, archived: !playbook.archived }))}>
          {playbook.archived ? 'Bring back' : 'Archive'}
        </button>
      </header>
      {playbook.description !== '' && <p className="muted">{playbook.description}</p>}
      <ol>
        {playbook.rules.map((r) => (
          <li key={r.id}>{r.text}</li>
        ))}
      </ol>
    </article>
  );
}

/** The playbooks: each setup with its rules; a trade linked to one records which rules it met (in the trade's panel). */
export function PlaybooksView({ store }: { readonly store: JournalStore }): ReactElement {
  const playbooks = useStore(store, (s) => s.playbooks);
  const [editing, setEditing] = useState<PlaybookDraft | null>(null);
  return (
    <div className="journal-playbooks" data-testid="journal-playbooks">
      {editing === null ? (
        <button type="button" className="button primary" data-testid="playbook-new" onClick={() => setEditing(EMPTY)}>
          New playbook
        </button>
      ) : (
        <PlaybookEditor key={editing.id ?? 'new'} store={store} initial={editing} onDone={() => setEditing(null)} />
      )}
      {playbooks.length === 0 && <p className="muted">No playbooks yet: write down a setup and its rules, then link trades to it.</p>}
      {playbooks.map((p) => (
        <PlaybookCard key={p.id} store={store} playbook={p} onEdit={() => setEditing({ id: p.id, name: p.name, description: p.description, rules: p.rules })} />
      ))}
    </div>
  );
}
