import { describe, expect, it } from 'vitest';
import { filterTrips, tripFilterSchema, type TripMeta } from '../../../../shared/journal/trip-filter';
import type { RoundTrip } from '../../../../shared/journal/round-trips';
import { closedTrip } from './journal-fixtures';

const D = (d: number, h = 15): number => Date.UTC(2024, 2, d, h);
const TRIPS: RoundTrip[] = [
  closedTrip({ id: 'a', net: 100, openedAt: D(4), closedAt: D(4, 16) }),
  closedTrip({ id: 'b', net: -50, accountId: 'acc-2', openedAt: D(5), closedAt: D(6) }),
  closedTrip({ id: 'c', net: 0, symbol: 'SPY240315C00500000', underlying: 'SPY', openedAt: D(6), closedAt: D(6, 16) }),
  closedTrip({ id: 'd', net: 20, symbol: 'SPY', openedAt: D(7), closedAt: D(7, 16) }),
  { ...closedTrip({ id: 'e', net: -3, symbol: 'MSFT', openedAt: D(8), closedAt: D(8) }), open: true, closedAt: null, durationMs: null },
];
const META = new Map<string, TripMeta>([
  ['a', { setup: 'orb', strategy: 'orb-15', tags: ['a+', 'fomo'] }],
  ['b', { setup: 'vwap-reclaim', tags: ['fomo'] }],
  ['d', { setup: 'orb', strategy: null, tags: [] }],
]);
const ids = (f: Parameters<typeof filterTrips>[2]): string[] => filterTrips(TRIPS, META, f).map((t) => t.id);

describe('filterTrips', () => {
  it('no filter keeps every trip in order', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('by date range on open or close time', () => {
    expect(ids({ from: D(5, 0), to: D(7, 0) })).toEqual(['b', 'c']);
    expect(ids({ from: D(6, 0), to: D(7, 0), dateField: 'closedAt' })).toEqual(['b', 'c']);
  });

  it('by account, by symbol (its options too), by outcome', () => {
    expect(ids({ accounts: ['acc-2'] })).toEqual(['b']);
    expect(ids({ symbols: ['spy'] })).toEqual(['c', 'd']);
    expect(ids({ outcomes: ['win'] })).toEqual(['a', 'd']);
    expect(ids({ outcomes: ['loss', 'breakeven', 'open'] })).toEqual(['b', 'c', 'e']);
  });

  it('by tag (any of), setup and strategy; every filter must hold', () => {
    expect(ids({ tags: ['fomo'] })).toEqual(['a', 'b']);
    expect(ids({ setups: ['orb'] })).toEqual(['a', 'd']);
    expect(ids({ strategies: ['orb-15'] })).toEqual(['a']);
    expect(ids({ setups: ['orb'], outcomes: ['win'], tags: ['a+'] })).toEqual(['a']);
  });

  it('the filter schema checks input at a boundary', () => {
    expect(tripFilterSchema.safeParse({ outcomes: ['maybe'] }).success).toBe(false);
    expect(tripFilterSchema.parse({ symbols: [' spy '] })).toEqual({ symbols: ['SPY'], dateField: 'openedAt' });
  });
});
