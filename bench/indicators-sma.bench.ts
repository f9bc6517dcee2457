/** SMA(20) over 1,000,000 bars: ours vs the talib binding vs technicalindicators (see support/indicator-bench.ts). */
import { SMA } from 'technicalindicators';
import { sma } from '../shared/indicators/sma';
import { runIndicatorBench } from './support/indicator-bench';

runIndicatorBench({
  name: 'indicators-sma',
  label: 'SMA(20)',
  ours: (c) => sma(c.close, 20),
  talib: { fn: 'SMA', inputs: (p) => ({ inReal: p.close }), options: { optInTimePeriod: 20 } },
  // technicalindicators documents plain-object inputs; its input classes are not exported.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  technicalIndicators: (p) => SMA.calculate({ period: 20, values: p.close }),
});
