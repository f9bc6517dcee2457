import type { ReactElement } from 'react';
import { BottomPanel } from '../bottom-panel/bottom-panel';
import { ChartPanel } from '../chart/chart-panel';
import { PositionsPanel } from '../positions/positions-panel';
import { OrderTicketPanel } from '../ticket/order-ticket-panel';
import { TopBar } from '../top-bar/top-bar';
import { WatchlistPanel } from '../watchlist/watchlist-panel';

/** The workstation's grid: top bar, watchlist | chart | ticket + positions, bottom tabs. */
export function WorkstationFrame(): ReactElement {
  return (
    <div className="frame">
      <div className="frame-top">
        <TopBar />
      </div>
      <div className="frame-left">
        <WatchlistPanel />
      </div>
      <main className="frame-centre">
        <ChartPanel />
      </main>
      <div className="frame-right">
        <OrderTicketPanel />
        <PositionsPanel />
      </div>
      <div className="frame-bottom">
        <BottomPanel />
      </div>
    </div>
  );
}
