import { describe, expect, it } from 'vitest';
import { emaRsiStrategy } from '../../../../shared/strategy/strategies/ema-rsi';
import type { Strategy, StrategyParams } from '../../../../shared/strategy/strategy';
import { barAt, runStrategy } from './run-strategy';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

/**
 * EMA 2 / EMA 4 (TA-Lib: seeded with the SMA of the first closes, k = 2/(n+1))
 * and Wilder's RSI 3 (first value at i3), by hand (exact fractions, rounded here):
 *   i     close  EMA2     EMA4     RSI3
 *   7     13     13.5     14.5      0
 *   8     19     17.1667  16.3     75      cross up,   RSI 75 >= 70: no buy
 *   10    17     17.2407  16.988   51.0638
 *   11    16     16.4136  16.5928  39.6694 cross down, RSI > 30
 *   17    12.5   12.6110  12.9377  31.2822
 *   18    13.5   13.2037  13.1626  56.2399 cross up,   RSI < 70: buy
 *   19    14     13.7346  13.4976  65.6080
 *   20    10     11.2449  12.0985  18.3830 cross down, RSI 18.4 <= 30: no exit
 */
const CLOSES = [20, 19, 18, 17, 16, 15, 14, 13, 19, 18, 17, 16, 15, 14, 13, 12, 13, 12.5, 13.5, 14, 10, 9];
const bars = CLOSES.map((c, i) => barAt(T0 + i * HOUR, c));
const create = (params: StrategyParams = {}): Strategy => emaRsiStrategy.create({ fast: 2, slow: 4, rsi: 3, ...params }, { market: 'crypto', intervalMs: HOUR });
const SETUPS = { long: { setup: 'cross-up' }, short: { setup: 'cross-down' }, flat: {} } as const;
const at = (i: number, position: number, target: 'long' | 'short' | 'flat', reason: string) => ({
  index: i,
  time: T0 + i * HOUR,
  position,
  intent: { target, ...SETUPS[target], reason, entry: { type: 'market' } },
});

const UP_56 = 'EMA 2 crossed above EMA 4, RSI 56.2 < 70';
const DOWN_40 = 'EMA 2 crossed below EMA 4, RSI 39.7 > 30';

describe('ema-rsi', () => {
  it('skips the cross up at i8 (RSI 75 >= 70) and buys the one at i18 (RSI 56.2 < 70); the cross down at i20 (RSI 18.4) does not exit', () => {
    expect(runStrategy(create(), bars)).toEqual([at(18, 0, 'long', UP_56)]);
  });

  it('with shorts: short on the cross down at i11 (RSI 39.7 > 30), long at i18', () => {
    expect(runStrategy(create(), bars, true)).toEqual([at(11, 0, 'short', DOWN_40), at(18, -1, 'long', UP_56)]);
  });

  it('moves with its thresholds: overbought 80 lets the i8 cross in, oversold 10 lets the i20 cross out', () => {
    expect(runStrategy(create({ overbought: 80, oversold: 10 }), bars)).toEqual([
      at(8, 0, 'long', 'EMA 2 crossed above EMA 4, RSI 75.0 < 80'),
      at(11, 1, 'flat', 'EMA 2 crossed below EMA 4, RSI 39.7 > 10'),
      at(18, 0, 'long', 'EMA 2 crossed above EMA 4, RSI 56.2 < 80'),
      at(20, 1, 'flat', 'EMA 2 crossed below EMA 4, RSI 18.4 > 10'),
    ]);
  });

  it('has the issue defaults and refuses bad sets naming the field', () => {
    expect(emaRsiStrategy.resolveParams({})).toEqual({ ok: true, params: { fast: 20, slow: 50, rsi: 14, overbought: 70, oversold: 30 } });
    expect(emaRsiStrategy.resolveParams({ fast: 50 })).toEqual({ ok: false, field: 'slow', message: 'slow (50) must be greater than fast (50)' });
    expect(emaRsiStrategy.resolveParams({ overbought: 50, oversold: 50 })).toEqual({ ok: false, field: 'oversold', message: 'oversold (50) must be below overbought (50)' });
    expect(emaRsiStrategy.resolveParams({ rsi: 1 })).toMatchObject({ ok: false, field: 'rsi' });
    expect(emaRsiStrategy.resolveParams({ rsiPeriod: 14 })).toMatchObject({ ok: false, field: 'rsiPeriod' });
  });
});
