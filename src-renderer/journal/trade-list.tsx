import { useMemo, type ReactElement } from 'react';
import type { JournalTrade } from '../../shared/contract';
import { TRADE_COLUMNS, TradeRow } from './trade-row';
import { useScrollBox } from './use-scroll-box';
import { visibleRows } from './virtual-window';

/** Kept in step with .journal-row in styles/journal.css. */
export const ROW_HEIGHT = 22;

export interface TradeListProps {
  readonly trades: readonly JournalTrade[];
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  readonly selected: string | null;
  readonly onSelect: (tripId: string) => void;
}

/** The round trips as a table, newest first, windowed: only the rows in view (and a few around) are in the DOM. */
export function TradeList({ trades, accounts, selected, onSelect }: TradeListProps): ReactElement {
  const box = useScrollBox<HTMLDivElement>();
  const names = useMemo(() => new Map(accounts.map((a) => [a.id, a.name])), [accounts]);
  const rows = visibleRows(box.scrollTop, box.height, ROW_HEIGHT, trades.length);
  return (
    <div className="journal-list" role="table" aria-label="Trades" aria-rowcount={trades.length} data-testid="journal-list">
      <div role="row" className="journal-row journal-head">
        {TRADE_COLUMNS.map((c) => (
          <span key={c} role="columnheader">
            {c}
          </span>
        ))}
      </div>
      <div className="journal-scroll" ref={box.ref} onScroll={box.onScroll} data-testid="journal-scroll">
        <div style={{ height: rows.total, position: 'relative' }}>
          <div className="journal-window" style={{ transform: `translateY(${String(rows.offset)}px)` }}>
            {/* Keyed by place in the window, not by trade: a scroll updates the drawn rows in place instead of removing and creating DOM nodes. */}
            {trades.slice(rows.start, rows.end).map((t, slot) => (
              <TradeRow key={slot} trade={t} account={names.get(t.accountId) ?? t.accountId} selected={t.id === selected} onSelect={onSelect} />
            ))}
          </div>
        </div>
        {trades.length === 0 && <p className="journal-empty muted">No trades yet: place one, enter one by hand, or import a CSV.</p>}
      </div>
    </div>
  );
}
