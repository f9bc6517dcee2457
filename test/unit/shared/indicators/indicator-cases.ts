import {
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
  ObvStream,
  rsi,
  RsiStream,
  sma,
  SmaStream,
  stochastic,
  StochasticStream,
  vwap,
  VwapStream,
  wma,
  WmaStream,
} from '../../../../shared/indicators';
import { talibRun } from './talib-oracle';

/** Bars as columns; `session` is each bar's session key (for VWAP). */
export interface Bars {
  readonly length: number;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly session: Float64Array;
}

type Outputs = Record<string, Float64Array>;

/** One indicator with one parameter set: its batch form, its streaming form, and TA-Lib's (where TA-Lib has it). */
export interface IndicatorCase {
  readonly label: string;
  batch(b: Bars): Outputs;
  stream(b: Bars): Outputs;
  talib: ((b: Bars) => Outputs) | null;
}

/** Runs `step` for every bar and collects the named numbers it returns into arrays. */
function collect(length: number, names: readonly string[], step: (i: number) => Readonly<Record<string, number>>): Outputs {
  const out: Outputs = {};
  for (const name of names) out[name] = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = step(i);
    for (const name of names) out[name]![i] = v[name]!;
  }
  return out;
}

const hlc = (b: Bars): Record<string, Float64Array> => ({ high: b.high, low: b.low, close: b.close });

function smaCase(p: number): IndicatorCase {
  return {
    label: `sma(${String(p)})`,
    batch: (b) => ({ v: sma(b.close, p) }),
    stream: (b) => {
      const s = new SmaStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.close[i]!) }));
    },
    talib: p < 2 ? null : (b) => ({ v: talibRun('SMA', b.length, { inReal: b.close }, { optInTimePeriod: p }, ['outReal'])[0]! }),
  };
}

function emaCase(p: number): IndicatorCase {
  return {
    label: `ema(${String(p)})`,
    batch: (b) => ({ v: ema(b.close, p) }),
    stream: (b) => {
      const s = new EmaStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.close[i]!) }));
    },
    talib: p < 2 ? null : (b) => ({ v: talibRun('EMA', b.length, { inReal: b.close }, { optInTimePeriod: p }, ['outReal'])[0]! }),
  };
}

function wmaCase(p: number): IndicatorCase {
  return {
    label: `wma(${String(p)})`,
    batch: (b) => ({ v: wma(b.close, p) }),
    stream: (b) => {
      const s = new WmaStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.close[i]!) }));
    },
    talib: p < 2 ? null : (b) => ({ v: talibRun('WMA', b.length, { inReal: b.close }, { optInTimePeriod: p }, ['outReal'])[0]! }),
  };
}

function rsiCase(p: number): IndicatorCase {
  return {
    label: `rsi(${String(p)})`,
    batch: (b) => ({ v: rsi(b.close, p) }),
    stream: (b) => {
      const s = new RsiStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.close[i]!) }));
    },
    talib: (b) => ({ v: talibRun('RSI', b.length, { inReal: b.close }, { optInTimePeriod: p }, ['outReal'])[0]! }),
  };
}

function atrCase(p: number): IndicatorCase {
  return {
    label: `atr(${String(p)})`,
    batch: (b) => ({ v: atr(b.high, b.low, b.close, p) }),
    stream: (b) => {
      const s = new AtrStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.high[i]!, b.low[i]!, b.close[i]!) }));
    },
    talib: (b) => ({ v: talibRun('ATR', b.length, hlc(b), { optInTimePeriod: p }, ['outReal'])[0]! }),
  };
}

function macdCase(fast: number, slow: number, signal: number): IndicatorCase {
  const names = ['macd', 'signal', 'histogram'];
  return {
    label: `macd(${String(fast)},${String(slow)},${String(signal)})`,
    batch: (b) => ({ ...macd(b.close, fast, slow, signal) }),
    stream: (b) => {
      const s = new MacdStream(fast, slow, signal);
      return collect(b.length, names, (i) => ({ ...s.update(b.close[i]!) }));
    },
    // TA-Lib's MACD mis-aligns a signal period of 1 (its EMA lookback rejects 1): no oracle there.
    talib: signal < 2 ? null : (b) => {
      const opts = { optInFastPeriod: fast, optInSlowPeriod: slow, optInSignalPeriod: signal };
      const [m, s, h] = talibRun('MACD', b.length, { inReal: b.close }, opts, ['outMACD', 'outMACDSignal', 'outMACDHist']);
      return { macd: m!, signal: s!, histogram: h! };
    },
  };
}

