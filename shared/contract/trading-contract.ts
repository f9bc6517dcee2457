import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { accountSchema, feeScheduleSchema, riskSettingsSchema } from '../trading/account';
import { auditEntrySchema, auditKindSchema } from '../trading/audit';
import { executionSchema } from '../trading/execution';
import { ocoRequestSchema } from '../trading/oco-request';
import { orderRequestSchema, orderSchema } from '../trading/order';
import { positionSchema } from '../trading/position';
import { quoteSchema } from '../trading/quote';
import { event, method, noParams } from './define';

const accountId = z.string().min(1).max(64);
const orderRef = z
  .object({ accountId, id: z.string().min(1).max(64).optional(), clientOrderId: z.string().min(1).max(48).optional() })
  .strict()
  .refine((r) => (r.id === undefined) !== (r.clientOrderId === undefined), { message: 'give id or clientOrderId', path: ['id'] });

export const killSwitchSchema = z.object({
  engaged: z.boolean(),
  since: epochMsSchema.nullable(),
  /** What the last engagement did: working orders canceled, positions flattened. */
  canceled: z.number().int().nonnegative(),
  flattened: z.number().int().nonnegative(),
});
export type KillSwitchState = z.infer<typeof killSwitchSchema>;

export const tradingMethods = {
  'accounts.list': method({ description: 'The accounts (paper: several side by side), with cash now.', params: noParams, result: z.array(accountSchema) }),
  'accounts.create': method({
    description: 'A new paper account with its starting cash, currency, fees and risk limits.',
    params: z
      .object({
        name: z.string().trim().min(1).max(64),
        startingCash: z.number().positive().max(1e12).default(1_000),
        currency: z.enum(['USD', 'USDT']).default('USD'),
        fees: feeScheduleSchema.default(feeScheduleSchema.parse({})),
        risk: riskSettingsSchema.default(riskSettingsSchema.parse({})),
      })
      .strict(),
    result: accountSchema,
  }),
  'accounts.reset': method({
    description: 'Cancels the account’s working orders, forgets its positions and fills’ effect on cash, and starts it again from its starting cash (its history stays in the audit log and the journal).',
    params: z.object({ id: accountId, startingCash: z.number().positive().max(1e12).optional() }).strict(),
    result: accountSchema,
  }),
  'accounts.select': method({ description: 'Makes an account the active one (the ticket sends to it).', params: z.object({ id: accountId }).strict(), result: accountSchema }),
  'orders.place': method({
    description: 'Places an order through the risk manager (refused with the rule that said no); entries carry the exits armed when they fill. Idempotent by clientOrderId.',
    params: orderRequestSchema,
    result: orderSchema,
  }),
  'orders.placeOco': method({
    description: 'A stand-alone OCO pair closing a position: a limit (take-profit) and a stop; one fill cancels the other.',
    params: ocoRequestSchema,
    result: z.array(orderSchema),
  }),
  'orders.cancel': method({ description: 'Cancels a working order (and its bracket sibling); an entry’s held exits go with it.', params: orderRef, result: orderSchema }),
  'orders.replace': method({
    description: 'Changes a working order’s quantity or prices (a take-profit line dragged on the chart).',
    params: z
      .object({ accountId, id: z.string().min(1).max(64), qty: z.number().positive().optional(), limitPrice: z.number().positive().optional(), stopPrice: z.number().positive().optional() })
      .strict(),
    result: orderSchema,
  }),
  'orders.list': method({
    description: 'Orders of an account, newest first: the working ones (and held exits), or all.',
    params: z.object({ accountId, status: z.enum(['working', 'all']).default('working'), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    result: z.array(orderSchema),
  }),
  'positions.list': method({ description: 'Positions of an account since its last reset, derived from its fills: open ones first, then closed ones (their realised P&L and fees).', params: z.object({ accountId }).strict(), result: z.array(positionSchema) }),
  'positions.flatten': method({
    description: 'Closes a position at market (or every position of the account), canceling its working orders first.',
    params: z.object({ accountId, source: sourceSchema.optional(), symbol: symbolSchema.optional() }).strict(),
    result: z.array(orderSchema),
  }),
  'fills.list': method({
    description: 'Fills of an account, newest first.',
    params: z.object({ accountId, from: epochMsSchema.optional(), to: epochMsSchema.optional(), limit: z.number().int().min(1).max(10_000).default(500) }).strict(),
    result: z.array(executionSchema),
  }),
  'risk.get': method({ description: 'An account’s risk limits and the kill switch.', params: z.object({ accountId }).strict(), result: z.object({ risk: riskSettingsSchema, killSwitch: killSwitchSchema }) }),
  'risk.set': method({ description: 'Changes risk limits (all of the patch, or none of it).', params: z.object({ accountId, patch: riskSettingsSchema.partial().strict() }).strict(), result: riskSettingsSchema }),
  'risk.killSwitch': method({
    description: 'Engaged: cancels every working order, flattens every position, refuses new entries until released. Released: entries are allowed again.',
    params: z.object({ engage: z.boolean() }).strict(),
    result: killSwitchSchema,
  }),
  'audit.list': method({
    description: 'The audit log, newest first, filtered.',
    params: z
      .object({ kinds: z.array(auditKindSchema).optional(), accountId: accountId.optional(), symbol: symbolSchema.optional(), text: z.string().max(100).optional(), limit: z.number().int().min(1).max(10_000).default(500) })
      .strict(),
    result: z.array(auditEntrySchema),
  }),
};

export const tradingEvents = {
  'quotes.updates': event({
    description: 'Bid, ask and last of one instrument: the latest now, then every change (coalesced per frame for slow clients).',
    params: z.object({ source: sourceSchema, symbol: symbolSchema }).strict(),
    payload: quoteSchema,
  }),
  'orders.updates': event({ description: 'Every order change of every account (working orders first).', params: noParams, payload: orderSchema }),
  'fills.updates': event({ description: 'Every new fill.', params: noParams, payload: executionSchema }),
  'positions.updates': event({ description: 'An account’s positions after every change (the full list, as positions.list).', params: noParams, payload: z.object({ accountId: z.string(), positions: z.array(positionSchema) }) }),
  'accounts.updates': event({ description: 'Accounts after every change (cash, reset, limits), and which one is active.', params: noParams, payload: z.object({ accounts: z.array(accountSchema), activeId: z.string().nullable(), killSwitch: killSwitchSchema }) }),
  'audit.updates': event({ description: 'New audit log entries.', params: noParams, payload: auditEntrySchema }),
};
