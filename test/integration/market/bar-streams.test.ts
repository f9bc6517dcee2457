import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BarStreamPayload, ServerFrame } from '../../../shared/contract';
import type { Bar } from '../../../shared/domain/bar';
import { MINUTE_MS } from '../../../shared/domain/interval';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const START = Date.UTC(2024, 2, 13, 15, 7, 30);

function payloads(frames: ServerFrame[]): BarStreamPayload[] {
  return frames.flatMap((f) => (f.t === 'event' ? [f.payload as BarStreamPayload] : []));
}

describe('bars.subscribe (the bars.updates event) over a real core and the simulated feed', () => {
  let fx: CoreFixture;
  let now = START;
  // Each tick is a task of its own, as the real timer's are (a stream sends once per task: the latest per bar).
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 250) {
      now += 250;
      fx.ticks.tick();
      await new Promise((r) => setImmediate(r));
    }
  };
  beforeEach(() => {
    now = START;
    fx = coreFixture({ clock: { now: () => now } });
  });
  afterEach(() => fx.dispose());

  async function subscribe(params: object): Promise<{ frames: ServerFrame[]; close: () => void }> {
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params });
    for (let i = 0; i < 50 && payloads(frames).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return { frames, close: () => conn.close() };
  }

  it('sends a snapshot, then live updates; a closed minute equals the history of that minute', async () => {
    const s = await subscribe({ source: 'sim', symbol: 'BTCUSDT', interval: '1m' });
    expect(s.frames[0]).toEqual({ t: 'reply', id: 1, ok: true, result: { subscription: 1 } });
    const [snapshot] = payloads(s.frames);
    expect(snapshot).toMatchObject({ kind: 'snapshot', market: 'crypto' });
    expect(snapshot?.bars.length).toBe(2000);
    await advance(3 * MINUTE_MS);
    const updates = payloads(s.frames).slice(1);
    expect(updates.length).toBeGreaterThan(10);
    expect(updates.every((u) => u.kind === 'update')).toBe(true);
    const seqs = s.frames.flatMap((f) => (f.t === 'event' ? [f.seq] : []));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const closed = updates.flatMap((u) => u.bars).filter((b) => b.final);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    const minute = closed[closed.length - 1]!;
    const history = await fx.core.dispatcher.call('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '1m', from: minute.time, to: minute.time + MINUTE_MS });
    expect(history.ok && (history.result as { bars: Bar[] }).bars).toEqual([minute]);
    s.close();
  });

  it('streams derived intervals from the 1m truth (5m updates carry the bucket bar)', async () => {
    const s = await subscribe({ source: 'sim', symbol: 'SPY', interval: '5m' });
    await advance(2 * MINUTE_MS);
    const updates = payloads(s.frames).slice(1);
    expect(updates.length).toBeGreaterThan(0);
    const bucket = Date.UTC(2024, 2, 13, 15, 5); // 11:05 New York, anchored at 09:30
    expect(updates.every((u) => u.bars.every((b) => b.time === bucket))).toBe(true);
    s.close();
  });

  it('opens one live series for many subscribers and closes it with the last', async () => {
    const a = await subscribe({ source: 'sim', symbol: 'ETHUSDT', interval: '1m' });
    const b = await subscribe({ source: 'sim', symbol: 'ETHUSDT', interval: '15m' });
    const c = await subscribe({ source: 'sim', symbol: 'ETHUSDT', interval: '1h' });
    expect(fx.core.market.live.refCount('sim', 'ETHUSDT')).toBe(3);
    expect(fx.core.market.live.openCount).toBe(1);
    a.close();
    b.close();
    expect(fx.core.market.live.openCount).toBe(1);
    c.close();
    expect(fx.core.market.live.openCount).toBe(0);
  });

  it.each([
    [{ source: 'nyse', symbol: 'SPY', interval: '1m' }, 'NOT_FOUND', 'params.source'],
    [{ source: 'sim', symbol: 'DOGEUSDT', interval: '1m' }, 'NOT_FOUND', 'params.symbol'],
    [{ source: 'sim', symbol: 'BTCUSDT', interval: '2m' }, 'BAD_REQUEST', 'params.interval'],
  ])('refuses %j with %s naming %s', async (params, code, path) => {
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 9, event: 'bars.updates', params });
    expect(frames).toEqual([{ t: 'reply', id: 9, ok: false, error: expect.objectContaining({ code, path }) as unknown }]);
    expect(fx.core.market.live.openCount).toBe(0);
    conn.close();
  });

  it('refuses bad bars.get queries naming the field', async () => {
    const get = (q: object) => fx.core.dispatcher.call('bars.get', q);
    expect(await get({ source: 'sim', symbol: 'BTCUSDT', interval: '1m', from: 2, to: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.from' } });
    expect(await get({ source: 'sim', symbol: 'BTCUSDT', interval: '1m', limit: 50_001 })).toMatchObject({ ok: false, error: { path: 'params.limit' } });
    expect(await get({ source: 'csv', symbol: 'BTCUSDT', interval: '1m' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: 'params.source' } });
  });
});
