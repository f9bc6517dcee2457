import { roundToStep } from '../../../shared/trading/decimal-steps';
import type { Side } from '../../../shared/trading/order';
import type { FillModelConfig } from './fill-config';

/**
 * A market or stop fill's price made worse for its side by the configured
 * slippage (ticks, or basis points of the price rounded to the tick away
 * from the trader), optionally kept inside a bar's range (backtrader caps
 * slippage at the bar's high and low), never below one tick.
 */
export function slipped(price: number, side: Side, config: FillModelConfig, tickSize: number, range?: { readonly low: number; readonly high: number }): number {
  const { unit, amount } = config.slippage;
  const distance = unit === 'ticks' ? amount * tickSize : (price * amount) / 10_000;
  let p = side === 'buy' ? roundToStep(price + distance, tickSize, 'up') : roundToStep(price - distance, tickSize, 'down');
  if (range !== undefined) p = side === 'buy' ? Math.min(p, range.high) : Math.max(p, range.low);
  return Math.max(p, tickSize);
}
