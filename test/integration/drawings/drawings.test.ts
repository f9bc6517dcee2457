import { afterEach, describe, expect, it } from 'vitest';
import type { DrawingsUpdate, ServerFrame } from '../../../shared/contract';
import { createCore } from '../../../src-main/platform/app/core';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const SPY = { source: 'sim', symbol: 'SPY' };
const line = { ...SPY, id: 'line-0001', kind: 'hline', price: 512.25 } as const;
const T = 1_710_000_000_000;

interface Ok<R> {
  readonly ok: true;
  readonly result: R;
}

function ok<R>(reply: { ok: boolean } | Ok<R>): R {
  expect(reply.ok).toBe(true);
  return (reply as Ok<R>).result;
}

describe('drawings: stored per series by the client id, pushed to every follower of the series', () => {
  let fx: CoreFixture;
  afterEach(() => fx.dispose());

  it('adds, moves and deletes a drawing; an upsert of the same contents changes nothing and tells no one', async () => {
    fx = coreFixture();
    const call = fx.core.dispatcher.call.bind(fx.core.dispatcher);
    const first = ok<{ updatedAt: number; price: number; color: string; label: string }>(await call('drawings.upsert', line));
    expect(first).toMatchObject({ ...line, color: '#f0b429', label: '' });
    const again = ok<{ updatedAt: number }>(await call('drawings.upsert', line));
    expect(again.updatedAt).toBe(first.updatedAt);
    const moved = ok<{ price: number; updatedAt: number }>(await call('drawings.upsert', { ...line, price: 513 }));
    expect(moved.price).toBe(513);
    expect(moved.updatedAt).toBeGreaterThan(first.updatedAt);
    await call('drawings.upsert', { ...SPY, id: 'range-0001', kind: 'rect', from: T, to: T + 300_000, top: 514, bottom: 511 });
    await call('drawings.upsert', { source: 'sim', symbol: 'QQQ', id: 'other-001', kind: 'vline', time: T });
    const list = ok<{ id: string }[]>(await call('drawings.list', SPY));
    expect(list.map((d) => d.id)).toEqual(['line-0001', 'range-0001']);
    expect(ok(await call('drawings.delete', { id: 'line-0001' }))).toEqual({ deleted: true });
    expect(ok(await call('drawings.delete', { id: 'line-0001' }))).toEqual({ deleted: false });
    expect(ok<{ id: string }[]>(await call('drawings.list', SPY)).map((d) => d.id)).toEqual(['range-0001']);
  });

  it('refuses an id of another series as a CONFLICT naming the field, and a bad drawing naming its field', async () => {
    fx = coreFixture();
    const call = fx.core.dispatcher.call.bind(fx.core.dispatcher);
    await call('drawings.upsert', line);
    expect(await call('drawings.upsert', { ...line, symbol: 'QQQ' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: 'params.symbol' } });
    expect(await call('drawings.upsert', { ...line, source: 'binance' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: 'params.source' } });
    expect(await call('drawings.upsert', { ...SPY, id: 'rect-0002', kind: 'rect', from: T, to: T, top: 2, bottom: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', path: 'params.from' },
    });
    expect(ok<{ price: number }[]>(await call('drawings.list', SPY))).toMatchObject([{ price: 512.25 }]);
  });

  it('pushes the series\u2019 whole list to each follower at once and after each change, and nothing for another series', async () => {
    fx = coreFixture();
    const seen: DrawingsUpdate[][] = [[], []];
    const windows = [0, 1].map((w) =>
      fx.core.connect((f: ServerFrame) => {
        if (f.t === 'event') seen[w]?.push(f.payload as DrawingsUpdate);
      }),
    );
    for (const w of windows) await w.session.handle({ t: 'sub', id: 1, event: 'drawings.updates', params: SPY });
    const call = fx.core.dispatcher.call.bind(fx.core.dispatcher);
    await call('drawings.upsert', line);
    await call('drawings.upsert', line);
    await call('drawings.upsert', { source: 'sim', symbol: 'QQQ', id: 'other-001', kind: 'vline', time: T });
    await call('drawings.upsert', { ...line, price: 500 });
    await call('drawings.delete', { id: line.id });
    for (const updates of seen) {
      expect(updates.map((u) => u.drawings.map((d) => (d.kind === 'hline' ? d.price : null)))).toEqual([[], [512.25], [500], []]);
      expect(updates.every((u) => u.source === 'sim' && u.symbol === 'SPY')).toBe(true);
    }
    for (const w of windows) w.close();
  });

  it('keeps drawings across a restart of the core on the same data directory (migration 7 runs once)', async () => {
    fx = coreFixture();
    await fx.core.dispatcher.call('drawings.upsert', line);
    expect(fx.core.migrations.applied).toContain('7-drawings');
    fx.core.close();
    const again = createCore({ dataDir: fx.dataDir, mode: 'cli', feeds: () => [], log: { error: () => undefined, warn: () => undefined } });
    try {
      expect(again.migrations.applied).toEqual([]);
      expect(ok<{ id: string; price: number }[]>(await again.dispatcher.call('drawings.list', SPY))).toMatchObject([{ id: line.id, price: 512.25 }]);
    } finally {
      again.close();
    }
  });
});
