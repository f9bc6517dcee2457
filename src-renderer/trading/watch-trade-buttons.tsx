import type { ReactElement } from 'react';

export interface WatchTradeButtonsProps {
  readonly symbol: string;
  readonly onTrade: (side: 'buy' | 'sell') => void;
}

/** A watchlist row's one-click B / S (shown on hover): a market order at the default size with the ticket's exits. */
export function WatchTradeButtons({ symbol, onTrade }: WatchTradeButtonsProps): ReactElement {
  return (
    <span className="watch-trade">
      <button type="button" className="watch-trade-button side-buy" aria-label={`Buy ${symbol} (one click)`} title={`Buy ${symbol} at market, default size`} data-testid={`watch-buy-${symbol}`} onClick={() => onTrade('buy')}>
        B
      </button>
      <button type="button" className="watch-trade-button side-sell" aria-label={`Sell ${symbol} (one click)`} title={`Sell ${symbol} at market, default size`} data-testid={`watch-sell-${symbol}`} onClick={() => onTrade('sell')}>
        S
      </button>
    </span>
  );
}
