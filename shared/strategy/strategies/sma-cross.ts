import { SmaStream } from '../../indicators/sma';
import { CrossDetector, crossoverIntent } from '../crossover';
import { intParam, readNumber, resolveOrThrow, resolveParamSet, slowAboveFast } from '../params';
import type { ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyParams } from '../strategy';

/**
 * SMA crossover on closes (crossover.ts defines a cross on consecutive closed
 * bars: up when prev fast <= prev slow and now fast > slow, down mirrored; no
 * cross while either SMA warms up).
 * - up → long ('SMA 10 crossed above SMA 30', setup 'cross-up'), unless already long;
 * - down → short when `allowShort` (unless already short; setup 'cross-down'),
 *   else flat when long ('SMA 10 crossed below SMA 30').
 * Long only unless the run allows shorts (`shortsByDefault` false).
 * Market entries (next bar's open); no stop or target: the opposite cross is
 * the exit. A gap in the data is not filled: the SMAs run over the bars that
 * exist. Bars not later than the previous one are ignored.
 */

const PARAMS: readonly ParamSpec[] = [
  intParam('fast', 'Fast SMA period, in bars', 10, 1, 200),
  intParam('slow', 'Slow SMA period, in bars (must be greater than fast)', 30, 2, 500),
];
const rule = slowAboveFast('fast', 'slow');

class SmaCross implements Strategy {
  private readonly fast: SmaStream;
  private readonly slow: SmaStream;
  private readonly cross = new CrossDetector();
  private readonly reasons: { readonly up: string; readonly down: string };
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(fast: number, slow: number) {
    this.fast = new SmaStream(fast);
    this.slow = new SmaStream(slow);
    this.reasons = { up: `SMA ${String(fast)} crossed above SMA ${String(slow)}`, down: `SMA ${String(fast)} crossed below SMA ${String(slow)}` };
  }

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    if (!(bar.time > this.lastTime)) return null;
    this.lastTime = bar.time;
    const cross = this.cross.update(this.fast.update(bar.close), this.slow.update(bar.close));
    return crossoverIntent(cross, ctx.position, ctx.allowShort, this.reasons);
  }
}

export const smaCrossStrategy: StrategyDefinition = {
  id: 'sma-cross',
  name: 'SMA crossover',
  description: 'Long when the fast SMA of closes crosses above the slow one; on the cross down flat, or short when shorting is allowed.',
  params: PARAMS,
  shortsByDefault: false,
  resolveParams: (input) => resolveParamSet(PARAMS, input, rule),
  create(params: StrategyParams): Strategy {
    const p = resolveOrThrow('sma-cross', PARAMS, params, rule);
    return new SmaCross(readNumber(p, 'fast'), readNumber(p, 'slow'));
  },
};
