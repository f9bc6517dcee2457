import { z } from 'zod';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { BinanceParseError } from './binance-errors';

/**
 * The only place Binance Spot REST payloads become domain types. Prices and
 * quantities arrive as decimal strings ("42000.10000000"); they are checked
 * against a strict pattern and converted with Number() here, nowhere else.
 */

/** A plain non-negative decimal: digits, optionally a point and digits. No sign, exponent, spaces, NaN or Infinity. */
const DECIMAL = /^\d+(\.\d+)?$/;

const decimalString = z.string().regex(DECIMAL, 'expected a decimal string such as "42000.10000000"');
const nonNegativeDecimal = decimalString.transform(Number).pipe(z.number().nonnegative());
const positiveDecimal = decimalString.transform(Number).pipe(z.number().positive());
const epochMs = z.number().int().nonnegative();

/** Field names of a kline row, by position (PROTOCOLS.md "Binance Spot — REST"). */
export const KLINE_FIELDS = [
  'openTime',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'closeTime',
  'quoteVolume',
  'trades',
  'takerBuyBase',
  'takerBuyQuote',
  'ignore',
] as const;

/** Extra trailing fields are tolerated (Binance appends, it does not reorder). */
const klineRowSchema = z.tuple(
  [
    epochMs,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    nonNegativeDecimal,
    epochMs,
    nonNegativeDecimal,
    z.number().int().nonnegative(),
    nonNegativeDecimal,
    nonNegativeDecimal,
    z.unknown(),
  ],
  z.unknown(),
);

function rowError(index: number, position: number, problem: string): BinanceParseError {
  const field = KLINE_FIELDS[position] ?? `#${String(position)}`;
  return new BinanceParseError(`kline row ${String(index)}, field ${field} (position ${String(position)}): ${problem}`, index, field);
}

/** The cross-field rules zod's per-field schemas cannot see; returns the offending position. */
function inconsistency(open: number, high: number, low: number, close: number, openTime: number, closeTime: number): [number, string] | undefined {
  if (closeTime < openTime) return [6, 'closeTime is before openTime'];
  if (high < Math.max(open, close, low)) return [2, 'high is below open, low or close'];
  if (low > Math.min(open, close)) return [3, 'low is above open or close'];
  return undefined;
}

/**
 * GET /api/v3/klines body → bars. `time` is the open time; a bar is final once
 * its close time is before `now` (the caller's clock). A bad row throws a
 * BinanceParseError naming the row's index and the field.
 */
export function parseKlines(data: unknown, now: number): Bar[] {
  if (!Array.isArray(data)) throw new BinanceParseError('klines response is not an array');
  return data.map((row: unknown, index) => {
    if (!Array.isArray(row)) throw new BinanceParseError(`kline row ${String(index)} is not an array`, index);
    if (row.length < KLINE_FIELDS.length) {
      throw new BinanceParseError(`kline row ${String(index)} has ${String(row.length)} fields, expected ${String(KLINE_FIELDS.length)}`, index);
    }
    const parsed = klineRowSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const position = typeof issue?.path[0] === 'number' ? issue.path[0] : -1;
      throw rowError(index, position, `${issue?.message ?? 'invalid'} (got ${JSON.stringify(row[position]) ?? 'undefined'})`);
    }
    const [openTime, open, high, low, close, volume, closeTime, , trades] = parsed.data;
    const bad = inconsistency(open, high, low, close, openTime, closeTime);
    if (bad) throw rowError(index, bad[0], bad[1]);
    return bar(openTime, open, high, low, close, volume, trades, closeTime < now);
  });
}

/** Binance's error body, e.g. {"code":-1121,"msg":"Invalid symbol."}. */
export interface BinanceErrorBody {
  readonly code: number;
  readonly msg: string;
}

const errorBodySchema = z.object({ code: z.number().int(), msg: z.string() });

