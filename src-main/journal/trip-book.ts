import type { JournalPlaybook, JournalTrade } from '../../shared/contract';
import { outcomeOf } from '../../shared/journal/outcome';
import { buildRoundTrips, type RoundTrip, type TripIdentity, type TripRisk } from '../../shared/journal/round-trips';
import type { TripMeta } from '../../shared/journal/trip-filter';
import { setupOf, type TripNotes } from '../../shared/journal/trip-notes';
import type { Execution } from '../../shared/trading/execution';
import type { Db } from '../platform/store/database';
import type { JournalExecutions } from './journal-executions';
import type { MediaRepository, ShotRow } from './media-repository';
import type { OpeningOrder, OrderContext } from './order-context';
import type { PlaybookRepository } from './playbook-repository';
import type { TripNotesRepository } from './trip-notes-repository';
import { shotsByTrip } from './trip-shots';

/** Everything the journal derives at one version of the store. */
export interface Book {
  readonly key: string;
  /** Closed and open, by open time (ties by id). */
  readonly trips: readonly RoundTrip[];
  readonly byId: ReadonlyMap<string, RoundTrip>;
  /** The list's rows, by trip id. */
  readonly rows: ReadonlyMap<string, JournalTrade>;
  readonly executions: ReadonlyMap<string, Execution>;
  readonly notes: ReadonlyMap<string, TripNotes>;
  readonly playbooks: ReadonlyMap<string, JournalPlaybook>;
  /** Setup, strategy, tags and notes of each trip, for the filters and the CSV report. */
  readonly meta: ReadonlyMap<string, TripMeta>;
  readonly shots: ReadonlyMap<string, readonly ShotRow[]>;
  readonly openings: ReadonlyMap<string, OpeningOrder>;
}

export interface TripBookDeps {
  readonly db: Db;
  readonly executions: JournalExecutions;
  readonly notes: TripNotesRepository;
  readonly playbooks: PlaybookRepository;
  readonly media: MediaRepository;
  readonly orders: OrderContext;
  readonly currencyOf: (accountId: string) => string;
  readonly zoneOf: (trip: RoundTrip) => string;
}

/**
 * Round trips from the stored executions with what the journal knows about
 * them, rebuilt only when something changed: this process says so (a fill,
 * a journal write: `bump`), or another process wrote to the store (SQLite's
 * data_version, e.g. a CLI import beside a running workstation). Trips are
 * built per account epoch: a reset starts positions again, so a trip never
 * spans one (imported and manual fills have their own epoch).
 */
export class TripBook {
  private version = 0;
  private book: Book | null = null;

  constructor(private readonly deps: TripBookDeps) {}

  /** Something changed: the next read rebuilds. Returns the new version. */
  bump(): number {
    this.version++;
    return this.version;
  }

  get currentVersion(): number {
    return this.version;
  }

  get(): Book {
    const key = `${String(this.version)}:${String(this.deps.db.pragma('data_version', { simple: true }))}`;
    if (this.book?.key !== key) this.book = this.build(key);
    return this.book;
  }

  private build(key: string): Book {
    const { deps } = this;
    const stored = deps.executions.all();
    const notes = deps.notes.all();
    const playbooks = new Map(deps.playbooks.list().map((p) => [p.id, p]));
    const openings = deps.orders.openings();
    const riskOf = (t: TripIdentity): TripRisk | undefined => {
      const n = notes.get(t.tripId);
      if (n?.plannedStop != null) return { plannedStop: n.plannedStop };
      if (n?.riskAmount != null) return { riskAmount: n.riskAmount };
      const stop = t.firstOrderId === null ? null : (openings.get(t.firstOrderId)?.stopPrice ?? null);
      return stop === null ? undefined : { plannedStop: stop };
    };
    const byEpoch = new Map<number, Execution[]>();
    const executions = new Map<string, Execution>();
    for (const s of stored) {
      executions.set(s.execution.id, s.execution);
      const list = byEpoch.get(s.epoch);
      if (list === undefined) byEpoch.set(s.epoch, [s.execution]);
      else list.push(s.execution);
    }
    const trips = [...byEpoch.values()]
      .flatMap((list) => buildRoundTrips(list, { riskOf }))
      .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const shots = shotsByTrip(trips, executions, deps.media.all());
    const meta = new Map<string, TripMeta>();
    const rows = new Map<string, JournalTrade>();
    for (const t of trips) {
      const n = notes.get(t.id);
      const playbook = n?.playbookId == null ? null : (playbooks.get(n.playbookId) ?? null);
      const strategy = t.firstOrderId === null ? null : (openings.get(t.firstOrderId)?.setup ?? null);
      const setup = setupOf(n, playbook?.name ?? null, strategy);
      meta.set(t.id, { setup, strategy, tags: (n?.tags ?? []).map((x) => x.tag), notes: n?.notes ?? '' });
      const mine = shots.get(t.id) ?? [];
      const cover = mine.find((s) => s.role === 'entry') ?? mine[0];
      rows.set(t.id, {
        ...t,
        executionIds: [...t.executionIds],
        outcome: outcomeOf(t),
        origin: executions.get(t.executionIds[0] ?? '')?.origin ?? 'paper',
        currency: deps.currencyOf(t.accountId),
        zone: deps.zoneOf(t),
        setup,
        strategy,
        tags: n?.tags ?? [],
        rating: n?.rating ?? null,
        hasNotes: (n?.notes ?? '').trim() !== '' || (n?.plan ?? '').trim() !== '' || (n?.review ?? '').trim() !== '',
        playbookId: n?.playbookId ?? null,
        shots: mine.length,
        // Files can vanish without the store changing: the list counts them when it answers (JournalService).
        shotProblems: 0,
        cover: cover?.sha256 ?? null,
      });
    }
    return { key, trips, byId: new Map(trips.map((t) => [t.id, t])), rows, executions, notes, playbooks, meta, shots, openings };
  }
}
