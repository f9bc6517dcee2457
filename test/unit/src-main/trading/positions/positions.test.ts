import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../../../shared/trading/execution';
import type { Position } from '../../../../../shared/trading/position';
import { applyExecution, openPositions, positionKey, positionsFromExecutions } from '../../../../../src-main/trading/positions/position-ledger';
import { accountTotals, cashOf, markOf, unrealizedPnl } from '../../../../../src-main/trading/positions/position-marks';
import { AAPL, AAPL_CALL, at, BTC } from '../trading-fixtures';
import type { TradedInstrument } from '../../../../../shared/trading/traded-instrument';

let n = 0;
function fill(instrument: TradedInstrument, side: 'buy' | 'sell', qty: number, price: number, fee: number, t: number): Execution {
  n++;
  return {
    id: `x${String(n)}`,
    orderId: null,
    accountId: 'acc1',
    source: instrument.source,
    symbol: instrument.symbol,
    side,
    qty,
    price,
    fee,
    multiplier: instrument.multiplier,
    underlying: instrument.underlying,
    underlyingPrice: null,
    time: at(t),
    origin: 'paper',
  };
}

function fold(executions: Execution[]): Position[] {
  const out: Position[] = [];
  let p: Position | null = null;
  for (const e of executions) {
    p = applyExecution(p, e);
    out.push(p);
  }
  return out;
}

const pick = (p: Position) => [p.qty, p.avgPrice, p.realizedPnl, p.fees, p.openedAt];

describe('positions from executions', () => {
  it('scale in, partial exit, a fill through zero (a flip), and back to flat', () => {
    const steps = fold([
      fill(AAPL, 'buy', 10, 100, 1, 1),
      fill(AAPL, 'buy', 10, 102, 1, 2),
      fill(AAPL, 'sell', 5, 105, 1, 3),
      fill(AAPL, 'sell', 20, 99, 1, 4),
      fill(AAPL, 'buy', 5, 97, 1, 5),
    ]);
    expect(steps.map(pick)).toEqual([
      [10, 100, 0, 1, at(1)],
      // scale-in averages: (10 × 100 + 10 × 102) / 20
      [20, 101, 0, 2, at(1)],
      // partial exit realises (105 − 101) × 5, keeps the average
      [15, 101, 20, 3, at(1)],
      // through zero: (99 − 101) × 15 = −30 realised, short 5 opened at 99 now
      [-5, 99, -10, 4, at(4)],
      // covering the short: (97 − 99) × 5 × −1 = +10
      [0, 0, 0, 5, null],
    ]);
    expect(steps[0]).toMatchObject({ accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', multiplier: 1, underlying: null });
  });

  it('a short option: sold at 2.05, part bought back at 1.95 (× 100 per contract)', () => {
    const steps = fold([fill(AAPL_CALL, 'sell', 3, 2.05, 1.95, 1), fill(AAPL_CALL, 'buy', 1, 1.95, 0.65, 2)]);
    expect(steps.map(pick)).toEqual([
      [-3, 2.05, 0, 1.95, at(1)],
      [-2, 2.05, 10, 2.6, at(1)],
    ]);
    expect(steps[1]).toMatchObject({ multiplier: 100, underlying: 'AAPL' });
  });

  it('fractional crypto quantities stay exact', () => {
    const steps = fold([fill(BTC, 'buy', 0.1, 60000, 6, 1), fill(BTC, 'buy', 0.2, 60300, 12.06, 2), fill(BTC, 'sell', 0.3, 60500, 18.15, 3)]);
    // average (0.1 × 60,000 + 0.2 × 60,300) / 0.3 = 60,200; realised (60,500 − 60,200) × 0.3 = 90
    expect(steps.map(pick)).toEqual([
      [0.1, 60000, 0, 6, at(1)],
      [0.3, 60200, 0, 18.06, at(1)],
      [0, 0, 90, 36.21, null],
    ]);
  });

  it('groups by account and instrument, closed ones kept (their P&L counts)', () => {
    const ps = positionsFromExecutions([fill(AAPL, 'buy', 10, 100, 1, 1), fill(BTC, 'sell', 0.5, 60000, 30, 2), fill(AAPL, 'sell', 10, 101, 1, 3)]);
    expect(ps.map((p) => [p.symbol, p.qty, p.realizedPnl])).toEqual([
      ['AAPL', 0, 10],
      ['BTCUSDT', -0.5, 0],
    ]);
    expect(openPositions(ps).map((p) => p.symbol)).toEqual(['BTCUSDT']);
  });
});

describe('marks, unrealised P&L and cash', () => {
  it('marks at the mid of a book, at the last price of a synthetic quote', () => {
    expect(markOf({ bid: 1.9, ask: 2, last: 1.97, kind: 'book' })).toBe(1.95);
    expect(markOf({ bid: 1.9, ask: 2, last: 1.97, kind: 'synthetic' })).toBe(1.97);
    expect(markOf({ bid: 1.9, ask: 2, last: null, kind: 'synthetic' })).toBe(1.95);
  });

  it('unrealised P&L of a long and a short', () => {
    expect(unrealizedPnl({ qty: 20, avgPrice: 101, multiplier: 1 }, 103.5)).toBe(50);
    // short 2 calls at 2.05 marked at 1.95: (1.95 − 2.05) × −2 × 100
    expect(unrealizedPnl({ qty: -2, avgPrice: 2.05, multiplier: 100 }, 1.95)).toBe(20);
    expect(unrealizedPnl({ qty: 0, avgPrice: 0, multiplier: 1 }, 5)).toBe(0);
  });

  it('cash = starting cash + realised − fees; equity adds the unrealised', () => {
    const ps = positionsFromExecutions([
      fill(AAPL, 'buy', 10, 100, 1, 1),
      fill(AAPL, 'sell', 10, 101.5, 1, 2),
      fill(AAPL_CALL, 'sell', 3, 2.05, 1.95, 3),
      fill(AAPL_CALL, 'buy', 1, 1.95, 0.65, 4),
      fill(BTC, 'buy', 0.01, 60000, 0.6, 5),
    ]);
    // realised 15 (AAPL) + 10 (call); fees 2 + 2.60 + 0.60
    expect(cashOf(10_000, ps)).toBe(10_019.8);
    const marks = new Map([[positionKey('alpaca', 'AAPL240503C00170000'), 1.95]]);
    expect(accountTotals(10_000, ps, marks)).toEqual({ cash: 10_019.8, realizedPnl: 25, fees: 5.2, unrealizedPnl: 20, equity: 10_039.8, unmarked: ['binance:BTCUSDT'] });
  });
});
