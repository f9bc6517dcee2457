import { ContractFailure, type ImportResult } from '../../shared/contract';
import type { CsvImportResult } from '../../shared/journal/csv-import';
import { parseExecutionsCsv } from '../../shared/journal/tapedeck-csv';
import { parseTradervueCsv } from '../../shared/journal/tradervue-csv';
import type { Execution } from '../../shared/trading/execution';
import { ensureAccountId, resolveAccount, type JournalAccounts } from './journal-accounts';
import type { JournalExecutions } from './journal-executions';

export interface ImportRequest {
  readonly csv: string;
  readonly format: 'tradervue' | 'tapedeck';
  readonly account?: string | undefined;
  readonly source: string;
  readonly zone: string;
}

/**
 * Imports executions from CSV into the journal (their own epoch: they never
 * change a paper account's positions or cash), in one transaction.
 * - Tradervue: into the named account (id or name; a new name makes a new
 *   account), else the active one; ids from the row's content
 *   (shared/journal/import-id.ts), so a re-import adds nothing.
 * - Tapedeck: the file's ids and accounts (an account id this store lacks
 *   is created with it, so an export re-imports into a fresh store
 *   byte-equal), or all rows into the named account.
 * A file without the format's columns is refused naming them (BAD_REQUEST
 * on params.csv); bad rows are listed by line with the reason.
 */
export function importExecutions(req: ImportRequest, accounts: JournalAccounts, executions: JournalExecutions): ImportResult {
  let parsed: CsvImportResult<Execution>;
  const created: string[] = [];
  let target: string | null = null;
  if (req.format === 'tradervue') {
    const account = resolveAccount(accounts, req.account, 'params.account');
    if (account.created) created.push(account.id);
    target = account.id;
    try {
      parsed = parseTradervueCsv(req.csv, { accountId: account.id, source: req.source, zone: req.zone });
    } catch (err) {
      if (err instanceof RangeError) throw new ContractFailure('BAD_REQUEST', err.message, 'params.zone');
      throw err;
    }
  } else {
    parsed = parseExecutionsCsv(req.csv);
    if (parsed.ok && req.account !== undefined) {
      const account = resolveAccount(accounts, req.account, 'params.account');
      if (account.created) created.push(account.id);
      target = account.id;
    }
  }
  if (!parsed.ok) throw new ContractFailure('BAD_REQUEST', parsed.reason, 'params.csv');
  const into = target;
  const rows = into === null ? parsed.rows : parsed.rows.map((r) => ({ ...r, accountId: into }));
  const accountIds = [...new Set(rows.map((r) => r.accountId))].sort();
  if (into === null) for (const id of accountIds) if (ensureAccountId(accounts, id)) created.push(id);
  const counts = executions.transaction(() => executions.insertJournalFills(rows));
  return {
    format: req.format,
    read: rows.length,
    added: counts.added,
    alreadyThere: counts.alreadyThere,
    rejected: parsed.errors.map((e) => ({ line: e.line, reason: e.reason })),
    accounts: accountIds.length > 0 ? accountIds : into === null ? [] : [into],
    createdAccounts: created,
  };
}
