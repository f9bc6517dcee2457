import type { CSSProperties, ReactElement } from 'react';
import { useStore } from 'zustand';
import { BottomPanel } from '../bottom-panel/bottom-panel';
import { useGlobalHotkeys } from '../hotkeys/use-global-hotkeys';
import { ChartArea } from '../layout/chart-area';
import { INITIAL_PANELS, shownSizes } from '../layout/panel-math';
import { ResizeHandle } from '../layout/resize-handle';
import { PositionsPanel } from '../positions/positions-panel';
import { OrderTicketPanel } from '../ticket/order-ticket-panel';
import { TopBar } from '../top-bar/top-bar';
import { WatchlistPanel } from '../watchlist/watchlist-panel';
import { useAppStores } from './app-context';

/**
 * The workstation's grid: top bar, watchlist | charts | ticket + positions,
 * bottom tabs; the columns and the bottom panel resize by dragging the
 * handles between them and collapse by double-click (sizes in settings.panels).
 */
export function WorkstationFrame(): ReactElement {
  const stores = useAppStores();
  const panels = useStore(stores.panels, (s) => s.value ?? INITIAL_PANELS);
  const shown = shownSizes(panels);
  useGlobalHotkeys();

  const sizes = {
    '--frame-left': `${String(shown.left)}px`,
    '--frame-right': `${String(shown.right)}px`,
    '--frame-bottom': `${String(shown.bottom)}px`,
  } as CSSProperties;

  return (
    <div className="frame" style={sizes} data-testid="frame">
      <div className="frame-top">
        <TopBar />
      </div>
      <div className="frame-left" hidden={panels.leftCollapsed}>
        <WatchlistPanel />
      </div>
      <ResizeHandle dimension="leftWidth" grows={1} name="watchlist" className="frame-left-handle" />
      <main className="frame-centre">
        <ChartArea />
      </main>
      <ResizeHandle dimension="rightWidth" grows={-1} name="order ticket and positions" className="frame-right-handle" />
      <div className="frame-right" hidden={panels.rightCollapsed}>
        <OrderTicketPanel />
        <PositionsPanel />
      </div>
      <ResizeHandle dimension="bottomHeight" grows={-1} name="bottom panel" className="frame-bottom-handle" />
      <div className="frame-bottom" data-testid="frame-bottom" hidden={panels.bottomCollapsed}>
        <BottomPanel />
      </div>
    </div>
  );
}
