import type { ComponentType } from 'react';
import { DrawingsLayer } from './drawings/drawings-layer';
import { IndicatorsLayer } from './indicators/indicators-layer';
import { LevelsLayer } from './levels/levels-layer';
import { MarkersLayer } from './markers/markers-layer';
import type { PaneLayerProps } from './pane-handle';
import { PriceLinesLayer } from './price-lines/price-lines-layer';
import { ReplayLayer } from './replay/replay-layer';
import { OneClickLayer } from '../trading/one-click-layer';
import { SessionLayer } from './session-layer';

/**
 * The layers every pane mounts, in order, each with the pane's handle and
 * view (pane-handle.ts): session separators, indicators, the traders'
 * levels, markers (marker-layer.ts), drawings, price lines
 * (price-line-layer.ts) and bar replay.
 */
export const PANE_LAYERS: readonly { readonly id: string; readonly Layer: ComponentType<PaneLayerProps> }[] = [
  { id: 'sessions', Layer: SessionLayer },
  /** Paper trading: BUY/SELL at the default size on the active pane (its orders, fills and average price are lines and markers). */
  { id: 'one-click', Layer: OneClickLayer },
  { id: 'indicators', Layer: IndicatorsLayer },
  { id: 'levels', Layer: LevelsLayer },
  { id: 'markers', Layer: MarkersLayer },
  { id: 'drawings', Layer: DrawingsLayer },
  { id: 'price-lines', Layer: PriceLinesLayer },
  { id: 'replay', Layer: ReplayLayer },
];
