import { describe, expect, it } from 'vitest';
import { allocColumns } from '../../../../../shared/domain/bar-columns';
import type { Strategy, StrategyIntent } from '../../../../../shared/strategy/strategy';
import { parseBacktestConfig } from '../../../../../src-main/research/backtest';
import { validateBars } from '../../../../../src-main/research/backtest/validate-bars';
import { barsOf, CRYPTO_1M, long, runError, ScriptedStrategy, timeOf, type Ohlc } from './backtest-fixtures';

const OK: Ohlc = [100, 101, 99, 100];
const idle = new ScriptedStrategy({});

describe('config', () => {
  it('fills the defaults', () => {
    expect(parseBacktestConfig(CRYPTO_1M)).toEqual({
      ok: true,
      config: {
        cash: 10000,
        commissionRate: 0,
        commissionFixed: 0,
        slippageBps: 0,
        spread: 0,
        allowShort: false,
        fractional: false,
        closeAtEnd: true,
        market: 'crypto',
        intervalMs: 60000,
      },
    });
  });

  it('refuses a bad value, naming the field', () => {
    expect(runError(idle, barsOf([OK]), { ...CRYPTO_1M, commissionRate: -0.1 })).toMatchObject({ kind: 'config', field: 'commissionRate' });
    expect(runError(idle, barsOf([OK]), { ...CRYPTO_1M, cash: 0 })).toMatchObject({ kind: 'config', field: 'cash' });
    expect(runError(idle, barsOf([OK]), { intervalMs: 60000 })).toMatchObject({ kind: 'config', field: 'market' });
    expect(runError(idle, barsOf([OK]), { ...CRYPTO_1M, intervalMs: 0 })).toMatchObject({ kind: 'config', field: 'intervalMs' });
    const unknown = runError(idle, barsOf([OK]), { ...CRYPTO_1M, comission: 0.001 });
    expect(unknown).toMatchObject({ kind: 'config', field: 'comission' });
    expect(unknown.message).toMatch(/^comission: /);
  });
});

describe('bars', () => {
  it('refuses an empty series', () => {
    expect(runError(idle, allocColumns(0))).toEqual({ kind: 'data', field: 'bars', message: 'bars: no bars to backtest' });
  });

  it('refuses duplicate and unsorted times, naming the bar', () => {
    const dup = barsOf([OK, OK, OK]);
    dup.time[2] = dup.time[1] ?? 0;
    expect(runError(idle, dup)).toEqual({
      kind: 'data',
      field: 'bars.time',
      message: 'bars.time: bar 2 (2024-01-01T00:01:00.000Z): duplicates the time of the bar before it',
      barIndex: 2,
      time: timeOf(1),
    });
    const unsorted = barsOf([OK, OK, OK]);
    unsorted.time[2] = timeOf(0) - 60_000;
    expect(runError(idle, unsorted)).toMatchObject({ field: 'bars.time', barIndex: 2 });
    const fractional = barsOf([OK]);
    fractional.time[0] = 0.5;
    expect(runError(idle, fractional)).toMatchObject({ field: 'bars.time', barIndex: 0 });
  });

  it('refuses NaN, infinite and non-positive prices and inconsistent ranges', () => {
    expect(runError(idle, barsOf([OK, [100, 101, 99, Number.NaN]]))).toMatchObject({ field: 'bars.close', barIndex: 1, message: 'bars.close: bar 1 (2024-01-01T00:01:00.000Z): close NaN is not a finite positive price' });
    expect(runError(idle, barsOf([[0, 101, 99, 100]]))).toMatchObject({ field: 'bars.open', barIndex: 0 });
    expect(runError(idle, barsOf([[100, Number.POSITIVE_INFINITY, 99, 100]]))).toMatchObject({ field: 'bars.high' });
    expect(runError(idle, barsOf([[100, 101, -1, 100]]))).toMatchObject({ field: 'bars.low' });
    expect(runError(idle, barsOf([[100, 99.5, 99, 100]]))).toMatchObject({ field: 'bars.high' });
    expect(runError(idle, barsOf([[100, 101, 100.5, 101]]))).toMatchObject({ field: 'bars.low' });
    const vol = barsOf([OK]);
    vol.volume[0] = Number.NaN;
    expect(runError(idle, vol)).toMatchObject({ field: 'bars.volume' });
  });
});

