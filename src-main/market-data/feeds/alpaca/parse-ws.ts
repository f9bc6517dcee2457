import { z } from 'zod';
import { bar, MAX_PRICE, MAX_VOLUME, type Bar } from '../../../../shared/domain/bar';
import type { EpochMs } from '../../../../shared/domain/epoch';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import type { Trade } from '../../../../shared/domain/trade';
import { parseRfc3339 } from './parse-time';
import { snapPrice } from './price-grid';

/**
 * The only place stock-stream payloads become domain types (PROTOCOLS.md
 * "Alpaca"; Alpaca's "Real-time stock pricing data"). A frame is a JSON array
 * of messages keyed by "T"; each message is parsed on its own, so one bad
 * message never hides its neighbours. Never throws.
 */

/** The channels Tapedeck subscribes to. */
export const STREAM_CHANNELS = ['trades', 'quotes', 'bars', 'updatedBars'] as const;
export type StreamChannel = (typeof STREAM_CHANNELS)[number];

export type StreamItem =
  /** [{"T":"success","msg":"connected"}], then "authenticated". */
  | { readonly kind: 'success'; readonly msg: string }
  /** [{"T":"error","code":402,"msg":"auth failed"}] and the other documented codes. */
  | { readonly kind: 'error'; readonly code: number; readonly msg: string }
  /** The whole current subscription after every (un)subscribe. */
  | { readonly kind: 'subscription'; readonly channels: Readonly<Record<StreamChannel, readonly string[]>> }
  | { readonly kind: 'trade'; readonly symbol: string; readonly trade: Trade }
  | { readonly kind: 'quote'; readonly symbol: string; readonly bid: number; readonly ask: number; readonly bidSize: number; readonly askSize: number; readonly time: EpochMs }
  /** A minute bar (`b`, final when its minute is over) or an updated one (`u`, late trades). */
  | { readonly kind: 'bar'; readonly symbol: string; readonly channel: 'bars' | 'updatedBars'; readonly bar: Bar }
  /** Documented but not used (daily bars, statuses, LULD, corrections, cancel errors, imbalances), or a one-sided quote. */
  | { readonly kind: 'ignored'; readonly type: string };

export const WS_FAILURE_KINDS = ['not-json', 'not-array', 'no-type', 'unknown-type', 'bad-trade', 'bad-quote', 'bad-bar', 'bad-control'] as const;
export type WsFailureKind = (typeof WS_FAILURE_KINDS)[number];

export interface WsFailure {
  readonly kind: WsFailureKind;
  readonly detail: string;
}

export interface ParsedFrame {
  readonly items: StreamItem[];
  readonly failures: WsFailure[];
}

/** Message types the stock stream documents that Tapedeck does not use. */
const IGNORED_TYPES = new Set(['d', 's', 'l', 'c', 'x', 'i', 'o', 'n']);
const SYMBOL = /^[A-Z][A-Z0-9.]{0,15}$/;

const price = z.number().positive().max(MAX_PRICE);
const size = z.number().positive().max(MAX_VOLUME);
const symbolText = z.string().regex(SYMBOL, 'not a stock symbol');
const time = z.string().max(40).refine((t) => parseRfc3339(t) !== null, 'not an RFC 3339 time');
const tradeSchema = z.looseObject({ S: symbolText, i: z.number().int().nonnegative(), x: z.string().max(4), p: price, s: size, t: time });
const quoteSchema = z.looseObject({ S: symbolText, bp: z.number().nonnegative(), bs: z.number().nonnegative(), ap: z.number().nonnegative(), as: z.number().nonnegative(), t: time });
const barSchema = z.looseObject({
  S: symbolText,
  o: price,
  h: price,
  l: price,
  c: price,
  v: z.number().nonnegative().max(MAX_VOLUME),
  t: time,
  n: z.number().int().nonnegative().optional(),
});
const errorSchema = z.looseObject({ code: z.number().int(), msg: z.string().max(500) });
const successSchema = z.looseObject({ msg: z.string().max(500) });
const channelList = z.array(symbolText.or(z.literal('*'))).max(100_000).optional();
const subscriptionSchema = z.looseObject({ trades: channelList, quotes: channelList, bars: channelList, updatedBars: channelList });

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  return first === undefined ? 'invalid' : `${first.path.join('.') || '(root)'}: ${first.message}`;
}

/**
 * Alpaca trade ids are unique per exchange, not per symbol across a SIP
 * feed's exchanges; the candle builder drops a repeated id. The exchange code
 * (A-Z → 1-26) is folded into the id while that stays a safe integer.
 */
export function tradeId(id: number, exchange: string): number {
  const code = exchange.length === 1 ? exchange.charCodeAt(0) - 64 : 0;
  const folded = id * 32 + (code >= 1 && code <= 26 ? code : 0);
  return Number.isSafeInteger(folded) ? folded : id;
}

