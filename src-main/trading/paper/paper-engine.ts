import type { EpochMs } from '../../../shared/domain/epoch';
import type { SourceId } from '../../../shared/domain/source';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { Execution } from '../../../shared/trading/execution';
import type { FieldError } from '../../../shared/trading/field-error';
import type { OcoRequest } from '../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../shared/trading/order';
import { checkPrice, checkQty, clientOrderIdConflict, validateOcoRequest, validateOrderRequest } from '../../../shared/trading/order-validation';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import { newEntryOrders, newOcoOrders } from '../orders/order-factory';
import { positionKey } from '../positions/position-ledger';
import { eventTime, type MarketEvent } from './market-event';
import type { PaperEffect } from './paper-effect';
import { keyOf, PaperDraft, PaperRefusal } from './paper-draft';
import type { PaperState } from './paper-state';
import { replaceInDraft, type ReplaceChange } from './paper-replace';

/**
 * The paper broker as a pure engine: a state, a command or a market event →
 * a new state and the effects that lead to it, in order. The same inputs give
 * the same effects (ids come from the state's prefix and counter; times from
 * the commands and events; no clock, no randomness). The service persists
 * the effects, then keeps the new state; on a refusal nothing changed.
 *
 * Every command carries `now` (the market clock: wall time live, the replay
 * clock in replay) and first brings the clock up to it (day orders expire,
 * orders whose latency has passed meet the standing quote).
 */
export type PaperStep = { readonly ok: true; readonly state: PaperState; readonly effects: readonly PaperEffect[] };
export type PaperRefused = { readonly ok: false; readonly errors: readonly FieldError[] } & FieldError;
export type PaperOutcome<T = object> = (PaperStep & T) | PaperRefused;

function refused(errors: readonly FieldError[]): PaperRefused {
  const first = errors[0] ?? { field: '', message: 'refused' };
  return { ok: false, errors, field: first.field, message: first.message };
}

function isRefused(v: unknown): v is PaperRefused {
  return typeof v === 'object' && v !== null && 'ok' in v && v.ok === false;
}

function run<T extends object>(state: PaperState, now: number, body: (d: PaperDraft) => T | PaperRefused): PaperOutcome<T> {
  const draft = new PaperDraft(state);
  draft.advance(now, true);
  try {
    const value = body(draft);
    if (isRefused(value)) return value;
    return { ok: true, state: draft.commit(), effects: draft.effects, ...value };
  } catch (e) {
    if (e instanceof PaperRefusal) return refused([{ field: 'id', message: e.message }]);
    throw e;
  }
}

function latest(draft: PaperDraft, ids: readonly string[], fallback: readonly Order[]): Order[] {
  const byId = new Map<string, Order>();
  for (const o of fallback) byId.set(o.id, o);
  for (const e of draft.effects) if (e.kind === 'order' && ids.includes(e.order.id)) byId.set(e.order.id, e.order);
  return ids.map((id) => byId.get(id)).filter((o): o is Order => o !== undefined);
}

export interface PlaceCommand {
  readonly request: OrderRequest;
  readonly instrument: TradedInstrument;
  readonly now: EpochMs;
}

/**
 * Places an order (validated: bad input is refused naming its field, nothing
 * placed) with its held exits; accepted at once. A live order with the same
 * client order id and contents is returned as it is (no effects); with other
 * contents the request is refused.
 */
export function placeOrder(state: PaperState, cmd: PlaceCommand): PaperOutcome<{ readonly orders: readonly Order[] }> {
  return run(state, cmd.now, (d) => {
    const { request, instrument } = cmd;
    if (request.accountId !== state.account.id) return refused([{ field: 'accountId', message: `unknown account ${request.accountId}` }]);
    const key = positionKey(request.source, request.symbol);
    const q = d.standingQuote(key);
    const refPrice = q === undefined ? null : request.side === 'buy' ? q.ask : q.bid;
    const errors = validateOrderRequest(request, instrument, refPrice);
    if (errors.length > 0) return refused(errors);
    if (request.clientOrderId !== undefined) {
      const same = d.liveOrders().find((lo) => lo.order.clientOrderId === request.clientOrderId && lo.order.role === 'entry');
      if (same !== undefined) {
        const conflict = clientOrderIdConflict(same.order, request);
        if (conflict !== null) return refused([conflict]);
        return { orders: d.liveOrders().filter((lo) => lo.order.id === same.order.id || lo.order.parentId === same.order.id).map((lo) => lo.order) };
      }
    }
    d.instruments.set(key, instrument);
    const created = newEntryOrders(request, d.newId(), { now: cmd.now, broker: 'paper' });
    d.adopt(key, created.effects, cmd.now);
    d.meetNow(cmd.now);
    return { orders: latest(d, created.orders.map((o) => o.id), created.orders) };
  });
}

export interface PlaceOcoCommand {
  readonly request: OcoRequest;
  readonly instrument: TradedInstrument;
  readonly now: EpochMs;
}

