import { z } from 'zod';
import { clean12 } from './clean-number';
import type { Execution } from '../trading/execution';

/**
 * Round trips derived from executions (PROTOCOLS "Trade journals": the fills
 * are the truth, a trip is flat → flat).
 *
 * - Executions are grouped per (account, source, symbol): the position the
 *   ledger (src-main/trading/positions) keeps, so two accounts never mix and
 *   an option contract (its own OCC symbol) never mixes with its underlying.
 *   Within a group they are taken in time order, ties broken by id (string
 *   order), so the same fills in any order give the same trips.
 * - A fill on the side of the position adds to it (scale-in); a fill against
 *   it reduces it (partial exit) and closes the trip at zero. A fill that goes
 *   through zero closes the trip at its price and opens the next trip with the
 *   rest at the same price; its fee is split pro rata by quantity, and its id
 *   is listed in both trips.
 * - Trip id: `rt:` + the id of the execution that opened it. A fill opens at
 *   most one trip, so ids are unique and stable while the fills are.
 *
 * Numbers (the choice, and why): prices, quantities and fees arrive as short
 * decimals in doubles. Every sum and derived amount (quantities, notional,
 * averages, P&L, fees, R) is cleaned of binary noise to 12 significant
 * digits (clean12: cleanAmount's rule, as the position ledger uses), so
 * 0.1 + 0.2 BTC is exactly 0.3, "flat" is an exact 0 and 3 × 10.01 is 30.03:
 * exact to the cent while amounts stay under 1e10, and for quantities of up
 * to 12 significant digits. Nothing is rounded to cents here; money is
 * rounded to the currency's unit only where it is shown or exported
 * (round-trips-csv.ts, or the UI's formatter).
 *
 * P&L: a closed trip's gross P&L is (Σ exit qty·price − Σ entry qty·price) ×
 * multiplier, negated for a short; this equals the average-cost ledger's
 * realised P&L summed over the trip, without carrying an average. An open
 * trip reports what it realised so far by average cost (its unrealised part
 * needs a mark, which the caller has).
 */

export type TripSide = 'long' | 'short';

/** The planned risk of one trip: a stop price, or an amount of money the user set. */
export const tripRiskSchema = z.union([
  z.object({ plannedStop: z.number().positive() }).strict(),
  z.object({ riskAmount: z.number().positive() }).strict(),
]);
export type TripRisk = z.infer<typeof tripRiskSchema>;

/** What a risk lookup is told about a trip (the journal keys plans by trip id or by the opening order). */
export interface TripIdentity {
  readonly tripId: string;
  readonly firstOrderId: string | null;
  readonly accountId: string;
  readonly symbol: string;
}

export interface RoundTripOptions {
  /** The planned stop or risk amount of a trip, if the user gave one. */
  readonly riskOf?: (trip: TripIdentity) => TripRisk | undefined;
}

export interface RoundTrip {
  readonly id: string;
  readonly accountId: string;
  readonly source: Execution['source'];
  readonly symbol: Execution['symbol'];
  /** An option's underlying, else null. */
  readonly underlying: Execution['underlying'];
  readonly side: TripSide;
  /** Still holding a position: closedAt, avgExit (until an exit), durationMs and r are null. */
  readonly open: boolean;
  /** The peak size held. */
  readonly maxQty: number;
  /** Everything bought (long) or sold (short) into the trip. */
  readonly entryQty: number;
  /** Everything taken off. */
  readonly exitQty: number;
  /** Still held (0 once closed). */
  readonly openQty: number;
  readonly openedAt: number;
  readonly closedAt: number | null;
  /** Quantity-weighted over every entry. */
  readonly avgEntry: number;
  /** Quantity-weighted over every exit; null before the first exit. */
  readonly avgExit: number | null;
  /** Realised P&L before fees. */
  readonly grossPnl: number;
  readonly fees: number;
  /** grossPnl − fees. */
  readonly netPnl: number;
  readonly multiplier: number;
  readonly durationMs: number | null;
  /** The fills of the trip, in the order applied (a flipping fill is in both trips). */
  readonly executionIds: readonly string[];
  /** The order of the opening fill (its strategy/setup is the trip's). */
  readonly firstOrderId: string | null;
  /** Money at risk: |avgEntry − plannedStop| × maxQty × multiplier, or the amount set; null without a plan. */
  readonly risk: number | null;
  /** netPnl / risk for a closed trip with a risk; else null. */
  readonly r: number | null;
}

interface Builder {
  readonly id: string;
  readonly first: Execution;
  /** +1 long, −1 short. */
  readonly sign: 1 | -1;
  held: number;
  maxQty: number;
  entryQty: number;
  entryNotional: number;
  exitQty: number;
  exitNotional: number;
  /** Cost of what is still held (average cost), for an open trip's realised P&L. */
  costBasis: number;
  realized: number;
  fees: number;
  readonly openedAt: number;
  readonly executionIds: string[];
}

/** Time order, ties by id: the order fills are applied in. */
export function compareExecutions(a: Execution, b: Execution): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Open trips by account, source and symbol (nested maps: no key string built per fill). */
class OpenTrips {
  private readonly byAccount = new Map<string, Map<string, Map<string, Builder>>>();

  get(e: Execution): Builder | undefined {
    return this.byAccount.get(e.accountId)?.get(e.source)?.get(e.symbol);
  }

