import type { IChartApi } from 'lightweight-charts';

/** A point in the price pane (the chart's top pane), in CSS pixels from its top-left corner. */
export interface PanePoint {
  readonly x: number;
  readonly y: number;
}

/** A press something on the pane took: it follows the mouse until the button is released. */
export interface PointerGrab {
  move(p: PanePoint): void;
  /** The button was released at `p`; `moved` is false for a click without a drag. */
  end(p: PanePoint, moved: boolean): void;
}

/** Something on the pane that takes presses (a draggable line, a drawing, a drawing tool). */
export interface PointerTarget {
  /** A press of the main button at `p`: a grab when the target takes it, else null (the chart pans as usual). */
  press(p: PanePoint): PointerGrab | null;
  /** A right click at `p` (`client`: for a menu placed in the page): true when the target answered it. */
  context?(p: PanePoint, client: PanePoint): boolean;
}

export interface PanePointer {
  /** Adds a target; lower `rank` is asked first (tools 0, order lines 10, drawings 20). Returns the function that removes it. */
  add(target: PointerTarget, rank: number): () => void;
  /** The pane's point under a mouse event, or null outside the price pane's plot. */
  pointOf(event: Pick<MouseEvent, 'clientX' | 'clientY'>): PanePoint | null;
  dispose(): void;
}

/** Moves shorter than this (CSS px) between press and release count as a click. */
const CLICK_SLOP_PX = 3;

/**
 * Mouse presses on a pane's chart for what is drawn on it: a press the
 * targets take (in rank order) is kept from lightweight-charts (stopped in
 * the capture phase, so the chart does not pan) and followed on the window
 * until release. Presses nobody takes reach the chart untouched.
 */
export function createPanePointer(chart: IChartApi, host: HTMLElement): PanePointer {
  const targets: { readonly target: PointerTarget; readonly rank: number; readonly order: number }[] = [];
  let order = 0;
  let stopGrab: (() => void) | null = null;

  const pointOf = (event: Pick<MouseEvent, 'clientX' | 'clientY'>): PanePoint | null => {
    const box = chart.chartElement().getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const height = chart.panes()[0]?.getHeight() ?? 0;
    if (x < 0 || y < 0 || x >= chart.timeScale().width() || y >= height) return null;
    return { x, y };
  };
  /** The point of an event while a grab follows it: clamped into the pane, never null. */
  const clampedPoint = (event: MouseEvent): PanePoint => {
    const box = chart.chartElement().getBoundingClientRect();
    const height = chart.panes()[0]?.getHeight() ?? 0;
    const clamp = (v: number, max: number): number => Math.min(Math.max(v, 0), Math.max(0, max - 1));
    return { x: clamp(event.clientX - box.left, chart.timeScale().width()), y: clamp(event.clientY - box.top, height) };
  };

  const follow = (grab: PointerGrab, from: PanePoint): void => {
    let moved = false;
    const onMove = (event: MouseEvent): void => {
      const p = clampedPoint(event);
      if (!moved && Math.hypot(p.x - from.x, p.y - from.y) < CLICK_SLOP_PX) return;
      moved = true;
      grab.move(p);
    };
    const onUp = (event: MouseEvent): void => {
      stop();
      grab.end(clampedPoint(event), moved);
    };
    const stop = (): void => {
      window.removeEventListener('mousemove', onMove, true);
      window.removeEventListener('mouseup', onUp, true);
      stopGrab = null;
    };
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseup', onUp, true);
    stopGrab = stop;
  };

  const onDown = (event: MouseEvent): void => {
    if (event.button !== 0 || stopGrab !== null) return;
    const p = pointOf(event);
    if (p === null) return;
    for (const { target } of targets) {
      const grab = target.press(p);
      if (grab === null) continue;
      event.stopPropagation();
      event.preventDefault();
      follow(grab, p);
      return;
    }
  };
  const onContext = (event: MouseEvent): void => {
    const p = pointOf(event);
    if (p === null) return;
    for (const { target } of targets) {
      if (target.context?.(p, { x: event.clientX, y: event.clientY }) === true) {
        event.stopPropagation();
        event.preventDefault();
        return;
      }
    }
  };
  host.addEventListener('mousedown', onDown, true);
  host.addEventListener('contextmenu', onContext, true);

  return {
    add(target, rank) {
      const entry = { target, rank, order: order++ };
      targets.push(entry);
      targets.sort((a, b) => a.rank - b.rank || a.order - b.order);
      return () => {
        const i = targets.indexOf(entry);
        if (i >= 0) targets.splice(i, 1);
      };
    },
    pointOf,
    dispose() {
      stopGrab?.();
      targets.length = 0;
      host.removeEventListener('mousedown', onDown, true);
      host.removeEventListener('contextmenu', onContext, true);
    },
  };
}
