import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/interval';
import { isEpochMs } from '../domain/epoch';
import { realCivilDays } from '../market/civil-date';
import { contractFromOcc } from '../options/option-contract';
import { addDecimal } from '../trading/decimal-steps';
import { executionSchema, type Execution } from '../trading/execution';
import { findColumns, missingColumns, readDecimal, type CsvImportResult, type RowError } from './csv-import';
import { readCsv } from './csv-lines';
import { ImportIds } from './import-id';
import { zoneClock, type ZoneClock } from './zone-clock';

/**
 * Tradervue's generic import CSV (PROTOCOLS "Trade journals"):
 * `Date,Time,Symbol,Quantity,Price,Side` plus optional `Commission`,
 * `TransFee`, `ECNFee`; header names in any case, columns in any order,
 * other columns ignored. Side is optional as a column.
 * - Date: month first, `MM/DD/YYYY` (or `M/D/YYYY`, `MM/DD/YY` = 20YY) or
 *   ISO `YYYY-MM-DD`. Never day first: `13/03/2024` is refused as such.
 * - Time: 24-hour `HH:MM:SS` (`H:MM`, `HH:MM:SS.sss` too), wall time in the
 *   given zone (America/New_York by default), turned into an instant by the
 *   zone database: a time the clocks skip (02:30 on the spring-forward day)
 *   is refused; a time that happens twice (01:30 on the fall-back day) is its
 *   first occurrence.
 * - Side: starting with B (buy, BC…) or S (sell, SS…), any case; when the
 *   column is absent or the cell blank, a negative quantity sells. The
 *   quantity's size is its absolute value.
 * - Symbol: an OCC option symbol, compact (`SPY240315C00500000`), padded to
 *   21 characters (`SPY   240315C00500000`) or with a leading dot, is an
 *   option: multiplier 100, underlying = its root, symbol written compact.
 *   Anything else is a share: multiplier 1.
 * - Fee = Commission + TransFee + ECNFee (blank cells are 0). A negative
 *   total (an ECN rebate larger than the rest) is refused: an execution's fee
 *   is never negative.
 * Rows whose cells are all blank are skipped. Ids: import-id.ts.
 */

export const TRADERVUE_REQUIRED = ['Date', 'Time', 'Symbol', 'Quantity', 'Price'] as const;
export const TRADERVUE_OPTIONAL = ['Side', 'Commission', 'TransFee', 'ECNFee'] as const;
const FEE_COLUMNS = ['Commission', 'TransFee', 'ECNFee'] as const;

export interface TradervueImportOptions {
  /** The account the fills go into. */
  readonly accountId: string;
  /** The executions' source (default "csv"). */
  readonly source?: string;
  /** IANA zone of the Date and Time columns (default America/New_York). */
  readonly zone?: string;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const OCC_SHAPE = /^\.?[A-Z0-9]{1,6} *\d{6}[CP]\d{8}$/;

/** A date as days since 1970-01-01, or why not. */
export function readTradeDate(text: string): number | string {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  const us = iso === null ? US_DATE.exec(t) : null;
  let y: number;
  let m: number;
  let d: number;
  if (iso !== null) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us !== null) {
    const year = us[3] ?? '';
    [m, d, y] = [Number(us[1]), Number(us[2]), year.length === 2 ? 2000 + Number(year) : Number(year)];
    if (m > 12 && d <= 12) return `bad date "${t}": day-first dates are not read; write MM/DD/YYYY or YYYY-MM-DD`;
  } else return `bad date "${t}": expected MM/DD/YYYY or YYYY-MM-DD`;
  const days = realCivilDays(y, m, d);
  return days ?? `bad date "${t}": not a calendar date`;
}

/** A 24-hour time as ms after midnight, or why not. */
export function readTradeTime(text: string): number | string {
  const t = text.trim();
  const m = TIME.exec(t);
  if (m === null) return `bad time "${t}": expected 24-hour HH:MM:SS`;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return `bad time "${t}": expected 24-hour HH:MM:SS`;
  return h * HOUR_MS + mi * MINUTE_MS + s * 1000 + Number((m[4] ?? '').padEnd(3, '0'));
}

