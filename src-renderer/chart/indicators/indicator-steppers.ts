import type { ChartIndicator } from '../../../shared/chart/chart-indicator-settings';
import type { Bar } from '../../../shared/domain/bar';
import { AtrStream, BollingerStream, EmaStream, MacdStream, RsiStream, SmaStream, VwapStream } from '../../../shared/indicators';
import { cloneState } from './clone-state';

/** One indicator's state as bars are added: the shared library's stream (TA-Lib's values) behind one shape. */
export interface IndicatorStepper {
  /** Values per bar: 1, or 3 for Bollinger (upper, middle, lower) and MACD (line, signal, histogram). */
  readonly outputs: number;
  /** Adds a bar (`sessionKey`: its session, for VWAP); returns the outputs at it, NaN during warm-up. */
  step(bar: Bar, sessionKey: number): readonly number[];
  /** An independent copy: stepping it leaves this one as it is (for the bar still forming). */
  clone(): IndicatorStepper;
}

type Step<S> = (stream: S, bar: Bar, sessionKey: number) => readonly number[];

class StreamStepper<S> implements IndicatorStepper {
  constructor(
    readonly outputs: number,
    private readonly stream: S,
    private readonly stepOf: Step<S>,
  ) {}

  step(bar: Bar, sessionKey: number): readonly number[] {
    return this.stepOf(this.stream, bar, sessionKey);
  }

  clone(): IndicatorStepper {
    return new StreamStepper(this.outputs, cloneState(this.stream), this.stepOf);
  }
}

const stepper = <S>(outputs: number, stream: S, step: Step<S>): IndicatorStepper => new StreamStepper(outputs, stream, step);

/** A fresh stepper for `ind`: SMA, EMA and RSI of closes; VWAP of typical price × volume per session; Bollinger of closes; MACD of closes; ATR. */
export function stepperFor(ind: ChartIndicator): IndicatorStepper {
  switch (ind.kind) {
    case 'sma':
      return stepper(1, new SmaStream(ind.period), (s, b) => [s.update(b.close)]);
    case 'ema':
      return stepper(1, new EmaStream(ind.period), (s, b) => [s.update(b.close)]);
    case 'rsi':
      return stepper(1, new RsiStream(ind.period), (s, b) => [s.update(b.close)]);
    case 'atr':
      return stepper(1, new AtrStream(ind.period), (s, b) => [s.update(b.high, b.low, b.close)]);
    case 'vwap':
      return stepper(1, new VwapStream(), (s, b, key) => [s.update(b.high, b.low, b.close, b.volume, key)]);
    case 'bb':
      return stepper(3, new BollingerStream(ind.period, ind.k), (s, b) => {
        const v = s.update(b.close);
        return [v.upper, v.middle, v.lower];
      });
    case 'macd':
      return stepper(3, new MacdStream(ind.fast, ind.slow, ind.signal), (s, b) => {
        const v = s.update(b.close);
        return [v.macd, v.signal, v.histogram];
      });
  }
}
