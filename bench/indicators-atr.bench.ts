/** ATR(14) over 1,000,000 bars: ours vs the talib binding vs technicalindicators (see support/indicator-bench.ts). */
import { ATR } from 'technicalindicators';
import { atr } from '../shared/indicators/atr';
import { runIndicatorBench } from './support/indicator-bench';

runIndicatorBench({
  name: 'indicators-atr',
  label: 'ATR(14)',
  ours: (c) => atr(c.high, c.low, c.close, 14),
  talib: { fn: 'ATR', inputs: (p) => ({ high: p.high, low: p.low, close: p.close }), options: { optInTimePeriod: 14 } },
  // technicalindicators documents plain-object inputs; its input classes are not exported.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  technicalIndicators: (p) => ATR.calculate({ period: 14, high: p.high, low: p.low, close: p.close }),
});