  set(e: Execution, b: Builder): void {
    let bySource = this.byAccount.get(e.accountId);
    if (bySource === undefined) {
      bySource = new Map<string, Map<string, Builder>>();
      this.byAccount.set(e.accountId, bySource);
    }
    let bySymbol = bySource.get(e.source);
    if (bySymbol === undefined) {
      bySymbol = new Map<string, Builder>();
      bySource.set(e.source, bySymbol);
    }
    bySymbol.set(e.symbol, b);
  }

  delete(e: Execution): void {
    this.byAccount.get(e.accountId)?.get(e.source)?.delete(e.symbol);
  }

  *values(): Generator<Builder> {
    for (const bySource of this.byAccount.values()) for (const bySymbol of bySource.values()) yield* bySymbol.values();
  }
}

function openTrip(e: Execution, qty: number, fee: number): Builder {
  const notional = clean12(qty * e.price);
  return {
    id: `rt:${e.id}`,
    first: e,
    sign: e.side === 'buy' ? 1 : -1,
    held: qty,
    maxQty: qty,
    entryQty: qty,
    entryNotional: notional,
    exitQty: 0,
    exitNotional: 0,
    costBasis: notional,
    realized: 0,
    fees: fee,
    openedAt: e.time,
    executionIds: [e.id],
  };
}

function addEntry(b: Builder, e: Execution): void {
  const notional = clean12(e.qty * e.price);
  b.held = clean12(b.held + e.qty);
  if (b.held > b.maxQty) b.maxQty = b.held;
  b.entryQty = clean12(b.entryQty + e.qty);
  b.entryNotional = clean12(b.entryNotional + notional);
  b.costBasis = clean12(b.costBasis + notional);
  b.fees = clean12(b.fees + e.fee);
  b.executionIds.push(e.id);
}

function addExit(b: Builder, e: Execution, qty: number, fee: number): void {
  const notional = clean12(qty * e.price);
  const removed = qty === b.held ? b.costBasis : clean12((b.costBasis * qty) / b.held);
  b.realized = clean12(b.realized + b.sign * (notional - removed) * b.first.multiplier);
  b.costBasis = clean12(b.costBasis - removed);
  b.held = clean12(b.held - qty);
  b.exitQty = clean12(b.exitQty + qty);
  b.exitNotional = clean12(b.exitNotional + notional);
  b.fees = clean12(b.fees + fee);
  b.executionIds.push(e.id);
}

function finish(b: Builder, closedAt: number | null, options: RoundTripOptions): RoundTrip {
  const e = b.first;
  const open = closedAt === null;
  const avgEntry = clean12(b.entryNotional / b.entryQty);
  const grossPnl = open ? b.realized : clean12(b.sign * (b.exitNotional - b.entryNotional) * e.multiplier);
  const netPnl = clean12(grossPnl - b.fees);
  const plan = options.riskOf?.({ tripId: b.id, firstOrderId: e.orderId, accountId: e.accountId, symbol: e.symbol });
  let risk: number | null = null;
  if (plan !== undefined) risk = 'riskAmount' in plan ? plan.riskAmount : clean12(Math.abs(avgEntry - plan.plannedStop) * b.maxQty * e.multiplier);
  if (risk === 0) risk = null;
  return {
    id: b.id,
    accountId: e.accountId,
    source: e.source,
    symbol: e.symbol,
    underlying: e.underlying,
    side: b.sign === 1 ? 'long' : 'short',
    open,
    maxQty: b.maxQty,
    entryQty: b.entryQty,
    exitQty: b.exitQty,
    openQty: b.held,
    openedAt: b.openedAt,
    closedAt,
    avgEntry,
    avgExit: b.exitQty > 0 ? clean12(b.exitNotional / b.exitQty) : null,
    grossPnl,
    fees: b.fees,
    netPnl,
    multiplier: e.multiplier,
    durationMs: closedAt === null ? null : closedAt - b.openedAt,
    executionIds: b.executionIds,
    firstOrderId: e.orderId,
    risk,
    r: !open && risk !== null ? clean12(netPnl / risk) : null,
  };
}

function compareTrips(a: RoundTrip, b: RoundTrip): number {
  if (a.openedAt !== b.openedAt) return a.openedAt - b.openedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every round trip of `executions` (any order, any accounts), closed and
 * open, sorted by open time (ties by id). An instrument's multiplier is its
 * first fill's.
 */
export function buildRoundTrips(executions: readonly Execution[], options: RoundTripOptions = {}): RoundTrip[] {
  const sorted = [...executions].sort(compareExecutions);
  const building = new OpenTrips();
  const trips: RoundTrip[] = [];
  for (const e of sorted) {
    const b = building.get(e);
    if (b === undefined) {
      building.set(e, openTrip(e, e.qty, e.fee));
      continue;
    }
    if ((e.side === 'buy' ? 1 : -1) === b.sign) {
      addEntry(b, e);
      continue;
    }
    if (e.qty <= b.held) {
      addExit(b, e, e.qty, e.fee);
      if (b.held === 0) {
        trips.push(finish(b, e.time, options));
        building.delete(e);
      }
      continue;
    }
    // Through zero: close at this price, open the rest at the same price.
    const closing = b.held;
    const rest = clean12(e.qty - closing);
    const closingFee = clean12((e.fee * closing) / e.qty);
    addExit(b, e, closing, closingFee);
    trips.push(finish(b, e.time, options));
    building.set(e, openTrip(e, rest, clean12(e.fee - closingFee)));
  }
  for (const b of building.values()) trips.push(finish(b, null, options));
  return trips.sort(compareTrips);
}
