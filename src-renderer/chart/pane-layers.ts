import type { ComponentType } from 'react';
import type { PaneLayerProps } from './pane-handle';
import { SessionLayer } from './session-layer';

/**
 * The layers every pane mounts, in order, each with the pane's handle and
 * view (pane-handle.ts). Phase 2 adds indicators, levels, markers, drawings
 * and replay here.
 */
export const PANE_LAYERS: readonly { readonly id: string; readonly Layer: ComponentType<PaneLayerProps> }[] = [{ id: 'sessions', Layer: SessionLayer }];
