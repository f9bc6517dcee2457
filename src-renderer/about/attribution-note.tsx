import type { ReactElement } from 'react';

/** Third-party notices the licences ask us to show to users. */
export function AttributionNote(): ReactElement {
  return (
    <p className="attribution-note" data-testid="attribution">
      Charts by TradingView Lightweight Charts™ (Apache-2.0), Copyright © TradingView, Inc.{' '}
      <a href="https://www.tradingview.com/" target="_blank" rel="noreferrer noopener">
        tradingview.com
      </a>
    </p>
  );
}
