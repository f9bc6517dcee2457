/** EMA(20) over 1,000,000 bars: ours vs the talib binding vs technicalindicators (see support/indicator-bench.ts). */
import { EMA } from 'technicalindicators';
import { ema } from '../shared/indicators/ema';
import { runIndicatorBench } from './support/indicator-bench';

runIndicatorBench({
  name: 'indicators-ema',
  label: 'EMA(20)',
  ours: (c) => ema(c.close, 20),
  talib: { fn: 'EMA', inputs: (p) => ({ inReal: p.close }), options: { optInTimePeriod: 20 } },
  // technicalindicators documents plain-object inputs; its input classes are not exported.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  technicalIndicators: (p) => EMA.calculate({ period: 20, values: p.close }),
});
