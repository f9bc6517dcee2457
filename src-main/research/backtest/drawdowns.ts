/** Drawdown figures of an equity curve (percent figures are 0 or negative). */
export interface DrawdownSummary {
  /** The deepest drawdown: min over bars of (equity - running peak) / running peak * 100. */
  readonly maxDrawdownPct: number;
  /** The mean of each drawdown period's deepest point; 0 when there was none. */
  readonly avgDrawdownPct: number;
  /** The longest drawdown period in bars; 0 when there was none. */
  readonly maxDrawdownDurationBars: number;
  /** How many drawdown periods there were. */
  readonly periods: number;
  /** The highest peak: max(starting cash, every equity). */
  readonly peakEquity: number;
}

/**
 * Fills `out[i] = (equity[i] - peak_i) / peak_i * 100` (exact when equity
 * is near the peak, unlike equity / peak - 1), where peak_i is the running
 * maximum of the starting cash and equity[0..i], and summarises the periods.
 *
 * A drawdown period (backtesting.py's `compute_drawdown_duration_peaks`) runs
 * from the last bar at a peak to the first bar back at or above it, or to the
 * last bar when equity never recovers; its duration is the difference of the
 * two bar indices, and its depth the deepest drawdown inside it. Where we
 * differ: the starting cash is a peak at the virtual index -1 (a fill on bar 0
 * pays commission before the first mark, and that is a drawdown too), and
 * durations are in bars, not in clock time (the contract's
 * `maxDrawdownDurationBars`). With no drawdown at all the average and the
 * longest duration are 0, not undefined: "never below the peak" is a fact.
 */
export function fillDrawdowns(equity: Float64Array, startCash: number, out: Float64Array): DrawdownSummary {
  const n = equity.length;
  let peak = startCash;
  let peakIndex = -1;
  let inDrawdown = false;
  let deepest = 0;
  let maxDrawdown = 0;
  let sumDepths = 0;
  let periods = 0;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const e = equity[i] ?? Number.NaN;
    if (e >= peak) {
      if (inDrawdown) {
        sumDepths += deepest;
        periods++;
        if (i - peakIndex > longest) longest = i - peakIndex;
        inDrawdown = false;
      }
      peak = e;
      peakIndex = i;
      out[i] = 0;
    } else {
      const dd = ((e - peak) / peak) * 100;
      out[i] = dd;
      if (!inDrawdown) {
        inDrawdown = true;
        deepest = dd;
      } else if (dd < deepest) {
        deepest = dd;
      }
      if (dd < maxDrawdown) maxDrawdown = dd;
    }
  }
  if (inDrawdown) {
    sumDepths += deepest;
    periods++;
    if (n - 1 - peakIndex > longest) longest = n - 1 - peakIndex;
  }
  return {
    maxDrawdownPct: maxDrawdown,
    avgDrawdownPct: periods === 0 ? 0 : sumDepths / periods,
    maxDrawdownDurationBars: longest,
    periods,
    peakEquity: peak,
  };
}
