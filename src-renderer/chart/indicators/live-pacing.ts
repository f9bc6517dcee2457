/**
 * When a pane's indicators follow a live update of the candles: null to draw
 * them now, with the candles, in the same task (both share one paint), when
 * the last indicator draw is at least `every` ms old; else the ms to wait.
 * The wait runs `grace` ms past the due time, so that under a steady stream
 * the next candle draw (at most `grace` later) draws them, not a task of its own.
 */
export function indicatorDrawDelay(now: number, lastDraw: number, every: number, grace: number): number | null {
  const wait = lastDraw + every - now;
  return wait <= 0 ? null : wait + grace;
}
