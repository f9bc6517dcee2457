import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../../../src-main/research/backtest';
import { barsOf, CRYPTO_1M, flat, long, run, ScriptedStrategy, short, timeOf, type Ohlc } from './backtest-fixtures';

const FLAT100: Ohlc = [100, 100, 100, 100];

describe('runBacktest: market orders fill at the next open', () => {
  const rows: Ohlc[] = [
    [100, 101, 99, 100],
    [100, 102, 99, 101],
    [101, 103, 100, 102], // long at this close
    [104, 105, 103, 104], // fills at this open: 96 units (96 * 104 = 9,984; 97 * 104 = 10,088)
    [104, 106, 103, 105], // flat at this close
    [106, 107, 105, 106], // fills at this open
  ];

  it('signal at bar 2 close fills at bar 3 open; flat at bar 4 close fills at bar 5 open', () => {
    const out = run(rows, { 2: long(), 4: flat() });
    expect(out.trades).toEqual([
      {
        side: 'long',
        size: 96,
        entryTime: timeOf(3),
        entryPrice: 104,
        exitTime: timeOf(5),
        exitPrice: 106,
        pnl: 192,
        returnPct: (192 / 9984) * 100,
        barsHeld: 2,
        commission: 0,
        setup: 'test-long',
        entryReason: 'go long',
        exitReason: 'exit',
      },
    ]);
    // cash 16 after the entry; marked at 104, 105, then 16 + 96 * 106.
    expect(Array.from(out.equity.equity)).toEqual([10000, 10000, 10000, 10000, 10096, 10192]);
    expect(Array.from(out.equity.time)).toEqual([0, 1, 2, 3, 4, 5].map((i) => timeOf(i)));
    expect(out.stats.exposurePct).toBe(50); // bars 3, 4, 5 of 6
    expect(out.openPosition).toBeNull();
  });

  it('tells the strategy its position after the fills, through one reused bar object', () => {
    const strategy = new ScriptedStrategy({ 2: long(), 4: flat() });
    const outcome = runBacktest(strategy, barsOf(rows), CRYPTO_1M);
    expect(outcome.ok).toBe(true);
    expect(strategy.seen.map((s) => s.position)).toEqual([0, 0, 0, 96, 96, 0]);
    expect(strategy.seen.map((s) => s.close)).toEqual([100, 101, 102, 104, 105, 106]);
    expect(strategy.barObjects.size).toBe(1);
  });

  it("a 'close' entry fills at the generating bar's close (market-on-close)", () => {
    const out = run(rows, { 1: long('moc', { entry: { type: 'close' } }), 3: flat('moc out', { entry: { type: 'close' } }) });
    // 99 units at 101 (9,999), cash 1; out at 104: 1 + 99 * 104 = 10,297.
    expect(out.trades).toMatchObject([{ size: 99, entryTime: timeOf(1), entryPrice: 101, exitTime: timeOf(3), exitPrice: 104, pnl: 297, barsHeld: 2 }]);
    expect(Array.from(out.equity.equity)).toEqual([10000, 10000, 10099, 10297, 10297, 10297]);
    expect(out.stats.exposurePct).toBe(50); // bars 1, 2, 3
  });

  it('counts entries the cash cannot buy one whole unit of (and fractional units buy them)', () => {
    const dear: Ohlc[] = [
      [30000, 30000, 30000, 30000],
      [30000, 30100, 29900, 30050],
      [30050, 30100, 30000, 30100],
    ];
    const whole = run(dear, { 0: long() });
    expect(whole.trades).toEqual([]);
    expect(whole.unaffordableEntries).toBe(1);
    const fractional = run(dear, { 0: long() }, { fractional: true });
    // 10,000 / 30,000 = 0.33333333 (whole 1e-8 steps).
    expect(fractional.trades).toMatchObject([{ size: 0.33333333, entryPrice: 30000, exitPrice: 30100 }]);
    expect(fractional.unaffordableEntries).toBe(0);
  });

  it('sizeFraction commits that fraction of equity', () => {
    const out = run([FLAT100, [100, 101, 99, 100], [110, 110, 110, 110]], { 0: long('half', { sizeFraction: 0.5 }) }, { closeAtEnd: false });
    expect(out.openPosition).toMatchObject({ side: 'long', size: 50, entryPrice: 100 });
    expect(Array.from(out.equity.equity)).toEqual([10000, 10000, 10500]);
  });
});

