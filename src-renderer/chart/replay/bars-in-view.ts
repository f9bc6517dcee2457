import type { PaneHandle } from '../pane-handle';

/** The bars in a pane's view now (its zoom), or null before anything is drawn. */
export function barsInView(pane: PaneHandle): number | null {
  const range = pane.chart.timeScale().getVisibleLogicalRange();
  return range === null ? null : Math.max(1, Math.round(range.to - range.from));
}
