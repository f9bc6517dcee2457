import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BarStreamPayload, ReplayState, ServerFrame } from '../../../shared/contract';
import type { Bar } from '../../../shared/domain/bar';
import { HOUR_MS, MINUTE_MS } from '../../../shared/domain/interval';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const NOW = Date.UTC(2024, 2, 13, 15, 7, 30);
const FROM = NOW - 3 * HOUR_MS - (NOW % MINUTE_MS);
const TO = FROM + HOUR_MS;

describe('replay: stored 1m bars played through the live pipeline', () => {
  let fx: CoreFixture;
  let stored: Bar[];
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const r = await fx.core.dispatcher.call(method, params);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as T;
  };
  beforeEach(async () => {
    fx = coreFixture({ clock: { now: () => NOW } });
    stored = (await call<{ bars: Bar[] }>('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '1m', from: FROM, to: TO })).bars;
  });
  afterEach(() => fx.dispose());

  it('refuses to start on a range with no stored bars, naming the field', async () => {
    const r = await fx.core.dispatcher.call('replay.start', { source: 'csv', symbol: 'BTCUSDT', from: FROM, to: TO });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: 'params.from' } });
    expect(await call<ReplayState>('replay.state', {})).toMatchObject({ status: 'idle', source: null });
  });

  it('plays bar by bar; each played bar equals the stored one; no bar from beyond the replay clock leaks', async () => {
    expect(stored).toHaveLength(60);
    await call('replay.start', { source: 'sim', symbol: 'BTCUSDT', from: FROM, to: TO, speed: 1 });
    await call('replay.pause', {});
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'BTCUSDT', interval: '1m' } });
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) await call('replay.step', {});
    await call('replay.step', {}); // the 4th bar's ticks close the 3rd bar
    fx.ticks.tick(); // the replay clock has passed the 4th bar's end: it closes too
    await new Promise((r) => setImmediate(r)); // a stream sends its changes once per task
    const events = frames.flatMap((f) => (f.t === 'event' ? [f.payload as BarStreamPayload] : []));
    expect(events[0]).toMatchObject({ kind: 'snapshot', bars: [] });
    const finals = new Map<number, Bar>();
    for (const e of events.slice(1)) for (const b of e.bars) if (b.final) finals.set(b.time, b);
    const played = [...finals.values()].sort((a, b) => a.time - b.time);
    const ohlc = (b: Bar) => [b.time, b.open, b.high, b.low, b.close, b.final];
    expect(played.map(ohlc)).toEqual(stored.slice(0, 4).map(ohlc));
    played.forEach((b, i) => expect(b.volume).toBeCloseTo(stored[i]!.volume, 9));
    expect(await call<ReplayState>('replay.state', {})).toMatchObject({ status: 'paused', cursor: FROM + 4 * MINUTE_MS });
    const history = await call<{ bars: Bar[] }>('bars.get', { source: 'replay', symbol: 'BTCUSDT', interval: '1m', from: FROM, to: TO });
    expect(history.bars.map((b) => b.time)).toEqual([0, 1, 2, 3].map((i) => FROM + i * MINUTE_MS));
    conn.close();
  });

  it('jumps in time: streams get a fresh snapshot holding only bars before the new cursor', async () => {
    await call('replay.start', { source: 'sim', symbol: 'BTCUSDT', from: FROM, to: TO, speed: 1000 });
    await call('replay.pause', {});
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'BTCUSDT', interval: '5m' } });
    await new Promise((r) => setTimeout(r, 20));
    const state = await call<ReplayState>('replay.seek', { time: FROM + 30 * MINUTE_MS });
    expect(state.cursor).toBe(FROM + 30 * MINUTE_MS);
    await new Promise((r) => setTimeout(r, 20));
    const snapshots = frames.flatMap((f) => (f.t === 'event' && (f.payload as BarStreamPayload).kind === 'snapshot' ? [f.payload as BarStreamPayload] : []));
    expect(snapshots).toHaveLength(2);
    const last = snapshots[1]!;
    // FROM is 12:07 UTC: 5m buckets 12:05 (from 12:07) … 12:35 (12:35-12:36 played, so not final).
    expect(last.bars.map((b) => [new Date(b.time).toISOString().slice(11, 16), b.final])).toEqual([
      ['12:05', true], ['12:10', true], ['12:15', true], ['12:20', true], ['12:25', true], ['12:30', true], ['12:35', false],
    ]);
    expect(Math.max(...last.bars.map((b) => b.time))).toBeLessThan(FROM + 30 * MINUTE_MS);
    expect(await fx.core.dispatcher.call('replay.seek', { time: TO + HOUR_MS })).toMatchObject({ ok: false, error: { path: 'params.time' } });
    await call('replay.setSpeed', { speed: 1000 });
    await call('replay.resume', {});
    for (let i = 0; i < 40; i++) fx.ticks.tick(); // 40 frames of 50 ms at 1000x = 2000 s of replay time
    expect(await call<ReplayState>('replay.state', {})).toMatchObject({ status: 'finished', cursor: TO });
    expect(await call<ReplayState>('replay.stop', {})).toMatchObject({ status: 'idle' });
    conn.close();
  });

  it('survives a replay stopped and restarted while a chart stays open', async () => {
    await call('replay.start', { source: 'sim', symbol: 'BTCUSDT', from: FROM, to: TO, speed: 1 });
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'BTCUSDT', interval: '1m' } });
    await new Promise((r) => setTimeout(r, 20));
    await call('replay.stop', {});
    await new Promise((r) => setTimeout(r, 20));
    conn.close();
    expect(fx.core.market.live.refCount('replay', 'BTCUSDT')).toBe(0);
    await call('replay.start', { source: 'sim', symbol: 'BTCUSDT', from: FROM, to: TO, speed: 1 });
    await call('replay.pause', {});
    for (let i = 0; i < 3; i++) await call('replay.step', {});
    const again: ServerFrame[] = [];
    const conn2 = fx.core.connect((f) => again.push(f));
    await conn2.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'BTCUSDT', interval: '1m' } });
    await new Promise((r) => setTimeout(r, 20));
    await call('replay.step', {});
    const events = again.flatMap((f) => (f.t === 'event' ? [f.payload as BarStreamPayload] : []));
    expect(events[0]).toMatchObject({ kind: 'snapshot' });
    expect(events[0]?.bars.map((b) => b.time)).toEqual([FROM, FROM + MINUTE_MS, FROM + 2 * MINUTE_MS]);
    expect(events.length).toBeGreaterThan(1);
    conn2.close();
  });

  it('a chart opened in the middle of a bar gets that bar whole (the ticks already played are replayed to it)', async () => {
    await call('replay.start', { source: 'sim', symbol: 'BTCUSDT', from: FROM, to: TO, speed: 1 });
    await call('replay.pause', {});
    await call('replay.seek', { time: FROM + 10 * MINUTE_MS });
    await call('replay.setSpeed', { speed: 700 });
    await call('replay.resume', {});
    fx.ticks.tick(); // one 50 ms frame at 700x: 35 s of replay time, three of the bar's four ticks
    await call('replay.pause', {});
    const cursor = (await call<ReplayState>('replay.state', {})).cursor ?? 0;
    expect(cursor - (FROM + 10 * MINUTE_MS)).toBeGreaterThan(30_000);
    const frames: ServerFrame[] = [];
    const conn = fx.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'BTCUSDT', interval: '1m' } });
    await new Promise((r) => setTimeout(r, 20));
    await call('replay.step', {}); // finish the bar
    await call('replay.step', {}); // and start the next, which closes it
    const bars = frames.flatMap((f) => (f.t === 'event' ? (f.payload as BarStreamPayload).bars : []));
    const closed = bars.filter((b) => b.final && b.time === FROM + 10 * MINUTE_MS);
    const want = stored[10]!;
    expect(closed.at(-1)).toMatchObject({ open: want.open, high: want.high, low: want.low, close: want.close });
    expect(closed.at(-1)?.volume).toBeCloseTo(want.volume, 9);
    conn.close();
  });

  it('stopping a replay with a chart open logs no error (the series is gone: one line at most, no stack)', async () => {
    const lines: { level: string; message: string; err: unknown }[] = [];
    const local = coreFixture({ clock: { now: () => Date.UTC(2024, 2, 13, 15) }, log: { error: (message, err) => lines.push({ level: 'error', message, err }), warn: (message) => lines.push({ level: 'warn', message, err: undefined }) } });
    try {
      const r = await local.core.dispatcher.call('replay.start', { source: 'sim', symbol: 'SPY', from: Date.UTC(2024, 2, 12, 14), to: Date.UTC(2024, 2, 12, 15) });
      expect(r.ok).toBe(true);
      const conn = local.core.connect(() => undefined);
      await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'replay', symbol: 'SPY', interval: '1m' } });
      await new Promise((res) => setTimeout(res, 30));
      await local.core.dispatcher.call('replay.stop', {});
      await new Promise((res) => setTimeout(res, 30));
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(lines.filter((l) => l.message.includes('has no symbol')).length).toBeLessThanOrEqual(1);
      conn.close();
    } finally {
      local.dispose();
    }
  });
});
