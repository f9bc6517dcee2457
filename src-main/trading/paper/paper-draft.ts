import type { EpochMs } from '../../../shared/domain/epoch';
import { subDecimal } from '../../../shared/trading/decimal-steps';
import type { Execution } from '../../../shared/trading/execution';
import { feeOf } from '../../../shared/trading/fees';
import type { Order } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import { reduceGroup } from '../orders/order-group';
import type { GroupEffect, GroupEvent } from '../orders/order-group-types';
import { isFinalStatus, isWorkingStatus } from '../orders/order-machine';
import { applyExecution, positionKey } from '../positions/position-ledger';
import { dayOrderExpiry } from './day-expiry';
import { planFills, type FillCandidate, type PlannedFill } from './fill-model';
import type { MarketEvent, QuoteEvent } from './market-event';
import { CopyOnWriteMap } from './copy-on-write';
import type { PaperEffect } from './paper-effect';
import type { LiveOrder, PaperState, StandingQuote } from './paper-state';

/** A group rule refused an event (a command's cancel of an order that cannot be canceled). */
export class PaperRefusal extends Error {
  constructor(
    readonly orderId: string,
    message: string,
  ) {
    super(message);
  }
}

/** Times derived from branded inputs (events, commands) stay instants. */
function at(ms: number): EpochMs {
  return ms as EpochMs;
}

export function keyOf(o: Pick<Order, 'source' | 'symbol'>): string {
  return positionKey(o.source, o.symbol);
}

/**
 * A mutable working copy of a PaperState for one step: it runs the group
 * rules, the fill model and the ledger, collects the effects in order, and
 * commits to a new immutable state. Paper is synchronous: a placed order is
 * accepted and a requested cancel confirmed at once (each still its own
 * transition and effect).
 */
export class PaperDraft {
  readonly effects: PaperEffect[] = [];
  private readonly live: Map<string, LiveOrder>;
  private readonly positions: CopyOnWriteMap<string, Position>;
  private readonly quotes: CopyOnWriteMap<string, StandingQuote>;
  private readonly fineUntil: CopyOnWriteMap<string, number>;
  /** The ids of the live orders per instrument key, built by the third ordersOf of this step. */
  private byKey: Map<string, Set<string>> | null = null;
  private scans = 0;
  readonly instruments: CopyOnWriteMap<string, TradedInstrument>;
  private nextSeq: number;
  private placeSeq: number;
  eventSeq: number;
  clock: number;

  constructor(private readonly base: PaperState) {
    this.live = new Map(base.live);
    this.positions = new CopyOnWriteMap(base.positions);
    this.quotes = new CopyOnWriteMap(base.quotes);
    this.fineUntil = new CopyOnWriteMap(base.fineUntil);
    this.instruments = new CopyOnWriteMap(base.instruments);
    this.nextSeq = base.nextSeq;
    this.placeSeq = base.placeSeq;
    this.eventSeq = base.eventSeq;
    this.clock = base.clock;
  }

  commit(): PaperState {
    return {
      ...this.base,
      nextSeq: this.nextSeq,
      placeSeq: this.placeSeq,
      clock: at(this.clock),
      eventSeq: this.eventSeq,
      instruments: this.instruments.result(),
      live: this.live,
      positions: this.positions.result(),
      quotes: this.quotes.result(),
      fineUntil: this.fineUntil.result(),
    };
  }

  get latencyMs(): number {
    return this.base.config.latencyMs;
  }

  newId(): string {
    return `${this.base.idPrefix}${String(this.nextSeq++)}`;
  }

  order(id: string): LiveOrder | undefined {
    return this.live.get(id);
  }

  liveOrders(): LiveOrder[] {
    return [...this.live.values()];
  }

  position(key: string): Position | undefined {
    return this.positions.get(key);
  }

  positionList(): Position[] {
    return [...this.positions.values()];
  }

  standingQuote(key: string): StandingQuote | undefined {
    return this.quotes.get(key);
  }

