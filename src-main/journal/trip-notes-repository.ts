import { checklistSchema } from '../../shared/journal/playbook';
import { emptyNotes, tripNotesSchema, type TripNotes, type TripNotesPatch, type TripTag } from '../../shared/journal/trip-notes';
import type { Db } from '../platform/store/database';

interface Row {
  readonly trip_id: string;
  readonly notes: string;
  readonly rating: number | null;
  readonly plan: string;
  readonly review: string;
  readonly planned_stop: number | null;
  readonly risk_amount: number | null;
  readonly playbook_id: string | null;
  readonly checklist: string;
  readonly updated_at: number;
}

const COLUMNS = 'trip_id, notes, rating, plan, review, planned_stop, risk_amount, playbook_id, checklist, updated_at';

/**
 * What the trader wrote about round trips (journal_trips, journal_tags),
 * keyed by trip id. An update is one transaction: the previous version is
 * appended to journal_revisions, then the row is upserted and the tags (when
 * given) replaced, so nothing written is ever lost and a repeated update
 * leaves the same state. Stored documents are checked on the way out.
 */
export class TripNotesRepository {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.stmts = {
      one: db.prepare(`SELECT ${COLUMNS} FROM journal_trips WHERE trip_id = ?`),
      all: db.prepare(`SELECT ${COLUMNS} FROM journal_trips`),
      tagsOf: db.prepare('SELECT kind, tag FROM journal_tags WHERE trip_id = ? ORDER BY kind, tag'),
      allTags: db.prepare('SELECT trip_id, kind, tag FROM journal_tags ORDER BY trip_id, kind, tag'),
      upsert: db.prepare(
        `INSERT INTO journal_trips (trip_id, notes, rating, plan, review, planned_stop, risk_amount, playbook_id, checklist, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (trip_id) DO UPDATE SET notes = excluded.notes, rating = excluded.rating, plan = excluded.plan, review = excluded.review,
           planned_stop = excluded.planned_stop, risk_amount = excluded.risk_amount, playbook_id = excluded.playbook_id, checklist = excluded.checklist,
           updated_at = excluded.updated_at`,
      ),
      revision: db.prepare('INSERT INTO journal_revisions (trip_id, time, before) VALUES (?, ?, ?)'),
      revisions: db.prepare('SELECT before FROM journal_revisions WHERE trip_id = ? ORDER BY seq'),
      clearTags: db.prepare('DELETE FROM journal_tags WHERE trip_id = ?'),
      addTag: db.prepare('INSERT INTO journal_tags (trip_id, kind, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    };
  }

  private fromRow(r: Row, tags: readonly TripTag[]): TripNotes {
    return tripNotesSchema.parse({
      tripId: r.trip_id,
      notes: r.notes,
      tags,
      rating: r.rating,
      plan: r.plan,
      review: r.review,
      plannedStop: r.planned_stop,
      riskAmount: r.risk_amount,
      playbookId: r.playbook_id,
      checklist: checklistSchema.parse(JSON.parse(r.checklist)),
      updatedAt: r.updated_at,
    });
  }

  /** The trip's notes, or undefined when nothing was written. */
  get(tripId: string): TripNotes | undefined {
    const row = this.stmts.one.get(tripId) as Row | undefined;
    return row === undefined ? undefined : this.fromRow(row, this.stmts.tagsOf.all(tripId) as TripTag[]);
  }

  /** Every trip's notes, by trip id. */
  all(): Map<string, TripNotes> {
    const tags = new Map<string, TripTag[]>();
    for (const t of this.stmts.allTags.all() as { trip_id: string; kind: TripTag['kind']; tag: string }[]) {
      const list = tags.get(t.trip_id);
      if (list === undefined) tags.set(t.trip_id, [{ kind: t.kind, tag: t.tag }]);
      else list.push({ kind: t.kind, tag: t.tag });
    }
    const out = new Map<string, TripNotes>();
    for (const r of this.stmts.all.all() as Row[]) out.set(r.trip_id, this.fromRow(r, tags.get(r.trip_id) ?? []));
    return out;
  }

  /** Applies `patch` (only its fields change) and returns the notes now. */
  update(tripId: string, patch: TripNotesPatch): TripNotes {
    return this.db
      .transaction((): TripNotes => {
        const before = this.get(tripId);
        const base = before ?? emptyNotes(tripId);
        const next: TripNotes = {
          ...base,
          ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
          tripId,
          updatedAt: base.updatedAt,
        };
        // A stop replaces a risk amount and the other way round.
        const risk = patch.plannedStop != null ? { plannedStop: patch.plannedStop, riskAmount: null } : patch.riskAmount != null ? { plannedStop: null, riskAmount: patch.riskAmount } : {};
        const merged = { ...next, ...risk };
        const at = Math.max(this.now(), (before?.updatedAt ?? 0) + 1);
        if (before !== undefined) this.stmts.revision.run(tripId, at, JSON.stringify(before));
        this.stmts.upsert.run(tripId, merged.notes, merged.rating, merged.plan, merged.review, merged.plannedStop, merged.riskAmount, merged.playbookId, JSON.stringify(merged.checklist), at, at);
        if (patch.tags !== undefined) {
          this.stmts.clearTags.run(tripId);
          for (const t of patch.tags) this.stmts.addTag.run(tripId, t.kind, t.tag);
        }
        const stored = this.get(tripId);
        if (stored === undefined) throw new Error(`notes of ${tripId} vanished after an update`);
        return stored;
      })
      .immediate();
  }

  /** Earlier versions of a trip's notes, oldest first. */
  revisions(tripId: string): TripNotes[] {
    return (this.stmts.revisions.all(tripId) as { before: string }[]).map((r) => tripNotesSchema.parse(JSON.parse(r.before)));
  }
}
