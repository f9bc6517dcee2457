/**
 * Wilder's true range (TA_TRANGE): the greatest of high − low,
 * |prevClose − high| and |prevClose − low|. Undefined on the first bar, which
 * has no previous close; ATR and ADX start their sums at bar 1.
 */
export function trueRange(high: number, low: number, prevClose: number): number {
  let greatest = high - low;
  const toHigh = Math.abs(prevClose - high);
  if (toHigh > greatest) greatest = toHigh;
  const toLow = Math.abs(prevClose - low);
  if (toLow > greatest) greatest = toLow;
  return greatest;
}
