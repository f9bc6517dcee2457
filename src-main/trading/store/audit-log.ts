import { auditEntrySchema, type AuditEntry, type AuditKind } from '../../../shared/trading/audit';
import { asEpochMs } from '../../../shared/domain/epoch';
import type { Db } from '../../platform/store/database';

export interface AuditFilter {
  readonly kinds?: readonly AuditKind[];
  readonly accountId?: string;
  readonly symbol?: string;
  readonly text?: string;
  readonly limit: number;
}

export interface AuditInput {
  readonly kind: AuditKind;
  readonly accountId: string | null;
  readonly symbol: string | null;
  readonly message: string;
  readonly data: Record<string, unknown>;
}

interface Row {
  readonly seq: number;
  readonly time: number;
  readonly kind: string;
  readonly account_id: string | null;
  readonly symbol: string | null;
  readonly message: string;
  readonly data: string;
}

/**
 * The append-only record of trading: every order event, fill, risk decision,
 * kill switch and setting change. Nothing updates or deletes a row; an entry
 * is written in the same transaction as what it records (the caller runs
 * `append` inside its own).
 */
export class AuditLog {
  private readonly insert;
  private readonly listeners = new Set<(e: AuditEntry) => void>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO audit_log (time, kind, account_id, symbol, message, data) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Writes an entry (inside the caller's transaction when there is one); listeners hear of it once committed by the caller via `publish`. */
  append(input: AuditInput): AuditEntry {
    const time = this.now();
    const info = this.insert.run(time, input.kind, input.accountId, input.symbol, input.message, JSON.stringify(input.data));
    // Typed input and the store's own sequence: no re-validation on the hot path (the clock is checked here; reads parse).
    return { seq: Number(info.lastInsertRowid), time: asEpochMs(time), kind: input.kind, accountId: input.accountId, symbol: input.symbol, message: input.message, data: input.data };
  }

  /** Tells followers of entries that are committed. */
  publish(entries: readonly AuditEntry[]): void {
    for (const e of entries) for (const listener of this.listeners) listener(e);
  }

  /** Appends one entry in its own transaction and tells followers. */
  record(input: AuditInput): AuditEntry {
    const entry = this.db.transaction(() => this.append(input)).immediate();
    this.publish([entry]);
    return entry;
  }

  onEntry(listener: (e: AuditEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Entries, newest first, filtered. */
  list(filter: AuditFilter): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.kinds !== undefined && filter.kinds.length > 0) {
      where.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
      args.push(...filter.kinds);
    }
    if (filter.accountId !== undefined) {
      where.push('account_id = ?');
      args.push(filter.accountId);
    }
    if (filter.symbol !== undefined) {
      where.push('symbol = ?');
      args.push(filter.symbol);
    }
    if (filter.text !== undefined && filter.text !== '') {
      where.push("instr(lower(message), lower(?)) > 0");
      args.push(filter.text);
    }
    const sql = `SELECT seq, time, kind, account_id, symbol, message, data FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, filter.limit) as Row[];
    return rows.map((r) => auditEntrySchema.parse({ seq: r.seq, time: r.time, kind: r.kind, accountId: r.account_id, symbol: r.symbol, message: r.message, data: JSON.parse(r.data) as unknown }));
  }
}
