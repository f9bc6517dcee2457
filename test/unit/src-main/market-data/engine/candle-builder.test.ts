import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../../../shared/domain/bar';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { CandleBuilder, type CandleEventKind } from '../../../../../src-main/market-data/engine/candle-builder';

const M = 60_000;
const T0 = 1_700_000_040_000; // a minute boundary
const trade = (id: number, t: number, price: number, size = 1) => ({ id, time: t as EpochMs, price, size });

function builder() {
  const events: { kind: CandleEventKind; bar: Bar }[] = [];
  const b = new CandleBuilder((bar, kind) => events.push({ kind, bar }), { retain: 3 });
  return { b, events, last: () => events[events.length - 1] };
}

describe('CandleBuilder', () => {
  it('builds a 1m bar from trades in order and closes it when the next minute starts', () => {
    const { b, events } = builder();
    b.apply(trade(1, T0 + 1_000, 100, 2));
    b.apply(trade(2, T0 + 20_000, 103, 1));
    b.apply(trade(3, T0 + 40_000, 99, 1.5));
    b.apply(trade(4, T0 + 59_999, 101, 0.5));
    b.apply(trade(5, T0 + M + 1, 102, 1));
    expect(events.map((e) => [e.kind, e.bar.time, e.bar.final])).toEqual([
      ['update', T0, false], ['update', T0, false], ['update', T0, false], ['update', T0, false],
      ['update', T0, true], ['update', T0 + M, false],
    ]);
    expect(events[4]!.bar).toEqual({ time: T0, open: 100, high: 103, low: 99, close: 101, volume: 5, trades: 4, final: true });
  });

  it('ignores a duplicate trade id', () => {
    const { b, events } = builder();
    b.apply(trade(1, T0, 100));
    b.apply(trade(1, T0, 100));
    b.apply(trade(2, T0 + 5, 101));
    b.apply(trade(2, T0 + 5, 101));
    expect(events).toHaveLength(2);
    expect(b.stats.duplicates).toBe(2);
    expect(b.forming()).toMatchObject({ volume: 2, trades: 2, close: 101 });
  });

  it('amends a closed minute with a late trade and emits a correction, never a new bar', () => {
    const { b, events, last } = builder();
    b.apply(trade(1, T0 + 10, 100));
    b.apply(trade(2, T0 + M + 10, 105));
    b.apply(trade(3, T0 + 30_000, 90, 3)); // late, for the closed first minute
    expect(last()).toEqual({ kind: 'correction', bar: { time: T0, open: 100, high: 100, low: 90, close: 90, volume: 4, trades: 2, final: true } });
    expect(new Set(events.map((e) => e.bar.time))).toEqual(new Set([T0, T0 + M]));
  });

  it('orders open and close by trade time, not arrival, inside a minute', () => {
    const { b } = builder();
    b.apply(trade(10, T0 + 30_000, 100));
    b.apply(trade(9, T0 + 10_000, 95)); // earlier print arriving later: it is the open
    b.apply(trade(11, T0 + 20_000, 97)); // not the last print: close stays 100
    expect(b.forming()).toMatchObject({ open: 95, close: 100, high: 100, low: 95 });
  });

  it('drops a trade older than the retained bars and counts it', () => {
    const { b, events } = builder();
    for (let m = 0; m < 6; m++) b.apply(trade(m + 1, T0 + m * M, 100 + m));
    const before = events.length;
    b.apply(trade(99, T0 + 5, 1));
    expect(events).toHaveLength(before);
    expect(b.stats.droppedLate).toBe(1);
  });

  it('closes the forming bar when the clock passes its end without another trade', () => {
    const { b, last } = builder();
    b.apply(trade(1, T0 + 5, 100));
    b.closeThrough(T0 + M - 1);
    expect(last()!.bar.final).toBe(false);
    b.closeThrough(T0 + M);
    expect(last()).toMatchObject({ kind: 'update', bar: { time: T0, final: true } });
    expect(b.forming()).toBeNull();
  });
});