  instrument(key: string): TradedInstrument {
    const i = this.instruments.get(key);
    if (i === undefined) throw new Error(`paper: no instrument ${key}`);
    return i;
  }

  /**
   * The live orders of `key` in placement order: a pass over the live
   * orders for the first two asks of a step, then an index by instrument (an
   * order's instrument never changes), so a group event that cascades over
   * every order (the kill switch) stays linear.
   */
  private ordersOf(key: string): Order[] {
    if (this.byKey === null && this.scans++ < 2) {
      const out: Order[] = [];
      for (const lo of this.live.values()) if (keyOf(lo.order) === key) out.push(lo.order);
      return out;
    }
    if (this.byKey === null) {
      this.byKey = new Map();
      for (const [id, lo] of this.live) this.index(keyOf(lo.order), id);
    }
    const out: Order[] = [];
    for (const id of this.byKey.get(key) ?? []) {
      const lo = this.live.get(id);
      if (lo !== undefined) out.push(lo.order);
    }
    return out;
  }

  private index(key: string, id: string): void {
    const ids = this.byKey?.get(key);
    if (ids !== undefined) ids.add(id);
    else this.byKey?.set(key, new Set([id]));
  }

  /** Runs a group event on the live orders of `key` and carries out what it asks (accept placed orders, confirm cancels). */
  runGroup(key: string, event: GroupEvent, now: number): void {
    const out = reduceGroup(this.ordersOf(key), event, { now: at(now), instrument: this.instrument(key) });
    if (!out.ok) throw new PaperRefusal(out.orderId, out.message);
    this.adopt(key, out.effects, now);
  }

  /** Records a group's effects and acts on them as the paper broker. */
  adopt(key: string, effects: readonly GroupEffect[], now: number): void {
    const actions: { kind: 'accept' | 'confirm'; id: string }[] = [];
    for (const e of effects) {
      switch (e.kind) {
        case 'update':
          this.store(e.order, now);
          this.effects.push({ kind: 'order', order: e.order });
          break;
        case 'place':
          this.send(e.orderId, now);
          actions.push({ kind: 'accept', id: e.orderId });
          break;
        case 'cancel':
          actions.push({ kind: 'confirm', id: e.orderId });
          break;
        case 'resize':
          break;
        case 'note':
          this.effects.push({ kind: 'note', orderId: e.orderId, message: e.message });
          break;
      }
    }
    for (const a of actions) {
      const status = this.live.get(a.id)?.order.status;
      if (a.kind === 'accept' && status === 'new') this.runGroup(key, { kind: 'accepted', orderId: a.id }, now);
      if (a.kind === 'confirm' && status === 'pending_cancel') this.runGroup(key, { kind: 'canceled', orderId: a.id }, now);
    }
  }

  private store(order: Order, now: number): void {
    if (isFinalStatus(order.status)) {
      this.live.delete(order.id);
      this.byKey?.get(keyOf(order))?.delete(order.id);
      return;
    }
    const known = this.live.get(order.id);
    if (known !== undefined) {
      this.live.set(order.id, { ...known, order });
      return;
    }
    this.placeSeq++;
    this.index(keyOf(order), order.id);
    this.live.set(order.id, { order, seq: this.placeSeq, submittedAt: now, eligibleAt: now, sinceEvent: this.eventSeq, expiresAt: null, triggered: false, met: false });
  }

  /**
   * An order goes to the (paper) market at `now`: one the trader sent
   * (an entry, an OCO leg, a flatten) after the latency and able to meet the
   * standing quote; an exit armed by its entry's fill at once, but only from
   * the next market event on.
   */
  private send(id: string, now: number): void {
    const lo = this.live.get(id);
    if (lo === undefined) return;
    const o = lo.order;
    const bySender = o.role === 'entry' || o.role === 'oco_leg';
    const expiresAt = o.tif === 'day' ? dayOrderExpiry(this.instrument(keyOf(o)).assetClass, now) : null;
    // An exit limit that the standing book does not reach rests from the moment it is armed: when the
    // market later moves through it, it fills at its limit (a resting order's price), not at the better
    // price an arriving order would get.
    const q = this.quotes.get(keyOf(o));
    const rests = !bySender && o.type === 'limit' && o.limitPrice !== null && q !== undefined && !(o.side === 'sell' ? q.bid >= o.limitPrice : q.ask <= o.limitPrice);
    this.live.set(id, {
      ...lo,
      submittedAt: now,
      eligibleAt: now + (bySender ? this.base.config.latencyMs : 0),
      sinceEvent: bySender ? this.eventSeq - 1 : this.eventSeq,
      expiresAt,
      triggered: false,
      met: rests,
    });
  }

