/**
 * Technical indicators: batch (arrays in, Float64Array out, NaN during
 * warm-up) and streaming (one bar per update, O(1)) forms giving identical
 * values, matching TA-Lib's definitions and warm-up (see each file).
 */
export { adx, adxDetail, AdxStream, type AdxSeries } from './adx';
export { atr, AtrStream } from './atr';
export { bollinger, BollingerStream, type BollingerSeries, type BollingerValue } from './bollinger';
export { cmf, CmfStream, moneyFlowVolume } from './cmf';
export { ema, EmaStream } from './ema';
export { MAX_PERIOD } from './indicator-args';
export {
  computeIndicator,
  INDICATOR_KINDS,
  parseIndicatorSpec,
  type IndicatorColumns,
  type IndicatorKind,
  type IndicatorSeries,
  type IndicatorSpec,
  type ParsedIndicatorSpec,
} from './indicator-registry';
export { macd, MacdStream, type MacdSeries, type MacdValue } from './macd';
export { obv, ObvStream } from './obv';
export { rsi, RsiStream } from './rsi';
export { sma, SmaStream } from './sma';
export { stochastic, StochasticStream, type StochasticSeries, type StochasticValue } from './stochastic';
export { vwap, VwapStream } from './vwap';
export { wma, WmaStream } from './wma';
