import { randomBytes } from 'node:crypto';
import { ContractFailure } from '../../shared/contract';
import { executionSchema, type Execution } from '../../shared/trading/execution';
import type { Book } from './trip-book';
import type { JournalExecutions } from './journal-executions';

export interface ManualFill {
  readonly side: 'buy' | 'sell';
  readonly qty: number;
  readonly price: number;
  readonly fee: number;
  readonly time: number;
}

export interface ManualTrade {
  /** The manual trip to replace (its fills), or undefined for a new trade. */
  readonly tripId?: string | undefined;
  readonly accountId: string;
  readonly source: string;
  readonly symbol: string;
  readonly multiplier: number;
  readonly underlying: string | null;
  readonly fills: readonly ManualFill[];
}

/** The trip's own fills, refusing a trip with fills the journal may not change (paper or broker fills are the record). */
function ownFills(book: Book, tripId: string, verb: string): Execution[] {
  const trip = book.byId.get(tripId);
  if (trip === undefined) throw new ContractFailure('NOT_FOUND', `no trade ${tripId}`, 'params.tripId');
  const fills = trip.executionIds.map((id) => book.executions.get(id)).filter((e): e is Execution => e !== undefined);
  const fixed = fills.find((e) => e.origin === 'paper' || e.origin === 'alpaca');
  if (fixed !== undefined) throw new ContractFailure('REJECTED', `only manual and imported trades can be ${verb}: ${tripId} has ${fixed.origin} fills, which are the account's record`, 'params.tripId');
  return fills;
}

/**
 * A trade entered by hand: its fills are stored as executions with origin
 * 'manual' (in the journal's own epoch). Ids: man-<random>, then
 * man-<random>.1, .2 … in time order. Editing a manual trip replaces its
 * fills in one transaction and gives the earliest new fill the old first
 * fill's id, so the trip keeps its id and with it its notes.
 */
export function saveManualTrade(book: Book, executions: JournalExecutions, trade: ManualTrade): string[] {
  const old = trade.tripId === undefined ? [] : ownFills(book, trade.tripId, 'edited');
  if (old.some((e) => e.origin !== 'manual')) throw new ContractFailure('REJECTED', `${trade.tripId ?? ''} holds imported fills: re-import its file, or delete it and enter it again`, 'params.tripId');
  const base = old[0]?.id ?? `man-${randomBytes(4).toString('hex')}`;
  const sorted = trade.fills.map((f, i) => ({ f, i })).sort((a, b) => a.f.time - b.f.time || a.i - b.i);
  const fills = sorted.map(({ f }, k) =>
    executionSchema.parse({
      id: k === 0 ? base : `${base}.${String(k)}`,
      orderId: null,
      accountId: trade.accountId,
      source: trade.source,
      symbol: trade.symbol,
      side: f.side,
      qty: f.qty,
      price: f.price,
      fee: f.fee,
      multiplier: trade.multiplier,
      underlying: trade.underlying,
      underlyingPrice: null,
      time: f.time,
      origin: 'manual',
    }),
  );
  executions.transaction(() => {
    executions.deleteJournalFills(old.map((e) => e.id));
    executions.insertJournalFills(fills);
  });
  return fills.map((f) => f.id);
}

/** Deletes a manual or imported trip's fills; its notes stay (journal.orphans). */
export function deleteJournalTrade(book: Book, executions: JournalExecutions, tripId: string): number {
  const fills = ownFills(book, tripId, 'deleted');
  return executions.transaction(() => executions.deleteJournalFills(fills.map((e) => e.id)));
}
