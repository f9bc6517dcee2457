import { asEpochMs } from '../../../../shared/domain/epoch';
import type { Execution } from '../../../../shared/trading/execution';
import { clientOrderIdSchema, type Order } from '../../../../shared/trading/order';
import type { Position } from '../../../../shared/trading/position';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import type { Logger } from '../../../platform/rpc';
import type { TradedInstruments } from '../../instruments/traded-instruments';
import { transition } from '../../orders';
import type { PaperEffect } from '../../paper/paper-effect';
import type { Committed, TradingLedger } from '../../service/trading-ledger';
import type { TradingEvents } from '../../service/trading-events';
import type { StoredAccount } from '../../store/accounts-repository';
import type { AuditInput } from '../../store/audit-log';
import type { OrdersRepository } from '../../store/orders-repository';
import { AlpacaOrderBook } from './alpaca-order-book';
import { alpacaPositions, alpacaSymbolTerms, type AlpacaHolding, type PositionDifference } from './alpaca-positions';
import { settleHeldExits } from './held-exits';
import { exitHolder } from './order-body';
import { mirrorOrder, type AlpacaFill } from './order-mirror';
import type { AlpacaAccount, AlpacaOrder, AlpacaPosition } from './trading-wire';

export interface AlpacaSyncDeps {
  readonly account: StoredAccount;
  readonly ledger: TradingLedger;
  readonly events: TradingEvents;
  readonly instruments: TradedInstruments;
  readonly orders: OrdersRepository;
  readonly now: () => number;
  readonly log: Logger;
  readonly stored: { readonly orders: readonly Order[]; readonly executions: readonly Execution[] };
}

/** What applying Alpaca's word did: exits Tapedeck armed (to send now), and whether the order was one Tapedeck does not know. */
export interface Applied {
  readonly armed: readonly Order[];
  readonly unknown: boolean;
  readonly changed: boolean;
}

const NOTHING: Applied = { armed: [], unknown: false, changed: false };

/**
 * The state of one Alpaca account in Tapedeck — its orders (the book), its
 * fills, Alpaca's holdings and money — and the one way it changes: every
 * change goes through the trading ledger (orders, transitions, fills and
 * audit lines in one transaction) before it is kept or anyone hears of it.
 * Alpaca's messages (REST answers, trade_updates) are applied here: the
 * order mirrored, its legs mapped onto Tapedeck's exits, the exits Tapedeck
 * holds armed on the entry's fill (returned, to be sent after the commit).
 */
export class AlpacaSync {
  readonly book: AlpacaOrderBook;
  private readonly executions: Execution[];
  private holdings: Map<string, AlpacaHolding> | null = null;
  private money: AlpacaAccount | null = null;
  private reportedDifferences = '';

  constructor(private readonly deps: AlpacaSyncDeps) {
    this.book = new AlpacaOrderBook(deps.stored.orders);
    this.executions = [...deps.stored.executions];
  }

  get accountId(): string {
    return this.deps.account.id;
  }

  positions(): Position[] {
    return alpacaPositions(this.deps.account.id, this.executions, this.holdings).positions;
  }

  funds(): AlpacaAccount | null {
    return this.money;
  }

  /** The instrument of an order (its catalog, else what the symbol says: an OCC contract or a stock). */
  instrumentOf(o: Pick<Order, 'source' | 'symbol'>): TradedInstrument {
    const known = this.deps.instruments.resolve(o.source, o.symbol);
    if (known !== null) return known;
    const terms = alpacaSymbolTerms(o.symbol);
    return { source: o.source, symbol: o.symbol, assetClass: terms.underlying === null ? 'equity' : 'option', tickSize: 0.01, lotSize: 1, multiplier: terms.multiplier, currency: 'USD', underlying: terms.underlying };
  }

  /**
   * Persists effects and audit lines in one transaction, then keeps them and
   * tells followers; throws (nothing kept) when the store refuses.
   */
  commit(effects: readonly PaperEffect[], extra: readonly AuditInput[] = [], requestOf?: (id: string) => unknown): Committed {
    const { ledger, account, events } = this.deps;
    const committed = ledger.commit(
      { accountId: account.id, epoch: account.epoch, before: (id) => this.book.get(id) ?? this.deps.orders.get(id), ...(requestOf === undefined ? {} : { requestOf }) },
      effects,
      extra,
    );
    for (const o of committed.orders) this.book.put(o);
    this.executions.push(...committed.executions);
    ledger.publish(committed);
    if (committed.executions.length > 0) events.emit('positions', { accountId: account.id, positions: this.positions() });
    return committed;
  }

