import type { ReactElement } from 'react';
import type { JournalTrade } from '../../shared/contract';
import { formatInZone, formatPnl } from './journal-format';
import type { MediaCache } from './media-cache';
import { ShotImage } from './shot-image';
import { useScrollBox } from './use-scroll-box';
import { tilesPerRow, visibleRows } from './virtual-window';

/** Kept in step with .journal-tile in styles/journal.css. */
export const TILE_WIDTH = 196;
export const TILE_HEIGHT = 150;

export interface TradeGalleryProps {
  readonly trades: readonly JournalTrade[];
  readonly media: MediaCache;
  readonly selected: string | null;
  readonly onSelect: (tripId: string) => void;
}

/** The trades as pictures (each one's entry screenshot), windowed by rows of tiles. */
export function TradeGallery({ trades, media, selected, onSelect }: TradeGalleryProps): ReactElement {
  const box = useScrollBox<HTMLDivElement>();
  const perRow = tilesPerRow(box.width, TILE_WIDTH);
  const rowCount = Math.ceil(trades.length / perRow);
  const rows = visibleRows(box.scrollTop, box.height, TILE_HEIGHT, rowCount, 2);
  const shown = trades.slice(rows.start * perRow, rows.end * perRow);
  return (
    <div className="journal-gallery" ref={box.ref} onScroll={box.onScroll} data-testid="journal-gallery">
      <div style={{ height: rows.total, position: 'relative' }}>
        <div className="journal-tiles" style={{ transform: `translateY(${String(rows.offset)}px)`, gridTemplateColumns: `repeat(${String(perRow)}, ${String(TILE_WIDTH - 6)}px)` }}>
          {shown.map((t) => (
            <button key={t.id} type="button" className={`journal-tile${t.id === selected ? ' is-selected' : ''}`} data-testid="journal-tile" data-trip={t.id} onClick={() => onSelect(t.id)}>
              {t.cover === null ? <div className="shot-image is-empty">no screenshot</div> : <ShotImage cache={media} sha256={t.cover} alt={`${t.symbol} entry`} />}
              <span className="journal-tile-caption">
                <span>{t.symbol}</span>
                <span className={t.netPnl > 0 ? 'tone-good num' : t.netPnl < 0 ? 'tone-bad num' : 'num'}>{t.open ? 'open' : formatPnl(t.netPnl, t.currency)}</span>
                <span className="muted num">{formatInZone(t.openedAt, t.zone).slice(0, 10)}</span>
              </span>
            </button>
          ))}
        </div>
      </div>
      {trades.length === 0 && <p className="journal-empty muted">No trades to show.</p>}
    </div>
  );
}