/** Places a stand-alone OCO pair (validated), both legs live at once. */
export function placeOco(state: PaperState, cmd: PlaceOcoCommand): PaperOutcome<{ readonly orders: readonly Order[] }> {
  return run(state, cmd.now, (d) => {
    if (cmd.request.accountId !== state.account.id) return refused([{ field: 'accountId', message: `unknown account ${cmd.request.accountId}` }]);
    const errors = validateOcoRequest(cmd.request, cmd.instrument);
    if (errors.length > 0) return refused(errors);
    const key = positionKey(cmd.request.source, cmd.request.symbol);
    d.instruments.set(key, cmd.instrument);
    const created = newOcoOrders(cmd.request, d.newId(), { now: cmd.now, broker: 'paper' });
    d.adopt(key, created.effects, cmd.now);
    d.meetNow(cmd.now);
    return { orders: latest(d, created.orders.map((o) => o.id), created.orders) };
  });
}

/** Cancels a live order with its group (order-group.ts rules); refused for an order that is not live here. */
export function cancelOrder(state: PaperState, cmd: { readonly orderId: string; readonly now: EpochMs }): PaperOutcome<{ readonly orders: readonly Order[] }> {
  return run(state, cmd.now, (d) => {
    const lo = d.order(cmd.orderId);
    if (lo === undefined) return refused([{ field: 'id', message: `no working order ${cmd.orderId}` }]);
    const before = d.effects.length;
    d.runGroup(keyOf(lo.order), { kind: 'cancel', orderId: cmd.orderId }, cmd.now);
    const touched = [...new Set(d.effects.slice(before).flatMap((e) => (e.kind === 'order' ? [e.order.id] : [])))];
    return { orders: latest(d, touched, []) };
  });
}

export interface ReplaceCommand extends ReplaceChange {
  readonly orderId: string;
  readonly now: EpochMs;
}

/** Changes a working order's quantity or prices (validated); it is sent again (latency, arriving anew). */
export function replaceOrder(state: PaperState, cmd: ReplaceCommand): PaperOutcome<{ readonly order: Order }> {
  return run(state, cmd.now, (d) => {
    const lo = d.order(cmd.orderId);
    if (lo === undefined) return refused([{ field: 'id', message: `no working order ${cmd.orderId}` }]);
    const instrument = d.instrument(keyOf(lo.order));
    const errors = [
      cmd.qty === undefined ? null : checkQty(cmd.qty, instrument),
      cmd.limitPrice === undefined ? null : checkPrice('limitPrice', cmd.limitPrice, instrument),
      cmd.stopPrice === undefined ? null : checkPrice('stopPrice', cmd.stopPrice, instrument),
    ].filter((e): e is FieldError => e !== null);
    if (errors.length > 0) return refused(errors);
    const r = replaceInDraft(d, lo, cmd, cmd.now);
    return r.ok ? { order: r.order } : refused([r]);
  });
}

export interface FlattenResult {
  /** The market orders that close the positions. */
  readonly orders: readonly Order[];
  /** Orders canceled on the way (working and held). */
  readonly canceled: number;
  /** Positions being closed. */
  readonly flattened: number;
}

/**
 * Closes positions at market — one instrument's, or every one — canceling
 * every live order of those instruments first (held exits included). The
 * closing orders are market orders, good till canceled, role entry (they only
 * reduce; the risk manager treats them as intent 'flatten').
 */
export function flatten(state: PaperState, cmd: { readonly now: EpochMs; readonly source?: SourceId; readonly symbol?: SymbolId }): PaperOutcome<FlattenResult> {
  return run(state, cmd.now, (d) => {
    const wanted = (source: string, symbol: string): boolean => (cmd.source === undefined || cmd.source === source) && (cmd.symbol === undefined || cmd.symbol === symbol);
    const keys = new Set<string>();
    for (const p of d.positionList()) if (p.qty !== 0 && wanted(p.source, p.symbol)) keys.add(positionKey(p.source, p.symbol));
    for (const lo of d.liveOrders()) if (wanted(lo.order.source, lo.order.symbol)) keys.add(keyOf(lo.order));
    let canceled = 0;
    let flattened = 0;
    const ids: string[] = [];
    for (const key of [...keys].sort()) {
      const before = d.effects.length;
      d.runGroup(key, { kind: 'kill' }, cmd.now);
      canceled += d.effects.slice(before).filter((e) => e.kind === 'order' && e.order.status === 'canceled').length;
      const p = d.position(key);
      if (p === undefined || p.qty === 0) continue;
      const request: OrderRequest = {
        accountId: state.account.id,
        source: p.source,
        symbol: p.symbol,
        side: p.qty > 0 ? 'sell' : 'buy',
        qty: Math.abs(p.qty),
        type: 'market',
        tif: 'gtc',
        overrideDataGate: true,
      };
      const created = newEntryOrders(request, d.newId(), { now: cmd.now, broker: 'paper' });
      d.adopt(key, created.effects, cmd.now);
      ids.push(...created.orders.map((o) => o.id));
      flattened++;
    }
    d.meetNow(cmd.now);
    return { orders: latest(d, ids, []), canceled, flattened };
  });
}

