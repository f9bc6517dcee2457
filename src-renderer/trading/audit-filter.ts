import type { AuditEntry, AuditKind } from '../../shared/trading/audit';

/** What the Log shows: a kind, an account and a symbol (null: any), and text found in the message or the data. */
export interface AuditFilter {
  readonly kind: AuditKind | null;
  readonly accountId: string | null;
  readonly symbol: string;
  readonly text: string;
}

export const NO_FILTER: AuditFilter = { kind: null, accountId: null, symbol: '', text: '' };

/** The entries the filter lets through, in their order (newest first). Symbol and text ignore case. */
export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): readonly AuditEntry[] {
  const symbol = filter.symbol.trim().toUpperCase();
  const text = filter.text.trim().toLowerCase();
  if (filter.kind === null && filter.accountId === null && symbol === '' && text === '') return entries;
  return entries.filter(
    (e) =>
      (filter.kind === null || e.kind === filter.kind) &&
      (filter.accountId === null || e.accountId === filter.accountId) &&
      (symbol === '' || (e.symbol ?? '').includes(symbol)) &&
      (text === '' || e.message.toLowerCase().includes(text) || JSON.stringify(e.data).toLowerCase().includes(text)),
  );
}
