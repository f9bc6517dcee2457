import { describe, expect, it } from 'vitest';
import { exitDirection, firstTickBeyond, resolveExitPrice, type ExitLeg } from '../../../../shared/trading/exit-resolution';
import type { ExitSpec } from '../../../../shared/trading/exit-spec';
import type { Side } from '../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import { AAPL, AAPL_CALL, ES } from '../../src-main/trading/trading-fixtures';

type Case = [string, ExitSpec, ExitLeg, Side, number, TradedInstrument, number];

describe('exit resolution', () => {
  it('a take-profit sits above a long and below a short; a stop the other way', () => {
    expect(exitDirection('takeProfit', 'buy')).toBe(1);
    expect(exitDirection('stopLoss', 'buy')).toBe(-1);
    expect(exitDirection('takeProfit', 'sell')).toBe(-1);
    expect(exitDirection('stopLoss', 'sell')).toBe(1);
    expect(firstTickBeyond(100, 1, 0.01)).toBe(100.01);
    expect(firstTickBeyond(100.005, 1, 0.01)).toBe(100.01);
    expect(firstTickBeyond(100.005, -1, 0.01)).toBe(100);
  });

  it.each<Case>([
    ['the trader: bought at $2, sell at $2.05', { kind: 'amount', amount: 0.05 }, 'takeProfit', 'buy', 2, AAPL_CALL, 2.05],
    ['… or at $2.10', { kind: 'amount', amount: 0.1 }, 'takeProfit', 'buy', 2, AAPL_CALL, 2.1],
    ['a price', { kind: 'price', price: 2.1 }, 'takeProfit', 'buy', 2, AAPL_CALL, 2.1],
    ['ticks above a long', { kind: 'ticks', ticks: 5 }, 'takeProfit', 'buy', 100, AAPL, 100.05],
    ['ticks below a long', { kind: 'ticks', ticks: 10 }, 'stopLoss', 'buy', 100, AAPL, 99.9],
    ['percent above a long', { kind: 'percent', percent: 2.5 }, 'takeProfit', 'buy', 100, AAPL, 102.5],
    ['percent above a short (its stop)', { kind: 'percent', percent: 1 }, 'stopLoss', 'sell', 100, AAPL, 101],
    ['ticks below a short (its take-profit)', { kind: 'ticks', ticks: 10 }, 'takeProfit', 'sell', 100, AAPL, 99.9],
    ['amount above a short', { kind: 'amount', amount: 0.5 }, 'stopLoss', 'sell', 100, AAPL, 100.5],
    // 2.03 × 10% = 0.203: 2.233 → 2.23, 1.827 → 1.83 (nearest tick)
    ['percent rounds to the nearest tick (up side)', { kind: 'percent', percent: 10 }, 'takeProfit', 'buy', 2.03, AAPL_CALL, 2.23],
    ['percent rounds to the nearest tick (down side)', { kind: 'percent', percent: 10 }, 'stopLoss', 'buy', 2.03, AAPL_CALL, 1.83],
    // 2.005 and 1.995 are ties: away from the fill
    ['a tie goes away from the fill (above)', { kind: 'amount', amount: 0.005 }, 'takeProfit', 'buy', 2, AAPL_CALL, 2.01],
    ['a tie goes away from the fill (below)', { kind: 'amount', amount: 0.005 }, 'stopLoss', 'buy', 2, AAPL_CALL, 1.99],
    // 2.001 would round onto the fill: one tick beyond instead
    ['never at the fill (above)', { kind: 'amount', amount: 0.001 }, 'takeProfit', 'buy', 2, AAPL_CALL, 2.01],
    ['never at the fill (below)', { kind: 'amount', amount: 0.001 }, 'stopLoss', 'buy', 2, AAPL_CALL, 1.99],
    // an average fill off the tick (100.005): 100.015 ties up to 100.02; 99.995 ties down to 99.99
    ['from an average fill off the tick, above', { kind: 'ticks', ticks: 1 }, 'takeProfit', 'buy', 100.005, AAPL, 100.02],
    ['from an average fill off the tick, below', { kind: 'ticks', ticks: 1 }, 'stopLoss', 'buy', 100.005, AAPL, 99.99],
    // quarter tick: 5,200 × 0.1% = 5.2 → 5,205.2 → 5,205.25
    ['a quarter tick, percent', { kind: 'percent', percent: 0.1 }, 'takeProfit', 'buy', 5200, ES, 5205.25],
    ['a quarter tick, ticks', { kind: 'ticks', ticks: 3 }, 'stopLoss', 'buy', 5200, ES, 5199.25],
  ])('%s', (_name, spec, leg, side, fill, instrument, price) => {
    expect(resolveExitPrice(spec, leg, side, fill, instrument)).toEqual({ ok: true, value: { price, adjusted: null } });
  });

  it.each<[ExitSpec, ExitLeg, Side, number, string, string]>([
    [{ kind: 'price', price: 1.95 }, 'takeProfit', 'buy', 2, 'takeProfit', 'takeProfit 1.95 must be above the fill 2.00 for a buy'],
    [{ kind: 'price', price: 2 }, 'takeProfit', 'buy', 2, 'takeProfit', 'takeProfit 2.00 must be above the fill 2.00 for a buy'],
    [{ kind: 'price', price: 2.05 }, 'stopLoss', 'buy', 2, 'stopLoss', 'stopLoss 2.05 must be below the fill 2.00 for a buy'],
    [{ kind: 'price', price: 2.05 }, 'takeProfit', 'sell', 2, 'takeProfit', 'takeProfit 2.05 must be below the fill 2.00 for a sell'],
    [{ kind: 'price', price: 2.055 }, 'takeProfit', 'buy', 2, 'takeProfit', 'takeProfit 2.055 is off the tick 0.01'],
    [{ kind: 'percent', percent: 100 }, 'stopLoss', 'buy', 10, 'stopLoss', 'stopLoss 100% below the fill 10.00 is at or below zero'],
    [{ kind: 'percent', percent: 150 }, 'takeProfit', 'sell', 10, 'takeProfit', 'takeProfit 150% below the fill 10.00 is at or below zero'],
    [{ kind: 'amount', amount: 12 }, 'stopLoss', 'buy', 10, 'stopLoss', 'stopLoss 12 per unit below the fill 10.00 is at or below zero'],
    [{ kind: 'ticks', ticks: 1000 }, 'stopLoss', 'buy', 10, 'stopLoss', 'stopLoss 1,000 ticks below the fill 10.00 is at or below zero'],
  ])('refuses %o as %s of a %s filled at %d, naming %s', (spec, leg, side, fill, field, message) => {
    expect(resolveExitPrice(spec, leg, side, fill, AAPL_CALL)).toEqual({ ok: false, field, message });
  });

  it('when arming after the fill, a price on the wrong side moves to the first tick beyond (and says so)', () => {
    // a buy limit at 99.50 filled at 99.00 (better): its stop at 99.50 is now above the fill
    expect(resolveExitPrice({ kind: 'price', price: 99.5 }, 'stopLoss', 'buy', 99, AAPL, { clamp: true })).toEqual({
      ok: true,
      value: { price: 98.99, adjusted: 'stopLoss 99.50 must be below the fill 99.00 for a buy: placed at 98.99' },
    });
    expect(resolveExitPrice({ kind: 'price', price: 2.055 }, 'takeProfit', 'buy', 2, AAPL_CALL, { clamp: true })).toEqual({
      ok: true,
      value: { price: 2.06, adjusted: 'takeProfit 2.055 was off the tick: placed at 2.06' },
    });
  });

  it('names the basis it measured from', () => {
    expect(resolveExitPrice({ kind: 'price', price: 99 }, 'takeProfit', 'buy', 100, AAPL, { basis: 'entry price' })).toMatchObject({
      message: 'takeProfit 99.00 must be above the entry price 100.00 for a buy',
    });
  });
});
