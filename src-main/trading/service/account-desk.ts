import { randomBytes } from 'node:crypto';
import { ContractFailure } from '../../../shared/contract';
import { feeScheduleSchema, riskSettingsSchema, type Account, type FeeSchedule, type RiskSettings } from '../../../shared/trading/account';
import type { Db } from '../../platform/store/database';
import type { Broker } from '../brokers/broker';
import { cashOf } from '../positions/position-marks';
import type { AccountsRepository, StoredAccount } from '../store/accounts-repository';
import type { AuditLog } from '../store/audit-log';
import type { TradingStateRepository } from '../store/trading-state';

/** The account every fresh install starts with: the traders start paper trading with $1,000. */
export const DEFAULT_PAPER_ACCOUNT = { name: 'Paper', startingCash: 1_000, currency: 'USD' } as const;

/** The account of Alpaca's paper broker (made once Alpaca keys are given): Alpaca charges no commission; its cash is Alpaca's own figure. */
export const ALPACA_PAPER_ACCOUNT = { name: 'Alpaca paper', startingCash: 100_000, currency: 'USD' } as const;

export interface NewAccount {
  readonly name: string;
  readonly startingCash: number;
  readonly currency: string;
  readonly fees: FeeSchedule;
  readonly risk: RiskSettings;
}

/** Opens the broker of an account (the local paper broker; Alpaca's for an Alpaca account). */
export type BrokerFactory = (account: StoredAccount) => Broker;

/**
 * The accounts side by side, each with its broker, and which one is active.
 * An account id is short (8 hex digits): it prefixes the ids of its orders
 * and fills, which must fit a client order id's 48 characters.
 */
export class AccountDesk {
  private readonly brokers = new Map<string, Broker>();

  constructor(
    private readonly db: Db,
    private readonly accounts: AccountsRepository,
    private readonly state: TradingStateRepository,
    private readonly audit: AuditLog,
    private readonly openBroker: BrokerFactory,
    private readonly now: () => number,
  ) {
    if (accounts.list().length === 0) {
      const created = this.create({ ...DEFAULT_PAPER_ACCOUNT, fees: feeScheduleSchema.parse({}), risk: riskSettingsSchema.parse({}) });
      this.select(created.id);
    }
    for (const a of accounts.list()) if (!this.brokers.has(a.id)) this.brokers.set(a.id, openBroker(a));
  }

  list(): Account[] {
    return this.accounts.list().map((a) => this.view(a));
  }

  activeId(): string | null {
    const id = this.state.get().activeAccountId;
    return id !== null && this.accounts.get(id) !== undefined ? id : (this.accounts.list()[0]?.id ?? null);
  }

  /** The account, or NOT_FOUND naming `path`. */
  require(id: string, path = 'params.accountId'): StoredAccount {
    const a = this.accounts.get(id);
    if (a === undefined) throw new ContractFailure('NOT_FOUND', `unknown account ${id}`, path);
    return a;
  }

  broker(id: string): Broker {
    const b = this.brokers.get(id);
    if (b === undefined) throw new ContractFailure('NOT_FOUND', `unknown account ${id}`, 'params.accountId');
    return b;
  }

  allBrokers(): Broker[] {
    return [...this.brokers.values()];
  }

  view(a: StoredAccount): Account {
    const positions = this.brokers.get(a.id)?.positions() ?? [];
    const broker = this.brokers.get(a.id);
    const funds = broker?.funds?.() ?? null;
    const connection = broker?.status?.();
    return {
      id: a.id,
      name: a.name,
      broker: a.broker,
      currency: a.currency,
      startingCash: a.startingCash,
      cash: funds?.cash ?? cashOf(a.startingCash, positions),
      fees: a.fees,
      risk: a.risk,
      createdAt: a.createdAt,
      resetAt: a.resetAt,
      ...(connection === undefined ? {} : { connection }),
    };
  }

