import { ContractFailure } from '../../../shared/contract';
import { asEpochMs } from '../../../shared/domain/epoch';
import type { KillSwitchState } from '../../../shared/contract/trading-contract';
import type { Account, RiskSettings } from '../../../shared/trading/account';
import type { AuditEntry } from '../../../shared/trading/audit';
import type { Execution } from '../../../shared/trading/execution';
import type { FieldError } from '../../../shared/trading/field-error';
import type { OcoRequest } from '../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../shared/trading/order';
import { clientOrderIdConflict } from '../../../shared/trading/order-validation';
import type { Position } from '../../../shared/trading/position';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { Db } from '../../platform/store/database';
import type { BrokerReply, FlattenScope, OrderChange } from '../brokers/broker';
import type { TradedInstruments } from '../instruments/traded-instruments';
import type { AuditFilter, AuditLog } from '../store/audit-log';
import type { ExecutionsRepository } from '../store/executions-repository';
import type { OrdersRepository } from '../store/orders-repository';
import type { TradingStateRepository } from '../store/trading-state';
import type { AccountDesk } from './account-desk';
import type { RiskGate } from './risk-gate';
import type { TradingActivity } from './trading-activity';
import type { TradingEvents } from './trading-events';

export interface TradingServiceDeps {
  readonly db: Db;
  readonly desk: AccountDesk;
  readonly gate: RiskGate;
  readonly instruments: TradedInstruments;
  readonly orders: OrdersRepository;
  readonly executions: ExecutionsRepository;
  readonly audit: AuditLog;
  readonly state: TradingStateRepository;
  readonly events: TradingEvents;
  readonly now: () => number;
  /** Told when an order is asked for, changed or canceled (work that can wait yields to the order path). */
  readonly activity?: TradingActivity;
}

/** A broker's refusal as the contract's error: the first field named, every problem in the message. */
function refusal(errors: readonly FieldError[]): ContractFailure {
  const first = errors[0] ?? { field: '', message: 'refused by the broker' };
  const message = errors.length <= 1 ? first.message : errors.map((e) => (e.field === '' ? e.message : `${e.field}: ${e.message}`)).join('; ');
  return new ContractFailure('BAD_REQUEST', message, first.field === '' ? '' : `params.${first.field}`);
}

/** Open positions first, then closed ones; by symbol, then source. */
export function sortPositions(positions: readonly Position[]): Position[] {
  return [...positions].sort((a, b) => Number(a.qty === 0) - Number(b.qty === 0) || a.symbol.localeCompare(b.symbol) || a.source.localeCompare(b.source));
}

function unwrap<T>(reply: BrokerReply<T>): T {
  if (!reply.ok) throw refusal(reply.errors);
  return reply.value;
}

/**
 * Trading as the contract offers it, whatever the broker: every order goes
 * through the risk manager (a refusal is recorded in the audit log and
 * answered with its reason), a retried client order id is answered with the
 * order it made (or refused when the contents differ), and the kill switch
 * is recorded before it acts, so it is still engaged after a restart.
 */
export class TradingService {
  /** Places in flight by account and client order id: a retry waits for the first to be committed, then finds it. */
  private readonly inFlight = new Map<string, Promise<Order>>();

  constructor(private readonly deps: TradingServiceDeps) {}

  accounts(): Account[] {
    return this.deps.desk.list();
  }

  /** `work` counted as the order path at work from its start to its end (work that can wait yields to it: TradingActivity). */
  private async busy<T>(work: () => Promise<T>): Promise<T> {
    const end = this.deps.activity?.begin();
    try {
      return await work();
    } finally {
      end?.();
    }
  }

  place(request: OrderRequest): Promise<Order> {
    return this.busy(() => this.placeRetried(request));
  }