  /** Marks a live order's meta (met, triggered, a replace's new timing). */
  patch(id: string, change: Partial<Omit<LiveOrder, 'order'>>): void {
    const lo = this.live.get(id);
    if (lo !== undefined) this.live.set(id, { ...lo, ...change });
  }

  /** Books one planned fill: the execution (fee per schedule), the position, then the order and its group. */
  private fill(key: string, f: PlannedFill, underlyingPrice: number | null): void {
    const lo = this.live.get(f.id);
    if (lo === undefined || !isWorkingStatus(lo.order.status)) return;
    const o = lo.order;
    const qty = Math.min(f.qty, subDecimal(o.qty, o.filledQty));
    if (!(qty > 0)) return;
    const instrument = this.instrument(key);
    const execution: Execution = {
      id: this.newId(),
      orderId: o.id,
      accountId: o.accountId,
      source: o.source,
      symbol: o.symbol,
      side: o.side,
      qty,
      price: f.price,
      fee: feeOf(instrument, qty, f.price, this.base.account.fees),
      multiplier: instrument.multiplier,
      underlying: instrument.underlying,
      underlyingPrice,
      time: at(f.time),
      origin: 'paper',
    };
    this.effects.push({ kind: 'execution', execution });
    const position = applyExecution(this.positions.get(key) ?? null, execution);
    this.positions.set(key, position);
    this.effects.push({ kind: 'position', position });
    this.runGroup(key, { kind: 'fill', orderId: o.id, qty, price: f.price }, f.time);
  }

  /** Books a fill no order made (an option settled at its expiry): the execution, then the position after it. */
  bookUnordered(key: string, execution: Execution): void {
    this.effects.push({ kind: 'execution', execution });
    const position = applyExecution(this.positions.get(key) ?? null, execution);
    this.positions.set(key, position);
    this.effects.push({ kind: 'position', position });
  }

  /** The fill model over the working orders of `key` (or just `onlyId`) on event `e`, booked in order; an IOC that met the market is done. */
  fillPass(key: string, e: MarketEvent, onlyId?: string): void {
    const instrument = this.instruments.get(key);
    if (instrument === undefined) return;
    const candidates: FillCandidate[] = [];
    for (const lo of this.live.values()) {
      const o = lo.order;
      if (keyOf(o) !== key || !isWorkingStatus(o.status) || o.status === 'new' || lo.sinceEvent >= this.eventSeq) continue;
      if (onlyId !== undefined && o.id !== onlyId) continue;
      candidates.push({
        id: o.id,
        side: o.side,
        type: o.type,
        limitPrice: o.limitPrice,
        stopPrice: o.stopPrice,
        ocoGroup: o.ocoGroup,
        triggered: lo.triggered,
        arriving: !lo.met,
        remaining: subDecimal(o.qty, o.filledQty),
        seq: lo.seq,
        submittedAt: lo.submittedAt,
        eligibleAt: lo.eligibleAt,
      });
    }
    if (candidates.length === 0) return;
    const plan = planFills(candidates, e, instrument, this.base.config);
    for (const id of plan.met) this.patch(id, { met: true });
    for (const id of plan.triggered) this.patch(id, { triggered: true });
    for (const f of plan.fills) this.fill(key, f, e.underlyingPrice ?? null);
    const q = this.quotes.get(key);
    if (plan.quoteLeft !== null && q !== undefined) this.quotes.set(key, { ...q, bidSize: plan.quoteLeft.bid, askSize: plan.quoteLeft.ask });
    const time = e.kind === 'bar' ? e.endTime : e.time;
    for (const id of plan.met) {
      const o = this.live.get(id)?.order;
      if (o?.tif === 'ioc' && isWorkingStatus(o.status)) this.runGroup(key, { kind: 'canceled', orderId: id }, time);
    }
  }

