import { prng as rng } from '../../../../helpers/prng';
import { describe, expect, it } from 'vitest';
import { barsFromColumns } from '../../../../../shared/domain/bar-columns';
import { bar, type Bar } from '../../../../../shared/domain/bar';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { BarMerger, type MergedUpdate } from '../../../../../src-main/market-data/engine/bar-merger';
import { CandleBuilder } from '../../../../../src-main/market-data/engine/candle-builder';

const M = 60_000;
const T0 = 1_700_000_040_000;

type Op = { kind: 'live'; bar: Bar } | { kind: 'history'; bars: Bar[] };

/**
 * A scripted market: trades over `minutes` minutes, the live versions a
 * candle builder emits, and the venue's history. Live misses some trades
 * (a dropped message), so for those minutes the venue's bar differs from the
 * one built live, and must win whatever the order.
 */
function scenario(seed: number, minutes: number): { ops: Op[]; truth: Bar[] } {
  const r = rng(seed);
  const ops: Op[] = [];
  const builder = new CandleBuilder((b) => ops.push({ kind: 'live', bar: b }), { retain: minutes });
  const venue = new Map<number, Bar>();
  const venueBuilder = new CandleBuilder((b) => venue.set(b.time, b), { retain: minutes });
  let price = 100;
  let id = 1;
  for (let m = 0; m < minutes; m++) {
    const n = 1 + Math.floor(r() * 5);
    for (let k = 0; k < n; k++) {
      price = Math.round((price + (r() - 0.5) * 2) * 100) / 100;
      const trade = { id: id++, time: (T0 + m * M + Math.floor(r() * 59_000)) as EpochMs, price, size: 1 + Math.floor(r() * 3) };
      venueBuilder.apply(trade);
      if (r() > 0.1) builder.apply(trade); // about one trade in ten never reaches us live
    }
  }
  builder.closeThrough(T0 + minutes * M);
  venueBuilder.closeThrough(T0 + minutes * M);
  // The venue's closed bars (what REST returns): the truth, including the trades live missed.
  const truth = [...venue.values()].sort((a, b) => a.time - b.time);
  // History arrives in overlapping batches, some of it duplicated.
  for (let start = 0; start < truth.length; start += 3) ops.push({ kind: 'history', bars: truth.slice(Math.max(0, start - 1), start + 4) });
  return { ops, truth };
}

function run(ops: readonly Op[]): { bars: Bar[]; updates: MergedUpdate[] } {
  const updates: MergedUpdate[] = [];
  const merger = new BarMerger(1_000, (u) => updates.push(u));
  for (const op of ops) {
    if (op.kind === 'live') merger.live(op.bar);
    else merger.history(op.bars);
  }
  return { bars: barsFromColumns(merger.snapshot()), updates };
}

function shuffled<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('BarMerger', () => {
  it('keeps a newer live bar over older history of the same minute, and lets a final bar win', () => {
    const merger = new BarMerger(10);
    merger.live(bar(T0, 100, 105, 99, 104, 10, 7, false));
    merger.history([bar(T0, 100, 103, 99, 101, 6, 4, false)]); // a stale REST page
    expect(barsFromColumns(merger.snapshot())[0]).toMatchObject({ close: 104, trades: 7 });
    merger.history([bar(T0, 100, 106, 99, 105, 12, 8, true)]); // the closed bar
    merger.live(bar(T0, 100, 105, 99, 104, 10, 7, false)); // a forming update arriving late
    expect(barsFromColumns(merger.snapshot())[0]).toMatchObject({ close: 105, final: true });
  });

  it('numbers every emitted change and emits nothing for a duplicate', () => {
    const seen: number[] = [];
    const merger = new BarMerger(10, (u) => seen.push(u.seq));
    const b = bar(T0, 1, 1, 1, 1, 1, 1, true);
    merger.live(b);
    merger.live(b);
    merger.history([b, b]);
    merger.live(bar(T0 + M, 1, 1, 1, 1, 1, 1, false));
    expect(seen).toEqual([1, 2]);
  });

  it('property: any interleaving (reordered, duplicated, late) converges to applying in time order', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { ops, truth } = scenario(seed, 30);
      const inOrder = run(ops).bars;
      expect(inOrder).toEqual(truth);
      const r = rng(seed * 7919);
      for (let round = 0; round < 5; round++) {
        const messy = shuffled([...ops, ...ops.filter(() => r() < 0.2)], r);
        expect(run(messy).bars).toEqual(inOrder);
      }
    }
  });

  it('property: emitted updates replayed onto an empty series give the same bars', () => {
    const { ops } = scenario(99, 20);
    const { bars, updates } = run(shuffled(ops, rng(5)));
    expect(updates.map((u) => u.seq)).toEqual(updates.map((_, i) => i + 1));
    const replay = new Map<number, Bar>();
    for (const u of updates) replay.set(u.bar.time, u.bar);
    expect([...replay.values()].sort((a, b) => a.time - b.time)).toEqual(bars);
  });
});
