import { describe, expect, it } from 'vitest';
import { EXIT_STOP_LOSS, EXIT_TAKE_PROFIT, fillAtOpen, fillInsideBar, LIMIT, MARKET, protectiveExit, STOP, type ExitCheck } from '../../../../../src-main/research/backtest/order-triggers';
import { flat, long, run, short, timeOf, type Ohlc } from './backtest-fixtures';

const FLAT100: Ohlc = [100, 100, 100, 100];
const BUY = 1;
const SELL = -1;

describe('order triggers', () => {
  it('fill at the open: market always, limit/stop only when the open is at or through the price', () => {
    expect(fillAtOpen(MARKET, BUY, Number.NaN, 101)).toBe(101);
    expect(fillAtOpen(LIMIT, BUY, 98, 96)).toBe(96);
    expect(fillAtOpen(LIMIT, BUY, 98, 99)).toBeNaN();
    expect(fillAtOpen(LIMIT, SELL, 105, 106)).toBe(106);
    expect(fillAtOpen(STOP, BUY, 102, 104)).toBe(104);
    expect(fillAtOpen(STOP, BUY, 102, 101)).toBeNaN();
    expect(fillAtOpen(STOP, SELL, 95, 93)).toBe(93);
  });

  it('fill inside the bar at the price when the range reaches it', () => {
    expect(fillInsideBar(LIMIT, BUY, 98, 100, 97)).toBe(98);
    expect(fillInsideBar(LIMIT, BUY, 98, 100, 98.5)).toBeNaN();
    expect(fillInsideBar(LIMIT, SELL, 106, 107, 103)).toBe(106);
    expect(fillInsideBar(STOP, BUY, 102, 103, 100)).toBe(102);
    expect(fillInsideBar(STOP, SELL, 95, 97, 94)).toBe(95);
    expect(fillInsideBar(MARKET, BUY, Number.NaN, 103, 100)).toBeNaN();
  });

  it('protective exits: gaps at the open first, then the stop before the target inside the bar', () => {
    const out: ExitCheck = { kind: 0, price: Number.NaN };
    expect(protectiveExit(1, 95, 110, 101, 111, 94, out)).toBe(true);
    expect(out).toEqual({ kind: EXIT_STOP_LOSS, price: 95 });
    expect(protectiveExit(1, 95, 110, 112, 115, 94, out)).toBe(true);
    expect(out).toEqual({ kind: EXIT_TAKE_PROFIT, price: 112 });
    expect(protectiveExit(-1, 105, 90, 101, 106, 89, out)).toBe(true);
    expect(out).toEqual({ kind: EXIT_STOP_LOSS, price: 105 });
    expect(protectiveExit(-1, 105, 90, 101, 104, 89, out)).toBe(true);
    expect(out).toEqual({ kind: EXIT_TAKE_PROFIT, price: 90 });
    expect(protectiveExit(1, Number.NaN, Number.NaN, 100, 200, 1, out)).toBe(false);
  });
});

