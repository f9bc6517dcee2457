import { useMemo, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { MarkerSchedule } from '../../shared/strategy/marker-schedule';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { useNow } from '../app/use-now';
import { CsvImportForm } from './csv-import-form';
import { ScheduleEditor } from './schedule-editor';
import { scheduleRows } from './schedule-rows';
import { ScheduleTable } from './schedule-table';

const NONE: readonly MarkerSchedule[] = [];
/** The next markers are recomputed this often (they move on as the clock passes them). */
const NOW_PERIOD_MS = 30_000;

/** The Markers pane of the Backtests tab: every marker schedule, and the user's created, edited, imported and deleted. */
export function MarkersPane(): ReactElement {
  const stores = useAppStores();
  const store = stores.markerSchedules;
  const user = useStore(stores.settings, (s) => s.settings?.markerSchedules ?? null);
  const draft = useStore(store, (s) => s.draft);
  const draftErrors = useStore(store, (s) => s.draftErrors);
  const saving = useStore(store, (s) => s.saving);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);
  const { startNew, startEdit, editDraft, cancelDraft, saveDraft, remove, dismissError } = store.getState();
  const now = useNow(NOW_PERIOD_MS);
  const rows = useMemo(() => scheduleRows(user ?? NONE, now), [user, now]);

  return (
    <div className="markers-pane" data-testid="markers-pane">
      <div className="backtest-switch">
        <button type="button" className="button button-primary backtest-small" onClick={startNew} data-testid="marker-new">
          New schedule
        </button>
        <span className="muted">Marker times cut the chart into the blocks the time-window strategy reads; all times are New York.</span>
        {user === null && <span className="muted">Reading your schedules…</span>}
        {notice !== null && (
          <span className="markers-notice" data-testid="markers-notice">
            {notice}
          </span>
        )}
      </div>
      {error !== null && <ErrorNote error={error} onDismiss={dismissError} testId="markers-error" />}
      <div className="markers-body">
        <div className="markers-list">
          <ScheduleTable
            rows={rows}
            editing={draft?.original ?? null}
            busy={saving}
            onEdit={startEdit}
            onDelete={(name) => void remove(name)}
          />
        </div>
        <div className="markers-side">
          {draft !== null && (
            <ScheduleEditor draft={draft} errors={draftErrors} saving={saving} onEdit={editDraft} onSave={() => void saveDraft()} onCancel={cancelDraft} />
          )}
          <CsvImportForm store={store} />
        </div>
      </div>
    </div>
  );
}
