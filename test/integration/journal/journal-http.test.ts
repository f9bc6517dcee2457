import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveFixture, type ServeFixture } from '../../helpers/serve-fixture';

/** Two trades on one day (New York times): AAPL long +25 − 2 fees, MSFT short +10. */
const CSV = ['Date,Time,Symbol,Quantity,Price,Side,Commission', '03/11/2024,10:00:00,AAPL,10,190,Buy,1', '03/11/2024,10:30:00,AAPL,10,192.5,Sell,1', '03/11/2024,11:00:00,MSFT,5,400,Sell,0', '03/11/2024,11:30:00,MSFT,5,398,Buy,0', ''].join('\n');

describe('the journal under /api/journal in serve', () => {
  let fx: ServeFixture;
  beforeEach(async () => {
    fx = await serveFixture();
  });
  afterEach(() => fx.dispose());

  const http = async (verb: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${fx.base}${path}`, { method: verb, headers: { Authorization: `Bearer ${fx.server.token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: await res.json() };
  };

  it('imports, lists, filters, annotates, counts and exports over HTTP, as the contract does', async () => {
    const imported = await http('POST', '/api/journal/import', { csv: CSV, format: 'tradervue', account: 'Desk' });
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ format: 'tradervue', read: 4, added: 4, alreadyThere: 0, rejected: [] });
    expect((imported.json as { createdAccounts: string[] }).createdAccounts).toHaveLength(1);
    expect((await http('POST', '/api/journal/import', { csv: CSV, format: 'tradervue', account: 'Desk' })).json).toMatchObject({ added: 0, alreadyThere: 4 });

    const list = (await http('GET', '/api/journal/trades')).json as { trades: { id: string; symbol: string; netPnl: number; side: string }[]; total: number };
    expect(list.total).toBe(2);
    expect(list.trades.map((t) => [t.symbol, t.side, t.netPnl])).toEqual([
      ['MSFT', 'short', 10],
      ['AAPL', 'long', 23],
    ]);
    const aapl = list.trades.find((t) => t.symbol === 'AAPL');
    const patched = await http('POST', `/api/journal/trades/${encodeURIComponent(aapl?.id ?? '')}`, { patch: { tags: [{ kind: 'setup', tag: 'orb' }], rating: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ tags: [{ kind: 'setup', tag: 'orb' }], rating: 5 });
    expect(((await http('GET', '/api/journal/trades?setups=orb')).json as { trades: { id: string }[] }).trades.map((t) => t.id)).toEqual([aapl?.id]);
    expect(((await http('GET', '/api/journal/trades?symbols=MSFT&from=2024-03-11&to=2024-03-12')).json as { total: number }).total).toBe(1);

    const stats = (await http('GET', '/api/journal/stats')).json as { overall: { trades: number; totalNet: number; winRatePct: number }; byGroup: { setup: { key: string; stats: { totalNet: number } }[] } };
    expect(stats.overall).toMatchObject({ trades: 2, totalNet: 33, winRatePct: 100 });
    expect(stats.byGroup.setup.find((g) => g.key === 'orb')?.stats.totalNet).toBe(23);
    const calendar = (await http('GET', '/api/journal/calendar?year=2024&month=3')).json as { net: number; weeks: { cells: { date: string; pnl: { net: number; trades: number } | null }[] }[] };
    expect(calendar.net).toBe(33);
    expect(calendar.weeks.flatMap((w) => w.cells).filter((c) => c.pnl !== null).map((c) => [c.date, c.pnl?.net, c.pnl?.trades])).toEqual([['2024-03-11', 33, 2]]);

    const exported = (await http('GET', '/api/journal/export?kind=executions')).json as { fileName: string; text: string; count: number };
    expect(exported.count).toBe(4);
    const again = (await http('POST', '/api/journal/import', { csv: exported.text, format: 'tapedeck' })).json;
    expect(again).toMatchObject({ format: 'tapedeck', added: 0, alreadyThere: 4 });
    expect(((await http('GET', '/api/journal/export?kind=executions')).json as { text: string }).text).toBe(exported.text);
  });

  it('refuses a bad filter naming the field, and an unknown trade', async () => {
    const bad = await http('GET', '/api/journal/trades?outcomes=great');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('outcomes');
    const missing = await http('GET', '/api/journal/trades/nope');
    expect(missing.status).toBe(404);
  });
});
