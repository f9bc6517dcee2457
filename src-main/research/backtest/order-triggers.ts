/**
 * Where an order meets a bar: pure price rules, before slippage (the cost
 * model makes the returned price worse afterwards). `side` is +1 for a buy,
 * -1 for a sell; NaN means "not filled on this bar". A bar is read in time
 * order: its open first, then its range [low, high] in an unknown path.
 */

/** Kinds of a resting order (a market-on-close order never rests: it fills at its own bar's close). */
export const MARKET = 0;
export const LIMIT = 1;
export const STOP = 2;
export type RestingKind = typeof MARKET | typeof LIMIT | typeof STOP;

/**
 * The fill at the bar's open, or NaN: a market order always fills there; a
 * limit or stop fills there when the open is already at or through its price
 * (a gap through the price fills at the open, better than the limit for a
 * limit, worse than the stop for a stop).
 * - buy limit: open <= level; sell limit: open >= level;
 * - buy stop: open >= level; sell stop: open <= level.
 */
export function fillAtOpen(kind: RestingKind, side: number, level: number, open: number): number {
  switch (kind) {
    case MARKET:
      return open;
    case LIMIT:
      return (side > 0 ? open <= level : open >= level) ? open : Number.NaN;
    case STOP:
      return (side > 0 ? open >= level : open <= level) ? open : Number.NaN;
  }
}

/**
 * The fill inside the bar for a limit or stop not filled at the open, or NaN:
 * at its price when the range reaches it.
 * - buy limit: low <= level; sell limit: high >= level;
 * - buy stop: high >= level; sell stop: low <= level.
 */
export function fillInsideBar(kind: RestingKind, side: number, level: number, high: number, low: number): number {
  switch (kind) {
    case MARKET:
      return Number.NaN;
    case LIMIT:
      return (side > 0 ? low <= level : high >= level) ? level : Number.NaN;
    case STOP:
      return (side > 0 ? high >= level : low <= level) ? level : Number.NaN;
  }
}

export const EXIT_NONE = 0;
export const EXIT_STOP_LOSS = 1;
export const EXIT_TAKE_PROFIT = 2;
export type ExitKind = typeof EXIT_NONE | typeof EXIT_STOP_LOSS | typeof EXIT_TAKE_PROFIT;

/** Reused by the engine so the per-bar check allocates nothing. */
export interface ExitCheck {
  kind: ExitKind;
  price: number;
}

/**
 * The protective exit of a position of sign `sign` (+1 long, -1 short) on this
 * bar, written into `out`. A missing level is NaN (never hit).
 * 1. At the open: a gap through the stop-loss exits at the open; else a gap
 *    through the take-profit exits at the open (no ambiguity: the open comes
 *    first).
 * 2. Inside the bar: when the range reaches the stop-loss it exits at the
 *    stop-loss, even if the take-profit is also inside the range: the path
 *    inside a bar is unknown, so the stop is assumed to hit first
 *    (pessimistic); else when it reaches the take-profit it exits there.
 * Long: stop hit when price <= stopLoss, target when price >= takeProfit;
 * short mirrored.
 */
export function protectiveExit(sign: number, stopLoss: number, takeProfit: number, open: number, high: number, low: number, out: ExitCheck): boolean {
  const long = sign > 0;
  if (long ? open <= stopLoss : open >= stopLoss) return exit(out, EXIT_STOP_LOSS, open);
  if (long ? open >= takeProfit : open <= takeProfit) return exit(out, EXIT_TAKE_PROFIT, open);
  if (long ? low <= stopLoss : high >= stopLoss) return exit(out, EXIT_STOP_LOSS, stopLoss);
  if (long ? high >= takeProfit : low <= takeProfit) return exit(out, EXIT_TAKE_PROFIT, takeProfit);
  out.kind = EXIT_NONE;
  out.price = Number.NaN;
  return false;
}

function exit(out: ExitCheck, kind: ExitKind, price: number): true {
  out.kind = kind;
  out.price = price;
  return true;
}
