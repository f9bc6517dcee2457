import { randomUUID } from 'node:crypto';

/** Alpaca's OCC option symbol: root, yymmdd, C/P, strike × 1000 in 8 digits. */
export const OCC = /^[A-Z]{1,6}\d{6}[CP]\d{8}$/;

/** An order in the fake Alpaca's book (prices in dollars, as Alpaca's decimal strings carry them). */
export interface FakeOrder {
  readonly id: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly assetClass: 'us_equity' | 'us_option';
  readonly side: 'buy' | 'sell';
  qty: number;
  readonly type: 'market' | 'limit' | 'stop' | 'stop_limit';
  limitPrice: number | null;
  stopPrice: number | null;
  readonly tif: string;
  status: string;
  filledQty: number;
  filledAvgPrice: number | null;
  readonly orderClass: string;
  /** Ids of the legs (a bracket's, OTO's or OCO's), held in the book too. */
  readonly legIds: string[];
  readonly parentId: string | null;
  replaces: string | null;
  replacedBy: string | null;
  readonly createdAt: number;
  updatedAt: number;
  filledAt: number | null;
}

/** A trade_updates event as the fake publishes it (the order serialized at that moment). */
export interface FakeTradeEvent {
  readonly event: string;
  readonly order: Record<string, unknown>;
  readonly timestamp: string;
  readonly execution_id?: string;
  readonly price?: string;
  readonly qty?: string;
  readonly position_qty?: string;
}

/** Alpaca's refusal of a request: status and its error body. */
export class FakeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const FINAL = new Set(['filled', 'canceled', 'expired', 'rejected', 'replaced']);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const dec = (n: number | null): string | null => (n === null ? null : String(Math.round(n * 1e6) / 1e6));

export interface NewOrderInput {
  readonly symbol: string;
  readonly qty: number;
  readonly side: 'buy' | 'sell';
  readonly type: FakeOrder['type'];
  readonly tif: string;
  readonly clientOrderId: string;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly orderClass: string;
  readonly takeProfit: { readonly limitPrice: number } | null;
  readonly stopLoss: { readonly stopPrice: number; readonly limitPrice: number | null } | null;
}

/**
 * The fake Alpaca paper account's book: orders (with bracket, OTO and OCO
 * legs), fills at the fake's prices, positions and cash, and a
 * trade_updates event for every change, as Alpaca's paper broker behaves:
 * a market order fills at once at the symbol's price; a limit or stop order
 * rests until the price crosses it (setPrice); a bracket's legs are held
 * until the entry fills, then work as an OCO pair.
 */
export class FakeTradingBook {
  readonly orders = new Map<string, FakeOrder>();
  readonly positions = new Map<string, { qty: number; avg: number }>();
  readonly prices = new Map<string, number>();
  cash: number;
  private readonly listeners: ((e: FakeTradeEvent) => void)[] = [];

  constructor(
    private readonly now: () => number,
    startingCash: number,
    private readonly known: (symbol: string) => boolean,
  ) {
    this.cash = startingCash;
  }

  onEvent(listener: (e: FakeTradeEvent) => void): void {
    this.listeners.push(listener);
  }

  byClientId(clientOrderId: string): FakeOrder | undefined {
    for (const o of this.orders.values()) if (o.clientOrderId === clientOrderId && o.parentId === null) return o;
    return undefined;
  }

