import { describe, expect, it } from 'vitest';
import {
  adx,
  adxDetail,
  AdxStream,
  atr,
  AtrStream,
  bollinger,
  BollingerStream,
  cmf,
  CmfStream,
  ema,
  EmaStream,
  macd,
  MacdStream,
  obv,
  rsi,
  RsiStream,
  sma,
  SmaStream,
  stochastic,
  StochasticStream,
  vwap,
  wma,
  WmaStream,
} from '../../../../shared/indicators';

const x = [1, 2, 3, 4, 5];
const short = [1, 2, 3, 4];

// Every bad argument throws a RangeError whose message starts with the function
// and names the parameter: `sma: period must be an integer from 1 to 100000, got 0`.
describe('bad arguments throw a RangeError naming the function and the parameter', () => {
  const cases: readonly [string, () => unknown, RegExp][] = [
    ['period 0', () => sma(x, 0), /^sma: period must be an integer from 1 to 100000, got 0$/],
    ['non-integer period', () => ema(x, 2.5), /^ema: period must be an integer from 1 to 100000, got 2\.5$/],
    ['NaN period', () => wma(x, Number.NaN), /^wma: period must be an integer .* got NaN$/],
    ['period above 100000', () => sma(x, 100_001), /^sma: period .* got 100001$/],
    ['RSI period 1 (TA-Lib: 2..100000)', () => rsi(x, 1), /^rsi: period must be an integer from 2 to 100000, got 1$/],
    ['ADX period 1', () => adx(x, x, x, 1), /^adx: period must be an integer from 2/],
    ['ATR lengths', () => atr(x, short, x, 2), /^atr: low has 4 values but high has 5$/],
    ['ADX detail lengths', () => adxDetail(x, x, short, 2), /^adxDetail: close has 4 values but high has 5$/],
    ['MACD slow', () => macd(x, 12, 0, 9), /^macd: slow must be an integer/],
    ['MACD signal', () => macd(x, 12, 26, -1), /^macd: signal must be an integer/],
    ['Bollinger k', () => bollinger(x, 20, -1), /^bollinger: k must be a finite number >= 0, got -1$/],
    ['Bollinger infinite k', () => bollinger(x, 20, Number.POSITIVE_INFINITY), /^bollinger: k must be/],
    ['Stochastic dPeriod', () => stochastic(x, x, x, 14, 3, 0), /^stochastic: dPeriod must be an integer/],
    ['Stochastic lengths', () => stochastic(x, x, short), /^stochastic: close has 4 values but high has 5$/],
    ['OBV lengths', () => obv(x, short), /^obv: volume has 4 values but close has 5$/],
    ['CMF period', () => cmf(x, x, x, x, 0), /^cmf: period must be an integer/],
    ['CMF lengths', () => cmf(x, x, x, short), /^cmf: volume has 4 values but high has 5$/],
    ['VWAP session keys', () => vwap(x, x, x, x, short), /^vwap: sessionKey has 4 values but high has 5$/],
    ['SmaStream', () => new SmaStream(0), /^SmaStream: period must be an integer/],
    ['EmaStream', () => new EmaStream(1.5), /^EmaStream: period/],
    ['WmaStream', () => new WmaStream(-3), /^WmaStream: period/],
    ['RsiStream', () => new RsiStream(1), /^RsiStream: period must be an integer from 2/],
    ['AtrStream', () => new AtrStream(0), /^AtrStream: period/],
    ['MacdStream', () => new MacdStream(0), /^MacdStream: fast/],
    ['BollingerStream', () => new BollingerStream(20, Number.NaN), /^BollingerStream: k/],
    ['StochasticStream', () => new StochasticStream(14, 0), /^StochasticStream: kSmooth/],
    ['AdxStream', () => new AdxStream(0), /^AdxStream: period/],
    ['CmfStream', () => new CmfStream(100_001), /^CmfStream: period/],
  ];
  for (const [label, call, message] of cases) {
    it(label, () => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    });
  }

  it('accepts the bounds: period 1 (2 for RSI and ADX) and 100000', () => {
    expect(() => sma(x, 1)).not.toThrow();
    expect(() => sma(x, 100_000)).not.toThrow();
    expect(() => rsi(x, 2)).not.toThrow();
    expect(() => adx(x, x, x, 2)).not.toThrow();
    expect(() => bollinger(x, 2, 0)).not.toThrow();
  });
});
