import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/trading/order';
import { startServeServer, type RunningServer } from '../../../src-main/platform/serve/serve-server';
import { tempDir } from '../../helpers/temp-dir';
import { tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';

let dir: ReturnType<typeof tempDir>;
let page: ReturnType<typeof tempDir>;
let fx: TradingFixture;
let server: RunningServer;
let base: string;

beforeEach(async () => {
  dir = tempDir();
  page = tempDir('tapedeck-renderer-');
  writeFileSync(join(page.path, 'index.html'), '<!doctype html><title>t</title>');
  fx = tradingFixture(dir.path);
  server = await startServeServer({ core: fx.core, host: '127.0.0.1', port: 0, rendererDir: page.path });
  base = `http://127.0.0.1:${String(server.port)}`;
  fx.core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol: 'BTCUSD' }, () => undefined);
  await fx.settle();
  fx.feed.quote('BTCUSD', 100, 100.02);
});

afterEach(async () => {
  await server.close();
  fx.close();
  dir.remove();
  page.remove();
});

/** What curl would send: JSON with the run's token as a bearer credential. */
async function api(verb: string, path: string, body?: unknown, token = server.token): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method: verb,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

describe('the trading API over HTTP (tapedeck serve)', () => {
  it('POST /api/orders with the documented body places on the active account and the symbol’s feed; GET lists; DELETE cancels', async () => {
    const placed = await api('POST', '/api/orders', { symbol: 'btcusd', side: 'buy', qty: 1, type: 'limit', limitPrice: 99.5, takeProfit: 101, clientOrderId: 'script-1' });
    expect(placed.status).toBe(201);
    const order = placed.json as Order;
    expect([order.source, order.symbol, order.status, order.clientOrderId, order.takeProfit]).toEqual(['binance', 'BTCUSD', 'accepted', 'script-1', { kind: 'price', price: 101 }]);

    const again = await api('POST', '/api/orders', { symbol: 'BTCUSD', side: 'buy', qty: 1, type: 'limit', limitPrice: 99.5, takeProfit: 101, clientOrderId: 'script-1' });
    expect([again.status, (again.json as Order).id]).toEqual([201, order.id]);

    const listed = await api('GET', '/api/orders');
    expect((listed.json as Order[]).map((o) => o.role).sort()).toEqual(['entry', 'take_profit']);

    const canceled = await api('DELETE', `/api/orders/${order.id}`);
    expect([canceled.status, (canceled.json as Order).status]).toEqual([200, 'canceled']);
    expect((await api('GET', '/api/orders')).json).toEqual([]);
    expect(((await api('GET', '/api/orders?status=all&limit=10')).json as Order[]).map((o) => o.status)).toEqual(['canceled', 'canceled']);
  });

  it('a market order fills; positions and fills follow; the kill switch flattens', async () => {
    expect((await api('POST', '/api/orders', { symbol: 'BTCUSD', side: 'buy', qty: 3, type: 'market' })).status).toBe(201);
    fx.advance(150);
    const positions = (await api('GET', '/api/positions')).json as { qty: number; avgPrice: number }[];
    expect(positions.map((p) => [p.qty, p.avgPrice])).toEqual([[3, 100.03]]);
    expect(((await api('GET', '/api/fills')).json as { price: number }[]).map((f) => f.price)).toEqual([100.03]);

    const kill = await api('POST', '/api/kill-switch', {});
    expect(kill.json).toMatchObject({ engaged: true, flattened: 1 });
    fx.advance(150);
    expect(((await api('GET', '/api/positions')).json as { qty: number }[]).map((p) => p.qty)).toEqual([0]);
    const refused = await api('POST', '/api/orders', { symbol: 'BTCUSD', side: 'buy', qty: 1 });
    expect(refused).toEqual({ status: 422, json: { error: { code: 'REJECTED', path: '', message: 'kill switch engaged: new entries are refused until it is re-armed' } } });
    const audit = (await api('GET', '/api/audit?limit=3')).json as { kind: string }[];
    expect(audit.map((a) => a.kind)).toEqual(['risk', 'order', 'fill']);
  });

  it('bad input is refused naming the field; a missing or wrong token is refused', async () => {
    expect(await api('POST', '/api/orders', { symbol: 'BTCUSD', side: 'buy', qty: 0 })).toMatchObject({ status: 400, json: { error: { code: 'BAD_REQUEST', path: 'params.qty' } } });
    expect(await api('POST', '/api/orders', { symbol: 'BTCUSD', side: 'hold', qty: 1 })).toMatchObject({ status: 400, json: { error: { path: 'params.side' } } });
    expect(await api('POST', '/api/orders', { symbol: 'ZZZ', side: 'buy', qty: 1 })).toMatchObject({ status: 400, json: { error: { path: 'params.source' } } });
    expect(await api('GET', '/api/orders?limit=many')).toMatchObject({ status: 400, json: { error: { path: 'params.limit' } } });
    const res = await fetch(`${base}/api/orders`, { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
  });

  it('the OpenAPI document describes the trading routes from the contract', async () => {
    const doc = (await api('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: { 'application/json': { schema: { required?: string[] } } } } }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orders', '/api/orders/{id}', '/api/positions', '/api/fills', '/api/kill-switch', '/api/accounts', '/api/audit']));
    expect(doc.paths['/api/orders']?.['post']?.operationId).toBe('orders.place');
    expect(doc.paths['/api/orders']?.['post']?.requestBody?.content['application/json'].schema.required).toEqual(['symbol', 'side', 'qty']);
  });
});
