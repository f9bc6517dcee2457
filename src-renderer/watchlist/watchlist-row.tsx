import type { ReactElement } from 'react';
import type { SymbolId } from '../../shared/domain/symbol';

export interface WatchlistRowProps {
  readonly symbol: SymbolId;
  readonly active: boolean;
  readonly disabled: boolean;
  readonly onSelect: (symbol: SymbolId) => void;
  readonly onRemove: (symbol: SymbolId) => void;
}

/** One watched symbol; quotes fill the last/change cells once a feed is connected. */
export function WatchlistRow({ symbol, active, disabled, onSelect, onRemove }: WatchlistRowProps): ReactElement {
  return (
    <li className={active ? 'watch-row is-active' : 'watch-row'} data-symbol={symbol}>
      <button type="button" className="watch-select" aria-pressed={active} onClick={() => {
          onSelect(symbol);
        }}>
        <span className="watch-symbol">{symbol}</span>
        <span className="watch-last num">—</span>
        <span className="watch-change num">—</span>
      </button>
      <button
        type="button"
        className="icon-button watch-remove"
        aria-label={`Remove ${symbol} from the watchlist`}
        title={`Remove ${symbol}`}
        disabled={disabled}
        onClick={() => {
          onRemove(symbol);
        }}
      >
        ×
      </button>
    </li>
  );
}
