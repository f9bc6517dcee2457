import { useRef, type PointerEvent, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { PanelDimension } from '../../shared/chart/panel-sizes-settings';
import { useAppStores } from '../app/app-context';
import { draggedPanels, INITIAL_PANELS, isCollapsed, toggledPanel } from './panel-math';

export interface ResizeHandleProps {
  readonly dimension: PanelDimension;
  /** +1 when dragging right (or down) enlarges the panel, -1 when it shrinks it. */
  readonly grows: 1 | -1;
  /** What the panel is, for the labels ("watchlist"). */
  readonly name: string;
  readonly className: string;
}

const ARROWS: Readonly<Record<PanelDimension, readonly [open: string, closed: string]>> = {
  leftWidth: ['‹', '›'],
  rightWidth: ['›', '‹'],
  bottomHeight: ['▾', '▴'],
};

/**
 * A drag handle between two regions of the frame (pointer events, one
 * settings write once the drag pauses); a double-click or its button
 * collapses or opens the panel.
 */
export function ResizeHandle({ dimension, grows, name, className }: ResizeHandleProps): ReactElement {
  const stores = useAppStores();
  const panels = useStore(stores.panels, (s) => s.value ?? INITIAL_PANELS);
  const drag = useRef<{ readonly pointer: number; readonly at: number; readonly size: number } | null>(null);
  const horizontal = dimension !== 'bottomHeight';
  const collapsed = isCollapsed(panels, dimension);
  const { update } = stores.panels.getState();

  const position = (e: PointerEvent): number => (horizontal ? e.clientX : e.clientY);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointer: e.pointerId, at: position(e), size: collapsed ? 0 : panels[dimension] };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null || d.pointer !== e.pointerId) return;
    const delta = position(e) - d.at;
    if (Math.abs(delta) < 2) return;
    update((p) => draggedPanels(p, dimension, d.size, delta, grows));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current?.pointer !== e.pointerId) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const toggle = (): void => {
    update((p) => toggledPanel(p, dimension));
  };
  const [openArrow, closedArrow] = ARROWS[dimension];

  return (
    <div
      className={`resize-handle ${horizontal ? 'is-columns' : 'is-rows'} ${className}`}
      role="separator"
      aria-orientation={horizontal ? 'vertical' : 'horizontal'}
      aria-label={`Resize the ${name}`}
      aria-valuenow={collapsed ? 0 : panels[dimension]}
      title={`Drag to resize the ${name}; double-click to ${collapsed ? 'open' : 'collapse'} it`}
      data-testid={`resize-${dimension}`}
      data-collapsed={collapsed}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={(e) => {
        if (e.target === e.currentTarget) toggle();
      }}
    >
      <button
        type="button"
        className="resize-toggle"
        aria-label={`${collapsed ? 'Open' : 'Collapse'} the ${name}`}
        data-testid={`toggle-${dimension}`}
        onClick={toggle}
      >
        {collapsed ? closedArrow : openArrow}
      </button>
    </div>
  );
}
