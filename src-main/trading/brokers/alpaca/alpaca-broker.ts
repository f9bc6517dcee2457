import { randomBytes } from 'node:crypto';
import { asEpochMs } from '../../../../shared/domain/epoch';
import type { Execution } from '../../../../shared/trading/execution';
import type { FieldError } from '../../../../shared/trading/field-error';
import type { OcoRequest } from '../../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../../shared/trading/order';
import type { Position } from '../../../../shared/trading/position';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import { AlpacaApiError } from '../../../market-data/feeds/alpaca/alpaca-errors';
import type { AlpacaCredentialsSource } from '../../../market-data/feeds/alpaca/credentials';
import type { Timer } from '../../../platform/app/clock';
import type { Logger } from '../../../platform/rpc';
import type { TradedInstruments } from '../../instruments/traded-instruments';
import { isFinalStatus, newEntryOrders, newOcoOrders, transition } from '../../orders';
import type { TradingLedger } from '../../service/trading-ledger';
import type { TradingEvents } from '../../service/trading-events';
import type { StoredAccount } from '../../store/accounts-repository';
import type { OrdersRepository } from '../../store/orders-repository';
import type { Broker, BrokerFunds, BrokerReply, BrokerStatus, FlattenOutcome, FlattenScope, OrderChange } from '../broker';
import { AlpacaLink, type AlpacaLinkTuning } from './alpaca-link';
import { AlpacaSync } from './alpaca-sync';
import { alpacaOcoRules, alpacaOrderRules, entryBody, exitHolder, exitsBody } from './order-body';
import { reconcile } from './reconciler';
import { submitOnce, type SubmitPolicy } from './safe-submit';
import type { AlpacaTradingEndpoints } from './trading-endpoints';
import type { NewOrderBody } from './trading-rest';
import type { AlpacaTradeUpdate } from './trading-wire';

export interface AlpacaBrokerTuning extends AlpacaLinkTuning {
  readonly submit?: SubmitPolicy;
  /** While trade_updates is down, a REST reconciliation this often (default 15 s). */
  readonly pollMs?: number;
}

export interface AlpacaBrokerDeps {
  readonly account: StoredAccount;
  readonly ledger: TradingLedger;
  readonly events: TradingEvents;
  readonly instruments: TradedInstruments;
  readonly orders: OrdersRepository;
  readonly endpoints: AlpacaTradingEndpoints;
  readonly credentials: AlpacaCredentialsSource;
  readonly now: () => number;
  readonly timer: Timer;
  readonly log: Logger;
  readonly stored: { readonly orders: readonly Order[]; readonly executions: readonly Execution[] };
  readonly tuning?: AlpacaBrokerTuning;
}

const fail = <T>(message: string, field = ''): BrokerReply<T> => ({ ok: false, errors: [{ field, message }] });
const why = (err: unknown): string => (err instanceof AlpacaApiError ? err.alpacaMessage : err instanceof Error ? err.message : String(err));

/**
 * An account at Alpaca's paper broker behind the same interface as the local
 * paper broker. Each order is stored before it is sent (client order id:
 * Tapedeck's, at most 48 characters) and sent so that no retry can double
 * it (safe-submit.ts); Alpaca's answers and its trade_updates stream move
 * the orders and record the fills (by Alpaca's execution id) through the
 * ledger (alpaca-sync.ts); a REST reconciliation at start, after every
 * reconnect and while the stream is down keeps Tapedeck in line with Alpaca
 * (reconciler.ts). Exits Alpaca cannot hold (an option's take-profit,
 * distances) are Tapedeck's: stored when armed on the fill, then sent — and
 * after a restart in between, looked up and sent exactly once.
 */
export class AlpacaBroker implements Broker {
  readonly kind = 'alpaca' as const;
  readonly accountId: string;
  private readonly sync: AlpacaSync;
  private readonly link: AlpacaLink;
  private readonly inFlight = new Set<string>();
  private readonly waiting: AlpacaTradeUpdate[] = [];
  private reconciling: Promise<void> | null = null;
  private again: string | null = null;
  private stopPoll: (() => void) | null = null;
  private connects = 0;
  private closed = false;

