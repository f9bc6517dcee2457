import { asEpochMs, type EpochMs } from '../../../shared/domain/epoch';
import type { Execution } from '../../../shared/trading/execution';
import type { OcoRequest } from '../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { Ticker, Timer } from '../../platform/app/clock';
import type { Logger } from '../../platform/rpc';
import type { TradedInstruments } from '../instruments/traded-instruments';
import { positionKey, positionsFromExecutions } from '../positions/position-ledger';
import {
  advanceClock,
  cancelOrder,
  flatten,
  onMarketEvent,
  placeOco,
  placeOrder,
  replaceOrder,
  restorePaperState,
  settleExpired,
  type FillModelConfig,
  type MarketEvent,
  type PaperOutcome,
  type PaperState,
  type PaperStep,
} from '../paper';
import type { Committed, TradingLedger } from '../service/trading-ledger';
import type { TradingEvents } from '../service/trading-events';
import type { StoredAccount } from '../store/accounts-repository';
import type { AuditInput } from '../store/audit-log';
import type { Broker, BrokerReply, ExpirySettlement, FlattenOutcome, FlattenScope, OrderChange } from './broker';
import type { MarketEventSource } from './market-events';

export interface PaperBrokerDeps {
  readonly account: StoredAccount;
  readonly ledger: TradingLedger;
  readonly events: TradingEvents;
  readonly market: MarketEventSource;
  readonly instruments: TradedInstruments;
  /** The market clock of a source: the wall clock live, the replay's cursor in a replay. */
  readonly nowFor: (source: string) => number;
  readonly timer: Timer;
  readonly ticker: Ticker;
  readonly log: Logger;
  readonly config?: Partial<FillModelConfig>;
  /** What the store holds of the account's current epoch: its live orders and its fills. */
  readonly stored: { readonly orders: readonly Order[]; readonly executions: readonly Execution[] };
}

/** A place waiting for the next group commit. */
interface PendingPlace {
  readonly run: (state: PaperState) => PaperOutcome<{ readonly orders: readonly Order[] }>;
  readonly request: unknown;
  readonly settle: (reply: BrokerReply<readonly Order[]> | Error) => void;
}

/** How often live orders are looked at without a market event (day orders expire at their session's close). */
const CLOCK_TICK_MS = 1_000;

/**
 * The local paper broker of one account: the pure engine (paper-engine.ts)
 * driven by commands and by the market (quotes and prints of the
 * instruments it has live orders in). Each step's effects are committed to
 * the store first; only then does the broker keep the new state and tell
 * anyone. A step the store refused changes nothing. On a restart it resumes
 * from the store: live orders keep working, held exits stay held, nothing is
 * sent again.
 */
export class PaperBroker implements Broker {
  readonly kind = 'paper' as const;
  readonly accountId: string;
  private state: PaperState;
  private readonly watches = new Map<string, () => void>();
  private stopTick: (() => void) | null = null;
  /** The one timer for orders still arriving (their latency not yet passed), and when it is due. */
  private arrival: { readonly due: number; readonly stop: () => void } | null = null;
  private queue: MarketEvent[] | null = null;
  private closed = false;
  /** Places sent this turn, committed together (one transaction, one sync) before any other step or at the next turn. */
  private pending: PendingPlace[] = [];

  constructor(private readonly deps: PaperBrokerDeps) {
    const { account, stored } = deps;
    this.accountId = account.id;
    const keys = new Map<string, TradedInstrument>();
    for (const o of stored.orders) {
      const i = deps.instruments.resolve(o.source, o.symbol);
      if (i !== null) keys.set(positionKey(o.source, o.symbol), i);
      else deps.log.warn(`paper account ${account.name}: order ${o.id} is for ${o.source}:${o.symbol}, which no feed lists now; it stays as it is until the symbol is back`);
    }
    this.state = restorePaperState({
      account: { id: account.id, currency: account.currency, startingCash: account.startingCash, fees: account.fees },
      ...(deps.config === undefined ? {} : { config: deps.config }),
      idPrefix: `${account.id}.${String(account.epoch)}.`,
      clock: asEpochMs(Math.max(0, ...stored.orders.map((o) => o.updatedAt))),
      instruments: [...keys.values()],
      orders: stored.orders.filter((o) => keys.has(positionKey(o.source, o.symbol))),
      positions: positionsFromExecutions(stored.executions),
      executions: stored.executions,
    });
    this.afterChange();
  }

  liveOrders(): readonly Order[] {
    return [...this.state.live.values()].map((lo) => lo.order);
  }

  positions(): readonly Position[] {
    return [...this.state.positions.values()];
  }