  /** A new paper account; `id` keeps the one a journal import names (a fresh one otherwise). */
  create(input: NewAccount, id?: string): StoredAccount {
    if (this.accounts.byName(input.name) !== undefined) throw new ContractFailure('CONFLICT', `an account named "${input.name}" exists already`, 'params.name');
    const created = this.db
      .transaction(() => {
        const a = this.accounts.create({ ...input, broker: 'paper' }, this.now(), id ?? this.newId());
        this.audit.append({ kind: 'account', accountId: a.id, symbol: null, message: `account ${a.name} created with ${String(a.startingCash)} ${a.currency}`, data: { account: a } });
        return a;
      })
      .immediate();
    this.brokers.set(created.id, this.openBroker(created));
    return created;
  }

  /** The Alpaca paper account, made the first time Alpaca keys are given (its orders go to Alpaca's paper host). */
  ensureAlpaca(): StoredAccount {
    const found = this.accounts.list().find((a) => a.broker === 'alpaca');
    if (found !== undefined) return found;
    const fees = feeScheduleSchema.parse({ equityPerShare: 0, equityMin: 0, optionPerContract: 0 });
    const created = this.db
      .transaction(() => {
        const a = this.accounts.create({ ...ALPACA_PAPER_ACCOUNT, broker: 'alpaca', fees, risk: riskSettingsSchema.parse({}) }, this.now(), this.newId());
        this.audit.append({ kind: 'account', accountId: a.id, symbol: null, message: `account ${a.name} created: orders go to Alpaca's paper trading host`, data: { account: a } });
        return a;
      })
      .immediate();
    this.brokers.set(created.id, this.openBroker(created));
    return created;
  }

  select(id: string): StoredAccount {
    const a = this.require(id, 'params.id');
    this.db.transaction(() => {
      this.state.set({ ...this.state.get(), activeAccountId: id });
      this.audit.append({ kind: 'account', accountId: id, symbol: null, message: `account ${a.name} is the active account`, data: {} });
    }).immediate();
    return a;
  }

  /**
   * Starts an account again: its live orders are canceled (through its
   * broker, so the cancels are recorded), then its epoch moves on (positions
   * and cash come from the new epoch's fills only) and a fresh broker opens.
   */
  async reset(id: string, startingCash: number | undefined): Promise<StoredAccount> {
    const a = this.require(id, 'params.id');
    if (a.broker === 'alpaca') throw new ContractFailure('REJECTED', "an Alpaca account is reset on Alpaca's dashboard, not in Tapedeck", 'params.id');
    const broker = this.broker(id);
    // Canceled until nothing is live (canceling an entry takes its exits; the first cancel also commits the places
    // queued this turn, which then are live too); each order is tried once, so one that cannot be canceled ends the loop.
    const tried = new Set<string>();
    for (let o = broker.liveOrders().find((x) => !tried.has(x.id)); o !== undefined; o = broker.liveOrders().find((x) => !tried.has(x.id))) {
      tried.add(o.id);
      await broker.cancel(o.id);
    }
    const cash = startingCash ?? a.startingCash;
    this.db.transaction(() => {
      this.accounts.reset(id, this.now(), cash);
      this.audit.append({ kind: 'account', accountId: id, symbol: null, message: `account ${a.name} reset to ${String(cash)} ${a.currency}`, data: { startingCash: cash, epoch: a.epoch + 1 } });
    }).immediate();
    broker.close();
    const fresh = this.require(id, 'params.id');
    this.brokers.set(id, this.openBroker(fresh));
    return fresh;
  }

  setRisk(id: string, patch: Partial<RiskSettings>): RiskSettings {
    const a = this.require(id);
    // All of the patch or none: the merged settings are checked whole before anything is written.
    const next = riskSettingsSchema.parse({ ...a.risk, ...patch });
    this.db.transaction(() => {
      this.accounts.setRisk(id, next);
      this.audit.append({ kind: 'setting', accountId: id, symbol: null, message: `risk limits of ${a.name} changed: ${Object.keys(patch).join(', ')}`, data: { before: a.risk, after: next } });
    }).immediate();
    return next;
  }

  close(): void {
    for (const b of this.brokers.values()) b.close();
    this.brokers.clear();
  }

  private newId(): string {
    for (;;) {
      const id = randomBytes(4).toString('hex');
      if (this.accounts.get(id) === undefined) return id;
    }
  }
}
