/**
 * Wilder's smoothing, in the two forms TA-Lib uses, with TA-Lib's exact
 * operation order (so results agree to the last bit):
 *
 * - the average form (RSI's average gain/loss, ATR, ADX's DX average):
 *   avg' = (avg × (n − 1) + x) / n
 * - the running-sum form (ADX's and ±DI's smoothed +DM, −DM and TR, which are
 *   n times an average and never divided back):
 *   sum' = sum − sum / n + x
 *
 * Both are an EMA with k = 1/n; TA-Lib seeds the average form with a simple
 * average of the first n values and the sum form with a plain sum of n − 1.
 */

export function wilderAverage(prev: number, x: number, n: number): number {
  return (prev * (n - 1) + x) / n;
}

export function wilderSum(prev: number, x: number, n: number): number {
  return prev - prev / n + x;
}
