import { z } from 'zod';
import { parseRfc3339 } from '../../../market-data/feeds/alpaca/parse-time';
import { cleanAmount } from '../../../../shared/trading/decimal-steps';

/**
 * The only place Alpaca's trading payloads become Tapedeck's types
 * (PROTOCOLS.md "Alpaca"): orders (with their bracket/OCO legs), positions,
 * the account and trade_updates events. Decimal strings ("179.08") become
 * numbers, RFC 3339 times epoch ms; every payload is checked whole, and a
 * bad one is an AlpacaTradingParseError naming the field.
 */

export class AlpacaTradingParseError extends Error {
  override readonly name = 'AlpacaTradingParseError';
}

/** A decimal as Alpaca sends it (a string; a JSON number tolerated). */
const decimal = z.union([z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'a decimal'), z.number()]).transform((v) => cleanAmount(Number(v)));
const optionalDecimal = decimal.nullish().transform((v) => v ?? null);
const time = z
  .string()
  .max(40)
  .transform((t, ctx) => {
    const ms = parseRfc3339(t);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `not an RFC 3339 time (${JSON.stringify(t)})` });
      return z.NEVER;
    }
    return ms;
  });
const optionalTime = time.nullish().transform((v) => v ?? null);
const text = (max: number) => z.string().max(max);

/** Alpaca's order statuses (trade_updates events are named apart: order-event). */
export const ALPACA_ORDER_STATUSES = [
  'new',
  'partially_filled',
  'filled',
  'done_for_day',
  'canceled',
  'expired',
  'replaced',
  'pending_cancel',
  'pending_replace',
  'accepted',
  'pending_new',
  'accepted_for_bidding',
  'stopped',
  'rejected',
  'suspended',
  'calculated',
  'held',
] as const;
export type AlpacaOrderStatus = (typeof ALPACA_ORDER_STATUSES)[number];

/** An Alpaca order as Tapedeck reads it. */
export interface AlpacaOrder {
  readonly id: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly assetClass: string;
  readonly side: 'buy' | 'sell';
  /** null for a notional order (Tapedeck never sends one). */
  readonly qty: number | null;
  readonly type: string;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly tif: string;
  readonly status: AlpacaOrderStatus;
  readonly filledQty: number;
  readonly filledAvgPrice: number | null;
  /** "" / simple / bracket / oco / oto / mleg. */
  readonly orderClass: string;
  readonly legs: readonly AlpacaOrder[];
  readonly replaces: string | null;
  readonly replacedBy: string | null;
  readonly createdAt: number;
  /** What orders two snapshots of one order (updated_at, else created_at). */
  readonly updatedAt: number;
  readonly filledAt: number | null;
}

interface RawOrder {
  readonly id: string;
  readonly client_order_id: string;
  readonly symbol: string;
  readonly asset_class?: string | null | undefined;
  readonly side: 'buy' | 'sell';
  readonly qty: number | null;
  readonly type?: string | null | undefined;
  readonly order_type?: string | null | undefined;
  readonly limit_price: number | null;
  readonly stop_price: number | null;
  readonly time_in_force: string;
  readonly status: AlpacaOrderStatus;
  readonly filled_qty: number;
  readonly filled_avg_price: number | null;
  readonly order_class?: string | null | undefined;
  readonly legs?: readonly RawOrder[] | null | undefined;
  readonly replaces?: string | null | undefined;
  readonly replaced_by?: string | null | undefined;
  readonly created_at: number;
  readonly updated_at: number | null;
  readonly filled_at: number | null;
}

const rawOrderSchema: z.ZodType<RawOrder> = z.lazy(() =>
  z.looseObject({
    id: text(64).min(1),
    client_order_id: text(128),
    symbol: text(32).min(1),
    asset_class: text(32).nullish(),
    side: z.enum(['buy', 'sell']),
    qty: optionalDecimal,
    type: text(32).nullish(),
    order_type: text(32).nullish(),
    limit_price: optionalDecimal,
    stop_price: optionalDecimal,
    time_in_force: text(16),
    status: z.enum(ALPACA_ORDER_STATUSES),
    filled_qty: decimal,
    filled_avg_price: optionalDecimal,
    order_class: text(16).nullish(),
    legs: z.array(rawOrderSchema).max(4).nullish(),
    replaces: text(64).nullish(),
    replaced_by: text(64).nullish(),
    created_at: time,
    updated_at: optionalTime,
    filled_at: optionalTime,
  }),
);