  constructor(private readonly deps: AlpacaBrokerDeps) {
    this.accountId = deps.account.id;
    this.sync = new AlpacaSync({ ...deps });
    this.link = new AlpacaLink({
      endpoints: deps.endpoints,
      credentials: deps.credentials,
      log: deps.log,
      ...(deps.tuning === undefined ? {} : { tuning: deps.tuning }),
      handlers: {
        listening: () => {
          this.stopPoll?.();
          this.stopPoll = null;
          this.reconcileSoon(this.connects++ === 0 ? 'start' : 'trade updates reconnected');
        },
        update: (u) => this.onUpdate(u),
        down: () => this.poll(),
        statusChanged: () => deps.events.emit('accounts', null),
      },
    });
    void this.link.start().then(() => {
      if (this.link.ready) this.poll();
    });
  }

  liveOrders(): readonly Order[] {
    return this.sync.book.live();
  }

  positions(): readonly Position[] {
    return this.sync.positions();
  }

  status(): BrokerStatus {
    return this.link.status();
  }

  funds(): BrokerFunds | null {
    return this.sync.funds();
  }

  /** Reconciles now (and waits for it): what a test or the desk asks after a change it knows of. */
  async reconcileNow(reason = 'asked'): Promise<void> {
    this.reconcileSoon(reason);
    while (this.reconciling !== null) await this.reconciling;
  }

  async keysChanged(): Promise<void> {
    await this.link.keysChanged();
    if (this.link.ready) this.poll();
  }

