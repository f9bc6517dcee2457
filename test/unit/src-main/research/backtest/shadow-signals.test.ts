import { describe, expect, it } from 'vitest';
import type { StrategyIntent } from '../../../../../shared/strategy/strategy';
import { flat, long, run, short, timeOf, type Ohlc } from './backtest-fixtures';

const FLAT100: Ohlc = [100, 100, 100, 100];

describe('signals without position: followed as a one-unit position, no costs', () => {
  it('an observed long enters at the next open and exits at its target; the real book never trades', () => {
    const rows: Ohlc[] = [FLAT100, [100, 101, 99, 100], [102, 103, 101, 102], [104, 111, 103, 108], [108, 108, 108, 108]];
    const out = run(rows, { 1: long('watch', { setup: 'orb-up', observe: true, stopLoss: 95, takeProfit: 110 }) }, { commissionRate: 0.001, slippageBps: 5 });
    expect(out.trades).toEqual([]);
    expect(Array.from(out.equity.equity)).toEqual([10000, 10000, 10000, 10000, 10000]);
    expect(out.shadowSignals).toEqual([
      {
        setup: 'orb-up',
        side: 'long',
        reason: 'watch',
        signalTime: timeOf(1),
        entryTime: timeOf(2),
        entryPrice: 102,
        exitTime: timeOf(3),
        exitPrice: 110,
        exitReason: 'take-profit',
        underlyingReturnPct: (110 / 102 - 1) * 100,
      },
    ]);
    expect(out.unfilledSignals).toEqual([{ setup: 'orb-up', side: 'long', count: 1, avgUnderlyingReturnPct: (110 / 102 - 1) * 100, favourablePct: 100 }]);
  });

  it('leaves a real position alone; percent exits are of its own entry; a flat at the close closes both', () => {
    const rows: Ohlc[] = [FLAT100, [100, 101, 99, 100], [101, 102, 100, 101], [101, 101.5, 99.5, 100], [100, 100.5, 99, 99.5]];
    const script: Record<number, StrategyIntent> = {
      0: long('in', { entry: { type: 'close' } }),
      1: short('down day', { setup: 'orb-down', observe: true, stopLossPct: 2 }),
      3: flat('session end', { entry: { type: 'close' } }),
    };
    const out = run(rows, script, { allowShort: true });
    expect(out.trades).toMatchObject([{ side: 'long', entryPrice: 100, exitTime: timeOf(3), exitPrice: 100, exitReason: 'session end' }]);
    // Short from 101 (bar 2's open), stop 101 × 1.02 = 103.02 never reached; out at bar 3's close, 100.
    expect(out.shadowSignals).toEqual([
      {
        setup: 'orb-down',
        side: 'short',
        reason: 'down day',
        signalTime: timeOf(1),
        entryTime: timeOf(2),
        entryPrice: 101,
        exitTime: timeOf(3),
        exitPrice: 100,
        exitReason: 'session end',
        underlyingReturnPct: (100 / 101 - 1) * 100,
      },
    ]);
    expect(out.unfilledSignals).toEqual([{ setup: 'orb-down', side: 'short', count: 1, avgUnderlyingReturnPct: (100 / 101 - 1) * 100, favourablePct: 100 }]);
  });

  it('a gap through the stop exits at the open; with stop and target inside one bar the stop comes first', () => {
    const gap = run([FLAT100, [100, 101, 99, 100], [100, 101, 99, 100], [106, 107, 105, 106]], { 1: short('s', { observe: true, stopLoss: 105 }) });
    expect(gap.shadowSignals).toMatchObject([{ entryPrice: 100, exitTime: timeOf(3), exitPrice: 106, exitReason: 'stop-loss' }]);
    const both = run([FLAT100, [100, 101, 99, 100], [100, 106, 94, 100]], { 0: long('l', { observe: true, stopLoss: 95, takeProfit: 105 }) });
    expect(both.shadowSignals).toMatchObject([{ entryTime: timeOf(1), entryPrice: 100, exitTime: timeOf(2), exitPrice: 95, exitReason: 'stop-loss', underlyingReturnPct: (95 / 100 - 1) * 100 }]);
    expect(both.unfilledSignals).toEqual([{ setup: 'test-long', side: 'long', count: 1, avgUnderlyingReturnPct: (95 / 100 - 1) * 100, favourablePct: 0 }]);
  });

  it('a short in a run without shorts is one too (closed at the last close), and a long held is still closed', () => {
    const rows: Ohlc[] = [FLAT100, [100, 101, 99, 100], [105, 111, 104, 110], [110, 111, 107, 108], [106, 107, 104, 105]];
    const out = run(rows, { 0: long(), 2: short() });
    expect(out.trades).toMatchObject([{ side: 'long', exitTime: timeOf(3), exitPrice: 110, exitReason: 'go short' }]);
    expect(out.shadowSignals).toMatchObject([{ side: 'short', entryTime: timeOf(3), entryPrice: 110, exitTime: timeOf(4), exitPrice: 105, exitReason: 'end of run' }]);
  });

  it('a later signal replaces an open one where it enters; one that never fills is counted without a move', () => {
    const rows: Ohlc[] = [FLAT100, [100, 101, 99, 100], [102, 103, 101, 102], [103, 104, 102, 103], [104, 105, 103, 104]];
    const out = run(rows, { 0: long('a', { observe: true }), 2: long('b', { observe: true }), 4: short('c', { observe: true }) });
    expect(out.shadowSignals.map((s) => [s.reason, s.entryPrice, s.exitPrice, s.exitReason])).toEqual([
      ['a', 100, 103, 'replaced by a later signal'],
      ['b', 103, 104, 'end of run'],
      ['c', null, null, null],
    ]);
    expect(out.unfilledSignals).toEqual([
      { setup: 'test-long', side: 'long', count: 2, avgUnderlyingReturnPct: ((103 / 100 - 1) * 100 + (104 / 103 - 1) * 100) / 2, favourablePct: 100 },
      { setup: 'test-short', side: 'short', count: 1, avgUnderlyingReturnPct: null, favourablePct: null },
    ]);
  });
});

