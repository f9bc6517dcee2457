import { useEffect, useRef, type ReactElement } from 'react';

/** Where the menu opened: the drawing and the point (CSS px in the pane's chart). */
export interface MenuAt {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface DrawingMenuProps {
  readonly at: MenuAt;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

/** A drawing's right-click menu, at the click; closed by a press elsewhere or Esc. */
export function DrawingMenu({ at, onDelete, onClose }: DrawingMenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (event: MouseEvent): void => {
      if (event.target instanceof Node && ref.current?.contains(event.target) === true) return;
      onClose();
    };
    const key = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('mousedown', away, true);
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('keydown', key);
    };
  }, [onClose]);
  return (
    <div ref={ref} className="pane-context-menu" role="menu" style={{ left: at.x, top: at.y }} data-testid="drawing-menu">
      <button type="button" role="menuitem" className="pane-context-item" data-testid="drawing-delete" onClick={onDelete}>
        Delete drawing
      </button>
    </div>
  );
}
