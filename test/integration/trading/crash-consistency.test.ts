import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DEFAULT_SIM_SEED, type Core } from '../../../src-main/platform/app/core';
import { SimFeed } from '../../../src-main/market-data/feeds/sim/sim-feed';
import { startServeProcess, type ServeProcess } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let serve: ServeProcess;

beforeAll(async () => {
  dir = tempDir();
  serve = await startServeProcess(dir.path);
});

afterAll(() => {
  if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
  dir.remove();
});

describe('kill -9 during a burst of orders', () => {
  it('leaves a consistent store: every acknowledged order is there with its transitions, fills match orders, none twice; the restarted app resumes the working ones', async () => {
    const url = new URL(serve.url);
    const token = url.searchParams.get('token') ?? '';
    const post = async (path: string, body: unknown): Promise<Response> =>
      fetch(`${url.origin}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/risk', { patch: { maxOrdersPerMinute: 0, maxOrderNotional: 1e9 } })).status).toBe(200);

    const acknowledged: string[] = [];
    let sent = 0;
    const worker = async (lane: number): Promise<void> => {
      for (;;) {
        const i = sent++;
        const body =
          i % 3 === 0
            ? { symbol: 'BTCUSDT', side: i % 2 === 0 ? 'buy' : 'sell', qty: 0.001, type: 'market', clientOrderId: `burst-${String(i)}` }
            : { symbol: 'BTCUSDT', side: 'buy', qty: 0.001, type: 'limit', limitPrice: 1000 + lane, takeProfit: { kind: 'percent', percent: 1 }, stopLoss: { kind: 'percent', percent: 1 }, clientOrderId: `burst-${String(i)}` };
        let res: Response;
        try {
          res = await post('/api/orders', body);
        } catch {
          return; // the server is gone
        }
        if (res.status === 201) acknowledged.push(`burst-${String(i)}`);
      }
    };
    const lanes = [0, 1, 2, 3, 4, 5].map((l) => worker(l));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.length < 150) return;
        clearInterval(check);
        serve.child.kill('SIGKILL');
        resolve();
      }, 5);
    });
    const exited = serve.child.exitCode !== null || serve.child.signalCode !== null ? Promise.resolve() : new Promise((r) => serve.child.once('exit', r));
    await Promise.all(lanes);
    await exited;
    expect(serve.child.signalCode).toBe('SIGKILL');

    const core: Core = createCore({ dataDir: dir.path, mode: 'cli', log: { error: () => undefined, warn: () => undefined }, feeds: ({ clock, ticker }) => [new SimFeed({ seed: DEFAULT_SIM_SEED, clock, schedule: ticker })] });
    try {
      const db = core.db;
      const ids = new Set((db.prepare('SELECT client_order_id FROM orders').pluck().all() as string[]));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      // Every order's stored status is the last transition recorded for it.
      const mismatched = db
        .prepare('SELECT o.id FROM orders o WHERE o.status IS NOT (SELECT e.to_status FROM order_events e WHERE e.order_id = o.id ORDER BY e.seq DESC LIMIT 1)')
        .pluck()
        .all();
      expect(mismatched).toEqual([]);
      // Every fill belongs to an order whose filled quantity is the sum of its fills.
      const orphans = db.prepare('SELECT x.id FROM executions x LEFT JOIN orders o ON o.id = x.order_id WHERE o.id IS NULL').pluck().all();
      expect(orphans).toEqual([]);
      const unequal = db
        .prepare("SELECT o.id FROM orders o WHERE abs(json_extract(o.state, '$.filledQty') - (SELECT coalesce(sum(x.qty), 0) FROM executions x WHERE x.order_id = o.id)) > 1e-9")
        .pluck()
        .all();
      expect(unequal).toEqual([]);
      const fills = db.prepare('SELECT count(*) FROM executions').pluck().get() as number;
      expect(fills).toBeGreaterThan(0);
      // The restarted broker resumes exactly the stored working orders.
      const [account] = core.trading.service.accounts();
      const working = core.trading.service.orders(account?.id ?? '', 'working', 5000).map((o) => o.id).sort();
      const live = core.trading.desk.broker(account?.id ?? '').liveOrders().map((o) => o.id).sort();
      expect(working.length).toBeGreaterThan(0);
      expect(live).toEqual(working);
      const fullAudit = db.prepare("SELECT count(*) FROM audit_log WHERE kind = 'order'").pluck().get() as number;
      const transitions = db.prepare('SELECT count(*) FROM order_events').pluck().get() as number;
      expect(fullAudit).toBe(transitions);
    } finally {
      core.close();
    }
  }, 60_000);
});
