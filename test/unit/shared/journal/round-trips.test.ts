import { describe, expect, it } from 'vitest';
import { buildRoundTrips, type RoundTrip } from '../../../../shared/journal/round-trips';
import { fill, MIN, OPEN_0311 } from './journal-fixtures';

function only(trips: readonly RoundTrip[]): RoundTrip {
  expect(trips).toHaveLength(1);
  return trips[0]!;
}

describe('buildRoundTrips', () => {
  it('a simple long: entry, exit, fees, duration', () => {
    const t = only(
      buildRoundTrips([fill({ id: 'e1', side: 'buy', qty: 100, price: 10, at: 0, fee: 1 }), fill({ id: 'e2', side: 'sell', qty: 100, price: 10.5, at: 5, fee: 1 })]),
    );
    expect(t).toEqual({
      id: 'rt:e1',
      accountId: 'acc-1',
      source: 'sim',
      symbol: 'AAPL',
      underlying: null,
      side: 'long',
      open: false,
      maxQty: 100,
      entryQty: 100,
      exitQty: 100,
      openQty: 0,
      openedAt: OPEN_0311,
      closedAt: OPEN_0311 + 5 * MIN,
      avgEntry: 10,
      avgExit: 10.5,
      grossPnl: 50,
      fees: 2,
      netPnl: 48,
      multiplier: 1,
      durationMs: 300_000,
      executionIds: ['e1', 'e2'],
      firstOrderId: null,
      risk: null,
      r: null,
    });
  });

  it('a short earns when price falls', () => {
    const t = only(
      buildRoundTrips([fill({ id: 's1', side: 'sell', qty: 50, price: 20.1, at: 0, fee: 0.5 }), fill({ id: 's2', side: 'buy', qty: 50, price: 19.85, at: 2, fee: 0.5 })]),
    );
    expect(t.side).toBe('short');
    expect([t.avgEntry, t.avgExit, t.grossPnl, t.fees, t.netPnl]).toEqual([20.1, 19.85, 12.5, 1, 11.5]);
  });

  it('scale-in: the entry is quantity-weighted and maxQty is the peak', () => {
    const t = only(
      buildRoundTrips([
        fill({ id: 'a', side: 'buy', qty: 100, price: 10, at: 0 }),
        fill({ id: 'b', side: 'buy', qty: 100, price: 11, at: 1 }),
        fill({ id: 'c', side: 'buy', qty: 200, price: 12, at: 2 }),
        fill({ id: 'd', side: 'sell', qty: 400, price: 12.5, at: 3 }),
      ]),
    );
    expect([t.entryQty, t.maxQty, t.avgEntry, t.avgExit, t.grossPnl]).toEqual([400, 400, 11.25, 12.5, 500]);
    expect(t.executionIds).toEqual(['a', 'b', 'c', 'd']);
  });

  it('scale-out with partial exits; an open trip reports what it realised so far', () => {
    const fills = [
      fill({ id: 'a', side: 'buy', qty: 300, price: 50, at: 0 }),
      fill({ id: 'b', side: 'sell', qty: 100, price: 51, at: 1 }),
      fill({ id: 'c', side: 'sell', qty: 100, price: 52, at: 2 }),
      fill({ id: 'd', side: 'sell', qty: 100, price: 49, at: 3 }),
    ];
    const open = only(buildRoundTrips(fills.slice(0, 3)));
    expect([open.open, open.openQty, open.exitQty, open.grossPnl, open.avgExit, open.closedAt, open.durationMs]).toEqual([true, 100, 200, 300, 51.5, null, null]);
    const closed = only(buildRoundTrips(fills));
    expect([closed.open, closed.openQty, closed.maxQty, closed.grossPnl, closed.avgExit]).toEqual([false, 0, 300, 200, 50.6666666667]);
  });

  it('a scale-in after a partial exit: P&L is Σ exits − Σ entries', () => {
    const t = only(
      buildRoundTrips([
        fill({ id: 'a', side: 'buy', qty: 100, price: 10, at: 0 }),
        fill({ id: 'b', side: 'sell', qty: 50, price: 12, at: 1 }),
        fill({ id: 'c', side: 'buy', qty: 50, price: 14, at: 2 }),
        fill({ id: 'd', side: 'sell', qty: 100, price: 13, at: 3 }),
      ]),
    );
    // Average cost: +100 on the first exit (avg 10), then avg (50·10 + 50·14)/100 = 12, +100 on the last.
    expect([t.maxQty, t.entryQty, t.avgEntry, t.avgExit, t.grossPnl]).toEqual([100, 150, 11.3333333333, 12.6666666667, 200]);
  });

  it('a flip through zero closes at the fill price and opens the rest there, fee split by quantity', () => {
    const trips = buildRoundTrips([
      fill({ id: 'e1', side: 'buy', qty: 100, price: 10, at: 0, fee: 1 }),
      fill({ id: 'e2', side: 'sell', qty: 300, price: 11, at: 1, fee: 3 }),
      fill({ id: 'e3', side: 'buy', qty: 200, price: 10.5, at: 2, fee: 2 }),
    ]);
    expect(trips.map((t) => [t.id, t.side, t.maxQty, t.avgEntry, t.avgExit, t.grossPnl, t.fees, t.netPnl, t.executionIds])).toEqual([
      ['rt:e1', 'long', 100, 10, 11, 100, 2, 98, ['e1', 'e2']],
      ['rt:e2', 'short', 200, 11, 10.5, 100, 4, 96, ['e2', 'e3']],
    ]);
    expect(trips[0]!.closedAt).toBe(OPEN_0311 + MIN);
    expect(trips[1]!.openedAt).toBe(OPEN_0311 + MIN);
  });

  it('a flip with an uneven fee split keeps the fee whole', () => {
    const trips = buildRoundTrips([fill({ id: 'e1', side: 'buy', qty: 100, price: 10, at: 0 }), fill({ id: 'e2', side: 'sell', qty: 150, price: 10, at: 1, fee: 1 })]);
    expect(trips.map((t) => [t.open, t.fees])).toEqual([
      [false, 0.666666666667],
      [true, 0.333333333333],
    ]);
    expect(trips[0]!.fees + trips[1]!.fees).toBe(1);
  });

  it('two accounts trading one symbol on one day stay separate', () => {
    const trips = buildRoundTrips([
      fill({ id: 'a1', accountId: 'acc-1', side: 'buy', qty: 100, price: 10, at: 0 }),
      fill({ id: 'b1', accountId: 'acc-2', side: 'buy', qty: 50, price: 10.2, at: 1 }),
      fill({ id: 'a2', accountId: 'acc-1', side: 'sell', qty: 100, price: 10.4, at: 10 }),
      fill({ id: 'b2', accountId: 'acc-2', side: 'sell', qty: 20, price: 10.6, at: 11 }),
    ]);
    expect(trips.map((t) => [t.accountId, t.open, t.maxQty, t.openQty, t.grossPnl])).toEqual([
      ['acc-1', false, 100, 0, 40],
      ['acc-2', true, 50, 30, 8],
    ]);
  });

  it('an option (OCC symbol, multiplier 100) and its underlying on the same day stay separate', () => {
    const opt = { symbol: 'AAPL240315C00170000', multiplier: 100, underlying: 'AAPL' };
    const trips = buildRoundTrips([
      fill({ id: 'u1', side: 'buy', qty: 100, price: 170, at: 0 }),
      fill({ id: 'o1', side: 'buy', qty: 2, price: 3.5, at: 1, ...opt }),
      fill({ id: 'o2', side: 'sell', qty: 2, price: 4.25, at: 20, ...opt }),
      fill({ id: 'u2', side: 'sell', qty: 100, price: 171, at: 30 }),
    ]);
    expect(trips.map((t) => [t.symbol, t.underlying, t.multiplier, t.maxQty, t.grossPnl])).toEqual([
      ['AAPL', null, 1, 100, 100],
      ['AAPL240315C00170000', 'AAPL', 100, 2, 150],
    ]);
  });

  it('R from a planned stop (by first order id), from a risk amount, and none without a plan', () => {
    const trips = buildRoundTrips(
      [
        fill({ id: 'a1', orderId: 'ord-1', side: 'buy', qty: 100, price: 50, at: 0 }),
        fill({ id: 'a2', side: 'sell', qty: 100, price: 52.5, at: 5 }),
        fill({ id: 'b1', orderId: 'ord-2', symbol: 'MSFT', side: 'sell', qty: 10, price: 400, at: 6, fee: 1 }),
        fill({ id: 'b2', symbol: 'MSFT', side: 'buy', qty: 10, price: 409.9, at: 9, fee: 1 }),
        fill({ id: 'c1', orderId: 'ord-3', symbol: 'TSLA', side: 'buy', qty: 1, price: 200, at: 10 }),
        fill({ id: 'c2', symbol: 'TSLA', side: 'sell', qty: 1, price: 201, at: 11 }),
        fill({ id: 'o1', orderId: 'ord-4', symbol: 'AAPL240315C00170000', multiplier: 100, underlying: 'AAPL', side: 'buy', qty: 2, price: 3.5, at: 12 }),
        fill({ id: 'o2', symbol: 'AAPL240315C00170000', multiplier: 100, underlying: 'AAPL', side: 'sell', qty: 2, price: 3.25, at: 13 }),
      ],
      {
        riskOf: (k) => {
          if (k.firstOrderId === 'ord-1') return { plannedStop: 49 };
          if (k.tripId === 'rt:b1') return { riskAmount: 200 };
          if (k.firstOrderId === 'ord-4') return { plannedStop: 3 };
          return undefined;
        },
      },
    );
    expect(trips.map((t) => [t.symbol, t.netPnl, t.risk, t.r])).toEqual([
      ['AAPL', 250, 100, 2.5],
      ['MSFT', -101, 200, -0.505],
      ['TSLA', 1, null, null],
      ['AAPL240315C00170000', -50, 100, -0.5],
    ]);
  });

  it('is deterministic: any input order, same-time fills ordered by id', () => {
    const fills = [
      fill({ id: 'x2', side: 'sell', qty: 100, price: 11, at: 1 }),
      fill({ id: 'x1', side: 'buy', qty: 100, price: 10, at: 1 }),
      fill({ id: 'x3', side: 'buy', qty: 10, price: 12, at: 2 }),
    ];
    const a = buildRoundTrips(fills);
    const b = buildRoundTrips([...fills].reverse());
    expect(b).toEqual(a);
    expect(a.map((t) => [t.id, t.executionIds, t.grossPnl, t.open])).toEqual([
      ['rt:x1', ['x1', 'x2'], 100, false],
      ['rt:x3', ['x3'], 0, true],
    ]);
  });

  it('fractional crypto quantities close exactly at zero', () => {
    const trips = buildRoundTrips([
      fill({ id: 'c1', symbol: 'BTCUSDT', side: 'buy', qty: 0.1, price: 60000, at: 0 }),
      fill({ id: 'c2', symbol: 'BTCUSDT', side: 'buy', qty: 0.2, price: 60300, at: 1 }),
      fill({ id: 'c3', symbol: 'BTCUSDT', side: 'sell', qty: 0.3, price: 61000, at: 2 }),
    ]);
    const t = only(trips);
    expect([t.open, t.entryQty, t.avgEntry, t.grossPnl]).toEqual([false, 0.3, 60200, 240]);
  });
});
