import { csvField } from '../trading/audit-csv';
import { executionSchema, type Execution } from '../trading/execution';
import { findColumns, missingColumns, type CsvImportResult, type RowError } from './csv-import';
import { readCsv } from './csv-lines';

/**
 * Tapedeck's own executions CSV: every Execution field, one column each, in
 * this order, so a file round-trips: format → parse → format is byte-equal.
 * - Header: the field names below, exactly (read in any case and order).
 * - Text fields quoted only when they hold a comma, quote or line break
 *   (RFC 4180); null is an empty cell (orderId, underlying,
 *   underlyingPrice), so an empty-string orderId reads back as null.
 * - Numbers as String(n), the shortest text that reads back as the same
 *   double (0.1, 123.45, 1e-7): Number(String(n)) === n for every finite n.
 * - time as ISO-8601 UTC with milliseconds (2024-03-11T14:30:00.000Z).
 * - Lines end with CRLF, the last one too (RFC 4180, as the audit export).
 * Ids are kept, so importing the same file twice adds nothing; the accounts
 * are the file's. Each row is checked by the Execution schema; a bad row is
 * rejected with its line and reason, a repeated id too.
 */
export const TAPEDECK_EXECUTION_COLUMNS = [
  'id',
  'orderId',
  'accountId',
  'source',
  'symbol',
  'side',
  'qty',
  'price',
  'fee',
  'multiplier',
  'underlying',
  'underlyingPrice',
  'time',
  'origin',
] as const satisfies readonly (keyof Execution)[];

type Column = (typeof TAPEDECK_EXECUTION_COLUMNS)[number];

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function cellsOf(e: Execution): Record<Column, string> {
  return {
    id: e.id,
    orderId: e.orderId ?? '',
    accountId: e.accountId,
    source: e.source,
    symbol: e.symbol,
    side: e.side,
    qty: String(e.qty),
    price: String(e.price),
    fee: String(e.fee),
    multiplier: String(e.multiplier),
    underlying: e.underlying ?? '',
    underlyingPrice: e.underlyingPrice === null ? '' : String(e.underlyingPrice),
    time: new Date(e.time).toISOString(),
    origin: e.origin,
  };
}

/** The executions as Tapedeck CSV, in the order given. */
export function formatExecutionsCsv(executions: readonly Execution[]): string {
  const lines = [TAPEDECK_EXECUTION_COLUMNS.join(',')];
  for (const e of executions) {
    const cells = cellsOf(e);
    lines.push(TAPEDECK_EXECUTION_COLUMNS.map((c) => csvField(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function readNumber(column: Column, text: string): number | string {
  if (!NUMBER.test(text)) return `bad ${column} "${text}": not a number`;
  return Number(text);
}

function readRow(cell: (c: Column) => string): Execution | string {
  const numbers: Partial<Record<Column, number | null>> = {};
  for (const column of ['qty', 'price', 'fee', 'multiplier', 'underlyingPrice'] as const) {
    const text = cell(column);
    if (column === 'underlyingPrice' && text === '') {
      numbers[column] = null;
      continue;
    }
    const n = readNumber(column, text);
    if (typeof n === 'string') return n;
    numbers[column] = n;
  }
  const timeText = cell('time');
  const time = ISO_UTC_MS.test(timeText) ? Date.parse(timeText) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString() !== timeText) return `bad time "${timeText}": expected ISO-8601 UTC with milliseconds, e.g. 2024-03-11T14:30:00.000Z`;
  const parsed = executionSchema.safeParse({
    id: cell('id'),
    orderId: cell('orderId') === '' ? null : cell('orderId'),
    accountId: cell('accountId'),
    source: cell('source'),
    symbol: cell('symbol'),
    side: cell('side'),
    ...numbers,
    underlying: cell('underlying') === '' ? null : cell('underlying'),
    time,
    origin: cell('origin'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `bad ${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid'}`;
  }
  if (parsed.data.id === '') return 'bad id: empty';
  return parsed.data;
}

/** The executions of a Tapedeck CSV, with the rows it could not read. */
export function parseExecutionsCsv(text: string): CsvImportResult<Execution> {
  const { records, error } = readCsv(text);
  const [header, ...body] = records;
  if (header === undefined) return missingColumns('Tapedeck executions', [...TAPEDECK_EXECUTION_COLUMNS], TAPEDECK_EXECUTION_COLUMNS);
  const columns = findColumns(header.cells, TAPEDECK_EXECUTION_COLUMNS, []);
  if (!columns.ok) return missingColumns('Tapedeck executions', columns.missing, TAPEDECK_EXECUTION_COLUMNS);
  const { at } = columns;
  const rows: Execution[] = [];
  const errors: RowError[] = [];
  const lineOfId = new Map<string, number>();
  for (const record of body) {
    const row = readRow((c) => record.cells[at[c]] ?? '');
    if (typeof row === 'string') {
      errors.push({ line: record.line, reason: row });
      continue;
    }
    const earlier = lineOfId.get(row.id);
    if (earlier !== undefined) {
      errors.push({ line: record.line, reason: `repeated id "${row.id}" (first on line ${String(earlier)})` });
      continue;
    }
    lineOfId.set(row.id, record.line);
    rows.push(row);
  }
  if (error !== null) errors.push(error);
  return { ok: true, rows, errors };
}
