import { formatQty } from '../../shared/trading/format-amount';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import type { ChartPriceLine } from '../chart/price-line-layer';
import { orderLabel, workingPrice } from './order-text';
import { instrumentKey } from './quote-key';

/** The colours of trading on the chart (chart-theme's candle colours: up teal, down red). */
export const TRADE_COLORS = { takeProfit: '#26a69a', stop: '#ef5350', buy: '#4c8dff', sell: '#e3b341', average: '#8b949e' } as const;

/** What a dragged line asks for: the order and the price it was dropped at. */
export type LineDrag = (order: Order, price: number) => void;

function lineColor(o: Order): string {
  if (o.role === 'take_profit' || (o.role === 'oco_leg' && o.type === 'limit')) return TRADE_COLORS.takeProfit;
  if (o.role === 'stop_loss' || o.role === 'oco_leg') return TRADE_COLORS.stop;
  return o.side === 'buy' ? TRADE_COLORS.buy : TRADE_COLORS.sell;
}

/** "TP 0.001", "SL 0.001", "BUY LIMIT 0.5". */
export function lineTitle(o: Order): string {
  const left = o.qty - o.filledQty;
  return o.role === 'entry' ? `${o.side.toUpperCase()} ${orderLabel(o)} ${formatQty(left)}` : `${orderLabel(o)} ${formatQty(left)}`;
}

/**
 * The price lines of an account's trading, by instrumentKey: each working
 * order at its price (take-profits, stops and resting entries; draggable:
 * dropping one replaces the order's price), and the average price of each
 * open position. Exits still held (their entry has not filled) have no price yet.
 */
export function tradingLines(live: readonly Order[], positions: readonly Position[], onDrag: LineDrag): Map<string, ChartPriceLine[]> {
  const out = new Map<string, ChartPriceLine[]>();
  const add = (source: string, symbol: string, line: ChartPriceLine): void => {
    const key = instrumentKey(source, symbol);
    const list = out.get(key) ?? [];
    list.push(line);
    out.set(key, list);
  };
  for (const o of live) {
    if (o.status === 'held') continue;
    const price = workingPrice(o);
    if (price === null) continue;
    add(o.source, o.symbol, {
      id: `order-${o.id}`,
      price,
      color: lineColor(o),
      title: lineTitle(o),
      style: 'dashed',
      width: 1,
      onDrag: (to) => {
        onDrag(o, to);
      },
    });
  }
  for (const p of positions) {
    if (p.qty === 0) continue;
    add(p.source, p.symbol, { id: `avg-${p.source}-${p.symbol}`, price: p.avgPrice, color: TRADE_COLORS.average, title: `${p.qty > 0 ? 'LONG' : 'SHORT'} ${formatQty(Math.abs(p.qty))}`, style: 'solid', width: 1 });
  }
  return out;
}