/** The kill switch: cancel every live order, flatten every position (refusing new entries is the risk manager's, until re-armed). */
export function killSwitch(state: PaperState, cmd: { readonly now: EpochMs }): PaperOutcome<FlattenResult> {
  return flatten(state, { now: cmd.now });
}

/** The market clock reached `now` with no event: day orders expire, orders past their latency meet the standing quote. */
export function advanceClock(state: PaperState, now: EpochMs): PaperStep {
  const d = new PaperDraft(state);
  d.advance(now, true);
  return { ok: true, state: d.commit(), effects: d.effects };
}

/**
 * A market event of one instrument: first the clock up to it, then its book
 * and prints are recorded and its working orders meet it (fill-model.ts). A
 * bar over a span that already had quotes or trades of the instrument fills
 * nothing (the finer events decided, e.g. which of a bracket's exits came first).
 */
export function onMarketEvent(state: PaperState, e: MarketEvent): PaperStep {
  const d = new PaperDraft(state);
  const t = eventTime(e);
  d.advance(t, false);
  d.eventSeq++;
  const key = positionKey(e.source, e.symbol);
  const skip = e.kind === 'bar' && d.finerSeen(key, e.time);
  d.see(e);
  if (!skip) d.fillPass(key, e);
  d.clock = Math.max(d.clock, t);
  return { ok: true, state: d.commit(), effects: d.effects };
}

export interface SettleCommand {
  readonly source: SourceId;
  readonly symbol: SymbolId;
  /** What the contract pays per unit at expiry (its intrinsic value; 0 when it expired worthless). */
  readonly price: number;
  readonly underlyingPrice: number;
  /** The expiry instant: the closing fill's time. */
  readonly time: EpochMs;
  readonly now: EpochMs;
}

/**
 * An option that expired while held: its live orders are canceled and the
 * position is closed by one fill at its intrinsic value at the expiry
 * instant (no order, no fee: expiry is not a trade), as a broker settles an
 * expired contract (cash-settled in paper: exercise and assignment both come
 * to the intrinsic value). Nothing happens when the position is flat.
 */
export function settleExpired(state: PaperState, cmd: SettleCommand): PaperOutcome<{ readonly execution: Execution | null }> {
  return run(state, cmd.now, (d) => {
    const key = positionKey(cmd.source, cmd.symbol);
    if (d.liveOrders().some((lo) => keyOf(lo.order) === key)) d.runGroup(key, { kind: 'kill' }, cmd.now);
    const p = d.position(key);
    if (p === undefined || p.qty === 0) return { execution: null };
    const execution: Execution = {
      id: d.newId(),
      orderId: null,
      accountId: state.account.id,
      source: p.source,
      symbol: p.symbol,
      side: p.qty > 0 ? 'sell' : 'buy',
      qty: Math.abs(p.qty),
      price: cmd.price,
      fee: 0,
      multiplier: p.multiplier,
      underlying: p.underlying,
      underlyingPrice: cmd.underlyingPrice,
      time: cmd.time,
      origin: 'paper',
    };
    d.bookUnordered(key, execution);
    return { execution };
  });
}

/** Any input of the engine, for drivers that replay a log of them. */
export type PaperInput =
  | { readonly kind: 'place'; readonly cmd: PlaceCommand }
  | { readonly kind: 'placeOco'; readonly cmd: PlaceOcoCommand }
  | { readonly kind: 'cancel'; readonly cmd: { readonly orderId: string; readonly now: EpochMs } }
  | { readonly kind: 'replace'; readonly cmd: ReplaceCommand }
  | { readonly kind: 'flatten'; readonly cmd: { readonly now: EpochMs; readonly source?: SourceId; readonly symbol?: SymbolId } }
  | { readonly kind: 'kill'; readonly cmd: { readonly now: EpochMs } }
  | { readonly kind: 'clock'; readonly now: EpochMs }
  | { readonly kind: 'market'; readonly event: MarketEvent };

/** One input → its outcome (a refused command leaves the state as it was). */
export function stepPaper(state: PaperState, input: PaperInput): PaperOutcome {
  switch (input.kind) {
    case 'place':
      return placeOrder(state, input.cmd);
    case 'placeOco':
      return placeOco(state, input.cmd);
    case 'cancel':
      return cancelOrder(state, input.cmd);
    case 'replace':
      return replaceOrder(state, input.cmd);
    case 'flatten':
      return flatten(state, input.cmd);
    case 'kill':
      return killSwitch(state, input.cmd);
    case 'clock':
      return advanceClock(state, input.now);
    case 'market':
      return onMarketEvent(state, input.event);
  }
}