describe('runBacktest: sizing and costs', () => {
  const rows: Ohlc[] = [
    [99, 99, 99, 99],
    [99, 100, 98, 99], // fills at 99
    [100, 100, 100, 100],
  ];

  it('buys the largest whole number of units cash affords with commission (10,000 at 99, 0.1%: 100 units)', () => {
    // 100 * 99 * 1.001 = 9,909.9 <= 10,000; 101 * 99 * 1.001 = 10,008.999 > 10,000.
    const out = run(rows, { 0: long() }, { commissionRate: 0.001, closeAtEnd: false });
    const cashAfter = 10000 - (9900 + 9900 * 0.001);
    expect(cashAfter).toBeCloseTo(90.1, 10);
    expect(out.openPosition).toEqual({ side: 'long', size: 100, entryTime: timeOf(1), entryPrice: 99, commission: 9900 * 0.001, setup: 'test-long', entryReason: 'go long', stopLoss: null, takeProfit: null });
    expect(out.equity.equity[1]).toBe(cashAfter + 100 * 99);
    expect(out.equity.equity[2]).toBe(cashAfter + 100 * 100);
    expect(out.stats.commissionsPaid).toBe(9.9);
    expect(out.stats.trades).toBe(0);
  });

  it('pays commission on both legs, and closes at the last close at the end of the run', () => {
    const out = run(rows, { 0: long() }, { commissionRate: 0.001 });
    // Exit: 100 * 100 = 10,000 notional, 10 commission.
    const [t] = out.trades;
    expect(t).toMatchObject({ size: 100, entryPrice: 99, exitPrice: 100, exitTime: timeOf(2), barsHeld: 1, exitReason: 'end of run' });
    expect(t?.commission).toBeCloseTo(19.9, 10);
    expect(t?.pnl).toBeCloseTo(100 - 19.9, 10);
    expect(t?.returnPct).toBeCloseTo((80.1 / 9900) * 100, 10);
    expect(out.equity.equity[2]).toBeCloseTo(10080.1, 9);
    expect(out.stats.commissionsPaid).toBeCloseTo(19.9, 10);
    expect(out.openPosition).toBeNull();
  });

  const roundTrip: Ohlc[] = [FLAT100, [100, 101, 99, 100], [105, 111, 104, 110], [110, 111, 109, 110]];

  it('charges a fixed fee per fill and sizes around it', () => {
    // (10,000 - 5) / 100 -> 99 units (9,905); exit 99 * 110 - 5: cash 95 + 10,885 = 10,980.
    const out = run(roundTrip, { 0: long(), 2: flat() }, { commissionFixed: 5 });
    expect(out.trades).toMatchObject([{ size: 99, entryPrice: 100, exitPrice: 110, pnl: 980, commission: 10, returnPct: (980 / 9900) * 100 }]);
    expect(Array.from(out.equity.equity)).toEqual([10000, 95 + 9900, 95 + 99 * 110, 10980]);
    expect(out.stats.commissionsPaid).toBe(10);
  });

  it('slippage in basis points buys higher and sells lower', () => {
    const out = run(roundTrip, { 0: long(), 2: flat() }, { slippageBps: 10 });
    // buy at 100 * 1.001 = 100.1 -> 99 units (9,909.9); sell at 110 * 0.999 = 109.89.
    const [t] = out.trades;
    expect(t?.size).toBe(99);
    expect(t?.entryPrice).toBeCloseTo(100.1, 10);
    expect(t?.exitPrice).toBeCloseTo(109.89, 10);
    expect(t?.pnl).toBeCloseTo(99 * 9.79, 8);
    expect(out.stats.equityFinal).toBeCloseTo(10000 + 969.21, 8);
  });

  it('a spread costs half of it on each fill', () => {
    const out = run(roundTrip, { 0: long(), 2: flat() }, { spread: 0.5 });
    // buy at 100.25 -> 99 units (9,924.75); sell at 109.75: pnl 99 * 9.5.
    expect(out.trades).toMatchObject([{ size: 99, entryPrice: 100.25, exitPrice: 109.75, pnl: 940.5 }]);
    expect(out.stats.equityFinal).toBe(10940.5);
  });
});

