/** RSI(14) over 1,000,000 bars: ours vs the talib binding vs technicalindicators (see support/indicator-bench.ts). */
import { RSI } from 'technicalindicators';
import { rsi } from '../shared/indicators/rsi';
import { runIndicatorBench } from './support/indicator-bench';

runIndicatorBench({
  name: 'indicators-rsi',
  label: 'RSI(14)',
  ours: (c) => rsi(c.close, 14),
  talib: { fn: 'RSI', inputs: (p) => ({ inReal: p.close }), options: { optInTimePeriod: 14 } },
  // technicalindicators documents plain-object inputs; its input classes are not exported.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  technicalIndicators: (p) => RSI.calculate({ period: 14, values: p.close }),
});
