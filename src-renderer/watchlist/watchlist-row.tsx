import type { ReactElement } from 'react';
import type { SymbolId } from '../../shared/domain/symbol';
import type { DailyQuote } from '../bars/daily-change';
import { changeTone, formatChangePct } from '../format/format-change';
import { formatPrice } from '../format/price-precision';
import { OpenChainButton } from '../options/open-chain-button';
import { WatchTradeButtons } from '../trading/watch-trade-buttons';

export interface WatchlistRowProps {
  readonly symbol: SymbolId;
  /** Where its quote comes from; null until resolved. */
  readonly source: string | null;
  readonly selected: boolean;
  readonly disabled: boolean;
  readonly quote: DailyQuote | null;
  /** Decimal places for the last price. */
  readonly precision: number;
  readonly onSelect: (symbol: SymbolId) => void;
  readonly onRemove: (symbol: SymbolId) => void;
  /** One-click paper order at the default size (null: no source yet). */
  readonly onTrade?: ((side: 'buy' | 'sell') => void) | null;
}

/** One watched symbol with its last price and change on the day; selecting it charts it. */
export function WatchlistRow({ symbol, source, selected, disabled, quote, precision, onSelect, onRemove, onTrade = null }: WatchlistRowProps): ReactElement {
  const change = quote?.changePct ?? null;
  return (
    <li
      className={selected ? 'watch-row is-active' : 'watch-row'}
      role="option"
      aria-selected={selected}
      data-symbol={symbol}
      data-source={source ?? ''}
      data-testid={`watch-row-${symbol}`}
    >
      <button
        type="button"
        className="watch-select"
        aria-pressed={selected}
        title={source === null ? symbol : `${symbol} · quoted from ${source.toUpperCase()}`}
        onClick={() => {
          onSelect(symbol);
        }}
      >
        <span className="watch-symbol">{symbol}</span>
        <span className={quote === null ? 'watch-last num' : 'watch-last num has-quote'} data-testid="watch-last">
          {quote === null ? '—' : formatPrice(quote.last, precision)}
        </span>
        <span className={`watch-change num tone-${changeTone(change)}`} data-testid="watch-change">
          {formatChangePct(change)}
        </span>
      </button>
      {onTrade !== null && <WatchTradeButtons symbol={symbol} onTrade={onTrade} />}
      <OpenChainButton symbol={symbol} source={source} />
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