/** The hot path: a trade exactly as Alpaca sends it, checked by hand, field for field what tradeSchema accepts. */
function fastTrade(m: Record<string, unknown>): StreamItem | undefined {
  const { S, i, x, p, s, t } = m;
  if (typeof S !== 'string' || !SYMBOL.test(S) || typeof x !== 'string' || x.length > 4 || typeof t !== 'string' || t.length > 40) return undefined;
  if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0) return undefined;
  if (typeof p !== 'number' || !(p > 0 && p <= MAX_PRICE) || typeof s !== 'number' || !(s > 0 && s <= MAX_VOLUME)) return undefined;
  const at = parseRfc3339(t);
  if (at === null) return undefined;
  const snapped = snapPrice(p);
  if (!(snapped > 0)) return undefined;
  return { kind: 'trade', symbol: S, trade: { id: tradeId(i, x), time: at as EpochMs, price: snapped, size: s } };
}

function parseTrade(m: Record<string, unknown>): StreamItem | WsFailure {
  const fast = fastTrade(m);
  if (fast !== undefined) return fast;
  const r = tradeSchema.safeParse(m);
  if (!r.success) return { kind: 'bad-trade', detail: issue(r.error) };
  return { kind: 'bad-trade', detail: 'price rounds to zero' };
}

function parseQuote(m: Record<string, unknown>): StreamItem | WsFailure {
  const r = quoteSchema.safeParse(m);
  if (!r.success) return { kind: 'bad-quote', detail: issue(r.error) };
  const { S, bp, bs, ap, as, t } = r.data;
  const bid = snapPrice(bp);
  const ask = snapPrice(ap);
  // No bid or no ask (pre-market, a halt), or crossed: not a quote the bid/ask matrix can show.
  if (!(bid > 0) || !(ask > 0) || ask < bid) return { kind: 'ignored', type: 'q' };
  return { kind: 'quote', symbol: S, bid, ask, bidSize: bs, askSize: as, time: (parseRfc3339(t) ?? 0) as EpochMs };
}

function parseBar(m: Record<string, unknown>, type: 'b' | 'u'): StreamItem | WsFailure {
  const r = barSchema.safeParse(m);
  if (!r.success) return { kind: 'bad-bar', detail: issue(r.error) };
  const { S, o, h, l, c, v, t, n } = r.data;
  const open = parseRfc3339(t) ?? 0;
  if (open % MINUTE_MS !== 0) return { kind: 'bad-bar', detail: `t: ${t} is not a whole UTC minute` };
  const [po, ph, pl, pc] = [snapPrice(o), snapPrice(h), snapPrice(l), snapPrice(c)];
  if (ph < Math.max(po, pc, pl) || pl > Math.min(po, pc) || !(pl > 0)) return { kind: 'bad-bar', detail: 'high/low do not bound open and close' };
  return { kind: 'bar', symbol: S, channel: type === 'b' ? 'bars' : 'updatedBars', bar: bar(open, po, ph, pl, pc, v, n ?? 0, true) };
}

function parseControl(m: Record<string, unknown>, type: string): StreamItem | WsFailure {
  if (type === 'success') {
    const r = successSchema.safeParse(m);
    return r.success ? { kind: 'success', msg: r.data.msg } : { kind: 'bad-control', detail: issue(r.error) };
  }
  if (type === 'error') {
    const r = errorSchema.safeParse(m);
    return r.success ? { kind: 'error', code: r.data.code, msg: r.data.msg } : { kind: 'bad-control', detail: issue(r.error) };
  }
  const r = subscriptionSchema.safeParse(m);
  if (!r.success) return { kind: 'bad-control', detail: issue(r.error) };
  const d = r.data;
  return { kind: 'subscription', channels: { trades: d.trades ?? [], quotes: d.quotes ?? [], bars: d.bars ?? [], updatedBars: d.updatedBars ?? [] } };
}

function parseMessage(value: unknown): StreamItem | WsFailure {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'no-type', detail: `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}` };
  const m = value as Record<string, unknown>;
  const type = m['T'];
  if (typeof type !== 'string') return { kind: 'no-type', detail: `keys ${Object.keys(m).slice(0, 5).join(',')}` };
  switch (type) {
    case 't':
      return parseTrade(m);
    case 'q':
      return parseQuote(m);
    case 'b':
    case 'u':
      return parseBar(m, type);
    case 'success':
    case 'error':
    case 'subscription':
      return parseControl(m, type);
    default:
      return IGNORED_TYPES.has(type) ? { kind: 'ignored', type } : { kind: 'unknown-type', detail: JSON.stringify(type).slice(0, 20) };
  }
}

const isFailure = (x: StreamItem | WsFailure): x is WsFailure => (WS_FAILURE_KINDS as readonly string[]).includes(x.kind);

/** Parses one text frame of the stock stream. */
export function parseStreamFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { items: [], failures: [{ kind: 'not-json', detail: text.slice(0, 40) }] };
  }
  if (!Array.isArray(value)) return { items: [], failures: [{ kind: 'not-array', detail: `a JSON ${value === null ? 'null' : typeof value}` }] };
  const items: StreamItem[] = [];
  const failures: WsFailure[] = [];
  for (const element of value) {
    const parsed = parseMessage(element);
    if (isFailure(parsed)) failures.push({ kind: parsed.kind, detail: parsed.detail.slice(0, 200) });
    else items.push(parsed);
  }
  return { items, failures };
}
