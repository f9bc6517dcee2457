import { asEpochMs, type EpochMs } from '../../../shared/domain/epoch';
import { randomUUID } from 'node:crypto';
import { feeScheduleSchema, riskSettingsSchema, type FeeSchedule, type RiskSettings } from '../../../shared/trading/account';
import type { Db } from '../../platform/store/database';

/** An account as stored: what it is, not what it holds (cash and positions come from its fills). */
export interface StoredAccount {
  readonly id: string;
  readonly name: string;
  readonly broker: 'paper' | 'alpaca';
  readonly currency: string;
  readonly startingCash: number;
  readonly fees: FeeSchedule;
  readonly risk: RiskSettings;
  /** Bumped by a reset: only fills of the current epoch count. */
  readonly epoch: number;
  readonly createdAt: EpochMs;
  readonly resetAt: EpochMs | null;
}

interface Row {
  readonly id: string;
  readonly name: string;
  readonly broker: 'paper' | 'alpaca';
  readonly currency: string;
  readonly starting_cash: number;
  readonly fees: string;
  readonly risk: string;
  readonly epoch: number;
  readonly created_at: number;
  readonly reset_at: number | null;
}

const COLUMNS = 'id, name, broker, currency, starting_cash, fees, risk, epoch, created_at, reset_at';

function fromRow(r: Row): StoredAccount {
  return {
    id: r.id,
    name: r.name,
    broker: r.broker,
    currency: r.currency,
    startingCash: r.starting_cash,
    // Stored documents are checked on the way out too (a file is a boundary).
    fees: feeScheduleSchema.parse(JSON.parse(r.fees)),
    risk: riskSettingsSchema.parse(JSON.parse(r.risk)),
    epoch: r.epoch,
    createdAt: asEpochMs(r.created_at),
    resetAt: r.reset_at === null ? null : asEpochMs(r.reset_at),
  };
}

/** Trading accounts. Writes happen inside the caller's transaction when it has one. */
export class AccountsRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      all: db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY created_at, name`),
      one: db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`),
      byName: db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`),
      insert: db.prepare(`INSERT INTO accounts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL)`),
      reset: db.prepare('UPDATE accounts SET epoch = epoch + 1, reset_at = ?, starting_cash = ? WHERE id = ?'),
      risk: db.prepare('UPDATE accounts SET risk = ? WHERE id = ?'),
    };
  }

  list(): StoredAccount[] {
    return (this.stmts.all.all() as Row[]).map(fromRow);
  }

  get(id: string): StoredAccount | undefined {
    const row = this.stmts.one.get(id) as Row | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  byName(name: string): StoredAccount | undefined {
    const row = this.stmts.byName.get(name) as Row | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  create(input: { name: string; broker: 'paper' | 'alpaca'; currency: string; startingCash: number; fees: FeeSchedule; risk: RiskSettings }, at: number, id: string = randomUUID()): StoredAccount {
    this.stmts.insert.run(id, input.name, input.broker, input.currency, input.startingCash, JSON.stringify(input.fees), JSON.stringify(input.risk), at);
    const created = this.get(id);
    if (created === undefined) throw new Error(`account ${id} vanished after insert`);
    return created;
  }

  reset(id: string, at: number, startingCash: number): void {
    this.stmts.reset.run(at, startingCash, id);
  }

  setRisk(id: string, risk: RiskSettings): void {
    this.stmts.risk.run(JSON.stringify(risk), id);
  }
}
