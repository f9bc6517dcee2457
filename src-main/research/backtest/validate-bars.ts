import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { BacktestError } from './backtest-error';

/**
 * The checks that let the engine trust its input:
 * - at least one bar, every column as long as `length` (`bars`);
 * - times are whole, non-negative UTC ms, strictly increasing: no duplicate,
 *   nothing out of order (`bars.time`);
 * - open, high, low and close are finite and positive (`bars.open`, ...);
 * - high is the bar's highest price and low its lowest (`bars.high`,
 *   `bars.low`): the fill model checks orders against [low, high] and assumes
 *   the open and the close lie inside it;
 * - volume is finite and not negative (`bars.volume`).
 * The `final` column is not read: the caller passes closed bars only.
 *
 * The engine checks the shape first and each bar as its loop reaches it,
 * before the bar is filled against or shown to the strategy (one pass over
 * memory instead of two); `validateBars` runs the same checks over a whole
 * series for a caller that wants the answer before running anything.
 */
export function validateBars(c: BarColumns): BacktestError | null {
  const shape = seriesProblem(c);
  if (shape !== null) return shape;
  let prev = Number.NEGATIVE_INFINITY;
  const { time, open, high, low, close, volume } = c;
  for (let i = 0; i < c.length; i++) {
    const t = time[i] ?? Number.NaN;
    const o = open[i] ?? Number.NaN;
    const h = high[i] ?? Number.NaN;
    const l = low[i] ?? Number.NaN;
    const cl = close[i] ?? Number.NaN;
    const v = volume[i] ?? Number.NaN;
    if (!barIsValid(prev, t, o, h, l, cl, v)) return barProblem(i, prev, t, o, h, l, cl, v);
    prev = t;
  }
  return null;
}

/** An empty series or a column shorter than `length`, or null. */
export function seriesProblem(c: BarColumns): BacktestError | null {
  const n = c.length;
  if (n === 0) return { kind: 'data', field: 'bars', message: 'bars: no bars to backtest' };
  if (c.time.length < n || c.open.length < n || c.high.length < n || c.low.length < n || c.close.length < n || c.volume.length < n) {
    return { kind: 'data', field: 'bars', message: `bars: a column is shorter than length ${String(n)}` };
  }
  return null;
}

/**
 * Whether a bar passes every check, in one branch (NaN fails every
 * comparison): h >= o, h >= close, l <= o, l <= close with 0 < l and
 * h < Infinity bound every price; `prev` is the previous bar's time.
 */
export function barIsValid(prev: number, t: number, o: number, h: number, l: number, cl: number, v: number): boolean {
  return t > prev && t >= 0 && Math.floor(t) === t && l > 0 && h < Number.POSITIVE_INFINITY && h >= o && h >= cl && l <= o && l <= cl && v >= 0 && v < Number.POSITIVE_INFINITY;
}

/** Names what is wrong with bar `i`, which failed `barIsValid`. */
export function barProblem(i: number, prev: number, t: number, open: number, high: number, low: number, close: number, volume: number): BacktestError {
  if (!Number.isInteger(t) || t < 0) return bad('time', i, t, `time ${String(t)} is not whole non-negative UTC milliseconds`);
  if (t === prev) return bad('time', i, t, 'duplicates the time of the bar before it');
  if (t < prev) return bad('time', i, t, 'is earlier than the bar before it (bars must be in time order)');
  const price = badPrice(open, 'open') ?? badPrice(high, 'high') ?? badPrice(low, 'low') ?? badPrice(close, 'close');
  if (price !== null) return bad(price.field, i, t, price.message);
  if (high < open || high < close || high < low) return bad('high', i, t, `high ${String(high)} is below the open, close or low`);
  if (low > open || low > close) return bad('low', i, t, `low ${String(low)} is above the open or close`);
  return bad('volume', i, t, `volume ${String(volume)} is not a finite non-negative number`);
}

function badPrice(value: number, field: string): { field: string; message: string } | null {
  if (Number.isFinite(value) && value > 0) return null;
  return { field, message: `${field} ${String(value)} is not a finite positive price` };
}

function bad(column: string, index: number, time: number, what: string): BacktestError {
  const when = Number.isInteger(time) && time >= 0 && time <= 8.64e15 ? ` (${new Date(time).toISOString()})` : '';
  const field = `bars.${column}`;
  return { kind: 'data', field, message: `${field}: bar ${String(index)}${when}: ${what}`, barIndex: index, time };
}