/** The error body of a failed response, or undefined when the body is something else (HTML, empty). */
export function parseErrorBody(data: unknown): BinanceErrorBody | undefined {
  const parsed = errorBodySchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** One symbol of /api/v3/exchangeInfo, reduced to what bars and order validation need. */
export interface BinanceSymbolInfo {
  readonly symbol: string;
  /** TRADING, HALT, BREAK, END_OF_DAY... kept as sent. */
  readonly status: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  /** PRICE_FILTER.tickSize as a number. */
  readonly tickSize: number;
  /** LOT_SIZE.stepSize as a number. */
  readonly stepSize: number;
  /** PRICE_FILTER.tickSize exactly as sent ("0.01000000"), for exact order-price checks. */
  readonly tickSizeRaw: string;
  /** LOT_SIZE.stepSize exactly as sent ("0.00001000"). */
  readonly stepSizeRaw: string;
}

/** A symbol left out of the result, and why. */
export interface SkippedSymbol {
  readonly symbol: string;
  readonly reason: string;
}

export interface ParsedExchangeInfo {
  readonly symbols: BinanceSymbolInfo[];
  readonly skipped: SkippedSymbol[];
}

const filterSchema = z.looseObject({ filterType: z.string() });
const priceFilterSchema = z.looseObject({ filterType: z.literal('PRICE_FILTER'), tickSize: decimalString });
const lotSizeSchema = z.looseObject({ filterType: z.literal('LOT_SIZE'), stepSize: decimalString });
const symbolSchema = z.looseObject({
  symbol: z.string().min(1),
  status: z.string().min(1),
  baseAsset: z.string().min(1),
  quoteAsset: z.string().min(1),
  filters: z.array(filterSchema),
});
const exchangeInfoSchema = z.looseObject({ symbols: z.array(z.unknown()) });

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

function symbolInfo(raw: unknown): BinanceSymbolInfo | SkippedSymbol {
  const s = symbolSchema.safeParse(raw);
  const claimed = (raw as { symbol?: unknown } | null)?.symbol;
  const name = s.success ? s.data.symbol : typeof claimed === 'string' ? claimed : '?';
  if (!s.success) return { symbol: name, reason: describe(s.error) };
  const price = priceFilterSchema.safeParse(s.data.filters.find((f) => f.filterType === 'PRICE_FILTER'));
  if (!price.success) return { symbol: name, reason: `PRICE_FILTER ${describe(price.error)}` };
  const lot = lotSizeSchema.safeParse(s.data.filters.find((f) => f.filterType === 'LOT_SIZE'));
  if (!lot.success) return { symbol: name, reason: `LOT_SIZE ${describe(lot.error)}` };
  const tickSize = Number(price.data.tickSize);
  const stepSize = Number(lot.data.stepSize);
  if (!(tickSize > 0) || !(stepSize > 0)) return { symbol: name, reason: 'tickSize and stepSize must be positive' };
  const { symbol, status, baseAsset, quoteAsset } = s.data;
  return { symbol, status, baseAsset, quoteAsset, tickSize, stepSize, tickSizeRaw: price.data.tickSize, stepSizeRaw: lot.data.stepSize };
}

/**
 * GET /api/v3/exchangeInfo body → symbols. A symbol whose entry or filters do
 * not parse is skipped with its reason (one odd listing must not hide the other
 * thousands); a body without a `symbols` array throws.
 */
export function parseExchangeInfo(data: unknown): ParsedExchangeInfo {
  const body = exchangeInfoSchema.safeParse(data);
  if (!body.success) throw new BinanceParseError(`exchangeInfo response: ${describe(body.error)}`);
  const symbols: BinanceSymbolInfo[] = [];
  const skipped: SkippedSymbol[] = [];
  for (const raw of body.data.symbols) {
    const info = symbolInfo(raw);
    if ('reason' in info) skipped.push(info);
    else symbols.push(info);
  }
  return { symbols, skipped };
}
