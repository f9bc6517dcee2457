import { EmaStream } from '../../indicators/ema';
import { RsiStream } from '../../indicators/rsi';
import { CrossDetector, crossoverIntent } from '../crossover';
import { allRules, intParam, numberParam, readNumber, resolveOrThrow, resolveParamSet, slowAboveFast, type ParamRule } from '../params';
import type { ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyParams } from '../strategy';

/**
 * EMA crossover with an RSI filter, all on closes (EMA: TA-Lib, seeded by the
 * SMA of the first `period` closes; RSI: Wilder, first value at bar `rsi`).
 * A cross is defined on consecutive closed bars (crossover.ts): up when
 * prev fast EMA <= prev slow EMA and now fast > slow, down mirrored.
 * - cross up and RSI < overbought → long, reason e.g. 'EMA 20 crossed above EMA 50, RSI 55.0 < 70';
 * - cross down and RSI > oversold → short when `allowShort`, else flat when
 *   long, reason e.g. 'EMA 20 crossed below EMA 50, RSI 45.0 > 30'.
 * Setups 'cross-up' and 'cross-down'; long only unless the run allows shorts.
 * A cross the filter blocks is dropped, not remembered (the position is left
 * as it is); an RSI still in warm-up blocks. Market entries, no stop or
 * target. Bars not later than the previous one are ignored.
 */

const PARAMS: readonly ParamSpec[] = [
  intParam('fast', 'Fast EMA period, in bars', 20, 1, 200),
  intParam('slow', 'Slow EMA period, in bars (must be greater than fast)', 50, 2, 500),
  intParam('rsi', 'RSI period, in bars', 14, 2, 100),
  numberParam('overbought', 'A cross up enters only while RSI is below this', 70, 50, 100, 1),
  numberParam('oversold', 'A cross down exits only while RSI is above this', 30, 0, 50, 1),
];

const rule: ParamRule = allRules(slowAboveFast('fast', 'slow'), (p) => {
  const ob = readNumber(p, 'overbought');
  const os = readNumber(p, 'oversold');
  return os < ob ? null : { field: 'oversold', message: `oversold (${String(os)}) must be below overbought (${String(ob)})` };
});

interface EmaRsiParams {
  readonly fast: number;
  readonly slow: number;
  readonly rsi: number;
  readonly overbought: number;
  readonly oversold: number;
}

class EmaRsi implements Strategy {
  private readonly fast: EmaStream;
  private readonly slow: EmaStream;
  private readonly rsi: RsiStream;
  private readonly cross = new CrossDetector();
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(private readonly p: EmaRsiParams) {
    this.fast = new EmaStream(p.fast);
    this.slow = new EmaStream(p.slow);
    this.rsi = new RsiStream(p.rsi);
  }

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    if (!(bar.time > this.lastTime)) return null;
    this.lastTime = bar.time;
    const rsi = this.rsi.update(bar.close);
    const cross = this.cross.update(this.fast.update(bar.close), this.slow.update(bar.close));
    if (cross === null) return null;
    const { fast, slow, overbought, oversold } = this.p;
    const emas = `EMA ${String(fast)} crossed ${cross === 'up' ? 'above' : 'below'} EMA ${String(slow)}`;
    if (cross === 'up' && !(rsi < overbought)) return null;
    if (cross === 'down' && !(rsi > oversold)) return null;
    const filter = cross === 'up' ? `RSI ${rsi.toFixed(1)} < ${String(overbought)}` : `RSI ${rsi.toFixed(1)} > ${String(oversold)}`;
    const reason = `${emas}, ${filter}`;
    return crossoverIntent(cross, ctx.position, ctx.allowShort, { up: reason, down: reason });
  }
}

export const emaRsiStrategy: StrategyDefinition = {
  id: 'ema-rsi',
  name: 'EMA crossover + RSI filter',
  description: 'Buy when EMA 20 crosses above EMA 50 with RSI 14 below 70; sell (flat, or short when allowed) when it crosses below with RSI above 30.',
  params: PARAMS,
  shortsByDefault: false,
  resolveParams: (input) => resolveParamSet(PARAMS, input, rule),
  create(params: StrategyParams): Strategy {
    const p = resolveOrThrow('ema-rsi', PARAMS, params, rule);
    return new EmaRsi({
      fast: readNumber(p, 'fast'),
      slow: readNumber(p, 'slow'),
      rsi: readNumber(p, 'rsi'),
      overbought: readNumber(p, 'overbought'),
      oversold: readNumber(p, 'oversold'),
    });
  },
};
