import type { ReactElement } from 'react';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import type { Quote } from '../../shared/trading/quote';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import { money, pnlTone, signedMoney } from '../trading/money-format';
import { positionLadder, positionPnl } from './position-ladder';

export interface PositionMatrixProps {
  readonly position: Position;
  readonly quote: Quote | null;
  /** The account's live orders (its exits are found among them). */
  readonly live: readonly Order[];
  readonly tickSize: number;
  readonly busy: boolean;
  readonly onFlatten: (position: Position) => void;
}

/**
 * One open position: side, size and average price, its live book (the
 * working take-profit beside the ask, the stop beside the bid, the mark in
 * the middle), unrealised and realised P&L, and Flatten.
 */
export function PositionMatrix({ position, quote, live, tickSize, busy, onFlatten }: PositionMatrixProps): ReactElement {
  const long = position.qty > 0;
  const pnl = positionPnl(position, quote);
  const rungs = positionLadder(position, quote, live);
  const at = (p: number | null): string => (p === null ? '—' : formatPrice(p, tickSize));
  return (
    <article className="position-card" data-testid={`position-${position.symbol}`} data-source={position.source} data-qty={position.qty}>
      <header className="position-head">
        <span className="position-symbol">{position.symbol}</span>
        <span className="tag tag-source">{position.source.toUpperCase()}</span>
        <span className={long ? 'position-side tone-good' : 'position-side tone-bad'}>
          {long ? 'LONG' : 'SHORT'} <span className="num">{formatQty(Math.abs(position.qty))}</span>
        </span>
        <span className="position-avg num" data-testid="position-avg" title="Average price">
          @ {at(position.avgPrice)}
        </span>
        <button type="button" className="button position-flatten" data-testid="position-flatten" disabled={busy} onClick={() => onFlatten(position)} title="Cancel its working orders and close it at market">
          Flatten
        </button>
      </header>
      <ol className="position-ladder" aria-label={`${position.symbol} live book`} data-testid="position-ladder">
        {rungs.map((r, i) => (
          <li
            key={r.order?.id ?? r.kind}
            className={`ladder-rung is-${r.kind}`}
            data-testid={r.kind === 'exit' ? `matrix-${r.label.toLowerCase().replaceAll(' ', '-')}` : `matrix-${r.kind}`}
            data-rung={i}
            data-price={r.price ?? ''}
          >
            <span className="ladder-label">{r.label}</span>
            <span className="ladder-price num">{at(r.price)}</span>
            <span className="ladder-aside num muted">{r.order === null ? '' : formatQty(r.order.qty - r.order.filledQty)}</span>
          </li>
        ))}
      </ol>
      <footer className="position-pnl">
        <span>
          <span className="muted">Unrealised </span>
          <span className={`num ${pnl === null ? 'tone-muted' : pnlTone(pnl)}`} data-testid="position-unrealized">
            {pnl === null ? '—' : signedMoney(pnl)}
          </span>
        </span>
        <span>
          <span className="muted">Realised </span>
          <span className={`num ${pnlTone(position.realizedPnl)}`} data-testid="position-realized">
            {signedMoney(position.realizedPnl)}
          </span>
        </span>
        <span className="muted" title="Fees paid on this position's fills">
          fees <span className="num">{money(position.fees)}</span>
        </span>
      </footer>
    </article>
  );
}
