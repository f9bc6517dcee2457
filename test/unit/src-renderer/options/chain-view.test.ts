import { describe, expect, it } from 'vitest';
import type { SymbolId } from '../../../../shared/domain/symbol';
import type { ChainRow } from '../../../../shared/options/wire/chain-row';
import { sideColumns } from '../../../../src-renderer/options/chain-columns';
import { DEFAULT_CHAIN_VIEW, isStale, isWide, limitAtMid, passesFilters, spreadPct } from '../../../../src-renderer/options/chain-view';
import { strikeLadder } from '../../../../src-renderer/options/strike-ladder';

function row(over: Partial<ChainRow>): ChainRow {
  return {
    symbol: 'SPY260320C00665000' as SymbolId,
    type: 'call',
    strike: 665,
    expiry: '2026-03-20',
    bid: 1.2,
    ask: 1.3,
    mark: 1.25,
    last: null,
    iv: 0.18,
    delta: 0.42,
    gamma: 0.03,
    thetaPerDay: -0.2,
    vegaPerPoint: 0.4,
    volume: 120,
    openInterest: 900,
    breakEven: 666.3,
    inTheMoney: false,
    ...over,
  };
}

describe('the chain view', () => {
  it('spread as a percentage of the mid; none without a bid', () => {
    expect(spreadPct({ bid: 1.2, ask: 1.3 })).toBeCloseTo(8, 10);
    expect(spreadPct({ bid: 0, ask: 0.05 })).toBeNull();
    expect(spreadPct({ bid: 2, ask: 2 })).toBe(0);
  });

  it('flags a quote wide above 20% of the mid, or with nobody bidding', () => {
    expect(isWide({ bid: 1.2, ask: 1.3 })).toBe(false);
    expect(isWide({ bid: 0.1, ask: 0.13 })).toBe(true); // 26%
    expect(isWide({ bid: 0.1, ask: 0.12 })).toBe(false); // 18.2%
    expect(isWide({ bid: 0, ask: 0.05 })).toBe(true);
  });

  it('filters by |delta| band, open interest and spread; a contract without delta or OI passes those', () => {
    const v = DEFAULT_CHAIN_VIEW;
    expect(passesFilters(row({}), v)).toBe(true);
    expect(passesFilters(row({ delta: -0.42, type: 'put' }), { ...v, deltaMin: 0.4, deltaMax: 0.6 })).toBe(true);
    expect(passesFilters(row({ delta: 0.39 }), { ...v, deltaMin: 0.4 })).toBe(false);
    expect(passesFilters(row({ delta: 0.61 }), { ...v, deltaMax: 0.6 })).toBe(false);
    expect(passesFilters(row({ delta: null }), { ...v, deltaMin: 0.4 })).toBe(true);
    expect(passesFilters(row({ openInterest: 899 }), { ...v, minOpenInterest: 900 })).toBe(false);
    expect(passesFilters(row({ openInterest: null }), { ...v, minOpenInterest: 900 })).toBe(true);
    expect(passesFilters(row({}), { ...v, maxSpreadPct: 8.01 })).toBe(true);
    expect(passesFilters(row({}), { ...v, maxSpreadPct: 7.9 })).toBe(false);
    expect(passesFilters(row({ bid: 0 }), { ...v, maxSpreadPct: 50 })).toBe(false);
  });

  it('is stale 3 s after its last update, not before, and not while loading', () => {
    expect(isStale(10_000, 13_000)).toBe(false);
    expect(isStale(10_000, 13_001)).toBe(true);
    expect(isStale(null, 99_000)).toBe(false);
  });

  it('starts the ticket at the mid on the premium tick of the bid: pennies below $3, nickels from $3', () => {
    expect(limitAtMid({ bid: 1.2, ask: 1.3 })).toBe(1.25);
    expect(limitAtMid({ bid: 1.2, ask: 1.25 })).toBe(1.23); // 1.225 half-up
    expect(limitAtMid({ bid: 8.7, ask: 8.95 })).toBe(8.85); // 8.825 → 8.85
    expect(limitAtMid({ bid: 2.95, ask: 3.1 })).toBe(3.03); // a book straddling $3 keeps the penny
    expect(limitAtMid({ bid: 0, ask: 0.01 })).toBe(0.01); // never below one tick
  });

  it('orders the shown columns outside in for the calls and mirrored for the puts', () => {
    expect(sideColumns(['bid', 'ask', 'iv', 'delta'], 'call').map((c) => c.id)).toEqual(['delta', 'iv', 'bid', 'ask']);
    expect(sideColumns(['bid', 'ask', 'iv', 'delta'], 'put').map((c) => c.id)).toEqual(['ask', 'bid', 'iv', 'delta']);
    expect(sideColumns(DEFAULT_CHAIN_VIEW.columns, 'call').map((c) => c.label)).toEqual(['Δ', 'IV', 'OI', 'Vol', 'Mid', 'Bid', 'Ask']);
    const r = row({ volume: 12_345, openInterest: null, last: 1.27 });
    expect(sideColumns(['volume', 'oi', 'last', 'iv', 'delta'], 'call').map((c) => c.text(r))).toEqual(['0.42', '18.0%', '—', '12,345', '1.27']);
  });

  it('lays calls and puts out by strike with the line nearest the money marked', () => {
    const rows = [row({ strike: 660 }), row({ strike: 665 }), row({ strike: 665, type: 'put' }), row({ strike: 670, type: 'put' })];
    expect(strikeLadder(rows, 666.2).map((l) => [l.strike, l.call?.strike ?? null, l.put?.strike ?? null, l.atm])).toEqual([
      [660, 660, null, false],
      [665, 665, 665, true],
      [670, null, 670, false],
    ]);
  });
});
