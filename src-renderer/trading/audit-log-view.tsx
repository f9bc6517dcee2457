import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { AUDIT_KINDS, type AuditKind } from '../../shared/trading/audit';
import { auditCsv } from '../../shared/trading/audit-csv';
import { ErrorNote } from '../app/error-note';
import { filterAudit, NO_FILTER, type AuditFilter } from './audit-filter';
import { AuditRows } from './audit-rows';
import { auditFileName, downloadText } from './download-text';
import { useTrading } from './use-trading';

const isKind = (v: string): v is AuditKind => AUDIT_KINDS.some((k) => k === v);

/**
 * The Log tab: the audit log (every order event, fill, risk decision, kill
 * switch, account and setting change), newest first and live, filtered by
 * kind, account, symbol and text, exported as CSV (what is shown).
 */
export function AuditLogView(): ReactElement {
  const { audit, accounts } = useTrading();
  useEffect(() => audit.getState().start(), [audit]);
  const entries = useStore(audit, (s) => s.entries);
  const loading = useStore(audit, (s) => s.loading);
  const error = useStore(audit, (s) => s.error);
  const accountList = useStore(accounts, (s) => s.accounts);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const shown = useMemo(() => filterAudit(entries, filter), [entries, filter]);
  const names = useMemo(() => new Map(accountList.map((a) => [a.id, a.name])), [accountList]);
  const accountName = (id: string | null): string => (id === null ? '' : (names.get(id) ?? id));

  return (
    <div className="audit-log" data-testid="audit-log">
      <div className="audit-toolbar">
        <select className="input" aria-label="Kind" value={filter.kind ?? ''} data-testid="audit-kind" onChange={(e) => setFilter({ ...filter, kind: isKind(e.target.value) ? e.target.value : null })}>
          <option value="">All kinds</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Account" value={filter.accountId ?? ''} data-testid="audit-account" onChange={(e) => setFilter({ ...filter, accountId: e.target.value === '' ? null : e.target.value })}>
          <option value="">All accounts</option>
          {accountList.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <input className="input audit-symbol-filter" aria-label="Symbol" placeholder="Symbol" value={filter.symbol} data-testid="audit-symbol" onChange={(e) => setFilter({ ...filter, symbol: e.target.value })} />
        <input className="input audit-text-filter" aria-label="Text" placeholder="Find in messages" value={filter.text} data-testid="audit-text" onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        <span className="num muted" data-testid="audit-count">
          {loading ? 'reading…' : `${String(shown.length)} of ${String(entries.length)}`}
        </span>
        <button type="button" className="button" data-testid="audit-export" disabled={shown.length === 0} onClick={() => downloadText(document, auditFileName(Date.now()), auditCsv(shown))}>
          Export CSV
        </button>
      </div>
      {error !== null && <ErrorNote error={error} testId="audit-error" />}
      <AuditRows entries={shown} accountName={accountName} />
    </div>
  );
}