describe('stop-loss and take-profit in a run', () => {
  const entry = long('breakout', { stopLoss: 95, takeProfit: 110 });
  const quiet: Ohlc = [100, 105, 98, 101];
  // 100 units bought at bar 1's open (100).

  it('when both lie inside one bar, the stop is assumed to hit first', () => {
    const out = run([FLAT100, quiet, [101, 111, 94, 100]], { 0: entry });
    expect(out.trades).toMatchObject([{ exitTime: timeOf(2), exitPrice: 95, pnl: -500, barsHeld: 1, exitReason: 'stop-loss', entryReason: 'breakout' }]);
  });

  it('the take-profit fills at its price when only it is reached', () => {
    const out = run([FLAT100, quiet, [101, 111, 96, 108]], { 0: entry });
    expect(out.trades).toMatchObject([{ exitPrice: 110, pnl: 1000, exitReason: 'take-profit' }]);
  });

  it('a gap through either level fills at the open', () => {
    expect(run([FLAT100, quiet, [93, 96, 90, 94]], { 0: entry }).trades).toMatchObject([{ exitPrice: 93, pnl: -700, exitReason: 'stop-loss' }]);
    // The open is already above the target: taken there, before the range reaches the stop.
    expect(run([FLAT100, quiet, [112, 115, 94, 113]], { 0: entry }).trades).toMatchObject([{ exitPrice: 112, pnl: 1200, exitReason: 'take-profit' }]);
  });

  it('a position filled at a bar open can be stopped inside that same bar', () => {
    const out = run([FLAT100, [100, 101, 94, 100], FLAT100], { 0: entry });
    expect(out.trades).toMatchObject([{ entryTime: timeOf(1), exitTime: timeOf(1), exitPrice: 95, barsHeld: 0, exitReason: 'stop-loss' }]);
  });

  it('a short is stopped above and takes profit below (stop first when both)', () => {
    const entryShort = short('breakdown', { stopLoss: 105, takeProfit: 90 });
    const out = run([FLAT100, [100, 101, 99, 100], [101, 106, 89, 100]], { 0: entryShort }, { allowShort: true });
    // Short 100 at 100 (cash 20,000); bought back at 105: cash 9,500.
    expect(out.trades).toMatchObject([{ side: 'short', size: 100, exitPrice: 105, pnl: -500, exitReason: 'stop-loss' }]);
    expect(out.stats.equityFinal).toBe(9500);
  });

  it('a limit filled inside a bar has its stop checked from the next bar', () => {
    const dip = long('dip', { entry: { type: 'limit', price: 98 }, stopLoss: 97 });
    // Fills at 98 inside bar 1 (102 units, 9,996) although the low 96 is under the stop; stopped in bar 2 at 97.
    const out = run([FLAT100, [100, 101, 96, 99], [99, 100, 96.5, 98]], { 0: dip });
    expect(out.trades).toMatchObject([{ size: 102, entryTime: timeOf(1), entryPrice: 98, exitTime: timeOf(2), exitPrice: 97, pnl: -102, exitReason: 'stop-loss' }]);
  });
});

describe('limit and stop entries in a run', () => {
  const opened = (rows: Ohlc[], intent: Parameters<typeof long>[1]) => run(rows, { 0: long('entry', intent) }, { closeAtEnd: false }).openPosition;

  it('a buy limit rests until the low reaches it and fills at its price', () => {
    // Not reached in bar 1 (low 99); bar 2's low 97 reaches 98: 102 units.
    expect(opened([FLAT100, [100, 101, 99, 100], [99, 100, 97, 98]], { entry: { type: 'limit', price: 98 } })).toMatchObject({ entryTime: timeOf(2), entryPrice: 98, size: 102 });
  });

  it('a buy limit gapped through fills at the (better) open', () => {
    expect(opened([FLAT100, [96, 97, 95, 96]], { entry: { type: 'limit', price: 98 } })).toMatchObject({ entryTime: timeOf(1), entryPrice: 96, size: 104 });
  });

  it('a buy stop fills at its price when the high reaches it, or at a (worse) gapped open', () => {
    expect(opened([FLAT100, [100, 101, 99, 100], [101, 103, 100, 102]], { entry: { type: 'stop', price: 102 } })).toMatchObject({ entryTime: timeOf(2), entryPrice: 102, size: 98 });
    expect(opened([FLAT100, [104, 105, 103, 104]], { entry: { type: 'stop', price: 102 } })).toMatchObject({ entryTime: timeOf(1), entryPrice: 104, size: 96 });
  });

  it('a sell limit takes a long out at its price', () => {
    const out = run([FLAT100, [100, 101, 99, 100], [101, 105, 100, 104], [104, 107, 103, 106]], { 0: long(), 1: flat('target', { entry: { type: 'limit', price: 106 } }) });
    expect(out.trades).toMatchObject([{ exitTime: timeOf(3), exitPrice: 106, pnl: 600, exitReason: 'target' }]);
  });

  it('a sell stop opens a short when the low reaches it', () => {
    const out = run([FLAT100, [100, 101, 96, 97], [96, 97, 94, 95]], { 0: short('breakdown', { entry: { type: 'stop', price: 95 } }) }, { allowShort: true, closeAtEnd: false });
    // Not in bar 1 (low 96); bar 2 opens at 96 and trades down to 94: short floor(10,000 / 95) = 105 at 95.
    expect(out.openPosition).toMatchObject({ side: 'short', size: 105, entryTime: timeOf(2), entryPrice: 95 });
    expect(out.stats.equityFinal).toBe(10000 + 105 * 95 - 105 * 95);
  });
});