function toOrder(r: RawOrder): AlpacaOrder {
  return {
    id: r.id,
    clientOrderId: r.client_order_id,
    symbol: r.symbol,
    assetClass: r.asset_class ?? 'us_equity',
    side: r.side,
    qty: r.qty,
    type: r.type ?? r.order_type ?? 'market',
    limitPrice: r.limit_price,
    stopPrice: r.stop_price,
    tif: r.time_in_force,
    status: r.status,
    filledQty: r.filled_qty,
    filledAvgPrice: r.filled_avg_price,
    orderClass: r.order_class ?? '',
    legs: (r.legs ?? []).map(toOrder),
    replaces: r.replaces ?? null,
    replacedBy: r.replaced_by ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? r.created_at,
    filledAt: r.filled_at,
  };
}

function describe(what: string, error: z.ZodError): AlpacaTradingParseError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || '(root)';
  return new AlpacaTradingParseError(`${what}, field ${field}: ${issue?.message ?? 'invalid'}`);
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw describe(what, r.error);
  return r.data;
}

export function parseOrder(data: unknown): AlpacaOrder {
  return toOrder(parseWith(rawOrderSchema, data, 'Alpaca order'));
}

export function parseOrders(data: unknown): AlpacaOrder[] {
  return parseWith(z.array(rawOrderSchema).max(10_000), data, 'Alpaca orders').map(toOrder);
}

/** An Alpaca position: signed quantity (short below zero), average entry price. */
export interface AlpacaPosition {
  readonly symbol: string;
  readonly assetClass: string;
  readonly qty: number;
  readonly avgEntryPrice: number;
}

const positionSchema = z.looseObject({
  symbol: text(32).min(1),
  asset_class: text(32).nullish(),
  qty: decimal,
  side: z.enum(['long', 'short']).nullish(),
  avg_entry_price: decimal,
});

export function parsePositions(data: unknown): AlpacaPosition[] {
  return parseWith(z.array(positionSchema).max(10_000), data, 'Alpaca positions').map((p) => ({
    symbol: p.symbol,
    assetClass: p.asset_class ?? 'us_equity',
    qty: p.side === 'short' ? -Math.abs(p.qty) : p.side === 'long' ? Math.abs(p.qty) : p.qty,
    avgEntryPrice: p.avg_entry_price,
  }));
}

/** What Tapedeck shows of the Alpaca account: its money (Alpaca's own figures). */
export interface AlpacaAccount {
  readonly status: string;
  readonly currency: string;
  readonly cash: number;
  readonly buyingPower: number;
  readonly equity: number;
}

const accountSchema = z.looseObject({
  status: text(32),
  currency: text(8).nullish(),
  cash: decimal,
  buying_power: decimal,
  equity: decimal,
});

export function parseAccount(data: unknown): AlpacaAccount {
  const a = parseWith(accountSchema, data, 'Alpaca account');
  return { status: a.status, currency: a.currency ?? 'USD', cash: a.cash, buyingPower: a.buying_power, equity: a.equity };
}

/** One trade_updates event: the order as it now is, and on a fill the fill itself. */
export interface AlpacaTradeUpdate {
  readonly event: string;
  readonly order: AlpacaOrder;
  /** On fill / partial_fill. */
  readonly fill: { readonly executionId: string; readonly qty: number; readonly price: number; readonly time: number; readonly positionQty: number | null } | null;
  readonly time: number | null;
}

const fillEvents = new Set(['fill', 'partial_fill']);

const updateSchema = z.looseObject({
  event: text(40).min(1),
  order: rawOrderSchema,
  execution_id: text(128).nullish(),
  price: optionalDecimal,
  qty: optionalDecimal,
  position_qty: optionalDecimal,
  timestamp: optionalTime,
});

/**
 * The `data` of a trade_updates frame. A fill without its execution id,
 * price or quantity is refused (Tapedeck records fills by Alpaca's execution id).
 */
export function parseTradeUpdate(data: unknown): AlpacaTradeUpdate {
  const u = parseWith(updateSchema, data, 'trade update');
  const order = toOrder(u.order);
  if (!fillEvents.has(u.event)) return { event: u.event, order, fill: null, time: u.timestamp };
  if (u.execution_id == null || u.execution_id === '' || u.qty === null || u.price === null || !(u.qty > 0) || !(u.price > 0)) {
    throw new AlpacaTradingParseError(`trade update ${u.event} of order ${order.id}: a fill needs execution_id, a positive qty and price`);
  }
  return {
    event: u.event,
    order,
    fill: { executionId: u.execution_id, qty: u.qty, price: u.price, time: u.timestamp ?? order.updatedAt, positionQty: u.position_qty },
    time: u.timestamp,
  };
}
