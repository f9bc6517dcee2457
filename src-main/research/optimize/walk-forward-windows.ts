/** One walk-forward step: optimise on bars [isStart, isEnd), test the winner on [isEnd, oosEnd). */
export interface WalkForwardWindow {
  readonly isStart: number;
  readonly isEnd: number;
  readonly oosEnd: number;
}

/**
 * Rolling windows over `bars` bars for an in-sample:out-of-sample ratio such
 * as 4:1 (`--walk-forward 4:1`): `folds` out-of-sample segments of equal size
 * tile the end of the data, each preceded by its in-sample window of `is/oos`
 * times its length; the in-sample window rolls forward with them. The
 * out-of-sample segments never overlap, so stitched together they are a test
 * the optimiser never saw.
 */
export function walkForwardWindows(bars: number, inSample: number, outOfSample: number, folds: number): WalkForwardWindow[] {
  if (!(inSample > 0 && outOfSample > 0)) throw new RangeError('walk-forward: both parts of IS:OOS must be positive');
  if (!Number.isInteger(folds) || folds < 1) throw new RangeError('walk-forward: folds must be a whole number >= 1');
  // bars = isLen + folds * oosLen, with isLen = oosLen * inSample / outOfSample.
  const oosLen = Math.floor(bars / (folds + inSample / outOfSample));
  const isLen = Math.floor((oosLen * inSample) / outOfSample);
  if (oosLen < 2 || isLen < 2) throw new RangeError(`walk-forward: ${String(bars)} bars are too few for ${String(folds)} folds of ${String(inSample)}:${String(outOfSample)}`);
  const out: WalkForwardWindow[] = [];
  const first = bars - folds * oosLen;
  for (let k = 0; k < folds; k++) {
    const isEnd = first + k * oosLen;
    out.push({ isStart: isEnd - isLen, isEnd, oosEnd: isEnd + oosLen });
  }
  return out;
}

/** Parses "4:1" into its two parts. */
export function parseWalkForward(text: string): { inSample: number; outOfSample: number } | string {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (m === null) return `"${text}" is not IS:OOS (e.g. 4:1)`;
  const inSample = Number(m[1]);
  const outOfSample = Number(m[2]);
  if (inSample <= 0 || outOfSample <= 0) return 'both parts of IS:OOS must be positive';
  return { inSample, outOfSample };
}
