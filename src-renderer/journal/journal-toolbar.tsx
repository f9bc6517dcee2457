import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { EXPORT_KINDS } from '../../shared/contract';
import { downloadText } from '../trading/download-text';
import { toTripFilter } from './journal-filter';
import type { JournalStore, JournalViewKind } from './journal-store';

type ExportKind = (typeof EXPORT_KINDS)[number];

const VIEWS: readonly [JournalViewKind, string][] = [
  ['list', 'List'],
  ['gallery', 'Gallery'],
  ['stats', 'Statistics'],
  ['calendar', 'Calendar'],
  ['playbooks', 'Playbooks'],
];

const EXPORTS: readonly [ExportKind, string][] = [
  ['executions', 'Export fills CSV'],
  ['trips', 'Export trades CSV'],
  ['html', 'HTML report'],
];

/** The journal's views, and what the trader does to it: enter a trade, import, export, screenshot now. */
export function JournalToolbar({ store }: { readonly store: JournalStore }): ReactElement {
  const view = useStore(store, (s) => s.view);
  const total = useStore(store, (s) => s.total);
  const shown = useStore(store, (s) => s.trades.length);
  const expanded = useStore(store, (s) => s.expanded);
  const { setView, openForm, run, setNotice, capture, setExpanded } = store.getState();
  const exportAs = async (kind: ExportKind): Promise<void> => {
    const r = await run((c) => c.call('journal.export', { kind, filter: toTripFilter(store.getState().draft) }));
    if (r === null) return;
    downloadText(document, r.fileName, r.text, r.mime);
    setNotice(`exported ${String(r.count)} ${kind === 'executions' ? 'fills' : 'trades'} to ${r.fileName}`);
  };
  return (
    <div className="journal-toolbar">
      <div className="journal-views" role="tablist" aria-label="Journal views">
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={view === id} className={`journal-view-button${view === id ? ' is-active' : ''}`} data-testid={`journal-view-${id}`} onClick={() => setView(id)}>
            {label}
          </button>
        ))}
      </div>
      <span className="muted num" data-testid="journal-count">
        {shown === total ? `${String(total)} trades` : `${String(shown)} of ${String(total)} trades`}
      </span>
      <span className="journal-toolbar-gap" />
      <button type="button" className="button" data-testid="journal-new-trade" onClick={() => openForm('manual')}>
        New trade
      </button>
      <button type="button" className="button" data-testid="journal-import" onClick={() => openForm('import')}>
        Import
      </button>
      {EXPORTS.map(([kind, label]) => (
        <button key={kind} type="button" className="button" data-testid={`journal-export-${kind}`} onClick={() => void exportAs(kind)}>
          {label}
        </button>
      ))}
      <button type="button" className="button" title="Alt+S" data-testid="journal-capture" onClick={() => void capture()}>
        Screenshot
      </button>
      <button type="button" className="button" aria-pressed={expanded} data-testid="journal-expand" title={expanded ? 'Back into the bottom panel' : 'Over the whole workstation'} onClick={() => setExpanded(!expanded)}>
        {expanded ? 'Dock' : 'Expand'}
      </button>
    </div>
  );
}