  private async placeRetried(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId === undefined) return this.placeOnce(request);
    const key = `${request.accountId}\u0000${request.clientOrderId}`;
    const first = this.inFlight.get(key);
    if (first !== undefined) {
      // The broker commits places together at the end of the turn: a retry in the same turn waits for the first.
      await first.catch(() => undefined);
      return this.placeRetried(request);
    }
    const p = this.placeOnce(request);
    this.inFlight.set(key, p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async placeOnce(request: OrderRequest): Promise<Order> {
    const { desk, gate } = this.deps;
    const account = desk.require(request.accountId);
    const instrument = this.instrument(request.source, request.symbol);
    const broker = desk.broker(account.id);
    const earlier = this.earlier(request);
    if (earlier !== null) return earlier;
    const decision = await gate.check(account, broker, request, instrument);
    if (!decision.ok) throw this.refused(account.id, request, decision);
    let orders: readonly Order[];
    try {
      // Checked again after the wait for a price: a retry that raced this one finds the order it made.
      const raced = this.earlier(request);
      if (raced !== null) return raced;
      orders = unwrap(await broker.place(request, instrument));
    } finally {
      decision.release();
    }
    const entry = orders.find((o) => o.role === 'entry');
    if (entry === undefined) throw new ContractFailure('INTERNAL', 'the broker returned no entry order');
    return entry;
  }

  placeOco(request: OcoRequest): Promise<Order[]> {
    return this.busy(() => this.placeOcoNow(request));
  }

  private async placeOcoNow(request: OcoRequest): Promise<Order[]> {
    const { desk, gate } = this.deps;
    const account = desk.require(request.accountId);
    const instrument = this.instrument(request.source, request.symbol);
    const broker = desk.broker(account.id);
    const decision = await gate.check(account, broker, { ...request, type: 'limit', limitPrice: request.limitPrice }, instrument);
    if (!decision.ok) throw this.refused(account.id, request, decision);
    try {
      return [...unwrap(await broker.placeOco(request, instrument))];
    } finally {
      decision.release();
    }
  }

  cancel(accountId: string, ref: { id?: string | undefined; clientOrderId?: string | undefined }): Promise<Order> {
    return this.busy(() => this.cancelNow(accountId, ref));
  }

  private async cancelNow(accountId: string, ref: { id?: string | undefined; clientOrderId?: string | undefined }): Promise<Order> {
    const id = this.orderId(accountId, ref);
    const orders = unwrap(await this.deps.desk.broker(accountId).cancel(id));
    return orders.find((o) => o.id === id) ?? this.stored(id);
  }

  replace(accountId: string, id: string, change: OrderChange): Promise<Order> {
    return this.busy(() => this.replaceNow(accountId, id, change));
  }

  private async replaceNow(accountId: string, id: string, change: OrderChange): Promise<Order> {
    this.deps.desk.require(accountId);
    return unwrap(await this.deps.desk.broker(accountId).replace(id, change));
  }

  flatten(accountId: string, scope: FlattenScope): Promise<Order[]> {
    return this.busy(() => this.flattenNow(accountId, scope));
  }

  private async flattenNow(accountId: string, scope: FlattenScope): Promise<Order[]> {
    this.deps.desk.require(accountId);
    return [...unwrap(await this.deps.desk.broker(accountId).flatten(scope)).orders];
  }

  orders(accountId: string, which: 'working' | 'all', limit: number): Order[] {
    const a = this.deps.desk.require(accountId);
    return this.deps.orders.list(accountId, a.epoch, which, limit);
  }

  /** Open positions first (by symbol), then the closed ones of the epoch. */
  positions(accountId: string): Position[] {
    this.deps.desk.require(accountId);
    return sortPositions(this.deps.desk.broker(accountId).positions());
  }

  fills(accountId: string, from: number | undefined, to: number | undefined, limit: number): Execution[] {
    this.deps.desk.require(accountId);
    return this.deps.executions.list(accountId, from ?? 0, to ?? Number.MAX_SAFE_INTEGER, limit);
  }

  riskOf(accountId: string): { risk: RiskSettings; killSwitch: KillSwitchState } {
    return { risk: this.deps.desk.require(accountId).risk, killSwitch: this.killSwitchState() };
  }

  setRisk(accountId: string, patch: Partial<RiskSettings>): RiskSettings {
    const next = this.deps.desk.setRisk(accountId, patch);
    this.deps.events.emit('accounts', null);
    return next;
  }

  killSwitchState(): KillSwitchState {
    return this.deps.state.get().killSwitch;
  }

  /**
   * Engaging is recorded first (a crash halfway leaves it engaged), then
   * every account's working orders are canceled and its positions closed at
   * market; entries stay refused until it is released.
   */
  killSwitch(engage: boolean): Promise<KillSwitchState> {
    return this.busy(() => this.killSwitchNow(engage));
  }

  private async killSwitchNow(engage: boolean): Promise<KillSwitchState> {
    const { db, state, audit, desk } = this.deps;
    const now = asEpochMs(this.deps.now());
    if (!engage) {
      const released: KillSwitchState = { ...state.get().killSwitch, engaged: false };
      const entry = db.transaction(() => {
        state.set({ ...state.get(), killSwitch: released });
        return audit.append({ kind: 'kill-switch', accountId: null, symbol: null, message: 'kill switch released: entries are allowed again', data: {} });
      }).immediate();
      audit.publish([entry]);
      this.deps.events.emit('accounts', null);
      return released;
    }
    const engaged: KillSwitchState = { engaged: true, since: now, canceled: 0, flattened: 0 };
    const first = db.transaction(() => {
      state.set({ ...state.get(), killSwitch: engaged });
      return audit.append({ kind: 'kill-switch', accountId: null, symbol: null, message: 'kill switch engaged: canceling every working order and flattening every position', data: {} });
    }).immediate();
    audit.publish([first]);
    let canceled = 0;
    let flattened = 0;
    for (const broker of desk.allBrokers()) {
      const r = await broker.flatten({});
      if (!r.ok) continue;
      canceled += r.value.canceled;
      flattened += r.value.flattened;
    }
    const done: KillSwitchState = { ...engaged, canceled, flattened };
    const last = db.transaction(() => {
      state.set({ ...state.get(), killSwitch: done });
      return audit.append({ kind: 'kill-switch', accountId: null, symbol: null, message: `kill switch: ${String(canceled)} orders canceled, ${String(flattened)} positions flattened`, data: { canceled, flattened } });
    }).immediate();
    audit.publish([last]);
    this.deps.events.emit('accounts', null);
    return done;
  }

  auditEntries(filter: AuditFilter): AuditEntry[] {
    return this.deps.audit.list(filter);
  }

  private instrument(source: string, symbol: string): TradedInstrument {
    const i = this.deps.instruments.resolve(source, symbol);
    if (i === null) throw new ContractFailure('NOT_FOUND', `no instrument ${symbol} on ${source}`, 'params.symbol');
    return i;
  }

  /** The order a client order id already made (same contents), or a CONFLICT naming what differs; null when the id is new. */
  private earlier(request: OrderRequest): Order | null {
    if (request.clientOrderId === undefined) return null;
    const found = this.deps.orders.byClientOrderId(request.accountId, request.clientOrderId);
    if (found === undefined) return null;
    const conflict = clientOrderIdConflict(found.order, request);
    if (conflict !== null) throw new ContractFailure('CONFLICT', conflict.message, 'params.clientOrderId');
    return found.order;
  }

  private refused(accountId: string, request: Pick<OrderRequest, 'symbol' | 'side' | 'qty'>, decision: { rule: string; field: string; message: string }): ContractFailure {
    const text = `${request.side} ${String(request.qty)} ${request.symbol} refused: ${decision.message}`;
    this.deps.audit.record({ kind: 'risk', accountId, symbol: request.symbol, message: text, data: { rule: decision.rule, field: decision.field, request } });
    return new ContractFailure('REJECTED', decision.message, decision.field === '' ? '' : `params.${decision.field}`);
  }

  private orderId(accountId: string, ref: { id?: string | undefined; clientOrderId?: string | undefined }): string {
    this.deps.desk.require(accountId);
    if (ref.id !== undefined) return ref.id;
    const found = ref.clientOrderId === undefined ? undefined : this.deps.orders.byClientOrderId(accountId, ref.clientOrderId);
    if (found === undefined) throw new ContractFailure('NOT_FOUND', `no order with clientOrderId ${ref.clientOrderId ?? ''}`, 'params.clientOrderId');
    return found.order.id;
  }

  private stored(id: string): Order {
    const o = this.deps.orders.get(id);
    if (o === undefined) throw new ContractFailure('NOT_FOUND', `no order ${id}`, 'params.id');
    return o;
  }
}
