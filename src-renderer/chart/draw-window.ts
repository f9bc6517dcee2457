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
 * Whether the newest drawn bar (logical index `drawn - 1`) is in view, or
 * within `edge` bars of it (`visibleTo`, the logical index of the last bar
 * in view; null: none).
 * Scrolled back, a live tick would move only the last-price label, yet
 * lightweight-charts would rebuild every point of every series it updates:
 * live ticks are held until the newest bar is back in view.
 */
export function newestInView(drawn: number, visibleTo: number | null, edge = 0): boolean {
  return visibleTo !== null && visibleTo >= drawn - 1 - edge;
}

/**
 * Where the drawn bars are cut when older ones went in front and there are
 * more than `max` of them: `ahead` bars past the last one in view stay drawn,
 * the newer ones are set aside (held, drawn again as the view comes near
 * them), so however far back the user scrolls lightweight-charts holds a
 * bounded series. Returns the count to keep (`drawn`: nothing cut).
 */
export function newestCut(drawn: number, visibleTo: number | null, max: number, ahead: number): number {
  if (visibleTo === null || drawn <= max) return drawn;
  const keep = Math.max(0, Math.ceil(visibleTo) + 1) + ahead;
  return keep < drawn ? keep : drawn;
}

/**
 * How many of the oldest drawn bars go when newer ones were drawn again and
 * there are more than `max`: never one within `behind` bars of the first in
 * view (`visibleFrom`).
 */
export function oldestCut(drawn: number, visibleFrom: number | null, max: number, behind: number): number {
  if (visibleFrom === null || drawn <= max) return 0;
  return Math.max(0, Math.min(drawn - max, Math.floor(visibleFrom) - behind));
}
