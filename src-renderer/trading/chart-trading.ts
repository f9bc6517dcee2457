import { chartMarkers } from '../chart/marker-layer';
import { chartPriceLines } from '../chart/price-line-layer';
import { snapToTick } from '../ticket/price-step';
import type { AccountsStore } from './accounts-store';
import { fillMarkers } from './chart-fill-markers';
import { tradingLines, type LineDrag } from './chart-trading-lines';
import type { FillsStore } from './fills-store';
import { tradedInstrumentOf } from './instrument-lookup';
import type { OrderChanges } from './order-changes';
import { liveOrdersOf, type OrdersStore } from './orders-store';
import { positionsOf, type PositionsStore } from './positions-store';
import type { TradingInputs } from './trading-inputs';

/** Producer names in the chart's marker and price-line layers. */
export const LINES_PRODUCER = 'paper-orders';
export const FILLS_PRODUCER = 'paper-fills';

export interface ChartTradingParts {
  readonly inputs: TradingInputs;
  readonly accounts: AccountsStore;
  readonly orders: OrdersStore;
  readonly positions: PositionsStore;
  readonly fills: FillsStore;
  readonly changes: OrderChanges;
}

const split = (key: string): [string, string] => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
};

/**
 * Puts the active account's trading on every chart of its symbols: working
 * orders and the average price as lines (a take-profit, stop or resting
 * entry dragged to a new price is replaced at it, snapped to the tick; a
 * refused replace puts the line back and says why), fills as markers at
 * their price. Returns the function that takes them off again.
 */
export function startChartTrading({ inputs, accounts, orders, positions, fills, changes }: ChartTradingParts): () => void {
  let lineKeys = new Set<string>();
  let markerKeys = new Set<string>();

  const drag: LineDrag = (order, dropped) => {
    const tick = tradedInstrumentOf(inputs, order)?.tickSize ?? 0.01;
    const price = snapToTick(dropped, tick);
    const field = order.type === 'stop' || order.type === 'stop_limit' ? 'stopPrice' : 'limitPrice';
    if (order[field] === price) {
      drawLines();
      return;
    }
    void changes.replace(order, { [field]: price }).then((error) => {
      if (error === null) return;
      drawLines();
      inputs.hotkeys.getState().showNote(`Not moved: ${error.message}`);
    });
  };

  function drawLines(): void {
    const activeId = accounts.getState().activeId;
    const lines = tradingLines(liveOrdersOf(orders.getState().live, activeId), positionsOf(positions.getState().byAccount, activeId), drag);
    const store = chartPriceLines.getState();
    for (const key of lineKeys) if (!lines.has(key)) store.set(LINES_PRODUCER, ...split(key), []);
    for (const [key, list] of lines) store.set(LINES_PRODUCER, ...split(key), list);
    lineKeys = new Set(lines.keys());
  }

  const drawMarkers = (): void => {
    const markers = fillMarkers(fills.getState().fills);
    const store = chartMarkers.getState();
    for (const key of markerKeys) if (!markers.has(key)) store.set(FILLS_PRODUCER, ...split(key), []);
    for (const [key, list] of markers) store.set(FILLS_PRODUCER, ...split(key), list);
    markerKeys = new Set(markers.keys());
  };

  drawLines();
  drawMarkers();
  const stops = [
    orders.subscribe(drawLines),
    positions.subscribe(drawLines),
    accounts.subscribe((s, p) => {
      if (s.activeId !== p.activeId) drawLines();
    }),
    fills.subscribe((s, p) => {
      if (s.fills !== p.fills) drawMarkers();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    chartPriceLines.getState().clear(LINES_PRODUCER);
    chartMarkers.getState().clear(FILLS_PRODUCER);
  };
}
