import { beforeEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../../../shared/domain/bar';
import type { Interval } from '../../../../shared/domain/interval';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { CallError } from '../../../../src-renderer/api/tapedeck-client';
import { startBarStream, type BarSink, type BarStream } from '../../../../src-renderer/chart/bar-stream';
import { IDLE_SUMMARY, type ChartSummary } from '../../../../src-renderer/chart/chart-summary';
import { fakeClient, manualFrames, minuteBar, type FakeClient, type ManualFrames } from '../fakes';

const target = { source: 'sim', symbol: 'BTCUSDT' as SymbolId, interval: '1m' as Interval };
const MIN = 60_000;
const minutes = (bars: readonly Bar[]): number[] => bars.map((b) => b.time / MIN);
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const coverage = (missing: unknown[] = []) => ({ from: 0, to: 1, expected: 1, present: 1, missingBars: 0, missing, spansOmitted: 0 });
const range = (from: number, to: number): Bar[] => Array.from({ length: to - from }, (_, i) => minuteBar(from + i, 10 + i));

describe('startBarStream: older pages', () => {
  let client: FakeClient;
  let frames: ManualFrames;
  let ops: string[];
  let summaries: ChartSummary[];
  let stream: BarStream;
  let pages: Map<number, { bars: Bar[]; older: number | null; missing?: unknown[] }>;

  const sink: BarSink = {
    replace: (bars) => ops.push(`replace ${String(bars.length)}`),
    update: (bars) => ops.push(`update ${minutes(bars).join(',')}`),
    prepend: (bars, added) => ops.push(`prepend ${String(added)} of ${String(bars.length)}`),
  };
  const last = (): ChartSummary => summaries.at(-1) ?? IDLE_SUMMARY;
  const push = (payload: unknown): void => {
    client.active()[0]?.deliver(payload);
  };
  const snapshot = (bars: Bar[], older: number | null): void => {
    push({ kind: 'snapshot', market: 'crypto', bars, streamSeq: 0, older, coverage: coverage() });
    frames.run();
  };

  beforeEach(() => {
    client = fakeClient();
    pages = new Map();
    client.answer((method, params) => {
      const p = params as { to?: number; limit: number };
      if (p.to === undefined) return { bars: [] };
      const page = pages.get(p.to);
      if (page === undefined) throw new CallError({ code: 'UNAVAILABLE', message: 'no page', path: '' });
      return { ...target, market: 'crypto', bars: page.bars, truncated: true, older: page.older, coverage: coverage(page.missing) };
    });
    frames = manualFrames();
    ops = [];
    summaries = [];
    stream = startBarStream({ client, target, sink, frames, pageSize: 3, publish: (s) => summaries.push(s), now: () => 1_000_000 });
  });

  it('reads the page before the first bar with the snapshot\u2019s cursor and puts it in front, seam checked', async () => {
    snapshot(range(10, 13), 10 * MIN);
    pages.set(10 * MIN, { bars: range(7, 10), older: 7 * MIN });
    stream.loadOlder();
    expect(last()).toMatchObject({ loadingOlder: true, hasOlder: true });
    expect(client.calls.at(-1)).toEqual({ method: 'bars.get', params: { ...target, to: 10 * MIN, limit: 3 } });
    stream.loadOlder();
    expect(client.calls.filter((c) => (c.params as { to?: number }).to !== undefined)).toHaveLength(1);
    await settle();
    expect(ops.at(-1)).toBe('prepend 3 of 6');
    expect(minutes(stream.bars())).toEqual([7, 8, 9, 10, 11, 12]);
    expect(last()).toMatchObject({ loadingOlder: false, hasOlder: true, barCount: 6, firstTime: 7 * MIN });
  });

  it('pages back five times without a duplicated or skipped bar, and stops when the source has nothing older', async () => {
    snapshot(range(15, 18), 15 * MIN);
    for (let k = 0; k < 5; k++) {
      const to = (15 - 3 * k) * MIN;
      pages.set(to, { bars: range(12 - 3 * k, 15 - 3 * k), older: k === 4 ? null : (12 - 3 * k) * MIN });
      stream.loadOlder();
      await settle();
    }
    expect(minutes(stream.bars())).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(last().hasOlder).toBe(false);
    const asked = client.calls.length;
    stream.loadOlder();
    expect(client.calls).toHaveLength(asked);
  });

  it('asks for the bars before the first bar held even when the cursor is older (no bar skipped at the seam)', async () => {
    snapshot(range(10, 13), 9 * MIN);
    pages.set(10 * MIN, { bars: range(7, 10), older: 7 * MIN });
    stream.loadOlder();
    await settle();
    expect(client.calls.at(-1)?.params).toEqual({ ...target, to: 10 * MIN, limit: 3 });
    expect(minutes(stream.bars())).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('drops a page that arrives after a fresh snapshot (an earlier selection) or after stop', async () => {
    snapshot(range(10, 13), 10 * MIN);
    pages.set(10 * MIN, { bars: range(7, 10), older: 7 * MIN });
    stream.loadOlder();
    snapshot(range(20, 22), 20 * MIN);
    await settle();
    expect(minutes(stream.bars())).toEqual([20, 21]);
    expect(ops.some((o) => o.startsWith('prepend'))).toBe(false);
    stream.loadOlder();
    stream.stop();
    await settle();
    expect(ops.some((o) => o.startsWith('prepend'))).toBe(false);
  });

  it('reports holes from the snapshot and pages, not the start of the source', async () => {
    const hole = { from: 8 * MIN, to: 9 * MIN, reason: 'venue-gap', bars: 1 };
    const start = { from: 0, to: 7 * MIN, reason: 'before-start', bars: 7 };
    snapshot(range(10, 13), 10 * MIN);
    pages.set(10 * MIN, { bars: [minuteBar(7, 1), minuteBar(9, 1)], older: null, missing: [start, hole] });
    stream.loadOlder();
    await settle();
    expect(last().holes).toEqual([hole]);
  });

  it('says why a page failed and does not ask again straight away', async () => {
    snapshot(range(10, 13), 10 * MIN);
    stream.loadOlder();
    await settle();
    expect(last()).toMatchObject({ loadingOlder: false, olderError: { code: 'UNAVAILABLE', message: 'no page' } });
    const asked = client.calls.length;
    stream.loadOlder();
    expect(client.calls).toHaveLength(asked);
  });

  it('keeps live updates older than the first bar out while older pages remain (no hole beside them)', () => {
    snapshot(range(10, 13), 10 * MIN);
    push({ kind: 'update', bars: [minuteBar(5, 1), minuteBar(13, 99, false)], streamSeq: 1 });
    frames.run();
    expect(ops.at(-1)).toBe('update 13');
    expect(minutes(stream.bars())).toEqual([10, 11, 12, 13]);
  });
});