/** The instrument a symbol names: an OCC option (multiplier 100, its root as underlying) or a share, or why not. */
export function readTradeSymbol(text: string): { readonly symbol: string; readonly multiplier: number; readonly underlying: string | null } | string {
  const t = text.trim().toUpperCase();
  if (t === '') return 'the symbol is empty';
  if (OCC_SHAPE.test(t)) {
    const contract = contractFromOcc(t.startsWith('.') ? t.slice(1) : t);
    if (!contract.ok) return `bad option symbol "${t}": ${contract.error.message}`;
    return { symbol: contract.value.symbol, multiplier: contract.value.multiplier, underlying: contract.value.underlying };
  }
  return { symbol: t, multiplier: 1, underlying: null };
}

type Columns = Readonly<Record<(typeof TRADERVUE_REQUIRED)[number], number>> & Readonly<Partial<Record<(typeof TRADERVUE_OPTIONAL)[number], number>>>;

interface RowContext {
  readonly at: Columns;
  readonly clock: ZoneClock;
  readonly options: TradervueImportOptions;
  readonly ids: ImportIds;
}

function readRow(cells: readonly string[], ctx: RowContext): Execution | string {
  const cell = (i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').trim());
  const { at } = ctx;
  const days = readTradeDate(cell(at.Date));
  if (typeof days === 'string') return days;
  const timeOfDay = readTradeTime(cell(at.Time));
  if (typeof timeOfDay === 'string') return timeOfDay;
  const time = ctx.clock.instant(days * DAY_MS + timeOfDay);
  if (time === null) return `bad time "${cell(at.Date)} ${cell(at.Time)}": it does not exist in ${ctx.clock.zone} (the clocks skip it)`;
  if (!isEpochMs(time)) return `bad date "${cell(at.Date)}": outside 1970-2100`;
  const instrument = readTradeSymbol(cell(at.Symbol));
  if (typeof instrument === 'string') return instrument;
  const signed = readDecimal(cell(at.Quantity));
  if (signed === null) return `bad quantity "${cell(at.Quantity)}": not a number`;
  if (signed === 0) return 'bad quantity: 0';
  const sideText = cell(at.Side).toUpperCase();
  let side: 'buy' | 'sell';
  if (sideText === '') side = signed < 0 ? 'sell' : 'buy';
  else if (sideText.startsWith('B')) side = 'buy';
  else if (sideText.startsWith('S')) side = 'sell';
  else return `bad side "${cell(at.Side)}": expected one starting with B (buy) or S (sell)`;
  const price = readDecimal(cell(at.Price));
  if (price === null || !(price > 0)) return `bad price "${cell(at.Price)}": expected a positive number`;
  let fee = 0;
  for (const column of FEE_COLUMNS) {
    const text = cell(at[column]);
    if (text === '') continue;
    const amount = readDecimal(text);
    if (amount === null) return `bad ${column} "${text}": not a number`;
    fee = addDecimal(fee, amount);
  }
  if (fee < 0) return `bad fees: Commission + TransFee + ECNFee = ${String(fee)}, below zero`;
  const qty = Math.abs(signed);
  const parsed = executionSchema.safeParse({
    id: ctx.ids.next({ time, symbol: instrument.symbol, side, qty, price, fee }),
    orderId: null,
    accountId: ctx.options.accountId,
    source: ctx.options.source ?? 'csv',
    symbol: instrument.symbol,
    side,
    qty,
    price,
    fee,
    multiplier: instrument.multiplier,
    underlying: instrument.underlying,
    underlyingPrice: null,
    time,
    origin: 'import',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `bad ${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid'}`;
  }
  return parsed.data;
}

/** The executions of a Tradervue generic CSV, with the rows it could not read. Throws a RangeError for an unknown zone. */
export function parseTradervueCsv(text: string, options: TradervueImportOptions): CsvImportResult<Execution> {
  const clock = zoneClock(options.zone ?? 'America/New_York');
  const { records, error } = readCsv(text);
  const [header, ...body] = records;
  if (header === undefined) return missingColumns('Tradervue', [...TRADERVUE_REQUIRED], [...TRADERVUE_REQUIRED, 'Side']);
  const columns = findColumns(header.cells, TRADERVUE_REQUIRED, TRADERVUE_OPTIONAL);
  if (!columns.ok) return missingColumns('Tradervue', columns.missing, [...TRADERVUE_REQUIRED, 'Side']);
  const ctx: RowContext = { at: columns.at, clock, options, ids: new ImportIds(options.accountId) };
  const rows: Execution[] = [];
  const errors: RowError[] = [];
  for (const record of body) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const row = readRow(record.cells, ctx);
    if (typeof row === 'string') errors.push({ line: record.line, reason: row });
    else rows.push(row);
  }
  if (error !== null) errors.push(error);
  return { ok: true, rows, errors };
}
