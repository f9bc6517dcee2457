import { asEpochMs, type EpochMs } from '../../../../shared/domain/epoch';
import { cleanAmount, roundHalfAway, subDecimal } from '../../../../shared/trading/decimal-steps';
import type { Execution } from '../../../../shared/trading/execution';
import type { Order, OrderStatus } from '../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import { isFinalStatus } from '../../orders';
import type { AlpacaOrder, AlpacaOrderStatus } from './trading-wire';

/**
 * Alpaca's word on an order brought onto Tapedeck's copy of it (pure). Alpaca
 * is the broker of record: Tapedeck's order takes its status, quantity,
 * prices, filled quantity and average price, and a fill Tapedeck had not
 * recorded becomes an execution — Alpaca's own (its execution id) when the
 * stream delivered it, else one made from the difference of the cumulative
 * figures (`<alpaca order id>:<filled qty>`, the same id whoever computes
 * it). Filled quantities never go back, so a stale snapshot (a REST answer
 * older than a stream event already applied) changes nothing, and a fill
 * delivered twice is recorded once.
 */

/** A fill as trade_updates reports it. */
export interface AlpacaFill {
  readonly executionId: string;
  readonly qty: number;
  readonly price: number;
  readonly time: number;
}

export interface MirrorResult {
  /** The order as it now is, or null when the snapshot changes nothing (or is stale). */
  readonly order: Order | null;
  readonly executions: readonly Execution[];
  /** A line for the audit log when Alpaca contradicts what Tapedeck held (a final order moved on). */
  readonly note: string | null;
}

/** Where an order stands at Alpaca, in Tapedeck's words (`replaced` is not a state of Tapedeck's order: its successor carries it on). */
export function statusFromAlpaca(status: AlpacaOrderStatus, filledQty: number): OrderStatus | null {
  switch (status) {
    case 'held':
      return 'held';
    case 'partially_filled':
      return 'partially_filled';
    case 'filled':
      return 'filled';
    case 'canceled':
      return 'canceled';
    case 'expired':
      return 'expired';
    case 'rejected':
      return 'rejected';
    case 'pending_cancel':
      return 'pending_cancel';
    case 'pending_replace':
      return 'pending_replace';
    case 'replaced':
      return null;
    case 'new':
    case 'accepted':
    case 'pending_new':
    case 'accepted_for_bidding':
    case 'done_for_day':
    case 'stopped':
    case 'suspended':
    case 'calculated':
      return filledQty > 0 ? 'partially_filled' : 'accepted';
  }
}

/** Orders snapshots of one order: later time first, then further along (filled above working). */
export function snapshotRank(o: Pick<AlpacaOrder, 'status' | 'filledQty'>): number {
  const s = statusFromAlpaca(o.status, o.filledQty);
  return s === null ? 3 : isFinalStatus(s) ? 2 : s === 'held' ? 0 : 1;
}

export interface MirrorInput {
  readonly ours: Order;
  readonly theirs: AlpacaOrder;
  /** The stream's fill event for this snapshot, if it came with one. */
  readonly fill: AlpacaFill | null;
  readonly instrument: Pick<TradedInstrument, 'multiplier' | 'underlying'>;
  readonly now: EpochMs;
}

const PRICE_DECIMALS = 6;

/** The per-unit price of `qty` filled between two cumulative states (Alpaca's average is authoritative). */
function priceOfDifference(before: Pick<Order, 'filledQty' | 'avgFillPrice'>, afterQty: number, afterAvg: number, qty: number): number {
  const notional = afterAvg * afterQty - (before.avgFillPrice ?? 0) * before.filledQty;
  const price = roundHalfAway(notional / qty, PRICE_DECIMALS);
  return Number.isFinite(price) && price > 0 ? price : afterAvg;
}

export function mirrorOrder(input: MirrorInput): MirrorResult {
  const { ours, theirs, fill, instrument, now } = input;
  const status = statusFromAlpaca(theirs.status, theirs.filledQty);
  if (theirs.filledQty < ours.filledQty) return { order: null, executions: [], note: null };
  const avg = theirs.filledAvgPrice ?? ours.avgFillPrice;
  const next: Order = {
    ...ours,
    status: status ?? ours.status,
    qty: theirs.qty !== null && theirs.qty > 0 ? theirs.qty : ours.qty,
    limitPrice: theirs.limitPrice ?? ours.limitPrice,
    stopPrice: theirs.stopPrice ?? ours.stopPrice,
    filledQty: theirs.filledQty,
    avgFillPrice: theirs.filledQty > 0 ? avg : ours.avgFillPrice,
    brokerOrderId: status === null ? ours.brokerOrderId : theirs.id,
    rejectReason: status === 'rejected' ? (ours.rejectReason ?? 'rejected by Alpaca') : ours.rejectReason,
    updatedAt: now,
  };
  const executions = newFills(ours, theirs, fill, instrument);
  const changed =
    next.status !== ours.status ||
    next.qty !== ours.qty ||
    next.limitPrice !== ours.limitPrice ||
    next.stopPrice !== ours.stopPrice ||
    next.filledQty !== ours.filledQty ||
    next.avgFillPrice !== ours.avgFillPrice ||
    next.brokerOrderId !== ours.brokerOrderId ||
    next.rejectReason !== ours.rejectReason;
  const note = changed && isFinalStatus(ours.status) && next.status !== ours.status ? `Alpaca has order ${ours.id} ${next.status.replace('_', ' ')}, Tapedeck had it ${ours.status.replace('_', ' ')}: Alpaca's state is taken` : null;
  return { order: changed ? next : null, executions, note };
}

/** The fills Tapedeck had not recorded: the stream's (its execution id) and any difference left over. */
function newFills(ours: Order, theirs: AlpacaOrder, fill: AlpacaFill | null, instrument: MirrorInput['instrument']): Execution[] {
  const missing = subDecimal(theirs.filledQty, ours.filledQty);
  if (missing <= 0) return [];
  const base = {
    orderId: ours.id,
    accountId: ours.accountId,
    source: ours.source,
    symbol: ours.symbol,
    side: ours.side,
    fee: 0,
    multiplier: instrument.multiplier,
    underlying: instrument.underlying,
    underlyingPrice: null,
    origin: 'alpaca' as const,
  };
  const out: Execution[] = [];
  let before = { filledQty: ours.filledQty, avgFillPrice: ours.avgFillPrice };
  if (fill !== null && fill.qty <= missing) {
    out.push({ ...base, id: fill.executionId, qty: fill.qty, price: fill.price, time: asEpochMs(Math.trunc(fill.time)) });
    const filledQty = before.filledQty + fill.qty;
    before = { filledQty, avgFillPrice: cleanAmount(((before.avgFillPrice ?? 0) * before.filledQty + fill.price * fill.qty) / filledQty) };
  }
  const rest = subDecimal(theirs.filledQty, before.filledQty);
  if (rest > 0) {
    const avg = theirs.filledAvgPrice ?? fill?.price ?? 0;
    if (avg > 0) {
      out.push({
        ...base,
        id: `${theirs.id}:${String(theirs.filledQty)}`,
        qty: rest,
        price: priceOfDifference(before, theirs.filledQty, avg, rest),
        time: asEpochMs(Math.trunc(theirs.filledAt ?? theirs.updatedAt)),
      });
    }
  }
  return out;
}
