/**
 * How many of the oldest drawn bars a live draw drops: lightweight-charts
 * costs per live update and per paint in proportion to the bars a series
 * holds (not those in view), so a pane scrolled back a long way and then
 * returned to the live edge goes back to drawing its newest `keep` bars.
 * Nothing is dropped while fewer than `keep + slack` bars are drawn (a page
 * scrolled back stays drawn) or unless the view starts in the newer half of
 * the bars kept (`visibleFrom`, the logical index of the first bar in view;
 * null: none), so the view stays far from the left edge that draws more.
 */
export function barsToDrop(drawn: number, visibleFrom: number | null, keep: number, slack: number): number {
  if (visibleFrom === null || drawn <= keep + slack) return 0;
  const drop = drawn - keep;
  return visibleFrom >= drop + keep / 2 ? drop : 0;
}

/**
 * The least time between two live draws of a pane: `inView` when the newest
 * drawn bar (logical index `drawn - 1`) is in view (`visibleTo`, the logical
 * index of the last bar in view; null: none), else `offView`. Scrolled back,
 * a live tick moves only the last-price label, yet lightweight-charts still
 * rebuilds every bar of the series for it.
 */
export function liveDrawGap(drawn: number, visibleTo: number | null, inView: number, offView: number): number {
  return visibleTo !== null && visibleTo >= drawn - 1 ? inView : offView;
}
