import { z } from 'zod';
import { sourceSchema } from '../../../../shared/domain/source';
import { orderRequestFields } from '../../../../shared/trading/order';
import type { ApiContext, ApiRoute, RouteInput } from './api-route';

/** An order as a program posts it: the account defaults to the active one, the source to the symbol's live feed. */
const orderBodySchema = orderRequestFields.extend({ accountId: z.string().min(1).max(64).optional(), source: sourceSchema.optional() }).strict();

/** The account a request names (body or query), else the active one. */
function accountOf(named: unknown, ctx: ApiContext): unknown {
  return named ?? ctx.activeAccountId() ?? undefined;
}

/** A query value as a number when it is one ("500" → 500); anything else is passed on for the contract to refuse by name. */
function numberOr(v: string | null): unknown {
  if (v === null) return undefined;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function query({ query: q, ctx }: RouteInput, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { accountId: accountOf(q.get('accountId') ?? undefined, ctx) };
  for (const name of names) {
    const v = q.get(name);
    if (v !== null) out[name] = name === 'status' || name === 'text' || name === 'symbol' ? v : numberOr(v);
  }
  return out;
}

/**
 * Paper trading as JSON over HTTP (`tapedeck serve`), for scripts and agents:
 * the same methods, and so the same validation and risk manager, as the
 * workstation. Paper only — no route can reach a live broker.
 */
export const TRADING_ROUTES: readonly ApiRoute[] = [
  { verb: 'GET', path: '/api/accounts', method: 'accounts.list', summary: 'The accounts with their cash', body: false, params: () => ({}) },
  {
    verb: 'POST',
    path: '/api/orders',
    method: 'orders.place',
    summary: 'Places an order through the risk manager: {symbol, side, qty, type, limitPrice?, stopPrice?, takeProfit?, stopLoss?, clientOrderId?}; the active account and the symbol’s live feed unless named',
    body: true,
    status: 201,
    bodySchema: orderBodySchema,
    params: ({ body, ctx }) => {
      const symbol = typeof body['symbol'] === 'string' ? body['symbol'].trim().toUpperCase() : '';
      return { ...body, accountId: accountOf(body['accountId'], ctx), source: body['source'] ?? ctx.defaultSource(symbol) ?? undefined };
    },
  },
  { verb: 'GET', path: '/api/orders', method: 'orders.list', summary: 'Working orders (status=all for every order), newest first', body: false, query: ['accountId', 'status', 'limit'], params: (input) => query(input, ['status', 'limit']) },
  {
    verb: 'DELETE',
    path: '/api/orders/:id',
    method: 'orders.cancel',
    summary: 'Cancels a working order (with its bracket)',
    body: false,
    query: ['accountId'],
    params: ({ path, query: q, ctx }) => ({ accountId: accountOf(q.get('accountId') ?? undefined, ctx), id: path['id'] }),
  },
  { verb: 'GET', path: '/api/positions', method: 'positions.list', summary: 'Positions: open ones first, then closed ones since the last reset', body: false, query: ['accountId'], params: (input) => query(input, []) },
  {
    verb: 'POST',
    path: '/api/positions/flatten',
    method: 'positions.flatten',
    summary: 'Closes a position at market ({symbol, source?}), or every position ({})',
    body: true,
    params: ({ body, ctx }) => ({ ...body, accountId: accountOf(body['accountId'], ctx) }),
  },
  { verb: 'GET', path: '/api/fills', method: 'fills.list', summary: 'Fills, newest first', body: false, query: ['accountId', 'from', 'to', 'limit'], params: (input) => query(input, ['from', 'to', 'limit']) },
  {
    verb: 'POST',
    path: '/api/kill-switch',
    method: 'risk.killSwitch',
    summary: 'Engages the kill switch ({} or {"engage": true}): cancels every working order, flattens every position, refuses entries; {"engage": false} releases it',
    body: true,
    params: ({ body }) => ({ engage: true, ...body }),
  },
  { verb: 'GET', path: '/api/risk', method: 'risk.get', summary: 'The account’s risk limits and the kill switch', body: false, query: ['accountId'], params: (input) => query(input, []) },
  {
    verb: 'POST',
    path: '/api/risk',
    method: 'risk.set',
    summary: 'Changes risk limits: {"patch": {...}} (all of it or none)',
    body: true,
    params: ({ body, ctx }) => ({ ...body, accountId: accountOf(body['accountId'], ctx) }),
  },
  { verb: 'GET', path: '/api/audit', method: 'audit.list', summary: 'The audit log, newest first', body: false, query: ['accountId', 'symbol', 'text', 'limit'], params: (input) => query(input, ['symbol', 'text', 'limit']) },
];