  /** Places an order (validated as Alpaca does); it works from the next tick (setImmediate). */
  submit(input: NewOrderInput): FakeOrder {
    const option = OCC.test(input.symbol);
    if (!option && !this.known(input.symbol)) throw new FakeRefusal(422, 40010001, `asset "${input.symbol}" not found`);
    if (input.clientOrderId.length > 48) throw new FakeRefusal(422, 40010001, 'client_order_id must be no more than 48 characters');
    if (input.clientOrderId !== '' && this.byClientId(input.clientOrderId) !== undefined) throw new FakeRefusal(422, 40010001, 'client_order_id must be unique');
    if (!(input.qty > 0)) throw new FakeRefusal(422, 40010001, 'qty must be > 0');
    if (option && (!Number.isInteger(input.qty) || input.tif !== 'day' || !['simple', ''].includes(input.orderClass))) {
      throw new FakeRefusal(422, 42210000, 'options orders must be simple day orders for whole contracts');
    }
    const price = this.priceOf(input.symbol);
    const cost = input.qty * (input.limitPrice ?? price) * (option ? 100 : 1);
    if (input.side === 'buy' && cost > this.cash) throw new FakeRefusal(403, 40310000, 'insufficient buying power');
    const t = this.now();
    const make = (x: Partial<FakeOrder> & Pick<FakeOrder, 'type' | 'side' | 'status' | 'clientOrderId'>, parentId: string | null): FakeOrder => ({
      id: randomUUID(),
      symbol: input.symbol,
      assetClass: option ? 'us_option' : 'us_equity',
      qty: input.qty,
      limitPrice: null,
      stopPrice: null,
      tif: input.tif,
      filledQty: 0,
      filledAvgPrice: null,
      orderClass: input.orderClass === '' ? 'simple' : input.orderClass,
      legIds: [],
      parentId,
      replaces: null,
      replacedBy: null,
      createdAt: t,
      updatedAt: t,
      filledAt: null,
      ...x,
    });
    const cls = input.orderClass;
    const main = make({ type: input.type, side: input.side, status: 'accepted', clientOrderId: input.clientOrderId, limitPrice: input.limitPrice, stopPrice: input.stopPrice }, null);
    this.orders.set(main.id, main);
    const exitSide = input.side === 'buy' ? 'sell' : 'buy';
    const legStatus = cls === 'oco' ? 'new' : 'held';
    if ((cls === 'bracket' || cls === 'oto') && input.takeProfit !== null) {
      this.addLeg(main, make({ type: 'limit', side: exitSide, status: legStatus, clientOrderId: randomUUID(), limitPrice: input.takeProfit.limitPrice }, main.id));
    }
    if ((cls === 'bracket' || cls === 'oto' || cls === 'oco') && input.stopLoss !== null) {
      const stopType = input.stopLoss.limitPrice === null ? 'stop' : 'stop_limit';
      const side = cls === 'oco' ? input.side : exitSide;
      this.addLeg(main, make({ type: stopType, side, status: legStatus, clientOrderId: randomUUID(), stopPrice: input.stopLoss.stopPrice, limitPrice: input.stopLoss.limitPrice }, main.id));
    }
    setImmediate(() => {
      if (main.status !== 'accepted') return;
      this.move(main, 'new', 'new');
      for (const id of main.legIds) {
        const leg = this.orders.get(id);
        if (leg !== undefined && cls === 'oco') this.emit('new', leg);
      }
      this.work(main);
      for (const id of main.legIds) {
        const leg = this.orders.get(id);
        if (leg !== undefined && leg.status === 'new') this.work(leg);
      }
    });
    return main;
  }

  cancel(id: string): void {
    const o = this.orders.get(id);
    if (o === undefined) throw new FakeRefusal(404, 40410000, 'order not found');
    if (FINAL.has(o.status)) throw new FakeRefusal(422, 42210000, `order is already in "${o.status}" state`);
    this.move(o, 'canceled', 'canceled');
    for (const legId of o.legIds) {
      const leg = this.orders.get(legId);
      if (leg !== undefined && !FINAL.has(leg.status)) this.move(leg, 'canceled', 'canceled');
    }
  }

  /** PATCH: a new order carries this one on (a new id); the old is replaced. */
  replace(id: string, patch: { qty?: number; limitPrice?: number; stopPrice?: number }): FakeOrder {
    const o = this.orders.get(id);
    if (o === undefined) throw new FakeRefusal(404, 40410000, 'order not found');
    if (FINAL.has(o.status) || o.status === 'held') throw new FakeRefusal(422, 42210000, `order is in "${o.status}" state and cannot be replaced`);
    const t = this.now();
    const next: FakeOrder = { ...o, id: randomUUID(), legIds: [], status: 'new', replaces: o.id, replacedBy: null, createdAt: t, updatedAt: t, qty: patch.qty ?? o.qty, limitPrice: patch.limitPrice ?? o.limitPrice, stopPrice: patch.stopPrice ?? o.stopPrice };
    this.orders.set(next.id, next);
    o.replacedBy = next.id;
    this.move(o, 'replaced', 'replaced');
    this.emit('new', next);
    setImmediate(() => this.work(next));
    return next;
  }

  /** DELETE /v2/positions/{symbol}: a market order closing it. */
  closePosition(symbol: string): FakeOrder {
    const p = this.positions.get(symbol);
    if (p === undefined || p.qty === 0) throw new FakeRefusal(404, 40410000, 'position not found');
    const held = [...this.orders.values()].some((o) => o.symbol === symbol && ['new', 'accepted', 'held', 'partially_filled'].includes(o.status) && o.side !== (p.qty > 0 ? 'buy' : 'sell'));
    if (held) throw new FakeRefusal(403, 40310000, `insufficient qty available for order (requested: ${String(Math.abs(p.qty))}, available: 0)`);
    return this.submit({ symbol, qty: Math.abs(p.qty), side: p.qty > 0 ? 'sell' : 'buy', type: 'market', tif: 'day', clientOrderId: randomUUID(), limitPrice: null, stopPrice: null, orderClass: 'simple', takeProfit: null, stopLoss: null });
  }

  /** The symbol's price moves: resting orders it crosses fill. */
  setPrice(symbol: string, price: number): void {
    this.prices.set(symbol, price);
    for (const o of [...this.orders.values()]) if (o.symbol === symbol && (o.status === 'new' || o.status === 'partially_filled')) this.work(o);
  }

  priceOf(symbol: string): number {
    return this.prices.get(symbol) ?? 100;
  }