  /** Our order for an Alpaca order: in the book, else stored (a late message about an order finished before a restart). */
  find(theirs: AlpacaOrder): Order | undefined {
    const found = this.book.find(theirs);
    if (found !== undefined) return found;
    const stored = this.deps.orders.byClientOrderId(this.deps.account.id, theirs.clientOrderId)?.order;
    if (stored !== undefined) this.book.put(stored);
    return stored;
  }

  /**
   * Applies one snapshot of an Alpaca order (with the stream's fill, if
   * any): mirrored onto ours, its legs onto our exits, our held exits
   * settled. An order Tapedeck does not know is adopted when `adopt`, else
   * reported unknown.
   */
  apply(theirs: AlpacaOrder, fill: AlpacaFill | null, adopt: boolean): Applied {
    let ours = this.find(theirs);
    if (ours === undefined) {
      if (!adopt) return { ...NOTHING, unknown: true };
      ours = this.adopt(theirs);
    }
    const now = asEpochMs(this.deps.now());
    if (theirs.status === 'replaced') {
      // The successor carries the order on; its own messages update it.
      if (theirs.replacedBy === null || ours.brokerOrderId !== theirs.id) return NOTHING;
      this.book.alias(theirs.replacedBy, ours.id);
      this.commit([{ kind: 'order', order: { ...ours, brokerOrderId: theirs.replacedBy, updatedAt: now } }]);
      return { ...NOTHING, changed: true };
    }
    if (ours.brokerOrderId !== null && ours.brokerOrderId !== theirs.id && theirs.replaces !== ours.brokerOrderId) return NOTHING;
    if (!this.book.fresh(theirs)) return NOTHING;
    const effects: PaperEffect[] = [];
    const instrument = this.instrumentOf(ours);
    const entry = this.mirrorInto(effects, ours, theirs, fill, instrument, now);
    this.mapLegs(effects, entry, theirs, instrument, now);
    const armed = this.settle(effects, entry, instrument, now);
    if (effects.length === 0) return NOTHING;
    this.commit(effects);
    return { armed, unknown: false, changed: true };
  }

  /**
   * An order Alpaca refused, or that never reached it: rejected with the
   * reason, its held exits canceled with it (one commit). False when it had
   * moved on meanwhile (a message from Alpaca came first).
   */
  reject(id: string, reason: string): boolean {
    const o = this.book.get(id);
    if (o === undefined || o.status !== 'new' || o.brokerOrderId !== null) return false;
    const now = asEpochMs(this.deps.now());
    const t = transition(o, { type: 'reject', reason });
    if (!t.ok) return false;
    const rejected: Order = { ...o, status: t.status, rejectReason: reason, updatedAt: now };
    const effects: PaperEffect[] = [{ kind: 'order', order: rejected }];
    const held = this.book.group(o).filter((x) => x.parentId === o.id && x.status === 'held');
    for (const x of settleHeldExits(rejected, held, this.instrumentOf(o), now).orders) effects.push({ kind: 'order', order: x });
    this.commit(effects);
    return true;
  }

  /** Alpaca's holdings now (a reconciliation): the differences with Tapedeck's fills, audited when they changed. */
  setHoldings(positions: readonly AlpacaPosition[]): PositionDifference[] {
    this.holdings = new Map(positions.map((p) => [p.symbol, { qty: p.qty, avgEntryPrice: p.avgEntryPrice }]));
    const { differences } = alpacaPositions(this.deps.account.id, this.executions, this.holdings);
    const signature = JSON.stringify(differences);
    if (signature !== this.reportedDifferences) {
      this.reportedDifferences = signature;
      const lines = differences.map((d) => `${d.symbol}: Tapedeck's fills make ${String(d.tapedeck)}, Alpaca holds ${String(d.alpaca)}`);
      const message = differences.length === 0 ? 'positions agree with Alpaca' : `positions differ from Alpaca (Alpaca's are shown): ${lines.join('; ')}`;
      this.commit([], [{ kind: 'broker', accountId: this.accountId, symbol: null, message, data: { differences } }]);
    }
    this.deps.events.emit('positions', { accountId: this.accountId, positions: this.positions() });
    return differences;
  }

  /** A fill event's position_qty: Alpaca's quantity of the symbol after it. */
  holdingAfterFill(symbol: string, qty: number | null): void {
    if (qty === null || this.holdings === null) return;
    const before = this.holdings.get(symbol);
    this.holdings.set(symbol, { qty, avgEntryPrice: before?.qty === qty ? before.avgEntryPrice : null });
  }

