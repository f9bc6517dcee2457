import { z } from 'zod';
import { MAX_PRICE } from '../domain/bar';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { exitInputSchema, exitSpecSchema } from './exit-spec';

export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit'] as const;
export const orderTypeSchema = z.enum(ORDER_TYPES);
export type OrderType = z.infer<typeof orderTypeSchema>;

export const TIME_IN_FORCE = ['day', 'gtc', 'ioc'] as const;
export const timeInForceSchema = z.enum(TIME_IN_FORCE);
export type TimeInForce = z.infer<typeof timeInForceSchema>;

export const sideSchema = z.enum(['buy', 'sell']);
export type Side = z.infer<typeof sideSchema>;

/**
 * An order's life (the state machine is src-main/trading/orders/order-machine.ts):
 * new → accepted → partially_filled → filled | canceled | rejected | expired,
 * with pending_cancel / pending_replace while a change is in flight. `held`:
 * an exit that is not live yet (armed when its entry fills).
 */
export const ORDER_STATUSES = ['held', 'new', 'accepted', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'pending_cancel', 'pending_replace'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export const FINAL_STATUSES: readonly OrderStatus[] = ['filled', 'canceled', 'rejected', 'expired'];

/** What an order is for: an entry, the exits armed on its fill, or a leg of a stand-alone OCO pair. */
export const orderRoleSchema = z.enum(['entry', 'take_profit', 'stop_loss', 'oco_leg']);
export type OrderRole = z.infer<typeof orderRoleSchema>;

const price = z.number().positive().max(MAX_PRICE);
/** ≤ 48 characters (Alpaca's limit), letters, digits and . _ : - */
export const clientOrderIdSchema = z.string().min(1).max(48).regex(/^[A-Za-z0-9._:-]+$/, 'a client order id is 1-48 characters: letters, digits, ".", "_", ":" or "-"');

/** The fields of an order request, before the rules that tie them together (the HTTP API's body derives from them). */
export const orderRequestFields = z.object({
  accountId: z.string().min(1).max(64),
  clientOrderId: clientOrderIdSchema.optional(),
  source: sourceSchema,
  symbol: symbolSchema,
  side: sideSchema,
  qty: z.number().positive().max(1e12),
  type: orderTypeSchema.default('market'),
  limitPrice: price.optional(),
  stopPrice: price.optional(),
  tif: timeInForceSchema.default('day'),
  takeProfit: exitInputSchema.optional(),
  stopLoss: exitInputSchema.optional(),
  /** Place it even while the symbol's data is stale or its feed is DEGRADED (the data gate). */
  overrideDataGate: z.boolean().default(false),
  /** The setup or signal it acts on (journaled with the trade). */
  setup: z.string().min(1).max(64).optional(),
});

/** The refinement every order request passes: a limit needs its limit price, a stop its stop price, and nothing else. */
export function refineOrderPrices(o: { type: OrderType; limitPrice?: number | undefined; stopPrice?: number | undefined }, ctx: z.RefinementCtx): void {
  const needs = (field: 'limitPrice' | 'stopPrice', yes: boolean): void => {
    if (yes && o[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `a ${o.type} order needs ${field}` });
    if (!yes && o[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `a ${o.type} order has no ${field}` });
  };
  needs('limitPrice', o.type === 'limit' || o.type === 'stop_limit');
  needs('stopPrice', o.type === 'stop' || o.type === 'stop_limit');
}

/**
 * An order as a trader places it: side, quantity, type, prices, time in
 * force, and the exits armed when it fills — a take-profit and/or a stop,
 * each a price or a distance (OTO with one, a bracket with both: one cancels
 * the other). The client order id makes a retry safe: the same id with the
 * same contents is the same order; with other contents it is refused.
 */
export const orderRequestSchema = orderRequestFields.strict().superRefine(refineOrderPrices);
export type OrderRequest = z.output<typeof orderRequestSchema>;
export type OrderRequestInput = z.input<typeof orderRequestSchema>;

/** An order as Tapedeck holds it. */
export const orderSchema = z.object({
  id: z.string(),
  clientOrderId: clientOrderIdSchema,
  accountId: z.string(),
  source: sourceSchema,
  symbol: symbolSchema,
  side: sideSchema,
  qty: z.number().positive(),
  type: orderTypeSchema,
  limitPrice: z.number().positive().nullable(),
  stopPrice: z.number().positive().nullable(),
  tif: timeInForceSchema,
  status: orderStatusSchema,
  filledQty: z.number().nonnegative(),
  avgFillPrice: z.number().positive().nullable(),
  role: orderRoleSchema,
  /** The entry an exit belongs to. */
  parentId: z.string().nullable(),
  /** Orders that cancel each other (a bracket's exits, an OCO pair). */
  ocoGroup: z.string().nullable(),
  /** For an entry: the exits to arm on its fill. */
  takeProfit: exitSpecSchema.nullable(),
  stopLoss: exitSpecSchema.nullable(),
  setup: z.string().nullable(),
  rejectReason: z.string().nullable(),
  broker: z.enum(['paper', 'alpaca']),
  brokerOrderId: z.string().nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Order = z.infer<typeof orderSchema>;
