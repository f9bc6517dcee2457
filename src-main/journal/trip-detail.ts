import { ContractFailure, type JournalShot, type TradeDetail } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import { HOUR_MS, MINUTE_MS, type Interval } from '../../shared/domain/interval';
import { excursions } from '../../shared/journal/excursions';
import type { RoundTrip } from '../../shared/journal/round-trips';
import { emptyNotes } from '../../shared/journal/trip-notes';
import type { Execution } from '../../shared/trading/execution';
import type { MediaStatus } from './media-store';
import type { OrderContext } from './order-context';
import type { Book } from './trip-book';

/** The 1m bars of a series over [from, to), and how many the range should have had but lacks. */
export type BarReader = (q: { source: string; symbol: string; interval: Interval; from: number; to: number; limit: number }) => Promise<{ bars: readonly Bar[]; missing: number }>;

/** Longest trip measured on 1m bars (one bars.get); longer ones use 1h bars. */
const MAX_MINUTE_BARS = 50_000;

export interface DetailDeps {
  readonly orders: OrderContext;
  readonly bars: BarReader;
  readonly checkFile: (sha256: string, path: string) => MediaStatus;
  readonly zoneOf: (trip: RoundTrip) => string;
  readonly now: () => number;
}

async function measure(trip: RoundTrip, deps: DetailDeps): Promise<{ excursions: TradeDetail['excursions']; note: string | null }> {
  const end = trip.closedAt ?? deps.now();
  const from = Math.floor(trip.openedAt / MINUTE_MS) * MINUTE_MS;
  const minutes = Math.ceil((end - from) / MINUTE_MS) + 1;
  const hourly = minutes > MAX_MINUTE_BARS;
  const barMs = hourly ? HOUR_MS : MINUTE_MS;
  const start = Math.floor(trip.openedAt / barMs) * barMs;
  const to = Math.floor(end / barMs) * barMs + barMs;
  let read: Awaited<ReturnType<BarReader>>;
  try {
    read = await deps.bars({ source: trip.source, symbol: trip.symbol, interval: hourly ? '1h' : '1m', from: start, to, limit: MAX_MINUTE_BARS });
  } catch (err) {
    const why = err instanceof ContractFailure ? err.error.message : err instanceof Error ? err.message : String(err);
    return { excursions: null, note: `no MFE/MAE: no bars of ${trip.source}:${trip.symbol} (${why})` };
  }
  const x = excursions(trip, read.bars, trip.closedAt === null ? deps.now() : undefined, barMs);
  if (x === null) return { excursions: null, note: `no MFE/MAE: no bars of ${trip.source}:${trip.symbol} while the trip was open` };
  const notes: string[] = [];
  if (hourly) notes.push('measured on 1h bars (the trip is longer than 34 days)');
  if (read.missing > 0) notes.push(`${String(read.missing)} bars of the trip are missing: MFE/MAE may understate`);
  return { excursions: { ...x, mfeAt: x.mfeAt, maeAt: x.maeAt }, note: notes.length === 0 ? null : notes.join('; ') };
}

/** One trip as the journal shows it: fills, orders, notes, playbook, screenshots (each checked) and MFE/MAE. */
export async function tripDetail(book: Book, tripId: string, deps: DetailDeps): Promise<TradeDetail> {
  const trade = book.rows.get(tripId);
  const trip = book.byId.get(tripId);
  if (trade === undefined || trip === undefined) throw new ContractFailure('NOT_FOUND', `no trade ${tripId}`, 'params.tripId');
  const executions = trip.executionIds.map((id) => book.executions.get(id)).filter((e): e is Execution => e !== undefined);
  const orderIds = [...new Set(executions.map((e) => e.orderId).filter((id): id is string => id !== null))];
  const notes = book.notes.get(tripId) ?? emptyNotes(tripId);
  const playbook = notes.playbookId === null ? null : (book.playbooks.get(notes.playbookId) ?? null);
  const shots: JournalShot[] = (book.shots.get(tripId) ?? []).map((s) => ({ ...s, status: deps.checkFile(s.sha256, s.path) }));
  const measured = await measure(trip, deps);
  return {
    trade,
    notes,
    executions,
    orders: deps.orders.withExits(orderIds),
    playbook,
    shots,
    excursions: measured.excursions,
    excursionNote: measured.note,
    chart: { source: trip.source, symbol: trip.underlying ?? trip.symbol, underlying: trip.underlying !== null },
    zone: deps.zoneOf(trip),
  };
}