  setFunds(account: AlpacaAccount): boolean {
    const changed = this.money === null || this.money.cash !== account.cash || this.money.buyingPower !== account.buyingPower || this.money.equity !== account.equity;
    this.money = account;
    if (changed) this.deps.events.emit('accounts', null);
    return changed;
  }

  /** Ours brought to Alpaca's snapshot; the order as it now is. */
  private mirrorInto(effects: PaperEffect[], ours: Order, theirs: AlpacaOrder, fill: AlpacaFill | null, instrument: TradedInstrument, now: ReturnType<typeof asEpochMs>): Order {
    const m = mirrorOrder({ ours, theirs, fill, instrument, now });
    if (m.order !== null) effects.push({ kind: 'order', order: m.order });
    for (const e of m.executions) effects.push({ kind: 'execution', execution: e });
    if (m.note !== null) effects.push({ kind: 'note', orderId: ours.id, message: m.note });
    return m.order ?? ours;
  }

  /** A bracket's, OTO's or OCO's legs onto our exits (by kind: the limit is the take-profit, the stop the stop-loss). */
  private mapLegs(effects: PaperEffect[], primary: Order, theirs: AlpacaOrder, instrument: TradedInstrument, now: ReturnType<typeof asEpochMs>): void {
    if (theirs.legs.length === 0) return;
    const group = this.book.group(primary).filter((o) => o.id !== primary.id);
    for (const leg of theirs.legs) {
      const stop = leg.type === 'stop' || leg.type === 'stop_limit';
      const ours = this.book.find(leg) ?? group.find((o) => o.brokerOrderId === null && (stop ? o.type === 'stop' || o.type === 'stop_limit' : o.type === 'limit'));
      if (ours === undefined || !this.book.fresh(leg)) continue;
      this.book.alias(leg.id, ours.id);
      this.mirrorInto(effects, ours, leg, null, instrument, now);
    }
  }

  /** Our held exits of an entry Tapedeck holds them for, settled on its state; the ones armed. */
  private settle(effects: PaperEffect[], entry: Order, instrument: TradedInstrument, now: ReturnType<typeof asEpochMs>): readonly Order[] {
    if (entry.role !== 'entry' || exitHolder(entry, instrument) !== 'tapedeck') return [];
    const held = this.book.group(entry).filter((o) => o.parentId === entry.id && o.status === 'held');
    const s = settleHeldExits(entry, held, instrument, now);
    for (const o of s.orders) effects.push({ kind: 'order', order: o });
    for (const n of s.notes) effects.push({ kind: 'note', orderId: n.orderId, message: n.message });
    return s.armed;
  }

  /** An order at Alpaca Tapedeck did not place (Alpaca's dashboard, a position closed at Alpaca): recorded as an entry of this account. */
  private adopt(theirs: AlpacaOrder): Order {
    const now = asEpochMs(this.deps.now());
    const clientOrderId = clientOrderIdSchema.safeParse(theirs.clientOrderId).success ? theirs.clientOrderId : theirs.id.slice(0, 48);
    const type = theirs.type === 'limit' || theirs.type === 'stop' || theirs.type === 'stop_limit' ? theirs.type : 'market';
    const tif = theirs.tif === 'gtc' || theirs.tif === 'ioc' ? theirs.tif : 'day';
    const order: Order = {
      id: `${this.accountId}.x.${theirs.id}`.slice(0, 64),
      clientOrderId,
      accountId: this.accountId,
      source: 'alpaca',
      symbol: theirs.symbol as Order['symbol'],
      side: theirs.side,
      qty: theirs.qty ?? Math.max(theirs.filledQty, 1),
      type,
      limitPrice: type === 'limit' || type === 'stop_limit' ? theirs.limitPrice : null,
      stopPrice: type === 'stop' || type === 'stop_limit' ? theirs.stopPrice : null,
      tif,
      status: 'new',
      filledQty: 0,
      avgFillPrice: null,
      role: 'entry',
      parentId: null,
      ocoGroup: null,
      takeProfit: null,
      stopLoss: null,
      setup: null,
      rejectReason: null,
      broker: 'alpaca',
      brokerOrderId: null,
      createdAt: asEpochMs(Math.trunc(theirs.createdAt)),
      updatedAt: now,
    };
    this.commit([{ kind: 'order', order }], [{ kind: 'broker', accountId: this.accountId, symbol: theirs.symbol, message: `an order at Alpaca that Tapedeck did not place (${theirs.side} ${String(theirs.qty ?? '')} ${theirs.symbol} ${theirs.type}, ${theirs.status}) is followed as ${order.id}`, data: { alpacaOrderId: theirs.id } }], () => ({ adoptedFrom: theirs.id }));
    return this.book.get(order.id) ?? order;
  }
}