  place(request: OrderRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>> {
    return this.enqueue((state) => placeOrder(state, { request, instrument, now: this.now(request.source) }), request);
  }

  placeOco(request: OcoRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>> {
    return this.enqueue((state) => placeOco(state, { request, instrument, now: this.now(request.source) }), request);
  }

  cancel(orderId: string): Promise<BrokerReply<readonly Order[]>> {
    this.flushPlaces();
    const source = this.state.live.get(orderId)?.order.source;
    const outcome = cancelOrder(this.state, { orderId, now: source === undefined ? this.state.clock : this.now(source) });
    return Promise.resolve(this.apply(outcome, undefined, (o) => o.orders));
  }

  replace(orderId: string, change: OrderChange): Promise<BrokerReply<Order>> {
    this.flushPlaces();
    const source = this.state.live.get(orderId)?.order.source;
    const outcome = replaceOrder(this.state, { orderId, ...change, now: source === undefined ? this.state.clock : this.now(source) });
    return Promise.resolve(this.apply(outcome, undefined, (o) => o.order));
  }

  /** Per source (each at its own market clock: a replay's cursor is not the wall clock). */
  flatten(scope: FlattenScope): Promise<BrokerReply<FlattenOutcome>> {
    this.flushPlaces();
    const sources = new Set<string>();
    for (const p of this.state.positions.values()) if (p.qty !== 0) sources.add(p.source);
    for (const lo of this.state.live.values()) sources.add(lo.order.source);
    const wanted = [...sources].filter((s) => scope.source === undefined || s === scope.source).sort();
    const orders: Order[] = [];
    let canceled = 0;
    let flattened = 0;
    for (const source of wanted) {
      const outcome = flatten(this.state, { now: this.now(source), source, ...(scope.symbol === undefined ? {} : { symbol: scope.symbol }) });
      const r = this.apply(outcome, undefined, (o) => o);
      if (!r.ok) return Promise.resolve(r);
      orders.push(...r.value.orders);
      canceled += r.value.canceled;
      flattened += r.value.flattened;
    }
    return Promise.resolve({ ok: true, value: { orders, canceled, flattened } });
  }

  settleExpired(s: ExpirySettlement): Promise<BrokerReply<Execution | null>> {
    this.flushPlaces();
    const outcome = settleExpired(this.state, {
      source: s.source,
      symbol: s.symbol,
      price: s.price,
      underlyingPrice: s.underlyingPrice,
      time: asEpochMs(s.expiresAt),
      now: this.now(s.source),
    });
    if (!outcome.ok) return Promise.resolve({ ok: false, errors: outcome.errors });
    const note = outcome.execution === null ? [] : [{ kind: 'fill' as const, accountId: this.accountId, symbol: s.symbol, message: s.note, data: { execution: outcome.execution, settlement: s } }];
    this.commit(outcome, undefined, note);
    return Promise.resolve({ ok: true, value: outcome.execution });
  }

  close(): void {
    // Places still queued are refused, not committed: after a reset they would belong to the old epoch and never work.
    const queued = this.pending;
    this.pending = [];
    for (const p of queued) p.settle(new Error(`paper account ${this.deps.account.name} closed before the order was placed`));
    this.closed = true;
    for (const stop of this.watches.values()) stop();
    this.watches.clear();
    this.arrival?.stop();
    this.arrival = null;
    this.stopTick?.();
    this.stopTick = null;
  }

  private now(source: string): EpochMs {
    return asEpochMs(this.deps.nowFor(source));
  }

  /**
   * Commits a step's effects, then keeps its state and tells followers; a
   * refusal changes nothing. A store failure throws before anything changed.
   */
  private apply<T extends object, R>(outcome: PaperOutcome<T>, requestOf: ((id: string) => unknown) | undefined, value: (o: PaperStep & T) => R): BrokerReply<R> {
    if (!outcome.ok) return { ok: false, errors: outcome.errors };
    this.commit(outcome, requestOf);
    return { ok: true, value: value(outcome) };
  }

  private commit(step: PaperStep, requestOf?: (id: string) => unknown, extra: readonly AuditInput[] = []): void {
    const committed = this.deps.ledger.commit(this.context(this.state, requestOf), step.effects, extra);
    this.state = step.state;
    this.published([committed], step.effects.length > 0);
  }

  private context(state: PaperState, requestOf?: (id: string) => unknown): Parameters<TradingLedger['commit']>[0] {
    const live = state.live;
    return { accountId: this.accountId, epoch: this.deps.account.epoch, before: (id) => live.get(id)?.order, ...(requestOf === undefined ? {} : { requestOf }) };
  }

  /** Tells followers what was committed (after the broker took its new state). */
  private published(committed: readonly Committed[], changed: boolean): void {
    for (const c of committed) this.deps.ledger.publish(c);
    if (committed.some((c) => c.positionsChanged)) this.deps.events.emit('positions', { accountId: this.accountId, positions: this.positions() });
    if (changed) this.afterChange();
  }

  /** Queues a place for the group commit at the end of this turn (or before the next other step, whichever comes first). */
  private enqueue(run: PendingPlace['run'], request: unknown): Promise<BrokerReply<readonly Order[]>> {
    if (this.closed) return Promise.reject(new Error(`paper account ${this.deps.account.name} is closed`));
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flushPlaces());
      this.pending.push({ run, request, settle: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  }

  /**
   * Runs the queued places in order, each on the state the one before left,
   * and persists them in one transaction (each in its own savepoint: one the
   * store refuses fails alone). Only once that is committed does the broker
   * keep the new state, publish, and reply; a failed commit changes nothing
   * and every place in it fails.
   */
  private flushPlaces(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    let state = this.state;
    const committed: Committed[] = [];
    const replies: [PendingPlace, BrokerReply<readonly Order[]> | Error][] = [];
    try {
      this.deps.ledger.commitTogether((stage) => {
        for (const p of batch) {
          try {
            const outcome = p.run(state);
            if (!outcome.ok) {
              replies.push([p, { ok: false, errors: outcome.errors }]);
              continue;
            }
            committed.push(stage(this.context(state, () => p.request), outcome.effects));
            state = outcome.state;
            replies.push([p, { ok: true, value: outcome.orders }]);
          } catch (err) {
            replies.push([p, err instanceof Error ? err : new Error(String(err))]);
          }
        }
      });
    } catch (err) {
      const failure = err instanceof Error ? err : new Error(String(err));
      for (const p of batch) p.settle(failure);
      return;
    }
    this.state = state;
    try {
      this.published(committed, committed.length > 0);
    } catch (err) {
      // Committed and kept: a listener that throws must not leave the places unanswered (their callers, retries and risk holds wait on them).
      this.deps.log.error(`paper account ${this.deps.account.name}: telling listeners of committed orders failed`, err);
    } finally {
      for (const [p, r] of replies) p.settle(r);
    }
  }

  /** A market event; events arriving while one is being handled wait their turn (a subscription may deliver at once). */
  private onMarket(e: MarketEvent): void {
    if (this.closed) return;
    if (this.queue !== null) {
      this.queue.push(e);
      return;
    }
    this.queue = [e];
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.step(() => onMarketEvent(this.state, next));
    } finally {
      this.queue = null;
    }
  }

  /** Brings the market clock of every source with live orders up to now (latency passed: orders meet the standing quote; day orders expire). */
  private tick(): void {
    if (this.closed) return;
    const sources = new Set([...this.state.live.values()].map((lo) => lo.order.source));
    for (const source of sources) this.step(() => advanceClock(this.state, this.now(source)));
  }

  private step(run: () => PaperStep): void {
    // Places sent before this market step meet it in the order they came.
    this.flushPlaces();
    try {
      this.commit(run());
    } catch (err) {
      // The store refused: nothing was kept; the next event meets the market again.
      this.deps.log.error(`paper account ${this.deps.account.name}: a market step could not be recorded`, err);
    }
  }

  /** Follows the market of every instrument with a live order; times the arrival of orders sent just now. */
  private afterChange(): void {
    if (this.closed) return;
    const wanted = new Set<string>();
    for (const lo of this.state.live.values()) {
      const key = positionKey(lo.order.source, lo.order.symbol);
      wanted.add(key);
      if (!this.watches.has(key)) this.watch(key, lo.order.source, lo.order.symbol);
    }
    for (const [key, stop] of this.watches) {
      if (wanted.has(key)) continue;
      stop();
      this.watches.delete(key);
    }
    let due = Number.POSITIVE_INFINITY;
    for (const lo of this.state.live.values()) if (!lo.met && lo.eligibleAt > this.state.clock) due = Math.min(due, lo.eligibleAt);
    if (Number.isFinite(due) && (this.arrival === null || due < this.arrival.due)) {
      this.arrival?.stop();
      const stop = this.deps.timer(() => {
        this.arrival = null;
        this.tick();
        this.afterChange();
      }, due - this.state.clock + 1);
      this.arrival = { due, stop };
    }
    if (this.state.live.size > 0 && this.stopTick === null) this.stopTick = this.deps.ticker(() => this.tick(), CLOCK_TICK_MS);
    if (this.state.live.size === 0 && this.stopTick !== null) {
      this.stopTick();
      this.stopTick = null;
    }
  }

  private watch(key: string, source: string, symbol: string): void {
    // Registered before subscribing: a quote delivered at once must find it there.
    this.watches.set(key, () => undefined);
    try {
      this.watches.set(key, this.deps.market.watch(source, symbol, (e) => this.onMarket(e)));
    } catch (err) {
      this.watches.delete(key);
      this.deps.log.error(`paper account ${this.deps.account.name}: no market for ${source}:${symbol}; its orders wait`, err);
    }
  }
}
