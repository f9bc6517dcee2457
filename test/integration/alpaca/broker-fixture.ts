import { join } from 'node:path';
import { feeScheduleSchema, riskSettingsSchema } from '../../../shared/trading/account';
import type { Order } from '../../../shared/trading/order';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import { systemTimer } from '../../../src-main/platform/app/clock';
import { staticCredentials, type AlpacaCredentialsSource } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { MIGRATIONS, migrate, openDatabase, type Db } from '../../../src-main/platform/store';
import { AlpacaBroker, AlpacaContractInstruments, type AlpacaBrokerTuning } from '../../../src-main/trading/brokers/alpaca';
import { TradingEvents } from '../../../src-main/trading/service/trading-events';
import { TradingLedger } from '../../../src-main/trading/service/trading-ledger';
import { AccountsRepository, AuditLog, ExecutionsRepository, OrdersRepository, type StoredAccount } from '../../../src-main/trading/store';
import type { FakeAlpacaTrading } from './fake/fake-trading';

/** Fast everything: backoff in milliseconds, a short REST time-out, no proactive rate budget. */
export const FAST: AlpacaBrokerTuning = {
  rest: { timeoutMs: 400, serverRetries: 3, rateLimitRetries: 5, backoff: { baseMs: 5, capMs: 20 }, rateLimit: false },
  stream: { reconnect: { initialMs: 20, maxMs: 80 }, pingIntervalMs: 600_000, authTimeoutMs: 2_000 },
  submit: { attempts: 3, lookups: 4, backoff: { baseMs: 5, capMs: 20 } },
  pollMs: 100,
};

export const stock = (symbol: string): TradedInstrument => ({ source: 'alpaca', symbol: symbol as TradedInstrument['symbol'], assetClass: 'equity', tickSize: 0.01, lotSize: 1, multiplier: 1, currency: 'USD', underlying: null });

export function option(symbol: string): TradedInstrument {
  const i = new AlpacaContractInstruments().resolve('alpaca', symbol);
  if (i === null) throw new Error(`not an OCC symbol: ${symbol}`);
  return i;
}

export interface BrokerRig {
  readonly db: Db;
  readonly account: StoredAccount;
  readonly orders: OrdersRepository;
  readonly executions: ExecutionsRepository;
  readonly audit: AuditLog;
  readonly events: TradingEvents;
  readonly logs: string[];
  broker: AlpacaBroker;
  /** Closes the broker and opens a fresh one on the same store (a restart). */
  restart(): AlpacaBroker;
  close(): void;
}

/**
 * An Alpaca account's broker on a real store (every migration) pointed at
 * the fake paper host: what createTrading wires, without the risk gate in
 * front (the broker's own rules and the fake's answers are under test).
 */
export function brokerRig(dir: string, fake: FakeAlpacaTrading, options: { credentials?: AlpacaCredentialsSource; tuning?: AlpacaBrokerTuning } = {}): BrokerRig {
  const now = (): number => Date.now();
  const db = openDatabase(join(dir, 'alpaca-broker.db'));
  migrate(db, MIGRATIONS, now);
  const logs: string[] = [];
  const log = {
    error: (m: string, err?: unknown) => logs.push(`error ${m} ${err instanceof Error ? err.message : typeof err === 'string' ? err : ''}`),
    warn: (m: string) => logs.push(`warn ${m}`),
  };
  const events = new TradingEvents((err) => logs.push(`listener ${String(err)}`));
  const audit = new AuditLog(db, now);
  const orders = new OrdersRepository(db);
  const executions = new ExecutionsRepository(db);
  const ledger = new TradingLedger(db, orders, executions, audit, events);
  const account = new AccountsRepository(db).create(
    { name: 'Alpaca paper', broker: 'alpaca', currency: 'USD', startingCash: 100_000, fees: feeScheduleSchema.parse({ equityPerShare: 0, equityMin: 0, optionPerContract: 0 }), risk: riskSettingsSchema.parse({}) },
    now(),
    'a1b2c3d4',
  );
  const open = (): AlpacaBroker =>
    new AlpacaBroker({
      account,
      ledger,
      events,
      instruments: new AlpacaContractInstruments(),
      orders,
      endpoints: { tradingUrl: fake.tradingUrl, streamUrl: fake.streamUrl },
      credentials: options.credentials ?? staticCredentials(fake.keys.keyId, fake.keys.secret),
      now,
      timer: systemTimer,
      log,
      stored: { orders: orders.everyWorking().filter((o) => o.accountId === account.id), executions: executions.ofEpoch(account.id, account.epoch) },
      tuning: options.tuning ?? FAST,
    });
  const rig: BrokerRig = {
    db,
    account,
    orders,
    executions,
    audit,
    events,
    logs,
    broker: open(),
    restart() {
      rig.broker.close();
      rig.broker = open();
      return rig.broker;
    },
    close() {
      rig.broker.close();
      db.close();
    },
  };
  return rig;
}

/** Polls (real time) until `done` holds. */
export async function eventually(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The broker's live orders of one role. */
export const role = (orders: readonly Order[], r: Order['role']): Order[] => orders.filter((o) => o.role === r);