function bollingerCase(p: number, k: number): IndicatorCase {
  const names = ['upper', 'middle', 'lower'];
  return {
    label: `bollinger(${String(p)},${String(k)})`,
    batch: (b) => ({ ...bollinger(b.close, p, k) }),
    stream: (b) => {
      const s = new BollingerStream(p, k);
      return collect(b.length, names, (i) => ({ ...s.update(b.close[i]!) }));
    },
    talib: (b) => {
      const opts = { optInTimePeriod: p, optInNbDevUp: k, optInNbDevDn: k, optInMAType: 0 };
      const [u, m, l] = talibRun('BBANDS', b.length, { inReal: b.close }, opts, ['outRealUpperBand', 'outRealMiddleBand', 'outRealLowerBand']);
      return { upper: u!, middle: m!, lower: l! };
    },
  };
}

function stochasticCase(kp: number, ks: number, dp: number): IndicatorCase {
  return {
    label: `stochastic(${String(kp)},${String(ks)},${String(dp)})`,
    batch: (b) => ({ ...stochastic(b.high, b.low, b.close, kp, ks, dp) }),
    stream: (b) => {
      const s = new StochasticStream(kp, ks, dp);
      return collect(b.length, ['k', 'd'], (i) => ({ ...s.update(b.high[i]!, b.low[i]!, b.close[i]!) }));
    },
    talib: (b) => {
      const opts = { optInFastK_Period: kp, optInSlowK_Period: ks, optInSlowK_MAType: 0, optInSlowD_Period: dp, optInSlowD_MAType: 0 };
      const [k, d] = talibRun('STOCH', b.length, hlc(b), opts, ['outSlowK', 'outSlowD']);
      return { k: k!, d: d! };
    },
  };
}

function adxCase(p: number): IndicatorCase {
  const names = ['adx', 'plusDi', 'minusDi'];
  return {
    label: `adx(${String(p)})`,
    batch: (b) => ({ ...adxDetail(b.high, b.low, b.close, p) }),
    stream: (b) => {
      const s = new AdxStream(p);
      return collect(b.length, names, (i) => {
        const adx = s.update(b.high[i]!, b.low[i]!, b.close[i]!);
        return { adx, plusDi: s.plusDi, minusDi: s.minusDi };
      });
    },
    talib: (b) => {
      const run = (name: string): Float64Array => talibRun(name, b.length, hlc(b), { optInTimePeriod: p }, ['outReal'])[0]!;
      return { adx: run('ADX'), plusDi: run('PLUS_DI'), minusDi: run('MINUS_DI') };
    },
  };
}

const obvCase: IndicatorCase = {
  label: 'obv',
  batch: (b) => ({ v: obv(b.close, b.volume) }),
  stream: (b) => {
    const s = new ObvStream();
    return collect(b.length, ['v'], (i) => ({ v: s.update(b.close[i]!, b.volume[i]!) }));
  },
  talib: (b) => ({ v: talibRun('OBV', b.length, { inReal: b.close, volume: b.volume }, {}, ['outReal'])[0]! }),
};

function cmfCase(p: number): IndicatorCase {
  return {
    label: `cmf(${String(p)})`,
    batch: (b) => ({ v: cmf(b.high, b.low, b.close, b.volume, p) }),
    stream: (b) => {
      const s = new CmfStream(p);
      return collect(b.length, ['v'], (i) => ({ v: s.update(b.high[i]!, b.low[i]!, b.close[i]!, b.volume[i]!) }));
    },
    talib: null,
  };
}

const vwapCase: IndicatorCase = {
  label: 'vwap',
  batch: (b) => ({ v: vwap(b.high, b.low, b.close, b.volume, b.session) }),
  stream: (b) => {
    const s = new VwapStream();
    return collect(b.length, ['v'], (i) => ({ v: s.update(b.high[i]!, b.low[i]!, b.close[i]!, b.volume[i]!, b.session[i]!) }));
  },
  talib: null,
};

/** Every indicator, with default and other parameter sets (including TA-Lib's edge cases: MACD with slow < fast, period 1). */
export const INDICATOR_CASES: readonly IndicatorCase[] = [
  smaCase(20),
  smaCase(2),
  smaCase(1),
  emaCase(20),
  emaCase(2),
  emaCase(1),
  wmaCase(20),
  wmaCase(2),
  wmaCase(1),
  rsiCase(14),
  rsiCase(2),
  atrCase(14),
  atrCase(1),
  macdCase(12, 26, 9),
  macdCase(5, 35, 5),
  macdCase(26, 12, 9),
  macdCase(12, 26, 1),
  bollingerCase(20, 2),
  bollingerCase(10, 1.5),
  bollingerCase(2, 1),
  stochasticCase(14, 3, 3),
  stochasticCase(5, 1, 1),
  stochasticCase(1, 3, 2),
  adxCase(14),
  adxCase(2),
  obvCase,
  cmfCase(20),
  cmfCase(1),
  vwapCase,
];
