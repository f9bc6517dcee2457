/**
 * Bid and ask around the model's mid. Options quote on the penny-pilot grid:
 * $0.01 below $3, $0.05 from $3. The spread is a fraction of the mid that
 * widens away from the money (|z|, the smile's standardised moneyness) and as
 * expiry nears (days to expiry), never under one tick; bids round down and
 * asks up to the grid, and a contract worth less than a tick is bid at 0.
 */
const BASE_RELATIVE = 0.02;
const AWAY_WIDENING = 0.4;
const EXPIRY_WIDENING = 0.5;
const MAX_RELATIVE = 1;

export function optionTick(price: number): number {
  return price < 3 ? 0.01 : 0.05;
}

function toCents(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface BidAsk {
  readonly bid: number;
  readonly ask: number;
}

export function quoteSpread(mid: number, moneyness: number, daysToExpiry: number): BidAsk {
  const relative = Math.min(BASE_RELATIVE * (1 + AWAY_WIDENING * Math.abs(moneyness)) * (1 + EXPIRY_WIDENING / (daysToExpiry + 0.5)), MAX_RELATIVE);
  const half = (mid * relative) / 2;
  const rawBid = mid - half;
  const rawAsk = mid + half;
  const bidTick = optionTick(rawBid);
  const askTick = optionTick(rawAsk);
  let bid = rawBid <= 0 ? 0 : toCents(Math.floor(rawBid / bidTick + 1e-9) * bidTick);
  let ask = toCents(Math.ceil(rawAsk / askTick - 1e-9) * askTick);
  if (ask <= 0) ask = 0.01;
  if (ask - bid < 0.01 - 1e-9) bid = toCents(Math.max(ask - optionTick(ask), 0));
  return { bid, ask };
}
