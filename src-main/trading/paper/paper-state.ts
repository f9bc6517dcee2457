import type { EpochMs } from '../../../shared/domain/epoch';
import type { FeeSchedule } from '../../../shared/trading/account';
import type { Execution } from '../../../shared/trading/execution';
import type { Order } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import { isFinalStatus } from '../orders/order-machine';
import { positionKey } from '../positions/position-ledger';
import { dayOrderExpiry } from './day-expiry';
import { fillModelConfigSchema, type FillModelConfig } from './fill-config';

/** The paper account an engine trades for. */
export interface PaperAccount {
  readonly id: string;
  readonly currency: string;
  readonly startingCash: number;
  readonly fees: FeeSchedule;
}

/** A live (held or working) order and what the fill model needs to know about it besides the order itself. */
export interface LiveOrder {
  readonly order: Order;
  /** Placement order, the tie-breaker. */
  readonly seq: number;
  /** When it was sent (placed, replaced, or armed). */
  readonly submittedAt: number;
  /** From when it meets quotes and trades: submittedAt + latency (an armed exit: submittedAt). */
  readonly eligibleAt: number;
  /** The market event count when it was sent: it meets later events only (an exit armed by a fill never fills on that same event). */
  readonly sinceEvent: number;
  /** A day order's end (market clock), else null. */
  readonly expiresAt: number | null;
  readonly triggered: boolean;
  /** It has met the market once (it no longer "arrives"; an IOC is done). */
  readonly met: boolean;
}

/** The last quote of an instrument: the book an order arriving between events meets; sizes less what fills took. */
export interface StandingQuote {
  readonly time: EpochMs;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number | null;
  readonly askSize: number | null;
  /** An option's underlying at that quote (its fills carry it), else null. */
  readonly underlyingPrice?: number | null;
}

/**
 * Everything the paper broker holds for one account: immutable; each step
 * returns a new state with the effects that lead to it. Keys are
 * positionKey(source, symbol).
 */
export interface PaperState {
  readonly account: PaperAccount;
  readonly config: FillModelConfig;
  /** Prefix of the ids it makes (orders, fills): `${idPrefix}${seq}`; give each run its own. */
  readonly idPrefix: string;
  readonly nextSeq: number;
  /** Orders registered so far (their placement order). */
  readonly placeSeq: number;
  /** The market clock: the latest event or command time seen. */
  readonly clock: EpochMs;
  readonly eventSeq: number;
  readonly instruments: ReadonlyMap<string, TradedInstrument>;
  readonly live: ReadonlyMap<string, LiveOrder>;
  readonly positions: ReadonlyMap<string, Position>;
  readonly quotes: ReadonlyMap<string, StandingQuote>;
  /** Per instrument, the time of its latest quote or trade: a bar over that time is not used for fills (the finer events decided). */
  readonly fineUntil: ReadonlyMap<string, number>;
}

export interface PaperInit {
  readonly account: PaperAccount;
  readonly config?: Partial<FillModelConfig>;
  readonly idPrefix: string;
  readonly clock: EpochMs;
}

export function createPaperState(init: PaperInit): PaperState {
  return {
    account: init.account,
    config: fillModelConfigSchema.parse(init.config ?? {}),
    idPrefix: init.idPrefix,
    nextSeq: 1,
    placeSeq: 0,
    clock: init.clock,
    eventSeq: 0,
    instruments: new Map(),
    live: new Map(),
    positions: new Map(),
    quotes: new Map(),
    fineUntil: new Map(),
  };
}

export interface PaperRestore extends PaperInit {
  readonly instruments: readonly TradedInstrument[];
  /** The account's orders as stored; the final ones are skipped. */
  readonly orders: readonly Order[];
  /** The account's positions as derived from its executions (positionsFromExecutions). */
  readonly positions: readonly Position[];
  /** Its executions, only to count what this prefix already used (ids stay unique when the prefix is reused). */
  readonly executions?: readonly Execution[];
}

/**
 * A state rebuilt from the store after a restart. Orders keep their
 * placement order by createdAt, ties in the order given (the store's
 * insertion order: an entry before its exits). A restored working order
 * has met the market already (it rests: no "arriving" better fill), is
 * eligible from its last update, and a stop-limit's trigger is not known
 * (it is not triggered until the market reaches its stop again).
 */
export function restorePaperState(init: PaperRestore): PaperState {
  const base = createPaperState(init);
  const live = new Map<string, LiveOrder>();
  const instruments = new Map(init.instruments.map((i) => [positionKey(i.source, i.symbol), i]));
  let seq = 0;
  const sorted = [...init.orders].sort((a, b) => a.createdAt - b.createdAt);
  for (const order of sorted) {
    if (isFinalStatus(order.status)) continue;
    seq++;
    const instrument = instruments.get(positionKey(order.source, order.symbol));
    const expiresAt = order.tif === 'day' && instrument !== undefined ? dayOrderExpiry(instrument.assetClass, order.createdAt) : null;
    live.set(order.id, { order, seq, submittedAt: order.updatedAt, eligibleAt: order.updatedAt, sinceEvent: 0, expiresAt, triggered: false, met: true });
  }
  const used = [...init.orders.map((o) => o.id), ...(init.executions ?? []).map((e) => e.id)]
    .filter((id) => id.startsWith(init.idPrefix))
    .map((id) => Number.parseInt(id.slice(init.idPrefix.length), 10))
    .filter((n) => Number.isSafeInteger(n));
  return {
    ...base,
    nextSeq: used.reduce((m, n) => Math.max(m, n + 1), 1),
    placeSeq: seq,
    instruments,
    live,
    positions: new Map(init.positions.map((p) => [positionKey(p.source, p.symbol), p])),
  };
}
