/**
 * Which rows of a long list to draw: only those in view plus a few either
 * side (overscan), so 5,000 trades cost what 30 do. Rows have one fixed
 * height; the drawn block is shifted down by `offset` inside a spacer as tall
 * as the whole list, so the scrollbar is true to the list's length.
 */
export interface VisibleRows {
  /** First row drawn (inclusive). */
  readonly start: number;
  /** Last row drawn (exclusive). */
  readonly end: number;
  /** Pixels above the first drawn row. */
  readonly offset: number;
  /** Height of the whole list. */
  readonly total: number;
}

export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): VisibleRows {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + shown + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/** Tiles per row of a gallery `width` pixels wide (at least one). */
export function tilesPerRow(width: number, tileWidth: number): number {
  return Math.max(1, Math.floor(width / tileWidth));
}