  /** Records a market event's book and prints for its instrument. */
  see(e: MarketEvent): void {
    const key = positionKey(e.source, e.symbol);
    if (e.kind === 'quote') this.quotes.set(key, { time: e.time, bid: e.bid, ask: e.ask, bidSize: e.bidSize ?? null, askSize: e.askSize ?? null, underlyingPrice: e.underlyingPrice ?? null });
    if (e.kind !== 'bar') this.fineUntil.set(key, Math.max(this.fineUntil.get(key) ?? Number.NEGATIVE_INFINITY, e.time));
  }

  /** Whether a bar's span already saw finer events (quotes, trades) of its instrument. */
  finerSeen(key: string, barTime: number): boolean {
    return (this.fineUntil.get(key) ?? Number.NEGATIVE_INFINITY) >= barTime;
  }

  /**
   * Moves the market clock to `to` (exclusive: up to an event at `to`;
   * inclusive: a command or clock tick at `to`), in time order: day orders
   * expire at their session's close, and orders that became eligible meet the
   * standing quote of their instrument then (an expiry first on a tie).
   */
  advance(to: number, inclusive: boolean): void {
    for (let next = this.nextHappening(to, inclusive); next !== null; next = this.nextHappening(to, inclusive)) {
      const { time, expiry, lo } = next;
      const key = keyOf(lo.order);
      this.clock = Math.max(this.clock, time);
      if (expiry) {
        this.runGroup(key, { kind: 'expired', orderId: lo.order.id }, time);
        continue;
      }
      const q = this.quotes.get(key);
      if (q === undefined) break;
      const e: QuoteEvent = { kind: 'quote', source: lo.order.source, symbol: lo.order.symbol, time: at(time), bid: q.bid, ask: q.ask, bidSize: q.bidSize, askSize: q.askSize, underlyingPrice: q.underlyingPrice ?? null };
      this.fillPass(key, e, lo.order.id);
      if (this.live.get(lo.order.id)?.met === false) this.patch(lo.order.id, { met: true });
    }
    this.clock = Math.max(this.clock, to);
  }

  /**
   * With no latency (latencyMs 0) an order sent by a command meets the
   * standing quote in that same step, as it would at the very next clock
   * tick: without this it waited for the next market event or the broker's
   * 1 s clock tick. With a latency nothing is due yet, so nothing happens.
   */
  meetNow(now: number): void {
    if (this.base.config.latencyMs === 0) this.advance(now, true);
  }

  /** The earliest expiry or standing-quote arrival due by `to` (expiries first on a tie, then placement order). */
  private nextHappening(to: number, inclusive: boolean): { time: number; expiry: boolean; lo: LiveOrder } | null {
    const due = (t: number): boolean => (inclusive ? t <= to : t < to);
    let best: { time: number; expiry: boolean; lo: LiveOrder } | null = null;
    const better = (time: number, expiry: boolean, lo: LiveOrder): boolean => {
      if (best === null || time !== best.time) return best === null || time < best.time;
      if (expiry !== best.expiry) return expiry;
      return lo.seq < best.lo.seq;
    };
    for (const lo of this.live.values()) {
      const o = lo.order;
      if (!isWorkingStatus(o.status)) continue;
      if (lo.expiresAt !== null && due(lo.expiresAt) && better(lo.expiresAt, true, lo)) best = { time: lo.expiresAt, expiry: true, lo };
      const arrives = !lo.met && o.status !== 'new' && lo.sinceEvent < this.eventSeq && due(lo.eligibleAt) && this.quotes.has(keyOf(o));
      if (arrives && better(lo.eligibleAt, false, lo)) best = { time: lo.eligibleAt, expiry: false, lo };
    }
    return best;
  }
}
