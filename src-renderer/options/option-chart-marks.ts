import { parseOccSymbol } from '../../shared/options/occ-symbol';
import { breakEven } from '../../shared/options/ticket-math';
import type { Execution } from '../../shared/trading/execution';
import { formatQty } from '../../shared/trading/format-amount';
import type { Position } from '../../shared/trading/position';
import { chartPriceLines, type ChartPriceLine } from '../chart/price-line-layer';
import type { AccountsStore } from '../trading/accounts-store';
import { positionsOf, type PositionsStore } from '../trading/positions-store';
import { instrumentKey } from '../trading/quote-key';
import { premiumText, strikeText } from './option-format';

/** The chart's price-line producer of option break-evens. */
export const BREAK_EVEN_PRODUCER = 'option-break-even';
const BREAK_EVEN_COLOR = '#b388ff';

/** An option fill's marker text on the underlying's chart: side, contracts, C/P and strike, and the premium ("B 2 C665 @1.23"); null for anything else. */
export function optionFillText(f: { readonly symbol: string; readonly side: Execution['side']; readonly qty: number; readonly price: number }): string | null {
  const c = parseOccSymbol(f.symbol);
  if (!c.ok) return null;
  return `${f.side === 'buy' ? 'B' : 'S'} ${formatQty(f.qty)} ${c.value.type === 'call' ? 'C' : 'P'}${strikeText(c.value.strike)} @${premiumText(f.price)}`;
}

/** The break-even of each open option position at expiry (strike ± the average premium) as a line on its underlying's chart, by instrumentKey. */
export function breakEvenLines(positions: readonly Position[]): Map<string, ChartPriceLine[]> {
  const out = new Map<string, ChartPriceLine[]>();
  for (const p of positions) {
    if (p.qty === 0) continue;
    const c = parseOccSymbol(p.symbol);
    if (!c.ok) continue;
    const key = instrumentKey(p.source, p.underlying ?? c.value.root);
    const price = Math.round(breakEven(c.value.type, c.value.strike, p.avgPrice) * 1000) / 1000;
    const list = out.get(key) ?? [];
    list.push({ id: `be-${p.source}-${p.symbol}`, price, color: BREAK_EVEN_COLOR, title: `BE ${c.value.type === 'call' ? 'C' : 'P'}${strikeText(c.value.strike)} ×${formatQty(Math.abs(p.qty))}`, style: 'dotted', width: 1 });
    out.set(key, list);
  }
  return out;
}

const split = (key: string): [string, string] => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** Draws the active account's option break-evens on their underlyings' charts while the positions are open; returns the function that takes them off. */
export function startOptionChartMarks({ accounts, positions }: { readonly accounts: AccountsStore; readonly positions: PositionsStore }): () => void {
  let keys = new Set<string>();
  const draw = (): void => {
    const lines = breakEvenLines(positionsOf(positions.getState().byAccount, accounts.getState().activeId));
    const store = chartPriceLines.getState();
    for (const key of keys) if (!lines.has(key)) store.set(BREAK_EVEN_PRODUCER, ...split(key), []);
    for (const [key, list] of lines) store.set(BREAK_EVEN_PRODUCER, ...split(key), list);
    keys = new Set(lines.keys());
  };
  draw();
  const stops = [
    positions.subscribe(draw),
    accounts.subscribe((s, p) => {
      if (s.activeId !== p.activeId) draw();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    chartPriceLines.getState().clear(BREAK_EVEN_PRODUCER);
  };
}