describe('runBacktest: reversals, long-only and the end of the run', () => {
  const rows: Ohlc[] = [FLAT100, [100, 101, 99, 100], [105, 111, 104, 110], [110, 111, 107, 108], [106, 107, 104, 105]];

  it('one fill closes the long and opens the short: two trades', () => {
    const out = run(rows, { 0: long(), 2: short() }, { allowShort: true });
    // Long 100 @ 100; at bar 3's open 110: cash 11,000, then short 100 @ 110: cash 22,000; end: 22,000 - 100 * 105.
    expect(out.trades).toEqual([
      { side: 'long', size: 100, entryTime: timeOf(1), entryPrice: 100, exitTime: timeOf(3), exitPrice: 110, pnl: 1000, returnPct: 10, barsHeld: 2, commission: 0, setup: 'test-long', entryReason: 'go long', exitReason: 'reversal' },
      { side: 'short', size: 100, entryTime: timeOf(3), entryPrice: 110, exitTime: timeOf(4), exitPrice: 105, pnl: 500, returnPct: (500 / 11000) * 100, barsHeld: 1, commission: 0, setup: 'test-short', entryReason: 'go short', exitReason: 'end of run' },
    ]);
    expect(Array.from(out.equity.equity)).toEqual([10000, 10000, 11000, 11200, 11500]);
  });

  it('a reversal is two fills: each leg pays its own fixed fee', () => {
    const out = run(rows, { 0: long(), 2: short() }, { allowShort: true, commissionFixed: 5 });
    // Long 99 (cash 95); close at 110: 10,980; short floor(10,975 / 110) = 99: 21,865; close at 105: 11,465.
    expect(out.trades).toMatchObject([
      { side: 'long', size: 99, pnl: 980, commission: 10 },
      { side: 'short', size: 99, pnl: 485, commission: 10 },
    ]);
    expect(out.stats.equityFinal).toBe(11465);
    expect(out.stats.commissionsPaid).toBe(20);
  });

  it('in a long-only run a short intent goes flat with its reason, and is a signal without position', () => {
    const out = run(rows, { 0: long(), 2: short() });
    expect(out.trades).toMatchObject([{ side: 'long', exitTime: timeOf(3), exitPrice: 110, exitReason: 'go short' }]);
    expect(out.stats.trades).toBe(1);
    expect(out.stats.equityFinal).toBe(11000);
    // Followed from bar 3's open (110) to the last close (105): the underlying fell 4.545…%, the short's way.
    expect(out.unfilledSignals).toEqual([{ setup: 'test-short', side: 'short', count: 1, avgUnderlyingReturnPct: (105 / 110 - 1) * 100, favourablePct: 100 }]);
  });

  it('closeAtEnd false leaves the position open and marked at the last close', () => {
    const out = run(rows, { 0: long() }, { closeAtEnd: false });
    expect(out.trades).toEqual([]);
    expect(out.openPosition).toEqual({ side: 'long', size: 100, entryTime: timeOf(1), entryPrice: 100, commission: 0, setup: 'test-long', entryReason: 'go long', stopLoss: null, takeProfit: null });
    expect(out.stats.equityFinal).toBe(100 * 105);
    expect(out.stats.exposurePct).toBe(80); // bars 1-4 of 5
    expect(out.stats.trades).toBe(0);
  });

  it('drops an order still resting at the end', () => {
    const out = run(rows, { 4: long() });
    expect(out.trades).toEqual([]);
    expect(out.openPosition).toBeNull();
    expect(out.stats.exposurePct).toBe(0);
  });

  it('a new intent replaces a resting one; an intent for the side held only moves its stop', () => {
    const cancelled = run([FLAT100, [100, 101, 99, 100], [95, 96, 85, 90]], { 0: long('dip', { entry: { type: 'limit', price: 90 } }), 1: flat('never mind') });
    expect(cancelled.trades).toEqual([]);
    const moved = run([FLAT100, [100, 101, 99, 100], [100, 101, 98.5, 100], [100, 100, 100, 100]], { 0: long(), 1: long('tighten', { stopLoss: 99 }) });
    expect(moved.trades).toMatchObject([{ entryTime: timeOf(1), exitTime: timeOf(2), exitPrice: 99, pnl: -100, exitReason: 'stop-loss' }]);
  });

  it('reports progress every N bars and at the end', () => {
    const calls: [number, number][] = [];
    run(rows, {}, {}, { progressEvery: 2, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});
