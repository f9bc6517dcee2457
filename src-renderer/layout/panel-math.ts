import { PANEL_BOUNDS, type PanelDimension, type PanelSizes } from '../../shared/chart/panel-sizes-settings';

/** Until the settings are read (the embedded defaults). */
export const INITIAL_PANELS: PanelSizes = {
  leftWidth: 232,
  rightWidth: 272,
  bottomHeight: 260,
  leftCollapsed: false,
  rightCollapsed: false,
  bottomCollapsed: false,
};

const COLLAPSED: Readonly<Record<PanelDimension, 'leftCollapsed' | 'rightCollapsed' | 'bottomCollapsed'>> = {
  leftWidth: 'leftCollapsed',
  rightWidth: 'rightCollapsed',
  bottomHeight: 'bottomCollapsed',
};

export function clampPanel(dimension: PanelDimension, px: number): number {
  const { min, max } = PANEL_BOUNDS[dimension];
  return Math.round(Math.min(max, Math.max(min, px)));
}

/**
 * The size after a drag that started at `startPx` and moved `deltaPx` along
 * the drag axis; `grows` is +1 when moving that way enlarges the panel (the
 * left column dragged right), -1 when it shrinks it (the right column, the
 * bottom panel dragged down). A drag always opens a collapsed panel.
 */
export function draggedPanels(p: PanelSizes, dimension: PanelDimension, startPx: number, deltaPx: number, grows: 1 | -1): PanelSizes {
  const size = clampPanel(dimension, startPx + grows * deltaPx);
  const collapsed = COLLAPSED[dimension];
  if (p[dimension] === size && !p[collapsed]) return p;
  return { ...p, [dimension]: size, [collapsed]: false };
}

export function toggledPanel(p: PanelSizes, dimension: PanelDimension): PanelSizes {
  const collapsed = COLLAPSED[dimension];
  return { ...p, [collapsed]: !p[collapsed] };
}

export function isCollapsed(p: PanelSizes, dimension: PanelDimension): boolean {
  return p[COLLAPSED[dimension]];
}

/** The pixels each panel takes on screen: 0 when collapsed. */
export function shownSizes(p: PanelSizes): { readonly left: number; readonly right: number; readonly bottom: number } {
  return {
    left: p.leftCollapsed ? 0 : p.leftWidth,
    right: p.rightCollapsed ? 0 : p.rightWidth,
    bottom: p.bottomCollapsed ? 0 : p.bottomHeight,
  };
}
