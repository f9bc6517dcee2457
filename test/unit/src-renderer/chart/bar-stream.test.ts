import { beforeEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../../../shared/domain/bar';
import type { Interval } from '../../../../shared/domain/interval';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { CallError } from '../../../../src-renderer/api/tapedeck-client';
import { startBarStream, type BarSink, type BarStream } from '../../../../src-renderer/chart/bar-stream';
import { IDLE_SUMMARY, type ChartSummary } from '../../../../src-renderer/chart/chart-summary';
import { fakeClient, manualFrames, minuteBar, type FakeClient, type ManualFrames } from '../fakes';

type Op = readonly ['replace', number[], boolean] | readonly ['update', number[]] | readonly ['prepend', number[], number];

const target = { source: 'sim', symbol: 'BTCUSDT' as SymbolId, interval: '1m' as Interval };
const closes = (bars: readonly Bar[]): number[] => bars.map((b) => b.close);
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('startBarStream', () => {
  let client: FakeClient;
  let frames: ManualFrames;
  let ops: Op[];
  let summaries: ChartSummary[];
  let stream: BarStream;

  const sink: BarSink = {
    replace: (bars, showLatest) => ops.push(['replace', closes(bars), showLatest]),
    update: (bars) => ops.push(['update', closes(bars)]),
    prepend: (bars, added) => ops.push(['prepend', closes(bars), added]),
  };
  const last = (): ChartSummary => summaries.at(-1) ?? { ...IDLE_SUMMARY, barCount: -1 };
  const push = (payload: unknown): void => {
    const sub = client.active()[0];
    if (sub === undefined) throw new Error('no active subscription');
    sub.deliver(payload);
  };

  beforeEach(() => {
    client = fakeClient();
    client.answer(() => ({ bars: [] }));
    frames = manualFrames();
    ops = [];
    summaries = [];
    stream = startBarStream({ client, target, sink, frames, publish: (s) => summaries.push(s) });
  });

  it('clears the chart, subscribes to the series and reports loading', () => {
    expect(ops).toEqual([['replace', [], false]]);
    expect(client.subscriptions.map((s) => [s.event, s.params])).toEqual([['bars.updates', target]]);
    expect(last().status).toBe('loading');
  });

  it('draws the snapshot in time order on the next frame and brings the latest bar into view', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(2, 20), minuteBar(1, 10)], streamSeq: 0 });
    expect(ops).toHaveLength(1);
    expect(frames.run()).toBe(1);
    expect(ops[1]).toEqual(['replace', [10, 20], true]);
    expect(last()).toMatchObject({ status: 'ready', market: 'crypto', barCount: 2, error: null });
    expect(last().lastBar?.close).toBe(20);
  });

  it('coalesces updates to one draw per frame with the latest version of each bar', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10), minuteBar(2, 20, false)], streamSeq: 0 });
    frames.run();
    push({ kind: 'update', bars: [minuteBar(2, 21, false)], streamSeq: 1 });
    push({ kind: 'update', bars: [minuteBar(2, 22)], streamSeq: 2 });
    push({ kind: 'update', bars: [minuteBar(3, 30, false)], streamSeq: 3 });
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(ops.slice(2)).toEqual([['update', [22, 30]]]);
    expect(last()).toMatchObject({ barCount: 3 });
    expect(last().lastBar?.close).toBe(30);
  });

  it('rebuilds the series when an update is older than the last bar drawn', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10), minuteBar(2, 20), minuteBar(3, 30)], streamSeq: 0 });
    frames.run();
    push({ kind: 'update', bars: [minuteBar(2, 25)], streamSeq: 1 });
    push({ kind: 'update', bars: [minuteBar(3, 31, false)], streamSeq: 2 });
    frames.run();
    expect(ops.slice(2)).toEqual([['replace', [10, 25, 31], false]]);
    push({ kind: 'update', bars: [minuteBar(0, 5)], streamSeq: 3 });
    frames.run();
    expect(ops.slice(3)).toEqual([['replace', [5, 10, 25, 31], false]]);
    expect(last().barCount).toBe(4);
  });

  it('drops updates waiting from before a fresh snapshot', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10)], streamSeq: 0 });
    frames.run();
    push({ kind: 'update', bars: [minuteBar(2, 99)], streamSeq: 1 });
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 11), minuteBar(2, 21)], streamSeq: 4 });
    frames.run();
    expect(ops.slice(2)).toEqual([['replace', [11, 21], true]]);
  });

  it('reports an empty snapshot as empty', () => {
    push({ kind: 'snapshot', market: 'us-equity', bars: [], streamSeq: 0 });
    frames.run();
    expect(last()).toMatchObject({ status: 'empty', barCount: 0, lastBar: null });
  });

  it('shows the core error when the series is refused, until bars arrive after all', async () => {
    client = fakeClient();
    client.answer(() => {
      throw new CallError({ code: 'NOT_FOUND', message: 'no such symbol NOPE on sim', path: 'params.symbol' });
    });
    summaries = [];
    stream.stop();
    stream = startBarStream({ client, target, sink, frames, publish: (s) => summaries.push(s) });
    expect(client.calls).toEqual([{ method: 'bars.get', params: { ...target, limit: 1 } }]);
    await settle();
    expect(last()).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND', message: 'no such symbol NOPE on sim', path: 'params.symbol' } });
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10)], streamSeq: 0 });
    frames.run();
    expect(last()).toMatchObject({ status: 'ready', error: null });
  });

  it('ignores the probe error once the snapshot is in', async () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10)], streamSeq: 0 });
    frames.run();
    await settle();
    expect(last().status).toBe('ready');
  });

  it('reports the hovered bar and keeps it current', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10), minuteBar(2, 20, false)], streamSeq: 0 });
    frames.run();
    stream.hover(2 * 60_000);
    expect(last().hoverBar?.close).toBe(20);
    push({ kind: 'update', bars: [minuteBar(2, 24, false)], streamSeq: 1 });
    frames.run();
    expect(last().hoverBar?.close).toBe(24);
    stream.hover(null);
    expect(last().hoverBar).toBeNull();
  });

  it('unsubscribes on stop and draws nothing afterwards', () => {
    push({ kind: 'snapshot', market: 'crypto', bars: [minuteBar(1, 10)], streamSeq: 0 });
    stream.stop();
    expect(client.active()).toEqual([]);
    expect(frames.pending()).toBe(0);
    expect(ops).toEqual([['replace', [], false]]);
  });
});
