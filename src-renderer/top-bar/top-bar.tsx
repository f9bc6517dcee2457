import type { ReactElement } from 'react';
import { ConnectionIndicator } from './connection-indicator';
import { HealthBadge } from './health-badge';
import { TradingBar } from '../trading/trading-bar';
import { MarketClock } from './market-clock';

export function TopBar(): ReactElement {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Tapedeck</span>
      </div>
      <HealthBadge />
      <div className="top-bar-spacer" />
      <TradingBar />
      <ConnectionIndicator />
      <MarketClock />
    </header>
  );
}
