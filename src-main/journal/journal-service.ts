import { ContractFailure, type JournalStatsWire, type JournalTrade, type JournalUpdate, type MonthCalendarWire, type TradeDetail } from '../../shared/contract';
import { journalStats } from '../../shared/journal/journal-stats';
import { monthCalendar } from '../../shared/journal/pnl-calendar';
import type { RoundTrip } from '../../shared/journal/round-trips';
import { filterTrips, type TripFilter } from '../../shared/journal/trip-filter';
import type { TripNotes, TripNotesPatch } from '../../shared/journal/trip-notes';
import type { JournalEvents } from './journal-events';
import type { PlaybookRepository } from './playbook-repository';
import { encodeJournalStats } from './stats-wire';
import type { Book, TripBook } from './trip-book';
import { tripDetail, type DetailDeps } from './trip-detail';
import type { TripNotesRepository } from './trip-notes-repository';

export interface JournalServiceDeps extends DetailDeps {
  readonly book: TripBook;
  readonly notes: TripNotesRepository;
  readonly playbooks: PlaybookRepository;
  readonly events: JournalEvents;
  readonly accountName: (accountId: string) => string;
  /** Whether a screenshot's file is still there (the list's cheap check; the detail hashes each file). */
  readonly fileExists: (path: string) => boolean;
}

const NONE = '(none)';

/**
 * The journal as the contract reads and writes it: round trips with the
 * trader's notes (filtered, newest first), one trip in detail, notes
 * updates, statistics and the P&L calendar. Every write bumps the book's
 * version and tells the followers.
 */
export class JournalService {
  constructor(private readonly deps: JournalServiceDeps) {}

  book(): Book {
    return this.deps.book.get();
  }

  /** Goes up with every change this process made. */
  get version(): number {
    return this.deps.book.currentVersion;
  }

  /** Says the journal changed (a fill, a write here or elsewhere in the journal). */
  changed(reason: JournalUpdate['reason'], tripIds: readonly string[] = []): void {
    const version = this.deps.book.bump();
    this.deps.events.emit({ version, reason, tripIds: [...tripIds] });
  }

  /** The trips passing `filter`, in open-time order. */
  filtered(filter: TripFilter): { book: Book; trips: RoundTrip[] } {
    const book = this.book();
    return { book, trips: filterTrips(book.trips, book.meta, filter) };
  }

  list(filter: TripFilter, limit: number): { trades: JournalTrade[]; total: number; version: number } {
    const { book, trips } = this.filtered(filter);
    const trades: JournalTrade[] = [];
    for (let i = trips.length - 1; i >= 0 && trades.length < limit; i--) {
      const id = trips[i]?.id ?? '';
      const row = book.rows.get(id);
      if (row === undefined) continue;
      const shots = row.shots === 0 ? [] : (book.shots.get(id) ?? []);
      const problems = shots.filter((s) => !this.deps.fileExists(s.path)).length;
      trades.push(problems === 0 ? row : { ...row, shotProblems: problems });
    }
    return { trades, total: trips.length, version: this.version };
  }

  detail(tripId: string): Promise<TradeDetail> {
    return tripDetail(this.book(), tripId, this.deps);
  }

  update(tripId: string, patch: TripNotesPatch): TripNotes {
    const book = this.book();
    if (!book.byId.has(tripId) && !book.notes.has(tripId)) throw new ContractFailure('NOT_FOUND', `no trade ${tripId}`, 'params.tripId');
    if (patch.playbookId != null) this.deps.playbooks.require(patch.playbookId, 'params.patch.playbookId');
    const notes = this.deps.notes.update(tripId, patch);
    this.changed('notes', [tripId]);
    return notes;
  }

  /** Notes of trips that are gone (a deleted manual trade), kept. */
  orphans(): TripNotes[] {
    const book = this.book();
    return [...book.notes.values()].filter((n) => !book.byId.has(n.tripId)).sort((a, b) => (a.tripId < b.tripId ? -1 : 1));
  }

  stats(filter: TripFilter, calendarZone: string): JournalStatsWire {
    const { book, trips } = this.filtered(filter);
    const meta = (t: RoundTrip): ReturnType<typeof book.meta.get> => book.meta.get(t.id);
    const tagsOf = (t: RoundTrip, kind?: string): string[] => (book.notes.get(t.id)?.tags ?? []).filter((x) => kind === undefined || x.kind === kind).map((x) => x.tag);
    const playbookOf = (t: RoundTrip): string => {
      const id = book.notes.get(t.id)?.playbookId ?? null;
      return id === null ? NONE : (book.playbooks.get(id)?.name ?? NONE);
    };
    const stats = journalStats(trips, {
      zoneOf: this.deps.zoneOf,
      calendarZone: checkedZone(calendarZone, 'params.calendarZone'),
      groups: {
        setup: (t) => [meta(t)?.setup ?? NONE],
        strategy: (t) => [meta(t)?.strategy ?? NONE],
        tag: (t) => tagsOf(t),
        mistake: (t) => tagsOf(t, 'mistake'),
        emotion: (t) => tagsOf(t, 'emotion'),
        playbook: (t) => [playbookOf(t)],
        symbol: (t) => [t.symbol],
        account: (t) => [this.deps.accountName(t.accountId)],
      },
    });
    return encodeJournalStats(stats, calendarZone);
  }

  calendar(year: number, month: number, zone: string, filter: TripFilter): MonthCalendarWire {
    const { trips } = this.filtered({ ...filter, dateField: 'closedAt' });
    const daily = journalStats(trips, { zoneOf: this.deps.zoneOf, calendarZone: checkedZone(zone, 'params.zone') }).daily;
    const grid = monthCalendar(daily, year, month);
    return { ...grid, zone, weeks: grid.weeks.map((w) => ({ ...w, cells: w.cells.map((c) => ({ ...c, pnl: c.pnl === null ? null : { ...c.pnl, tripIds: [...c.pnl.tripIds] } })) })) };
  }
}

/** An IANA zone, or BAD_REQUEST naming it. */
function checkedZone(zone: string, path: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new ContractFailure('BAD_REQUEST', `"${zone}" is not an IANA time zone (e.g. America/New_York, UTC)`, path);
  }
}
