import type { ChainRow } from '../../shared/options/wire/chain-row';
import type { ChainColumnId } from './chain-view';
import { deltaText, ivText, premiumText } from './option-format';

/** How a chain column is headed, explained and filled. */
export interface ChainColumn {
  readonly id: ChainColumnId;
  readonly label: string;
  readonly title: string;
  /** The cell's text (bid, ask and mid are buttons that fill the ticket). */
  readonly text: (row: ChainRow) => string;
}

const count = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));

export const COLUMN_INFO: Readonly<Record<ChainColumnId, ChainColumn>> = {
  bid: { id: 'bid', label: 'Bid', title: 'bid per share: a click sells, the limit at the mid', text: (r) => premiumText(r.bid) },
  ask: { id: 'ask', label: 'Ask', title: 'ask per share: a click buys, the limit at the mid', text: (r) => premiumText(r.ask) },
  mid: { id: 'mid', label: 'Mid', title: '(bid + ask) / 2 per share: a click buys at it', text: (r) => premiumText(r.mark) },
  last: { id: 'last', label: 'Last', title: 'the last trade per share', text: (r) => premiumText(r.last) },
  volume: { id: 'volume', label: 'Vol', title: 'contracts traded this session', text: (r) => count(r.volume) },
  oi: { id: 'oi', label: 'OI', title: 'open interest (contracts)', text: (r) => count(r.openInterest) },
  iv: { id: 'iv', label: 'IV', title: 'implied volatility', text: (r) => ivText(r.iv) },
  delta: { id: 'delta', label: 'Δ', title: 'delta per $1 of the underlying', text: (r) => deltaText(r.delta) },
};

/** The calls' column order, outside in (the puts mirror it): greeks and activity outside, the book next to the strike. */
export const CALL_ORDER: readonly ChainColumnId[] = ['delta', 'iv', 'oi', 'volume', 'last', 'mid', 'bid', 'ask'];

/** The shown columns of one side, in the side's order (puts mirrored). */
export function sideColumns(shown: readonly ChainColumnId[], side: 'call' | 'put'): ChainColumn[] {
  const cols = CALL_ORDER.filter((id) => shown.includes(id)).map((id) => COLUMN_INFO[id]);
  return side === 'call' ? cols : cols.reverse();
}
