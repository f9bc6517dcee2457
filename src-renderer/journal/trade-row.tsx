import { memo, type ReactElement } from 'react';
import type { JournalTrade } from '../../shared/contract';
import { formatInZone, formatPnl, formatPrice, formatR, formatSize, zoneLabel } from './journal-format';

export interface TradeRowProps {
  readonly trade: JournalTrade;
  readonly account: string;
  readonly selected: boolean;
  readonly onSelect: (tripId: string) => void;
}

export const TRADE_COLUMNS = ['Opened', 'Symbol', 'Side', 'Qty', 'Entry', 'Exit', 'Net', 'R', 'Setup', 'Tags', 'Rating', 'Shots', 'Account'] as const;

/** One round trip in the list: a fixed-height row (the list is windowed). */
export const TradeRow = memo(function TradeRow({ trade: t, account, selected, onSelect }: TradeRowProps): ReactElement {
  const tone = t.outcome === 'win' ? 'tone-good' : t.outcome === 'loss' ? 'tone-bad' : 'tone-muted';
  return (
    <div
      role="row"
      className={`journal-row${selected ? ' is-selected' : ''}`}
      aria-selected={selected}
      data-testid="journal-row"
      data-trip={t.id}
      onClick={() => onSelect(t.id)}
    >
      <span role="cell" className="num">
        {formatInZone(t.openedAt, t.zone)} <span className="muted">{zoneLabel(t.zone)}</span>
      </span>
      <span role="cell" className="journal-symbol">
        {t.symbol}
      </span>
      <span role="cell" className={t.side === 'long' ? 'tone-good' : 'tone-bad'}>
        {t.side}
      </span>
      <span role="cell" className="num right">
        {formatSize(t.maxQty)}
      </span>
      <span role="cell" className="num right">
        {formatPrice(t.avgEntry)}
      </span>
      <span role="cell" className="num right">
        {formatPrice(t.avgExit)}
      </span>
      <span role="cell" className={`num right ${tone}`} data-testid="journal-row-net">
        {t.open ? 'open' : formatPnl(t.netPnl, t.currency)}
      </span>
      <span role="cell" className="num right">
        {formatR(t.r)}
      </span>
      <span role="cell" className="ellipsis">
        {t.setup ?? ''}
      </span>
      <span role="cell" className="ellipsis" data-testid="journal-row-tags">
        {t.tags.map((g) => g.tag).join(', ')}
      </span>
      <span role="cell" aria-label={t.rating === null ? 'not rated' : `rated ${String(t.rating)} of 5`}>
        {t.rating === null ? '' : '★'.repeat(t.rating)}
      </span>
      <span role="cell" className={`num right${t.shotProblems > 0 ? ' tone-bad' : ''}`} data-testid="journal-row-shots" title={t.shotProblems > 0 ? `${String(t.shotProblems)} screenshot files missing` : undefined}>
        {t.shots === 0 ? '' : t.shotProblems > 0 ? `${String(t.shots)} !` : String(t.shots)}
      </span>
      <span role="cell" className="ellipsis muted">
        {account}
      </span>
    </div>
  );
});
