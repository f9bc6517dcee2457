import { z } from 'zod';
import { bar, MAX_PRICE, MAX_VOLUME, type Bar } from '../../../../shared/domain/bar';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import { AlpacaParseError } from './alpaca-errors';
import { parseRfc3339 } from './parse-time';
import { snapPrice } from './price-grid';

/**
 * The only place Alpaca market-data REST payloads become domain types
 * (PROTOCOLS.md "Alpaca": GET /v2/stocks/{symbol}/bars →
 * {"bars":[{"t","o","h","l","c","v","n","vw"}],"symbol","next_page_token"}).
 * Prices arrive as JSON numbers and are snapped to the price grid here.
 */

const price = z.number().positive().max(MAX_PRICE).transform(snapPrice).pipe(z.number().positive());
const rawBarSchema = z.looseObject({
  t: z.string().max(40),
  o: price,
  h: price,
  l: price,
  c: price,
  v: z.number().nonnegative().max(MAX_VOLUME),
  n: z.number().int().nonnegative().optional(),
  vw: z.number().nonnegative().optional(),
});
/** `bars` is null (not []) when Alpaca has none in the range. */
const pageSchema = z.looseObject({
  bars: z.array(z.unknown()).nullable().optional(),
  next_page_token: z.string().max(512).nullable().optional(),
});

export interface BarsPage {
  readonly bars: Bar[];
  /** The token for the next page, or null on the last one. */
  readonly next: string | null;
}

function describe(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.map(String).join('.') || '(root)', message: issue?.message ?? 'invalid' };
}

/** One bar → a 1m domain bar; final once its minute closed before `finalBefore`. */
function oneBar(raw: unknown, index: number, finalBefore: number): Bar {
  const r = rawBarSchema.safeParse(raw);
  if (!r.success) {
    const { field, message } = describe(r.error);
    throw new AlpacaParseError(`bar ${String(index)}, field ${field}: ${message}`, index, field);
  }
  const { t, o, h, l, c, v, n } = r.data;
  const time = parseRfc3339(t);
  if (time === null) throw new AlpacaParseError(`bar ${String(index)}, field t: not an RFC 3339 time (${JSON.stringify(t)})`, index, 't');
  if (time % MINUTE_MS !== 0) throw new AlpacaParseError(`bar ${String(index)}, field t: ${t} is not a whole UTC minute`, index, 't');
  if (h < Math.max(o, c, l)) throw new AlpacaParseError(`bar ${String(index)}, field h: high is below open, low or close`, index, 'h');
  if (l > Math.min(o, c)) throw new AlpacaParseError(`bar ${String(index)}, field l: low is above open or close`, index, 'l');
  return bar(time, o, h, l, c, v, n ?? 0, time + MINUTE_MS <= finalBefore);
}

/**
 * A bars page → 1m bars and the next page token. `finalBefore` is the
 * instant a minute must have closed by to count as final (the request's time
 * less a margin). A bad bar throws an AlpacaParseError naming its index and field.
 */
export function parseBarsPage(data: unknown, finalBefore: number): BarsPage {
  const page = pageSchema.safeParse(data);
  if (!page.success) {
    const { field, message } = describe(page.error);
    throw new AlpacaParseError(`bars response, ${field}: ${message}`);
  }
  const raws = page.data.bars ?? [];
  const next = page.data.next_page_token ?? null;
  return { bars: raws.map((raw, i) => oneBar(raw, i, finalBefore)), next: next === '' ? null : next };
}

/** Alpaca's error body: {"code":40010001,"message":"invalid symbol: ZZZZ"} (code absent on some 401/403s). */
export interface AlpacaErrorBody {
  readonly code: number | null;
  readonly message: string;
}

const errorBodySchema = z.looseObject({ code: z.number().int().optional(), message: z.string().max(1000) });

/** The error body of a failed response, or undefined when it is something else (HTML, empty). */
export function parseErrorBody(data: unknown): AlpacaErrorBody | undefined {
  const parsed = errorBodySchema.safeParse(data);
  return parsed.success ? { code: parsed.data.code ?? null, message: parsed.data.message } : undefined;
}
