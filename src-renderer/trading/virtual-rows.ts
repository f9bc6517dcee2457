/** The rows of a fixed-height list worth drawing: those in view and `overscan` on either side. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 10): { readonly start: number; readonly end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}
