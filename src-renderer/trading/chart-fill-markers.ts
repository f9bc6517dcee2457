import { formatQty } from '../../shared/trading/format-amount';
import type { Execution } from '../../shared/trading/execution';
import type { ChartMarker } from '../chart/marker-layer';
import { optionFillText } from '../options/option-chart-marks';
import { TRADE_COLORS } from './chart-trading-lines';
import { instrumentKey } from './quote-key';

/**
 * Fills as chart markers at their exact price, by instrumentKey: a buy an
 * arrow up to the price from below, a sell an arrow down onto it from above;
 * an option's fill goes on its underlying's chart at the underlying's price.
 */
export function fillMarkers(fills: readonly Execution[]): Map<string, ChartMarker[]> {
  const out = new Map<string, ChartMarker[]>();
  for (const f of [...fills].sort((a, b) => a.time - b.time)) {
    const onUnderlying = f.underlying !== null && f.underlyingPrice !== null;
    const symbol = onUnderlying ? (f.underlying ?? f.symbol) : f.symbol;
    const price = onUnderlying ? (f.underlyingPrice ?? f.price) : f.price;
    const buy = f.side === 'buy';
    const key = instrumentKey(f.source, symbol);
    const list = out.get(key) ?? [];
    list.push({
      id: `fill-${f.id}`,
      time: f.time,
      position: buy ? 'atPriceTop' : 'atPriceBottom',
      price,
      shape: buy ? 'arrowUp' : 'arrowDown',
      color: buy ? TRADE_COLORS.takeProfit : TRADE_COLORS.stop,
      text: optionFillText(f) ?? `${buy ? 'B' : 'S'} ${formatQty(f.qty)}`,
    });
    out.set(key, list);
  }
  return out;
}