describe('validateBars (the whole series before a run)', () => {
  it('gives the error the run would give, or null', () => {
    expect(validateBars(barsOf([OK, OK]))).toBeNull();
    const bars = barsOf([OK, OK, [100, 101, 99, Number.NaN]]);
    expect(validateBars(bars)).toEqual(runError(idle, bars));
    expect(validateBars(allocColumns(0))).toMatchObject({ field: 'bars' });
  });

  it('in a run, a bad bar is never shown to the strategy', () => {
    const strategy = new ScriptedStrategy({});
    expect(runError(strategy, barsOf([OK, OK, [100, 101, 99, 0], OK]))).toMatchObject({ field: 'bars.close', barIndex: 2 });
    expect(strategy.seen).toHaveLength(2);
  });
});

describe('strategy errors', () => {
  it('an exception becomes a strategy error naming the bar time, not a crash', () => {
    let calls = 0;
    const throwing: Strategy = {
      onBar: () => {
        if (++calls === 3) throw new Error('indicator blew up');
        return null;
      },
    };
    expect(runError(throwing, barsOf([OK, OK, OK, OK]))).toEqual({
      kind: 'strategy',
      field: 'strategy',
      message: 'strategy: on bar 2 (2024-01-01T00:02:00.000Z): threw: indicator blew up',
      barIndex: 2,
      time: timeOf(2),
    });
  });

  it('a nonsensical intent is a strategy error too', () => {
    expect(runError(new ScriptedStrategy({ 1: long('x', { sizeFraction: 2 }) }), barsOf([OK, OK, OK]))).toMatchObject({
      kind: 'strategy',
      field: 'strategy',
      barIndex: 1,
      message: 'strategy: on bar 1 (2024-01-01T00:01:00.000Z): intent.sizeFraction must be in (0, 1] (got 2)',
    });
    expect(runError(new ScriptedStrategy({ 0: long('x', { stopLoss: Number.NaN }) }), barsOf([OK]))).toMatchObject({ kind: 'strategy', barIndex: 0 });
    expect(runError(new ScriptedStrategy({ 0: long('x', { entry: { type: 'limit', price: -1 } }) }), barsOf([OK]))).toMatchObject({ kind: 'strategy' });
  });

  it('an entry without a setup, a bad percent exit or one given twice is a strategy error', () => {
    const message = (intent: StrategyIntent): string => runError(new ScriptedStrategy({ 0: intent }), barsOf([OK])).message;
    const at = 'strategy: on bar 0 (2024-01-01T00:00:00.000Z): ';
    expect(message({ target: 'long', reason: 'x' } as unknown as StrategyIntent)).toBe(`${at}intent.setup must name the entry's setup (got undefined)`);
    expect(message(long('x', { setup: '' }))).toBe(`${at}intent.setup must name the entry's setup (got )`);
    expect(message(long('x', { stopLossPct: 0 }))).toBe(`${at}intent.stopLossPct must be a finite percent > 0 (got 0)`);
    expect(message(long('x', { takeProfitPct: Number.POSITIVE_INFINITY }))).toBe(`${at}intent.takeProfitPct must be a finite percent > 0 (got Infinity)`);
    expect(message(long('x', { stopLoss: 90, stopLossPct: 1 }))).toBe(`${at}intent: give stopLoss or stopLossPct, not both`);
    expect(message(long('x', { takeProfit: 110, takeProfitPct: 1 }))).toBe(`${at}intent: give takeProfit or takeProfitPct, not both`);
    expect(message(long('x', { observe: 'yes' as unknown as boolean }))).toBe(`${at}intent.observe must be true or false (got "yes")`);
  });
});
