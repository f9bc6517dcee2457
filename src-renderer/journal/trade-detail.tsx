import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { TradeDetail } from '../../shared/contract';
import { MAX_NOTES_CHARS, MAX_PLAN_CHARS, type TripNotesPatch } from '../../shared/journal/trip-notes';
import { useAppContext } from '../app/app-context';
import { ExecutionsTable } from './executions-table';
import type { JournalStore } from './journal-store';
import { MarkdownField } from './markdown-field';
import { PlaybookChecklist } from './playbook-checklist';
import { RatingInput } from './rating-input';
import { RiskFields } from './risk-fields';
import { ShotStrip } from './shot-strip';
import { TagEditor } from './tag-editor';
import { TradeChart } from './trade-chart';
import { TradeFacts } from './trade-facts';
import { startTradeReplay } from './trade-replay';

/** The actions on one trade: replay it, take a screenshot now, edit or delete a manual one. */
function TradeActions({ store, detail }: { readonly store: JournalStore; readonly detail: TradeDetail }): ReactElement {
  const { client, stores } = useAppContext();
  const [confirm, setConfirm] = useState(false);
  const { run, setNotice, openForm, select } = store.getState();
  const t = detail.trade;
  const replay = async (): Promise<void> => {
    const state = await run(() => startTradeReplay({ client, panes: stores.panes, chartLayout: stores.chartLayout }, detail));
    if (state !== null) setNotice(`replaying ${detail.chart.symbol} in the active pane from before the entry (fills appear as they happened)`);
  };
  const capture = async (): Promise<void> => {
    const r = await run((c) => c.call('journal.capture', { tripId: t.id, symbol: detail.chart.symbol }));
    if (r !== null) setNotice(r.shots.length > 0 ? `${String(r.shots.length)} screenshots kept with this trade` : (r.note ?? 'no screenshot taken'));
  };
  const remove = async (): Promise<void> => {
    const r = await run((c) => c.call('journal.deleteTrade', { tripId: t.id }));
    if (r !== null) {
      select(null);
      setNotice(`deleted ${String(r.deleted)} fills; the notes are kept`);
    }
  };
  return (
    <div className="journal-actions">
      <button type="button" className="button primary" data-testid="journal-replay" onClick={() => void replay()}>
        Replay
      </button>
      <button type="button" className="button" data-testid="journal-capture-trade" onClick={() => void capture()}>
        Screenshot
      </button>
      {t.origin === 'manual' && (
        <button type="button" className="button" data-testid="journal-edit-trade" onClick={() => openForm('manual', detail)}>
          Edit fills
        </button>
      )}
      {(t.origin === 'manual' || t.origin === 'import') &&
        (confirm ? (
          <button type="button" className="button danger" data-testid="journal-delete-confirm" onClick={() => void remove()}>
            Really delete?
          </button>
        ) : (
          <button type="button" className="button" data-testid="journal-delete" onClick={() => setConfirm(true)}>
            Delete
          </button>
        ))}
    </div>
  );
}

/** One trade in full: its numbers, chart, screenshots, fills, and everything the trader writes about it. */
export function TradeDetailPanel({ store }: { readonly store: JournalStore }): ReactElement | null {
  const detail = useStore(store, (s) => s.detail);
  const playbooks = useStore(store, (s) => s.playbooks);
  const accounts = useStore(store, (s) => s.accounts);
  const media = useStore(store, (s) => s.media);
  const { update, select } = store.getState();
  if (detail === null) return <aside className="journal-detail is-loading" aria-busy="true" data-testid="journal-detail-loading" />;
  const t = detail.trade;
  const n = detail.notes;
  const save = (patch: TripNotesPatch): Promise<boolean> => update(patch);
  return (
    <aside className="journal-detail" data-testid="journal-detail" data-trip={t.id} aria-label={`Trade ${t.symbol}`}>
      <header className="journal-detail-head">
        <h3>
          {t.symbol} <span className={t.side === 'long' ? 'tone-good' : 'tone-bad'}>{t.side}</span> {t.open ? <span className="tag">open</span> : null}
        </h3>
        <TradeActions key={t.id} store={store} detail={detail} />
        <button type="button" className="icon-button" aria-label="Close the trade" onClick={() => select(null)}>
          ×
        </button>
      </header>
      <TradeFacts detail={detail} account={accounts.find((a) => a.id === t.accountId)?.name ?? t.accountId} />
      <TradeChart detail={detail} />
      <ShotStrip shots={detail.shots} zone={detail.zone} cache={media} />
      <ExecutionsTable executions={detail.executions} zone={detail.zone} />
      <div className="journal-notes-grid">
        <RatingInput value={n.rating} onChange={(rating) => void save({ rating })} />
        <TagEditor tags={n.tags} onChange={(tags) => void save({ tags })} />
        <MarkdownField key={`${t.id}:plan`} label="Plan" value={n.plan} maxLength={MAX_PLAN_CHARS} placeholder="What was the plan before the trade?" testId="journal-plan" onSave={(plan) => save({ plan })} />
        <MarkdownField key={`${t.id}:review`} label="What happened" value={n.review} maxLength={MAX_PLAN_CHARS} placeholder="How did it go against the plan?" testId="journal-review" onSave={(review) => save({ review })} />
        <MarkdownField key={`${t.id}:notes`} label="Notes" value={n.notes} maxLength={MAX_NOTES_CHARS} placeholder="Notes in Markdown." testId="journal-notes" onSave={(notes) => save({ notes })} />
        <RiskFields key={`${t.id}:risk:${String(n.plannedStop)}:${String(n.riskAmount)}`} plannedStop={n.plannedStop} riskAmount={n.riskAmount} onSave={save} />
        <PlaybookChecklist playbooks={playbooks} playbookId={n.playbookId} checklist={n.checklist} onChange={(playbookId, checklist) => void save({ playbookId, checklist })} />
      </div>
    </aside>
  );
}