describe('percent exits of a real position: of the actual fill price', () => {
  it('a long filled at 100.1 (10 bps slippage) with stop 1% and target 2%: 99.099 and 102.102', () => {
    const out = run([FLAT100, [100, 101, 99.5, 100], [100, 100.5, 99.5, 100]], { 0: long('in', { stopLossPct: 1, takeProfitPct: 2 }) }, { slippageBps: 10, closeAtEnd: false });
    expect(out.openPosition).toMatchObject({ entryPrice: 100.1, stopLoss: 100.1 * (1 - 1 / 100), takeProfit: 100.1 * (1 + 2 / 100) });
  });

  it('a short at 100: stop 101, target 97; the stop is hit inside the next bar', () => {
    const out = run([FLAT100, [100, 100.5, 99.5, 100], [100, 101.5, 99.5, 101]], { 0: short('in', { stopLossPct: 1, takeProfitPct: 3 }) }, { allowShort: true });
    expect(out.trades).toMatchObject([{ side: 'short', entryPrice: 100, exitPrice: 101, exitReason: 'stop-loss' }]);
  });

  it('an intent for the side held moves the stop to a percent of the entry', () => {
    const out = run([FLAT100, [100, 101, 99, 100], [100, 100.5, 97.5, 100], [100, 100, 100, 100]], { 0: long(), 1: long('tighten', { stopLossPct: 2 }) });
    expect(out.trades).toMatchObject([{ entryPrice: 100, exitTime: timeOf(2), exitPrice: 98, exitReason: 'stop-loss' }]);
  });
});

describe('onIntent', () => {
  it('sees every valid intent at its bar close, with whether it was kept without a position', () => {
    const seen: [string, number, number, boolean][] = [];
    run([FLAT100, [100, 101, 99, 100.5], [100, 101, 99, 99.5]], { 0: long(), 1: short('s'), 2: flat() }, {}, { onIntent: (i, t, c, observed) => seen.push([i.target, t, c, observed]) });
    expect(seen).toEqual([
      ['long', timeOf(0), 100, false],
      ['short', timeOf(1), 100.5, true],
      ['flat', timeOf(2), 99.5, false],
    ]);
  });
});