  async place(request: OrderRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>> {
    const refused = this.link.refusal();
    if (refused !== null) return fail(refused);
    const errors = alpacaOrderRules(request, instrument);
    if (errors.length > 0) return { ok: false, errors };
    const { orders } = newEntryOrders(request, this.newId(), { now: asEpochMs(this.deps.now()), broker: 'alpaca' });
    const entry = orders[0];
    if (entry === undefined) return fail('no order was made');
    this.sync.commit(orders.map((order) => ({ kind: 'order' as const, order })), [], () => request);
    const sent = await this.send(entryBody(entry, exitHolder(entry, instrument)), [entry.id]);
    if (sent !== null) return { ok: false, errors: [sent] };
    return { ok: true, value: this.sync.book.group(entry).map((o) => this.sync.book.get(o.id) ?? o) };
  }

  async placeOco(request: OcoRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>> {
    const refused = this.link.refusal();
    if (refused !== null) return fail(refused);
    const errors = alpacaOcoRules(request, instrument);
    if (errors.length > 0) return { ok: false, errors };
    const { orders } = newOcoOrders(request, this.newId(), { now: asEpochMs(this.deps.now()), broker: 'alpaca' });
    this.sync.commit(orders.map((order) => ({ kind: 'order' as const, order })), [], () => request);
    const sent = await this.send(exitsBody(orders), orders.map((o) => o.id));
    if (sent !== null) return { ok: false, errors: [sent] };
    return { ok: true, value: orders.map((o) => this.sync.book.get(o.id) ?? o) };
  }

  async cancel(orderId: string): Promise<BrokerReply<readonly Order[]>> {
    const o = this.sync.book.get(orderId);
    if (o === undefined) return fail(`no order ${orderId} on this account`, 'id');
    if (isFinalStatus(o.status)) return fail(`cannot cancel an order that is ${o.status.replace('_', ' ')}`, 'id');
    if (o.status === 'held' && o.brokerOrderId === null) return this.cancelHeld(o);
    const refused = this.link.refusal();
    if (refused !== null) return fail(refused);
    // A leg Alpaca holds for a live entry goes with the entry (Alpaca cancels the bracket whole).
    const parent = o.parentId === null ? undefined : this.sync.book.get(o.parentId);
    const target = o.status === 'held' && parent !== undefined && !isFinalStatus(parent.status) ? parent : o;
    if (target.brokerOrderId === null) return fail(`order ${target.id} is not confirmed by Alpaca yet: cancel it again in a moment`, 'id');
    try {
      await this.link.rest.cancel(target.brokerOrderId);
    } catch (err) {
      return fail(`Alpaca did not cancel ${target.id}: ${why(err)}`, 'id');
    }
    const current = this.sync.book.get(target.id) ?? target;
    const t = transition(current, { type: 'cancelRequest' });
    if (t.ok) this.sync.commit([{ kind: 'order', order: { ...current, status: t.status, updatedAt: asEpochMs(this.deps.now()) } }]);
    return { ok: true, value: this.sync.book.group(o).map((x) => this.sync.book.get(x.id) ?? x) };
  }

  async replace(orderId: string, change: OrderChange): Promise<BrokerReply<Order>> {
    const o = this.sync.book.get(orderId);
    if (o === undefined || isFinalStatus(o.status)) return fail(`no live order ${orderId} on this account`, 'id');
    if (o.brokerOrderId === null) return fail(o.status === 'held' ? 'a held exit takes its price when its entry fills' : `order ${orderId} is not confirmed by Alpaca yet`, 'id');
    const refused = this.link.refusal();
    if (refused !== null) return fail(refused);
    try {
      const theirs = await this.link.rest.replace(o.brokerOrderId, change);
      this.sync.apply(theirs, null, false);
    } catch (err) {
      this.reconcileSoon('a replace without a clear answer');
      return fail(`Alpaca did not replace ${orderId}: ${why(err)}`);
    }
    return { ok: true, value: this.sync.book.get(orderId) ?? o };
  }

  /** Cancels the scope's orders, then has Alpaca close each position at market (its closing orders are followed as Tapedeck's). */
  async flatten(scope: FlattenScope): Promise<BrokerReply<FlattenOutcome>> {
    const inScope = (x: { source: string; symbol: string }): boolean => (scope.source === undefined || x.source === scope.source) && (scope.symbol === undefined || x.symbol === scope.symbol);
    let canceled = 0;
    for (const o of this.sync.book.live().filter(inScope)) {
      const still = this.sync.book.get(o.id);
      if (still === undefined || isFinalStatus(still.status) || still.status === 'pending_cancel') continue;
      if ((await this.cancel(o.id)).ok) canceled++;
    }
    const orders: Order[] = [];
    let flattened = 0;
    for (const p of this.positions().filter((x) => x.qty !== 0 && inScope(x))) {
      const closing = await this.closeAtAlpaca(p.symbol);
      if (closing === null) continue;
      orders.push(closing);
      flattened++;
    }
    return { ok: true, value: { orders, canceled, flattened } };
  }

  close(): void {
    this.closed = true;
    this.stopPoll?.();
    this.stopPoll = null;
    this.link.close();
  }

  /** Ids of at most 45 characters (a bracket's children add three), unique at Alpaca across restarts and resets. */
  private newId(): string {
    return `${this.accountId}.${this.deps.now().toString(36)}${randomBytes(3).toString('hex')}`;
  }

  /**
   * Sends one body for stored orders (`ids`: the order it is for first, an
   * OCO pair's other leg after it). Placed: Alpaca's answer is applied;
   * refused: the orders are rejected with Alpaca's reason; unknown: left as
   * they are for the next reconciliation. A FieldError for the caller, or null.
   */
  private async send(body: NewOrderBody, ids: readonly string[]): Promise<FieldError | null> {
    const clientOrderId = body.clientOrderId ?? '';
    this.inFlight.add(clientOrderId);
    try {
      const outcome = await submitOnce(this.link.rest, body, this.deps.log, this.deps.tuning?.submit);
      switch (outcome.kind) {
        case 'placed': {
          this.link.restAnswered(null);
          const applied = this.sync.apply(outcome.order, null, false);
          if (outcome.lookedUp) this.sync.commit([], [{ kind: 'broker', accountId: this.accountId, symbol: outcome.order.symbol, message: `order ${clientOrderId} was found at Alpaca after an answer was lost: placed once`, data: { clientOrderId } }]);
          void this.sendExits(applied.armed);
          return null;
        }
        case 'rejected':
          for (const id of ids) this.sync.reject(id, `Alpaca: ${outcome.reason}`);
          return { field: '', message: `Alpaca rejected the order: ${outcome.reason}` };
        case 'unknown':
          this.link.restAnswered(`Alpaca did not answer: ${outcome.reason}`);
          return { field: '', message: `Alpaca did not answer (${outcome.reason}): the order is not confirmed; Tapedeck looks its client order id up again when Alpaca answers` };
      }
    } catch (err) {
      this.deps.log.error(`alpaca: order ${clientOrderId} could not be recorded`, err);
      return { field: '', message: `the order's state could not be recorded: ${why(err)}` };
    } finally {
      this.inFlight.delete(clientOrderId);
      this.flushWaiting();
    }
  }

  /** Exits Tapedeck armed (stored as armed already): each entry's together, as one simple order or one OCO. */
  private async sendExits(armed: readonly Order[]): Promise<void> {
    const byEntry = new Map<string, Order[]>();
    for (const x of armed) byEntry.set(x.parentId ?? x.id, [...(byEntry.get(x.parentId ?? x.id) ?? []), x]);
    for (const exits of byEntry.values()) {
      const ordered = [...exits].sort((a, b) => Number(a.type !== 'limit') - Number(b.type !== 'limit'));
      const failed = await this.send(exitsBody(ordered), ordered.map((o) => o.id));
      if (failed !== null) this.deps.log.warn(`alpaca: exit ${ordered[0]?.id ?? ''} not placed: ${failed.message}`);
    }
  }

  private cancelHeld(o: Order): BrokerReply<readonly Order[]> {
    const now = asEpochMs(this.deps.now());
    const group = this.sync.book.group(o);
    const held = group.filter((x) => x.status === 'held' && x.brokerOrderId === null && (x.id === o.id || (o.role !== 'entry' && x.parentId === o.parentId)));
    this.sync.commit(held.map((x) => ({ kind: 'order' as const, order: { ...x, status: 'canceled' as const, updatedAt: now } })));
    const entry = o.parentId === null ? undefined : this.sync.book.get(o.parentId);
    if (entry !== undefined && !isFinalStatus(entry.status) && entry.status !== 'pending_cancel') void this.cancel(entry.id);
    return { ok: true, value: group.map((x) => this.sync.book.get(x.id) ?? x) };
  }

  /** DELETE /v2/positions/{symbol}, again a few times while the canceled orders still hold the shares. */
  private async closeAtAlpaca(symbol: string): Promise<Order | null> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const theirs = await this.link.rest.closePosition(symbol);
        this.sync.apply(theirs, null, true);
        return this.sync.find(theirs) ?? null;
      } catch (err) {
        if (!(err instanceof AlpacaApiError) || attempt === 5) {
          this.deps.log.warn(`alpaca: ${symbol} not closed: ${why(err)}`);
          return null;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    return null;
  }

  private onUpdate(u: AlpacaTradeUpdate): void {
    if (this.closed) return;
    try {
      // Alpaca's holding after the fill first, so the positions the commit announces are the new ones.
      if (u.fill !== null) this.sync.holdingAfterFill(u.order.symbol, u.fill.positionQty);
      let applied = this.sync.apply(u.order, u.fill, false);
      if (applied.unknown) {
        // A bracket's legs can be heard of before the POST's answer names them: wait for the answers in flight.
        if (this.inFlight.size > 0) {
          this.waiting.push(u);
          return;
        }
        applied = this.sync.apply(u.order, u.fill, true);
      }
      void this.sendExits(applied.armed);
    } catch (err) {
      this.deps.log.error(`alpaca: trade update ${u.event} of ${u.order.id} could not be recorded`, err);
    }
  }

  private flushWaiting(): void {
    if (this.inFlight.size > 0) return;
    for (const u of this.waiting.splice(0)) this.onUpdate(u);
  }

  /** While trade_updates is not listening: a REST reconciliation soon, then every pollMs until it is. */
  private poll(): void {
    if (this.closed || this.stopPoll !== null || this.link.isListening) return;
    const every = this.deps.tuning?.pollMs ?? 15_000;
    let stopped = false;
    let stopTimer = (): void => undefined;
    const next = (ms: number): void => {
      stopTimer = this.deps.timer(() => {
        if (stopped) return;
        this.reconcileSoon('trade updates down');
        next(every);
      }, ms);
    };
    next(Math.min(every, 2_000));
    this.stopPoll = () => {
      stopped = true;
      stopTimer();
    };
  }

  /** One reconciliation at a time; one asked for meanwhile runs after it. */
  private reconcileSoon(reason: string): void {
    if (this.closed || !this.link.ready) return;
    if (this.reconciling !== null) {
      this.again = reason;
      return;
    }
    this.reconciling = this.runReconcile(reason).finally(() => {
      this.reconciling = null;
      const next = this.again;
      this.again = null;
      if (next !== null) this.reconcileSoon(next);
    });
  }

  private async runReconcile(reason: string): Promise<void> {
    try {
      const out = await reconcile(this.link.rest, this.sync, this.inFlight);
      this.link.restAnswered(null);
      if (reason !== 'trade updates down' || out.corrected > 0) {
        const message = `reconciled with Alpaca (${reason}): ${String(out.corrected)} orders brought in line, ${String(out.differences)} position differences`;
        this.sync.commit([], [{ kind: 'broker', accountId: this.accountId, symbol: null, message, data: { reason, ...out, toSend: out.toSend.map((o) => o.id) } }]);
      }
      await this.sendExits(out.toSend);
    } catch (err) {
      this.link.restAnswered(`Alpaca did not answer: ${why(err)}`);
      this.deps.log.warn(`alpaca: reconciliation (${reason}) failed: ${why(err)}`);
    }
  }
}