  /** Fills `qty` (default: what is left) of an order at `price` (default: its limit, else the symbol's price). */
  fill(o: FakeOrder, price = o.limitPrice ?? this.priceOf(o.symbol), qty = o.qty - o.filledQty): void {
    const t = this.now();
    const filled = o.filledQty + qty;
    o.filledAvgPrice = ((o.filledAvgPrice ?? 0) * o.filledQty + price * qty) / filled;
    o.filledQty = filled;
    o.filledAt = t;
    const signed = o.side === 'buy' ? qty : -qty;
    const mult = o.assetClass === 'us_option' ? 100 : 1;
    this.cash -= signed * price * mult;
    const before = this.positions.get(o.symbol) ?? { qty: 0, avg: 0 };
    const qtyAfter = before.qty + signed;
    const avg = qtyAfter === 0 ? 0 : Math.sign(before.qty) === Math.sign(signed) || before.qty === 0 ? (before.avg * Math.abs(before.qty) + price * qty) / Math.abs(qtyAfter) : Math.sign(qtyAfter) === Math.sign(before.qty) ? before.avg : price;
    if (qtyAfter === 0) this.positions.delete(o.symbol);
    else this.positions.set(o.symbol, { qty: qtyAfter, avg });
    const complete = filled >= o.qty;
    o.status = complete ? 'filled' : 'partially_filled';
    o.updatedAt = t;
    const event = complete ? 'fill' : 'partial_fill';
    this.publish({ event, order: this.wire(o), timestamp: new Date(t).toISOString(), execution_id: randomUUID(), price: String(price), qty: String(qty), position_qty: String(qtyAfter) });
    if (!complete) return;
    const parent = o.parentId === null ? undefined : this.orders.get(o.parentId);
    if (parent !== undefined) {
      // A leg filled: its siblings (and an OCO's other half, the parent) are canceled.
      for (const x of [parent, ...parent.legIds.map((id) => this.orders.get(id))]) if (x !== undefined && x !== o && !FINAL.has(x.status)) this.move(x, 'canceled', 'canceled');
      return;
    }
    for (const id of o.legIds) {
      const leg = this.orders.get(id);
      if (leg === undefined) continue;
      if (leg.status === 'held') {
        leg.qty = o.filledQty;
        this.move(leg, 'new', 'new');
        this.work(leg);
      } else if (o.orderClass === 'oco' && !FINAL.has(leg.status)) this.move(leg, 'canceled', 'canceled');
    }
  }

  /** Alpaca's JSON of an order (legs nested for a parent). */
  wire(o: FakeOrder): Record<string, unknown> {
    return {
      id: o.id,
      client_order_id: o.clientOrderId,
      created_at: iso(o.createdAt),
      updated_at: iso(o.updatedAt),
      submitted_at: iso(o.createdAt),
      filled_at: iso(o.filledAt),
      expired_at: null,
      canceled_at: o.status === 'canceled' ? iso(o.updatedAt) : null,
      failed_at: null,
      replaced_at: o.replacedBy === null ? null : iso(o.updatedAt),
      replaced_by: o.replacedBy,
      replaces: o.replaces,
      asset_id: '904837e3-3b76-47ec-b432-046db621571b',
      symbol: o.symbol,
      asset_class: o.assetClass,
      notional: null,
      qty: String(o.qty),
      filled_qty: String(o.filledQty),
      filled_avg_price: dec(o.filledAvgPrice),
      order_class: o.orderClass,
      order_type: o.type,
      type: o.type,
      side: o.side,
      position_intent: o.side === 'buy' ? 'buy_to_open' : 'sell_to_close',
      time_in_force: o.tif,
      limit_price: dec(o.limitPrice),
      stop_price: dec(o.stopPrice),
      status: o.status,
      extended_hours: false,
      legs: o.legIds.length === 0 ? null : o.legIds.map((id) => this.orders.get(id)).filter((x) => x !== undefined).map((x) => this.wire(x)),
      trail_percent: null,
      trail_price: null,
      hwm: null,
    };
  }

  private addLeg(parent: FakeOrder, leg: FakeOrder): void {
    this.orders.set(leg.id, leg);
    parent.legIds.push(leg.id);
  }

  /** Fills a working order its price crosses (a market order at once). */
  private work(o: FakeOrder): void {
    if (o.status !== 'new' && o.status !== 'partially_filled') return;
    const p = this.priceOf(o.symbol);
    const buy = o.side === 'buy';
    if (o.type === 'market') this.fill(o, p);
    else if (o.type === 'limit' && o.limitPrice !== null && (buy ? p <= o.limitPrice : p >= o.limitPrice)) this.fill(o, o.limitPrice);
    else if ((o.type === 'stop' || o.type === 'stop_limit') && o.stopPrice !== null && (buy ? p >= o.stopPrice : p <= o.stopPrice)) this.fill(o, o.type === 'stop' ? p : (o.limitPrice ?? p));
  }

  private move(o: FakeOrder, status: string, event: string): void {
    o.status = status;
    o.updatedAt = Math.max(this.now(), o.updatedAt);
    this.emit(event, o);
  }

  private emit(event: string, o: FakeOrder): void {
    this.publish({ event, order: this.wire(o), timestamp: new Date(this.now()).toISOString() });
  }

  private publish(e: FakeTradeEvent): void {
    for (const l of this.listeners) l(e);
  }
}
